"""The sidebar's side of issue 14: the hotkey's message shown and the reply pasted back (with a
fake platform backend), Alt+1…9 pinned scripts from any tab, shown in 常用, the tray menu and
close-to-tray (the offscreen platform has no tray: the menu is tested apart from the icon)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kefu_assist import settings as core_settings

REPLY_INVOICE = "亲，可以开发票的，不收任何费用，下单后把抬头和税号发给小美就好～"


class FakeBackend:
    def __init__(self):
        self.log: list[tuple] = []

    def start(self, combo, pressed):
        self.log.append(("start", str(combo)))

    def stop(self):
        self.log.append(("stop",))

    def active_window(self):
        return 7

    def send_copy(self, window):
        self.log.append(("copy", window))

    def paste_into(self, window):
        self.log.append(("paste", window, QGuiApplication.clipboard().text()))
        return True


def _with_backend(window) -> FakeBackend:
    backend = FakeBackend()
    window.hotkey.backend = backend
    return backend


def _prefs(window, **changes):
    return core_settings.Preferences(**{**window.prefs.__dict__, **changes})


def test_hotkey_message_brings_the_hidden_sidebar_up_and_enter_pastes_into_the_chat_window(make_window, library_file, qtbot):
    window = make_window(library_file)
    backend = _with_backend(window)
    window.ui.tabs.setCurrentIndex(1)  # the agent was browsing; the message must show its cards
    window.hide()
    window.hotkey.window = 7  # what the press remembered
    window.hotkey_message("能开发票吗")
    assert window.isVisible() and window.ui.tabs.currentIndex() == 0
    assert window.suggest.cards[0].script.id == "invoice.free"
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(e[0] == "paste" for e in backend.log), timeout=3000)
    assert backend.log[-1] == ("paste", 7, REPLY_INVOICE)


def test_with_paste_to_chat_off_the_reply_stays_on_the_clipboard(make_window, library_file, qtbot):
    window = make_window(library_file)
    window.apply_preferences(_prefs(window, paste_to_chat=False))
    backend = _with_backend(window)
    window.hotkey.window = 7
    window.hotkey_message("能开发票吗")
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == REPLY_INVOICE, timeout=3000)
    qtbot.wait(50)
    assert not any(e[0] == "paste" for e in backend.log) and window.hotkey.window is None


def test_an_empty_message_from_the_hotkey_is_said_not_shown(make_window, library_file):
    window = make_window(library_file)
    window.hotkey_message("  \n")
    assert "没有选中文字" in window.ui.toastLabel.toolTip() and window.message == ""


def test_a_changed_hotkey_setting_re_registers_it(make_window, library_file):
    window = make_window(library_file)
    backend = _with_backend(window)
    window.apply_preferences(_prefs(window, hotkey="Ctrl+Shift+F9"))
    assert ("start", "Ctrl+Shift+F9") in backend.log


def test_alt_shift_n_pins_the_script_in_view_and_alt_n_copies_it_from_any_tab(make_window, library_file, type_message, qtbot):
    window = make_window(library_file)
    type_message(window, "能开发票吗")
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert core_settings.pins_list(window.prefs.pins)[2] == "invoice.free"
    assert core_settings.load().preferences.pins == ",,invoice.free"  # kept in the agent's settings file
    QGuiApplication.clipboard().setText("")
    for tab in range(4):  # 推荐, 浏览全部, 常用, 统计
        window.ui.tabs.setCurrentIndex(tab)
        QGuiApplication.clipboard().setText("")
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
        assert QGuiApplication.clipboard().text() == REPLY_INVOICE, f"Alt+3 on tab {tab}"
    # one key per script: pinned again to 5, slot 3 is free
    window.ui.tabs.setCurrentIndex(0)
    window.pins.pin_current(5)
    assert core_settings.pins_list(window.prefs.pins)[2:5] == ["", "", "invoice.free"]
    QGuiApplication.clipboard().setText("")
    window.pins.copy_pin(3)
    assert QGuiApplication.clipboard().text() == "" and "还没有固定话术" in window.ui.toastLabel.toolTip()


def test_a_pin_whose_script_left_the_library_says_so(make_window, library_file, qtbot):
    window = make_window(library_file)
    window.apply_preferences(_prefs(window, pins="gone.script"))
    window.pins.copy_pin(1)
    assert "已不在话术库里" in window.ui.toastLabel.toolTip()


def test_pins_are_shown_in_the_usual_tab(usage_window, library_file, tmp_path):
    window = usage_window(library_file, f"sqlite:///{tmp_path / 'usage.sqlite3'}")
    window.apply_preferences(_prefs(window, pins="thanks.bye,,invoice.free"))
    window.ui.tabs.setCurrentIndex(2)
    assert window.usual.pinned_ids == ["thanks.bye", "invoice.free"]
    texts = [window.ui.usualList.item(r).text() for r in range(window.ui.usualList.count())]
    assert "Alt+1  致谢结束" in texts and "Alt+3  发票" in texts


def test_tray_menu_pauses_the_clipboard_watch_and_quits_even_with_close_to_tray(make_window, library_file):
    window = make_window(library_file)
    window.apply_preferences(_prefs(window, clipboard_watch=True, close_to_tray=True))
    menu = window.tray.menu()
    actions = {a.text(): a for a in menu.actions()}
    assert list(actions) == ["显示窗口", "暂停监听剪贴板", "设置…", "待处理…（组长）", "退出"]
    actions["暂停监听剪贴板"].trigger()
    assert not window.prefs.clipboard_watch and not window.clipboard.enabled and not window.ui.clipboardCheck.isChecked()
    window.ui.clipboardCheck.setChecked(True)  # turned on in the sidebar: the menu follows
    assert not actions["暂停监听剪贴板"].isChecked()
    actions["退出"].trigger()
    assert not window.isVisible()


class _Tray:
    """Stands in for the tray icon on the offscreen platform (which has no system tray)."""

    def hide(self) -> None:
        pass


def test_close_hides_to_the_tray_when_set_and_closes_without_a_tray(make_window, library_file):
    window = make_window(library_file)
    window.apply_preferences(_prefs(window, close_to_tray=True))
    window.tray.icon = _Tray()  # type: ignore[assignment]
    assert window.close() is False and not window.isVisible()  # hidden, still running
    window.show()
    window.tray.icon = None  # no tray to come back from (the offscreen platform's case): closes
    assert window.close() is True


def test_close_without_close_to_tray_closes(make_window, library_file):
    window = make_window(library_file)
    window.tray.icon = _Tray()  # type: ignore[assignment]
    assert window.close() is True


def test_settings_dialog_refuses_a_bad_hotkey_and_keeps_a_good_one_normalised(qtbot):
    from kefu_assist.ui.settings_dialog import SettingsDialog

    prefs = core_settings.Preferences(pins="a.b")
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    assert dialog.hotkeyEdit.text() == "Ctrl+Alt+Q" and dialog.pasteCheck.isChecked() and not dialog.trayCheck.isChecked()
    dialog.hotkeyEdit.setText("Q")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted and "至少要带" in dialog.hotkeyNote.text()
    dialog.hotkeyEdit.setText("alt + ctrl + k")
    dialog.pasteCheck.setChecked(False)
    dialog.trayCheck.setChecked(True)
    dialog.accept()
    got = dialog.preferences()
    assert (got.hotkey, got.paste_to_chat, got.close_to_tray, got.pins) == ("Ctrl+Alt+K", False, True, "a.b")


def test_activation_retries_stop_when_the_window_is_gone(library_file, qtbot):
    """The hotkey hands the keys to the sidebar with retries 50 ms apart until it is active; a
    window deleted meanwhile (closed for good, a test's teardown) must not be called back."""
    import shiboken6

    from kefu_assist.ui.main_window import MainWindow
    from kefu_assist.ui.settings import open_settings

    window = MainWindow(None, open_settings(), library_file)  # no library: nothing else runs
    window.hotkey_message("能开发票吗")  # shown, and asked to be active: offscreen never is
    assert window.isVisible()
    shiboken6.delete(window)
    qtbot.wait(200)  # the retries' timers fire here: none may reach the deleted window


def test_no_activation_request_follows_the_reply_into_the_chat_window(make_window, library_file, qtbot, monkeypatch):
    """A window manager slow to activate the re-shown sidebar: the sidebar asks again every 50 ms.
    Once the agent's Enter has pasted the reply into the chat window, no request may follow, or
    the sidebar takes the keys back from the chat window (the next Enter would copy again)."""
    window = make_window(library_file)
    backend = _with_backend(window)
    requests: list[float] = []
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)  # the window manager has not caught up
    monkeypatch.setattr(window, "activateWindow", lambda: requests.append(1))
    window.hide()
    window.hotkey.window = 7
    window.hotkey_message("能开发票吗")
    assert requests  # asked to be activated
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(e[0] == "paste" for e in backend.log), timeout=3000)
    after_paste = len(requests)
    qtbot.wait(400)  # eight retry periods
    assert len(requests) == after_paste
