"""Speed of the reply checker: ``check`` of one reply, over every reply of the shipped library.

Beside it, in the same run: a plain baseline that only asks whether any of the rules' literal
words is in the text (``any(word in text for word in words)``, no spans, no patterns, no
exceptions), ``check`` with the rules alone (no trained reply model: ``Checker(rules)``), ``check``
trying every scan on every reply (no gates: the findings are the same), the buyer-mood reading,
and what building the scans' gates costs. Target (issue 12): check of one reply p99 <= 2 ms.

    .venv/bin/python benchmarks/bench_check.py [--rounds 20]
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

from kefu_assist.checker import Checker, default_checker, mood  # noqa: E402
from kefu_assist.checker.rules import normalise  # noqa: E402
from kefu_assist.library import load_library  # noqa: E402
from machine import describe, reference_s  # noqa: E402


def _words(checker) -> list[str]:
    """Every literal word of the rules (their patterns have no fixed words to take)."""
    return [word for rule in checker.rules for word, _ in rule.words]


def _percentiles(samples: list[float]) -> tuple[float, float, float]:
    samples = sorted(samples)
    p = lambda q: samples[min(len(samples) - 1, int(q * len(samples)))]  # noqa: E731
    return statistics.median(samples), p(0.99), samples[-1]


def _building(checker) -> dict[str, float]:
    """What building the scans' gates costs (scangates): reading every pattern with re's parser
    (a cache miss), reading the saved gates back (a new process), and a checker of the same rules
    in the same process; each the best of three."""
    import tempfile

    from kefu_assist.checker import scangates

    patterns = [pattern for _, pattern, _ in checker._flat]
    out: dict[str, float] = {"scans": len(patterns)}
    with tempfile.TemporaryDirectory() as folder:
        for name, run in (
            ("parse", lambda: [scangates.gate(p) for p in patterns]),
            ("disk", lambda: scangates.ScanGates(scangates.gates(patterns, Path(folder)))),
            ("memory", lambda: scangates.ScanGates.of(patterns)),
        ):
            best = float("inf")
            for _ in range(3):
                scangates.first_chars.cache_clear()
                t = time.perf_counter()
                run()
                best = min(best, time.perf_counter() - t)
            out[name] = best
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    library = load_library(ROOT / "resources" / "scripts.yaml").library
    assert library is not None
    replies = [r for s in library.scripts for r in s.replies]
    buyer = [e for s in library.scripts for e in s.examples]
    checker = default_checker()
    words = _words(checker)
    rules_only = Checker(checker.rules)  # the same rules without the trained reply model
    ungated = Checker(checker.rules, checker.model)  # the same checker trying every scan (no scangates)
    ungated._gates = None
    assert checker.model is not None, "the reply model's weights did not load"
    checker.check("预热")  # opencc, the rules and the model's weights loaded outside the timing
    rules_only.check("预热")
    ungated.check("预热")
    mood("预热")
    gc.collect()
    gc.freeze()  # as AssistService.load does: the collector does not rescan the loaded library mid-keystroke

    ref_before = reference_s()
    timings: dict[str, list[float]] = {"check": [], "baseline": [], "mood": [], "mood_cues": [], "check_cpu": [], "rules_only": [], "ungated": []}
    clock = time.perf_counter
    # rules.normalise keeps a draft's last copies: emptied (untimed) before each check, so that each
    # pays for its own copy as a new draft does, not only the first of the three on the same text
    fresh = normalise.cache_clear
    for _ in range(args.rounds):
        for text in replies:
            fresh()
            t = clock()
            checker.check(text)
            timings["check"].append(clock() - t)
            fresh()
            t = clock()
            rules_only.check(text)
            timings["rules_only"].append(clock() - t)
            fresh()
            t = clock()
            ungated.check(text)
            timings["ungated"].append(clock() - t)
            t = clock()
            any(word in text for word in words)
            timings["baseline"].append(clock() - t)
        for text in replies:  # CPU time of this thread: what the scheduler took away is not in it
            fresh()
            t = time.thread_time()
            checker.check(text)
            timings["check_cpu"].append(time.thread_time() - t)
        for text in buyer:
            t = clock()
            mood(text)
            timings["mood"].append(clock() - t)
            t = clock()
            mood(text, use_model=False)  # the cues alone: what mood cost before the trained tone
            timings["mood_cues"].append(clock() - t)
    # a keystroke: AssistService.suggest (mood read, upset buyers reordered) against the
    # matcher alone (what a keystroke did before), over every 4th buyer example and every
    # complaint example (upset: the wider ranking and the reordering run)
    from kefu_assist.service import AssistService

    service = AssistService()
    service.load(ROOT / "resources" / "scripts.yaml")
    matcher = service._require().matcher
    questions = buyer[::4] + [e for s in library.scripts if s.category == "complaint" for e in s.examples]
    for q in questions[:50]:
        service.suggest(q)
    from kefu_assist.library import render
    from kefu_assist.service import SuggestionView

    def suggest_before(message: str, limit: int = 5) -> list:
        """AssistService.suggest as it was before moods (the code of commit a5aa1c5)."""
        state = service._require()
        values = service.placeholder_values()
        out = []
        for s in matcher.suggest(message, limit=limit):
            script = state.library.get(s.script_id)
            if script is None:
                continue
            out.append(SuggestionView(s, script, tuple(render(r, values) for r in script.replies)))
        return out

    keystroke: dict[str, list[float]] = {"suggest": [], "matcher": []}
    for _ in range(max(1, args.rounds // 4)):
        for q in questions:
            t = clock()
            suggest_before(q, limit=5)
            keystroke["matcher"].append(clock() - t)
            t = clock()
            service.suggest(q, limit=5)
            keystroke["suggest"].append(clock() - t)
    ref_after = reference_s()
    # the same samples, each reply's median over the rounds: a reply that is slow every time
    # stays slow here, a sample the scheduler stalled (2 shared cores) does not
    n = len(replies)
    per_reply = {
        name: [statistics.median(timings[name][r * n + i] for r in range(args.rounds)) for i in range(n)]
        for name in ("check", "rules_only", "ungated", "baseline")
    }
    building = _building(checker)

    print(f"Machine: {describe()}; reference loop {ref_before:.2f} s before, {ref_after:.2f} s after (see benchmarks/machine.py)")
    print(f"{len(replies)} replies of the shipped library x {args.rounds} rounds; {len(checker.rules)} rules, {len(words)} literal words for the baseline; mood over {len(buyer)} buyer examples")
    print()
    print("| what | p50 | p99 | max |")
    print("|---|---|---|---|")
    for name, label in (("check", "`check` of one reply (rules and trained reply model)"), ("rules_only", "baseline: `check` with the rules alone (no reply model)"), ("ungated", "baseline: `check` trying every scan (no gates)"), ("baseline", "baseline: `any(word in text for word in words)`"), ("mood", "`mood` of one buyer message (cues and trained tone)"), ("mood_cues", "baseline: `mood` with the cues alone (`use_model=False`)"), ("check_cpu", "`check`, CPU time of the thread (no time waiting for a core)")):
        p50, p99, worst = _percentiles(timings[name])
        print(f"| {label} | {p50 * 1000:.3f} ms | {p99 * 1000:.3f} ms | {worst * 1000:.3f} ms |")
    for name, label in (("check", "`check`, each reply's median of the rounds"), ("rules_only", "rules alone, each reply's median of the rounds"), ("ungated", "no gates, each reply's median of the rounds"), ("baseline", "baseline, each reply's median of the rounds")):
        p50, p99, worst = _percentiles(per_reply[name])
        print(f"| {label} | {p50 * 1000:.3f} ms | {p99 * 1000:.3f} ms | {worst * 1000:.3f} ms |")
    print()
    print(f"Building a checker's gates ({building['scans']} scans): reading the patterns {building['parse'] * 1000:.1f} ms, "
          f"from the cache folder {building['disk'] * 1000:.1f} ms, a second checker in the process {building['memory'] * 1000:.2f} ms")
    print()
    upset = sum(service.mood(q).upset for q in questions)
    print(f"A keystroke: {len(questions)} buyer messages ({upset} upset) x {max(1, args.rounds // 4)} rounds")
    print()
    print("| what | p50 | p99 | max |")
    print("|---|---|---|---|")
    for name, label in (("suggest", "`AssistService.suggest` with mood and reordering"), ("matcher", "baseline: `suggest` as before (matcher and rendering, no mood)")):
        p50, p99, worst = _percentiles(keystroke[name])
        print(f"| {label} | {p50 * 1000:.3f} ms | {p99 * 1000:.3f} ms | {worst * 1000:.3f} ms |")


if __name__ == "__main__":
    main()
