"""Scoring a library on a labelled question file (the format of ../shared/eval/*.tsv).

Each line is ``expected<TAB>question``:
- ``a|b``  the top suggestion's category must be one of them;
- ``a+b``  every listed category must appear among the top three suggestions;
- ``none`` small talk: no suggestion may pass the confidence threshold.
Only confident suggestions count: what an agent would be shown as an answer.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence


class EvalFileError(ValueError):
    pass


@dataclass(frozen=True)
class Case:
    line: int
    expected: str
    question: str

    @property
    def kind(self) -> str:
        if self.expected == "none":
            return "none"
        if "+" in self.expected:
            return "multi"
        return "single"

    @property
    def categories(self) -> tuple[str, ...]:
        if self.kind == "multi":
            return tuple(self.expected.split("+"))
        if self.kind == "single":
            return tuple(self.expected.split("|"))
        return ()


@dataclass
class Miss:
    case: Case
    got: list[str]
    reason: str


@dataclass
class Report:
    single: int = 0
    top1: int = 0
    top3: int = 0
    multi: int = 0
    multi_complete: int = 0
    none: int = 0
    rejected: int = 0
    misses: list[Miss] = field(default_factory=list)

    def pct(self, num: int, den: int) -> float:
        return 100.0 * num / den if den else 100.0

    def as_dict(self) -> dict:
        return {
            "single": self.single,
            "top1": self.top1,
            "top3": self.top3,
            "top1_pct": round(self.pct(self.top1, self.single), 1),
            "top3_pct": round(self.pct(self.top3, self.single), 1),
            "multi": self.multi,
            "multi_complete": self.multi_complete,
            "small_talk": self.none,
            "small_talk_rejected": self.rejected,
            "misses": [
                {"line": m.case.line, "question": m.case.question, "expected": m.case.expected, "got": m.got, "reason": m.reason}
                for m in self.misses
            ],
        }


def read_cases(path: Path, known_categories: Sequence[str] | None = None) -> list[Case]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise EvalFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise EvalFileError(f"{path}: is a folder, not a .tsv file") from None
    except OSError as exc:
        raise EvalFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_no = raw[: exc.start].count(b"\n") + 1
        raise EvalFileError(f"{path}:{line_no}: not UTF-8 text") from None
    cases = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if "\t" not in line:
            raise EvalFileError(f"{path}:{number}: expected 'category<TAB>question', found no tab")
        expected, question = line.split("\t", 1)
        expected, question = expected.strip(), question.strip()
        if not expected or not question:
            raise EvalFileError(f"{path}:{number}: empty category or question")
        case = Case(number, expected, question)
        if known_categories is not None:
            unknown = [c for c in case.categories if c not in known_categories]
            if unknown:
                raise EvalFileError(f"{path}:{number}: unknown category '{unknown[0]}'")
        cases.append(case)
    if not cases:
        raise EvalFileError(f"{path}: holds no labelled questions")
    return cases


def evaluate(cases: Sequence[Case], categories_for: Callable[[str], list[str]]) -> Report:
    """``categories_for(question)`` returns the categories of the confident suggestions, best first."""
    report = Report()
    for case in cases:
        got = categories_for(case.question)
        if case.kind == "none":
            report.none += 1
            if not got:
                report.rejected += 1
            else:
                report.misses.append(Miss(case, got[:3], "small talk got a confident suggestion"))
        elif case.kind == "multi":
            report.multi += 1
            top3 = got[:3]
            missing = [c for c in case.categories if c not in top3]
            if not missing:
                report.multi_complete += 1
            else:
                report.misses.append(Miss(case, top3, "not in the top 3: " + ", ".join(missing)))
        else:
            report.single += 1
            wanted = set(case.categories)
            if got[:1] and got[0] in wanted:
                report.top1 += 1
                report.top3 += 1
                continue
            if wanted & set(got[:3]):
                report.top3 += 1
                report.misses.append(Miss(case, got[:3], "right category only at rank 2-3"))
            else:
                report.misses.append(Miss(case, got[:3], "not in the top 3" if got else "no confident suggestion"))
    return report


def format_report(report: Report, title: str = "") -> str:
    lines = []
    if title:
        lines.append(title)
    lines.append(f"top-1 accuracy: {report.pct(report.top1, report.single):.1f}% ({report.top1}/{report.single})")
    lines.append(f"top-3 accuracy: {report.pct(report.top3, report.single):.1f}% ({report.top3}/{report.single})")
    lines.append(f"multi-question complete in top 3: {report.multi_complete}/{report.multi}")
    lines.append(f"small talk rejected: {report.rejected}/{report.none}")
    if report.misses:
        lines.append(f"misses ({len(report.misses)}):")
        for m in report.misses:
            got = ", ".join(m.got) if m.got else "-"
            lines.append(f"  line {m.case.line}: {m.case.question}\texpected {m.case.expected}\tgot {got}\t({m.reason})")
    else:
        lines.append("misses: none")
    return "\n".join(lines)
