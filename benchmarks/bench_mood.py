"""Speed of the buyer-mood reading (``checker.mood``: cues and trained tone), what the sidebar pays
per keystroke, on 1,000 buyer messages: the first 1,000 rows of ``resources/mood_corpus.tsv`` (its
base rows, which later batches only append to, so runs before and after a change read the same
messages).

Beside it, in the same run: a plain baseline (the message folded, then ``any(word in folded for word
in WORDS)`` over a short list of complaint words: no patterns, no exceptions, no model) and the cues
alone (``mood(text, use_model=False)``). Figures with the machine's reference loop (machine.py).

    .venv/bin/python benchmarks/bench_mood.py [--rounds 5]
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from kefu_assist.checker import mood  # noqa: E402
from kefu_assist.checker.rules import fold  # noqa: E402
from machine import describe, reference_s  # noqa: E402

WORDS = ("投诉", "差评", "12315", "骗子", "垃圾", "退款", "???", "呵呵", "人呢", "到底")


def messages(n: int = 1000) -> list[str]:
    out = []
    for line in (ROOT / "resources" / "mood_corpus.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            out.append(line.split("\t", 1)[1])
            if len(out) == n:
                break
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = messages()
    mood("预热")  # opencc, the cues and the tone's weights loaded outside the timing
    gc.collect()
    gc.freeze()
    ref_before = reference_s()
    clock = time.perf_counter
    runs: dict[str, list[float]] = {"baseline": [], "mood": [], "mood_cues": [], "mood_cpu": []}
    per_message: list[float] = []
    for _ in range(args.rounds):
        t = clock()
        for text in texts:
            folded = fold(text)
            any(word in folded for word in WORDS)
        runs["baseline"].append(clock() - t)
        t = clock()
        for text in texts:
            s = clock()
            mood(text)
            per_message.append(clock() - s)
        runs["mood"].append(clock() - t)
        t = clock()
        for text in texts:
            mood(text, use_model=False)
        runs["mood_cues"].append(clock() - t)
        t = time.thread_time()  # CPU time of this thread: what the scheduler of a shared machine took away is not in it
        for text in texts:
            mood(text)
        runs["mood_cpu"].append(time.thread_time() - t)
    ref_after = reference_s()
    per_message.sort()
    print(describe())
    print(f"reference loop: {ref_before:.3f} s before, {ref_after:.3f} s after")
    print(f"{len(texts)} messages, {args.rounds} rounds (median of the rounds)")
    for name, label in (("baseline", "plain baseline (fold + word in text)"), ("mood_cues", "mood, cues alone"), ("mood", "mood (cues + tone)"), ("mood_cpu", "mood (cues + tone), CPU time")):
        print(f"| {label} | {1000 * statistics.median(runs[name]):.1f} ms per 1,000 |")
    print(f"mood per message: median {1e6 * statistics.median(per_message):.0f} µs, p99 {1e6 * per_message[int(0.99 * len(per_message))]:.0f} µs")


if __name__ == "__main__":
    main()
