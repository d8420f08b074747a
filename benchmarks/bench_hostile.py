"""Hostile input: how long the library and the command line take to refuse it, each beside a
plain baseline timed in the same run.

    .venv/bin/python benchmarks/bench_hostile.py [--no-reference-parser]

- placeholder parsing of 1,000,000-character brace runs, against ``str.count`` over the same
  text (the floor for any scan) and, unless --no-reference-parser, the quadratic parser it
  replaced (seconds a run);
- ``load_library`` of a library whose one reply is such a run, against the same library with a
  plain 1,000,000-character reply;
- ``kefu-assist match --json < /dev/zero`` and ``kefu-assist lint /dev/zero`` in a subprocess,
  against ``kefu-assist lint`` of a small good library (the start-up cost).

Before the fix (a5aa1c5, same machine): parsing 500,000 unclosed braces 4.3-7.0 s; lint of a
500,000 "{ " reply 7.7 s printing 500,000 lines; lint /dev/zero and match --json < /dev/zero
ended in MemoryError after 12.6 s / 11.7 s and 1.9 GB; lint of a FIFO never returned.

After (29 November 2026, machine A: AMD EPYC, 2 cores, reference loop 0.93 s):

    { x 500,000        parse   822.8 ms   str.count   0.35 ms   old parser   8.05 s
    {a x 500,000       parse   815.3 ms   str.count   0.34 ms   old parser   8.64 s
    a{ x 500,000 + }   parse   663.6 ms   str.count   0.45 ms   old parser   8.63 s
    { x 1,000,001      parse   373.8 ms   str.count   0.41 ms   old parser   0.12 s
    load_library, one 1M-character reply: brace run 0.833 s (7 errors)   plain text 0.068 s
    lint of a 1-script library (start-up) 0.43 s; lint /dev/zero 0.34 s, exit 1;
    match --json < /dev/zero 0.65 s, exit 1

Linear, but about a microsecond a token in Python: a run of a million literal braces ({{) is
slower than the old parser's, which skipped them two at a time without building segments.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from machine import describe, reference_s  # noqa: E402

from kefu_assist.library import load_library  # noqa: E402
from kefu_assist.library.placeholders import parse  # noqa: E402

RUNS = {
    "{ x 500,000": "{ " * 500_000,
    "{a x 500,000": "{a" * 500_000,
    "a{ x 500,000 + }": "a{" * 500_000 + "}",
    "{ x 1,000,001": "{" * 1_000_001,
}


def reference_parse(template: str) -> int:
    """The parser before the fix: two find() calls for each brace (quadratic on brace runs)."""
    problems, i, n = 0, 0, len(template)
    while i < n:
        ch = template[i]
        if ch == "{":
            if i + 1 < n and template[i + 1] == "{":
                i += 2
                continue
            close = template.find("}", i + 1)
            nested = template.find("{", i + 1)
            if close == -1 or (nested != -1 and nested < close):
                problems += 1
                i += 1
                continue
            i = close + 1
        elif ch == "}":
            i += 2 if i + 1 < n and template[i + 1] == "}" else 1
        else:
            i += 1
    return problems


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def library_with(reply: str, folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text(
        "version: 1\nscripts:\n  - id: a.b\n    category: bargain\n    title: t\n    examples: [便宜点]\n    replies:\n      - '" + reply.replace("'", "''") + "'\n",
        encoding="utf-8",
    )
    return path


def cli(*args: str, stdin=None) -> tuple[float, int]:
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "kefu_assist", *args], stdin=stdin, capture_output=True, timeout=600)
    return time.perf_counter() - t, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-reference-parser", action="store_true", help="skip the quadratic parser (seconds a run)")
    opts = ap.parse_args()
    print(describe())
    print(f"reference loop: {reference_s():.2f} s")
    print("\nplaceholder parse of 1M-character brace runs (best of 3):")
    for label, text in RUNS.items():
        new = best(lambda text=text: parse(text))
        floor = best(lambda text=text: text.count("{"))
        line = f"  {label:18} parse {new * 1000:7.1f} ms   str.count {floor * 1000:6.2f} ms"
        if not opts.no_reference_parser:
            line += f"   old parser {best(lambda text=text: reference_parse(text), 1):6.2f} s"
        print(line)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        braces = library_with("{ " * 500_000, folder, "braces.yaml")
        plain = library_with("便宜" * 500_000, folder, "plain.yaml")
        t_braces = best(lambda: load_library(braces))
        t_plain = best(lambda: load_library(plain))
        print(f"\nload_library, one 1M-character reply: brace run {t_braces:.3f} s ({len(load_library(braces).errors)} errors)   plain text {t_plain:.3f} s")

        good = folder / "good.yaml"
        good.write_text("version: 1\nscripts:\n  - {id: a.b, category: bargain, title: t, examples: [便宜点], replies: [好]}\n", encoding="utf-8")
        start = [cli("lint", str(good))[0] for _ in range(3)]
        with open("/dev/zero", "rb") as zero:
            t_match, rc_match = cli("match", "--json", "--library", str(good), stdin=zero)
        t_lint, rc_lint = cli("lint", "/dev/zero")
        print("\nsubprocess, wall time:")
        print(f"  lint of a 1-script library (start-up)   {statistics.median(start):.2f} s (median of 3)")
        print(f"  lint /dev/zero                          {t_lint:.2f} s, exit {rc_lint}")
        print(f"  match --json < /dev/zero                {t_match:.2f} s, exit {rc_match}")


if __name__ == "__main__":
    main()
