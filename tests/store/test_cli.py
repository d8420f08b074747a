from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from kefu_assist.store import db
from kefu_assist.store.recorder import write_events

EXE = Path(sys.executable).with_name("kefu-assist")


def _run_process(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    cmd = [str(EXE), *args] if EXE.exists() else [sys.executable, "-m", "kefu_assist.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})})


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """cli.main(args) in this process, with ``env`` set for the call and its output captured."""
    from kefu_assist import cli

    out, err = io.StringIO(), io.StringIO()
    saved_env = {k: os.environ.get(k) for k in (env or {})}
    saved = sys.stdout, sys.stderr
    try:
        os.environ.update(env or {})
        sys.stdout, sys.stderr = out, err
        try:
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdout, sys.stderr = saved
        for k, v in saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return subprocess.CompletedProcess(["kefu-assist", *args], code, out.getvalue(), err.getvalue())


@pytest.fixture
def filled(db_url):
    engine = db.open_database(db_url)
    try:
        write_events(engine, [
            {"kind": "copy", "uuid": str(uuid.uuid4()), "ts": f"2026-03-0{i % 3 + 1}T10:00:00", "agent": "小王" if i % 2 else "小李",
             "script_id": f"invoice.s{i % 4}", "category": "invoice", "variant": 0, "rank": 1, "score": 0.8,
             "question": "能开发票吗", "seconds_to_copy": float(i)}
            for i in range(10)
        ] + [{"kind": "unmatched", "uuid": str(uuid.uuid4()), "ts": "2026-03-02T10:00:00", "agent": "小王", "question": "能寄到国外吗"}])
    finally:
        engine.dispose()
    return db_url


def test_stats_json_end_to_end(filled):
    result = _run("stats", "--db", filled, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["total_copies"] == 10 and data["total_unmatched"] == 1
    assert data["median_seconds"]["overall"] == 4.5
    assert data["unmatched"][0]["question"] == "能寄到国外吗"
    result = _run("stats", "--db", filled, "--agent", "小王", "--since", "2026-03-02", "--json")
    assert json.loads(result.stdout)["total_copies"] == 3


def test_stats_table_end_to_end(filled):
    result = _run("stats", "--db", filled)
    assert result.returncode == 0, result.stderr
    assert "最常用 Most used" in result.stdout and "invoice.s0" in result.stdout and "能寄到国外吗" in result.stdout


def test_stats_takes_db_from_environment(filled):
    result = _run_process("stats", "--json", env={"KEFU_ASSIST_DB": filled})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total_copies"] == 10


def test_export_end_to_end(filled, tmp_path):
    result = _run("export", "--db", filled, "--what", "events", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 10 and rows[0]["question"] == "能开发票吗"
    out = tmp_path / "unmatched.json"
    result = _run("export", "--db", filled, "--what", "unmatched", "--format", "json", "--output", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data == [{"agent": "小王", "question": "能寄到国外吗", "norm_key": "能寄到国外吗", "count": 1,
                     "first_seen": "2026-03-02T10:00:00", "last_seen": "2026-03-02T10:00:00"}]
    result = _run("export", "--db", filled, "--what", "events", "--format", "json")
    assert len(json.loads(result.stdout)) == 10


@pytest.mark.parametrize("args", [
    ["stats", "--db", "not a url"],
    ["stats", "--db", "nosuch://x/y"],
    ["stats", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"],
    ["stats", "--db", "sqlite:////nonexistent/dir/usage.sqlite3"],
    ["stats", "--since", "2026-13-45"],
    ["export", "--what", "events", "--format", "csv", "--since", "yesterday"],
    ["export", "--db", "not a url", "--what", "unmatched"],
])
def test_bad_input_is_one_clear_line(args, tmp_path):
    result = _run(*args, env={"KEFU_ASSIST_DATA_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kefu-assist: "), result.stderr


def test_stats_table_shows_the_count_and_first_20_unused_scripts():
    """The shipped library has 100+ never-used scripts: the table gives their number and the
    first 20, the rest are in --json."""
    from kefu_assist.store.cli import UNUSED_SHOWN, format_stats

    unused = [{"script_id": f"s{i:03d}", "category": "c", "title": f"标题{i}", "last_used": None} for i in range(107)]
    data = {"since": None, "agent": None, "total_copies": 0, "total_unmatched": 0, "median_seconds": {"overall": None, "per_agent": {}},
            "most_used": [], "least_used": [], "per_category": [], "per_agent": [], "unmatched": [], "unused_30d": unused}
    text = format_stats(data)
    assert "Unused for 30 days: 107" in text
    assert UNUSED_SHOWN == 20
    assert "s019" in text and "s020" not in text
    assert text.rstrip().endswith("… 另有 and 87 more (use --json for all)")
    few = format_stats({**data, "unused_30d": unused[:3]})
    assert "Unused for 30 days: 3" in few and "more (use --json" not in few
    none = format_stats({**data, "unused_30d": []})
    assert "Unused for 30 days: 0\n  (无 none)" in none


def test_stats_table_end_to_end_with_the_shipped_library(filled):
    result = _run("stats", "--db", filled)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("30 天未用 Unused for 30 days: "))
    total = int(lines[start].rsplit(": ", 1)[1])
    assert total > 20  # the shipped library's never-used scripts
    assert len(lines[start + 3:]) == 20 + 1  # header and rule, 20 rows, the "… more" line
    assert lines[-1] == f"  … 另有 and {total - 20} more (use --json for all)"
    assert len(json.loads(_run("stats", "--db", filled, "--json").stdout)["unused_30d"]) == total
