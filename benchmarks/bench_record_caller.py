"""What ``Recorder.record_copy`` costs the caller's (GUI) thread, and how long an event waits in
memory before it is in the spool (the most a kill can lose), beside the plain baseline: what the
caller paid when it redacted and appended the event itself (the recorder before issue 9).

    .venv/bin/python benchmarks/bench_record_caller.py [--long 80000]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import machine  # noqa: E402
from kefu_assist.service import CopyEvent  # noqa: E402
from kefu_assist.store.recorder import Recorder  # noqa: E402
from kefu_assist.store.redact import redact  # noqa: E402

QUESTION = "收件人张三 电话13812345678 能开发票吗"


def q(xs: list[float], p: float) -> float:
    return sorted(xs)[min(len(xs) - 1, int(len(xs) * p))] * 1e3


def baseline(fd: int, question: str) -> float:
    """The caller redacts and appends the line itself (as record_copy did before)."""
    t = time.perf_counter()
    line = json.dumps({"kind": "copy", "uuid": str(uuid.uuid4()), "question": redact(question)[:2000]}, ensure_ascii=False) + "\n"
    os.write(fd, line.encode("utf-8"))
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=10_000)
    parser.add_argument("--long", type=int, default=80_000, help="characters of the long message (0: skip it)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kefu-bench-rec-"))
    try:
        print(machine.describe())
        print(f"reference loop: {machine.reference_s():.2f} s")
        url = f"sqlite:///{tmp / 'usage.sqlite3'}"
        rec = Recorder(url, spool_root=tmp / "spool")
        rec.engine(30)
        ev = CopyEvent("invoice.available", "invoice", 0, 1, 0.9, QUESTION, 3.2)
        calls, waits = [], []
        try:
            for i in range(args.calls):
                t = time.perf_counter()
                rec.record_copy(ev, "客服1")
                calls.append(time.perf_counter() - t)
                if i % 10 == 0:  # time one event from record_copy to the spool
                    rec.wait_spooled(10)
                    waits.append(time.perf_counter() - t)
            long_call = None
            if args.long:
                text = ("能改地址吗 电话13812345678 " * (args.long // 20 + 1))[: args.long]
                t = time.perf_counter()
                rec.record_copy(CopyEvent("s", "c", 0, 1, 0.9, text, 1.0), "客服1")
                long_call = time.perf_counter() - t
                rec.wait_spooled(600)
                long_spooled = time.perf_counter() - t
            rec.flush(120)
        finally:
            rec.close()
        fd = os.open(tmp / "baseline.jsonl", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            base = [baseline(fd, QUESTION) for _ in range(args.calls)]
            base_long = baseline(fd, text) if args.long else None
        finally:
            os.close(fd)
        print(f"record_copy on the caller's thread ({args.calls:,} calls): p50 {q(calls, .5):.4f} ms  p99 {q(calls, .99):.4f} ms")
        print(f"  baseline, redact + append on the caller's thread:       p50 {q(base, .5):.4f} ms  p99 {q(base, .99):.4f} ms")
        print(f"record_copy to in-the-spool (the kill window, {len(waits):,} events): p50 {q(waits, .5):.3f} ms  p99 {q(waits, .99):.3f} ms  max {max(waits) * 1e3:.1f} ms")
        if args.long:
            print(f"a {args.long:,}-character message: record_copy {long_call * 1e3:.3f} ms on the caller's thread, in the spool after {long_spooled * 1e3:.0f} ms;"
                  f" baseline on the caller's thread {base_long * 1e3:.0f} ms")
        print(f"reference loop: {machine.reference_s():.2f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
