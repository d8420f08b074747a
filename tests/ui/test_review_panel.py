"""待处理 (ui/review_panel.py) on its own: no sidebar, no other panel. The store is a real SQLite
file filled the way the sidebar fills it: the service suggests, nothing is confident, the question
is reported unmatched and an agent copies a card anyway (a learned example)."""
from __future__ import annotations

import difflib
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from kefu_assist.service import AssistService, CopyEvent
from kefu_assist.store import learned
from kefu_assist.store.recorder import Recorder
from kefu_assist.store.review import unmatched_queue
from kefu_assist.store.stats import stats
from kefu_assist.ui.workers import db_pool

# Block lists throughout: a new example is one added line, whichever script the matcher guesses.
SHIPPING = textwrap.dedent("""\
    version: 1
    # 运费和发货：组长手写的文件，注释要保留
    scripts:
      # 包邮
      - id: shipping_fee.free
        category: shipping_fee
        title: 包邮说明
        examples:
          - 包邮吗
          - 包不包邮  # 最常问
          - 运费多少
        keywords: [包邮, 运费]
        replies:
          - "亲，本店全场包邮哦～"
      # 发货
      - id: shipping_time.normal
        category: shipping_time
        title: 发货时间
        examples:
          - 什么时候发货
          - 几天发货
          - 今天能发吗
        replies:
          - "亲，16点前下单当天发货～"
    """)
AFTER_SALE = textwrap.dedent("""\
    version: 1
    scripts:
      - id: return_exchange.seven_days
        category: return_exchange
        title: 七天无理由
        examples:
          - 能退货吗
          - 七天无理由吗
          - 不喜欢可以退吗
        replies: ["亲，支持七天无理由退换～"]
      # 发票
      - id: invoice.yes
        category: invoice
        title: 开发票
        examples:
          - 能开发票吗
          - 有发票吗
        replies: ["亲，可以开发票的～"]
    """)
FLOW = 'version: 1\nscripts: [{id: care_warranty.one_year, category: care_warranty, title: 保修一年, examples: [保修多久], replies: ["亲，保修一年～"]}]\n'

ANTARCTIC = "能寄到南极科考站吗"  # asked three times by two agents
WAREHOUSE = "你们仓库在哪个城市"
ABROAD = "寄到国外吗"
DAYS = "拍下以后多久能出库"  # nothing confident; both agents copy 发货时间 for it: a learned example
CHOSEN = "shipping_time.normal"


@pytest.fixture
def library_dir(tmp_path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "shipping.yaml").write_text(SHIPPING, encoding="utf-8")
    (folder / "after_sale.yaml").write_text(AFTER_SALE, encoding="utf-8")
    return folder


def _ask(service: AssistService, agent: str, message: str, copy: str | None = None) -> None:
    """What the sidebar does with a buyer message: suggest; nothing confident -> report it
    unmatched; the agent copies the card of script ``copy`` all the same."""
    service.agent = agent
    views = service.suggest(message)
    if not any(v.suggestion.confident for v in views):
        service.unmatched(message)
    if copy is not None:
        rank, view = next((r, v) for r, v in enumerate(views, 1) if v.script.id == copy)
        assert not view.suggestion.confident, "the module's premise: the matcher is not sure of the agents' choice"
        service.copied(CopyEvent(view.script.id, view.script.category, 0, rank, view.suggestion.score, message, 4.0, view.suggestion.confident))


@pytest.fixture
def recorded(tmp_path, library_dir):
    """(service, recorder) with the questions of this module recorded through the real path."""
    service = AssistService()
    assert service.load(library_dir).ok
    recorder = Recorder(f"sqlite:///{tmp_path / 'usage.sqlite3'}", spool_root=tmp_path / "spool")
    service.recorder = recorder
    for agent, message, rank in [("小美", ANTARCTIC, None), ("小美", ANTARCTIC, None), ("小王", ANTARCTIC, None),
                                 ("小王", WAREHOUSE, None), ("小美", ABROAD, None),
                                 ("小美", DAYS, CHOSEN), ("小王", DAYS, CHOSEN)]:
        _ask(service, agent, message, rank)
    assert recorder.flush(30)
    yield service, recorder
    QThreadPool.globalInstance().waitForDone(10000)
    db_pool().waitForDone(10000)
    recorder.close()


@pytest.fixture
def make_panel(qtbot, library_dir):
    from kefu_assist.ui.review_panel import ReviewPanel

    def make(service, engine, **kw):
        panel = ReviewPanel(lambda: service, engine, library_path=lambda: library_dir, agent=lambda: "组长", **kw)
        qtbot.addWidget(panel.widget)
        panel.widget.resize(900, 560)
        panel.widget.show()
        with qtbot.waitSignal(panel.loaded, timeout=20000):
            panel.refresh()
        return panel

    return make


def _item(panel, question: str, kind: str = "unmatched"):
    return next(i for i in panel.items if i.question == question and i.kind == kind)


def _rows(panel) -> list[tuple[str, str, str, str]]:
    return [tuple(r.text(c) for c in range(4)) for r in panel._rows()]


def _select(qtbot, panel, item, *, guesses: bool = True) -> None:
    panel.select(item)
    assert panel.selected == item
    if guesses:
        qtbot.waitUntil(lambda: bool(panel.guesses), timeout=20000)


def _act(qtbot, panel, button) -> None:
    assert button.isEnabled()
    with qtbot.waitSignal(panel.actionDone, timeout=20000):
        button.click()


def _refresh(qtbot, panel) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.refresh()


def test_the_queue_lists_learned_examples_and_unmatched_questions_with_their_counts(make_panel, recorded):
    service, recorder = recorded
    panel = make_panel(service, lambda: recorder.engine(5))
    rows = _rows(panel)
    assert rows[0] == (DAYS, "2", "小王、小美", "发货时间")  # learned first: 2 agents chose 发货时间
    unmatched = rows[1:]
    assert [r[0] for r in unmatched][0] == ANTARCTIC  # most asked first
    assert unmatched[0][1:3] == ("3", "2 位")
    assert {r[0] for r in unmatched} >= {WAREHOUSE, ABROAD}
    assert panel.ui.summaryLabel.text().startswith("学习例句 1 条")
    assert panel.ui.emptyLabel.isHidden()


def test_add_as_example_to_guess_two_writes_one_line_into_that_scripts_file(qtbot, make_panel, recorded, library_dir):
    service, recorder = recorded
    panel = make_panel(service, lambda: recorder.engine(5))
    before = {p.name: p.read_text(encoding="utf-8") for p in library_dir.glob("*.yaml")}
    _select(qtbot, panel, _item(panel, ANTARCTIC))
    assert len(panel.guesses) >= 2
    second = panel.guesses[1]
    panel.choose_guess(2)
    assert panel.target == second.script_id
    written: list = []
    panel.libraryWritten.connect(written.append)
    _act(qtbot, panel, panel.ui.addExampleButton)
    target = Path(service.library.get(second.script_id).file)
    assert written == [target]
    for p in library_dir.glob("*.yaml"):
        now = p.read_text(encoding="utf-8")
        if p != target:
            assert now == before[p.name]
            continue
        diff = [d for d in difflib.unified_diff(before[p.name].splitlines(), now.splitlines(), lineterm="", n=0) if d[:1] in "+-" and d[:3] not in ("+++", "---")]
        assert len(diff) == 1 and diff[0][0] == "+" and diff[0][1:].strip() == f"- {ANTARCTIC}"  # one line added
        assert all(line in now for line in before[p.name].splitlines() if "#" in line)  # comments kept
        assert (p.parent / (p.name + ".bak")).read_text(encoding="utf-8") == before[p.name]
    reloaded = AssistService()
    assert reloaded.load(library_dir).ok
    assert ANTARCTIC in reloaded.library.get(second.script_id).examples
    assert ANTARCTIC not in [i.question for i in panel.items]  # gone from the list
    assert ANTARCTIC not in [r[0] for r in _rows(panel)]
    engine = recorder.engine(5)
    assert ANTARCTIC not in [q.question for q in unmatched_queue(engine)]
    assert (second.script_id, ANTARCTIC) in learned.examples_for(engine, "someone else")  # accepted: the whole team
    _refresh(qtbot, panel)
    assert ANTARCTIC not in [i.question for i in panel.items]


def test_accepting_a_learned_example_marks_it_accepted(qtbot, make_panel, recorded, library_dir):
    service, recorder = recorded
    panel = make_panel(service, lambda: recorder.engine(5))
    item = _item(panel, DAYS, "learned")
    _select(qtbot, panel, item)
    assert panel.target == "shipping_time.normal"  # the agents' choice comes first
    _act(qtbot, panel, panel.ui.addExampleButton)
    (group,) = [g for g in learned.groups(recorder.engine(5), status=None) if g.question == DAYS]
    assert group.status == learned.ACCEPTED
    assert f"- {DAYS}" in (library_dir / "shipping.yaml").read_text(encoding="utf-8")
    assert DAYS not in [i.question for i in panel.items]


def test_new_script_from_a_question(qtbot, make_panel, recorded, library_dir):
    service, recorder = recorded
    panel = make_panel(service, lambda: recorder.engine(5))
    _select(qtbot, panel, _item(panel, WAREHOUSE), guesses=False)
    ui = panel.ui
    assert ui.categoryCombo.findData("shipping_time") >= 0 and ui.categoryCombo.findData("invoice") >= 0
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("shipping_time"))
    ui.titleEdit.setText("仓库在哪")
    ui.replyEdit.setPlainText("亲，我们从杭州仓发货～")
    _act(qtbot, panel, ui.createButton)
    reloaded = AssistService()
    assert reloaded.load(library_dir).ok
    (script,) = [s for s in reloaded.library.scripts if s.title == "仓库在哪"]
    assert script.category == "shipping_time" and script.examples == (WAREHOUSE,)
    assert script.replies == ("亲，我们从杭州仓发货～",)
    assert Path(script.file).name == "shipping.yaml"  # beside the other scripts of its category
    assert WAREHOUSE not in [i.question for i in panel.items]
    assert (script.id, WAREHOUSE) in learned.examples_for(recorder.engine(5), "anyone")
    # a second one of the same title at once, before the service has reloaded the library
    _select(qtbot, panel, _item(panel, ABROAD), guesses=False)
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("shipping_time"))
    ui.titleEdit.setText("仓库在哪")
    ui.replyEdit.setPlainText("亲，暂不支持寄往国外～")
    _act(qtbot, panel, ui.createButton)
    assert reloaded.load(library_dir).ok
    ids = [s.id for s in reloaded.library.scripts if s.title == "仓库在哪"]
    assert len(ids) == 2 == len(set(ids))


def test_dismiss_is_for_good_and_usage_figures_still_count(qtbot, make_panel, recorded, library_dir):
    service, recorder = recorded
    panel = make_panel(service, lambda: recorder.engine(5))
    before = {p: p.read_bytes() for p in library_dir.iterdir()}
    total = stats(recorder.engine(5))["total_unmatched"]
    _select(qtbot, panel, _item(panel, ABROAD), guesses=False)
    _act(qtbot, panel, panel.ui.dismissButton)
    assert ABROAD not in [i.question for i in panel.items]
    _refresh(qtbot, panel)
    assert ABROAD not in [i.question for i in panel.items]
    _ask(service, "小李", ABROAD)  # asked again later
    assert recorder.flush(30)
    _refresh(qtbot, panel)
    assert ABROAD not in [i.question for i in panel.items]
    assert stats(recorder.engine(5))["total_unmatched"] == total + 1
    assert {p: p.read_bytes() for p in library_dir.iterdir()} == before  # 忽略 writes no file
    # a learned example dismissed is rejected: its later copies stay out of the queue too
    _select(qtbot, panel, _item(panel, DAYS, "learned"))
    _act(qtbot, panel, panel.ui.dismissButton)
    _ask(service, "小李", DAYS, CHOSEN)
    assert recorder.flush(30)
    _refresh(qtbot, panel)
    assert DAYS not in [i.question for i in panel.items if i.kind == "learned"]


def test_a_flow_list_file_gives_the_banner_and_changes_nothing(qtbot, make_panel, recorded, library_dir):
    service, recorder = recorded
    (library_dir / "warranty.yaml").write_text(FLOW, encoding="utf-8")
    assert service.load(library_dir).ok
    panel = make_panel(service, lambda: recorder.engine(5))
    before = {p: p.read_bytes() for p in library_dir.iterdir()}
    item = _item(panel, WAREHOUSE)
    _select(qtbot, panel, item, guesses=False)
    ui = panel.ui
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("care_warranty"))
    ui.titleEdit.setText("保修去哪里修")
    ui.replyEdit.setPlainText("亲，寄回仓库就好～")
    with qtbot.waitSignal(panel.actionFailed, timeout=20000) as failed:
        ui.createButton.click()
    assert "未写入话术库" in failed.args[0] and "warranty.yaml" in failed.args[0]
    assert ui.reviewBanner.isVisible() and ui.reviewBannerLabel.text() == failed.args[0]
    assert {p: p.read_bytes() for p in library_dir.iterdir()} == before
    assert item in panel.items and panel.selected == item
    assert WAREHOUSE in [q.question for q in unmatched_queue(recorder.engine(5))]
    assert ui.createButton.isEnabled()  # the team lead can change the category and try again


def test_database_unavailable_gives_the_banner(qtbot, make_panel, recorded, library_dir, tmp_path):
    from sqlalchemy import create_engine

    service, recorder = recorded
    down = create_engine(f"sqlite:///{tmp_path / 'no' / 'such' / 'folder' / 'usage.sqlite3'}")
    state = {"engine": recorder.engine(5)}
    panel = make_panel(service, lambda: state["engine"])
    before = {p: p.read_bytes() for p in library_dir.iterdir()}
    item = _item(panel, ANTARCTIC)
    _select(qtbot, panel, item)
    panel.choose_guess(1)
    state["engine"] = down
    for button in (panel.ui.addExampleButton, panel.ui.dismissButton):
        with qtbot.waitSignal(panel.actionFailed, timeout=20000) as failed:
            button.click()
        assert failed.args[0].startswith("数据库不可用")
        assert panel.ui.reviewBanner.isVisible()
        assert item in panel.items
    assert {p: p.read_bytes() for p in library_dir.iterdir()} == before
    # reading the queue with the database down: the banner, the list as it was
    with qtbot.waitSignal(panel.actionFailed, timeout=20000) as failed:
        panel.refresh()
    assert failed.args[0].startswith("读取待处理失败") and item in panel.items
    down.dispose()


def test_edit_this_script_asks_the_host_and_a_long_question_stays_readable(qtbot, make_panel, recorded):
    service, recorder = recorded
    hidden = make_panel(service, lambda: recorder.engine(5))
    assert hidden.ui.openScriptButton.isHidden()  # no editor to open it in
    panel = make_panel(service, lambda: recorder.engine(5), open_scripts=True)
    _select(qtbot, panel, _item(panel, DAYS, "learned"))
    with qtbot.waitSignal(panel.openScript, timeout=5000) as opened:
        panel.ui.openScriptButton.click()
    assert opened.args == ["shipping_time.normal"]
    long_question = "请问" + "这个东西" * 600
    _ask(service, "小美", long_question)
    assert recorder.flush(30)
    _refresh(qtbot, panel)
    item = next(i for i in panel.items if i.question.startswith("请问这个东西"))
    _select(qtbot, panel, item, guesses=False)
    assert len(panel.ui.questionLabel.text()) <= 201 and panel.ui.questionLabel.toolTip() == item.question


def test_an_empty_queue_says_so(qtbot, make_panel, tmp_path):
    from kefu_assist.store.db import open_database

    engine = open_database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    service = AssistService()
    panel = make_panel(service, lambda: engine)
    assert panel.items == []
    assert panel.ui.summaryLabel.text() == "空"
    assert panel.ui.emptyLabel.isVisible() and "为空" in panel.ui.emptyLabel.text()
    assert not panel.ui.splitter.isVisible()
    db_pool().waitForDone(10000)
    engine.dispose()


# -- mounted in the sidebar: Ctrl+Shift+R and the tray menu, for team leads only -----------------------
def test_the_sidebar_opens_it_only_with_team_lead_tools_on(qtbot, usage_window, library_dir, tmp_path):
    from PySide6.QtCore import Qt

    from kefu_assist import settings as core_settings
    from kefu_assist.ui.settings_dialog import SettingsDialog

    window = usage_window(library_dir, f"sqlite:///{tmp_path / 'sidebar.sqlite3'}")
    assert window.prefs.team_lead_tools is True  # the default
    window.service.unmatched(ABROAD)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    editor, review = window.editor_entry.editor, window.editor_entry.review_panel
    assert editor is not None and editor.isVisible() and review is not None
    assert editor.ui.tabs.currentWidget() is review.widget  # the editor, opened on its 待处理 tab
    assert editor.ui.tabs.tabText(editor.ui.tabs.currentIndex()) == "待处理"
    qtbot.waitUntil(lambda: ABROAD in [i.question for i in review.items], timeout=20000)  # the spooled question went in first

    window.apply_preferences(core_settings.Preferences(**{**window.prefs.__dict__, "team_lead_tools": False}))
    assert not editor.isVisible()  # turned off: the open window goes too
    assert core_settings.load().preferences.team_lead_tools is False
    assert window.tray.menu() is not None and window.tray.review is not None and not window.tray.review.isVisible()
    window.open_review()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not editor.isVisible()
    # 设置's OK keeps what the team lead put in the file
    dialog = SettingsDialog(window.prefs)
    qtbot.addWidget(dialog)
    assert dialog.preferences().team_lead_tools is False
    window.apply_preferences(core_settings.Preferences(**{**window.prefs.__dict__, "team_lead_tools": True}))
    assert window.tray.review.isVisible()


def test_in_the_editor_window_an_item_opens_its_script_and_an_accept_is_read_back(qtbot, usage_window, library_dir, tmp_path):
    """The sidebar mounts 待处理 as the editor's second tab: 编辑话术… on an item shows the script
    in the editor's form, and an example written from the queue is in the editor's next read."""
    from PySide6.QtCore import Qt

    window = usage_window(library_dir, f"sqlite:///{tmp_path / 'sidebar.sqlite3'}")
    window.service.unmatched(ABROAD)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    editor, panel = window.editor_entry.editor, window.editor_entry.review_panel
    assert editor is not None and panel is not None and panel.ui.openScriptButton.isVisibleTo(panel.widget)
    qtbot.waitUntil(lambda: ABROAD in [i.question for i in panel.items], timeout=20000)
    qtbot.waitUntil(lambda: editor.library is not None, timeout=20000)
    _select(qtbot, panel, _item(panel, ABROAD), guesses=False)
    panel.choose_script("shipping_fee.free")
    with qtbot.waitSignal(editor.libraryLoaded, timeout=20000):  # the write makes the editor read again
        _act(qtbot, panel, panel.ui.addExampleButton)
    assert ABROAD in editor.library.get("shipping_fee.free").examples
    panel.openScript.emit("shipping_fee.free")
    assert editor.ui.tabs.currentIndex() == 0
    assert editor.ui.titleEdit.text() == "包邮说明"
    assert ABROAD in editor.ui.examplesEdit.toPlainText().splitlines()
    # one window: 待处理… again (the tray's entry, Ctrl+Shift+R) brings its 待处理 tab back
    window.open_review()
    assert window.editor_entry.editor is editor and editor.ui.tabs.currentWidget() is panel.widget


def test_the_done_message_stays_one_line_under_the_header_until_the_queue_is_empty(qtbot, make_panel, recorded):
    """Seen in the end-to-end flow's screenshot of 待处理: once the last item was done, the green
    message stood in the middle of an empty half of the window (the message's label and the
    empty-queue label shared the height the hidden list left). After every action, with items left
    or none, the message keeps its own height, right under the header."""
    service, recorder = recorded
    panel = make_panel(service, lambda: recorder.engine(5))
    ui = panel.ui
    while panel.items:
        _select(qtbot, panel, panel.items[0], guesses=False)
        _act(qtbot, panel, ui.dismissButton)
        qtbot.waitUntil(lambda: ui.noticeLabel.isVisible())
        QApplication.processEvents()
        notice = ui.noticeLabel
        assert notice.height() <= notice.heightForWidth(notice.width()) + 4, (len(panel.items), notice.height())
        assert notice.y() <= ui.refreshButton.geometry().bottom() + 20
    assert ui.emptyLabel.isVisible() and ui.emptyLabel.height() > 300
