"""The 统计 tab says how many events the database refused (set aside in the dead-letter file)."""
from __future__ import annotations

import json
import time

from kefu_assist.store import db
from kefu_assist.store.recorder import Recorder
from kefu_assist.store.stats import stats
from kefu_assist.ui.stats_view import StatsView


def _event(i: int, **changes) -> dict:
    event = {"kind": "copy", "uuid": f"00000000-0000-0000-0000-{i:012d}", "ts": "2026-01-02T10:00:00", "agent": "小王",
             "script_id": f"s{i}", "category": "c", "variant": 0, "rank": 1, "score": 0.5, "question": "在吗", "seconds_to_copy": 1.0}
    event.update(changes)
    return event


def _stats_with_refused_rows(tmp_path, refused: int) -> dict:
    url = f"sqlite:///{tmp_path / 'usage.sqlite3'}"
    spool_root = tmp_path / "spool"
    folder = db.spool_dir_for(url, spool_root)
    folder.mkdir(parents=True)
    events = [_event(0)] + [_event(i, agent=None) for i in range(1, refused + 1)]
    spool = folder / "0000000000001-1-cafebabe.jsonl"
    spool.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    rec = Recorder(url, spool_root=spool_root)
    try:
        deadline = time.monotonic() + 30
        while spool.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not spool.exists()
    finally:
        rec.close()
    engine = db.open_database(url, write=False)
    try:
        return stats(engine, url=url, spool_roots=[spool_root])
    finally:
        engine.dispose()


def test_refused_events_are_shown_in_the_stats_tab(qtbot, tmp_path):
    view = StatsView()
    qtbot.addWidget(view)
    data = _stats_with_refused_rows(tmp_path, 2)
    view.show_stats(data)
    assert not view.deadLetterLabel.isHidden()
    assert "2 条使用记录被数据库拒收" in view.deadLetterLabel.text()
    assert data["dead_letters"]["files"][0] in view.deadLetterLabel.toolTip()
    data["dead_letters"] = {"count": 0, "files": []}
    view.show_stats(data)
    assert view.deadLetterLabel.isHidden()
