"""Search speed for 浏览全部 / `kefu-assist find`: index build, and the time per keystroke while a
query is typed, beside the baseline timed in the same run: ``AssistService.browse()``, which
normalises every script on every keystroke.

A keystroke is ``SearchIndex.search(prefix)`` plus the highlight spans of the first 20 hits (what
the list shows first). Wall time and the thread's CPU time are both given: on a shared machine
the wall time's tail is mostly the process waiting for a core. Each query is typed one character at a time; Chinese words as an input
method commits them, a word at a time.

    .venv/bin/python benchmarks/bench_search.py                 # shipped library and 10,000 scripts
    .venv/bin/python benchmarks/bench_search.py --scripts 2000  # a smaller generated library
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import yaml  # noqa: E402

import genlib  # noqa: E402
import machine  # noqa: E402
from kefu_assist.library import load_library  # noqa: E402
from kefu_assist.library import pinyin as pinyin_mod  # noqa: E402
from kefu_assist.library import search as search_mod  # noqa: E402
from kefu_assist.library.qianniu import _letters, unique_code  # noqa: E402

# Typed queries: pinyin (full, initials), codes, and words an input method commits.
TYPED = ["baoyou", "fapiao", "tuihuo", "by", "fp", "qtwly", "zenmeban", "kuaidi", "xyz"]
COMMITTED = [["包", "包邮"], ["发票"], ["退货", "退货运费"], ["七天无理由"], ["连衣裙", "连衣裙尺码"], ["没有这个"]]


def keystrokes() -> list[str]:
    out = []
    for word in TYPED:
        out += [word[: k + 1] for k in range(len(word))]
    for steps in COMMITTED:
        out += steps
    return out


def with_codes(path: Path) -> None:
    """Give a generated library Qianniu codes (pinyin initials of the title, made unique), as an
    imported one has."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    taken: set[str] = set()
    for script in data["scripts"]:
        code = unique_code(_letters(script["title"]), taken)
        taken.add(code)
        script["code"] = code
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def fresh_caches() -> None:
    """Empty the per-character and per-text caches (pypinyin's own data stays loaded)."""
    for fn in (pinyin_mod.readings, pinyin_mod.initials_of, pinyin_mod.text_readings, search_mod._pinyin_strings):
        fn.cache_clear()


def measure(label: str, path: Path, baseline_keys: int) -> None:
    from kefu_assist.service import AssistService

    result = load_library(path)
    library = result.library
    assert library is not None and result.ok, result.errors[:3]
    fresh_caches()
    t = time.perf_counter()
    index = search_mod.SearchIndex(library)
    build = time.perf_counter() - t

    gc.collect()
    gc.freeze()  # as AssistService.search_index() does
    keys = keystrokes()
    times, cpu = [], []
    found = 0
    for _ in range(3):
        for q in keys:
            c = time.thread_time()
            t = time.perf_counter()
            hits = index.search(q)
            for h in hits[:20]:
                h.match  # noqa: B018 - the spans the list shows
            times.append(time.perf_counter() - t)
            cpu.append(time.thread_time() - c)
            found += bool(hits)

    service = AssistService()
    service.load(path)
    sample = keys[:: max(1, len(keys) // baseline_keys)][:baseline_keys]
    base = []
    for q in sample:
        t = time.perf_counter()
        service.browse(query=q)
        base.append(time.perf_counter() - t)

    ms = lambda v: f"{v * 1000:.2f} ms"  # noqa: E731
    print(
        f"{label}: {len(library.scripts):,} scripts, index build {build:.2f} s; "
        f"keystroke p50 {ms(statistics.median(times))} p90 {ms(percentile(times, 0.9))} p99 {ms(percentile(times, 0.99))} "
        f"max {ms(max(times))} (CPU time p50 {ms(statistics.median(cpu))} p99 {ms(percentile(cpu, 0.99))}; "
        f"{len(times)} keystrokes, {found} with hits) | baseline browse() p50 {ms(statistics.median(base))} "
        f"p99 {ms(percentile(base, 0.99))} ({len(base)} keystrokes)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scripts", type=int, default=10_000)
    parser.add_argument("--baseline-keys", type=int, default=12, help="keystrokes timed for the slow baseline")
    args = parser.parse_args()
    print(machine.describe())
    print(f"reference loop: {machine.reference_s():.2f} s")
    t = time.perf_counter()
    pinyin_mod.readings("中")
    pinyin_mod._phrases()
    print(f"pypinyin's dictionaries, loaded once a process: {time.perf_counter() - t:.2f} s")
    measure("shipped", ROOT / "resources" / "scripts.yaml", args.baseline_keys * 4)
    with tempfile.TemporaryDirectory() as tmp:
        path = genlib.write(Path(tmp) / "lib.yaml", args.scripts, 5)
        with_codes(path)
        measure(f"generated {args.scripts:,} x 5 (with codes)", path, args.baseline_keys)
    print(f"reference loop: {machine.reference_s():.2f} s")


if __name__ == "__main__":
    main()
