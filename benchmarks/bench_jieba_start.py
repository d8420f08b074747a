"""Why jieba is not imported at run time: start-up cost of jieba's own dictionary load against
the project's loader (matching/tokenize.py's Segmenter over resources/jieba_dict.txt), each in a
fresh interpreter, beside the machine's reference loop.

    .venv/bin/python benchmarks/bench_jieba_start.py [--runs 3]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe, reference_s

TIMED = {
    # jieba as a user would call it: its full dictionary (its own cache in the temp folder after the first run)
    "import jieba; jieba.initialize()": (
        "import logging, time; t = time.perf_counter(); import jieba; jieba.setLogLevel(logging.WARNING); "
        "jieba.initialize(); print(time.perf_counter() - t)"
    ),
    # the same jieba on the shipped frequent-word dictionary
    "jieba.Tokenizer(jieba_dict.txt).initialize()": (
        "import logging, time; t = time.perf_counter(); import jieba; jieba.setLogLevel(logging.WARNING); "
        "from kefu_assist.resources import resource_path; "
        "jieba.Tokenizer(str(resource_path('jieba_dict.txt'))).initialize(); print(time.perf_counter() - t)"
    ),
    # the project's loader, cold (no cache) and warm (its cache file from a previous start)
    "Segmenter, no cache": (
        "import time; t = time.perf_counter(); from kefu_assist.matching.tokenize import Segmenter; "
        "from kefu_assist.resources import resource_path; "
        "Segmenter.from_dictionary(resource_path('jieba_dict.txt')); print(time.perf_counter() - t)"
    ),
    "Segmenter, cached": (
        "import sys, time; from pathlib import Path; t = time.perf_counter(); from kefu_assist.matching.tokenize import Segmenter; "
        "from kefu_assist.resources import resource_path; "
        "Segmenter.from_dictionary(resource_path('jieba_dict.txt'), Path(sys.argv[1])); print(time.perf_counter() - t)"
    ),
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    opts = ap.parse_args()
    print(describe())
    print(f"reference loop: {reference_s():.2f} s")
    with tempfile.TemporaryDirectory() as cache:
        for label, code in TIMED.items():
            times = []
            for _ in range(opts.runs + 1):  # the first run fills the caches (jieba's and ours)
                out = subprocess.run([sys.executable, "-c", code, cache], capture_output=True, text=True, check=True)
                times.append(float(out.stdout.strip().splitlines()[-1]))
            print(f"  {label:45} first {times[0]:.3f} s   best of {opts.runs} after {min(times[1:]):.3f} s")


if __name__ == "__main__":
    main()
