"""The review panel (待处理) as the sidebar mounts it: a tab of the team lead's editor window
(编辑话术), opened on that tab by the sidebar's 待处理… (Ctrl+Shift+R and the tray menu, shown only
with the ``team_lead_tools`` setting on). The panel reads the sidebar's own usage database (the
copies still in its spool go in first) and asks the sidebar's matcher for its guesses."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from .review_panel import ReviewPanel

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from .main_window import MainWindow


def sidebar_review_panel(window: "MainWindow", parent: QWidget) -> ReviewPanel:
    """A :class:`ReviewPanel` over the sidebar's service, usage database and agent name."""
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

    return ReviewPanel(lambda: window.library.service, engine, parent, agent=lambda: window.agent_name, open_scripts=True)
