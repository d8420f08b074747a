"""The global hotkey and the round trip to the chat window, one small module per platform's own
API behind one interface (no Qt here; ui/hotkey_ctl.py drives it from the sidebar):

    x11.py      python-xlib: XGrabKey on the root window, listened to on a thread; the chat
                window from _NET_ACTIVE_WINDOW; Ctrl+C / Ctrl+V sent with XTEST
    windows.py  ctypes: RegisterHotKey on a thread's message loop, GetForegroundWindow,
                SendInput, SetForegroundWindow

macOS and Wayland have neither (a Wayland client cannot grab keys or type into another
window; macOS needs the accessibility permission and a signed bundle): :func:`backend` returns
None there with :func:`unsupported_reason`, and the clipboard watch is the path.

The hotkey's callback runs on the listener's thread: the caller hands it to its own thread.
"""
from __future__ import annotations

import os
import sys
from typing import Callable, Protocol

from ...keycombo import Combo


class HotkeyError(Exception):
    """The hotkey could not be registered (taken by another program, no display ...); the
    message is Chinese and meant for the sidebar's banner."""


class Backend(Protocol):
    def start(self, combo: Combo, pressed: Callable[[], None]) -> None:
        """Listen for ``combo``; ``pressed()`` is called on a thread for each press."""

    def stop(self) -> None: ...

    def active_window(self) -> int | None:
        """The window with the keyboard focus now (the chat client, at the press)."""

    def send_copy(self, window: int) -> None:
        """Copy the selection of ``window``: modifiers still held released, then Ctrl+C."""

    def paste_into(self, window: int) -> bool:
        """Give ``window`` the focus and send Ctrl+V (never Enter); False if it is gone."""


def unsupported_reason(platform: str | None = None, env: dict[str, str] | None = None) -> str:
    """Why there is no global hotkey on this system ("" where there is one)."""
    platform = sys.platform if platform is None else platform
    env = dict(os.environ) if env is None else env
    if platform.startswith("win"):
        return ""
    if platform == "darwin":
        return "macOS 上暂不支持全局快捷键：请打开“监听剪贴板”，在聊天窗口复制买家消息即可"
    if env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY"):
        return "Wayland 不允许程序注册全局快捷键或向其他窗口粘贴：请打开“监听剪贴板”，复制买家消息即可"
    if env.get("XDG_SESSION_TYPE", "").lower() == "wayland" and env.get("QT_QPA_PLATFORM", "") != "xcb":
        return "Wayland 不允许程序注册全局快捷键或向其他窗口粘贴：请打开“监听剪贴板”，复制买家消息即可"
    if not env.get("DISPLAY"):
        return "没有 X11 显示（DISPLAY 未设置），无法注册全局快捷键"
    return ""


def backend() -> Backend | None:
    """This platform's backend, or None (see :func:`unsupported_reason`)."""
    if unsupported_reason():
        return None
    if sys.platform.startswith("win"):
        from .windows import WindowsBackend

        return WindowsBackend()
    try:
        from .x11 import X11Backend
    except ImportError:  # python-xlib missing from this install
        return None
    return X11Backend()
