"""Redaction speed by message length, beside a plain baseline timed in the same run.

    .venv/bin/python benchmarks/bench_redact.py [--old COMMIT]

For each text and length (1k, 10k, 40k, 100k characters) prints the best of 5 runs of
``redact()`` and of the baseline, a single ``re.sub`` of 11-digit runs over the same text (what
any redaction must at least do). ``--old COMMIT`` also times ``redact()`` as it was at that
commit (read with ``git show``), on the texts where it finishes in reasonable time.

Texts: ``buyer`` is realistic buyer messages with personal data, repeated; the others are
adversarial: digits and separators, '@' runs, one long word (the old e-mail pattern retried it
at every letter), 省市区号 runs, Chinese numerals, name leads, a road name and number repeated.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from machine import describe, reference_s  # noqa: E402

from kefu_assist.store.redact import redact  # noqa: E402

BUYER = (
    "亲，我的手机号是139.5731.6284，收件人是王大锤，寄到高新南七道88号3单元，"
    "订单号 3894 5567 1023 8844 什么时候发货？身高165体重100斤穿什么码，XL有吗？"
    "邮箱 zhaoliu at 163 dot com，加个V：zhaoliu_88，满300减50的券怎么用，iPhone 15 有货吗。\n"
)
TEXTS = {
    "buyer": BUYER,
    "digits+separators": "1 2-3.4",
    "@ runs": "a@",
    "one long word": "a",
    "省市区号": "省市区号",
    "chinese numerals": "一三九五七三一六二八四 ",
    "name leads": "收件人",
    "road+number": "幸福路88号",
}
SIZES = (1_000, 10_000, 40_000, 100_000)
_BASELINE = re.compile(r"(?<![0-9])[0-9]{11}(?![0-9])")


def best_ms(fn, text: str, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t)
    return best * 1000


def load_old(commit: str):
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{commit}:src/kefu_assist/store/redact.py"],
        check=True, capture_output=True, text=True,
    ).stdout
    module = types.ModuleType("redact_old")
    exec(compile(source, "redact_old.py", "exec"), module.__dict__)
    return module.redact


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", help="also time redact() as it was at this commit")
    args = parser.parse_args()
    old = load_old(args.old) if args.old else None
    print(describe())
    print(f"reference loop: {reference_s():.2f} s")
    header = f"{'text':20} {'chars':>8} {'redact ms':>10} {'baseline ms':>12}"
    print(header + (f" {'old ms':>10}" if old else ""))
    for name, unit in TEXTS.items():
        for size in SIZES:
            text = (unit * (size // len(unit) + 1))[:size]
            line = f"{name:20} {size:>8,} {best_ms(redact, text):>10.1f} {best_ms(lambda t: _BASELINE.sub('[x]', t), text):>12.2f}"
            if old:
                # the old code is quadratic on long words and digit runs: time it where it ends
                slow = name in ("one long word", "@ runs", "digits+separators") and size > 10_000
                line += f" {'(skipped)' if slow else format(best_ms(old, text, runs=1), '.1f'):>10}"
            print(line)


if __name__ == "__main__":
    main()
