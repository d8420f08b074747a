"""Each panel on its own: built over the compiled form with a loaded service, no MainWindow and no
other panel. (The agent's sequences through the whole window are in test_agent_sequences.py.)"""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QLabel

from kefu_assist.ui.favourites import Favourites


class FakeRecorder:
    def __init__(self):
        self.copies = []
        self.unmatched = []

    def record_copy(self, event, agent):
        self.copies.append((event, agent))

    def record_unmatched(self, question, agent):
        self.unmatched.append((question, agent))


CODED = textwrap.dedent(
    """\
    version: 1
    categories:
      shipping_fee: 运费
      invoice: 发票
    scripts:
      - id: shipping_fee.free
        category: shipping_fee
        title: 包邮说明
        code: by
        examples: [包邮吗, 包不包邮, 运费多少]
        keywords: [包邮, 运费]
        replies: ["亲，本店全场包邮，您放心下单～"]
      - id: shipping_fee.remote
        category: shipping_fee
        title: 偏远地区运费
        code: byp
        examples: [新疆包邮吗, 西藏发不发]
        replies: ["亲，偏远地区需要补运费，拍下后联系客服改价～"]
      - id: invoice.free
        category: invoice
        title: 开发票
        code: fp
        examples: [能开发票吗, 可以开专票吗]
        keywords: [发票]
        replies: ["亲，可以开发票，下单后把抬头和税号发给客服就好～"]
    """
)


def loaded_library(ui, path: Path, *, index: bool = True):
    """A LibraryController with the service loaded here, synchronously (no load job)."""
    from kefu_assist.service import AssistService
    from kefu_assist.ui.library_ctl import LibraryController

    service = AssistService()
    service.load(path)
    service.recorder = FakeRecorder()
    lib = LibraryController(ui, service, path)
    if index:
        lib.index = service.search_index()
    return lib


@pytest.fixture
def coded_file(tmp_path) -> Path:
    path = tmp_path / "coded.yaml"
    path.write_text(CODED, encoding="utf-8")
    return path


# -- favourites: the state alone, no Qt ------------------------------------------------------------
def test_favourites_state_keeps_star_order_and_recent_on_top():
    fav = Favourites()
    fav.loaded(["a", "b", "a"], ["x", "y"])
    assert fav.order == ["a", "b"] and "a" in fav and "x" not in fav
    assert fav.toggle("c") is True and fav.order == ["a", "b", "c"]
    assert fav.toggle("a") is False and fav.order == ["b", "c"]
    assert fav.set("b", True) is False  # already a favourite: nothing changes
    fav.note_copied("y")
    fav.note_copied("z")
    assert fav.recent == ["z", "y", "x"]
    for i in range(20):
        fav.note_copied(f"s{i}")
    assert len(fav.recent) == 10 and fav.recent[0] == "s19"
    assert fav.sections(lambda sid: sid != "c") == {"favourite": ["b"], "recent": fav.recent}


def test_favourites_module_imports_no_qt():
    import subprocess
    import sys

    code = "import sys, kefu_assist.ui.favourites; assert not [m for m in sys.modules if m.startswith('PySide6')]"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# -- suggestions -------------------------------------------------------------------------------------
def _suggest(ui, library_file):
    from kefu_assist.ui.clipboard import ClipboardWatcher
    from kefu_assist.ui.suggest_panel import SuggestPanel

    lib = loaded_library(ui, library_file)
    panel = SuggestPanel(ui, lib, Favourites(), ClipboardWatcher())
    return panel, lib


def test_matched_words_are_highlighted_in_the_message_and_on_the_card(qtbot, form, library_file):
    panel, _lib = _suggest(form, library_file)
    panel.set_message("这个包邮吗")
    top = panel.views[0]
    assert top.suggestion.confident and "包邮" in top.suggestion.matched_terms
    selections = form.messageEdit.extraSelections()
    marked = {s.cursor.selectedText() for s in selections}
    assert "包邮" in marked
    assert all(s.format.fontWeight() == QFont.Weight.Bold for s in selections)
    assert '<b style="color:' in panel.cards[0].title.text() + panel.cards[0].reply.text()
    # a message with no confident match has nothing marked
    panel.set_message("zzqq")
    assert form.messageEdit.extraSelections() == []


def test_every_occurrence_of_a_term_is_marked():
    from kefu_assist.ui.suggest_panel import message_spans

    assert message_spans("包邮吗？包邮！", {"包邮", " "}) == [(0, 2), (4, 6)]
    assert message_spans("能便宜点吗", {"便宜点", "便宜"}) == [(1, 4), (1, 3)]


def test_enter_asks_for_a_copy_of_the_confident_card_only(qtbot, form, library_file):
    panel, _lib = _suggest(form, library_file)
    asked = []
    panel.copyRequested.connect(asked.append)
    panel.set_message("能开发票吗")
    qtbot.keyClick(form.messageEdit, Qt.Key.Key_Return)
    assert [r.script.id for r in asked] == ["invoice.free"] and asked[0].rank == 1 and asked[0].question == "能开发票吗"
    panel.set_message("zzqq")
    toasts = []
    panel.toastRequested.connect(lambda text, warn: toasts.append((text, warn)))
    qtbot.keyClick(form.messageEdit, Qt.Key.Key_Return)
    assert len(asked) == 1 and toasts and toasts[0][1] is True


def test_slash_and_a_short_code_offers_that_script_first(qtbot, form, coded_file):
    panel, _lib = _suggest(form, coded_file)
    panel.set_message("/by")
    assert [v.script.id for v in panel.views] == ["shipping_fee.free", "shipping_fee.remote"]
    assert panel.selected == 0 and "/by" in form.stateLabel.text()
    panel.set_message("/BYP")  # typed in capitals: codes are folded
    assert [v.script.id for v in panel.views] == ["shipping_fee.remote"]
    panel.set_message("/nope")
    assert panel.views == [] and panel.selected == -1
    panel.settle.timeout.emit()
    assert panel.library.service.recorder.unmatched == []  # a code is not a buyer question


# -- browse ------------------------------------------------------------------------------------------
def _browse(ui, path, *, index=True):
    from kefu_assist.ui.browse_panel import BrowsePanel

    lib = loaded_library(ui, path, index=index)
    panel = BrowsePanel(ui, lib, Favourites())
    panel.library_changed()
    return panel


def test_browse_finds_by_pinyin_initials_and_marks_the_title(qtbot, form, coded_file):
    panel = _browse(form, coded_file)
    form.searchEdit.setText("kfp")  # 开发票: initials
    assert panel.shown_ids == ["invoice.free"]
    assert '<b style="color:' in panel.marked(0) and "开发票" in panel.marked(0)
    form.searchEdit.setText("包邮")
    assert panel.shown_ids[0] == "shipping_fee.free"
    assert panel.marked(0).split("<b")[1].split(">", 1)[1].startswith("包邮</b>")
    form.searchEdit.setText("byp")  # a 快捷编码: said after the title
    assert panel.shown_ids == ["shipping_fee.remote"] and "编码" in panel.marked(0) and ">byp</b>" in panel.marked(0)
    form.searchEdit.setText("")
    assert panel.marked(0) is None  # listing everything marks nothing


def test_browse_says_when_nothing_is_found(qtbot, form, coded_file):
    panel = _browse(form, coded_file)
    form.searchEdit.setText("洗衣机")
    assert panel.shown_ids == []
    assert form.scriptList.count() == 1 and "没有找到" in form.scriptList.item(0).text()
    assert panel.preview.isHidden()


def test_browse_without_the_index_yet_filters_plainly(qtbot, form, coded_file):
    panel = _browse(form, coded_file, index=False)
    form.searchEdit.setText("发票")
    assert panel.shown_ids == ["invoice.free"]


def test_browse_copies_the_previewed_script(qtbot, form, coded_file):
    panel = _browse(form, coded_file)
    asked = []
    panel.copyRequested.connect(asked.append)
    form.searchEdit.setText("fp")
    qtbot.keyClick(form.searchEdit, Qt.Key.Key_Return)
    assert [(r.script.id, r.source, r.rank) for r in asked] == [("invoice.free", "browse", None)]


# -- the copy flow -------------------------------------------------------------------------------------
def test_copy_flow_renders_asks_for_missing_values_and_records(qtbot, form, library_file):
    from kefu_assist.ui.clipboard import ClipboardWatcher
    from kefu_assist.ui.copy_flow import CopyFlow, CopyRequest

    lib = loaded_library(form, library_file)
    flow = CopyFlow(form, lib, ClipboardWatcher())
    copied = []
    flow.copied.connect(lambda sid, text: copied.append((sid, text)))
    script = lib.service.library.get("logistics.tracking")
    flow.request(CopyRequest(script, 0, "suggest", 1, 0.9, "快递到哪了", 3.0))
    assert flow.form.isVisible() and copied == []
    flow.form.fields["tracking_no"].setText("SF123")
    flow.form.confirm()
    assert copied and "SF123" in copied[0][1] and QGuiApplication.clipboard().text() == copied[0][1]
    event, _agent = lib.service.recorder.copies[0]
    assert (event.script_id, event.rank, event.question, event.seconds_to_copy) == ("logistics.tracking", 1, "快递到哪了", 3.0)
    # from 浏览全部: no rank, so no question or timing is recorded
    flow.request(CopyRequest(lib.service.library.get("invoice.free"), 0, "browse", question="ignored", seconds=1.0))
    event, _agent = lib.service.recorder.copies[1]
    assert event.rank is None and event.question == "" and event.seconds_to_copy is None


# -- library loading -------------------------------------------------------------------------------------
def test_reloads_asked_for_during_a_load_run_once_after_it(qtbot, form, library_file):
    from kefu_assist.ui.library_ctl import LibraryController

    lib = LibraryController(form, None, library_file)
    loads = []
    lib.ready.connect(loads.append)
    with qtbot.waitSignal(lib.ready, timeout=15000):
        lib.reload()
        lib.reload()
        lib.reload()
    qtbot.waitUntil(lambda: len(loads) == 2, timeout=15000)
    qtbot.wait(200)
    assert len(loads) == 2 and lib.is_ready and not lib.loading
    qtbot.waitUntil(lambda: lib.index is not None, timeout=15000)
    assert lib.index.library is lib.service.library


def test_banner_content_for_each_kind_of_load(tmp_path):
    from kefu_assist.library.model import LoadResult, Problem
    from kefu_assist.ui.library_ctl import banner_for

    path = tmp_path / "s.yaml"
    broken = banner_for(LoadResult(None, (Problem(str(path), 3, "bad YAML"),)), None, path)
    assert broken is not None and "无法加载" in broken.head and f"{path}:3" in broken.details and not broken.held


def test_background_helper_keeps_the_latest_result_only(qtbot):
    import threading

    from kefu_assist.ui.workers import Background

    helper = Background()
    gate = threading.Event()
    got, failed = [], []
    helper.run(lambda: gate.wait(5) and "old", got.append, failed.append)
    helper.run(lambda: "new", got.append, failed.append)
    qtbot.waitUntil(lambda: got == ["new"], timeout=5000)
    gate.set()
    qtbot.wait(100)
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)
    assert got == ["new"]
    helper.run(lambda: 1 / 0, got.append, failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert "division" in failed[0]


def test_background_drops_a_result_arriving_after_its_owner_was_deleted(qtbot):
    """A closed window's worker result must not reach its deleted widgets (it raised
    'Internal C++ object already deleted' in the event loop)."""
    import threading

    from PySide6.QtCore import QObject, QThreadPool
    from shiboken6 import delete

    from kefu_assist.ui.workers import Background

    owner = QObject()
    gate = threading.Event()
    got, failed = [], []
    for op in (lambda: gate.wait(5) and "late", lambda: gate.wait(5) and 1 / 0):
        helper = Background(owner)
        helper.run(op, got.append, failed.append)
    delete(owner)
    gate.set()
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(100)
    assert got == [] and failed == []


def test_a_query_hitting_hundreds_lists_the_first_ones_and_says_so(qtbot, form, tmp_path):
    from kefu_assist.ui.browse_panel import SHOWN

    rows = "\n".join(
        f"  - id: size.q{i}\n    category: size\n    title: 尺码问题{i}\n    examples: [尺码{i}怎么选]\n    replies: [\"亲，尺码{i}请看详情页～\"]"
        for i in range(SHOWN + 20)
    )
    path = tmp_path / "many.yaml"
    path.write_text(f"version: 1\ncategories:\n  size: 尺码\nscripts:\n{rows}\n", encoding="utf-8")
    panel = _browse(form, path)
    form.searchEdit.setText("尺码问题")
    assert len(panel.shown_ids) == SHOWN and panel.shown_ids[0] == "size.q0"
    last = form.scriptList.item(form.scriptList.count() - 1)
    assert "只列出前" in last.text() and not last.flags() & Qt.ItemFlag.ItemIsSelectable
    form.searchEdit.setText("尺码问题219")
    assert panel.shown_ids == ["size.q219"] and form.scriptList.count() == 1


# -- 常用 and 统计, over a stand-in usage controller ----------------------------------------------------
def make_usage(available: bool = True):
    from PySide6.QtCore import QObject, Signal

    class Usage(QObject):
        listsLoaded = Signal(list, list)
        listsFailed = Signal(str)
        favouriteToggled = Signal(str, bool)
        favouriteFailed = Signal(str, str)
        statsLoaded = Signal(object)
        statsFailed = Signal(str)

        def __init__(self):
            super().__init__()
            self.available = available
            self.started = available
            self.error = None
            self.db_label = "test.sqlite"
            self.calls = []

        def load_lists(self, agent, *, flush_first=False):
            self.calls.append(("lists", agent))
            return self.available

        def toggle_favourite(self, agent, script_id):
            self.calls.append(("toggle", agent, script_id))
            return self.available

        def load_stats(self, since, agent, library, *, flush_first=False):
            self.calls.append(("stats", since, agent))
            return self.available

    return Usage()


def test_usual_panel_lists_favourites_then_recent_and_stars_at_once(qtbot, form, library_file):
    from kefu_assist.ui.usual_panel import UsualPanel

    lib = loaded_library(form, library_file)
    usage = make_usage()
    panel = UsualPanel(form, lib, usage, lambda: "阿青")
    changes = []
    panel.changed.connect(lambda: changes.append(1))
    usage.listsLoaded.emit(["invoice.free", "gone.script"], ["greeting.hello"])
    assert panel.ids == {"favourite": ["invoice.free"], "recent": ["greeting.hello"]}  # a removed script is left out
    assert changes and form.usualList.item(0).text() == "收藏（1）"
    panel.toggle("bargain.general")
    assert panel.ids["favourite"] == ["invoice.free", "bargain.general"]
    assert usage.calls[-1] == ("toggle", "阿青", "bargain.general")
    usage.favouriteToggled.emit("bargain.general", False)  # the database says otherwise: it wins
    assert panel.ids["favourite"] == ["invoice.free"]
    asked = []
    panel.copyRequested.connect(asked.append)
    form.usualList.setCurrentRow(1)
    qtbot.keyClick(form.usualList, Qt.Key.Key_Return)
    assert [(r.script.id, r.source) for r in asked] == [("invoice.free", "usual")]


def test_usual_panel_without_a_database_says_so_and_stars_nothing(qtbot, form, library_file):
    from kefu_assist.ui.usual_panel import UsualPanel

    lib = loaded_library(form, library_file)
    usage = make_usage(available=False)
    panel = UsualPanel(form, lib, usage, lambda: "")
    toasts = []
    panel.toastRequested.connect(lambda text, _warn: toasts.append(text))
    panel.refresh()
    assert "没有使用记录数据库" in form.usualState.text() and panel.ids == {"favourite": [], "recent": []}
    panel.toggle("invoice.free")
    assert "invoice.free" not in panel.state and toasts == ["未连接数据库，无法收藏"]
    assert not [c for c in usage.calls if c[0] == "toggle"]


def test_stats_panel_is_built_when_first_needed_and_shows_why_it_has_nothing(qtbot, form, library_file):
    from kefu_assist.ui.stats_panel import StatsPanel

    lib = loaded_library(form, library_file)
    usage = make_usage(available=False)
    panel = StatsPanel(form, lib, usage)
    assert not panel.built and form.statsTab.layout().count() == 0
    panel.refresh()
    assert panel.built and form.statsTab.layout().count() == 1
    texts = " ".join(label.text() for label in panel.view.findChildren(QLabel))
    assert "没有使用记录数据库" in texts
    usage.available = True
    panel.refresh()
    assert usage.calls[-1][0] == "stats"
    usage.statsFailed.emit("timeout")
    texts = " ".join(label.text() for label in panel.view.findChildren(QLabel))
    assert "读取统计失败" in texts and "timeout" in texts
