"""Reading a Qianniu 快捷短语 file (see :mod:`.qianniu` and ../shared/qianniu.md): the file
checked and capped, GBK or UTF-8 decoded, the CSV read into :class:`Phrase` rows with a
:class:`Note` for everything changed or skipped; and the types both directions share."""
from __future__ import annotations

import csv
import io
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .loader import clean_text

HEADER = ("快捷短语编码", "快捷短语", "快捷短语分组")
CODE_HEADERS = ("快捷短语编码", "快捷编码")
MAX_FILE_BYTES = 20 * 1024 * 1024
LONG_PHRASE = 500  # Qianniu documents no limit; phrases above this are reported, never cut


class QianniuError(Exception):
    """A file that cannot be imported at all (not a Qianniu phrase CSV, unreadable …)."""


@dataclass(frozen=True)
class Phrase:
    code: str
    text: str
    group: str
    line: int = 0


@dataclass(frozen=True)
class Note:
    """Something the team lead should know: a change made, a phrase skipped, a character Qianniu
    cannot show. ``where`` is ``file:line`` or a script id."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class ReadResult:
    phrases: list[Phrase]
    encoding: str
    notes: list[Note] = field(default_factory=list)


# -- reading a file -------------------------------------------------------------------------
def read_file(path: str | Path) -> ReadResult:
    """Read a Qianniu phrase file; QianniuError with a plain message for anything unusable."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise QianniuError(f"{path}: no such file") from None
    except OSError as exc:
        raise QianniuError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise QianniuError(f"{path}: is a folder, not a CSV file")
    if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
        raise QianniuError(f"{path}: is not a regular file (a pipe or a device?)")
    if info.st_size > MAX_FILE_BYTES:
        raise QianniuError(f"{path}: is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; a Qianniu phrase file is far smaller")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise QianniuError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return read_bytes(raw, str(path))


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError as exc:
            line = raw[: exc.start + 3].count(b"\n") + 1
            raise QianniuError(f"{name}:{line}: starts as UTF-8 but holds bytes that are not UTF-8") from None
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")  # GBK's superset: every GBK file reads the same
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise QianniuError(f"{name}:{line}: is neither GBK nor UTF-8 text; save it from Excel as CSV") from None
    try:
        raw.decode("gbk")
        return text, "GBK"
    except UnicodeDecodeError:
        return text, "GB18030"


def read_bytes(raw: bytes, name: str = "<data>") -> ReadResult:
    if not raw.strip():
        raise QianniuError(f"{name}: file is empty")
    if raw.startswith(b"PK\x03\x04"):
        raise QianniuError(f"{name}: is an Excel workbook (.xlsx), not a CSV: in Excel use 另存为 → CSV")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise QianniuError(f"{name}: is saved as UTF-16 (Unicode text); save it as CSV (GBK or UTF-8)")
    if b"\x00" in raw:
        raise QianniuError(f"{name}: is a binary file, not a Qianniu phrase CSV")
    text, encoding = _decode(raw, name)
    notes: list[Note] = []
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)  # one phrase may be long; the file size is capped above
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        rows = _rows(reader, name, notes)
    except csv.Error as exc:
        raise QianniuError(f"{name}:{reader.line_num}: not a readable CSV file ({exc})") from None
    return ReadResult(rows, encoding, notes)


def _delimiter(text: str) -> str:
    """Comma, as Qianniu writes; a tab or a semicolon when the header line says so (Excel saves
    "CSV" with semicolons in some locales, and tab-separated text from a copy)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    for delimiter in (",", "\t", ";"):
        if "快捷短语" in (cell.strip().strip('"').strip() for cell in first.split(delimiter)):
            return delimiter
    return ","


def _cell(value: str) -> str:
    return value[1:] if value.startswith("\t") else value  # Excel's keep-as-text trick


_BREAKS = re.compile(r"\r\n|[\r\x85\u2028\u2029]")  # line breaks of every kind become \n


def _clean(text: str) -> tuple[str, bool]:
    """Line breaks as \n, control characters out (a YAML file cannot hold them as written);
    True when something other than a line break was removed."""
    cleaned, removed = clean_text(_BREAKS.sub("\n", text))  # what the loader would strip at load
    return cleaned, bool(removed)


def _rows(reader, name: str, notes: list[Note]) -> list[Phrase]:
    header: list[str] | None = None
    header_line = 0
    end = 0
    for row in reader:
        start, end = end + 1, reader.line_num
        if any(cell.strip() for cell in row):
            header = [_cell(c).strip().strip("\ufeff").strip() for c in row]
            header_line = start
            break
    if header is None:
        raise QianniuError(f"{name}: file is empty")
    code_col = next((i for i, h in enumerate(header) if h in CODE_HEADERS), None)
    phrase_col = header.index("快捷短语") if "快捷短语" in header else None
    group_col = header.index("快捷短语分组") if "快捷短语分组" in header else None
    if code_col is None or phrase_col is None:
        shown = ",".join(header)[:80]
        raise QianniuError(f"{name}:{header_line}: the first line is '{shown}', not a Qianniu phrase header ({','.join(HEADER)})")
    if group_col is None:
        notes.append(Note(f"{name}:{header_line}", "no 快捷短语分组 column: every phrase is ungrouped"))
    for i, h in enumerate(header):
        if i not in (code_col, phrase_col, group_col) and h:
            notes.append(Note(f"{name}:{header_line}", f"column '{h}' is not part of the Qianniu format; ignored"))
    out: list[Phrase] = []
    for row in reader:
        start, end = end + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = [_cell(c) for c in row]

        def get(col: int | None, cells: list[str] = cells) -> str:
            return cells[col] if col is not None and col < len(cells) else ""

        where = f"{name}:{start}"
        code = get(code_col).strip()
        group = _clean(unicodedata.normalize("NFKC", get(group_col)))[0].replace("\n", " ").strip()
        text, removed = _clean(get(phrase_col))
        if removed:
            notes.append(Note(where, "control characters removed from the phrase"))
        text = text.strip()
        if not text:
            notes.append(Note(where, f"no phrase text (code '{code}'); skipped"))
            continue
        if len(text) > LONG_PHRASE:
            notes.append(Note(where, f"phrase is {len(text)} characters long; kept whole, but Qianniu may refuse phrases this long"))
        out.append(Phrase(code, text, group, start))
    return out


