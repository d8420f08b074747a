"""Redaction scored on a set written outside the project: how many messages leak a secret, per
kind, and how many harmless messages redaction changes.

    .venv/bin/python benchmarks/eval_redact.py DIR [--totals-only]

DIR holds ``personal.tsv`` (``kind<TAB>secrets<TAB>message``, secrets ``|``-separated exactly as
written in the message, ``\\n`` for a line break) and ``negatives.tsv`` (``none<TAB><TAB>message``:
no personal data). A secret leaks by the judge of ``tests/store/test_redact.py`` (independent of
the code under test): a number written with digits, separators or Chinese numerals must not leave
7 of its digits in order (all of it when shorter), any other secret must not survive whole (case,
spaces and punctuation ignored). ``--totals-only`` prints no message (for held-out sets).
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu_assist.store.redact import redact  # noqa: E402


def _judge():
    spec = importlib.util.spec_from_file_location("redact_judge", ROOT / "tests" / "store" / "test_redact.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: Path) -> list[tuple[str, list[str], str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise SystemExit(f"{path}:{n}: expected kind<TAB>secrets<TAB>message, got {len(parts)} fields")
        kind, secrets, message = parts
        rows.append((kind, [s for s in secrets.split("|") if s], message.replace("\\n", "\n")))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--totals-only", action="store_true")
    args = parser.parse_args()
    personal, negatives = args.folder / "personal.tsv", args.folder / "negatives.tsv"
    for path in (personal, negatives):
        if not path.is_file():
            print(f"error: {path} not found", file=sys.stderr)
            return 2
    judge = _judge()

    def leaks(secret: str, out: str) -> bool:
        """The secret whole, or (a number as typed: 139 1234 5678, 一三八…, SF…, an ID ending in X)
        7 of its digits in order."""
        digits = judge._digits(secret)
        return judge.leaks(secret, out) or (len(digits) >= 7 and judge.leaks(digits, out))

    seen: Counter[str] = Counter()
    leaked: Counter[str] = Counter()
    for kind, secrets, message in _rows(personal):
        out = redact(message)
        seen[kind] += 1
        bad = [s for s in secrets if leaks(s, out)]
        if bad:
            leaked[kind] += 1
            if not args.totals_only:
                print(f"LEAK {kind}: {message!r} -> {out!r}  ({' | '.join(bad)})")
    changed = total = 0
    for _kind, _secrets, message in _rows(negatives):
        total += 1
        out = redact(message)
        if out != message:
            changed += 1
            if not args.totals_only:
                print(f"CHANGED: {message!r} -> {out!r}")
    print("| kind | messages | leaking a secret |")
    print("|---|---|---|")
    for kind in sorted(seen):
        print(f"| {kind} | {seen[kind]} | {leaked[kind]} |")
    n, bad_n = sum(seen.values()), sum(leaked.values())
    print(f"Messages with personal data leaking a secret: {bad_n}/{n} ({100 * bad_n / max(n, 1):.1f} %)")
    print(f"Harmless messages changed: {changed}/{total} ({100 * changed / max(total, 1):.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
