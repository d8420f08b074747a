"""The review panel (待处理) in a window of its own: :func:`review_window` for any host, and
:func:`open_for_sidebar`, the sidebar's 待处理… (Ctrl+Shift+R and the tray menu, shown only with
the ``team_lead_tools`` setting on)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from .review_panel import ReviewPanel

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from ..service import AssistService
    from .main_window import MainWindow


class ReviewWindow(QDialog):
    """The panel in a window of its own (the sidebar's 待处理…, for team leads)."""

    def __init__(self, panel_args: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("待处理 · 客服话术助手")
        self.panel = ReviewPanel(parent=self, **panel_args)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel.widget)
        self.resize(900, 580)


def review_window(
    service: "Callable[[], AssistService | None]",
    engine: "Callable[[], Engine]",
    parent: QWidget | None = None,
    **options: Any,
) -> ReviewWindow:
    """A non-modal window holding a :class:`ReviewPanel`, its queue being read."""
    window = ReviewWindow({"service": service, "engine": engine, **options}, parent)
    window.panel.refresh()
    return window


def open_for_sidebar(window: "MainWindow", existing: ReviewWindow | None = None) -> ReviewWindow:
    """The sidebar's 待处理… (Ctrl+Shift+R, the tray menu): one window, brought to the front and
    read again when opened again. The usage database is the sidebar's own recorder's (the
    copies still in its spool go in first); a library file written is reloaded by the
    sidebar's file watcher like any other save."""
    usage = window.usage

    def engine() -> "Engine":  # worker thread
        from ..store.db import DatabaseError
        from .usage import LIST_TIMEOUT_S

        recorder = usage.recorder
        if recorder is None:
            raise DatabaseError(usage.error or "使用记录数据库还没有打开")
        eng = recorder.engine(LIST_TIMEOUT_S)
        recorder.flush(LIST_TIMEOUT_S)
        return eng

    if existing is None:
        existing = review_window(lambda: window.library.service, engine, window, agent=lambda: window.agent_name)
    else:
        existing.panel.refresh()
    existing.setStyleSheet(window.styleSheet())
    existing.show()
    if QGuiApplication.platformName() != "offscreen":  # which has no stacking (and warns)
        existing.raise_()
    existing.activateWindow()
    return existing
