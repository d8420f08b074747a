"""An agent's choice teaches this sidebar at once: a message the matcher was unsure of, a card
other than the first (or a script from 浏览全部) copied for it, and the same message then finds
that script first. Real recorder, real SQLite database, real matcher rebuild on a worker."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from . import test_usage

# test_usage's fixtures, found by pytest as attributes of this module
db_url = test_usage.db_url
fresh_data = test_usage.fresh_data
usage_window = test_usage.usage_window


def _first(window) -> str:
    views = window.suggest.views
    return views[0].script.id if views else ""


def _learned(window, qtbot, count: int) -> None:
    qtbot.waitUntil(lambda: window.library.service.learned_count >= count, timeout=20000)


@pytest.mark.slow
def test_a_second_card_copied_for_a_message_puts_that_script_first_next_time(usage_window, library_file, db_url, type_message, qtbot):
    window = usage_window(library_file, db_url)
    message = "发票和运费能一起算吗"
    type_message(window, message)
    views = window.suggest.views
    assert len(views) >= 2
    chosen = views[1].script.id
    assert _first(window) != chosen
    with qtbot.waitSignal(window.learned.changed, timeout=20000):
        qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    type_message(window, "在吗")
    type_message(window, message)
    assert _first(window) == chosen and window.suggest.views[0].suggestion.confident


@pytest.mark.slow
def test_a_script_found_in_browse_right_after_a_message_is_learned_for_it(usage_window, library_file, db_url, type_message, qtbot):
    from kefu_assist.store import db, learned

    window = usage_window(library_file, db_url)
    message = "我想问下你们几点下班"
    type_message(window, message)
    window.ui.tabs.setCurrentIndex(1)  # 浏览全部
    script = window.library.service.library.get("thanks.bye")
    from kefu_assist.ui.copy_flow import BROWSE, CopyRequest

    with qtbot.waitSignal(window.learned.changed, timeout=20000):
        window.copier.request(CopyRequest(script, 0, BROWSE))
    engine = db.make_engine(db_url, write=False)
    try:
        (group,) = learned.groups(engine)
    finally:
        engine.dispose()
    assert (group.script_id, group.question) == ("thanks.bye", message)
    assert window.library.service.suggest(message)[0].script.id == "thanks.bye"


@pytest.mark.slow
def test_a_favourite_copied_from_usual_teaches_nothing(usage_window, library_file, db_url, type_message, qtbot):
    from kefu_assist.store import db
    from kefu_assist.store.models import CopyEventRow, LearnedExample
    from kefu_assist.ui.copy_flow import USUAL, CopyRequest

    window = usage_window(library_file, db_url)
    type_message(window, "我想问下你们几点下班")
    script = window.library.service.library.get("thanks.bye")
    window.copier.request(CopyRequest(script, 0, USUAL))
    engine = db.make_engine(db_url, write=False)
    try:
        qtbot.waitUntil(lambda: window.usage.recorder.flush(1) and _count(engine, CopyEventRow) == 1, timeout=10000)
        assert _count(engine, LearnedExample) == 0
    finally:
        engine.dispose()


def _count(engine, model) -> int:
    from sqlalchemy import func, inspect, select

    with engine.connect() as conn:
        if not inspect(conn).has_table(model.__tablename__):
            return 0
        return conn.execute(select(func.count()).select_from(model)).scalar() or 0
