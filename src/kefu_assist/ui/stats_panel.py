"""The 统计 tab's host: the view is built (and stats_view imported) the first time the tab is
opened, and the figures are read on a worker every time it is shown."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from . import theme as themes

if TYPE_CHECKING:
    from .compiled.main_window_ui import Ui_SidebarView
    from .library_ctl import LibraryController
    from .stats_view import StatsView
    from .usage import UsageController

TAB = 3


class StatsPanel(QObject):
    def __init__(self, ui: "Ui_SidebarView", library: "LibraryController", usage: "UsageController", parent: QObject | None = None):
        super().__init__(parent)
        self.ui = ui
        self.library = library
        self.usage = usage
        self.theme = "light"
        self._view: StatsView | None = None
        usage.statsLoaded.connect(self._loaded)
        usage.statsFailed.connect(self._failed)

    @property
    def built(self) -> bool:
        return self._view is not None

    @property
    def view(self) -> "StatsView":
        """Made when first needed: agents rarely open it, and building it (and importing it) at
        start-up would delay the window."""
        if self._view is None:
            from .stats_view import StatsView

            view = self._view = StatsView()
            self.ui.statsLayout.addWidget(view)
            view.set_palette(themes.PALETTES.get(self.theme, themes.PALETTES["light"]))
            view.refreshRequested.connect(self.refresh)
        return self._view

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        if self._view is not None:
            self._view.set_palette(themes.PALETTES.get(theme, themes.PALETTES["light"]))

    def refresh(self, *, flush_first: bool = False) -> None:
        """Load the figures on a worker; the tab shows them when they arrive (and keeps showing
        the last ones until then)."""
        service = self.library.service
        library = service.library if (service is not None and service.ready) else None
        view = self.view
        if not self.usage.load_stats(view.since, view.agent, library, flush_first=flush_first):
            if self.usage.error:
                view.show_error(f"无法打开使用记录数据库：{self.usage.error}")
            elif self.usage.started:
                view.show_error("正在连接使用记录数据库…")
            else:
                view.show_error("没有使用记录数据库")
            return
        view.show_loading()

    def _loaded(self, data: dict) -> None:
        # the library's category names, for never-used scripts' categories too
        service = self.library.service
        labels = dict(service.library.categories) if (service is not None and service.ready) else None
        self.view.show_stats(data, db_label=self.usage.db_label, category_labels=labels)

    def _failed(self, message: str) -> None:
        self.view.show_error(f"读取统计失败（数据库离线？）：{message}")
