"""The global hotkey's round trip, driven from the sidebar (the platform work: ui/hotkey/).

Press (any program focused) -> remember the focused window (the chat client) -> copy its
selection (Ctrl+C sent to it) -> the clipboard's new text, or with nothing selected what the
clipboard already held -> ``captured(text)``: the shell shows the suggestions. After the next
copy from the sidebar (Enter, Ctrl+1…5, Alt+1…9 ...) :meth:`after_copy` gives the focus back
to that window and pastes, when 粘贴到聊天窗口 is on. It never sends (never presses Enter).

:class:`PinKeys` owns the other keys that copy from any tab: Alt+1…9, the pinned scripts.
"""
from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from ..keycombo import parse
from ..settings import PIN_SLOTS, pins_list, pins_text
from .copy_request import USUAL, CopyRequest
from .hotkey import Backend, HotkeyError, backend, unsupported_reason

if TYPE_CHECKING:
    from .clipboard import ClipboardWatcher
    from .library_ctl import LibraryController

COPY_WAIT_MS = 400  # how long the chat client has to put its selection on the clipboard (a busy
# machine took over 200 ms; with nothing selected this is the wait before the clipboard is taken)
POLL_MS = 10
REPEAT_S = 0.3  # presses closer than this are one (a held key repeats)


class HotkeyController(QObject):
    captured = Signal(str)  # the buyer's message, taken from the chat client
    pasted = Signal()
    failed = Signal(str)  # a message for the banner / toast (Chinese)
    _pressed = Signal()  # from the listener's thread, queued to this one

    def __init__(self, clipboard: "ClipboardWatcher", parent: QObject | None = None, *, platform: "Backend | None | bool" = True):
        super().__init__(parent)
        self.clipboard = clipboard
        if platform is True:  # this system's; none on the offscreen platform (tests, no display)
            platform = backend() if QGuiApplication.platformName() != "offscreen" else None
        self.backend: Backend | None = platform or None
        self.window: int | None = None  # the chat window of the last press, until pasted into
        self.own_windows: Callable[[], set[int]] = set  # the sidebar's: never the "chat window"
        self.combo_text = ""
        self.error = ""
        self._last_press = 0.0
        self._before = ""
        self._deadline = 0.0
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._check_clipboard)
        # the chat client taking the clipboard for Ctrl+C is news even when the text is the same
        QGuiApplication.clipboard().dataChanged.connect(self._clipboard_changed)
        self._pressed.connect(self._on_press)

    @property
    def available(self) -> bool:
        return self.backend is not None

    def reason(self) -> str:
        """Why the hotkey does not work here ("" when it does)."""
        if self.backend is None:
            if QGuiApplication.platformName() == "offscreen":
                return "没有屏幕（offscreen），全局快捷键不可用"
            return unsupported_reason() or "这个系统上没有全局快捷键（缺少 python-xlib？）"
        return self.error

    def set_hotkey(self, text: str) -> bool:
        """(Re-)register ``text``; False with ``error`` set when it cannot be."""
        if self.backend is None:
            return False
        if text == self.combo_text and not self.error:
            return True
        self.stop()
        self.combo_text = text
        try:
            self.backend.start(parse(text), self._pressed.emit)
        except (HotkeyError, ValueError) as e:
            self.error = str(e)
            self.failed.emit(self.error)
            return False
        self.error = ""
        return True

    def stop(self) -> None:
        if self.backend is not None:
            self.backend.stop()
        self.combo_text = ""

    # -- press -> message -----------------------------------------------------------------------
    def _on_press(self) -> None:
        now = time.monotonic()
        if now - self._last_press < REPEAT_S or self.backend is None:
            return
        self._last_press = now
        self.trigger()

    def trigger(self) -> None:
        """What a press does (the benchmark and tests call it directly)."""
        assert self.backend is not None
        self.window = self.backend.active_window()
        if self.window in self.own_windows():  # pressed in the sidebar itself: the clipboard, no paste
            self.window = None
        self._before = QGuiApplication.clipboard().text()
        if self.window is None:
            self.captured.emit(self._before)
            return
        try:
            self.backend.send_copy(self.window)
        except HotkeyError as e:
            self.failed.emit(str(e))
        self._deadline = time.monotonic() + COPY_WAIT_MS / 1000
        self._poll.start()

    def _clipboard_changed(self) -> None:
        if self._poll.isActive():
            text = QGuiApplication.clipboard().text()
            if text.strip():  # empty while the new owner is still answering: the poll goes on
                self._poll.stop()
                self.captured.emit(text)

    def _check_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        if text != self._before or time.monotonic() >= self._deadline:
            # changed: the selection; unchanged when the time is up: nothing was selected, and
            # the clipboard as it is is the message
            self._poll.stop()
            self.captured.emit(text)

    # -- reply -> chat window --------------------------------------------------------------------
    def after_copy(self, paste: bool) -> None:
        """The sidebar has put a reply on the clipboard: paste it into the remembered window."""
        window, self.window = self.window, None
        if not paste or window is None or self.backend is None:
            return
        try:
            ok = self.backend.paste_into(window)
        except HotkeyError as e:
            self.failed.emit(str(e))
            return
        if ok:
            self.pasted.emit()
        else:
            self.failed.emit("聊天窗口已关闭，回复留在剪贴板里")


class PinKeys(QObject):
    """Alt+N copies the script pinned to slot N, Alt+Shift+N pins the script in view there, from
    any tab. The pins live in the preferences: read through ``pins``, changed by ``pinsChanged``."""

    copyRequested = Signal(object)  # CopyRequest, to the copy flow like the panels'
    pinsChanged = Signal(str)  # the pins setting after Alt+Shift+N (the shell applies and saves it)
    toastRequested = Signal(str, bool)  # text, warn

    def __init__(self, window: QWidget, library: "LibraryController", pins: Callable[[], str], in_view: Callable[[], "str | None"]):
        super().__init__(window)
        self.library = library
        self._pins = pins
        self._in_view = in_view  # the script in view: a card, 浏览全部's or 常用's
        for n in range(1, PIN_SLOTS + 1):  # fixed keys, from any tab: Alt+N copies, Alt+Shift+N pins
            for keys, slot in ((f"Alt+{n}", lambda n=n: self.copy_pin(n)), (f"Alt+Shift+{n}", lambda n=n: self.pin_current(n))):
                sc = QShortcut(QKeySequence(keys), window)
                sc.setContext(Qt.ShortcutContext.WindowShortcut)
                sc.activated.connect(slot)

    def copy_pin(self, slot: int) -> None:
        """Alt+N: copy the script pinned to slot N, whatever tab is showing."""
        service = self.library.service
        sid = pins_list(self._pins())[slot - 1]
        script = service.library.get(sid) if (sid and service is not None and service.ready) else None
        if script is None:
            self.toastRequested.emit(f"Alt+{slot} 还没有固定话术：选中一条话术后按 Alt+Shift+{slot}" if not sid else f"Alt+{slot} 固定的话术 {sid} 已不在话术库里", True)
            return
        self.copyRequested.emit(CopyRequest(script, 0, USUAL))

    def pin_current(self, slot: int) -> None:
        """Alt+Shift+N: pin the script in view (a card, 浏览全部's or 常用's) to Alt+N."""
        sid = self._in_view()
        if sid is None:
            self.toastRequested.emit("先选中一条话术，再按 Alt+Shift+数字 固定", True)
            return
        pins = [("" if p == sid else p) for p in pins_list(self._pins())]  # one key per script
        pins[slot - 1] = sid
        self.pinsChanged.emit(pins_text(",".join(pins)))
        self.toastRequested.emit(f"已固定到 Alt+{slot}", False)
