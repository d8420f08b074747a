"""Usage store speed, each beside a plain baseline.

    .venv/bin/python benchmarks/bench_store.py [--rows 100000] [--no-postgres]

- ``stats`` over N recorded copies on SQLite and PostgreSQL (a server is started from the
  installed binaries, as the tests do), against a naive ``SELECT *`` + Python counting;
  the ``kefu-assist stats --json`` command end to end;
- the caller-thread cost of ``Recorder.record_copy`` (p50/p99 over 10k calls, writer running)
  against a synchronous INSERT per copy.

Before schema revision 0004 (same 2-CPU machine, 100,000 copies; best of 3):

    revision 0002 (5a32a8a)  SQLite stats() 1140-1540 ms, --since 630 ms; PostgreSQL 520 ms
                             (the colleague's figure); CLI --json on SQLite 2.5 s
    revision 0003 (1d9069f)  SQLite stats() 440 ms, --since 790 ms; PostgreSQL 530-600 ms;
                             CLI --json: SQLite 1.4-1.6 s, PostgreSQL 1.6-1.8 s
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sqlalchemy import insert, select, text  # noqa: E402

from kefu_assist.service import CopyEvent  # noqa: E402
from kefu_assist.store import db  # noqa: E402
from kefu_assist.store.models import CopyEventRow  # noqa: E402
from kefu_assist.store.recorder import Recorder  # noqa: E402
from kefu_assist.store.stats import stats  # noqa: E402


def fill(engine, rows: int) -> None:
    rnd = random.Random(1)
    now = datetime(2026, 3, 31)
    agents = [f"客服{i}" for i in range(20)]
    batch = []
    with engine.begin() as conn:
        for _ in range(rows):
            batch.append({
                "event_uuid": str(uuid.UUID(int=rnd.getrandbits(128))), "ts": now - timedelta(minutes=rnd.randrange(60 * 24 * 90)),
                "agent": rnd.choice(agents), "script_id": f"script.{rnd.randrange(300)}", "category": f"cat{rnd.randrange(25)}",
                "variant": 0, "rank": 1, "score": 0.8, "question": "能开发票吗 138****5678", "seconds_to_copy": rnd.uniform(1, 60),
            })
            if len(batch) == 10_000:
                conn.execute(insert(CopyEventRow), batch)
                batch = []
        if batch:
            conn.execute(insert(CopyEventRow), batch)


def naive_stats(engine) -> dict:
    with engine.connect() as conn:
        rows = conn.execute(select(CopyEventRow.__table__)).all()
    per_script = Counter(r.script_id for r in rows)
    per_cat = Counter(r.category for r in rows)
    per_day = Counter((r.ts.date(), r.category) for r in rows)
    secs = defaultdict(list)
    for r in rows:
        if r.seconds_to_copy is not None:
            secs[r.agent].append(r.seconds_to_copy)
    return {"s": per_script.most_common(10), "c": per_cat, "d": per_day, "m": {a: statistics.median(v) for a, v in secs.items()}}


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def bench_stats(label: str, url: str, rows: int) -> None:
    engine = db.open_database(url)
    try:
        fill(engine, rows)
        with engine.connect() as conn:
            n = conn.execute(text("SELECT count(*) FROM copy_events")).scalar()
        pg = engine.dialect.name == "postgresql"
        if pg:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("ANALYZE")
        since = datetime(2026, 3, 1)  # the last 30 days of the 90 filled
        t_stats = timed(lambda: stats(engine))
        t_since = timed(lambda: stats(engine, since=since))
        t_naive = timed(lambda: naive_stats(engine))
        if pg:  # steady state: autovacuum sets the visibility map, index-only scans need it
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
            t_vac = timed(lambda: stats(engine))
    finally:
        engine.dispose()
    exe = ROOT / ".venv" / "bin" / "kefu-assist"
    t_cli = timed(lambda: subprocess.run([str(exe), "stats", "--json", "--db", url], check=True, capture_output=True), repeat=3)
    t_table = timed(lambda: subprocess.run([str(exe), "stats", "--db", url], check=True, capture_output=True), repeat=3)
    t_py = timed(lambda: subprocess.run([sys.executable, "-c", "import sqlalchemy"], check=True), repeat=3)
    print(f"{label:10s} {n:>7,} copies   stats(): {t_stats * 1000:5.0f} ms   --since 30 days: {t_since * 1000:5.0f} ms"
          + (f"   after VACUUM: {t_vac * 1000:5.0f} ms" if pg else "")
          + f"   baseline SELECT * + Python: {t_naive * 1000:5.0f} ms")
    print(f"{'':10s} CLI end to end: --json {t_cli * 1000:5.0f} ms, table {t_table * 1000:5.0f} ms"
          f"   (baseline: a Python that only imports SQLAlchemy: {t_py * 1000:4.0f} ms)")


def bench_record(url: str, spool: Path, calls: int = 10_000) -> None:
    ev = CopyEvent("invoice.available", "invoice", 0, 1, 0.9, "收件人张三 电话13812345678 能开发票吗", 3.2)
    rec = Recorder(url, spool_root=spool)
    rec.engine(30)
    times = []
    try:
        for _ in range(calls):
            t = time.perf_counter()
            rec.record_copy(ev, "客服1")
            times.append(time.perf_counter() - t)
            if len(times) % 100 == 0:
                time.sleep(0.001)  # let the writer run meanwhile, like a real session
        t_flush = time.perf_counter()
        rec.flush(120)
        flush = time.perf_counter() - t_flush
    finally:
        rec.close()
    times.sort()
    engine = db.open_database(url)
    base = []
    try:
        for _ in range(500):
            t = time.perf_counter()
            with engine.begin() as conn:
                conn.execute(insert(CopyEventRow).values(event_uuid=str(uuid.uuid4()), ts=datetime.utcnow(), agent="客服1",
                                                         script_id="x", category="c", variant=0, rank=1, score=0.9, question="q", seconds_to_copy=1.0))
            base.append(time.perf_counter() - t)
    finally:
        engine.dispose()
    base.sort()
    q = lambda xs, p: xs[min(len(xs) - 1, int(len(xs) * p))] * 1e3  # noqa: E731
    print(f"record_copy ({calls:,} calls, writer running): p50 {q(times, .5):.3f} ms  p99 {q(times, .99):.3f} ms  max {times[-1] * 1e3:.2f} ms; "
          f"writer drained the rest in {flush * 1e3:.0f} ms")
    print(f"baseline synchronous INSERT per copy (SQLite, 500 calls): p50 {q(base, .5):.3f} ms  p99 {q(base, .99):.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kefu-bench-"))
    os.environ["KEFU_ASSIST_DATA_DIR"] = str(tmp / "data")
    try:
        bench_stats("SQLite", f"sqlite:///{tmp / 'bench.sqlite3'}", args.rows)
        if not args.no_postgres:
            spec = importlib.util.spec_from_file_location("store_conftest", ROOT / "tests" / "store" / "conftest.py")
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            bindir = mod._pg_bin()
            if bindir is None:
                print("PostgreSQL: no server binaries, skipped")
            else:
                (tmp / "pg").mkdir()
                server = mod.PgServer(bindir, tmp / "pg")
                server.init()
                server.start()
                try:
                    bench_stats("PostgreSQL", server.url(server.create_db()), args.rows)
                finally:
                    server.stop("immediate")
        bench_record(f"sqlite:///{tmp / 'record.sqlite3'}", tmp / "spool")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
