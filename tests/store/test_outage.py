"""Trust on a live shift (issue 9): nothing lost, nothing leaked, whatever the text or the server.

- text a database cannot hold (NUL, lone surrogates) is stored in a form it can;
- a row the database refuses is set aside in a dead-letter file (counted in 统计), the rest goes on;
- a hung server (SIGSTOP'd PostgreSQL, a SQLite write lock held by another program) shows 离线
  and the recorder recovers by itself when it answers again;
- a data folder where no spool can be made falls back to another folder, and says so once;
- redaction runs off the caller's (GUI) thread.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from kefu_assist.service import CopyEvent
from kefu_assist.store import db, recorder as recorder_mod
from kefu_assist.store.recorder import Recorder, clean_text, write_events
from kefu_assist.store.stats import stats

from .dbwait import rows as _rows, wait as _wait

SRC = str(Path(__file__).resolve().parents[2] / "src")

# every code point, lone surrogates and NUL included
ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=40)

NASTY = [
    "在吗\x00能发货吗",          # NUL: PostgreSQL refuses the whole batch
    "好的\ud83d",                # a lone surrogate: cannot even be encoded as UTF-8
    "\ud83d\ude00 谢谢",          # a surrogate pair split in two code units: one emoji
    "\x00",
    "正常的问题",
]


def _copy(i: int, question: str, agent_suffix: str = "") -> CopyEvent:
    return CopyEvent(f"s{i}", "cat", 0, 1, 0.5, question, float(i))


# -- text the database cannot hold ---------------------------------------------------------------
@given(ANY_TEXT)
def test_clean_text_is_storable_and_keeps_everything_else(value):
    cleaned = clean_text(value)
    cleaned.encode("utf-8")  # never raises: no lone surrogates left
    assert "\x00" not in cleaned
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return  # surrogates became U+FFFD (or joined into the character they encode)
    assert cleaned == value.replace("\x00", "")  # valid text loses nothing but NULs


def test_clean_text_joins_split_pairs_and_marks_lone_surrogates():
    assert clean_text("\ud83d\ude00") == "😀"
    assert clean_text("a\ud83db") == "a\ufffdb"
    assert clean_text("a\x00b") == "ab"
    assert clean_text(None) == ""


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(ANY_TEXT, ANY_TEXT), min_size=1, max_size=5))
def test_any_text_is_written_on_both_databases(db_url, texts):
    """Whatever the buyer or the agent typed, write_events stores it (cleaned) on both databases."""
    import uuid

    engine = db.open_database(db_url)
    try:
        events = [
            {"kind": "copy", "uuid": str(uuid.uuid4()), "ts": "2026-01-01T10:00:00", "agent": agent, "script_id": "s",
             "category": "c", "variant": 0, "rank": 1, "score": 0.5, "question": question, "seconds_to_copy": 1.0}
            for question, agent in texts
        ]
        unmatched = [
            {"kind": "unmatched", "uuid": str(uuid.uuid4()), "ts": "2026-01-01T10:00:00", "agent": agent, "question": question}
            for question, agent in texts
        ]
        write_events(engine, events + unmatched)
        with engine.connect() as conn:
            got = {r.event_uuid: (r.question, r.agent) for r in conn.execute(text("SELECT event_uuid, question, agent FROM copy_events"))}
            stored = set(conn.execute(text("SELECT event_uuid FROM unmatched_events")).scalars())
    finally:
        engine.dispose()
    for e, (question, agent) in zip(events, texts):
        assert got[e["uuid"]] == (clean_text(question), clean_text(agent)[:100])
    assert {e["uuid"] for e in unmatched} <= stored


def test_nul_and_lone_surrogates_are_recorded(db_url, spool_root):
    rec = Recorder(db_url, spool_root=spool_root, retry_initial=0.05, retry_max=0.2)
    try:
        for i, q in enumerate(NASTY):
            rec.record_copy(_copy(i, q), "小王\x00")
            rec.record_unmatched(q + " 退货", "小王")
        assert rec.flush(30), f"not written: {rec.last_error}"
        assert rec.online
    finally:
        rec.close()
    rows = _rows(db_url, "SELECT script_id, agent, question FROM copy_events ORDER BY id")
    assert [(r.script_id, r.agent) for r in rows] == [(f"s{i}", "小王") for i in range(len(NASTY))]
    assert [r.question for r in rows] == [clean_text(q) for q in NASTY]
    assert _rows(db_url, "SELECT count(*) FROM unmatched_events")[0][0] == len(NASTY)
    assert rec.dead_letters == 0


@pytest.mark.postgres
@pytest.mark.parametrize("client_encoding", ["database's", "UTF8"])
def test_characters_a_gbk_or_euc_cn_database_lacks_become_question_marks(pg_server, spool_root, monkeypatch, client_encoding):
    """An older team database in EUC_CN (or GBK, LATIN1 ...) has no code for emoji: the row is
    written with '?' for them instead of being refused, and nothing is set aside. The driver
    finds the character when the connection speaks the database's encoding (libpq's default),
    the server does when the connection speaks UTF8 (SQLSTATE 22P05)."""
    import psycopg
    import uuid

    if client_encoding == "UTF8":
        monkeypatch.setenv("PGCLIENTENCODING", "UTF8")

    name = "t_euc_" + uuid.uuid4().hex[:8]
    with psycopg.connect(f"host=127.0.0.1 port={pg_server.port} user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE \"{name}\" ENCODING 'EUC_CN' TEMPLATE template0")
    url = pg_server.url(name)
    rec = Recorder(url, spool_root=spool_root, retry_initial=0.05, retry_max=0.2)
    try:
        rec.record_copy(_copy(0, "在吗"), "小王")
        rec.record_copy(_copy(1, "好的😀谢谢\ud83d"), "小王🌸")
        rec.record_copy(_copy(2, "发货了吗"), "小王")
        rec.record_unmatched("能寄到国外吗😀", "小王")
        assert rec.flush(30), rec.last_error
    finally:
        rec.close()
    rows = _rows(url, "SELECT script_id, agent, question FROM copy_events ORDER BY id")
    assert [tuple(r) for r in rows] == [("s0", "小王", "在吗"), ("s1", "小王?", "好的?谢谢?"), ("s2", "小王", "发货了吗")]
    assert _rows(url, "SELECT question FROM unmatched_questions")[0][0] == "能寄到国外吗?"
    assert rec.dead_letters == 0


def test_python_codec_names():
    assert recorder_mod.python_codec("EUC_CN") == "gb2312"
    assert recorder_mod.python_codec("WIN1252") == "cp1252"
    assert recorder_mod.python_codec("UTF8") == "utf-8"
    assert recorder_mod.python_codec("SQL_ASCII") is None and recorder_mod.python_codec("MULE_INTERNAL") is None


# -- rows the database refuses ----------------------------------------------------------------------
def _good(i: int) -> dict:
    return {"kind": "copy", "uuid": f"00000000-0000-0000-0000-{i:012d}", "ts": "2026-01-02T10:00:00", "agent": "小王",
            "script_id": f"s{i}", "category": "c", "variant": 0, "rank": 1, "score": 0.5, "question": "在吗", "seconds_to_copy": 1.0}


def _orphan_spool(url: str, spool_root: Path, events: list[dict]) -> Path:
    """A spool left by a program that is gone, as a Recorder replays it at start-up."""
    folder = db.spool_dir_for(url, spool_root)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "0000000000001-1-deadbeef.jsonl"
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), encoding="utf-8")
    return path


def test_refused_rows_are_set_aside_and_the_rest_is_written(db_url, spool_root):
    bad = [
        dict(_good(3), agent=None),                # NOT NULL: IntegrityError on both databases
        dict(_good(6), ts="yesterday"),            # not a timestamp
        {k: v for k, v in _good(8).items() if k != "script_id"},  # a line missing a field
    ]
    if db_url.startswith("postgresql"):
        bad.append(dict(_good(10), rank=2**40))    # integer out of range: DataError (SQLite takes it)
    bad_ids = {e["uuid"] for e in bad}
    events = [_good(i) for i in range(12)]
    events = [next((b for b in bad if b["uuid"] == e["uuid"]), e) for e in events]
    spool = _orphan_spool(db_url, spool_root, events)
    statuses = []
    rec = Recorder(db_url, spool_root=spool_root, on_status=statuses.append, batch_size=500)
    try:
        assert _wait(lambda: not spool.exists(), 30), f"the spool was never written: {rec.last_error}"
        rec.record_copy(_copy(99, "后面的也写进去了"), "小王")
        assert rec.flush(30)
        assert rec.online and statuses == []  # the database was up all along: never 离线
        assert rec.dead_letters == len(bad)
        dead = [json.loads(line) for line in rec.dead_letter_path.read_text(encoding="utf-8").splitlines()]
    finally:
        rec.close()
    rows = _rows(db_url, "SELECT event_uuid FROM copy_events ORDER BY id")
    good_ids = [e["uuid"] for e in events if e["uuid"] not in bad_ids]
    assert [r.event_uuid for r in rows][:-1] == good_ids  # in spool order, each once
    assert [d["event"]["uuid"] for d in dead] == [e["uuid"] for e in events if e["uuid"] in bad_ids]
    assert all(d["error"] for d in dead)

    # a restart replays nothing twice and sets nothing aside twice
    rec2 = Recorder(db_url, spool_root=spool_root)
    try:
        assert rec2.flush(30)
        assert rec2.dead_letters == len(bad)
    finally:
        rec2.close()

    engine = db.open_database(db_url, write=False)
    try:
        data = stats(engine, url=db_url, spool_roots=[spool_root])
    finally:
        engine.dispose()
    assert data["dead_letters"]["count"] == len(bad)
    assert data["dead_letters"]["files"] == [str(rec.dead_letter_path)]


def test_stats_command_shows_the_dead_letters(sqlite_url, spool_root, monkeypatch, capsys):
    from kefu_assist.store.cli import format_stats

    spool = _orphan_spool(sqlite_url, spool_root, [_good(1), dict(_good(2), agent=None)])
    rec = Recorder(sqlite_url, spool_root=spool_root)
    try:
        assert _wait(lambda: not spool.exists(), 30)
    finally:
        rec.close()
    engine = db.open_database(sqlite_url, write=False)
    try:
        data = stats(engine, url=sqlite_url, spool_roots=[spool_root])
    finally:
        engine.dispose()
    out = format_stats(data)
    assert "数据库拒收 refused by the database: 1" in out and str(rec.dead_letter_path) in out
    data["dead_letters"] = {"count": 0, "files": []}
    assert "refused by the database" not in format_stats(data)


def test_stats_command_end_to_end_counts_the_dead_letters(sqlite_url, tmp_path, monkeypatch):
    """The sidebar's recorder and ``kefu-assist stats`` find the same dead-letter file by
    themselves (the data folder's spool), without being told where it is."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv("KEFU_ASSIST_DATA_DIR", str(data_dir))
    spool = _orphan_spool(sqlite_url, data_dir / "spool", [_good(1), dict(_good(2), agent=None), _good(3)])
    rec = Recorder(sqlite_url)
    try:
        assert _wait(lambda: not spool.exists(), 30)
    finally:
        rec.close()
    exe = Path(sys.executable).with_name("kefu-assist")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "kefu_assist.cli"]
    table = subprocess.run([*cmd, "stats", "--db", sqlite_url], capture_output=True, text=True, timeout=120)
    assert table.returncode == 0, table.stderr
    assert "数据库拒收 refused by the database: 1" in table.stdout and str(rec.dead_letter_path) in table.stdout
    js = subprocess.run([*cmd, "stats", "--db", sqlite_url, "--json"], capture_output=True, text=True, timeout=120)
    data = json.loads(js.stdout)
    assert data["total_copies"] == 2 and data["dead_letters"] == {"count": 1, "files": [str(rec.dead_letter_path)]}


# -- a hung server -------------------------------------------------------------------------------
class _SqliteLock:
    """Another program holding the SQLite write lock: the recorder's writes wait (hang)."""

    def __init__(self, url: str):
        self.conn = sqlite3.connect(str(db.sqlite_path(url)), isolation_level=None, check_same_thread=False)

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, *exc):
        self.conn.execute("COMMIT")
        self.conn.close()


class _Hang:
    def __init__(self, url: str, request):
        self.url = url
        self.request = request

    def __enter__(self):
        if self.url.startswith("sqlite"):
            self.lock = _SqliteLock(self.url).__enter__()
        else:
            self.server = self.request.getfixturevalue("pg_server")
            self.pids = self.server.pause()
            assert self.pids, "no server processes found to pause"
        return self

    def __exit__(self, *exc):
        if self.url.startswith("sqlite"):
            self.lock.__exit__(*exc)
        else:
            self.server.resume(self.pids)


@pytest.mark.slow
def test_outage_with_nul_surrogate_and_hung_server_loses_nothing(db_url, spool_root, request):
    """The issue's test of done: text the database cannot hold, a row before and after it, and a
    server that hangs mid-shift: every event arrives once, in order, and the status said 离线
    while it hung."""
    statuses = []
    rec = Recorder(db_url, spool_root=spool_root, on_status=statuses.append, retry_initial=0.05, retry_max=0.5, write_timeout=1.0)
    expected = []
    try:
        for i in range(10):
            q = NASTY[i % len(NASTY)]
            rec.record_copy(_copy(i, q), "小王")
            expected.append((f"s{i}", clean_text(q)))
        assert rec.flush(30), rec.last_error
        with _Hang(db_url, request):
            for i in range(10, 40):
                q = NASTY[i % len(NASTY)] + "13812345678"
                rec.record_copy(_copy(i, q), "小王")
                expected.append((f"s{i}", clean_text(q).replace("13812345678", "138****5678")))
            assert _wait(lambda: not rec.online, 30), "a hung database still showed 在线"
            assert rec.pending > 0
            assert "响应" in (rec.last_error or "") or "timeout" in (rec.last_error or "").lower()
            if db_url.startswith("postgresql"):  # the hung connection was cut: the writer tries again
                assert _wait(lambda: "响应" not in (rec.last_error or ""), 30), rec.last_error
                assert not rec.online
        assert rec.flush(60), f"not delivered after the hang: {rec.last_error}"
        assert _wait(lambda: rec.online, 30)
    finally:
        rec.close()
    rows = _rows(db_url, "SELECT event_uuid, script_id, question FROM copy_events ORDER BY id")
    assert [(r.script_id, r.question) for r in rows] == expected
    assert len({r.event_uuid for r in rows}) == len(expected)
    assert False in statuses and statuses[-1] is True
    assert rec.dead_letters == 0


@pytest.mark.slow
def test_a_server_that_accepts_and_never_answers_is_offline(spool_root):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    port = listener.getsockname()[1]
    held = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    rec = Recorder(f"postgresql+psycopg://kefu@127.0.0.1:{port}/kefu", spool_root=spool_root, write_timeout=1.0, retry_initial=0.05, retry_max=0.2)
    try:
        assert _wait(lambda: not rec.online, 30)
        rec.record_copy(_copy(1, "在吗"), "小王")
        assert rec.wait_spooled(10)
        assert rec.pending == 1
    finally:
        assert rec.close(timeout=1) is False  # the event waits in the spool for the next start
        stop.set()
        thread.join()
        for s in held:
            s.close()
        listener.close()
    assert rec.spool_path.exists()


def test_postgres_statements_have_a_timeout(pg_url, spool_root):
    """A statement that waits on the server (a lock, a stuck query) ends with an error after
    the write timeout instead of waiting for ever."""
    engine = db.open_database(pg_url)
    try:
        with engine.connect() as conn:
            recorder_mod.set_statement_timeout(conn, 0.2)
            with pytest.raises(Exception, match="statement timeout"):
                conn.execute(text("SELECT pg_sleep(5)"))
    finally:
        engine.dispose()


# -- a data folder where no spool can be made ----------------------------------------------------
def test_unwritable_spool_folder_falls_back_and_says_so_once(sqlite_url, tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    primary = blocker / "spool"  # cannot be created, for root too
    fallback = tmp_path / "fallback"
    caplog.set_level(logging.WARNING, logger="kefu_assist.store.recorder")
    offline = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    rec = Recorder(offline, spool_root=primary, fallback_roots=[fallback], retry_initial=0.05, retry_max=0.2)
    try:
        rec.record_copy(_copy(1, "电话13812345678"), "小王")
        rec.record_copy(_copy(2, "在吗"), "小王")
        assert rec.wait_spooled(10)
        assert rec.spool_path.is_relative_to(fallback)
        assert rec.spool_notice and str(fallback) in rec.spool_notice
    finally:
        assert rec.close(timeout=1) is False
    notices = [r for r in caplog.records if "spool" in r.getMessage() and str(fallback) in r.getMessage()]
    assert len(notices) == 1
    assert rec.spool_path.exists() and "13812345678" not in rec.spool_path.read_text(encoding="utf-8")

    # the next start, on the database that is reachable, finds the events in the fallback folder
    events = [json.loads(line) for line in rec.spool_path.read_text(encoding="utf-8").splitlines()]
    spool = _orphan_spool(sqlite_url, fallback, events)
    good = tmp_path / "spool"
    rec2 = Recorder(sqlite_url, spool_root=good, fallback_roots=[fallback])
    try:
        assert _wait(lambda: not spool.exists(), 30)
        assert rec2.spool_notice is None
    finally:
        rec2.close()
    assert [r.script_id for r in _rows(sqlite_url, "SELECT script_id FROM copy_events ORDER BY id")] == ["s1", "s2"]


READONLY_CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    sys.path.insert(0, {src!r})
    import psycopg, sqlalchemy.dialects.postgresql.psycopg
    import gzip  # the mood model's file format: the standard library may not be readable by the user dropped to
    from kefu_assist.service import CopyEvent
    from kefu_assist.store.recorder import Recorder
    UID, GID = {uid!r}, {gid!r}
    if UID is not None:  # as root, chmod does not stop writes: become an ordinary user, with
        os.setgroups([])  # everything imported already (the checkout may not be readable by it)
        os.setgid(GID)
        os.setuid(UID)
    rec = Recorder("postgresql+psycopg://nobody@127.0.0.1:1/none", retry_initial=0.05, retry_max=0.2)
    rec.record_copy(CopyEvent("s1", "c", 0, 1, 0.5, "在吗", 1.0), "小王")
    print(rec.spool_notice)
    print(rec.close(timeout=1))
""")


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_read_only_data_folder_keeps_events_on_exit(tmp_path):
    """chmod 0500 on the data folder, the program run as an ordinary user (as root, chmod does
    not stop writes: the child drops to ``nobody``)."""
    base = Path(tempfile.mkdtemp(prefix="kefu-ro-"))
    try:
        os.chmod(base, 0o755)
        data, cache = base / "data", base / "cache"
        data.mkdir()
        cache.mkdir()
        uid = gid = None
        if os.geteuid() == 0:
            import pwd

            try:
                user = pwd.getpwnam("nobody")
            except KeyError:
                pytest.skip("no user 'nobody' to drop to")
            uid, gid = user.pw_uid, user.pw_gid
            shutil.chown(cache, uid, gid)
            shutil.chown(data, uid, gid)
        script = base / "child.py"
        script.write_text(READONLY_CHILD.format(src=SRC, uid=uid, gid=gid), encoding="utf-8")
        env = dict(os.environ, KEFU_ASSIST_DATA_DIR=str(data), KEFU_ASSIST_CACHE_DIR=str(cache), HOME=str(base),
                   PYTHONDONTWRITEBYTECODE="1")
        os.chmod(data, 0o500)
        out = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        notice, closed = out.stdout.strip().splitlines()[-2:]
        assert str(cache) in notice and closed == "False"
        spools = list(cache.rglob("*.jsonl"))
        assert len(spools) == 1 and "s1" in spools[0].read_text(encoding="utf-8")
        assert not list(data.rglob("*.jsonl"))
    finally:
        os.chmod(base / "data", 0o755) if (base / "data").exists() else None
        shutil.rmtree(base, ignore_errors=True)


# -- redaction off the caller's thread ------------------------------------------------------------
def test_redaction_never_runs_on_the_callers_thread(sqlite_url, spool_root, monkeypatch):
    real = recorder_mod.redact
    gate = threading.Event()
    threads = []

    def slow_redact(value: str) -> str:  # an 80,000-character message, as the issue saw it
        threads.append(threading.current_thread())
        gate.wait(10)
        return real(value)

    monkeypatch.setattr(recorder_mod, "redact", slow_redact)
    rec = Recorder(sqlite_url, spool_root=spool_root)
    try:
        long = "能改地址吗 电话13812345678 " + "好" * 80_000
        rec.record_copy(_copy(0, long), "小王")  # returns although redaction is blocked
        for i in range(1, 50):
            rec.record_copy(_copy(i, f"问题{i} 13912345678"), "小王")
        rec.record_unmatched("订单号3456789012345678901怎么没发货", "小王")
        assert threading.current_thread() not in threads
        assert rec.pending == 51
        gate.set()
        assert rec.flush(30)
    finally:
        gate.set()
        rec.close()
    assert threads and threading.current_thread() not in threads
    rows = _rows(sqlite_url, "SELECT script_id, question FROM copy_events ORDER BY id")
    assert [r.script_id for r in rows] == [f"s{i}" for i in range(50)]  # in order, once each
    assert all("13812345678" not in r.question and "13912345678" not in r.question for r in rows)
    assert len(rows[0].question) <= recorder_mod.MAX_QUESTION


@pytest.mark.slow
def test_close_drains_events_still_waiting_for_redaction(sqlite_url, spool_root, monkeypatch):
    real = recorder_mod.redact
    gate = threading.Event()

    def slow_redact(value: str) -> str:
        gate.wait(0.01)
        return real(value)

    monkeypatch.setattr(recorder_mod, "redact", slow_redact)
    rec = Recorder(sqlite_url, spool_root=spool_root)
    for i in range(200):
        rec.record_copy(_copy(i, "手机13812345678"), "小王")
    assert rec.close(timeout=30)
    rows = _rows(sqlite_url, "SELECT script_id, question FROM copy_events ORDER BY id")
    assert [r.script_id for r in rows] == [f"s{i}" for i in range(200)]
    assert {r.question for r in rows} == {"手机138****5678"}


FULL_CHILD = textwrap.dedent("""
    import resource, sys
    from pathlib import Path
    sys.path.insert(0, {src!r})
    from kefu_assist.service import CopyEvent
    from kefu_assist.store.recorder import Recorder
    # no spool file may grow past {limit} bytes: a write beyond fails with EFBIG, as on a full
    # or read-only disk (Python ignores SIGXFSZ)
    resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
    rec = Recorder("postgresql+psycopg://nobody@127.0.0.1:1/none", spool_root=Path({primary!r}),
                   fallback_roots=[Path({fallback!r})], retry_initial=0.05, retry_max=0.2)
    for i in range({n}):
        rec.record_copy(CopyEvent(f"s{{i}}", "c", 0, 1, 0.5, "电话13812345678 " + "好" * 50, 1.0), "小王")
    assert rec.wait_spooled(60)
    print(rec.spool_notice)
    print(rec.close(timeout=1))
""")


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX resource limits")
def test_spool_that_fails_mid_run_moves_to_another_folder(sqlite_url, tmp_path):
    """A spool folder that stops taking writes mid-shift (full, remounted read-only): the spool
    goes on in another folder, no event is lost, torn or doubled, and the order is kept."""
    primary, fallback = tmp_path / "spool", tmp_path / "fallback"
    n = 200
    script = tmp_path / "child.py"
    script.write_text(FULL_CHILD.format(src=SRC, limit=32 * 1024, primary=str(primary), fallback=str(fallback), n=n), encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    assert out.returncode == 0, out.stderr
    notice, closed = out.stdout.strip().splitlines()[-2:]
    assert "暂存" in notice and closed == "False"
    assert out.stderr.count("cannot keep the usage spool") == 1  # said once
    spools = list(tmp_path.rglob("*.jsonl"))
    assert len(spools) >= 3 and all(p.stat().st_size <= 32 * 1024 for p in spools)
    assert not any("13812345678" in p.read_text(encoding="utf-8") for p in spools)

    # the next start, on a database that is up, replays every segment in order (moved to that
    # database's spool folders, in the same roots)
    moved = []
    for p in spools:
        dest = db.spool_dir_for(sqlite_url, p.parent.parent)
        dest.mkdir(parents=True, exist_ok=True)
        moved.append(p.rename(dest / p.name))
    rec = Recorder(sqlite_url, spool_root=primary, fallback_roots=[fallback])
    try:
        assert _wait(lambda: not any(p.exists() for p in moved), 30), rec.last_error
    finally:
        rec.close()
    rows = _rows(sqlite_url, "SELECT script_id, event_uuid FROM copy_events ORDER BY id")
    assert [r.script_id for r in rows] == [f"s{i}" for i in range(n)]
    assert len({r.event_uuid for r in rows}) == n
