"""Library loading for the sidebar: the load job, the file watcher, reload coalescing, the held
(shrunken) library, the search index built once per load, the error banner and the status line.

Other panels never reach in here: they listen to ``ready`` (a library is in use, or failed to
load) and ``searchReady`` (the browse index of the library now in use)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextOption

from .watcher import LibraryWatcher
from .workers import Background, LoadJob, pool

if TYPE_CHECKING:
    from ..library import Library
    from ..library.model import LoadResult
    from ..library.search import SearchIndex
    from ..service import AssistService
    from .compiled.main_window_ui import Ui_SidebarView

LOADING_TEXT = "正在加载话术库…"


def library_shrank(current: "Library", new: "Library") -> bool:
    """A save that would drop more than a third of the scripts is more likely a slip (a file
    truncated, a folder half copied) than an edit: the sidebar asks before using it."""
    return len(current.scripts) - len(new.scripts) > len(current.scripts) / 3


@dataclass(frozen=True)
class Banner:
    """What the banner says: a plain sentence for the agent, the file:line list for the team
    lead behind 详情, and whether 接受新的/保留原来的 are offered."""

    head: str
    details: str
    held: bool = False


def banner_for(result: "LoadResult", service: "AssistService | None", path: Path) -> Banner | None:
    """The banner for a load's result (None: nothing to say). Qt-free, so tests read it directly."""
    from ..library.loader import NO_SCRIPTS

    errors = list(result.errors)
    ready = service is not None and service.ready
    held = service.held if service is not None else None
    empty = (result.library is not None and not result.library.scripts) or any(p.message.startswith(NO_SCRIPTS) for p in errors)
    details = [str(p) for p in errors]
    if held is not None and service is not None:
        current = service.library
        kept = {s.id for s in held.scripts}
        gone = [s for s in current.scripts if s.id not in kept]
        head = (
            f"刚保存的话术库只有 {len(held.scripts)} 条话术，比正在用的少了 {len(current.scripts) - len(held.scripts)} 条"
            f"（原有 {len(current.scripts)} 条）。为防误删，仍在使用原来的话术库，要改用新的吗？"
        )
        details = [f"少了的话术（{len(gone)} 条）：", *(f"  {s.id}  {s.title}" for s in gone), *details]
        return Banner(head, "\n".join(details), held=True)
    if empty:
        head = "话术库里一条话术也没有，" + ("仍在使用上次加载的话术库。" if ready else "现在无法推荐话术。") + "请告诉组长。"
        if not details and result.library is not None:
            details = [f"{result.library.files[0] if result.library.files else path}: 没有任何话术 (no scripts)"]
    elif not errors:
        return None
    elif result.library is None:
        head = ("话术库文件有错误，没有生效，仍在使用上次加载的话术库。" if ready else "话术库文件有错误，无法加载。") + "请告诉组长。"
    else:
        head = f"话术库有 {len(errors)} 处错误，出错的话术已跳过，其余照常可用。请告诉组长。"
    return Banner(head, "\n".join(details))


class LibraryController(QObject):
    """Owns the service once the loader thread has built it (None until then: the window shows
    before YAML, jieba and rapidfuzz are imported), the banner and the status line."""

    serviceArrived = Signal(object)  # the AssistService the first load built (the shell configures it)
    ready = Signal(object)  # LoadResult, after the banner and status line show it
    changed = Signal()  # the library in use changed (a load, or 接受新的)
    searchReady = Signal(object)  # SearchIndex of the library in use
    toastRequested = Signal(str)

    def __init__(self, ui: "Ui_SidebarView", service: "AssistService | None", path: Path, parent: QObject | None = None, *, trace: Callable[[str], None] | None = None):
        super().__init__(parent)
        self.ui = ui
        self.service = service
        self.path = path
        self._trace = trace or (lambda _event: None)
        self._job: LoadJob | None = None
        self._again = False
        self._first_ready_done = False
        self._status_text: str | None = None
        self.index: SearchIndex | None = None
        self._indexer = Background(self)
        self.watcher = LibraryWatcher(self)
        self.watcher.changed.connect(self.reload)
        # file paths in the details have no spaces: wrap them anywhere rather than widen the sidebar
        ui.bannerDetails.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        ui.bannerDetailsButton.toggled.connect(self._details_toggled)
        ui.bannerCloseButton.clicked.connect(ui.banner.hide)
        ui.bannerAcceptButton.clicked.connect(self.accept_held)
        ui.bannerKeepButton.clicked.connect(self.keep_current)
        ui.banner.hide()

    @property
    def is_ready(self) -> bool:
        return self.service is not None and self.service.ready

    @property
    def loading(self) -> bool:
        return self._job is not None

    # -- loading ------------------------------------------------------------------------------
    def start(self, path: Path | None = None) -> None:
        if path is not None:
            self.path = path
        self.watcher.watch(self.path)
        self.reload()

    def reload(self) -> None:
        """Load the library on a worker; a reload asked for meanwhile runs once this one is in."""
        if self._job is not None:
            self._again = True
            return
        self.ui.statusLabel.setText(LOADING_TEXT if not self.is_ready else "正在重新加载话术库…")
        job = LoadJob(self.service, self.path, hold=library_shrank)
        job.signals.finished.connect(self._loaded)
        self._job = job
        pool().start(job)

    def _loaded(self, _path: Path, result: "LoadResult", service: "AssistService") -> None:
        self._job = None
        if service is not self.service:
            self.service = service
            self.serviceArrived.emit(service)
        self.show_problems(result)
        if self.is_ready:
            self._show_status()
            if not self._first_ready_done:
                self._first_ready_done = True
                self._trace("ready")
            self._build_index()
        else:
            self.ui.statusLabel.setText("话术库不可用")
        self.changed.emit()
        self.ready.emit(result)
        if self._again:
            self._again = False
            self.reload()

    def _build_index(self) -> None:
        """The browse index, once per library, on a worker (1-2 s at 10,000 scripts)."""
        service = self.service
        assert service is not None
        library = service.library
        if self.index is not None and self.index.library is library:
            return

        def arrived(index: "SearchIndex") -> None:
            if self.is_ready and self.service is not None and self.service.library is index.library:
                self.index = index
                self.searchReady.emit(index)

        self._indexer.run(service.search_index, arrived, lambda message: self.ui.statusLabel.setToolTip(f"搜索索引建立失败：{message}"))

    # -- the held library -----------------------------------------------------------------------
    def accept_held(self) -> None:
        """接受: use the smaller library the last save produced."""
        service = self.service
        if service is not None and service.adopt_held():
            self.toastRequested.emit("已改用新的话术库")
            result = service.last_result
            if result is not None:
                self.show_problems(result)
            else:
                self.ui.banner.hide()
            self._show_status()
            self._build_index()
            self.changed.emit()
        else:
            self.ui.banner.hide()

    def keep_current(self) -> None:
        """保留: go on with the library in use; the next save is checked again."""
        if self.service is not None:
            self.service.drop_held()
        self.ui.banner.hide()
        self.toastRequested.emit("继续使用原来的话术库")

    # -- banner and status line -------------------------------------------------------------------
    def show_problems(self, result: "LoadResult") -> None:
        """Any later load shows the banner again if still needed."""
        ui = self.ui
        banner = banner_for(result, self.service, self.path)
        if banner is None:
            ui.banner.hide()
            ui.bannerLabel.clear()
            ui.bannerDetails.clear()
            return
        ui.bannerActions.setVisible(banner.held)
        ui.bannerLabel.setText(banner.head)
        ui.bannerDetails.setPlainText(banner.details)
        ui.bannerDetailsButton.setChecked(False)
        self._details_toggled(False)
        ui.banner.show()

    def _details_toggled(self, on: bool) -> None:
        self.ui.bannerDetails.setVisible(on)
        self.ui.bannerDetailsButton.setText("收起" if on else "详情")

    @property
    def status_text(self) -> str | None:
        """The status line in full (the label shows it elided to fit)."""
        return self._status_text

    def _show_status(self) -> None:
        assert self.service is not None
        path = str(self.service.library_path)
        self._status_text = f"话术库 {len(self.service.library.scripts)} 条：{path}"
        self.ui.statusLabel.setToolTip(path)
        self.elide_status()

    def elide_status(self) -> None:
        if self._status_text is None:
            return
        label = self.ui.statusLabel
        width = max(label.width(), 40)
        label.setText(label.fontMetrics().elidedText(self._status_text, Qt.TextElideMode.ElideMiddle, width))

    def elide_later(self) -> None:
        QTimer.singleShot(0, self.elide_status)  # once the layout has given the label its width
