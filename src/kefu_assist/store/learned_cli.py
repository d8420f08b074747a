"""``kefu-assist learned`` and ``kefu-assist learn``: the review of what agents' choices taught.

    kefu-assist learned [--json]             the pending learned examples, most agents first
    kefu-assist learned accept N             write example N into the YAML file of its script
    kefu-assist learned reject N             drop it for good
    kefu-assist learn --script ID QUESTION…  a team lead's examples, accepted (and written) at once

Accepting writes the library file first (an atomic splice: see ``library.writer``), then marks the
example accepted in the usage database, where every sidebar of the team picks it up.
"""
from __future__ import annotations

import argparse
import getpass
import json
from pathlib import Path

from .cli import EXIT_OK, _error, _open


def _library_path(args: argparse.Namespace) -> Path:
    """--library, else the shipped library (as kefu_assist.cli finds it, which imports this module)."""
    arg = getattr(args, "library", None)
    if arg:
        return Path(arg)
    from ..resources import ResourcesNotFound, default_library_path

    try:
        return default_library_path()
    except ResourcesNotFound as exc:
        raise _error(str(exc)) from None


def _agent() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on this system
        return ""


def _print_groups(groups, as_json: bool) -> None:
    if as_json:
        for g in groups:
            print(json.dumps({
                "id": g.id, "question": g.question, "script_id": g.script_id, "count": g.count,
                "agents": list(g.agents), "status": g.status,
                "first_seen": g.first_seen.isoformat(), "last_seen": g.last_seen.isoformat(),
            }, ensure_ascii=False))
        return
    if not groups:
        print("没有待处理的学习例句")
        return
    from .cli import _table

    rows = [[g.id, g.question, g.script_id, g.count, "、".join(a or "（未署名）" for a in g.agents)] for g in groups]
    print(_table(["编号", "买家问题", "话术", "次数", "客服"], rows))


def _write_example(args: argparse.Namespace, script_id: str, questions: list[str]):
    from ..library.writer import WriteError, add_examples

    path = _library_path(args)
    try:
        return add_examples(path, script_id, questions)
    except WriteError as exc:
        raise _error(str(exc), 1) from None
    except OSError as exc:
        raise _error(f"cannot write the library {path}: {exc.strerror or exc}", 1) from None


def cmd_learned(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from . import learned
    from .db import describe, one_line

    engine = _open(getattr(args, "db", None))
    try:
        if args.action is None:
            _print_groups(learned.groups(engine), args.json)
            return EXIT_OK
        if args.number is None:
            raise _error(f"learned {args.action} needs the number of a learned example (see 'kefu-assist learned')")
        group = learned.get_group(engine, args.number)
        if group is None:
            raise _error(f"no learned example number {args.number} (see 'kefu-assist learned')", 1)
        if args.action == "accept":
            if group.status == learned.REJECTED:
                raise _error(f"learned example {args.number} was rejected; add it with 'kefu-assist learn --script {group.script_id} …' if it is right after all", 1)
            result = _write_example(args, group.script_id, [group.question])
            learned.set_status(engine, args.number, learned.ACCEPTED)
            where = f"{result.path}" if result.added else f"{result.path} (already there)"
            print(f"accepted {args.number}: {group.question} -> {group.script_id}, written to {where}")
        else:
            learned.set_status(engine, args.number, learned.REJECTED)
            print(f"rejected {args.number}: {group.question} -> {group.script_id}")
        return EXIT_OK
    except SQLAlchemyError as exc:
        raise _error(f"cannot use {describe(str(engine.url))}: {one_line(exc)}", 1) from None
    finally:
        engine.dispose()


def cmd_learn(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from . import learned
    from .db import describe, one_line, open_database, resolve_db_url, DatabaseError
    from .redact import redact

    questions = [q for q in (" ".join(q.split()) for q in args.question) if q]
    if not questions:
        raise _error("learn needs at least one buyer question")
    # the library first: an unknown script id or a broken file stops here, with nothing stored
    result = _write_example(args, args.script, [redact(q) for q in questions])
    try:
        engine = open_database(resolve_db_url(getattr(args, "db", None)))
    except DatabaseError as exc:
        raise _error(f"written to {result.path}, but not to the usage database: {exc}", 1) from None
    try:
        stored = learned.add_accepted(engine, args.script, questions, _agent())
    except SQLAlchemyError as exc:
        raise _error(f"written to {result.path}, but not to {describe(str(engine.url))}: {one_line(exc)}", 1) from None
    finally:
        engine.dispose()
    for q in stored:
        print(f"learned: {q} -> {args.script}")
    if result.present:
        print(f"already in {result.path}: {'、'.join(result.present)}")
    print(f"written to {result.path}")
    return EXIT_OK


def add_commands(sub) -> None:
    p = sub.add_parser("learned", help="learned examples from agents' choices: list, accept N, reject N")
    p.add_argument("action", nargs="?", choices=("accept", "reject"), help="accept: write it into the library; reject: drop it for good")
    p.add_argument("number", nargs="?", type=int, help="the learned example's number (first column of the list)")
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="database URL (default as for stats)")
    p.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS, help="the library to write accepted examples into (default: the shipped one)")
    p.add_argument("--json", action="store_true", help="one JSON object a line")
    p.set_defaults(func=cmd_learned)

    p = sub.add_parser("learn", help="add buyer questions as examples of a script (a team lead's, accepted at once)")
    p.add_argument("question", nargs="+", help="buyer questions, one an argument")
    p.add_argument("--script", required=True, metavar="ID", help="the script they call for")
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="database URL (default as for stats)")
    p.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS, help="the library to write into (default: the shipped one)")
    p.set_defaults(func=cmd_learn)
