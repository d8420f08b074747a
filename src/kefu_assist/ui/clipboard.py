"""Clipboard watch: text the agent copies elsewhere becomes the buyer message.

Platform habits: X11 signals reliably; Windows signals while the source application may still
hold the clipboard, so we read a moment later; macOS does not signal for other applications, so
we poll; Wayland only tells a focused window.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

WINDOWS_READ_DELAY_MS = 150
MAC_POLL_MS = 400


def is_wayland() -> bool:
    return QGuiApplication.platformName().lower().startswith("wayland")


class ClipboardWatcher(QObject):
    textCopied = Signal(str)  # outside text, not ours, not a repeat

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._enabled = False
        self._own: str | None = None  # the last text the sidebar itself put there
        self._last: str | None = None  # the last text seen, ours or not
        self._delay = QTimer(self, singleShot=True, interval=WINDOWS_READ_DELAY_MS)
        self._delay.timeout.connect(self._read)
        self._poll = QTimer(self, interval=MAC_POLL_MS)
        self._poll.timeout.connect(self._read)
        self._clipboard.dataChanged.connect(self._changed)

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, on: bool) -> None:
        if on == self._enabled:
            return
        self._enabled = on
        # what is on the clipboard when the switch is turned on is old news, not a new question
        self._last = self._clipboard.text()
        if sys.platform == "darwin":
            self._poll.start() if on else self._poll.stop()

    def copy(self, text: str) -> None:
        """Put the sidebar's own text on the clipboard; the watcher will not echo it back."""
        self._own = text
        self._last = text
        self._clipboard.setText(text)

    def _changed(self) -> None:
        if not self._enabled:
            return
        if sys.platform.startswith("win"):
            self._delay.start()
        else:
            self._read()

    def _read(self) -> None:
        if not self._enabled:
            return
        text = self._clipboard.text()
        if not text.strip() or text == self._last or text == self._own:
            return
        self._last = text
        self.textCopied.emit(text)
