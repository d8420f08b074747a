"""The user's settings: one typed schema with defaults and validation, read by the sidebar
(through QSettings, ui/settings.py), the command line and the store alike. No Qt here.

The file is the INI file QSettings writes (``<config_dir>/settings.ini``): top-level keys in
``[General]``, ``section/key`` as ``[section] key=``, a value with special characters in double
quotes with backslash escapes (``C:\\Users\\…`` is written ``C:\\\\Users\\\\…`` and reads back as
written). :func:`read_file` and :func:`write_file` speak that format without Qt; a property test
holds them to QSettings.

The file is its owner's alone (0600, in a 0700 folder) and never holds a database password:
writing strips one, and :func:`load` takes one found in the file (from an older version) out of
it before anything reads it, and says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable, Protocol

from . import keycombo, paths
from .store import dburl  # Qt-free and SQLAlchemy-free

SETTINGS_FILE = "settings.ini"
GENERAL = "General"
THEMES = ("light", "dark")
FONT_SIZES = (8, 24)
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


@dataclass(frozen=True)
class Setting:
    """One entry of the schema: where it lives in the file and what it may hold."""

    key: str  # QSettings key: "db_url" is [General] db_url, "ui/theme" is [ui] theme
    doc: str
    choices: tuple[str, ...] = ()
    bounds: tuple[int, int] | None = None
    check: Callable[[str], str] | None = None  # text -> normalised text, or ValueError (message)


def _setting(key: str, default: Any, doc: str, **kw: Any) -> Any:
    return field(default=default, metadata={"setting": Setting(key, doc, **kw)})


PIN_SLOTS = 9  # Alt+1…9


def pins_list(text: str) -> list[str]:
    """The pinned script ids, slot 1 first, "" for an empty slot, always PIN_SLOTS long."""
    ids = [p.strip() for p in str(text).split(",")] if str(text).strip() else []
    return (ids + [""] * PIN_SLOTS)[:PIN_SLOTS]


def pins_text(text: str) -> str:
    """Pins as the file keeps them: ids by slot, commas between, trailing empty slots dropped.
    More than PIN_SLOTS entries, or an id with a comma or a line break, is a ValueError."""
    ids = [p.strip() for p in str(text).split(",")] if str(text).strip() else []
    if len(ids) > PIN_SLOTS:
        raise ValueError(f"最多固定 {PIN_SLOTS} 条话术")
    if any(ch in p for p in ids for ch in "\r\n"):
        raise ValueError("话术 id 里不能有换行")
    return ",".join(ids).rstrip(",")


@dataclass
class Preferences:
    """Every setting with its type and default. ``db_url`` empty: the embedded SQLite file."""

    shop: str = _setting("placeholders/shop", "", "店名：回复里的 {shop}")
    agent: str = _setting("placeholders/agent", "", "客服名：回复里的 {agent}")
    library_path: str = _setting("library/path", "", "话术库文件或文件夹（空：内置话术库）")
    always_on_top: bool = _setting("window/always_on_top", False, "窗口置顶")
    clipboard_watch: bool = _setting("clipboard/watch", False, "监视剪贴板里的买家消息")
    font_size: int = _setting("ui/font_size", 10, "字号", bounds=FONT_SIZES)
    theme: str = _setting("ui/theme", "light", "主题", choices=THEMES)
    db_url: str = _setting("db_url", "", "数据库地址（空：本机 SQLite 文件）；不含密码")
    hotkey: str = _setting("hotkey/keys", keycombo.DEFAULT, "全局快捷键：取选中的买家消息并显示推荐", check=keycombo.normalise)
    paste_to_chat: bool = _setting("hotkey/paste_to_chat", True, "粘贴到聊天窗口：复制后回到聊天窗口并粘贴（不发送）")
    close_to_tray: bool = _setting("window/close_to_tray", False, "关闭窗口时最小化到托盘")
    # the agent's own keyboard habit, like the hotkey: kept in the agent's settings file
    pins: str = _setting("pins/scripts", "", "Alt+1…9 固定话术：话术 id，逗号分隔，空位留空", check=pins_text)
    # on by default: a single-user install is usually the team lead's own; an agent's machine
    # turns it off to keep the 编辑 button and Ctrl+E out of the sidebar
    team_lead_tools: bool = _setting("team/lead_tools", True, "组长工具：侧边栏显示“编辑话术”（编辑按钮、Ctrl+E）和“待处理”（Ctrl+Shift+R、托盘菜单）入口")

    @classmethod
    def schema(cls) -> list[tuple[str, Setting, Any]]:
        """(attribute, setting, default) for each field, in order."""
        return [(f.name, f.metadata["setting"], f.default) for f in fields(cls)]

    @classmethod
    def parse(cls, get: ValueGetter) -> tuple[Preferences, list[str]]:
        """Settings from ``get(key)`` (None: not set), with a message for each value that is
        not valid and was replaced by its default (or the nearest allowed value)."""
        values: dict[str, Any] = {}
        problems: list[str] = []
        for name, setting, default in cls.schema():
            value, problem = _convert(setting, default, get(setting.key))
            values[name] = value
            if problem:
                problems.append(problem)
        return cls(**values), problems

    @classmethod
    def read(cls, source: ValueSource) -> Preferences:
        """From a QSettings (or anything with ``value(key)``); invalid values become defaults."""
        return cls.parse(lambda key: source.value(key))[0]

    def values(self) -> dict[str, str | bool | int]:
        """key -> value as written; a password in ``db_url`` is never written."""
        out: dict[str, str | bool | int] = {}
        for name, setting, _default in self.schema():
            value = getattr(self, name)
            if name == "db_url" and dburl.has_password(value):
                value = dburl.without_password(value)
            out[setting.key] = value
        return out

    def write(self, sink: ValueSink) -> None:
        """Into a QSettings (or anything with ``setValue`` and ``sync``)."""
        for key, value in self.values().items():
            sink.setValue(key, value)
        sink.sync()


class ValueGetter(Protocol):
    def __call__(self, key: str, /) -> object: ...


class ValueSource(Protocol):
    def value(self, key: str, /) -> object: ...


class ValueSink(Protocol):
    def setValue(self, key: str, value: object, /) -> None: ...

    def sync(self) -> None: ...


def _convert(setting: Setting, default: Any, raw: object) -> tuple[Any, str | None]:
    if raw is None:
        return default, None
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw, None
        text = str(raw).strip().lower()
        if text in _TRUE or text in _FALSE:
            return text in _TRUE, None
        return default, f"设置 {setting.key}（{setting.doc}）的值 {str(raw)!r} 不是 true/false，按 {str(default).lower()} 处理"
    if isinstance(default, int):
        try:
            number = int(str(raw).strip()) if not isinstance(raw, int) else raw
        except ValueError:
            return default, f"设置 {setting.key}（{setting.doc}）的值 {str(raw)!r} 不是整数，按 {default} 处理"
        if setting.bounds is not None:
            low, high = setting.bounds
            if not low <= number <= high:
                near = max(low, min(high, number))
                return near, f"设置 {setting.key}（{setting.doc}）的值 {number} 不在 {low}–{high} 之间，按 {near} 处理"
        return number, None
    text = "" if raw is None else str(raw)
    if setting.key == "db_url":
        text = text.strip()
    if setting.check is not None:
        try:
            return setting.check(text), None
        except ValueError as e:
            return default, f"设置 {setting.key}（{setting.doc}）的值 {text!r} 无效：{e}，按 {default} 处理"
    if setting.choices and text not in setting.choices:
        return default, f"设置 {setting.key}（{setting.doc}）的值 {text!r} 不是 {' / '.join(setting.choices)} 之一，按 {default} 处理"
    return text, None


# -- the file ------------------------------------------------------------------------------------
def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE


_INI_SPACE = " \t\r\n\f\v"  # what QSettings trims around keys and values
_SECTION = re.compile(r"^[ \t]*\[(?P<name>[^\]]*)\][ \t\r]*$")
_ENTRY = re.compile(r"^[ \t]*(?P<key>[^=;#\s][^=]*?)[ \t]*=(?P<value>.*?)\r?$")
_KEY_ESCAPE = re.compile(r"%U([0-9A-Fa-f]{4})|%([0-9A-Fa-f]{2})")


def _key(section: str, name: str) -> str:
    name = _KEY_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), name)
    return name if section == GENERAL else f"{section}/{name}"


def _lines(text: str) -> list[str]:
    """Lines as QSettings sees them: ended by LF or CR LF only (str.splitlines would also end
    one at a form feed or U+2028 inside a value)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def read_file(path: Path) -> dict[str, str]:
    """Every ``key -> value`` of a QSettings INI file, as QSettings reads them (special
    values such as ``@ByteArray(...)`` stay as written). Missing or unreadable: empty."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    out: dict[str, str] = {}
    section = GENERAL
    for line in _lines(text):
        head = _SECTION.match(line)
        if head:
            section = head.group("name").strip(_INI_SPACE)
            continue
        entry = _ENTRY.match(line)
        if entry:
            raw = entry.group("value").strip(_INI_SPACE)  # not str.strip(): U+0085 and kin are text
            out[_key(section, entry.group("key"))] = raw if raw.startswith("@") and not raw.startswith("@@") else dburl.ini_value(raw)
    return out


def _format(value: str | bool | int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return dburl.ini_quote(value)


def write_file(path: Path, values: dict[str, str | bool | int]) -> None:
    """Set ``values`` in the file (others, such as the window's geometry, kept as they are),
    atomically, readable by its owner only."""
    from .atomic import write_text

    try:
        lines = _lines(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        lines = []
    pending = dict(values)
    section = GENERAL
    ends: dict[str, int] = {}  # section -> index after its last line
    for i, line in enumerate(lines):
        head = _SECTION.match(line)
        if head:
            section = head.group("name").strip(_INI_SPACE)
            ends[section] = i + 1
            continue
        entry = _ENTRY.match(line)
        if entry:
            key = _key(section, entry.group("key"))
            if key in pending:
                lines[i] = f"{entry.group('key').strip()}={_format(pending.pop(key))}"
        if line.strip():
            ends[section] = i + 1
    for key, value in pending.items():
        section, _, name = key.rpartition("/")
        section = section or GENERAL
        if section not in ends:
            if lines and lines[-1].strip():
                lines.append("")
            lines.append(f"[{section}]")
            ends[section] = len(lines)
        at = ends[section]
        lines.insert(at, f"{name}={_format(value)}")
        ends = {s: (e + 1 if e >= at and s != section else e) for s, e in ends.items()}
        ends[section] = at + 1
    folder = paths.private_dir(path.parent)
    write_text(folder / path.name, "\n".join(lines) + "\n")
    paths.tighten(path, paths.PRIVATE_FILE_MODE)


@dataclass
class Loaded:
    preferences: Preferences
    problems: list[str]  # invalid values replaced by defaults, one message each
    password_removed: bool  # the file held a database password; it has been taken out


def load(path: Path | None = None) -> Loaded:
    """The settings in ``path`` (default: the config folder's settings.ini). A password in
    its ``db_url`` is taken out of the file first; the file is made private if it was not."""
    path = settings_path() if path is None else path
    paths.tighten(path, paths.PRIVATE_FILE_MODE)
    removed = dburl.strip_settings_password(path) is not None
    values = read_file(path)
    prefs, problems = Preferences.parse(values.get)
    return Loaded(prefs, problems, removed)


def save(prefs: Preferences, path: Path | None = None) -> None:
    write_file(settings_path() if path is None else path, prefs.values())
