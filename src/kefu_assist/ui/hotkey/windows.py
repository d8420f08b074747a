"""The global hotkey on Windows with ctypes (no Qt): RegisterHotKey on a thread of its own
(WM_HOTKEY goes to the message queue of the thread that registered it; RegisterHotKey survives
long runs where low-level keyboard hooks are silently dropped), the chat window from
GetForegroundWindow, Ctrl+C / Ctrl+V with SendInput after releasing the hotkey's modifiers, and
SetForegroundWindow to give the chat window its focus back (allowed: the sidebar is the
foreground window when Enter is pressed). Nothing here presses Enter.

``user32`` is injectable: tests drive this module with a fake on any system.
"""
from __future__ import annotations

import ctypes
import sys
import threading
import time
from typing import Any, Callable

from ...keycombo import Combo
from . import HotkeyError

MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
MODS = {"Alt": MOD_ALT, "Ctrl": MOD_CONTROL, "Shift": MOD_SHIFT, "Win": MOD_WIN}
WM_HOTKEY, WM_QUIT = 0x0312, 0x0012
VK_CONTROL, VK_SHIFT, VK_MENU, VK_LWIN, VK_RWIN = 0x11, 0x10, 0x12, 0x5B, 0x5C
HELD = (VK_CONTROL, VK_SHIFT, VK_MENU, VK_LWIN, VK_RWIN)
INPUT_KEYBOARD, KEYEVENTF_KEYUP = 1, 0x2
HOTKEY_ID = 0x4B46  # "KF"
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
ACTIVATE_WAIT = 0.3


def virtual_key(key: str) -> int:
    """The virtual-key code of a combo's key: letters and digits are their ASCII codes,
    F1…F24 are 0x70…0x87."""
    if len(key) == 1:
        return ord(key.upper())
    return 0x70 + int(key[1:]) - 1


def modifier_flags(combo: Combo) -> int:
    flags = MOD_NOREPEAT  # holding the keys down is one press
    for m in combo.modifiers:
        flags |= MODS[m]
    return flags


class KEYBDINPUT(ctypes.Structure):
    _fields_ = [("wVk", ctypes.c_ushort), ("wScan", ctypes.c_ushort), ("dwFlags", ctypes.c_ulong),
                ("time", ctypes.c_ulong), ("dwExtraInfo", ctypes.c_size_t)]


class _INPUTUNION(ctypes.Union):
    # the union's size is that of its largest member (MOUSEINPUT): SendInput checks cbSize
    _fields_ = [("ki", KEYBDINPUT), ("_pad", ctypes.c_byte * 32)]


class INPUT(ctypes.Structure):
    _fields_ = [("type", ctypes.c_ulong), ("u", _INPUTUNION)]


def key_inputs(events: list[tuple[int, bool]]) -> Any:
    """An INPUT array for (virtual key, up) events."""
    arr = (INPUT * len(events))()
    for i, (vk, up) in enumerate(events):
        arr[i].type = INPUT_KEYBOARD
        arr[i].u.ki.wVk = vk
        arr[i].u.ki.dwFlags = KEYEVENTF_KEYUP if up else 0
    return arr


def chord(vk: int) -> list[tuple[int, bool]]:
    """Ctrl+<vk>: press Ctrl, press and release the key, release Ctrl."""
    return [(VK_CONTROL, False), (vk, False), (vk, True), (VK_CONTROL, True)]


class MSG(ctypes.Structure):
    _fields_ = [("hwnd", ctypes.c_void_p), ("message", ctypes.c_uint), ("wParam", ctypes.c_size_t),
                ("lParam", ctypes.c_ssize_t), ("time", ctypes.c_ulong), ("x", ctypes.c_long), ("y", ctypes.c_long)]


def _user32() -> Any:
    if not sys.platform.startswith("win"):
        raise HotkeyError("Windows 快捷键只能在 Windows 上使用")
    return ctypes.WinDLL("user32", use_last_error=True)


class WindowsBackend:
    def __init__(self, user32: Any = None, kernel32: Any = None, *, last_error: Callable[[], int] | None = None):
        self._user32 = user32
        self._kernel32 = kernel32
        self._last_error = last_error or (lambda: ctypes.get_last_error() if hasattr(ctypes, "get_last_error") else 0)
        self._thread: threading.Thread | None = None
        self._thread_id = 0

    @property
    def user32(self) -> Any:
        if self._user32 is None:
            self._user32 = _user32()
        return self._user32

    @property
    def kernel32(self) -> Any:
        if self._kernel32 is None:
            self._kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
        return self._kernel32

    def start(self, combo: Combo, pressed: Callable[[], None]) -> None:
        self.stop()
        user32 = self.user32
        result: dict[str, Any] = {}
        registered = threading.Event()

        def run() -> None:
            self._thread_id = self.kernel32.GetCurrentThreadId()
            if not user32.RegisterHotKey(None, HOTKEY_ID, modifier_flags(combo), virtual_key(combo.key)):
                result["error"] = self._last_error()
                registered.set()
                return
            registered.set()
            msg = MSG()
            try:
                while user32.GetMessageW(ctypes.byref(msg), None, 0, 0) > 0:
                    if msg.message == WM_HOTKEY and msg.wParam == HOTKEY_ID:
                        pressed()
            finally:
                user32.UnregisterHotKey(None, HOTKEY_ID)

        self._thread = threading.Thread(target=run, name="kefu-hotkey-win", daemon=True)
        self._thread.start()
        registered.wait(5)
        if "error" in result:
            self._thread.join(2)
            self._thread = None
            code = result["error"]
            if code == ERROR_HOTKEY_ALREADY_REGISTERED:
                raise HotkeyError(f"快捷键 {combo} 已被其他程序占用，请在设置里换一个")
            raise HotkeyError(f"无法注册快捷键 {combo}（错误 {code}）")

    def stop(self) -> None:
        if self._thread is None:
            return
        self.user32.PostThreadMessageW(self._thread_id, WM_QUIT, 0, 0)
        self._thread.join(2)
        self._thread = None

    def active_window(self) -> int | None:
        hwnd = self.user32.GetForegroundWindow()
        return int(hwnd) if hwnd else None

    def _send(self, events: list[tuple[int, bool]]) -> None:
        arr = key_inputs(events)
        self.user32.SendInput(len(events), arr, ctypes.sizeof(INPUT))

    def _release_held(self) -> None:
        held = [(vk, True) for vk in HELD if self.user32.GetAsyncKeyState(vk) & 0x8000]
        if held:
            self._send(held)

    def send_copy(self, window: int) -> None:
        self._release_held()
        self._send(chord(ord("C")))

    def paste_into(self, window: int) -> bool:
        user32 = self.user32
        if not user32.IsWindow(window):
            return False
        if user32.IsIconic(window):
            user32.ShowWindow(window, 9)  # SW_RESTORE
        user32.SetForegroundWindow(window)
        deadline = time.monotonic() + ACTIVATE_WAIT
        while self.active_window() != window and time.monotonic() < deadline:
            time.sleep(0.01)
        self._release_held()
        self._send(chord(ord("V")))
        return True
