"""Command line: ``kefu-assist`` starts the sidebar; ``kefu-assist match|lint|eval …`` run here.

Every failure a user can cause (a missing file, bad bytes, an empty or enormous input) ends in
one clear line on stderr and a non-zero exit, never a traceback.
"""
from __future__ import annotations

import argparse
import io
import os
import sys
from typing import Sequence

from .cli_common import _err
from .cli_find import cmd_export_qianniu, cmd_find, cmd_import_qianniu
from .cli_lint import cmd_check, cmd_lint
from .cli_match import cmd_eval, cmd_match
from .errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, CliError

# moved to cli_common.py / cli_match.py / cli_find.py; still importable from here
from .cli_common import MAX_LINE_BYTES as MAX_LINE_BYTES, MAX_QUESTION_CHARS as MAX_QUESTION_CHARS, MAX_SKIP_BYTES as MAX_SKIP_BYTES
from .cli_common import json_line as json_line, visible as visible
from .cli_find import FIELD_NAMES as FIELD_NAMES
from .cli_match import MAX_EVAL_BYTES as MAX_EVAL_BYTES


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
