"""The 常用 tab: favourites and recently copied scripts. The state (``favourites.Favourites``) is
Qt-free; this panel reads and writes it through the usage controller and shows it. Stars on the
other panels follow ``changed``."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidgetItem

from . import theme as themes
from .copy_request import USUAL
from .list_preview import ListPreview
from .favourites import Favourites
from .widgets import SuggestionCard

if TYPE_CHECKING:
    from .compiled.main_window_ui import Ui_SidebarView
    from .library_ctl import LibraryController
    from .usage import UsageController

TAB = 2
RECENT_REFRESH_MS = 600  # after a copy, re-read 常用 once the writer has had a moment
LOADING_TEXT = "正在加载话术库…"
TAG_ROLE = Qt.ItemDataRole.UserRole + 1


class UsualPanel(ListPreview, QObject):
    source = USUAL
    changed = Signal()  # the favourites changed: stars elsewhere follow
    copyRequested = Signal(object)  # CopyRequest
    toastRequested = Signal(str, bool)

    def __init__(self, ui: "Ui_SidebarView", library: "LibraryController", usage: "UsageController", agent: Callable[[], str], parent: QObject | None = None):
        super().__init__(parent)
        self.ui = ui
        self.library = library
        self.usage = usage
        self.agent = agent  # who the usage history is read for
        self.state = Favourites()
        self.pins: list[str] = []  # Alt+1…9: script ids by slot, "" for an empty one (the shell sets them)
        self.highlight = themes.highlight_colour("light")
        self.list = ui.usualList
        self.preview = SuggestionCard()
        self.preview.copyRequested.connect(self.copy_current)
        self.preview.favouriteRequested.connect(lambda c: self.toggle(c.script.id) if c.script is not None else None)
        self.preview.hide()
        ui.usualPreviewLayout.addWidget(self.preview)
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self.copy_current())
        self.list.installEventFilter(self)
        self.recent_timer = QTimer(self, singleShot=True, interval=RECENT_REFRESH_MS)
        self.recent_timer.timeout.connect(lambda: self.usage.load_lists(self.agent(), flush_first=True))
        usage.listsLoaded.connect(self._lists_loaded)
        usage.listsFailed.connect(self._lists_failed)
        usage.favouriteToggled.connect(self._confirmed)
        usage.favouriteFailed.connect(self._failed)

    # -- the state, from and to the database -------------------------------------------------
    def _lists_loaded(self, favourites: list, recent: list) -> None:
        self.state.loaded(favourites, recent)
        self.changed.emit()
        self.refresh()

    def _lists_failed(self, message: str) -> None:
        self.state.error = message
        self.refresh()

    def note_copied(self, script_id: str) -> None:
        """The copy just made tops the recent list now; the database is re-read shortly after."""
        if not self.usage.available:
            return
        self.state.note_copied(script_id)
        if self.ui.tabs.currentIndex() == TAB:
            self.refresh()
        self.recent_timer.start()

    def toggle(self, script_id: str) -> None:
        if not self.usage.available:
            self.toastRequested.emit("未连接数据库，无法收藏", False)
            self.changed.emit()  # undo the star's own toggle
            return
        now = self.state.toggle(script_id)  # shown at once; the database confirms
        self.changed.emit()
        self.refresh()
        self.usage.toggle_favourite(self.agent(), script_id)
        self.toastRequested.emit("已收藏" if now else "已取消收藏", False)

    def _confirmed(self, script_id: str, now: bool) -> None:
        if self.state.set(script_id, now):
            self.changed.emit()
            self.refresh()

    def _failed(self, _script_id: str, message: str) -> None:
        self.toastRequested.emit("收藏失败：数据库离线", False)
        self.state.error = message
        self.usage.load_lists(self.agent())  # put the stars back as the database has them

    def reload_lists(self) -> None:
        if self.usage.available:
            self.usage.load_lists(self.agent())

    def online_again(self) -> None:
        if self.usage.available and self.state.error:
            self.usage.load_lists(self.agent())  # back: read what we could not

    # -- the list -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the 常用 list from the favourites and recent scripts already read."""
        lst = self.list
        service = self.library.service
        if service is None or not service.ready:
            self._set_state(LOADING_TEXT)
            return
        usage = self.usage
        if not usage.available:
            if usage.started and usage.error:
                self._set_state(f"无法打开使用记录数据库：{usage.error}")
            elif usage.started:
                self._set_state("正在连接使用记录数据库…")
            else:
                self._set_state("没有使用记录数据库，收藏和最近使用不可用")
            lst.clear()
            self.preview.hide()
            return
        self._set_state("离线：收藏和最近使用暂时读不到，恢复后自动刷新" if self.state.error else "")
        lib = service.library
        sections = self.state.sections(lambda sid: lib.get(sid) is not None)
        current = lst.currentItem().data(Qt.ItemDataRole.UserRole) if lst.currentItem() else None
        lst.blockSignals(True)
        lst.clear()
        pick = -1

        def fixed(text: str, *, bold: bool = False) -> None:
            item = QListWidgetItem(text)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            if bold:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            lst.addItem(item)

        def section(tag: str, empty_hint: str) -> None:
            nonlocal pick
            for sid in sections[tag]:
                script = lib.get(sid)
                assert script is not None
                star = "★ " if sid in self.state else ""
                item = QListWidgetItem(f"{star}[{lib.category_label(script.category)}] {script.title}")
                item.setData(Qt.ItemDataRole.UserRole, sid)
                item.setData(TAG_ROLE, tag)
                item.setToolTip(script.replies[0])
                lst.addItem(item)
                if pick < 0 and (current is None or sid == current):
                    pick = lst.count() - 1
            if not sections[tag]:
                fixed("    " + empty_hint)

        pinned = [(n, sid) for n, sid in enumerate(self.pins, 1) if sid and lib.get(sid) is not None]
        if pinned:  # Alt+1…9, from any tab (the shell's shortcut table)
            fixed("固定（Alt+数字 复制）", bold=True)
            for n, sid in pinned:
                script = lib.get(sid)
                assert script is not None
                item = QListWidgetItem(f"Alt+{n}  {script.title}")
                item.setData(Qt.ItemDataRole.UserRole, sid)
                item.setData(TAG_ROLE, "pin")
                item.setToolTip(script.replies[0])
                lst.addItem(item)
        fixed(f"收藏（{len(sections['favourite'])}）", bold=True)
        section("favourite", "在话术卡片上点 ☆ 或按 Ctrl+D 收藏")
        fixed("最近使用", bold=True)
        section("recent", "复制过的话术会出现在这里")
        lst.blockSignals(False)
        if pick < 0:
            pick = next((r for r in range(lst.count()) if lst.item(r).flags() & Qt.ItemFlag.ItemIsSelectable), -1)
        if pick >= 0:
            lst.setCurrentRow(pick)
            self._row_changed(pick)
        else:
            self.preview.hide()

    def _set_state(self, text: str) -> None:
        self.ui.usualState.setText(text)
        self.ui.usualState.setVisible(bool(text))

    @property
    def ids(self) -> dict[str, list[str]]:
        """What the 常用 list shows: {"favourite": [...], "recent": [...]}."""
        out: dict[str, list[str]] = {"favourite": [], "recent": []}
        for row in range(self.list.count()):
            item = self.list.item(row)
            tag = item.data(TAG_ROLE)
            if tag in out:
                out[tag].append(item.data(Qt.ItemDataRole.UserRole))
        return out

    @property
    def pinned_ids(self) -> list[str]:
        """The pinned scripts the 常用 list shows, Alt+1 first."""
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count()) if self.list.item(r).data(TAG_ROLE) == "pin"]

    def starred(self) -> "Favourites":
        return self.state

    def set_stars_available(self, on: bool) -> None:
        self.preview.starButton.setVisible(on)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.copy_current()
            return True
        return super().eventFilter(obj, event)
