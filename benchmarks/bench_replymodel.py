"""Memory, load time and checking speed of the trained reply model (checker/replymodel.py) as held
now (sorted integer keys and typed arrays of whole thousandths, checker/gramweights.py) beside,
in the same run, the representation it replaced (a dict of gram -> tuple of Python floats, built
from the same JSON) and a float32 variant (the co-ranker's ``array('f')``), with how far each
one's scores stray from the old one's and how many findings differ.

    .venv/bin/python benchmarks/bench_replymodel.py [--rounds 5]

Memory by tracemalloc: peak while loading, and retained after load with the model alive.
``check`` time: ``Checker(rules, model).check`` of every reply of the shipped library.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from array import array
from bisect import bisect_left
from collections.abc import Collection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "checker"))  # old_replymodel.py, the reference the tests use too

from kefu_assist.checker import replymodel  # noqa: E402
from kefu_assist.checker.engine import Checker, _default_rules  # noqa: E402
from kefu_assist.checker.gramweights import GramWeights, gram_key  # noqa: E402
from kefu_assist.library import load_library  # noqa: E402
from machine import describe, reference_s  # noqa: E402
from old_replymodel import load_tuples  # noqa: E402

PATH = ROOT / "resources" / replymodel.MODEL_NAME


def load_float32(path: Path) -> replymodel.ReplyModel:
    """The arrays with float32 weights, as the co-ranker keeps its weights."""
    model = replymodel.load_model(path)
    weights = model.weights
    assert isinstance(weights, GramWeights)
    weights._weights = array("f", [x / weights._scale for x in weights._weights])
    weights._scale = 1
    return model


class BisectWeights(GramWeights):
    """The co-ranker's lookup: the keys sorted in one array('q'), a gram found by bisection."""

    __slots__ = ("_sorted", "_sorted_rows")

    def positions(self, grams: Collection[str]) -> list[int]:
        keys, rows, n = self._sorted, self._sorted_rows, len(self._sorted)
        out = []
        for key in map(gram_key, grams):
            at = bisect_left(keys, key)
            if at < n and keys[at] == key:
                out.append(rows[at])
        return out


def load_bisect(path: Path) -> replymodel.ReplyModel:
    model = replymodel.load_model(path)
    weights = model.weights
    assert isinstance(weights, GramWeights)
    other = BisectWeights({}, weights.width)
    for name in GramWeights.__slots__:
        setattr(other, name, getattr(weights, name))
    pairs = sorted((key, row) for key, row in zip(weights._slots, weights._rows) if key)
    other._sorted, other._sorted_rows = array("q", [k for k, _ in pairs]), array("i", [r for _, r in pairs])
    object.__setattr__(model, "weights", other)
    return model


def memory(load) -> tuple[float, float]:
    """(peak, retained) MB of ``load(PATH)``."""
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        model = load(PATH)
        gc.collect()
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert model.rules
    return (peak - base) / 1e6, (current - base) / 1e6


def _percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.99 * len(samples)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    library = load_library(ROOT / "resources" / "scripts.yaml").library
    assert library is not None
    replies = [r for s in library.scripts for r in s.replies]
    drafts = [line.split("\t", 1)[1] for p in sorted((ROOT / "tests" / "checker").glob("*.tsv"))
              for line in p.read_text(encoding="utf-8-sig").splitlines() if "\t" in line and not line.startswith("#")]
    rules = _default_rules().rules
    loaders = {"old: dict of tuples of floats": load_tuples, "new: int keys hashed, int16 thousandths": replymodel.load_model,
               "variant: float32 weights (as the co-ranker)": load_float32,
               "variant: sorted keys bisected (as the co-ranker)": load_bisect}
    ref_before = reference_s()
    rows = []
    models = {}
    for name, load in loaders.items():
        peak, retained = memory(load)
        times = []
        for _ in range(args.rounds):
            gc.collect()
            t = time.perf_counter()
            models[name] = load(PATH)
            times.append(time.perf_counter() - t)
        rows.append((name, peak, retained, statistics.median(times)))
    checkers = {name: Checker(rules, m) for name, m in models.items()}
    for c in checkers.values():
        c.check("预热")
    gc.collect()
    gc.freeze()
    timings: dict[str, list[float]] = {name: [] for name in checkers}
    clock = time.perf_counter
    for _ in range(args.rounds * 4):
        for text in replies:
            for name, checker in checkers.items():  # interleaved: the same machine state for each
                t = clock()
                checker.check(text)
                timings[name].append(clock() - t)
    ref_after = reference_s()
    old = models["old: dict of tuples of floats"]
    stray: dict[str, tuple[float, int]] = {}
    for name, m in models.items():
        worst, differ = 0.0, 0
        for text in replies + drafts:
            for (_, _, a), (_, _, b) in zip(old.windows(text), m.windows(text)):
                worst = max(worst, max(abs(x - y) for x, y in zip(a, b)))
            differ += [(h.rule, h.start, h.end) for h in old.hits(text)] != [(h.rule, h.start, h.end) for h in m.hits(text)]
        stray[name] = (worst, differ)
    print(f"Machine: {describe()}; reference loop {ref_before:.2f} s before, {ref_after:.2f} s after (see benchmarks/machine.py)")
    print(f"{len(models[next(iter(models))].weights):,} grams x {len(old.rules)} rules; check over {len(replies)} library replies x {args.rounds * 4} rounds; scores compared on {len(replies) + len(drafts)} replies and drafts")
    print()
    print("| representation | load peak | retained | load time | check p50 | check p99 | p99 of each reply's median | max score diff vs old | texts with other findings |")
    print("|---|---|---|---|---|---|---|---|---|")
    n, rounds = len(replies), args.rounds * 4
    for name, peak, retained, load_s in rows:
        p50, p99 = _percentiles(timings[name])
        # each reply's median over the rounds: a sample the scheduler stalled (2 shared cores) drops out
        _, steady = _percentiles([statistics.median(timings[name][r * n + i] for r in range(rounds)) for i in range(n)])
        worst, differ = stray[name]
        print(f"| {name} | {peak:.1f} MB | {retained:.2f} MB | {load_s * 1000:.0f} ms | {p50 * 1000:.3f} ms | {p99 * 1000:.3f} ms | {steady * 1000:.3f} ms | {worst:.1e} | {differ} |")


if __name__ == "__main__":
    main()
