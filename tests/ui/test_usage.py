"""The sidebar with a real usage database (issue 4): copies and library gaps recorded (redacted),
favourites and recent scripts in 常用, the offline mark, and the 统计 tab. Every database is a
temporary SQLite file (or a closed PostgreSQL port), handed over as the window's --db."""
from __future__ import annotations

import socket
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

PHONE = "13812345678"


@pytest.fixture(autouse=True)
def fresh_data(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("KEFU_ASSIST_DATA_DIR", str(data))  # spools go here
    monkeypatch.delenv("KEFU_ASSIST_DB", raising=False)
    return data


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'usage.sqlite3'}"


def _rows(url: str, model, *where):
    """The rows so far. The recorder creates the schema on its writer thread after it reports
    itself available, so a reader may come first: no table yet means no rows yet."""
    from sqlalchemy import inspect, select
    from sqlalchemy.orm import Session

    from kefu_assist.store import db

    engine = db.make_engine(url, write=False)
    try:
        with Session(engine) as session:
            if not inspect(session.connection()).has_table(model.__tablename__):
                return []
            rows = list(session.scalars(select(model).where(*where)))
            session.expunge_all()
            return rows
    finally:
        engine.dispose()


def _copies(url: str):
    from kefu_assist.store.models import CopyEventRow

    return _rows(url, CopyEventRow)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the socket is: nothing listens there


def test_copy_is_recorded_with_rank_score_variant_and_redacted_question(usage_window, library_file, db_url, type_message, qtbot):
    window = usage_window(library_file, db_url)
    assert not window.offline
    window.apply_preferences(type(window.prefs)(agent="阿青"))
    question = f"收件人张三 电话{PHONE} 什么时候发货"
    type_message(window, question)
    card = window.suggest.cards[0]
    assert card.script.id == "shipping_time.when"
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == window.service.render("shipping_time.when").text
    qtbot.waitUntil(lambda: len(_copies(db_url)) == 1, timeout=10000)
    (row,) = _copies(db_url)
    assert (row.script_id, row.category, row.agent, row.rank, row.variant) == ("shipping_time.when", "shipping_time", "阿青", 1, 0)
    assert row.score == pytest.approx(card.score)
    assert row.seconds_to_copy is not None and row.seconds_to_copy >= 0
    assert PHONE not in row.question and "138****5678" in row.question
    assert "张三" not in row.question and "什么时候发货" in row.question


def test_unmatched_question_lands_in_the_gaps_table(usage_window, library_file, db_url, type_message, qtbot):
    from kefu_assist.store.models import UnmatchedQuestion

    window = usage_window(library_file, db_url)
    window.suggest.settle.setInterval(50)
    type_message(window, f"今天天气好 {PHONE}")
    assert window.ui.stateLabel.text().startswith("没有合适的话术")
    qtbot.waitUntil(lambda: len(_rows(db_url, UnmatchedQuestion)) == 1, timeout=10000)
    (row,) = _rows(db_url, UnmatchedQuestion)
    assert row.count == 1 and "今天天气好" in row.question and PHONE not in row.question


def test_favourites_survive_a_restart_and_recent_shows_the_last_copy(usage_window, library_file, db_url, type_message, qtbot):
    window = usage_window(library_file, db_url)
    assert window.ui.tabs.tabText(2) == "常用" and window.ui.tabs.tabText(3) == "统计"
    type_message(window, "能开发票吗")
    card = window.suggest.cards[0]
    assert card.script.id == "invoice.free" and card.starButton.isVisible() and not card.favourite
    with qtbot.waitSignal(window.usage.favouriteToggled, timeout=10000) as blocker:
        qtbot.mouseClick(card.starButton, Qt.MouseButton.LeftButton)
    assert blocker.args == ["invoice.free", True]
    assert card.favourite and card.starButton.text() == "★"
    # Ctrl+D on the browse preview stars a second one
    window.ui.tabs.setCurrentIndex(1)
    row = next(i for i in range(window.ui.scriptList.count()) if window.ui.scriptList.item(i).data(Qt.ItemDataRole.UserRole) == "thanks.bye")
    window.ui.scriptList.setCurrentRow(row)
    with qtbot.waitSignal(window.usage.favouriteToggled, timeout=10000):
        qtbot.keyClick(window.ui.scriptList, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.scriptList.item(row).text().startswith("★ ")
    window.ui.tabs.setCurrentIndex(2)
    assert window.usual.ids["favourite"] == ["invoice.free", "thanks.bye"]

    # two copies: the last one tops 常用's recent list, from the database too
    window.ui.tabs.setCurrentIndex(0)
    type_message(window, "包邮吗")
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Return)
    type_message(window, "在吗")
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Return)
    window.ui.tabs.setCurrentIndex(2)
    assert window.usual.ids["recent"][:2] == ["greeting.hello", "shipping_fee.free"]  # at once, before the database answers
    with qtbot.waitSignal(window.usage.listsLoaded, timeout=10000) as blocker:
        pass
    assert blocker.args[1][:2] == ["greeting.hello", "shipping_fee.free"]
    # the 常用 list copies like the others: select the favourite, Enter
    window.ui.usualList.setFocus()
    window.ui.usualList.setCurrentRow(1)
    assert window.usual.preview.script.id == "invoice.free"
    qtbot.keyClick(window.ui.usualList, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == window.service.render("invoice.free").text
    window.close()

    again = usage_window(library_file, db_url)
    again.ui.tabs.setCurrentIndex(2)
    assert again.usual.ids["favourite"] == ["invoice.free", "thanks.bye"]
    assert again.usual.ids["recent"][0] == "invoice.free"
    # un-star from 常用 with Ctrl+D
    again.ui.usualList.setCurrentRow(1)
    with qtbot.waitSignal(again.usage.favouriteToggled, timeout=10000) as blocker:
        qtbot.keyClick(again.ui.usualList, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["invoice.free", False]
    assert again.usual.ids["favourite"] == ["thanks.bye"]


@pytest.mark.slow  # waits out the connection timeout of an unreachable server
def test_offline_mark_when_database_unreachable_and_copy_lands_in_spool(usage_window, library_file, type_message, qtbot):
    url = f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/kefu"
    window = usage_window(library_file, url)
    qtbot.waitUntil(lambda: window.offline, timeout=15000)
    badge = window.ui.offlineBadge
    assert badge.text() == "离线" and badge.isVisible()
    assert badge.toolTip().startswith("数据库连接中断，记录暂存本机，恢复后自动补写")
    type_message(window, f"包邮吗 {PHONE}")
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == window.service.render("shipping_fee.free").text
    spool = window.usage.recorder.spool_path
    assert window.usage.recorder.wait_spooled(10)  # redacted off the GUI thread, then spooled
    text = spool.read_text(encoding="utf-8")
    assert '"script_id":"shipping_fee.free"' in text and PHONE not in text
    assert window.usage.recorder.pending == 1
    # 常用 and 统计 say they cannot read, without blocking anything
    window.ui.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: "离线" in window.ui.usualState.text(), timeout=10000)
    window.ui.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: "失败" in window.stats.view.statusLabel.text(), timeout=15000)
    window.close()
    assert spool.exists() and '"shipping_fee.free"' in spool.read_text(encoding="utf-8")  # kept for the next start


def _seed(url: str, now: datetime) -> None:
    from kefu_assist.store import db
    from kefu_assist.store.recorder import write_events

    plan = [  # (script, category, agent, days ago, seconds to copy)
        ("shipping_fee.free", "shipping_fee", "阿青", 0, 4.0),
        ("shipping_fee.free", "shipping_fee", "阿青", 1, 6.0),
        ("shipping_fee.free", "shipping_fee", "小王", 2, 10.0),
        ("invoice.free", "invoice", "小王", 2, 8.0),
        ("greeting.hello", "greeting", "阿青", 3, 2.0),
        ("bargain.general", "bargain", "小王", 20, 12.0),
    ]
    events = [
        {"kind": "copy", "uuid": str(uuid.uuid4()), "ts": (now - timedelta(days=d, minutes=5)).isoformat(), "agent": a,
         "script_id": sid, "category": cat, "variant": 0, "rank": 1, "score": 0.8, "question": "包邮吗", "seconds_to_copy": s}
        for sid, cat, a, d, s in plan
    ]
    events += [
        {"kind": "unmatched", "uuid": str(uuid.uuid4()), "ts": (now - timedelta(hours=h)).isoformat(), "agent": "阿青", "question": q}
        for h, q in ((1, "能寄到国外吗？"), (2, "能寄到国外吗"), (3, "可以货到付款吗"))
    ]
    engine = db.open_database(url)
    try:
        write_events(engine, events)
    finally:
        engine.dispose()


def test_stats_tab_shows_the_figures_and_the_chart(usage_window, library_file, db_url, qtbot):
    _seed(db_url, datetime.now(timezone.utc).replace(tzinfo=None))
    window = usage_window(library_file, db_url)
    view = window.stats.view
    with qtbot.waitSignal(window.usage.statsLoaded, timeout=15000):
        window.ui.tabs.setCurrentIndex(3)  # 最近 30 天 by default
    assert view.periodCombo.currentText() == "最近 30 天"
    assert view.tiles["copies"].text() == "6" and view.tiles["unmatched"].text() == "3"
    assert view.tiles["median"].text() == "7.0 秒"
    most = view.sections["most_used"].text()
    assert most.index("包邮说明") < most.index("问候") and "<b>3</b>" in most
    assert "从未使用" in view.sections["unused_30d"].text() or "未用" in view.sections["least_used"].text()
    assert "能寄到国外吗" in view.sections["unmatched"].text() and "2 次" in view.sections["unmatched"].text()
    assert "可以货到付款吗" in view.sections["unmatched"].text()
    agents = view.sections["per_agent"].text()
    assert "阿青" in agents and "小王" in agents and "4.0 秒" in agents and "10.0 秒" in agents
    assert "包邮/运费" in view.sections["per_category"].text()
    chart = view.chart
    assert chart.has_data and len(chart.days) == 30
    assert sum(chart.day_totals()) == 6 and "shipping_fee" in chart.order
    assert chart.tooltip_at(chart.bar_rects()[-1].center().toPoint()).startswith(chart.days[-1].isoformat())
    assert [view.agentCombo.itemText(i) for i in range(view.agentCombo.count())] == ["全部客服", "小王", "阿青"]
    # the filters reload on a worker
    with qtbot.waitSignal(window.usage.statsLoaded, timeout=15000):
        view.periodCombo.setCurrentIndex(0)  # 最近 7 天
    assert view.tiles["copies"].text() == "5" and len(chart.days) == 7
    with qtbot.waitSignal(window.usage.statsLoaded, timeout=15000):
        view.agentCombo.setCurrentIndex(view.agentCombo.findData("小王"))
    assert view.tiles["copies"].text() == "2" and view.tiles["unmatched"].text() == "0"
    with qtbot.waitSignal(window.usage.statsLoaded, timeout=15000):
        qtbot.mouseClick(view.refreshButton, Qt.MouseButton.LeftButton)
    assert view.data["agent"] == "小王"


def test_settings_dialog_database_field_reaches_the_store(make_window, library_file, qtbot):
    from kefu_assist.store.db import resolve_db_url, settings_db_url
    from kefu_assist.ui.settings_dialog import SettingsDialog

    window = make_window(library_file)
    dialog = SettingsDialog(window.prefs, window)
    qtbot.addWidget(dialog)
    assert dialog.dbEdit.placeholderText() == "留空则使用本机 SQLite" and "postgresql+psycopg://" in dialog.dbNote.text()
    url = "postgresql+psycopg://kefu@db.example.com:5432/team"  # the password comes from ~/.pgpass
    dialog.dbEdit.setText(url)
    window.apply_preferences(dialog.preferences())
    assert settings_db_url() == url and resolve_db_url(None) == url
    assert resolve_db_url("sqlite:///x.db") == "sqlite:///x.db"
    window.apply_preferences(type(window.prefs)(**{**window.prefs.__dict__, "db_url": ""}))
    assert settings_db_url() is None


def test_events_before_the_recorder_opens_are_not_lost(library_file, db_url, qtbot):
    from kefu_assist.service import AssistService, CopyEvent
    from kefu_assist.ui.main_window import MainWindow
    from kefu_assist.ui.settings import open_settings
    from kefu_assist.ui.workers import db_pool

    window = MainWindow(AssistService(), open_settings(), Path(library_file))
    qtbot.addWidget(window)
    window.start_usage(db_url)
    window.service.copied(CopyEvent("greeting.hello", "greeting", 0, None, None, "", None))  # before the recorder exists
    qtbot.waitUntil(lambda: window.usage.available, timeout=15000)
    qtbot.waitUntil(lambda: len(_copies(db_url)) == 1, timeout=10000)
    window.close()
    db_pool().waitForDone(10000)


@pytest.mark.slow  # several database round trips and a recorder shutdown
def test_stats_tab_is_current_each_time_it_is_shown(usage_window, library_file, db_url, type_message, qtbot):
    """Shown after copies, the 统计 tab counts them without 刷新; never-used scripts are listed
    with their categories' Chinese names, as everywhere else."""
    from kefu_assist.library import CATEGORIES

    window = usage_window(library_file, db_url)
    view = window.stats.view
    for n in (1, 2):
        type_message(window, "包邮吗")
        qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Return)
        with qtbot.waitSignal(window.usage.statsLoaded, timeout=15000):
            window.ui.tabs.setCurrentIndex(3)
        assert view.tiles["copies"].text() == str(n)
        window.ui.tabs.setCurrentIndex(0)
    least = view.sections["least_used"].text()
    assert "未用" in least
    raw = [cid for cid in CATEGORIES if f">{cid}<" in least]
    assert raw == [], f"raw category ids in 最少用话术: {raw}"
