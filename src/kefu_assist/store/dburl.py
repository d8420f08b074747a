"""Passwords in database URLs: found, removed and masked without SQLAlchemy (the sidebar's GUI
thread uses this, and importing SQLAlchemy there costs a fifth of a second).

A password never belongs in the settings file: libpq, which psycopg drives, reads it from
``PGPASSWORD``, from ``~/.pgpass`` (``%APPDATA%\\postgresql\\pgpass.conf`` on Windows) or from the
file ``PGPASSFILE`` names. A URL with one is still accepted from ``--db`` or ``KEFU_ASSIST_DB``
(the user's own environment), but is never written down and never shown.

The URL grammar is SQLAlchemy's (``sqlalchemy.engine.url._parse_url``, mirrored here; a property
test compares the two): ``name://user:password@host:port/database?key=value&...``. The query's
``password`` (and ``sslpassword``) go to the driver as connection options, so they count too.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote_plus

SECRET_KEYS = frozenset({"password", "sslpassword"})
MASK = "***"

ADVICE = "请改用环境变量 PGPASSWORD、密码文件 ~/.pgpass 或 PGPASSFILE 指定的文件提供密码"
ADVICE_EN = "give it with PGPASSWORD, ~/.pgpass or the file PGPASSFILE names"

# sqlalchemy.engine.url._parse_url's pattern (SQLAlchemy 2.x), matched the same way (re.match).
_URL = re.compile(
    r"""
        (?P<name>[\w\+]+)://
        (?:
            (?P<username>[^:/]*)
            (?::(?P<password>[^@]*))?
        @)?
        (?:
            (?:
                \[(?P<ipv6host>[^/\?]+)\] |
                (?P<ipv4host>[^/:\?]+)
            )?
            (?::(?P<port>[^/\?]*))?
        )?
        (?:/(?P<database>[^\?]*))?
        (?:\?(?P<query>.*))?
        """,
    re.X,
)
# In free text (a driver's message, a string that is no URL): ``user:secret@`` (the whole run
# before the @ is masked, however the text around it is mangled) and libpq's ``password=secret``
# / ``password='a secret'``.
_TEXT_USERINFO = re.compile(r"(?P<keep>[^\s:@]*:)(?P<secret>[^\s@]+)(?=@)")
_TEXT_KEYVALUE = re.compile(r"(?P<keep>\b(?:ssl)?password\s*=\s*)(?P<secret>'(?:[^'\\]|\\.)*'?|[^\s&'][^\s&]*)", re.I)


def _secret_spans(url: str) -> list[tuple[int, int, int, int]] | None:
    """For a URL: (cut_start, cut_end, value_start, value_end) of each secret, where the cut
    is what removing it takes away (``:pw`` or ``password=pw`` with one ``&``). None if ``url``
    is no URL at all."""
    m = _URL.match(url)
    if m is None:
        return None
    spans = []
    if m.group("password") is not None:
        start, end = m.span("password")
        spans.append((start - 1, end, start, end))
    if m.group("query") is not None:
        q_start, q_end = m.span("query")
        pos = q_start
        items = []
        for item in m.group("query").split("&"):
            items.append((pos, pos + len(item), item))
            pos += len(item) + 1
        for i, (start, end, item) in enumerate(items):
            key, eq, _value = item.partition("=")
            if eq and unquote_plus(key).lower() in SECRET_KEYS:
                value_start = start + len(key) + 1
                if i + 1 < len(items):
                    cut = (start, end + 1)  # the item and the & after it
                elif i > 0:
                    cut = (start - 1, end)  # the & before it
                else:
                    cut = (start - 1, q_end)  # the only item: the ? goes too
                spans.append((*cut, value_start, end))
    return spans


def has_password(url: str) -> bool:
    """Whether ``url`` carries a (non-empty) password, in its user part or its query; for a
    string that is no URL (libpq's ``host=... password=...``), whether it names one."""
    text = url.strip()
    spans = _secret_spans(text)
    if spans is None:
        return masked(text) != text
    return any(end > start for _cut_start, _cut_end, start, end in spans)


def without_password(url: str) -> str:
    """``url`` with every password taken out (user name, host, database and other options
    kept as written; white space around it trimmed, as every reader of a URL does)."""
    text = url.strip()
    spans = _secret_spans(text)
    if spans is None:
        return _TEXT_KEYVALUE.sub("", text).strip()
    neat = text
    for cut_start, cut_end, _start, _end in sorted(spans, reverse=True):
        neat = neat[:cut_start] + neat[cut_end:]
    if _rest(neat) == _rest(text):
        return neat
    # SQLAlchemy's grammar is loose: without ``:password`` an ``@`` further on (in the host or
    # the query) can turn into the end of the user name. Then empty the values and keep the rest.
    for _cut_start, _cut_end, start, end in sorted(spans, reverse=True):
        text = text[:start] + text[end:]
    return text


def _rest(url: str) -> tuple | None:
    """Everything SQLAlchemy reads from ``url`` but its passwords."""
    m = _URL.match(url)
    if m is None:
        return None
    query = [item for item in (m.group("query") or "").split("&")
             if unquote_plus(item.partition("=")[0]).lower() not in SECRET_KEYS and item]
    return (m.group("name"), m.group("username") or "", m.group("ipv6host"), m.group("ipv4host"), m.group("port"),
            m.group("database"), query)


def masked(text: str) -> str:
    """``text`` with every password shown as ``***``, for messages: a URL exactly as SQLAlchemy
    reads it; any other text (a driver's message, a string that is no URL) wherever something
    looks like ``user:secret@`` or ``password=secret``."""
    spans = _secret_spans(text)
    if spans is not None:
        for _cut_start, _cut_end, start, end in sorted(spans, reverse=True):
            if end > start:
                text = text[:start] + MASK + text[end:]
        return text
    text = _TEXT_USERINFO.sub(lambda m: m.group("keep") + MASK, text)
    return _TEXT_KEYVALUE.sub(lambda m: m.group("keep") + MASK, text)


# -- the settings file ----------------------------------------------------------------------------
# QSettings' INI format (what the sidebar writes and store.db reads): top-level keys in [General],
# a value with special characters in double quotes with backslash escapes, one with a comma
# unquoted taken for a list.
SETTINGS_SECTION = "General"
SETTINGS_KEY = "db_url"
_PLAIN = re.compile(r"[A-Za-z0-9+:/@._~%?=&\-\[\]!$*()']*")
_INI_SPACE = " \t\r\n\f\v"  # QSettings trims these around a value; a no-break space is kept
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def ini_value(raw: str) -> str:
    """A QSettings INI value as text: backslash escapes undone wherever they are (QSettings
    writes ``a\\b`` and ``x\"y`` unquoted), double quotes (kept for commas, semicolons, ``=``
    and outer spaces) taken off, and the ``@@`` QSettings writes for a leading ``@`` undone."""
    raw = raw.strip(_INI_SPACE)
    out: list[str] = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == '"':
            i += 1
            continue
        if ch == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            if nxt == "x":
                digits = re.match(r"[0-9A-Fa-f]{1,4}", raw[i + 2:])
                if digits:
                    out.append(chr(int(digits.group(), 16)))
                    i += 2 + len(digits.group())
                    continue
            elif nxt in "01234567":
                digits = re.match(r"[0-7]{1,3}", raw[i + 1:])
                out.append(chr(int(digits.group(), 8)))  # type: ignore[union-attr]
                i += 1 + len(digits.group())  # type: ignore[union-attr]
                continue
            out.append(_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    value = "".join(out)
    return value[1:] if value.startswith("@@") else value


def ini_quote(value: str) -> str:
    """``value`` as QSettings writes it, so that QSettings and ini_value read it back unchanged."""
    if value.startswith("@"):
        value = "@" + value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    if _PLAIN.fullmatch(value):
        return escaped
    return f'"{escaped}"'


_SECTION = re.compile(r"^\s*\[(?P<name>[^\]]*)\]\s*$")
_KEY_LINE = re.compile(r"^(?P<key>\s*" + SETTINGS_KEY + r"\s*[=:])(?P<value>.*?)(?P<end>\r?\n?)$", re.I)  # as configparser reads it


def strip_settings_password(path: Path) -> str | None:
    """If the settings file's ``db_url`` holds a password, write the file again without it
    (nothing else in the file changes) and return the URL as it is now; else None. The
    rewritten file is readable by its owner only."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            lines = fh.readlines()
    except (OSError, UnicodeDecodeError):
        return None
    section = None
    for i, line in enumerate(lines):
        head = _SECTION.match(line)
        if head:
            section = head.group("name").strip()
            continue
        if section != SETTINGS_SECTION:
            continue
        m = _KEY_LINE.match(line)
        if m is None:
            continue
        value = ini_value(m.group("value"))
        if not has_password(value):
            continue
        clean = without_password(value)
        lines[i] = m.group("key") + ini_quote(clean) + (m.group("end") or "\n")
        from .. import paths
        from ..atomic import write_text

        write_text(path, "".join(lines))
        paths.tighten(path, paths.PRIVATE_FILE_MODE)
        return clean
    return None
