from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import inspect, text

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
            assert db.current_revision(conn) == db.head_revision() == db.HEAD_REVISION == "0003"
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        engine.dispose()


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
            assert db.current_revision(conn) == "0003"
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("copy_events")}
            assert {"ix_copy_events_script_id_category", "ix_copy_events_agent_seconds", "ix_copy_events_seconds"} <= indexes
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
            assert db.current_revision(conn) == "0003"
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
