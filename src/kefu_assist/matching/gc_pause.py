"""The cyclic garbage collector switched off while an index is built or read back.

Building the index of a 10,000-script library allocates about a million long-lived objects
(tuples, sets, strings, arrays) and no reference cycles. With the collector on, each 700
allocations start a young-generation pass and every so often a full pass over everything alive,
the half-built index included: some 540 passes, 0.3 s of a 2.5 s build (CPU time, measured with
gc.callbacks on benchmarks/genlib.py's library). Unpickling a cached index costs the same way,
proportionally more. Nothing the build computes depends on the collector, so it is paused for
the build and switched back on afterwards; whoever keeps the index then collects and freezes it
once (service.AssistService.load: gc.collect(), gc.freeze()).

Builds may overlap (the sidebar's loader thread and the editor's 试一试 matcher): the collector
comes back on when the last of them ends, and only if it was on when the first began, so a
command that switched it off itself (store/cli.py) keeps it off.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
