"""``kefu-assist lint`` and ``kefu-assist check``: the library's problems, and replies checked
against the platform's rules."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .cli_common import Lines, _err, _library_path, _questions_from_stdin, json_line, visible
from .errors import EXIT_OK, EXIT_PROBLEMS, CliError


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
    blocked = 0
    lines = Lines(items, "reply")
    for text in lines:
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
    return lines.finish(failed=bool(blocked))


