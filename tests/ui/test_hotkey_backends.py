"""The global hotkey's platform modules with fakes: Windows' user32 calls (run on any system),
the unsupported platforms' messages, and the sidebar's round trip with a fake backend."""
from __future__ import annotations

import ctypes
import queue
import threading
import time

import pytest

from kefu_assist.keycombo import parse
from kefu_assist.ui.hotkey import HotkeyError, unsupported_reason
from kefu_assist.ui.hotkey import windows as win

from .fake_hotkey import FakeBackend


class FakeUser32:
    """The calls WindowsBackend makes, recorded; a message queue the test posts WM_HOTKEY to."""

    def __init__(self, *, register_ok: bool = True, held: tuple[int, ...] = (), windows: tuple[int, ...] = (101,), foreground: int = 101):
        self.calls: list[tuple] = []
        self.messages: "queue.Queue[tuple[int, int]]" = queue.Queue()
        self.register_ok = register_ok
        self.held = set(held)
        self.windows = set(windows)
        self.foreground = foreground
        self.sent: list[tuple[int, bool]] = []

    def RegisterHotKey(self, hwnd, ident, mods, vk):
        self.calls.append(("RegisterHotKey", hwnd, ident, mods, vk))
        return 1 if self.register_ok else 0

    def UnregisterHotKey(self, hwnd, ident):
        self.calls.append(("UnregisterHotKey", hwnd, ident))
        return 1

    def GetMessageW(self, pmsg, hwnd, lo, hi):
        message, wparam = self.messages.get(timeout=5)
        msg = ctypes.cast(pmsg, ctypes.POINTER(win.MSG)).contents
        msg.message, msg.wParam = message, wparam
        return 0 if message == win.WM_QUIT else 1

    def PostThreadMessageW(self, thread_id, message, wparam, lparam):
        self.calls.append(("PostThreadMessageW", thread_id, message))
        self.messages.put((message, wparam))
        return 1

    def GetForegroundWindow(self):
        return self.foreground

    def GetAsyncKeyState(self, vk):
        return 0x8000 if vk in self.held else 0

    def SendInput(self, n, arr, size):
        assert size == ctypes.sizeof(win.INPUT)
        for i in range(n):
            assert arr[i].type == win.INPUT_KEYBOARD
            up = bool(arr[i].u.ki.dwFlags & win.KEYEVENTF_KEYUP)
            self.sent.append((arr[i].u.ki.wVk, up))
            if up:
                self.held.discard(arr[i].u.ki.wVk)
        return n

    def IsWindow(self, hwnd):
        return hwnd in self.windows

    def IsIconic(self, hwnd):
        return False

    def ShowWindow(self, hwnd, cmd):
        self.calls.append(("ShowWindow", hwnd, cmd))

    def SetForegroundWindow(self, hwnd):
        self.calls.append(("SetForegroundWindow", hwnd))
        self.foreground = hwnd
        return 1


class FakeKernel32:
    def GetCurrentThreadId(self):
        return threading.get_ident() & 0xFFFF


def test_virtual_keys_and_modifier_flags():
    assert [win.virtual_key(k) for k in ("Q", "A", "0", "9", "F1", "F12", "F24")] == [0x51, 0x41, 0x30, 0x39, 0x70, 0x7B, 0x87]
    assert win.modifier_flags(parse("Ctrl+Alt+Q")) == win.MOD_CONTROL | win.MOD_ALT | win.MOD_NOREPEAT
    assert win.modifier_flags(parse("Win+Shift+F2")) == win.MOD_WIN | win.MOD_SHIFT | win.MOD_NOREPEAT


def test_the_input_structure_has_the_size_sendinput_expects():
    # 40 bytes on 64-bit Windows, 28 on 32-bit: the union is as large as MOUSEINPUT
    assert ctypes.sizeof(win.INPUT) == (40 if ctypes.sizeof(ctypes.c_void_p) == 8 else 28)


def test_registered_on_its_own_thread_each_wm_hotkey_is_a_press_and_stop_unregisters():
    user32 = FakeUser32()
    backend = win.WindowsBackend(user32, FakeKernel32())
    presses: list[str] = []
    backend.start(parse("Ctrl+Alt+Q"), lambda: presses.append(threading.current_thread().name))
    assert user32.calls[0] == ("RegisterHotKey", None, win.HOTKEY_ID, win.MOD_CONTROL | win.MOD_ALT | win.MOD_NOREPEAT, ord("Q"))
    user32.messages.put((win.WM_HOTKEY, win.HOTKEY_ID))
    user32.messages.put((win.WM_HOTKEY, win.HOTKEY_ID + 1))  # another program's id: not ours
    user32.messages.put((0x0100, 0))  # some other message
    user32.messages.put((win.WM_HOTKEY, win.HOTKEY_ID))
    deadline = time.monotonic() + 5
    while len(presses) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert presses == ["kefu-hotkey-win", "kefu-hotkey-win"]
    backend.stop()
    assert ("UnregisterHotKey", None, win.HOTKEY_ID) in user32.calls


@pytest.mark.parametrize("code, says", [(win.ERROR_HOTKEY_ALREADY_REGISTERED, "已被其他程序占用"), (5, "无法注册快捷键 Ctrl\\+Alt\\+Q（错误 5）")])
def test_a_hotkey_that_cannot_be_registered_says_why(code, says):
    backend = win.WindowsBackend(FakeUser32(register_ok=False), FakeKernel32(), last_error=lambda: code)
    with pytest.raises(HotkeyError, match=says):
        backend.start(parse("Ctrl+Alt+Q"), lambda: None)


def test_copy_releases_the_held_hotkey_modifiers_before_ctrl_c():
    user32 = FakeUser32(held=(win.VK_CONTROL, win.VK_MENU))
    backend = win.WindowsBackend(user32, FakeKernel32())
    assert backend.active_window() == 101
    backend.send_copy(101)
    assert user32.sent == [(win.VK_CONTROL, True), (win.VK_MENU, True),
                           (win.VK_CONTROL, False), (ord("C"), False), (ord("C"), True), (win.VK_CONTROL, True)]


def test_paste_brings_the_chat_window_forward_and_sends_ctrl_v_never_enter():
    user32 = FakeUser32(windows=(101, 202), foreground=202)
    backend = win.WindowsBackend(user32, FakeKernel32())
    assert backend.paste_into(101) is True
    assert ("SetForegroundWindow", 101) in user32.calls
    assert user32.sent == [(win.VK_CONTROL, False), (ord("V"), False), (ord("V"), True), (win.VK_CONTROL, True)]
    assert all(vk != 0x0D for vk, _ in user32.sent)  # VK_RETURN


def test_paste_into_a_closed_window_does_nothing():
    user32 = FakeUser32(windows=())
    backend = win.WindowsBackend(user32, FakeKernel32())
    assert backend.paste_into(101) is False
    assert user32.sent == [] and not any(c[0] == "SetForegroundWindow" for c in user32.calls)


@pytest.mark.parametrize("platform, env, says", [
    ("darwin", {"DISPLAY": ":0"}, "macOS 上暂不支持"),
    ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, "Wayland 不允许"),
    ("linux", {"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "Wayland 不允许"),
    ("linux", {}, "DISPLAY 未设置"),
])
def test_systems_without_a_global_hotkey_say_so_and_point_to_the_clipboard_watch(platform, env, says):
    reason = unsupported_reason(platform, env)
    assert says in reason


@pytest.mark.parametrize("platform, env", [("win32", {}), ("linux", {"DISPLAY": ":0"}),
                                           ("linux", {"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"})])
def test_windows_and_x11_have_one(platform, env):
    assert unsupported_reason(platform, env) == ""


# -- the sidebar's round trip, with a fake backend -----------------------------------------------
@pytest.fixture
def controller(qtbot):
    from kefu_assist.ui.clipboard import ClipboardWatcher
    from kefu_assist.ui.hotkey_ctl import HotkeyController

    def make(backend):
        return HotkeyController(ClipboardWatcher(), platform=backend)

    return make


def test_press_copies_the_selection_and_remembers_the_chat_window(controller, qtbot):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("旧的剪贴板内容")
    backend = FakeBackend("包邮吗")
    ctl = controller(backend)
    assert ctl.set_hotkey("Ctrl+Alt+Q") and backend.log[-1] == ("start", "Ctrl+Alt+Q")
    with qtbot.waitSignal(ctl.captured, timeout=2000) as got:
        backend.pressed()  # from the listener's thread in real life: queued here
    assert got.args == ["包邮吗"] and ("copy", 7) in backend.log and ctl.window == 7
    QGuiApplication.clipboard().setText("亲，满 99 包邮哦")
    with qtbot.waitSignal(ctl.pasted, timeout=2000):
        ctl.after_copy(True)
    assert backend.log[-1] == ("paste", 7, "亲，满 99 包邮哦") and ctl.window is None
    ctl.after_copy(True)  # one paste per press
    assert backend.log[-1][0] == "paste" and sum(1 for e in backend.log if e[0] == "paste") == 1


def test_with_nothing_selected_the_clipboard_as_it_is_is_the_message(controller, qtbot):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("能开发票吗")
    ctl = controller(FakeBackend(None))
    with qtbot.waitSignal(ctl.captured, timeout=2000) as got:
        ctl.trigger()
    assert got.args == ["能开发票吗"]


def test_paste_off_or_a_closed_window_leaves_the_reply_on_the_clipboard(controller, qtbot):
    backend = FakeBackend("在吗")
    ctl = controller(backend)
    with qtbot.waitSignal(ctl.captured, timeout=2000):
        ctl.trigger()
    ctl.after_copy(False)
    assert not any(e[0] == "paste" for e in backend.log) and ctl.window is None
    with qtbot.waitSignal(ctl.captured, timeout=2000):
        ctl.trigger()
    backend.alive = False
    with qtbot.waitSignal(ctl.failed, timeout=2000) as got:
        ctl.after_copy(True)
    assert "已关闭" in got.args[0]


def test_a_taken_or_bad_hotkey_is_reported_not_raised(controller, qtbot):
    class Taken(FakeBackend):
        def start(self, combo, pressed):
            raise HotkeyError(f"快捷键 {combo} 已被其他程序占用，请在设置里换一个")

    ctl = controller(Taken("x"))
    with qtbot.waitSignal(ctl.failed, timeout=1000) as got:
        assert ctl.set_hotkey("Ctrl+Alt+Q") is False
    assert "已被其他程序占用" in got.args[0] and ctl.reason() == got.args[0]
    ctl = controller(FakeBackend("x"))
    assert ctl.set_hotkey("Q") is False and "至少要带" in ctl.error


def test_the_offscreen_platform_has_no_hotkey_and_says_why(controller):
    ctl = controller(True)
    assert not ctl.available and "offscreen" in ctl.reason()


def test_a_press_in_the_sidebar_itself_takes_the_clipboard_and_pastes_nowhere(controller, qtbot):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("能开发票吗")
    backend = FakeBackend("选中的字", window=42)
    ctl = controller(backend)
    ctl.own_windows = lambda: {42}
    with qtbot.waitSignal(ctl.captured, timeout=2000) as got:
        ctl.trigger()
    assert got.args == ["能开发票吗"] and ctl.window is None and not any(e[0] == "copy" for e in backend.log)
    ctl.after_copy(True)
    assert not any(e[0] == "paste" for e in backend.log)
