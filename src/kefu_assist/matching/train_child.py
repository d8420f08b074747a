"""The co-ranker's training in a child process, so that a program that must stay small and
answer at once (the sidebar) never imports NumPy or spends its first second training:

    parent:  python -m kefu_assist.matching.train_child  < pickled (samples, word frequencies)
                                                         > pickled (CoRanker, hurry.Respeller)

The readings of the library's words for hurry.py (pypinyin's table, most of a first start's
remaining cost) are worked out there too. The parent (matcher.Matcher with
``background_training``) answers with the plain matcher until both arrive, then swaps them in
and saves the index with them.
"""
from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Sequence

from .coranker import CoRanker, train
from .hurry import Respeller

TIMEOUT = 300.0  # seconds: a child that has not answered by then is given up on


def train_in_child(samples: Sequence[tuple[str, str, float]], frequency: dict[str, int] | None) -> tuple[CoRanker | None, Respeller | None]:
    """Train in a fresh interpreter and return its weights, and the respeller built from
    ``frequency`` (None: none wanted). Raises OSError or RuntimeError when the child cannot be
    started or fails (the caller then does it in-process)."""
    if getattr(sys, "frozen", False):  # a bundled program has no interpreter to start
        raise RuntimeError("no interpreter for a child process")
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2])  # the folder that holds kefu_assist
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    proc = subprocess.run(
        [sys.executable, "-m", "kefu_assist.matching.train_child"],
        input=pickle.dumps((list(samples), frequency), protocol=pickle.HIGHEST_PROTOCOL),
        capture_output=True,
        env=env,
        timeout=TIMEOUT,
        check=False,
    )
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
        raise RuntimeError(f"co-ranker training failed: {tail[0]}")
    ranker, respeller = pickle.loads(proc.stdout)
    if not isinstance(ranker, (CoRanker, type(None))) or not isinstance(respeller, (Respeller, type(None))):
        raise RuntimeError("co-ranker training returned something else")
    return ranker, respeller


def main() -> int:
    gc.disable()  # a short-lived process of long-lived objects and no cycles (gc_pause.py)
    samples, frequency = pickle.loads(sys.stdin.buffer.read())
    ranker = train(samples)
    respeller = Respeller.build(frequency) if frequency is not None else None
    sys.stdout.buffer.write(pickle.dumps((ranker, respeller), protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
