"""Precision and recall of the reply checker per rule, and of the buyer-mood reading, on
labelled sets.

Draft sets (``--drafts``, TSV): ``rules<TAB>reply`` a line, rules = the rule ids the reply
breaks, comma-separated, or ``-`` (or ``ok``) for a compliant reply. Mood sets (``--moods``, TSV):
``upset|calm<TAB>buyer message``. Lines starting with # are comments.

    .venv/bin/python benchmarks/eval_check.py --drafts tests/checker/dev_drafts.tsv --moods tests/checker/dev_moods.tsv

Prints a Markdown table: per rule, true/false positives, false negatives, precision, recall; the
share of violating drafts whose every rule was found with the right id; the share of compliant
drafts flagged at all; upset buyers found and calm buyers flagged.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu_assist.checker import Checker, default_checker, mood  # noqa: E402


def _rows(path: Path) -> list[tuple[str, str]]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if "\t" not in line:
            raise SystemExit(f"{path}:{number}: expected label<TAB>text")
        label, text = line.split("\t", 1)
        out.append((label.strip(), text))
    return out


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} % ({a}/{b})" if b else "–"


def drafts_report(path: Path, rules_only: bool = False, totals_only: bool = False) -> str:
    checker = Checker(default_checker().rules) if rules_only else default_checker()
    tp, fp, fn = Counter(), Counter(), Counter()
    violating = all_found = compliant = flagged = 0
    misses = []
    for label, text in _rows(path):
        want = set() if label in ("-", "ok") else {r.strip() for r in label.split(",")}
        got = {f.rule for f in checker.check(text)}
        for rule in got & want:
            tp[rule] += 1
        for rule in got - want:
            fp[rule] += 1
        for rule in want - got:
            fn[rule] += 1
        if want:
            violating += 1
            all_found += want <= got
        else:
            compliant += 1
            flagged += bool(got)
        if got != want:
            misses.append(f"- `{label}` → `{','.join(sorted(got)) or '-'}`: {text}")
    lines = [f"Drafts: {path}" + (" (rules alone, no reply model)" if rules_only else " (rules and reply model)"), "", "| rule | found | wrong flag | missed | precision | recall |", "|---|---|---|---|---|---|"]
    for rule in checker.rule_ids:
        if tp[rule] + fp[rule] + fn[rule] == 0:
            continue
        lines.append(f"| {rule} | {tp[rule]} | {fp[rule]} | {fn[rule]} | {_pct(tp[rule], tp[rule] + fp[rule])} | {_pct(tp[rule], tp[rule] + fn[rule])} |")
    lines += ["", f"Violating drafts with every rule found (right id): {_pct(all_found, violating)}",
              f"Compliant drafts flagged: {_pct(flagged, compliant)}"]
    if misses and not totals_only:
        lines += ["", "Differences:", *misses]
    return "\n".join(lines)


def moods_report(path: Path, totals_only: bool = False) -> str:
    upset = found = calm = flagged = 0
    misses = []
    for label, text in _rows(path):
        got = mood(text).label
        if label == "upset":
            upset += 1
            found += got == "upset"
        else:
            calm += 1
            flagged += got == "upset"
        if got != label:
            misses.append(f"- `{label}` → `{got}`: {text}")
    lines = [f"Moods: {path}", "", f"Upset buyers found: {_pct(found, upset)}", f"Calm buyers flagged upset: {_pct(flagged, calm)}"]
    if misses and not totals_only:
        lines += ["", "Differences:", *misses]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--drafts", type=Path, action="append", default=[])
    parser.add_argument("--moods", type=Path, action="append", default=[])
    parser.add_argument("--rules-only", action="store_true", help="drafts: also score the rules alone (no trained reply model), in the same run")
    parser.add_argument("--totals-only", action="store_true", help="print the totals (drafts: and the per-rule counts), not the differing lines (held-out sets, a set scored before its lines are read)")
    args = parser.parse_args()
    if not args.drafts and not args.moods:
        parser.error("give --drafts and/or --moods files")
    reports = [drafts_report(p, totals_only=args.totals_only) for p in args.drafts]
    if args.rules_only:
        reports += [drafts_report(p, rules_only=True, totals_only=args.totals_only) for p in args.drafts]
    print("\n\n".join(reports + [moods_report(p, totals_only=args.totals_only) for p in args.moods]))


if __name__ == "__main__":
    main()
