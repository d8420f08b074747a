"""Reply checking for ``kefu-assist lint``: every library reply's findings as file:line problems.

A block finding is an error and a warn finding a warning, unless the script lists the rule under
``reviewed: {rule_id: reason}`` (a team lead looked at the wording and kept it, for that reason).
A ``reviewed`` entry that names no rule, or that no reply of the script breaks any more, is a
warning of its own, so the list never silently outlives the wording it excused.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..library.model import Library, Problem
from .engine import Checker


@dataclass(frozen=True)
class LintReport:
    problems: tuple[Problem, ...]
    reviewed: int  # findings silenced by a reviewed: entry


def lint_replies(library: Library, checker: Checker) -> LintReport:
    problems: list[Problem] = []
    silenced = 0
    known = set(checker.rule_ids)
    for script in library.scripts:
        reviewed = dict(script.reviewed)
        used: set[str] = set()
        for index, reply in enumerate(script.replies):
            line = script.reply_lines[index] if index < len(script.reply_lines) else script.line
            for f in checker.check(reply):
                if f.rule in reviewed:
                    used.add(f.rule)
                    silenced += 1
                    continue
                hint = f"; {f.suggestion}" if f.suggestion else ""
                where = f"reply {index + 1}" if len(script.replies) > 1 else "reply"
                problems.append(
                    Problem(
                        script.file,
                        line,
                        f"{where} breaks rule {f.rule} ({f.severity}) at 「{f.text}」: {f.message}{hint} (or add 'reviewed: {{{f.rule}: 理由}}' to the script)",
                        script.id,
                        "error" if f.blocking else "warning",
                    )
                )
        for rule_id in reviewed:
            if rule_id not in known:
                problems.append(Problem(script.file, script.line, f"reviewed names an unknown rule '{rule_id}' (rules: {', '.join(sorted(known))})", script.id, "warning"))
            elif rule_id not in used:
                problems.append(Problem(script.file, script.line, f"reviewed '{rule_id}' but no reply breaks it any more: remove the entry", script.id, "warning"))
    return LintReport(tuple(problems), silenced)
