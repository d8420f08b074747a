"""The buyer's mood recorded with copies and unmatched questions, and the upset share per day."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import text

from kefu_assist.service import CopyEvent
from kefu_assist.store import db
from kefu_assist.store.recorder import Recorder, write_events
from kefu_assist.store.stats import stats

NOW = datetime(2026, 3, 31, 12, 0, 0)


def _copy(day: int, mood: str | None, question: str = "在吗") -> dict:
    event = {
        "kind": "copy", "uuid": str(uuid.uuid4()), "ts": (NOW - timedelta(days=day)).isoformat(), "agent": "甲",
        "script_id": "s1", "category": "complaint", "variant": 0, "rank": 1, "score": 0.9, "question": question,
        "seconds_to_copy": 3.0,
    }
    if mood is not None:
        event["mood"] = mood
    return event


def _unmatched(day: int, mood: str | None) -> dict:
    event = {"kind": "unmatched", "uuid": str(uuid.uuid4()), "ts": (NOW - timedelta(days=day)).isoformat(), "agent": "甲", "question": "能寄国外吗"}
    if mood is not None:
        event["mood"] = mood
    return event


def test_upset_share_per_day_counts_copies_and_unmatched_and_leaves_out_unknown(db_url):
    engine = db.open_database(db_url)
    try:
        events = [
            _copy(1, "upset"), _copy(1, "calm"), _copy(1, "calm"), _unmatched(1, "upset"),
            _copy(0, "calm"), _unmatched(0, None),  # a spool line from before moods: left out
            _copy(5, "upset"), _copy(5, "bogus"),  # a damaged value is stored as unknown
        ]
        write_events(engine, events)
        write_events(engine, events)  # a replay changes nothing
        rows = stats(engine, now=NOW)["upset_share_by_day"]
        assert rows == [
            {"day": "2026-03-26", "messages": 1, "upset": 1, "share": 1.0},
            {"day": "2026-03-30", "messages": 4, "upset": 2, "share": 0.5},
            {"day": "2026-03-31", "messages": 1, "upset": 0, "share": 0.0},
        ]
        assert [r["day"] for r in stats(engine, since=datetime(2026, 3, 30), now=NOW)["upset_share_by_day"]] == ["2026-03-30", "2026-03-31"]
    finally:
        engine.dispose()


def test_the_recorder_reads_the_mood_from_the_raw_message(sqlite_url, spool_root):
    rec = Recorder(sqlite_url, spool_root=spool_root)
    try:
        rec.record_copy(CopyEvent("s1", "complaint", 0, 1, 0.9, "什么破质量，我要投诉 13812345678", 2.0), "甲")
        rec.record_copy(CopyEvent("s2", "invoice", 0, 1, 0.9, "能开发票吗", 2.0), "甲")
        rec.record_copy(CopyEvent("s2", "invoice", 0, 1, 0.9, "能开发票吗", 2.0, mood="upset"), "甲")  # the caller knew better (history)
        rec.record_unmatched("骗子！！！退钱", "甲")
        rec.record_unmatched("能寄到国外吗", "甲")
        assert rec.flush(30)
    finally:
        rec.close()
    engine = db.make_engine(sqlite_url)
    try:
        with engine.connect() as conn:
            copies = [r[0] for r in conn.execute(text("SELECT mood FROM copy_events ORDER BY id"))]
            unmatched = [r[0] for r in conn.execute(text("SELECT mood FROM unmatched_events ORDER BY id"))]
    finally:
        engine.dispose()
    assert copies == ["upset", "calm", "upset"]
    assert unmatched == ["upset", "calm"]


def test_upgrade_from_0004_keeps_rows_without_a_mood(db_url):
    engine = db.make_engine(db_url)
    try:
        with engine.begin() as conn:
            db.upgrade(conn, "0004")
            conn.execute(text(
                "INSERT INTO copy_events (event_uuid, ts, agent, script_id, category, variant, rank, score, question, seconds_to_copy) "
                "VALUES ('u1', :ts, '甲', 's1', 'invoice', 0, 1, 0.9, '在吗', 1.0)"), {"ts": NOW})
    finally:
        engine.dispose()
    engine = db.open_database(db_url)
    try:
        with engine.connect() as conn:
            assert db.current_revision(conn) == db.HEAD_REVISION
            assert conn.execute(text("SELECT mood FROM copy_events")).all() == [(None,)]
        data = stats(engine, now=NOW)
        assert data["total_copies"] == 1 and data["upset_share_by_day"] == []
    finally:
        engine.dispose()


def test_stats_table_shows_the_upset_share(sqlite_url, capsys):
    from kefu_assist.store.cli import format_stats

    engine = db.open_database(sqlite_url)
    try:
        write_events(engine, [_copy(1, "upset"), _copy(1, "calm"), _copy(1, "calm"), _copy(1, "calm")])
        out = format_stats(stats(engine, now=NOW))
    finally:
        engine.dispose()
    assert "不满的买家 Upset buyers per day" in out
    line = next(line for line in out.splitlines() if line.strip().startswith("2026-03-30"))
    assert line.split()[1:] == ["4", "1", "25.0%"]
