"""The panel controllers that were tested only through the whole MainWindow, each built here on
its own: over the compiled form (or a bare host widget), with the real clipboard, the real
service and, for the learned examples, a real SQLite usage store. Fakes stand only at the true
boundaries: the operating system's hotkey backend. No MainWindow, no other panel (the
LibraryController is the library's source every panel is handed, built here with the service
loaded synchronously, as in test_panels.py)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kefu_assist.ui.copy_request import BROWSE, USUAL, CopyRequest

from .fake_hotkey import FakeBackend

HERE = Path(__file__).resolve().parent
MOOD_LIBRARY = HERE / "mood_library.yaml"
SENTINEL = "（剪贴板里原来的内容）"


def loaded(ui, path: Path):
    from kefu_assist.service import AssistService
    from kefu_assist.ui.library_ctl import LibraryController

    service = AssistService()
    service.load(path)
    return LibraryController(ui, service, path)


def clipboard():
    return QGuiApplication.clipboard()


# -- 检查 (check_panel.CheckPanel) -------------------------------------------------------------------
def _checker(form, library_file):
    from kefu_assist.ui.check_panel import CheckPanel

    lib = loaded(form, library_file)
    return CheckPanel(form, lib), lib


def test_check_panel_adds_its_tab_and_checks_after_the_pause_not_the_keystroke(qtbot, form, library_file):
    from kefu_assist.ui.check_panel import BLOCK_COLOUR, EMPTY_TEXT, WARN_COLOUR

    panel, _lib = _checker(form, library_file)
    assert form.tabs.tabText(panel.tab_index) == "检查" and panel.status.text() == EMPTY_TEXT
    form.tabs.setCurrentIndex(panel.tab_index)
    reply = "亲，这款绝对不掉色。加我微信送您优惠券～"
    seen = []
    panel.checked.connect(seen.append)
    panel.edit.setFocus()
    panel.edit.insertPlainText(reply)  # as an input method commits it
    assert panel.debounce.isActive() and seen == []  # typing is never checked keystroke by keystroke
    with qtbot.waitSignal(panel.checked, timeout=2000):
        pass
    findings = seen[-1]
    assert findings == panel.findings and {f.rule for f in findings} >= {"absolute_claim", "off_platform"}
    marks = sorted((s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.underlineColor().name()) for s in panel.edit.extraSelections())
    assert marks == sorted((f.start, f.end, BLOCK_COLOUR if f.blocking else WARN_COLOUR) for f in findings)
    assert [r.finding for r in panel.rows] == findings and all(r.isVisible() for r in panel.rows)
    assert "会扣分" in panel.status.text()


def test_check_panel_rewording_click_and_clean_text(qtbot, form, library_file):
    from kefu_assist.ui.check_panel import EMPTY_TEXT

    panel, _lib = _checker(form, library_file)
    panel.set_text("亲，这款绝对不掉色。加我微信送您优惠券～")
    assert form.tabs.currentIndex() == panel.tab_index
    word = next(r for r in panel.rows if r.finding.rule == "absolute_claim" and r.finding.replacement)
    qtbot.mouseClick(word.applyButton, Qt.MouseButton.LeftButton)
    assert "绝对" not in panel.text and word.finding.replacement in panel.text
    sentence = next(r for r in panel.rows if r.finding.rule == "off_platform")
    qtbot.mouseClick(sentence.applyButton, Qt.MouseButton.LeftButton)
    assert "微信" not in panel.text and not any(f.blocking for f in panel.findings)
    panel.set_text("亲，本店全场包邮，您放心下单～")
    assert panel.findings == [] and panel.rows == [] and panel.edit.extraSelections() == []
    assert "没有发现问题" in panel.status.text()
    panel.set_text("   ")
    assert panel.status.text() == EMPTY_TEXT


def test_check_panel_before_the_library_says_it_waits(qtbot, form, library_file):
    from kefu_assist.ui.check_panel import CheckPanel
    from kefu_assist.ui.library_ctl import LibraryController

    panel = CheckPanel(form, LibraryController(form, None, library_file))
    assert panel.set_text("亲，加我微信") == [] and "加载后" in panel.status.text()
    assert panel.take_clipboard("亲，加我微信哦，您放心～") is False  # nothing to check against: left to the suggestions


def test_check_panel_takes_the_agents_own_reply_from_the_clipboard_and_leaves_questions(qtbot, form, library_file):
    panel, lib = _checker(form, library_file)
    toasts = []
    panel.toastRequested.connect(lambda text, warn: toasts.append((text, warn)))
    form.tabs.setCurrentIndex(0)
    own = lib.service.render("shipping_fee.free").text.replace("您放心下单", "加我微信再便宜点")
    assert panel.take_clipboard(own) is True
    assert panel.text == own.strip() and form.tabs.currentIndex() == panel.tab_index
    assert toasts[-1][1] is True and toasts[-1][0].startswith("回复里有 1 处会扣分")
    form.tabs.setCurrentIndex(0)
    clean = "亲，这个颜色很百搭的，您放心拍哦～"
    assert panel.take_clipboard(clean) is True and panel.text == clean
    assert form.tabs.currentIndex() == 0 and toasts[-1] == ("复制的回复已检查，没有问题", False)  # stays on the suggestions
    assert panel.take_clipboard("亲，这个包邮吗？") is False and panel.text == clean


def test_mood_chip_shows_the_cues_of_an_upset_buyer_only(qtbot):
    from kefu_assist.checker import mood
    from kefu_assist.ui.mood_chip import MoodChip

    chip = MoodChip()
    qtbot.addWidget(chip)
    upset = mood("你们到底什么垃圾服务！！！我要投诉")
    assert upset.upset
    chip.show_mood(upset)
    assert not chip.isHidden() and "买家情绪激动" in chip.text()
    assert all(c.text in chip.toolTip() for c in upset.cues if c.text)
    chip.show_mood(mood("请问什么时候发货"))
    assert chip.isHidden() and chip.toolTip() == ""
    chip.show_mood(upset)
    chip.show_mood(None)
    assert chip.isHidden()


# -- the copy flow's question before a reply that costs points -------------------------------------------
def test_copy_flow_asks_before_a_blocking_reply_and_copies_only_when_told(qtbot, form, library_file):
    from kefu_assist.ui.clipboard import ClipboardWatcher
    from kefu_assist.ui.copy_flow import CopyFlow

    lib = loaded(form, library_file)
    flow = CopyFlow(form, lib, ClipboardWatcher(), context=lambda: ("快递到哪了", 2.0))
    copied, closed, toasts = [], [], []
    flow.copied.connect(lambda sid, text: copied.append(text))
    flow.formClosed.connect(closed.append)
    flow.toastRequested.connect(lambda text, warn: toasts.append((text, warn)))
    clipboard().setText(SENTINEL)
    flow.request(CopyRequest(lib.service.library.get("logistics.tracking"), 0, BROWSE))
    flow.form.fields["tracking_no"].setText("加V12345")
    qtbot.mouseClick(flow.form.okButton, Qt.MouseButton.LeftButton)
    box = flow.confirmBox
    assert box is not None and "加V" in box.text() and clipboard().text() == SENTINEL
    qtbot.mouseClick(next(b for b in box.buttons() if b.text().startswith("不复制")), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.confirmBox is None)
    assert copied == [] and clipboard().text() == SENTINEL and toasts[-1] == ("没有复制：回复里有会扣分的内容", True)
    assert flow.form.isVisible() and flow.form.fields["tracking_no"].text() == "加V12345"
    qtbot.mouseClick(flow.form.okButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(flow.copied):
        qtbot.mouseClick(next(b for b in flow.confirmBox.buttons() if b.text() == "仍然复制"), Qt.MouseButton.LeftButton)
    assert "加V12345" in clipboard().text() == copied[0] and closed == [BROWSE] and not flow.form.isVisible()


def test_copy_flow_cancel_drops_the_open_form(qtbot, form, library_file):
    from kefu_assist.ui.clipboard import ClipboardWatcher
    from kefu_assist.ui.copy_flow import CopyFlow

    lib = loaded(form, library_file)
    flow = CopyFlow(form, lib, ClipboardWatcher())
    copied = []
    flow.copied.connect(lambda *a: copied.append(a))
    flow.request(CopyRequest(lib.service.library.get("logistics.tracking"), 0, USUAL))
    assert flow.form.isVisible()
    flow.cancel()
    assert not flow.form.isVisible()
    flow._form_accepted({"tracking_no": "SF1"})  # a late accept of the dropped form copies nothing
    assert copied == []


# -- the tray (tray_ctl.TrayController) ---------------------------------------------------------------------
def test_tray_menu_asks_the_shell_by_signals(qtbot):
    from kefu_assist.ui.tray_ctl import TrayController

    host = QWidget()
    qtbot.addWidget(host)
    tray = TrayController(host)
    menu = tray.menu()
    actions = {a.text(): a for a in menu.actions()}
    assert list(actions) == ["显示窗口", "暂停监听剪贴板", "设置…", "待处理…（组长）", "退出"]
    got = []
    tray.reviewRequested.connect(lambda: got.append("review"))
    actions["待处理…（组长）"].trigger()
    assert got == ["review"]
    tray.set_team_lead(False)  # the team_lead_tools setting off: the entry goes
    assert not actions["待处理…（组长）"].isVisible() and actions["设置…"].isVisible()
    got.clear()
    tray.showRequested.connect(lambda: got.append("show"))
    tray.settingsRequested.connect(lambda: got.append("settings"))
    tray.pauseToggled.connect(lambda on: got.append(("pause", on)))
    tray.quitRequested.connect(lambda: got.append("quit"))
    actions["显示窗口"].trigger()
    actions["设置…"].trigger()
    actions["暂停监听剪贴板"].trigger()
    assert got == ["show", "settings", ("pause", True)]
    tray.set_watching(True)  # the sidebar turned the watch back on: the menu follows, silently
    assert not actions["暂停监听剪贴板"].isChecked() and got[-1] == ("pause", True)
    tray.set_watching(False)
    assert actions["暂停监听剪贴板"].isChecked() and len(got) == 3
    # no tray icon here (offscreen): closing never hides to a tray the agent cannot come back from
    assert tray.icon is None and tray.keeps_window(True) is False
    actions["退出"].trigger()
    assert got[-1] == "quit" and tray.quitting


def test_tray_keeps_the_window_only_with_an_icon_and_until_quit(qtbot):
    from PySide6.QtWidgets import QSystemTrayIcon

    from kefu_assist.ui.tray_ctl import TrayController

    host = QWidget()
    qtbot.addWidget(host)
    tray = TrayController(host)
    tray.icon = QSystemTrayIcon(tray)  # as start() makes it where the desktop has a tray
    assert tray.keeps_window(True) and not tray.keeps_window(False)
    tray.quit()
    assert not tray.keeps_window(True)


# -- the global hotkey (hotkey_ctl.HotkeyController), over a fake OS backend ------------------------------------
def _hotkey(backend):
    from kefu_assist.ui.clipboard import ClipboardWatcher
    from kefu_assist.ui.hotkey_ctl import HotkeyController

    return HotkeyController(ClipboardWatcher(), platform=backend)


def test_hotkey_takes_the_chat_windows_selection_and_pastes_the_reply_back(qtbot):
    backend = FakeBackend(selection="这个包邮吗")
    ctl = _hotkey(backend)
    clipboard().setText(SENTINEL)
    with qtbot.waitSignal(ctl.captured, timeout=3000) as got:
        ctl.trigger()
    assert got.args == ["这个包邮吗"] and ("copy", 7) in backend.log
    clipboard().setText("亲，全场包邮哦～")  # the sidebar copied the reply
    with qtbot.waitSignal(ctl.pasted, timeout=1000):
        ctl.after_copy(True)
    assert backend.log[-1] == ("paste", 7, "亲，全场包邮哦～")
    ctl.after_copy(True)  # pasted once: the next copy stays on the clipboard
    assert backend.log[-1][0] == "paste" and len([e for e in backend.log if e[0] == "paste"]) == 1


def test_hotkey_with_nothing_selected_takes_the_clipboard_as_it_is(qtbot):
    backend = FakeBackend(selection=None)
    ctl = _hotkey(backend)
    clipboard().setText("什么时候发货")
    with qtbot.waitSignal(ctl.captured, timeout=3000) as got:
        ctl.trigger()
    assert got.args == ["什么时候发货"]
    ctl.after_copy(False)  # 粘贴到聊天窗口 off: nothing pasted, and the window is forgotten
    assert not [e for e in backend.log if e[0] == "paste"] and ctl.window is None


def test_hotkey_pressed_in_the_sidebar_itself_reads_the_clipboard_and_pastes_nowhere(qtbot):
    backend = FakeBackend(window=42, selection="不该被复制")
    ctl = _hotkey(backend)
    ctl.own_windows = lambda: {42}
    clipboard().setText("能开发票吗")
    with qtbot.waitSignal(ctl.captured, timeout=1000) as got:
        ctl.trigger()
    assert got.args == ["能开发票吗"] and not [e for e in backend.log if e[0] == "copy"]
    ctl.after_copy(True)
    assert not [e for e in backend.log if e[0] == "paste"]


def test_hotkey_registration_failure_and_a_closed_chat_window_are_said(qtbot):
    from kefu_assist.ui.hotkey_ctl import HotkeyController

    ctl = _hotkey(FakeBackend(fail_start="Ctrl+Alt+K 已被别的程序占用"))
    failures = []
    ctl.failed.connect(failures.append)
    assert ctl.set_hotkey("Ctrl+Alt+K") is False and failures == ["Ctrl+Alt+K 已被别的程序占用"] and ctl.reason() == failures[0]
    good = FakeBackend(window=8, selection="在吗")
    ctl = _hotkey(good)
    ctl.failed.connect(failures.append)
    assert ctl.set_hotkey("ctrl+alt+k") and ctl.error == "" and good.log[-1][0] == "start"
    assert ctl.set_hotkey("ctrl+alt+k") and [e[0] for e in good.log].count("start") == 1  # unchanged: not re-registered
    with qtbot.waitSignal(ctl.captured, timeout=3000):
        ctl.trigger()
    good.alive = False  # the chat window closes before the paste
    ctl.after_copy(True)
    assert failures[-1] == "聊天窗口已关闭，回复留在剪贴板里"
    none = HotkeyController(ctl.clipboard, platform=None)
    assert not none.available and none.set_hotkey("ctrl+alt+k") is False and "offscreen" in none.reason()


# -- Alt+1…9 (hotkey_ctl.PinKeys) --------------------------------------------------------------------------
def test_pin_keys_copy_the_pinned_script_and_pin_the_one_in_view(qtbot, form, library_file):
    from kefu_assist.ui.hotkey_ctl import PinKeys

    lib = loaded(form, library_file)
    pins = {"text": "invoice.free,,gone.script"}
    in_view: list[str | None] = [None]
    keys = PinKeys(form.host, lib, lambda: pins["text"], lambda: in_view[0])
    asked, toasts, changed = [], [], []
    keys.copyRequested.connect(asked.append)
    keys.toastRequested.connect(lambda text, warn: toasts.append((text, warn)))
    keys.pinsChanged.connect(changed.append)
    form.host.activateWindow()
    form.searchEdit.setFocus()
    qtbot.keyClick(form.searchEdit, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # from any widget of the window
    assert [(r.script.id, r.source) for r in asked] == [("invoice.free", USUAL)]
    keys.copy_pin(2)
    assert toasts[-1] == ("Alt+2 还没有固定话术：选中一条话术后按 Alt+Shift+2", True)
    keys.copy_pin(3)
    assert "gone.script 已不在话术库里" in toasts[-1][0] and len(asked) == 1
    keys.pin_current(2)
    assert toasts[-1][1] is True and changed == []  # nothing in view: nothing pinned
    in_view[0] = "invoice.free"
    keys.pin_current(2)  # one key per script: the pin moves from Alt+1 to Alt+2
    assert changed[-1].split(",")[:3] == ["", "invoice.free", "gone.script"] and toasts[-1] == ("已固定到 Alt+2", False)


# -- where the window goes (placement) ----------------------------------------------------------------------
def test_first_start_docks_at_the_right_edge_and_a_saved_geometry_comes_back(qtbot, tmp_path):
    from kefu_assist.ui.placement import WIDTH, keep_on_screen, place

    area = QGuiApplication.primaryScreen().availableGeometry()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = QWidget()
    qtbot.addWidget(window)
    place(window, settings)
    assert window.width() == WIDTH and window.frameGeometry().right() == area.right()
    assert area.contains(window.frameGeometry())
    window.move(area.left() + 10, area.top() + 20)
    window.resize(WIDTH + 40, 500)
    settings.setValue("window/geometry", window.saveGeometry())
    again = QWidget()
    qtbot.addWidget(again)
    place(again, settings)
    assert (again.x(), again.width(), again.height()) == (area.left() + 10, WIDTH + 40, 500)  # not docked: restored
    # a geometry from a wider screen is pulled back inside
    again.setGeometry(QRect(area.right() - 100, area.bottom() + 300, area.width() + 500, 400))
    keep_on_screen(again)
    frame = again.frameGeometry()
    assert area.contains(frame), (frame, area)


# -- learned examples (learned_sync.LearnedSync), over a real SQLite usage store -----------------------------
@contextmanager
def learning_sidebar(qtbot, form, library_file, tmp_path, monkeypatch, *, timer: bool = True) -> Iterator[tuple]:
    """A loaded library, a usage store on a real SQLite file and the learned-examples sync over
    them, for agent 阿青; (sync, service) while the store is open, everything stopped after."""
    from PySide6.QtCore import QThreadPool

    from kefu_assist.ui.learned_sync import LearnedSync
    from kefu_assist.ui.usage import UsageController
    from kefu_assist.ui.workers import db_pool

    monkeypatch.setenv("KEFU_ASSIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("KEFU_ASSIST_DB", raising=False)
    lib = loaded(form, library_file)
    usage = UsageController()
    sync = LearnedSync(lib, usage, lambda: "阿青")
    if not timer:
        sync.timer.stop()  # only the copy's own reads may teach
    try:
        assert sync.sync() is False  # no database yet: nothing to read, nothing breaks
        with qtbot.waitSignal(usage.recorderChanged, timeout=60000):
            usage.start(f"sqlite:///{tmp_path / 'usage.sqlite3'}")
        service = lib.service
        service.recorder = usage.proxy
        service.agent = "阿青"
        yield sync, service
    finally:
        sync.stop()
        usage.close()
        QThreadPool.globalInstance().waitForDone(10000)
        db_pool().waitForDone(10000)


@pytest.mark.slow
def test_learned_sync_teaches_the_matcher_what_the_agent_chose(qtbot, form, library_file, tmp_path, monkeypatch):
    from kefu_assist.events import CopyEvent

    with learning_sidebar(qtbot, form, library_file, tmp_path, monkeypatch) as (sync, service):
        message = "我想问下你们几点下班"
        before = [v.script.id for v in service.suggest(message)]
        assert before[:1] != ["thanks.bye"]
        script = service.library.get("thanks.bye")
        event = CopyEvent(script.id, script.category, 0, None, None, message, 5.0)
        assert event.learn
        service.copied(event)
        with qtbot.waitSignal(sync.changed, timeout=30000, check_params_cb=lambda n: n >= 1) as got:
            sync.after_copy()
        assert got.args == [service.learned_count] and service.learned_count >= 1
        assert service.suggest(message)[0].script.id == "thanks.bye"


def test_a_change_overtaken_by_a_newer_read_of_the_same_examples_is_still_announced(qtbot, form, library_file):
    """After a copy the examples are read, and read again when the copy was still on its way: on
    a loaded machine the second read's rebuild starts before the first one's result arrives. Only
    the latest result is delivered (Background), and the second rebuild changed nothing (the same
    examples), yet the first one did change the matcher: ``changed`` must still say so (it was
    lost, and the sidebar's learned count stayed stale)."""
    import threading

    from PySide6.QtCore import QObject, QThreadPool, Signal

    from kefu_assist.ui.learned_sync import LearnedSync

    class Usage(QObject):  # the signals LearnedSync listens to; no database needed here
        learnedLoaded = Signal(list)
        learnedBehind = Signal()
        recorderChanged = Signal()
        started = False

    lib = loaded(form, library_file)
    service = lib.service
    sync = LearnedSync(lib, Usage(), lambda: "阿青")
    sync.timer.stop()
    real = service.set_learned
    second_started = threading.Event()
    calls = {"n": 0}

    def set_learned(pairs):
        calls["n"] += 1
        if calls["n"] == 1:  # the first rebuild is slow: the second read arrives meanwhile
            assert second_started.wait(10)
        else:
            second_started.set()
        return real(pairs)

    service.set_learned = set_learned
    pairs = [("thanks.bye", "我想问下你们几点下班")]
    try:
        with qtbot.waitSignal(sync.changed, timeout=20000) as got:
            sync._loaded(pairs)
            sync._loaded(pairs)
        assert got.args == [1] and service.learned_count == 1
    finally:
        sync.stop()
        QThreadPool.globalInstance().waitForDone(10000)


def test_a_copy_still_on_its_way_to_the_database_teaches_on_a_later_read(qtbot, form, library_file, tmp_path, monkeypatch):
    """On a loaded machine the writer may not have put the copy in when the examples are read
    (the flush gives up after LIST_TIMEOUT_S): the sync reads again shortly, it does not wait for
    the 30-second timer."""
    import kefu_assist.store.learned as learned_store
    from kefu_assist.events import CopyEvent
    from kefu_assist.store.recorder import Recorder
    from kefu_assist.ui.workers import db_pool

    with learning_sidebar(qtbot, form, library_file, tmp_path, monkeypatch, timer=False) as (sync, service):
        recorder = sync.usage.recorder
        qtbot.waitUntil(lambda: recorder is not None and recorder.engine(10) is not None, timeout=30000)
        db_pool().waitForDone(10000)  # the read the store's opening started is over before the patches
        message = "我想问下你们几点下班"
        script = service.library.get("thanks.bye")
        real_flush, real_examples = Recorder.flush, learned_store.examples_for
        late = {"reads": 0}

        def slow_flush(self, timeout=None):  # the first read comes before the writer
            if late["reads"] == 0:
                return False
            return real_flush(self, timeout)

        def examples_for(engine, agent):
            late["reads"] += 1
            return [] if late["reads"] == 1 else real_examples(engine, agent)

        monkeypatch.setattr(Recorder, "flush", slow_flush)
        monkeypatch.setattr(learned_store, "examples_for", examples_for)
        service.copied(CopyEvent(script.id, script.category, 0, None, None, message, 5.0))
        with qtbot.waitSignal(sync.changed, timeout=20000, check_params_cb=lambda n: n >= 1):
            sync.after_copy()
        assert late["reads"] >= 2
        assert service.suggest(message)[0].script.id == "thanks.bye"
