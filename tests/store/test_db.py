from __future__ import annotations

import warnings
from datetime import datetime

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import SAWarning

from kefu_assist.store import db
from kefu_assist.store.models import Base


def test_url_resolution_order(tmp_path, monkeypatch):
    monkeypatch.setenv("KEFU_ASSIST_CONFIG_DIR", str(tmp_path / "cfg"))
    monkeypatch.setenv("KEFU_ASSIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("KEFU_ASSIST_DB", raising=False)
    assert db.resolve_db_url() == f"sqlite:///{tmp_path / 'data' / 'usage.sqlite3'}"  # no settings file
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "settings.ini").write_text("[General]\ndb_url=postgresql+psycopg://team@db/kefu\nagent=小王\n", encoding="utf-8")
    assert db.resolve_db_url() == "postgresql+psycopg://team@db/kefu"
    monkeypatch.setenv("KEFU_ASSIST_DB", "sqlite:///env.db")
    assert db.resolve_db_url() == "sqlite:///env.db"
    assert db.resolve_db_url("sqlite:///cli.db") == "sqlite:///cli.db"


def test_broken_settings_file_is_no_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("KEFU_ASSIST_CONFIG_DIR", str(tmp_path))
    (tmp_path / "settings.ini").write_bytes(b"\xff\xfe garbage [[[")
    assert db.settings_db_url() is None


def test_bad_url_is_a_one_line_error():
    with pytest.raises(db.DatabaseError):
        db.make_engine("not a url")
    with pytest.raises(db.DatabaseError):
        db.make_engine("nosuchdb://x/y")


def test_sqlite_runs_in_wal_mode(sqlite_url):
    engine = db.open_database(sqlite_url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == db.SQLITE_BUSY_TIMEOUT_MS
    finally:
        engine.dispose()


def test_new_database_is_at_head_and_matches_models(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = db.open_database(db_url)
    try:
        with engine.connect() as conn:
            assert db.current_revision(conn) == db.head_revision() == db.HEAD_REVISION == "0007"
            with warnings.catch_warnings():
                # SQLite's reflection skips (with a warning) the expression index on date(ts);
                # PostgreSQL's compares it. Its presence is checked below either way.
                warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index", SAWarning)
                warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression-based index", UserWarning)
                assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            assert STATS_INDEXES <= _index_names(conn)
    finally:
        engine.dispose()


# the indexes of revision 0004 that ``stats`` reads (0003's three are gone)
STATS_INDEXES = {"ix_copy_events_script_id_category_ts", "ix_copy_events_agent_seconds_ts", "ix_copy_events_seconds_ts", "ix_copy_events_day_category_ts"}
OLD_0003_INDEXES = {"ix_copy_events_script_id_category", "ix_copy_events_agent_seconds", "ix_copy_events_seconds"}


def _index_names(conn) -> set[str]:
    """Index names from the catalogue (SQLAlchemy's reflection leaves out expression indexes on SQLite)."""
    if conn.dialect.name == "sqlite":
        return set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'copy_events'")).scalars())
    return set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'copy_events'")).scalars())


def _create_at_0001(url: str) -> None:
    engine = db.make_engine(url)
    try:
        with engine.begin() as conn:
            db.upgrade(conn, "0001")
        with engine.begin() as conn:
            assert "seconds_to_copy" not in {c["name"] for c in inspect(conn).get_columns("copy_events")}
            conn.execute(text(
                "INSERT INTO copy_events (event_uuid, ts, agent, script_id, category, variant, rank, score, question) "
                "VALUES ('u1', :ts, '小王', 'invoice.available', 'invoice', 0, 1, 0.9, '能开发票吗')"), {"ts": datetime(2026, 1, 2, 3, 4, 5)})
            conn.execute(text(
                "INSERT INTO unmatched_questions (agent, question, count, first_seen, last_seen) VALUES "
                "('小王', '能寄到国外吗？', 2, :a, :b), ('小王', '能寄到国外吗', 3, :c, :d), ('小李', '能寄到国外吗', 1, :a, :a)"),
                {"a": datetime(2026, 1, 1), "b": datetime(2026, 1, 5), "c": datetime(2025, 12, 1), "d": datetime(2026, 1, 3)})
            conn.execute(text("INSERT INTO favourites (agent, script_id, created) VALUES ('小王', 'invoice.available', :a)"), {"a": datetime(2026, 1, 1)})
    finally:
        engine.dispose()


def test_upgrade_from_previous_revision_keeps_data_and_backs_up(sqlite_url, tmp_path, spool_root):
    _create_at_0001(sqlite_url)
    from kefu_assist.store.recorder import Recorder

    rec = Recorder(sqlite_url, spool_root=spool_root)  # the sidebar's start-up path
    try:
        engine = rec.engine(timeout=30)
        with engine.connect() as conn:
            assert db.current_revision(conn) == db.HEAD_REVISION
            indexes = _index_names(conn)
            assert STATS_INDEXES <= indexes and not OLD_0003_INDEXES & indexes
            row = conn.execute(text("SELECT event_uuid, agent, seconds_to_copy FROM copy_events")).one()
            assert tuple(row) == ("u1", "小王", None)
            uq = conn.execute(text("SELECT agent, norm_key, count, first_seen, last_seen FROM unmatched_questions ORDER BY agent")).all()
            assert [(r.agent, r.norm_key, r.count) for r in uq] == [("小李", "能寄到国外吗", 1), ("小王", "能寄到国外吗", 5)]
        assert rec.favourites("小王") == ["invoice.available"]
        rec.record_unmatched("能寄到国外吗!!", "小王")  # counted into the merged row
        assert rec.flush(30)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count FROM unmatched_questions WHERE agent='小王'")).scalar() == 6
    finally:
        assert rec.close()
    backups = list(tmp_path.glob("usage.sqlite3.bak-0001-*"))
    assert len(backups) == 1
    old = db.make_engine(f"sqlite:///{backups[0]}")
    try:
        with old.connect() as conn:
            assert db.current_revision(conn) == "0001"
            assert conn.execute(text("SELECT count(*) FROM copy_events")).scalar() == 1
    finally:
        old.dispose()
    # a second start-up finds it at head: no new backup
    db.open_database(sqlite_url).dispose()
    assert len(list(tmp_path.glob("usage.sqlite3.bak-*"))) == 1


@pytest.mark.postgres
def test_upgrade_from_previous_revision_postgres(pg_url):
    _create_at_0001(pg_url)
    engine = db.open_database(pg_url)
    try:
        with engine.connect() as conn:
            assert db.current_revision(conn) == db.HEAD_REVISION
            assert STATS_INDEXES <= _index_names(conn)
            assert conn.execute(text("SELECT count(*) FROM copy_events")).scalar() == 1
            assert conn.execute(text("SELECT sum(count) FROM unmatched_questions")).scalar() == 6
            assert conn.execute(text("SELECT count(*) FROM unmatched_questions")).scalar() == 2
    finally:
        engine.dispose()


def test_newer_schema_is_refused(sqlite_url):
    engine = db.open_database(sqlite_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    finally:
        engine.dispose()
    with pytest.raises(db.DatabaseError, match="newer"):
        db.open_database(sqlite_url)


@pytest.mark.parametrize("start", ["0002", "0003"])
def test_upgrade_to_the_stats_indexes_keeps_data_and_figures(db_url, start, monkeypatch):
    """A database at 0002 or 0003 with copies in it upgrades to head: every row kept, the new
    indexes there, 0003's gone, and stats gives the same figures as before the upgrade (the
    rows have no mood, so no upset share, before and after)."""
    from kefu_assist.store import stats as stats_module
    from kefu_assist.store.stats import stats

    columns = "id, event_uuid, ts, agent, script_id, category, variant, rank, score, question, seconds_to_copy"

    engine = db.make_engine(db_url)
    try:
        with engine.begin() as conn:
            db.upgrade(conn, start)
        with engine.begin() as conn:
            for i in range(40):
                conn.execute(text(
                    "INSERT INTO copy_events (event_uuid, ts, agent, script_id, category, variant, rank, score, question, seconds_to_copy) "
                    "VALUES (:u, :ts, :agent, :sid, :cat, 0, 1, 0.9, '能开发票吗', :secs)"),
                    {"u": f"u{i}", "ts": datetime(2026, 3, 1 + i % 28, i % 24), "agent": "小王" if i % 3 else "小李",
                     "sid": f"s{i % 5}", "cat": "invoice" if i % 5 < 2 else "logistics", "secs": None if i % 7 == 0 else float(i % 11)})
            conn.execute(text("INSERT INTO unmatched_events (event_uuid, ts, agent, norm_key) VALUES ('e1', :ts, '小王', '能寄到国外吗')"),
                         {"ts": datetime(2026, 3, 2)})
        now = datetime(2026, 3, 31)
        with monkeypatch.context() as m:  # the mood columns come with revision 0005
            m.setattr(stats_module, "_upset_share_by_day", lambda *a: [])
            before = [stats(engine, now=now), stats(engine, since=datetime(2026, 3, 15), now=now), stats(engine, agent="小李", now=now)]
        with engine.connect() as conn:
            rows_before = conn.execute(text(f"SELECT {columns} FROM copy_events ORDER BY id")).all()
    finally:
        engine.dispose()

    engine = db.open_database(db_url)  # start-up: upgrades
    try:
        with engine.connect() as conn:
            assert db.current_revision(conn) == db.HEAD_REVISION
            indexes = _index_names(conn)
            assert STATS_INDEXES <= indexes and not OLD_0003_INDEXES & indexes
            assert conn.execute(text(f"SELECT {columns} FROM copy_events ORDER BY id")).all() == rows_before
        after = [stats(engine, now=now), stats(engine, since=datetime(2026, 3, 15), now=now), stats(engine, agent="小李", now=now)]
        assert after == before
        assert after[0]["total_copies"] == 40 and after[0]["median_seconds"]["overall"] is not None
    finally:
        engine.dispose()
