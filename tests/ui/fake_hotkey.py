"""The operating system's side of the global hotkey, faked for tests of hotkey_ctl: a key
registered (or refused), the focused chat window, and Ctrl+C / Ctrl+V sent to it over the real
clipboard."""
from __future__ import annotations


class FakeBackend:
    """A chat window whose selection (None: nothing selected) Ctrl+C puts on the clipboard;
    ``alive`` False: the window closed before the paste; ``fail_start``: the key is taken."""

    def __init__(self, selection: str | None = None, window: int | None = 7, fail_start: str = ""):
        self.selection = selection
        self.window = window
        self.fail_start = fail_start
        self.log: list[tuple] = []
        self.alive = True

    @staticmethod
    def _clipboard():
        from PySide6.QtGui import QGuiApplication

        return QGuiApplication.clipboard()

    def start(self, combo, pressed):
        if self.fail_start:
            from kefu_assist.ui.hotkey import HotkeyError

            raise HotkeyError(self.fail_start)
        self.log.append(("start", str(combo)))
        self.pressed = pressed

    def stop(self):
        self.log.append(("stop",))

    def active_window(self):
        return self.window

    def send_copy(self, window):
        self.log.append(("copy", window))
        if self.selection is not None:
            self._clipboard().setText(self.selection)

    def paste_into(self, window):
        self.log.append(("paste", window, self._clipboard().text()))
        return self.alive
