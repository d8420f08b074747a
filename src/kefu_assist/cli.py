"""Command line: ``kefu-assist`` starts the sidebar; ``kefu-assist match|lint|eval …`` run here.

Every failure a user can cause (a missing file, bad bytes, an empty or enormous input) ends in
one clear line on stderr and a non-zero exit, never a traceback.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from .errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, CliError

MAX_QUESTION_CHARS = 10_000  # a pasted chat message is far below this; 1 MB lines are refused
# Bytes read of one stdin line before it is refused (a UTF-8 character is at most 4 bytes), and
# how far past that we look for its end before giving up on the input (/dev/zero has no end).
MAX_LINE_BYTES = 4 * MAX_QUESTION_CHARS + 8
MAX_SKIP_BYTES = 20 * 1024 * 1024
_CHUNK = 1 << 16
_CONTINUATION = bytes(range(0x80, 0xC0))

_MOOD_HISTORY = 10  # match --conversation: earlier messages compared for repeated asking


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


def cmd_match(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    if args.question:
        items = [(None, q, None) for q in args.question]
    else:
        if sys.stdin is None or (sys.stdin.isatty() and not os.environ.get("KEFU_ASSIST_ALLOW_TTY")):
            raise CliError("no question given: pass it as an argument, or pipe questions in, one a line")
        items = _questions_from_stdin()
    service = _load_service(args.library)
    out = sys.stdout
    seen_any = False
    refused = 0
    earlier: list[str] = []  # --conversation: the buyer's earlier messages, for repeated asking
    for number, question, problem in items:
        where = f"line {number}" if number is not None else "question"
        if question is not None:
            problem = problem or _check_length(question)
        if problem:
            _err(f"{where} {problem}; skipped")
            refused += 1
            continue
        assert question is not None
        if not question.strip():
            raise CliError("the question is empty")
        seen_any = True
        history = earlier[-_MOOD_HISTORY:] if args.conversation else ()
        buyer = service.mood(question, history)
        views = service.suggest(question, limit=args.limit, confident_only=True, history=history)
        if args.conversation:
            earlier.append(question)
        if args.json:
            record = {
                "question": question,
                "mood": buyer.label,
                "mood_cues": [c.as_dict() for c in buyer.cues],
                "suggestions": [
                    {
                        "id": v.script.id,
                        "category": v.script.category,
                        "title": v.script.title,
                        "score": v.suggestion.score,
                        "reply": v.reply,
                    }
                    for v in views
                ],
            }
            out.write(json_line(record) + "\n")
        else:
            out.write(f"{visible(question)}\n")
            if buyer.upset:
                out.write(f"  买家情绪: 不满 (upset: {'、'.join(c.text for c in buyer.cues)})\n")
            if not views:
                out.write("  没有合适的话术 (no confident suggestion)\n")
            lib = service.library
            for rank, v in enumerate(views, start=1):
                terms = "、".join(v.suggestion.matched_terms)
                line = f"  {rank}. [{lib.category_label(v.script.category)}] {v.script.title}  {v.suggestion.score:.2f}  {v.script.id}"
                out.write(visible(line + (f"  匹配: {terms}" if terms else "")) + "\n")
                out.write(f"     {visible(v.reply)}\n")
        out.flush()
    if not seen_any and not refused:
        raise CliError("empty input: no questions on standard input")
    return EXIT_PROBLEMS if refused else EXIT_OK


# -- lint -----------------------------------------------------------------------------------
def cmd_lint(args: argparse.Namespace) -> int:
    from .library import load_library

    path = _library_path(args.path)
    result = load_library(path)
    reply_problems, reviewed = _lint_replies(result.library, path, args.rules)
    problems = list(result.problems) + reply_problems + _lint_learned(result.library, getattr(args, "db", None))
    for problem in problems:
        print(visible(str(problem)))
    errors = sum(1 for p in problems if p.severity == "error")
    scripts = len(result.library.scripts) if result.library else 0
    examples = sum(len(s.examples) for s in result.library.scripts) if result.library else 0
    status = "unusable" if result.library is None else ("errors" if errors else "ok")
    checked = f", {reviewed} reviewed reply findings" if reviewed else ""
    print(f"{visible(str(path))}: {status}: {scripts} scripts, {examples} examples, {errors} errors, {len(problems) - errors} warnings{checked}")
    return EXIT_PROBLEMS if errors or result.library is None else EXIT_OK


def _lint_learned(library, db: str | None) -> list:
    """Warnings for the learned examples in the usage database (if there is one) that the
    library's own examples contradict: the same wording is an example of a script of another
    category, or the script is gone. Nothing is created: a missing database is skipped."""
    if library is None:
        return []
    from .library import Problem
    from .library.model import shorten

    try:
        from sqlalchemy.exc import SQLAlchemyError

        from .store import learned
        from .store.db import DatabaseError, open_database, resolve_db_url, sqlite_path
    except ImportError:  # pragma: no cover - the store's dependencies are part of the install
        return []
    url = resolve_db_url(db)
    try:
        local = sqlite_path(url)
    except Exception:  # noqa: BLE001 - a malformed URL: stats and export say it in words
        return []
    if local is not None and not local.exists():
        return []
    try:
        engine = open_database(url, write=False, upgrade_schema=False)  # lint never changes the database
    except DatabaseError as exc:
        return [Problem("usage database", 0, f"learned examples not checked: {exc}", None, "warning")]
    try:
        groups = [g for g in learned.groups(engine, status=None) if g.status != learned.REJECTED]
    except SQLAlchemyError as exc:
        return [Problem("usage database", 0, f"learned examples not checked: {type(exc).__name__}", None, "warning")]
    finally:
        engine.dispose()
    owner = {"".join(e.split()): s for s in library.scripts for e in s.examples}
    out = []
    for g in groups:
        where = f"learned example {g.id}"
        script = library.get(g.script_id)
        if script is None:
            out.append(Problem(where, 0, f"'{shorten(g.question)}' was learned for '{shorten(g.script_id)}', which the library no longer has; reject it (kefu-assist learned reject {g.id})", None, "warning"))
            continue
        other = owner.get("".join(g.question.split()))
        if other is not None and other.category != script.category:
            out.append(Problem(
                where, 0,
                f"'{shorten(g.question)}' was learned for '{shorten(script.id)}' ({script.category}) but is an example of "
                f"'{shorten(other.id)}' ({other.category}) at {other.file}:{other.line}; matching cannot tell them apart",
                shorten(script.id), "warning",
            ))
    return out


def _lint_replies(library, path: Path, rules: str | None) -> tuple[list, int]:
    """The reply-check findings of every script (kefu_assist.checker.lint), and the problems
    of the rules files themselves."""
    if library is None:
        return [], 0
    from .checker import load_checker
    from .checker.lint import lint_replies

    checker, rule_problems = load_checker(path, rules)
    report = lint_replies(library, checker)
    return list(rule_problems) + list(report.problems), report.reviewed


# -- check ----------------------------------------------------------------------------------
def cmd_check(args: argparse.Namespace) -> int:
    from .checker import load_checker

    if args.text:
        items = [(None, t, None) for t in args.text]
    else:
        if sys.stdin is None or (sys.stdin.isatty() and not os.environ.get("KEFU_ASSIST_ALLOW_TTY")):
            raise CliError("no reply given: pass it as an argument, or pipe replies in, one a line")
        items = _questions_from_stdin()
    library = _library_path(getattr(args, "library", None))
    if not library.exists():
        raise CliError(f"{library}: no such library file or folder (its compliance_rules.yaml would extend the rules)")
    checker, problems = load_checker(library, args.rules)
    for rules_problem in problems:
        _err(f"rules problem: {rules_problem}")
    if any(p.severity == "error" for p in problems):
        raise CliError("the reply rules have errors; fix them first (kefu-assist lint shows them too)", EXIT_PROBLEMS)
    out = sys.stdout
    blocked = refused = seen = 0
    for number, text, problem in items:
        where = f"line {number}" if number is not None else "reply"
        if text is not None:
            problem = problem or _check_length(text)
        if problem:
            _err(f"{where} {problem}; skipped")
            refused += 1
            continue
        assert text is not None
        if not text.strip():
            raise CliError("the reply is empty")
        seen += 1
        findings = checker.check(text)
        blocked += any(f.blocking for f in findings)
        if args.json:
            out.write(json_line({"text": text, "findings": [f.as_dict() for f in findings]}) + "\n")
        else:
            out.write(f"{visible(text)}\n")
            if not findings:
                out.write("  ✓ 没有发现问题 (no finding)\n")
            for f in findings:
                mark = "✗ 违规" if f.blocking else "! 注意"
                out.write(f"  {mark} [{f.severity}] {f.rule} {f.start}-{f.end} 「{visible(f.text)}」 {f.message}\n")
                if f.suggestion:
                    out.write(f"     建议: {f.suggestion}\n")
        out.flush()
    if not seen and not refused:
        raise CliError("empty input: no replies on standard input")
    return EXIT_PROBLEMS if blocked or refused else EXIT_OK


# -- eval -----------------------------------------------------------------------------------
MAX_EVAL_BYTES = 20 * 1024 * 1024  # the library's cap: a question file is far smaller


def _refuse_unbounded(path: Path) -> None:
    """A FIFO would hang the read and /dev/zero never end: only a regular file of sane size is
    read. stat() does not open the file, so asking cannot hang either."""
    import stat

    try:
        info = os.stat(path)
    except OSError:
        return  # read_cases names the problem (no such file, a folder …)
    if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        raise CliError(f"{path}: is not a regular file (a pipe or a device): give a .tsv file", EXIT_PROBLEMS)
    if info.st_size > MAX_EVAL_BYTES:
        raise CliError(f"{path}: is larger than {MAX_EVAL_BYTES // (1024 * 1024)} MB; is this really a question file?", EXIT_PROBLEMS)


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation import EvalFileError, evaluate, format_report, read_cases

    _refuse_unbounded(Path(args.file))
    service = _load_service(args.library)
    try:
        cases = read_cases(Path(args.file), list(service.library.categories))
    except EvalFileError as exc:
        raise CliError(str(exc), EXIT_PROBLEMS) from None

    def categories_for(question: str) -> list[str]:
        return [v.script.category for v in service.suggest(question, limit=5, confident_only=True)]

    report = evaluate(cases, categories_for)
    if args.json:
        print(json_line(report.as_dict()))
    else:
        print(format_report(report, f"{args.file} ({len(cases)} questions, library {service.library_path})"))
    return EXIT_OK


# -- find ------------------------------------------------------------------------------------
FIELD_NAMES = {"code": "快捷编码", "title": "标题", "keyword": "关键词", "category": "分类", "reply": "回复", "example": "例句", "id": "编号"}


def _load_library_only(library_arg: str | None):
    """The library without the matcher: what find and export-qianniu need, in a fraction of
    the time."""
    from . import paths
    from .library import load_library

    path = _library_path(library_arg)
    result = load_library(path, cache_dir=paths.cache_dir() / "library")
    if result.library is None:
        first = result.errors[0] if result.errors else None
        raise CliError(f"cannot load library: {first}", EXIT_PROBLEMS)
    return path, result


def cmd_find(args: argparse.Namespace) -> int:
    from .library import render
    from .library.search import SearchIndex, nothing_found

    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    query = " ".join(args.query).strip()
    if not query:
        raise CliError("the query is empty")
    if (problem := _check_length(query)) is not None:
        raise CliError(f"the query {problem}")
    _, result = _load_library_only(args.library)
    for problem in result.errors:
        _err(f"library problem, script skipped: {problem}")
    library = result.library
    if args.category is not None and args.category not in library.categories:
        raise CliError(f"unknown category '{args.category}'; the library has: {', '.join(library.categories)}")
    hits = SearchIndex(library).search(query, category=args.category, limit=args.limit)
    values = dict(library.placeholders)
    if args.json:
        results = []
        for h in hits:
            m = h.match
            results.append(
                {
                    "id": h.script.id,
                    "category": h.script.category,
                    "title": h.script.title,
                    "code": h.script.code,
                    "matched": h.reason,
                    "field": m.field if m else None,
                    "index": m.index if m else None,
                    "text": m.text if m else None,
                    "spans": [list(span) for span in m.spans] if m else [],
                    "reply": render(h.script.replies[0], values).text,
                }
            )
        print(json.dumps({"query": query, "results": results}, ensure_ascii=False))
    elif not hits:
        print(f"{nothing_found(query)} (nothing found)")
    else:
        for rank, h in enumerate(hits, start=1):
            m = h.match
            title = m.marked() if m and m.field == "title" else h.script.title
            code = f"  /{m.marked() if m and m.field == 'code' else h.script.code}" if h.script.code else ""
            print(f"{rank}. [{library.category_label(h.script.category)}] {title}{code}  {h.script.id}")
            if m and m.field not in ("title", "code"):
                print(f"   {FIELD_NAMES.get(m.field, m.field)}: {m.marked()}")
            else:
                print(f"   {render(h.script.replies[0], values).text}")
    return EXIT_OK if hits else EXIT_PROBLEMS


# -- Qianniu 快捷短语 -------------------------------------------------------------------------
def cmd_import_qianniu(args: argparse.Namespace) -> int:
    from .library.qianniu import QianniuError, import_file

    source = Path(args.file)
    out = Path(args.output) if args.output else source.with_suffix(".yaml")
    try:
        read, imported = import_file(source, out, force=args.force)
    except QianniuError as exc:
        raise CliError(str(exc), EXIT_PROBLEMS) from None
    for note in read.notes + imported.notes:
        _err(f"note: {note}")
    scripts = imported.data["scripts"]
    labels = dict(imported.data.get("categories", {}))
    print(f"{source} ({read.encoding}): {len(scripts)} phrases in {len(imported.groups)} groups -> {out}")
    for group, cid in imported.groups.items():
        from .library import CATEGORIES

        kind = "one of the 23" if cid in CATEGORIES else "its own category"
        print(f"  分组 '{group or '(未分组)'}' -> {cid} ({labels.get(cid) or CATEGORIES.get(cid, cid)}, {kind})")
    print(f"check it with: kefu-assist lint {out}")
    return EXIT_OK


def cmd_export_qianniu(args: argparse.Namespace) -> int:
    from .library.qianniu import QianniuError, library_to_phrases, write_new

    path, result = _load_library_only(args.library)
    if result.errors:
        for problem in result.errors:
            _err(str(problem))
        raise CliError(f"the library has {len(result.errors)} errors and the export would miss those scripts; fix them first (kefu-assist lint {path})", EXIT_PROBLEMS)
    exported = library_to_phrases(result.library)
    for note in exported.notes:
        _err(f"note: {note}")
    payload = exported.encode()
    if args.output:
        try:
            write_new(Path(args.output), payload, force=args.force)
        except QianniuError as exc:
            raise CliError(str(exc), EXIT_PROBLEMS) from None
        print(f"{len(exported.rows)} phrases from {len(result.library.scripts)} scripts -> {args.output} (GBK)")
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    return EXIT_OK


# -- sidebar --------------------------------------------------------------------------------
def cmd_sidebar(args: argparse.Namespace) -> int:
    try:
        from .ui.app import run
    except ImportError as exc:
        raise CliError(f"the sidebar cannot start: {exc}. The command line still works: kefu-assist --help", EXIT_PROBLEMS) from None
    return run(library=args.library, db=args.db)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kefu-assist",
        description="Reply-script suggestions for Taobao/Tmall customer service. With no command, starts the sidebar.",
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"kefu-assist {__version__}")
    parser.add_argument("--library", metavar="PATH", help="script library: a YAML file or a folder of them (default: the shipped one, or the sidebar's setting)")
    parser.add_argument("--db", metavar="URL", help="usage database for the sidebar, e.g. postgresql+psycopg://user@host/kefu (default: $KEFU_ASSIST_DB, the setting, or a local SQLite file)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("match", help="suggest scripts for buyer questions")
    p.add_argument("question", nargs="*", help="buyer questions, one an argument; without them, questions are read from standard input, one a line")
    p.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS, help="script library (YAML file or folder)")
    p.add_argument("--limit", type=int, default=5, metavar="K", help="at most K suggestions a question (default 5)")
    p.add_argument("--json", action="store_true", help="one JSON object a line")
    p.add_argument("--conversation", action="store_true", help="the questions are one buyer's messages in order: asking again counts as upset")
    p.set_defaults(func=cmd_match)

    p = sub.add_parser("lint", help="validate a library and print every problem as file:line: message")
    p.add_argument("path", nargs="?", help="YAML file or folder (default: the shipped library)")
    p.add_argument("--rules", metavar="FILE", help="extra reply rules (YAML), beside the shipped ones and the library's compliance_rules.yaml")
    p.set_defaults(func=cmd_lint)

    p = sub.add_parser("check", help="check replies against the platform's rules (exit 1 on a finding that costs points)")
    p.add_argument("text", nargs="*", help="replies, one an argument; without them, read from standard input, one a line")
    p.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS, help="library whose compliance_rules.yaml extends the shipped rules")
    p.add_argument("--rules", metavar="FILE", help="extra reply rules (YAML)")
    p.add_argument("--json", action="store_true", help='one JSON object a line: {"text", "findings": [{"rule", "severity", "start", "end", "message", "suggestion"}]}')
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("eval", help="score a library on a labelled question file (.tsv)")
    p.add_argument("file", help="labelled questions: category<TAB>question a line")
    p.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS, help="script library (YAML file or folder)")
    p.add_argument("--json", action="store_true", help="print the figures and misses as JSON")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("find", help="search the library by title, 快捷编码, pinyin (baoyou, by), replies and examples")
    p.add_argument("query", nargs="+", help="what to look for")
    p.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS, help="script library (YAML file or folder)")
    p.add_argument("--category", metavar="ID", help="only scripts of this category")
    p.add_argument("--limit", type=int, default=20, metavar="K", help="at most K results (default 20)")
    p.add_argument("--json", action="store_true", help="print the results as one JSON object, with the matched spans")
    p.set_defaults(func=cmd_find)

    p = sub.add_parser("import-qianniu", help="turn a Qianniu 快捷短语 export (CSV) into a library file")
    p.add_argument("file", help="the CSV Qianniu exported (GBK or UTF-8)")
    p.add_argument("-o", "--output", metavar="LIBRARY.yaml", help="the library file to write (default: the CSV's name with .yaml)")
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.set_defaults(func=cmd_import_qianniu)

    p = sub.add_parser("export-qianniu", help="write the library as a Qianniu 快捷短语 file (CSV, GBK) to import in Qianniu")
    p.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS, help="script library (YAML file or folder)")
    p.add_argument("-o", "--output", metavar="FILE.csv", help="where to write (default: standard output)")
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.set_defaults(func=cmd_export_qianniu)

    _add_store_commands(sub)
    return parser


def _add_store_commands(sub) -> None:
    """The usage-history commands live with the store; they are optional at import time so that
    `match` never pays for SQLAlchemy."""
    try:
        from .store.cli import add_commands
        from .store.learned_cli import add_commands as add_learned_commands
    except ImportError:
        return
    add_commands(sub)
    add_learned_commands(sub)


def _undecodable_argument(argv: Sequence[str]) -> str | None:
    """On POSIX, arguments that are not UTF-8 arrive with their bad bytes as lone surrogates
    (surrogateescape); printed they become '???'. Refuse them, naming the bytes."""
    for number, arg in enumerate(argv, start=1):
        if any("\ud800" <= ch <= "\udfff" for ch in arg):
            try:
                raw = os.fsencode(arg)
            except UnicodeError:
                raw = arg.encode("utf-8", "backslashreplace")
            shown = repr(raw[:40])[2:-1] + ("…" if len(raw) > 40 else "")
            return f"command-line argument {number} is not UTF-8 text ({shown}); pass buyer questions and paths as UTF-8"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    # Windows consoles and pipes may not default to UTF-8; our output is Chinese.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):  # pragma: no cover
                pass
    from .resources import ResourcesNotFound

    bad = _undecodable_argument(sys.argv[1:] if argv is None else argv)
    if bad is not None:
        _err(bad)
        return EXIT_USAGE
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", cmd_sidebar)
    try:
        return func(args)
    except CliError as exc:
        _err(str(exc))
        return exc.code
    except ResourcesNotFound as exc:
        _err(f"{exc}; reinstall kefu-assist")
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (| head): not an error of ours
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:  # pragma: no cover
            pass
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
