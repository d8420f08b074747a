"""What every ``kefu-assist`` command shares: the one-line error on stderr, finding and loading
the library, reading questions from standard input with a cap on every line, and printing
buyer and library text safely (escapes shown, JSON on one line)."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from .errors import EXIT_OK, EXIT_PROBLEMS, CliError

MAX_QUESTION_CHARS = 10_000  # a pasted chat message is far below this; 1 MB lines are refused
# Bytes read of one stdin line before it is refused (a UTF-8 character is at most 4 bytes), and
# how far past that we look for its end before giving up on the input (/dev/zero has no end).
MAX_LINE_BYTES = 4 * MAX_QUESTION_CHARS + 8
MAX_SKIP_BYTES = 20 * 1024 * 1024
_CHUNK = 1 << 16
_CONTINUATION = bytes(range(0x80, 0xC0))


def _err(message: str) -> None:
    print(f"kefu-assist: {visible(message)}", file=sys.stderr)  # messages quote library and buyer text


def _library_path(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    from .resources import ResourcesNotFound, default_library_path

    try:
        return default_library_path()
    except ResourcesNotFound as exc:
        raise CliError(str(exc)) from None


def _load_service(library_arg: str | None):
    from .service import AssistService

    path = _library_path(library_arg)
    service = AssistService()
    result = service.load(path)
    if result.library is None:
        first = result.errors[0] if result.errors else None
        more = f" (and {len(result.errors) - 1} more; run 'kefu-assist lint {path}')" if len(result.errors) > 1 else ""
        raise CliError(f"cannot load library: {first}{more}", EXIT_PROBLEMS)
    for problem in result.errors:
        _err(f"library problem, script skipped: {problem}")
    return service


# -- match ----------------------------------------------------------------------------------
class _EndlessLine(Exception):
    pass


def _read_line(stream) -> tuple[bytes, int] | None:
    """One line of at most MAX_LINE_BYTES (without its end), or its length in characters when it
    is longer: the rest is read in chunks and dropped, never held. None at the end of input."""
    raw = stream.readline(MAX_LINE_BYTES)
    if not raw:
        return None
    if raw.endswith(b"\n") or len(raw) < MAX_LINE_BYTES:
        return raw, -1
    chars = len(raw.translate(None, _CONTINUATION))  # UTF-8 characters: bytes that start one
    skipped = len(raw)
    while True:
        chunk = stream.readline(_CHUNK)
        chars += len(chunk.translate(None, _CONTINUATION))
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return b"", chars - (1 if chunk.endswith(b"\n") else 0)
        if skipped > MAX_SKIP_BYTES:
            raise _EndlessLine


def _questions_from_stdin():
    """(line number, question or None, error or None) for each non-blank stdin line. Lines are
    read one at a time with a cap, so an endless input (/dev/zero, a 1 GB line) costs bounded
    memory: a line over the cap is refused, and one with no end in sight stops the reading."""
    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
    if stream is None:  # pragma: no cover - stdin replaced by a text-only object
        stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
    number = 0
    while True:
        number += 1
        try:
            line = _read_line(stream)
        except _EndlessLine:
            raise CliError(f"line {number} of standard input has no end within {MAX_SKIP_BYTES // (1024 * 1024)} MB: is this binary data? stopped reading", EXIT_PROBLEMS) from None
        if line is None:
            return
        raw, too_long = line
        if too_long >= 0:
            yield number, None, f"is {too_long:,} characters long; a buyer message is at most {MAX_QUESTION_CHARS:,}"
            continue
        if b"\0" in raw:
            yield number, None, "holds NUL bytes: is this binary data?"
            continue
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield number, None, "is not UTF-8 text"
            continue
        text = text.rstrip("\r\n")
        if not text.strip():
            continue
        yield number, text, None


def _check_length(question: str) -> str | None:
    if len(question) > MAX_QUESTION_CHARS:
        return f"is {len(question):,} characters long; a buyer message is at most {MAX_QUESTION_CHARS:,}"
    return None


class Lines:
    """The texts of ``items`` (as ``_questions_from_stdin`` or the arguments give them) that can
    be answered: one a refused line gets a clear stderr line and is counted, an empty text ends
    the command, and ``finish`` says when there was nothing at all."""

    def __init__(self, items, what: str):
        self.items = items
        self.what = what  # "question" or "reply"
        self.seen = 0
        self.refused = 0

    def __iter__(self):
        for number, text, problem in self.items:
            where = f"line {number}" if number is not None else self.what
            if text is not None:
                problem = problem or _check_length(text)
            if problem:
                _err(f"{where} {problem}; skipped")
                self.refused += 1
                continue
            assert text is not None
            if not text.strip():
                raise CliError(f"the {self.what} is empty")
            self.seen += 1
            yield text

    def finish(self, failed: bool = False) -> int:
        if not self.seen and not self.refused:
            raise CliError(f"empty input: no {self.what}s on standard input")
        return EXIT_PROBLEMS if failed or self.refused else EXIT_OK


# Readers that split JSON lines with str.splitlines (and JavaScript before ES2019) also split at
# U+0085, U+2028 and U+2029, which json.dumps leaves raw when ensure_ascii is off; so it does the
# other C1 controls (U+009B is a terminal's CSI). json.dumps already escapes C0 controls.
_JSON_LINE_BREAKS = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), 0x2028, 0x2029)}


def json_line(record: object) -> str:
    """One JSON object on exactly one line, Chinese left readable."""
    return json.dumps(record, ensure_ascii=False).translate(_JSON_LINE_BREAKS)


_INVISIBLE = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}
_INVISIBLE.update({c: f"\\u{c:04x}" for c in (0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def visible(text: str) -> str:
    """Text for a terminal: control characters (escape codes), line separators and bidi overrides
    shown as escapes instead of acting on the terminal. Newlines and tabs stay."""
    return text.translate(_INVISIBLE)


