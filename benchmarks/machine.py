"""What the figures were measured on, and how fast that machine was at the time.

Our machines are shared virtual machines whose speed swings by up to 2x within an hour. Each
benchmark therefore also times a fixed pure-Python loop in the same run (``reference_s``): about
1.0 s when the machine is quiet, 2.0 s when it is busy. Compare figures taken at similar
reference times; a figure measured at 2.0 s would be about half as large on a quiet machine.
"""
from __future__ import annotations

import os
import platform
import time
from pathlib import Path


def describe() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def reference_s() -> float:
    """Seconds to sum the squares of the first 10 million integers in a generator (best of 2)."""
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        sum(i * i for i in range(10_000_000))
        best = min(best, time.perf_counter() - t)
    return best
