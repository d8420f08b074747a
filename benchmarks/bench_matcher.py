"""Speed and memory of the matcher, side by side with the plain baseline, in one run.

    .venv/bin/python benchmarks/bench_matcher.py                    # prints a Markdown report
    .venv/bin/python benchmarks/bench_matcher.py --build-rounds 8   # index build vs machine speed
    .venv/bin/python benchmarks/bench_matcher.py --inprocess-rounds 5   # the same, builds in one process

Measures, with the shipped library and with a generated 10,000 scripts x 5 examples library:
- per-question latency p50/p99 of Matcher.suggest and of the baseline
  rapidfuzz.process.extract(question, all_example_strings, scorer=fuzz.WRatio);
- index build time (jieba already loaded; median and best of three), beside the time plain
  jieba.lcut takes to segment the same examples, and YAML load time;
- cold `kefu-assist match 在吗` wall time, and peak memory of a cold match with each library.
Timings are printed, never asserted: machines are noisy.
"""
from __future__ import annotations

import gc
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import jieba  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402

import genlib  # noqa: E402
import machine  # noqa: E402
from kefu_assist.library import load_library  # noqa: E402
from kefu_assist.matching import build_matcher  # noqa: E402
from kefu_assist.resources import resource_path  # noqa: E402

SHARED_EVAL = ROOT.parent / "shared" / "eval"
CLI = [sys.executable, "-m", "kefu_assist"]


def questions() -> list[str]:
    out = []
    for name in ("dev_questions.tsv", "seed_questions.tsv"):
        path = SHARED_EVAL / name
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#") and "\t" in line:
                    out.append(line.split("\t", 1)[1])
    out += [
        "亲，能開發票嗎？？？[微笑]",
        "我155 90斤拍哪个码，SF能到吗😀",
        "老板你好，我上周在你家买了一件连衣裙，今天收到发现袖口开线了，还有一块污渍，我想问一下能不能换一件，还是只能退货？运费谁出？",
        "今天天气真好 哈哈哈",
    ]
    return out


def percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    p50 = statistics.median(samples)
    p99 = samples[min(len(samples) - 1, int(round(0.99 * (len(samples) - 1))))]
    return p50 * 1000, p99 * 1000


def time_each(fn, qs: list[str], rounds: int) -> tuple[float, float]:
    samples = []
    for _ in range(rounds):
        for q in qs:
            t = time.perf_counter()
            fn(q)
            samples.append(time.perf_counter() - t)
    return percentiles(samples)


def bench_library(label: str, path: Path, qs: list[str], rounds: int) -> dict:
    t = time.perf_counter()
    result = load_library(path)
    load_s = time.perf_counter() - t
    library = result.library
    assert library is not None, result.errors
    build_matcher(load_library(ROOT / "resources" / "scripts.yaml").library)  # jieba loaded once, outside the timing
    builds = []
    for _ in range(3):
        matcher = None
        gc.collect()
        t = time.perf_counter()
        matcher = build_matcher(library)
        builds.append(time.perf_counter() - t)
    build_s = statistics.median(builds)
    examples = [e for s in library.matchable for e in s.examples]
    # The plain baseline for indexing: segment every example with jieba (HMM off, our dictionary),
    # nothing else. The machines are noisy; this shows what the same seconds buy on them.
    jieba.setLogLevel(logging.WARNING)
    segmenter = jieba.Tokenizer(str(resource_path("jieba_dict.txt")))
    segmenter.initialize()
    t = time.perf_counter()
    for example in examples:
        segmenter.lcut(example, HMM=False)
    jieba_s = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as cache:
        build_matcher(library, cache_dir=Path(cache))
        t = time.perf_counter()
        build_matcher(library, cache_dir=Path(cache))
        cached_s = time.perf_counter() - t
    gc.collect()
    gc.freeze()  # as AssistService.load does once a library is indexed
    ours = time_each(lambda q: matcher.suggest(q, limit=5), qs, rounds)
    base = time_each(lambda q: process.extract(q, examples, scorer=fuzz.WRatio, limit=5), qs, max(1, rounds // 2))
    return {
        "label": label,
        "scripts": len(library.scripts),
        "examples": len(examples),
        "load_s": load_s,
        "build_s": build_s,
        "build_min_s": min(builds),
        "jieba_s": jieba_s,
        "cached_s": cached_s,
        "ours": ours,
        "base": base,
    }


def cold(args: list[str], runs: int, *, fresh_cache: bool) -> tuple[float, float, float]:
    """(median wall s, max wall s, peak RSS MB) of a fresh process; with ``fresh_cache`` each run
    starts with an empty cache folder (no jieba prefix cache, no parsed library, no index);
    without, the runs share one folder that an untimed run has filled first."""
    walls, peaks = [], []
    shared_cache = tempfile.mkdtemp(prefix="kefu-bench-cache-")
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    if not fresh_cache:  # fill the shared caches, untimed
        subprocess.run([*CLI, *args], stdout=subprocess.DEVNULL, check=True, env=dict(os.environ, KEFU_ASSIST_CACHE_DIR=shared_cache))
    for _ in range(runs):
        env = dict(os.environ, KEFU_ASSIST_CACHE_DIR=tempfile.mkdtemp(prefix="kefu-bench-cache-") if fresh_cache else shared_cache)
        out = subprocess.run([sys.executable, "-c", probe, *CLI, *args], capture_output=True, text=True, check=True, env=env).stdout.split()
        walls.append(float(out[0]))
        peaks.append(int(out[1]) / 1024)
    return statistics.median(walls), max(walls), max(peaks)


_ONE_BUILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from kefu_assist.library import load_library
from kefu_assist.matching import build_matcher
build_matcher(load_library(Path(sys.argv[2])).library)  # the dictionary, outside the timing
library = load_library(Path(sys.argv[3])).library
t, cpu = time.perf_counter(), time.process_time()
build_matcher(library)
print(time.perf_counter() - t, time.process_time() - cpu)
"""


def _rounds_table(label: str, rounds: int, build_once) -> None:
    """``rounds`` builds, each beside the reference loop, as a table with the medians:
    ``build_once()`` returns one build's (wall, CPU) seconds. CPU time beside the wall: on a
    shared machine the wall time swings with the neighbours' load."""
    print(f"Machine: {machine.describe()}")
    print(f"| round | reference loop | index build, {label} | its CPU time |")
    print("|---|---|---|---|")
    references, builds, cpus = [], [], []
    for i in range(rounds):
        references.append(machine.reference_s())
        build, cpu = build_once()
        builds.append(build)
        cpus.append(cpu)
        print(f"| {i + 1} | {references[-1]:.2f} s | {build:.2f} s | {cpu:.2f} s |", flush=True)
    print(f"| median | {statistics.median(references):.2f} s | {statistics.median(builds):.2f} s | {statistics.median(cpus):.2f} s |")


def build_rounds(rounds: int) -> int:
    """Only the 10,000-script index build, each in a fresh process (as the sidebar and the
    command line build once) and each beside the reference loop, so that a build time can be
    read against how busy the machine was at that moment."""
    with tempfile.TemporaryDirectory() as tmp:
        big = genlib.write(Path(tmp) / "gen10k.yaml")
        args = [sys.executable, "-c", _ONE_BUILD, str(ROOT / "src"), str(ROOT / "resources" / "scripts.yaml"), str(big)]

        def once() -> tuple[float, float]:
            build, cpu = map(float, subprocess.run(args, capture_output=True, text=True, check=True).stdout.split())
            return build, cpu

        _rounds_table("10,000 x 5", rounds, once)
    return 0


def inprocess_rounds(rounds: int) -> int:
    """The 10,000-script index build repeated in this one process (jieba's dictionary and NumPy
    loaded by an untimed build first), each beside the reference loop; then the medians."""
    with tempfile.TemporaryDirectory() as tmp:
        big = genlib.write(Path(tmp) / "gen10k.yaml")
        build_matcher(load_library(ROOT / "resources" / "scripts.yaml").library)
        library = load_library(big).library

        def once() -> tuple[float, float]:
            gc.collect()
            t, cpu = time.perf_counter(), time.process_time()
            matcher = build_matcher(library)
            wall, used = time.perf_counter() - t, time.process_time() - cpu
            del matcher
            return wall, used

        _rounds_table("10,000 x 5, in-process", rounds, once)
    return 0


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--build-rounds":
        return build_rounds(int(sys.argv[2]))
    if len(sys.argv) == 3 and sys.argv[1] == "--inprocess-rounds":
        return inprocess_rounds(int(sys.argv[2]))
    reference_before = machine.reference_s()
    qs = questions()
    with tempfile.TemporaryDirectory() as tmp:
        big = genlib.write(Path(tmp) / "gen10k.yaml")
        shipped = ROOT / "resources" / "scripts.yaml"
        rows = [bench_library("shipped", shipped, qs, rounds=20), bench_library("generated 10,000 x 5", big, qs, rounds=3)]
        cold(["match", "在吗"], 1, fresh_cache=False)  # warm the OS file cache
        cold_rows = [
            ("shipped library, empty caches", cold(["match", "在吗"], 5, fresh_cache=True)),
            ("shipped library, caches warm", cold(["match", "在吗"], 7, fresh_cache=False)),
            ("10,000-script library, empty caches", cold(["match", "--library", str(big), "在吗"], 2, fresh_cache=True)),
            ("10,000-script library, caches warm", cold(["match", "--library", str(big), "在吗"], 4, fresh_cache=False)),
        ]

    print(f"Machine: {machine.describe()}; reference loop {reference_before:.2f} s before, {machine.reference_s():.2f} s after (see benchmarks/machine.py)\n")
    print(f"{len(qs)} questions per round (the shared dev and seed sets plus messy ones).\n")
    print("| library | scripts | examples | YAML load | index build, median (best) | baseline: jieba.lcut of every example | index from cache | kefu-assist p50 | p99 | baseline WRatio p50 | p99 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['label']} | {r['scripts']:,} | {r['examples']:,} | {r['load_s']:.2f} s | {r['build_s']:.2f} s ({r['build_min_s']:.2f} s) | {r['jieba_s']:.2f} s | {r['cached_s']:.2f} s | "
            f"{r['ours'][0]:.2f} ms | {r['ours'][1]:.2f} ms | {r['base'][0]:.2f} ms | {r['base'][1]:.2f} ms |"
        )
    print()
    print("| cold `kefu-assist match 在吗` | median wall | max wall | peak RSS |")
    print("|---|---|---|---|")
    for label, (median, worst, peak) in cold_rows:
        print(f"| {label} | {median:.2f} s | {worst:.2f} s | {peak:.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
