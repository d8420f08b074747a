"""Asking the window manager to make the sidebar active, until it is (``Activator``).

A window manager ignores an activation request for a window it has not mapped yet, and a
re-shown window (Ctrl+T, the global hotkey, the settings dialog closed) is mapped a moment later:
the request is repeated every ACTIVATE_RETRY_MS, at most ACTIVATE_TRIES times. The repetition
stops as soon as the window is active, and whenever the sidebar hands the keys to another window
(a reply pasted into the chat window): a request still pending then would take the keys back from
the chat window, and the agent's next Enter would go to the sidebar instead."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

ACTIVATE_TRIES = 20  # after Ctrl+T re-shows the window: ask to be activated this many times,
ACTIVATE_RETRY_MS = 50  # this far apart, until the window manager has mapped it


class Activator(QObject):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self._next: tuple[QWidget, int] | None = None
        self.retry = QTimer(self, singleShot=True, interval=ACTIVATE_RETRY_MS)
        self.retry.timeout.connect(self._again)
        window.installEventFilter(self)

    def activate(self, target: QWidget, tries: int = ACTIVATE_TRIES) -> None:
        """Make the window active with the keyboard in ``target``, asking again until it is."""
        window = self.window
        if QGuiApplication.platformName() != "offscreen":  # which has no stacking (and says so)
            window.raise_()
        window.activateWindow()
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        if tries > 1 and not window.isActiveWindow():
            self._next = (target, tries - 1)
            self.retry.start()

    def stop(self) -> None:
        """No further request: the window is active, or the keys go to another window now."""
        self.retry.stop()
        self._next = None

    @property
    def pending(self) -> bool:
        return self.retry.isActive()

    def _again(self) -> None:
        following, self._next = self._next, None
        if following is not None and self.window.isVisible() and not self.window.isActiveWindow():
            self.activate(*following)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.ActivationChange and self.window.isActiveWindow():
            self.stop()  # reached
        return False
