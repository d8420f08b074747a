"""A sidebar keeps its SQLite connections open while its panels make further engines for the same
file (统计, 待处理, the learned-examples sync), and a team lead runs `kefu-assist stats` or export
from another process meanwhile. Making an engine must never open and close the database file
behind SQLite's back: closing any descriptor of a file drops every POSIX lock the process holds on
it, so the other process's reader, closing, took itself for the last connection, checkpointed and
deleted the WAL, and the sidebar's next committed writes went to a deleted file (lost)."""
from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import text

from kefu_assist import paths
from kefu_assist.store import db

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks")

READER = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(c.execute('select count(*) from t').fetchone()[0]); c.close()"


def _read_elsewhere(path) -> int:
    """A read-write reader in another process, opened and closed (as `kefu-assist stats` is)."""
    return int(subprocess.run([sys.executable, "-c", READER, str(path)], capture_output=True, text=True, check=True).stdout)


@pytest.mark.parametrize("again", [
    lambda url: db.make_engine(url),
    lambda url: db.make_engine(url, write=False),
    lambda url: paths.private_file(db.sqlite_path(url)),
], ids=["engine", "read-only engine", "private_file"])
def test_another_engine_for_the_same_file_keeps_the_open_connections_locks(tmp_path, again):
    path = tmp_path / "usage.sqlite3"
    url = f"sqlite:///{path}"
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            with conn.begin():
                conn.execute(text("create table t (x integer)"))
                conn.execute(text("insert into t values (1)"))
            again(url)
            assert _read_elsewhere(path) == 1
            assert path.with_name(path.name + "-wal").exists()  # the other process knew it was not the last
            for n in range(2, 5):
                with conn.begin():
                    conn.execute(text("insert into t values (:n)"), {"n": n})
                assert _read_elsewhere(path) == n  # nothing committed is lost
    finally:
        engine.dispose()


def test_private_file_still_creates_a_missing_file_private_and_tightens_an_existing_one(tmp_path):
    fresh = paths.private_file(tmp_path / "new.sqlite3")
    assert fresh.exists() and fresh.stat().st_mode & 0o777 == 0o600
    loose = tmp_path / "old.sqlite3"
    loose.write_bytes(b"kept")
    loose.chmod(0o644)
    paths.private_file(loose)
    assert loose.read_bytes() == b"kept" and loose.stat().st_mode & 0o777 == 0o600
