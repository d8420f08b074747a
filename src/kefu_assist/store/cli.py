"""``kefu-assist stats`` and ``kefu-assist export``: usage figures for team leads.

Both take the database from ``--db URL``, else ``KEFU_ASSIST_DB``, else the sidebar's settings,
else the embedded SQLite file, and bring its schema up to date on the way (like the sidebar's
start-up: a SQLite file is backed up first). User errors end in one line on stderr.
"""
from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import sys
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from ..atomic import real_target
from ..errors import CliError

EXIT_OK = 0


def _error(message: str, code: int = 2) -> CliError:
    return CliError(message, code)


def _parse_since(value: str | None) -> date | datetime | None:
    if not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value)
    except ValueError:
        raise _error(f"--since {value!r} is not a date: use YYYY-MM-DD (or an ISO date and time)") from None


def _open(db: str | None):
    from .db import DatabaseError, open_database, resolve_db_url, sqlite_path, take_notices

    url = resolve_db_url(db)
    for notice in take_notices():  # said once: the cause is gone from the settings file now
        print(f"kefu-assist: note: {notice}", file=sys.stderr)
    try:
        path = sqlite_path(url)
    except Exception:  # noqa: BLE001 - a malformed URL: make_engine says it in words
        path = None
    if path is not None and not path.exists():
        raise _error(f"no usage database at {path} (nothing recorded yet, or a wrong --db)", 1)
    try:
        return open_database(url, write=False)
    except DatabaseError as exc:
        raise _error(str(exc), 1) from None


def _library(arg: str | None):
    """The library for titles and the never-used list: --library, else the shipped one if any.
    Problems here only cost the titles, so they are warnings."""
    from ..library import load_library

    if arg:
        path = Path(arg)
    else:
        try:
            from ..resources import default_library_path

            path = default_library_path()
        except Exception:  # noqa: BLE001 - no shipped library: stats without titles
            return None
        if not path.exists():
            return None
    from .. import paths

    result = load_library(path, cache_dir=paths.cache_dir() / "library")
    if result.library is None:
        if arg:
            first = result.errors[0] if result.errors else "unusable"
            raise _error(f"cannot load library {path}: {first}", 1)
        return None
    return result.library


# -- stats ------------------------------------------------------------------------------------
def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join("  " + line for line in lines)


def _sec(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}s"


UNUSED_SHOWN = 20  # the table lists this many unused scripts; --json has them all


def format_stats(data: dict[str, Any]) -> str:
    unused = data["unused_30d"]  # never-used scripts first: with the shipped library, 100+
    out = []
    scope = []
    if data["since"]:
        scope.append(f"自 since {data['since'][:10]}")
    if data["agent"]:
        scope.append(f"客服 agent {data['agent']}")
    out.append(f"使用统计 Usage  ({', '.join(scope) or '全部 all time'})")
    out.append(f"复制 copies: {data['total_copies']}   未匹配 unmatched: {data['total_unmatched']}   "
               f"复制中位用时 median seconds to copy: {_sec(data['median_seconds']['overall'])}")
    script_row = lambda u: [u["script_id"], u["title"] or "", u["category"], u["count"]]  # noqa: E731
    sections = [
        ("最常用 Most used", ["话术 script", "标题 title", "分类 category", "次数 uses"], [script_row(u) for u in data["most_used"]]),
        ("最少用 Least used", ["话术 script", "标题 title", "分类 category", "次数 uses"], [script_row(u) for u in data["least_used"]]),
        ("分类 Per category", ["分类 category", "名称 label", "次数 uses"], [[c["category"], c["label"], c["count"]] for c in data["per_category"]]),
        ("客服 Per agent", ["客服 agent", "复制 copies", "未匹配 unmatched", "中位用时 median"],
         [[a["agent"] or "-", a["copies"], a["unmatched"], _sec(a["median_seconds"])] for a in data["per_agent"]]),
        ("不满的买家 Upset buyers per day", ["日期 day", "消息 messages", "不满 upset", "占比 share"],
         [[d["day"], d["messages"], d["upset"], f"{d['share'] * 100:.1f}%"] for d in data.get("upset_share_by_day", [])]),
        ("未匹配的问题 Unmatched questions", ["次数 count", "客服数 agents", "问题 question"],
         [[u["count"], u["agents"], u["question"]] for u in data["unmatched"]]),
        (f"30 天未用 Unused for 30 days: {len(unused)}", ["话术 script", "标题 title", "最后使用 last used"],
         [[u["script_id"], u["title"] or "", (u["last_used"] or "从未 never")[:10]] for u in unused[:UNUSED_SHOWN]]),
    ]
    dead = data.get("dead_letters") or {}
    if dead.get("count"):
        out.append(f"数据库拒收 refused by the database: {dead['count']} 条 events, 另存 set aside in "
                   + ", ".join(dead.get("files") or []))
    for title, headers, rows in sections:
        out.append("")
        out.append(title)
        out.append(_table(headers, rows) if rows else "  (无 none)")
    if len(unused) > UNUSED_SHOWN:
        out.append(f"  … 另有 and {len(unused) - UNUSED_SHOWN} more (use --json for all)")
    return "\n".join(out) + "\n"


_GC_FROZEN_AT_EXIT = False


def _short_lived_gc() -> bool:
    """A one-shot command allocates ~300,000 long-lived objects (SQLAlchemy, the driver, the
    library) and few cycles. The cyclic collector's passes over them during import and again
    at interpreter exit cost ``kefu-assist stats`` ~0.2 s of its ~1 s; switch it off for the
    command and freeze the survivors at exit. Returns whether it was on (to switch it back)."""
    import atexit
    import gc

    global _GC_FROZEN_AT_EXIT
    if not _GC_FROZEN_AT_EXIT:
        atexit.register(gc.freeze)
        _GC_FROZEN_AT_EXIT = True
    was_on = gc.isenabled()
    gc.disable()
    return was_on


def cmd_stats(args: argparse.Namespace) -> int:
    import gc

    gc_was_on = _short_lived_gc()
    try:
        return _cmd_stats(args)
    finally:
        if gc_was_on:
            gc.enable()


def _cmd_stats(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from .db import describe, one_line, resolve_db_url
    from .stats import stats

    since = _parse_since(args.since)
    library = _library(getattr(args, "library", None))
    engine = _open(args.db)
    try:
        data = stats(engine, since=since, agent=args.agent, library=library, url=resolve_db_url(args.db))
    except SQLAlchemyError as exc:
        raise _error(f"cannot read {describe(str(engine.url))}: {one_line(exc)}", 1) from None
    finally:
        engine.dispose()
    if args.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_stats(data))
    return EXIT_OK


# -- export -----------------------------------------------------------------------------------
def _rows(engine, what: str, since, agent) -> tuple[list[str], Iterator[dict]]:
    from sqlalchemy import select

    from .models import CopyEventRow as CE
    from .models import UnmatchedQuestion as UQ
    from .stats import as_utc_start

    start = as_utc_start(since)
    if what == "events":
        columns = ["id", "event_uuid", "ts", "agent", "script_id", "category", "variant", "rank", "score", "question", "seconds_to_copy"]
        query = select(*[getattr(CE, c) for c in columns]).order_by(CE.id)
        if start is not None:
            query = query.where(CE.ts >= start)
        if agent:
            query = query.where(CE.agent == agent)
    else:
        columns = ["agent", "question", "norm_key", "count", "first_seen", "last_seen"]
        query = select(*[getattr(UQ, c) for c in columns]).order_by(UQ.count.desc(), UQ.id)
        if start is not None:
            query = query.where(UQ.last_seen >= start)
        if agent:
            query = query.where(UQ.agent == agent)

    def generate() -> Iterator[dict]:
        with engine.connect() as conn:
            result = conn.execution_options(yield_per=2000).execute(query)
            for row in result:
                yield {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in row._mapping.items()}

    return columns, generate()


# Excel, LibreOffice and Google Sheets read a cell that begins with one of these as a formula
# (``=HYPERLINK(...)`` runs when the sheet opens), a tab or CR first too (OWASP's list). The sign
# is looked for after leading white space as well (some importers trim it), and in its full-width
# and small forms (＝＋－＠﹦), which a Chinese input method types and NFKC folds onto these.
FORMULA_TRIGGERS = frozenset("=+-@")
_CONTROL_STARTS = ("\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """A text cell a spreadsheet would take for a formula, behind a single quote (OWASP's advice
    on CSV injection): the quote shows the text as text and hides nothing of it. Numbers (a
    negative score) and empty cells are left as they are."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(_CONTROL_STARTS):
        return "'" + value
    rest = value.lstrip()
    if rest and unicodedata.normalize("NFKC", rest[0])[:1] in FORMULA_TRIGGERS:
        return "'" + value
    return value


def _guarded_paths(url: str) -> tuple[list[Path], list[Path], list[Path]]:
    """What an export must never write over: the SQLite file (the one exported from, and the
    sidebar's own in the data folder) with its journal, WAL, shared memory and backups (as
    names, whether they exist now or not), the patterns of those backups' names, and the spool
    folder of events not yet in the database."""
    from .. import paths
    from .db import SQLITE_COMPANIONS, default_db_url, sqlite_path

    files: list[Path] = []
    backups: list[Path] = []
    for candidate in (url, default_db_url()):
        try:
            path = sqlite_path(candidate)
        except Exception:  # noqa: BLE001 - not a URL: _open refuses it in words
            path = None
        if path is not None:
            real = real_target(path)
            files += [real] + [real.with_name(real.name + suffix) for suffix in SQLITE_COMPANIONS]
            backups.append(real.with_name(real.name + ".bak-*"))
            files += sorted(real.parent.glob(glob.escape(real.name) + ".bak-*"))
    spool = real_target(paths.data_dir() / "spool")
    return files, backups, [spool]


def _refuse_guarded(output: str, url: str) -> None:
    """Raise if ``output`` is (by name, symbolic link or hard link) the usage database, one of
    its companion files or backups, or lies in a spool folder."""
    import fnmatch

    target = real_target(output)
    files, backups, folders = _guarded_paths(url)
    key = lambda p: os.path.normcase(str(p))  # noqa: E731 - case-insensitive file systems
    same = None
    try:
        mine = os.stat(target)
    except OSError:
        mine = None
    if mine is not None:
        candidates = list(files)
        for folder in folders:
            if folder.is_dir():
                candidates += [p for p in folder.rglob("*") if p.is_file()]
        for candidate in candidates:
            try:
                if os.path.samestat(mine, os.stat(candidate)):
                    same = candidate
                    break
            except OSError:
                continue
    if same is None:
        same = next((f for f in files if key(f) == key(target)), None)
    if same is None and any(key(target.parent) == key(b.parent) and fnmatch.fnmatch(key(target.name), key(b.name)) for b in backups):
        same = target
    if same is not None:
        raise _error(f"refusing to write the export over the usage database or one of its files ({same}): choose another output file")
    for folder in folders:
        if key(target).startswith(key(folder) + os.sep) or key(target) == key(folder):
            raise _error(f"refusing to write the export into {folder}, where the usage database's unsent events wait: choose another output file")


def _write_export(out, fmt: str, columns: list[str], rows: Iterator[dict]) -> None:
    if fmt == "csv":
        # RFC 4180 line ends: a lone CR inside a cell is then quoted too, not left to split the row
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: neutralise_cell(v) for k, v in row.items()})
    else:
        out.write("[")
        for i, row in enumerate(rows):
            out.write(("," if i else "") + "\n  " + json.dumps(row, ensure_ascii=False))
        out.write("\n]\n")
    out.flush()


def _untranslated(stream) -> None:
    """Write the CSV's CRLF as is (Windows' console stream would make it CR CR LF)."""
    try:
        stream.reconfigure(newline="")
    except (AttributeError, ValueError, OSError):
        pass


def cmd_export(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from ..atomic import atomic_write
    from .db import describe, one_line, resolve_db_url

    since = _parse_since(args.since)
    to_file = bool(args.output) and args.output != "-"
    if to_file:
        _refuse_guarded(args.output, resolve_db_url(args.db))
    engine = _open(args.db)
    try:
        columns, rows = _rows(engine, args.what, since, args.agent)
        if not to_file:
            if args.format == "csv":
                _untranslated(sys.stdout)
            _write_export(sys.stdout, args.format, columns, rows)
            return EXIT_OK
        # a BOM so that Excel opens the Chinese text of a CSV file as UTF-8
        encoding = "utf-8-sig" if args.format == "csv" else "utf-8"
        target = real_target(args.output)
        try:
            if target.is_dir():
                raise _error(f"cannot write {args.output}: it is a folder; name a file", 1)
            if target.exists() and not target.is_file():  # a pipe, /dev/stdout, /dev/null: write into it
                with open(target, "w", encoding=encoding, newline="") as out:
                    _write_export(out, args.format, columns, rows)
            else:  # a whole new file or none: a failed export leaves the old one as it was
                with atomic_write(target, "w", encoding=encoding, newline="") as out:
                    _write_export(out, args.format, columns, rows)
        except OSError as exc:
            raise _error(f"cannot write {args.output}: {exc.strerror or exc}", 1) from None
    except SQLAlchemyError as exc:
        raise _error(f"cannot read {describe(str(engine.url))}: {one_line(exc)}", 1) from None
    finally:
        engine.dispose()
    return EXIT_OK


def add_commands(sub) -> None:
    p = sub.add_parser("stats", help="usage figures for team leads: most/least used scripts, unmatched questions, speed per agent")
    p.add_argument("--db", metavar="URL", help="database URL (default: $KEFU_ASSIST_DB, the sidebar's setting, or the local SQLite file)")
    p.add_argument("--since", metavar="DATE", help="only usage from this date (YYYY-MM-DD, UTC) on")
    p.add_argument("--agent", metavar="NAME", help="only this agent")
    p.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS, help="script library for titles and never-used scripts (default: the shipped one)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("export", help="export recorded copies or unmatched questions as CSV or JSON")
    p.add_argument("--db", metavar="URL", help="database URL (default as for stats)")
    p.add_argument("--what", choices=("events", "unmatched"), required=True, help="copy events, or unmatched questions with counts")
    p.add_argument("--format", choices=("csv", "json"), default="csv", help="csv (default) or json")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--since", metavar="DATE", help="only rows from this date (YYYY-MM-DD, UTC) on")
    p.add_argument("--agent", metavar="NAME", help="only this agent")
    p.set_defaults(func=cmd_export)
