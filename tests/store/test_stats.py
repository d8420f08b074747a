from __future__ import annotations

import random
import statistics
import uuid
from collections import Counter
from datetime import date, datetime, timedelta

from kefu_assist.library.model import Library, Script
from kefu_assist.store import db
from kefu_assist.store.recorder import write_events
from kefu_assist.store.stats import stats

NOW = datetime(2026, 3, 31, 12, 0, 0)
LIB = Library(
    scripts=tuple(Script(f"s{i}", "invoice" if i < 3 else "logistics", f"标题{i}", ("回复",)) for i in range(6)),
    categories={"invoice": "发票", "logistics": "物流"},
)


def _events():
    events = []
    # s0 used a lot (recently), s1 a bit, s2 only 40 days ago, s3..s5 never
    plan = [("s0", "invoice", 0), ("s0", "invoice", 1), ("s0", "invoice", 1), ("s0", "invoice", 2),
            ("s1", "invoice", 2), ("s1", "invoice", 3), ("s2", "invoice", 40), ("x9", "logistics", 1)]
    for i, (sid, cat, days_ago) in enumerate(plan):
        events.append({
            "kind": "copy", "uuid": str(uuid.uuid4()), "ts": (NOW - timedelta(days=days_ago, hours=i)).isoformat(),
            "agent": "甲" if i % 2 else "乙", "script_id": sid, "category": cat, "variant": 0, "rank": 1,
            "score": 0.9, "question": "在吗", "seconds_to_copy": float(i + 1),
        })
    for i, q in enumerate(["能寄到国外吗？", "能寄到国外吗", "能开专票吗"]):
        events.append({"kind": "unmatched", "uuid": str(uuid.uuid4()), "ts": (NOW - timedelta(days=i)).isoformat(), "agent": "甲", "question": q})
    return events


def test_stats_figures(db_url):
    engine = db.open_database(db_url)
    try:
        events = _events()
        write_events(engine, events)
        write_events(engine, events)  # a replay changes nothing
        data = stats(engine, library=LIB, now=NOW)
        copies = [e for e in events if e["kind"] == "copy"]
        assert data["total_copies"] == len(copies) == 8
        assert [(u["script_id"], u["count"]) for u in data["most_used"][:2]] == [("s0", 4), ("s1", 2)]
        assert data["most_used"][0]["title"] == "标题0"
        assert [(u["script_id"], u["count"]) for u in data["least_used"][:3]] == [("s3", 0), ("s4", 0), ("s5", 0)]
        assert {c["category"]: c["count"] for c in data["per_category"]} == {"invoice": 7, "logistics": 1}
        assert {c["category"]: c["label"] for c in data["per_category"]}["invoice"] == "发票"
        assert data["unmatched"][0] == {"question": "能寄到国外吗？", "count": 2, "agents": 1, "last_seen": data["unmatched"][0]["last_seen"]}
        assert data["total_unmatched"] == 3
        by_agent = {}
        for e in copies:
            by_agent.setdefault(e["agent"], []).append(e["seconds_to_copy"])
        assert data["median_seconds"]["overall"] == statistics.median(e["seconds_to_copy"] for e in copies)
        assert data["median_seconds"]["per_agent"] == {a: statistics.median(v) for a, v in by_agent.items()}
        assert {a["agent"]: (a["copies"], a["unmatched"]) for a in data["per_agent"]} == {"甲": (4, 3), "乙": (4, 0)}
        naive = Counter((e["ts"][:10], e["category"]) for e in copies)
        assert {(r["day"], r["category"]): r["count"] for r in data["per_day_category"]} == dict(naive)
        assert [u["script_id"] for u in data["unused_30d"]] == ["s3", "s4", "s5", "s2"]

        recent = stats(engine, since=date(2026, 3, 30), library=LIB, now=NOW)
        assert recent["total_copies"] == 4
        assert recent["total_unmatched"] == 2
        assert {u["question"]: u["count"] for u in recent["unmatched"]} == {"能寄到国外吗？": 2}
        one = stats(engine, agent="甲", now=NOW)
        assert one["total_copies"] == 4 and [a["agent"] for a in one["per_agent"]] == ["甲"]
        empty = stats(engine, since=date(2030, 1, 1), now=NOW)
        assert empty["total_copies"] == 0 and empty["median_seconds"]["overall"] is None
    finally:
        engine.dispose()


def test_medians_by_index_seek_equal_sorting_every_copy(sqlite_url):
    """SQLite answers whole-history medians by seeking into the seconds indexes; they must be
    the same numbers as sorting every copy (odd and even counts, ties, one agent filtered)."""
    import random

    from kefu_assist.store.stats import _medians_by_seeking

    rng = random.Random(3)
    engine = db.open_database(sqlite_url)
    try:
        events = [
            {
                "kind": "copy", "uuid": str(uuid.uuid4()), "ts": (NOW - timedelta(minutes=i)).isoformat(),
                "agent": rng.choice(["甲", "乙", "丙"]), "script_id": "s0", "category": "invoice", "variant": 0,
                "rank": 1, "score": 0.9, "question": "在吗",
                "seconds_to_copy": None if i % 17 == 0 else float(rng.randint(1, 40)) / 2,
            }
            for i in range(301)
        ]
        write_events(engine, events)
        def sorted_medians(keep) -> tuple[dict[str, float], float | None]:
            """The plain reference: every timed copy kept, sorted, the middle taken."""
            timed = [e for e in events if e["seconds_to_copy"] is not None and keep(e)]
            agents = {e["agent"] for e in timed}
            per_agent = {a: float(statistics.median(e["seconds_to_copy"] for e in timed if e["agent"] == a)) for a in agents}
            return per_agent, (float(statistics.median(e["seconds_to_copy"] for e in timed)) if timed else None)

        cutoff = NOW - timedelta(minutes=150)
        with engine.connect() as conn:
            from kefu_assist.store.stats import CE

            assert _medians_by_seeking(conn, None) == sorted_medians(lambda e: True)
            assert _medians_by_seeking(conn, "乙") == sorted_medians(lambda e: e["agent"] == "乙")
            since = [CE.ts >= cutoff]  # the --since path seeks too
            assert _medians_by_seeking(conn, None, where=since) == sorted_medians(lambda e: datetime.fromisoformat(e["ts"]) >= cutoff)
        values = [e["seconds_to_copy"] for e in events if e["seconds_to_copy"] is not None]
        assert stats(engine, library=LIB, now=NOW)["median_seconds"]["overall"] == statistics.median(values)
    finally:
        engine.dispose()


def test_stats_columns_match_the_models():
    """stats reads through light Core columns (no ORM import); they must name real columns of
    the same types."""
    from kefu_assist.store import models
    from kefu_assist.store import stats as st

    for light, model in ((st.CE, models.CopyEventRow), (st.UE, models.UnmatchedEvent), (st.UQ, models.UnmatchedQuestion)):
        real = model.__table__.c
        for col in light:
            assert col.table.name == model.__tablename__
            assert type(col.type) is type(real[col.name].type), col.name


def _random_events(seed: int, n: int) -> list[dict]:
    rng = random.Random(seed)
    events = []
    for _ in range(n):
        sid = f"s{rng.randrange(8)}" if rng.random() < 0.9 else "gone.script"
        events.append({
            "kind": "copy", "uuid": str(uuid.uuid4()),
            "ts": (NOW - timedelta(days=rng.randrange(60), minutes=rng.randrange(1440))).isoformat(),
            "agent": rng.choice(["甲", "乙", "丙", "丁"]), "script_id": sid,
            # a script's category can change between library versions: both are counted
            "category": "invoice" if sid in ("s0", "s1", "s2") or rng.random() < 0.1 else "logistics",
            "variant": 0, "rank": 1, "score": 0.9, "question": "在吗",
            "seconds_to_copy": None if rng.random() < 0.1 else float(rng.randint(1, 30)) / rng.choice([1, 2, 4]),
        })
    for _ in range(n // 10):
        events.append({"kind": "unmatched", "uuid": str(uuid.uuid4()), "ts": (NOW - timedelta(days=rng.randrange(60))).isoformat(),
                       "agent": rng.choice(["甲", "乙"]), "question": rng.choice(["能寄到国外吗", "能开专票吗", "在吗在吗"])})
    return events


def _naive(copies: list[dict], since: datetime | None, agent: str | None) -> dict:
    """The figures computed the obvious way, in Python, from the events themselves."""
    rows = [e for e in copies if (since is None or datetime.fromisoformat(e["ts"]) >= since) and (not agent or e["agent"] == agent)]
    per_script = Counter(e["script_id"] for e in rows)
    secs: dict[str, list[float]] = {}
    for e in rows:
        if e["seconds_to_copy"] is not None:
            secs.setdefault(e["agent"], []).append(e["seconds_to_copy"])
    everything = [v for vs in secs.values() for v in vs]
    last: dict[str, str] = {}
    for e in copies:
        last[e["script_id"]] = max(last.get(e["script_id"], ""), e["ts"])
    return {
        "total": len(rows),
        "per_script": dict(per_script),
        "per_category": dict(Counter(e["category"] for e in rows)),
        "per_day": dict(Counter((e["ts"][:10], e["category"]) for e in rows)),
        "copies_by_agent": dict(Counter(e["agent"] for e in rows)),
        "medians": {a: statistics.median(v) for a, v in secs.items()},
        "overall": statistics.median(everything) if everything else None,
        "recent": {sid for sid, ts in last.items() if datetime.fromisoformat(ts) >= NOW - timedelta(days=30)},
    }


def test_stats_equal_a_naive_computation(db_url):
    """The index-driven queries (per script, per day, per agent, medians by seeking) give the
    same figures as counting the events in Python, with and without --since and --agent."""
    engine = db.open_database(db_url)
    try:
        events = _random_events(7, 600)
        write_events(engine, events)
        copies = [e for e in events if e["kind"] == "copy"]
        for since in (None, date(2026, 3, 10), datetime(2026, 3, 20, 13, 30)):
            for agent in (None, "乙", "nobody"):
                data = stats(engine, since=since, agent=agent, library=LIB, now=NOW, top=100)
                want = _naive(copies, since if isinstance(since, datetime) or since is None else datetime.combine(since, datetime.min.time()), agent)
                where = f"since={since} agent={agent}"
                assert data["total_copies"] == want["total"], where
                assert {u["script_id"]: u["count"] for u in data["most_used"]} == want["per_script"], where
                assert {c["category"]: c["count"] for c in data["per_category"]} == want["per_category"], where
                assert {(r["day"], r["category"]): r["count"] for r in data["per_day_category"]} == want["per_day"], where
                assert [(r["day"], r["category"]) for r in data["per_day_category"]] == sorted(want["per_day"]), where
                assert {a["agent"]: a["copies"] for a in data["per_agent"] if a["copies"]} == want["copies_by_agent"], where
                assert data["median_seconds"]["per_agent"] == want["medians"], where
                assert data["median_seconds"]["overall"] == want["overall"], where
                unused = {u["script_id"] for u in data["unused_30d"]}
                assert unused == {s.id for s in LIB.scripts} - want["recent"], where
        no_library = stats(engine, now=NOW)
        last = {}
        for e in copies:
            last[e["script_id"]] = max(last.get(e["script_id"], ""), e["ts"])
        assert {u["script_id"] for u in no_library["unused_30d"]} == {sid for sid, ts in last.items() if datetime.fromisoformat(ts) < NOW - timedelta(days=30)}
    finally:
        engine.dispose()
