"""Usage data is its owner's alone: the data folder 0700, the SQLite database with its WAL, shared
memory, journal and backups 0600, spool files 0600; older, looser files tightened at start. And a
PostgreSQL password is never kept in the settings file nor shown in a message: libpq's own places
(PGPASSWORD, ~/.pgpass, PGPASSFILE) carry it, as the real server below checks."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from kefu_assist.store import db
from kefu_assist.store.recorder import Recorder

EXE = Path(sys.executable).with_name("kefu-assist")
pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("KEFU_ASSIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KEFU_ASSIST_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("KEFU_ASSIST_DB", raising=False)
    return tmp_path


def _event() -> dict:
    return {"kind": "copy", "uuid": str(uuid.uuid4()), "ts": "2026-03-01T10:00:00", "agent": "小王", "script_id": "s",
            "category": "c", "variant": 0, "rank": 1, "score": 0.9, "question": "能开发票吗", "seconds_to_copy": 1.0}


def test_new_data_folder_and_database_are_private(home):
    from kefu_assist.store.recorder import write_events

    engine = db.open_database()  # the embedded SQLite file in the data folder
    try:
        write_events(engine, [_event()])
        path = home / "data" / db.DB_FILE
        assert mode(home / "data") == 0o700
        assert mode(path) == 0o600
        with engine.connect() as conn:  # the WAL and shared memory exist while a connection is open
            conn.execute(text("SELECT count(*) FROM copy_events")).scalar()
            companions = [p for p in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")) if p.exists()]
            assert companions and all(mode(p) == 0o600 for p in companions)
    finally:
        engine.dispose()


def test_the_backup_before_a_migration_is_private(home):
    path = home / "data" / db.DB_FILE
    url = f"sqlite:///{path}"
    engine = db.make_engine(url)
    with engine.begin() as conn:
        db.upgrade(conn, "0003")
    engine.dispose()
    engine = db.open_database(url)  # backs up, then upgrades to head
    engine.dispose()
    backups = list(path.parent.glob(path.name + ".bak-0003-*"))
    assert len(backups) == 1 and mode(backups[0]) == 0o600


def test_looser_files_of_an_older_version_are_tightened(home):
    path = home / "data" / db.DB_FILE
    db.open_database(f"sqlite:///{path}").dispose()
    backup = db.backup_sqlite(path, "0003")
    journal = path.with_name(path.name + "-journal")
    journal.write_bytes(b"")
    for p in (path, backup, journal):
        os.chmod(p, 0o644)
    os.chmod(home / "data", 0o755)
    (home / "config").mkdir()
    settings = home / "config" / db.SETTINGS_FILE
    settings.write_text("[General]\nagent=小王\n", encoding="utf-8")
    os.chmod(settings, 0o644)

    db.open_database().dispose()  # what the sidebar and the command line do at start
    assert mode(home / "data") == 0o700
    assert mode(path) == mode(backup) == mode(journal) == 0o600
    assert mode(settings) == 0o600


def test_a_folder_the_user_chose_is_not_tightened_but_a_new_one_is_private(tmp_path, home):
    chosen = tmp_path / "shared"
    chosen.mkdir()
    os.chmod(chosen, 0o755)
    db.open_database(f"sqlite:///{chosen / 'team.sqlite3'}").dispose()
    assert mode(chosen) == 0o755 and mode(chosen / "team.sqlite3") == 0o600
    db.open_database(f"sqlite:///{tmp_path / 'new' / 'deeper' / 'team.sqlite3'}").dispose()
    assert mode(tmp_path / "new" / "deeper") == 0o700


def test_spool_files_are_private(home, sqlite_url):
    recorder = Recorder(sqlite_url, start=False)  # spools in <data folder>/spool/<db hash>/
    try:
        assert mode(home / "data") == 0o700
        assert recorder.spool_path.parent.is_relative_to(home / "data")
        assert mode(recorder.spool_path) == 0o600
    finally:
        recorder.close(1)


# -- passwords ------------------------------------------------------------------------------------
def _write_settings(home: Path, url: str) -> Path:
    (home / "config").mkdir(exist_ok=True)
    path = home / "config" / db.SETTINGS_FILE
    path.write_text(f"[General]\nagent=小王\ndb_url={url}\n\n[placeholders]\nshop=小狐狸服饰\n", encoding="utf-8")
    os.chmod(path, 0o644)
    return path


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://kefu:s3cret@db.example.com:5432/team",
    "postgresql+psycopg://kefu@db.example.com/team?sslmode=require&password=s3cret",
    '"postgresql+psycopg://kefu:s3cret@db.example.com/team?application_name=a,b"',  # QSettings quotes a comma
])
def test_a_password_in_the_settings_file_is_taken_out_once(home, url):
    path = _write_settings(home, url)
    db.take_notices()
    got = db.settings_db_url()
    assert got is not None and "s3cret" not in got and got.startswith("postgresql+psycopg://kefu") and "db.example.com" in got
    text_now = path.read_text(encoding="utf-8")
    assert "s3cret" not in text_now and "agent=小王" in text_now and "shop=小狐狸服饰" in text_now
    assert mode(path) == 0o600
    notices = db.take_notices()
    assert len(notices) == 1 and "PGPASSWORD" in notices[0] and "~/.pgpass" in notices[0] and "PGPASSFILE" in notices[0]
    assert "s3cret" not in notices[0]
    assert db.settings_db_url() == got and db.take_notices() == []  # told once


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://kefu:s3cret@127.0.0.1:1/none",
    "postgresql+psycopg://kefu@127.0.0.1:1/none?password=s3cret",
    "postgresql+psycopg//kefu:s3cret@127.0.0.1:1/none",  # no URL at all
    "host=127.0.0.1 port=1 password=s3cret",
])
def test_a_password_on_the_command_line_is_used_but_never_shown_nor_kept(home, url):
    for args, env in ((["stats", "--db", url], {}), (["stats"], {"KEFU_ASSIST_DB": url}),
                      (["export", "--what", "events", "--db", url], {})):
        cmd = [str(EXE), *args] if EXE.exists() else [sys.executable, "-m", "kefu_assist.cli", *args]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env={**os.environ, **env})
        assert result.returncode != 0
        assert "s3cret" not in result.stderr and "s3cret" not in result.stdout, result.stderr
        assert "Traceback" not in result.stderr and result.stderr.startswith("kefu-assist: ")
    assert not (home / "config" / db.SETTINGS_FILE).exists()
    with pytest.raises(db.DatabaseError) as info:
        db.open_database(url)
    assert "s3cret" not in str(info.value)
    assert "s3cret" not in db.describe(url)


@pytest.mark.postgres
def test_command_line_reports_and_removes_a_password_from_the_settings(home, pg_server):
    name = pg_server.create_db()
    path = _write_settings(home, f"postgresql+psycopg://postgres:s3cret@127.0.0.1:{pg_server.port}/{name}")
    cmd = [str(EXE), "stats", "--json"] if EXE.exists() else [sys.executable, "-m", "kefu_assist.cli", "stats", "--json"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert result.returncode == 0, result.stderr  # the test server trusts 127.0.0.1: no password needed
    assert "s3cret" not in result.stderr + result.stdout + path.read_text(encoding="utf-8")
    assert "PGPASSWORD" in result.stderr and result.stderr.count("\n") == 1
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert again.returncode == 0 and again.stderr == ""  # said once


# -- libpq finds the password itself ------------------------------------------------------------
@pytest.fixture
def password_role(pg_server):
    """A role whose connections from 127.0.0.1 must give a password (scram-sha-256), with a
    database of its own; the rest of the test server stays on trust."""
    import psycopg

    role = "r_" + uuid.uuid4().hex[:10]
    password = "pw-" + uuid.uuid4().hex
    admin = f"host=127.0.0.1 port={pg_server.port} user=postgres dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
        conn.execute(f"CREATE DATABASE {role} OWNER {role}")
    hba = pg_server.data / "pg_hba.conf"
    original = hba.read_text()
    hba.write_text(f"host all {role} 127.0.0.1/32 scram-sha-256\n" + original)
    try:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("SELECT pg_reload_conf()")
        yield role, password
    finally:
        hba.write_text(original)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("SELECT pg_reload_conf()")


def _open_as(pg_server, role: str) -> int:
    engine = db.open_database(f"postgresql+psycopg://{role}@127.0.0.1:{pg_server.port}/{role}")
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM copy_events")).scalar()
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_libpq_takes_the_password_from_pgpassfile_pgpass_or_pgpassword(pg_server, password_role, tmp_path, monkeypatch):
    import time

    role, password = password_role
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "nonexistent"))
    deadline = time.monotonic() + 30
    while True:  # the reload is asynchronous: wait until the server asks for the password
        try:
            _open_as(pg_server, role)
        except db.DatabaseError as exc:
            message = str(exc)
            break
        assert time.monotonic() < deadline, "the server never asked for a password"
        time.sleep(0.2)
    assert "PGPASSWORD" in message and "~/.pgpass" in message and "PGPASSFILE" in message and password not in message

    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{pg_server.port}:{role}:{role}:{password}\n", encoding="utf-8")
    os.chmod(passfile, 0o600)  # libpq ignores a password file others can read
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    assert _open_as(pg_server, role) == 0

    monkeypatch.delenv("PGPASSFILE")
    monkeypatch.setenv("HOME", str(tmp_path))  # libpq looks for ~/.pgpass under $HOME
    (tmp_path / ".pgpass").write_text(passfile.read_text(encoding="utf-8"), encoding="utf-8")
    os.chmod(tmp_path / ".pgpass", 0o600)
    assert _open_as(pg_server, role) == 0
    (tmp_path / ".pgpass").unlink()

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "nonexistent"))
    monkeypatch.setenv("PGPASSWORD", password)
    assert _open_as(pg_server, role) == 0

    monkeypatch.setenv("PGPASSWORD", "wrong")
    with pytest.raises(db.DatabaseError) as info:
        _open_as(pg_server, role)
    assert "wrong" not in str(info.value) and "PGPASSFILE" in str(info.value)
