"""Where the sidebar goes: the saved geometry restored, or docked at the right edge of the
screen the first time, and kept inside the screen (the shell calls these when first shown)."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from .settings import read_geometry

WIDTH = 360


def place(window: QWidget, settings: QSettings) -> None:
    """Restore the saved geometry, or dock at the right edge of the screen the first time."""
    geometry = read_geometry(settings)
    if geometry is not None and window.restoreGeometry(geometry):
        keep_on_screen(window)
        return
    screen = QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen else None
    if area is None or area.isEmpty():
        window.resize(WIDTH, 760)
        return
    height = max(480, area.height() - 40)
    window.resize(WIDTH, min(height, area.height()))
    frame_extra = window.frameGeometry().width() - window.geometry().width()
    window.move(area.right() - WIDTH - frame_extra + 1, area.top() + max(0, (area.height() - window.height()) // 2))


def keep_on_screen(window: QWidget) -> None:
    """A saved geometry from a wider window or another screen layout must not leave the copy
    buttons, the pin and the settings off the right edge: pull the window back inside."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen else None
    if area is None or area.isEmpty():
        return
    frame = window.frameGeometry()
    extra = frame.width() - window.width()
    width = min(window.width(), area.width() - extra)
    if width != window.width():
        window.resize(width, window.height())
        frame = window.frameGeometry()
    x = min(max(frame.left(), area.left()), area.right() - frame.width() + 1)
    y = min(max(frame.top(), area.top()), max(area.top(), area.bottom() - frame.height() + 1))
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)
