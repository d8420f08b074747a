"""The sidebar window and its controller logic. The layout comes from resources/ui/main_window.ui;
this module wires it to the AssistService: live suggestions, copying, browsing, hot reload."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMainWindow, QMenu,
    QPlainTextEdit, QPushButton, QScrollArea, QSystemTrayIcon, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from typing import TYPE_CHECKING

from . import theme as themes
from .clipboard import ClipboardWatcher
from .settings import Preferences, read_geometry
from .uiload import icon, load_view
from .usage import UsageController
from .watcher import LibraryWatcher
from .widgets import PlaceholderForm, SuggestionCard
from .workers import LoadJob, pool

if TYPE_CHECKING:  # the library, matcher and service load behind the shown window
    from ..library import Library, Script
    from ..library.model import LoadResult
    from ..service import AssistService, SuggestionView
    from .stats_view import StatsView

LIMIT = 5
DEBOUNCE_MS = 120
SETTLE_MS = 1500  # a message unchanged this long is "the" question (for the unmatched report)
TOAST_MS = 1200
WIDTH = 360
AGENT_FILTER = "__agent_initiated__"
TAB_SUGGEST, TAB_BROWSE, TAB_USUAL, TAB_STATS = range(4)
RECENT_REFRESH_MS = 600  # after a copy, re-read 常用 once the writer has had a moment
FRAME_SETTLE_MS = 300
ACTIVATE_TRIES = 20  # after Ctrl+T re-shows the window: ask to be activated this many times,
ACTIVATE_RETRY_MS = 50  # this far apart, until the window manager has mapped it
OFFLINE_TIP = "数据库连接中断，记录暂存本机，恢复后自动补写"

LOADING_TEXT = "正在加载话术库…"
EMPTY_TEXT = "输入或粘贴买家消息，这里会实时推荐话术"
NO_MATCH_TEXT = "没有合适的话术"
CHIT_CHAT_TEXT = "买家在闲聊，不是商品问题；可以用下面的话术把话题拉回来："


class MainWindow(QMainWindow):
    libraryLoaded = Signal(object)  # LoadResult, after the window handled it
    copiedText = Signal(str)

    def __init__(
        self,
        service: "AssistService | PendingService",
        settings: QSettings,
        library_path: Path,
        *,
        library_from_command_line: bool = False,
        trace: Callable[[str], None] | None = None,
    ):
        super().__init__()
        self.service = service
        self.settings = settings
        self.prefs = Preferences.read(settings)
        self.library_path = library_path
        self._library_fixed = library_from_command_line
        self._trace = trace or (lambda _event: None)
        self._views: list[SuggestionView] = []
        self._selected = -1
        self._arrived: float | None = None
        self._last_text = ""
        self._reported_unmatched: set[str] = set()
        self._captured = ""  # the last buyer message the clipboard watch put in the box
        self._pending_copy: tuple[Script, int, int | None, float | None] | None = None
        self._job: LoadJob | None = None
        self._reload_again = False
        self._first_ready_done = False
        self._placed = False
        self.tray: QSystemTrayIcon | None = None
        self._favourites: set[str] = set()
        self._favourite_order: list[str] = []
        self._recent: list[str] = []
        self._lists_error: str | None = None
        self._stats_loaded_at: float | None = None
        self._db_arg: str | None = None
        self.usage = UsageController(self)

        # the platform adds the application's display name (客服话术助手) after a title that does
        # not already end with it: this title ends with it, so it is not said twice
        self.setWindowTitle("kefu-assist 客服话术助手")
        self.setWindowIcon(icon("app"))
        self.view = load_view("main_window.ui")
        self.setCentralWidget(self.view)
        self._bind_view()
        self._build_cards()
        self.form = PlaceholderForm()
        self.formHost.layout().addWidget(self.form)
        self.form.accepted.connect(self._form_accepted)
        self.form.cancelled.connect(self._form_cancelled)

        self.clipboard = ClipboardWatcher(self)
        self.clipboard.textCopied.connect(self.set_message_from_clipboard)
        self.watcher = LibraryWatcher(self)
        self.watcher.changed.connect(self.reload_library)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.update_suggestions)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._message_settled)
        self._toast_timer = QTimer(self, singleShot=True, interval=TOAST_MS)
        self._toast_timer.timeout.connect(self.toastLabel.hide)
        self._recent_timer = QTimer(self, singleShot=True, interval=RECENT_REFRESH_MS)
        self._recent_timer.timeout.connect(lambda: self.usage.load_lists(self.agent_name, flush_first=True))

        self._connect()
        self._shortcuts()
        self.apply_preferences(self.prefs, save=False)
        self._show_state(LOADING_TEXT)
        self.banner.hide()
        self.toastLabel.hide()
        self._setup_tray()

    # -- view binding -------------------------------------------------------------------------
    def _bind_view(self) -> None:
        find = self.view.findChild
        self.messageEdit: QPlainTextEdit = find(QPlainTextEdit, "messageEdit")
        self.clipboardCheck: QCheckBox = find(QCheckBox, "clipboardCheck")
        self.pinButton: QToolButton = find(QToolButton, "pinButton")
        self.settingsButton: QToolButton = find(QToolButton, "settingsButton")
        self.banner: QFrame = find(QFrame, "banner")
        self.bannerLabel: QLabel = find(QLabel, "bannerLabel")
        self.bannerDetails: QPlainTextEdit = find(QPlainTextEdit, "bannerDetails")
        self.bannerDetailsButton: QToolButton = find(QToolButton, "bannerDetailsButton")
        self.bannerCloseButton: QToolButton = find(QToolButton, "bannerCloseButton")
        self.bannerActions: QWidget = find(QWidget, "bannerActions")
        self.bannerAcceptButton: QPushButton = find(QPushButton, "bannerAcceptButton")
        self.bannerKeepButton: QPushButton = find(QPushButton, "bannerKeepButton")
        # file paths in the details have no spaces: wrap them anywhere rather than widen the sidebar
        # (set here: QUiLoader cannot read this enum from the .ui)
        from PySide6.QtGui import QTextOption

        self.bannerDetails.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.tabs: QTabWidget = find(QTabWidget, "tabs")
        self.stateLabel: QLabel = find(QLabel, "stateLabel")
        self.suggestionsArea: QScrollArea = find(QScrollArea, "suggestionsArea")
        self.suggestionsLayout: QVBoxLayout = find(QWidget, "suggestionsHost").layout()
        self.categoryCombo: QComboBox = find(QComboBox, "categoryCombo")
        self.searchEdit: QLineEdit = find(QLineEdit, "searchEdit")
        self.scriptList: QListWidget = find(QListWidget, "scriptList")
        self.previewHost: QWidget = find(QWidget, "previewHost")
        self.formHost: QWidget = find(QWidget, "formHost")
        self.statusLabel: QLabel = find(QLabel, "statusLabel")
        self.toastLabel: QLabel = find(QLabel, "toastLabel")
        self.offlineBadge: QLabel = find(QLabel, "offlineBadge")
        self.usualState: QLabel = find(QLabel, "usualState")
        self.usualList: QListWidget = find(QListWidget, "usualList")
        self.usualPreviewHost: QWidget = find(QWidget, "usualPreviewHost")
        self.statsTab: QWidget = find(QWidget, "statsTab")
        self._stats_view = None  # built the first time the 统计 tab is opened
        self.offlineBadge.hide()
        self.usualList.installEventFilter(self)
        self.pinButton.setIcon(icon("pin"))
        self.settingsButton.setIcon(icon("settings"))
        self.messageEdit.installEventFilter(self)
        self.scriptList.installEventFilter(self)
        self.searchEdit.installEventFilter(self)
        self.suggestionsArea.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _build_cards(self) -> None:
        self.cards: list[SuggestionCard] = []
        self.noMatchLabel = QLabel(NO_MATCH_TEXT)
        for rank in range(1, LIMIT + 1):
            card = SuggestionCard()
            card.copyRequested.connect(self._card_copy)
            card.selectRequested.connect(lambda c: self.select(self.cards.index(c)))
            card.hide()
            self.suggestionsLayout.addWidget(card)
            self.cards.append(card)
        self.suggestionsLayout.addStretch(1)
        self.preview = SuggestionCard()
        self.preview.copyRequested.connect(self._preview_copy)
        self.preview.hide()
        self.previewHost.layout().addWidget(self.preview)
        self.usualPreview = SuggestionCard()
        self.usualPreview.copyRequested.connect(self._usual_copy)
        self.usualPreview.hide()
        self.usualPreviewHost.layout().addWidget(self.usualPreview)
        for card in (*self.cards, self.preview, self.usualPreview):
            card.favouriteRequested.connect(lambda c: c.script is not None and self.toggle_favourite(c.script.id))

    def _connect(self) -> None:
        self.messageEdit.textChanged.connect(self._message_changed)
        self.clipboardCheck.toggled.connect(self._clipboard_toggled)
        self.pinButton.toggled.connect(self._pin_toggled)
        self.settingsButton.clicked.connect(self.open_settings)
        self.bannerDetailsButton.toggled.connect(self._banner_details_toggled)
        self.bannerCloseButton.clicked.connect(self.banner.hide)
        self.bannerAcceptButton.clicked.connect(self.accept_held_library)
        self.bannerKeepButton.clicked.connect(self.keep_current_library)
        self.categoryCombo.currentIndexChanged.connect(self.refresh_browse)
        self.searchEdit.textChanged.connect(self.refresh_browse)
        self.searchEdit.returnPressed.connect(self._preview_copy)
        self.scriptList.currentRowChanged.connect(self._browse_row_changed)
        self.scriptList.itemDoubleClicked.connect(lambda _item: self._preview_copy())
        self.usualList.currentRowChanged.connect(self._usual_row_changed)
        self.usualList.itemDoubleClicked.connect(lambda _item: self._usual_copy())
        self.tabs.currentChanged.connect(self._tab_changed)
        self.usage.recorderChanged.connect(self._usage_ready)
        self.usage.statusChanged.connect(self._usage_status)
        self.usage.listsLoaded.connect(self._lists_loaded)
        self.usage.listsFailed.connect(self._lists_failed)
        self.usage.favouriteToggled.connect(self._favourite_toggled)
        self.usage.favouriteFailed.connect(self._favourite_failed)
        self.usage.statsLoaded.connect(self._stats_loaded)
        self.usage.statsFailed.connect(self._stats_failed)

    def _shortcuts(self) -> None:
        def add(keys: str, slot) -> QShortcut:
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(slot)
            return sc

        add("Ctrl+L", self.focus_message)
        add("F6", self.focus_message)
        add("Ctrl+F", self.focus_search)
        add("Ctrl+,", self.open_settings)
        add("Alt+Left", lambda: self._step_variant(-1))
        add("Alt+Right", lambda: self._step_variant(1))
        for n in range(1, LIMIT + 1):
            add(f"Ctrl+{n}", lambda n=n: self.copy_rank(n))
        self.pinButton.setToolTip("窗口置顶 (Ctrl+T)")
        add("Ctrl+T", self.pinButton.toggle)
        add("Ctrl+D", self.toggle_current_favourite)
        add("F5", lambda: self.refresh_stats() if self.tabs.currentIndex() == TAB_STATS else None)
        self.tabs.setTabToolTip(TAB_SUGGEST, "推荐话术：↑/↓ 选择，Enter 复制，Ctrl+1…5 复制第 N 条")
        self.tabs.setTabToolTip(TAB_BROWSE, "浏览全部话术 (Ctrl+F 搜索)")
        self.tabs.setTabToolTip(TAB_USUAL, "收藏和最近复制的话术 (Ctrl+D 收藏/取消当前话术)")
        self.tabs.setTabToolTip(TAB_STATS, "使用统计（组长用）：常用/少用话术、未匹配问题、响应速度")

    # -- window placement -----------------------------------------------------------------------
    def place(self) -> None:
        """Restore the saved geometry, or dock at the right edge of the screen the first time."""
        geometry = read_geometry(self.settings)
        if geometry is not None and self.restoreGeometry(geometry):
            self._keep_on_screen()
            return
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        if area is None or area.isEmpty():
            self.resize(WIDTH, 760)
            return
        height = max(480, area.height() - 40)
        self.resize(WIDTH, min(height, area.height()))
        frame_extra = self.frameGeometry().width() - self.geometry().width()
        self.move(area.right() - WIDTH - frame_extra + 1, area.top() + max(0, (area.height() - self.height()) // 2))

    def _keep_on_screen(self) -> None:
        """A saved geometry from a wider window or another screen layout must not leave the copy
        buttons, the pin and the settings off the right edge: pull the window back inside."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        if area is None or area.isEmpty():
            return
        frame = self.frameGeometry()
        extra = frame.width() - self.width()
        width = min(self.width(), area.width() - extra)
        if width != self.width():
            self.resize(width, self.height())
            frame = self.frameGeometry()
        x = min(max(frame.left(), area.left()), area.right() - frame.width() + 1)
        y = min(max(frame.top(), area.top()), max(area.top(), area.bottom() - frame.height() + 1))
        if (x, y) != (frame.left(), frame.top()):
            self.move(x, y)

    def showEvent(self, event) -> None:
        if not self._placed:
            self._placed = True
            self.place()
            # a window manager adds its frame after the window is mapped: pull the frame inside
            # the screen's edge once it is there
            QTimer.singleShot(FRAME_SETTLE_MS, self._keep_on_screen)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        if self.tray is not None:
            self.tray.hide()
        self._recent_timer.stop()
        self.usage.close()  # flush what the database takes within a few seconds; the rest stays spooled
        super().closeEvent(event)

    def save_geometry(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()

    # -- preferences ------------------------------------------------------------------------
    def apply_preferences(self, prefs: Preferences, *, save: bool = True) -> None:
        old = self.prefs
        self.prefs = prefs
        self.service.set_overrides({"shop": prefs.shop, "agent": prefs.agent})
        self.service.agent = self.agent_name
        self.setStyleSheet(self._stylesheet())
        if self._stats_view is not None:
            self._stats_view.set_palette(themes.PALETTES.get(prefs.theme, themes.PALETTES["light"]))
        self._set_on_top(prefs.always_on_top)
        self.pinButton.blockSignals(True)
        self.pinButton.setChecked(prefs.always_on_top)
        self.pinButton.setIcon(icon("pin-on" if prefs.always_on_top else "pin"))
        self.pinButton.blockSignals(False)
        self.clipboardCheck.blockSignals(True)
        self.clipboardCheck.setChecked(prefs.clipboard_watch)
        self.clipboardCheck.blockSignals(False)
        self.clipboard.set_enabled(prefs.clipboard_watch)
        if save:
            prefs.write(self.settings)
            if not self._library_fixed and prefs.library_path != old.library_path:
                from ..resources import default_library_path

                self.library_path = Path(prefs.library_path) if prefs.library_path else default_library_path()
                self.start_library()
            if prefs.db_url != old.db_url and self.usage.started:
                self.reconnect_usage()
            elif prefs.agent != old.agent:
                self.usage.load_lists(self.agent_name)
        if self.service.ready:
            self.refresh_all()

    @property
    def agent_name(self) -> str:
        """Who the usage history records: the nickname set in 设置, else the system user name
        (so that an agent who never set one is still told apart in 统计)."""
        return self.prefs.agent.strip() or system_user_name()

    def _stylesheet(self) -> str:
        size = self.prefs.font_size
        extra = (
            f"\nQWidget {{ font-size: {size}pt; }}"
            f"\nQLabel#scoreLabel, QLabel#clauseLabel, QLabel#rankLabel, QLabel#variantLabel, QLabel#categoryChip {{ font-size: {max(7, size - 1)}pt; }}"
            f"\nQLabel#titleLabel {{ font-size: {size + 1}pt; }}"
        )
        return themes.stylesheet(self.prefs.theme) + extra

    def _set_on_top(self, on: bool) -> None:
        if bool(self.windowFlags() & Qt.WindowType.WindowStaysOnTopHint) == on:
            return
        hint = Qt.WindowType.WindowStaysOnTopHint
        flags = self.windowFlags() | hint if on else self.windowFlags() & ~hint
        handle = self.windowHandle()
        if handle is not None and self.isVisible():
            # Change the shown window in place (X11: _NET_WM_STATE_ABOVE). setWindowFlags would
            # hide and re-create it: the window manager then unfocuses it, keys go nowhere, and
            # the re-shown window is laid out afresh.
            self.overrideWindowFlags(flags)
            handle.setFlags(handle.flags() | hint if on else handle.flags() & ~hint)
            if not self.isActiveWindow():
                self._take_keys_back(self.focusWidget())
        else:
            self.setWindowFlags(flags)

    def _take_keys_back(self, widget: QWidget | None = None) -> None:
        """Make the window active again with the keyboard where it was (the message box by
        default): after re-showing for Ctrl+T and after the settings dialog closes, keys would
        otherwise go nowhere until the agent clicks."""
        target = widget if widget is not None and widget.window() is self and widget.isVisible() else self.messageEdit
        self._activate(target, ACTIVATE_TRIES)

    def _activate(self, target: QWidget, tries: int) -> None:
        # A window manager ignores an activation request for a window it has not mapped yet, and
        # a re-shown window is mapped a moment later: ask again until the window is active.
        if QGuiApplication.platformName() != "offscreen":  # which has no stacking (and says so)
            self.raise_()
        self.activateWindow()
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        if tries > 1 and not self.isActiveWindow():
            QTimer.singleShot(ACTIVATE_RETRY_MS, lambda: self.isVisible() and self._activate(target, tries - 1))

    def _pin_toggled(self, on: bool) -> None:
        prefs = Preferences(**{**self.prefs.__dict__, "always_on_top": on})
        self.apply_preferences(prefs)

    def _clipboard_toggled(self, on: bool) -> None:
        prefs = Preferences(**{**self.prefs.__dict__, "clipboard_watch": on})
        self.apply_preferences(prefs)

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.prefs, self, library_fixed=self._library_fixed, db_fixed=self._db_override())
        dialog.setStyleSheet(self._stylesheet())
        focused = self.focusWidget()
        accepted = dialog.exec()
        dialog.deleteLater()
        if accepted:
            self.apply_preferences(dialog.preferences())
        self._take_keys_back(focused)

    def _setup_tray(self) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        tray = QSystemTrayIcon(icon("app"), self)
        tray.setToolTip("客服话术助手")
        menu = QMenu(self)
        show = QAction("显示窗口", menu)
        show.triggered.connect(self._bring_up)
        settings = QAction("设置…", menu)
        settings.triggered.connect(self.open_settings)
        quit_ = QAction("退出", menu)
        quit_.triggered.connect(self.close)
        for a in (show, settings, quit_):
            menu.addAction(a)
        tray.setContextMenu(menu)
        tray.activated.connect(lambda reason: self._bring_up() if reason == QSystemTrayIcon.ActivationReason.Trigger else None)
        tray.show()
        self.tray = tray

    def _bring_up(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.focus_message()

    # -- library loading ----------------------------------------------------------------------
    def start_library(self) -> None:
        self.watcher.watch(self.library_path)
        self.reload_library()

    def reload_library(self) -> None:
        if self._job is not None:
            self._reload_again = True
            return
        if not self.service.ready:
            self._show_state(LOADING_TEXT)
        self.statusLabel.setText(LOADING_TEXT if not self.service.ready else "正在重新加载话术库…")
        job = LoadJob(self.service, self.library_path, hold=library_shrank)
        job.signals.finished.connect(self._library_loaded)
        self._job = job
        pool().start(job)

    @property
    def loading(self) -> bool:
        return self._job is not None

    def _library_loaded(self, path: Path, result: "LoadResult", service=None) -> None:
        self._job = None
        if service is not None and service is not self.service:
            pending, self.service = self.service, service
            service.set_overrides(pending.overrides)
            service.agent = pending.agent
            service.recorder = pending.recorder
        self._show_problems(result)
        if self.service.ready:
            self._show_library_status()
            if not self._first_ready_done:
                self._first_ready_done = True
                self._trace("ready")
            self.refresh_all()
        else:
            self.statusLabel.setText("话术库不可用")
            self._show_state("话术库加载失败，见上方提示")
        self.libraryLoaded.emit(result)
        if self._reload_again:
            self._reload_again = False
            self.reload_library()

    def _show_library_status(self) -> None:
        """The status line names the library in use (elided to fit), not only its tooltip."""
        lib = self.service.library
        path = str(self.service.library_path)
        self._status_text = f"话术库 {len(lib.scripts)} 条：{path}"
        self.statusLabel.setToolTip(path)
        self._elide_status()

    def _elide_status(self) -> None:
        text = getattr(self, "_status_text", None)
        if text is None:
            return
        width = max(self.statusLabel.width(), 40)
        self.statusLabel.setText(self.statusLabel.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, width))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._elide_status)  # once the layout has given the label its width

    def _show_problems(self, result: LoadResult) -> None:
        """The banner: a plain Chinese sentence for the agent, the file:line list for the team
        lead behind 详情, and a close button; any later load shows it again if still needed."""
        errors = list(result.errors)
        ready = self.service.ready
        held = getattr(self.service, "held", None)
        from ..library.loader import NO_SCRIPTS

        empty = (result.library is not None and not result.library.scripts) or any(p.message.startswith(NO_SCRIPTS) for p in errors)
        self.bannerActions.setVisible(held is not None)
        details = [str(p) for p in errors]
        if held is not None:
            current = self.service.library
            kept = {s.id for s in held.scripts}
            gone = [s for s in current.scripts if s.id not in kept]
            head = (
                f"刚保存的话术库只有 {len(held.scripts)} 条话术，比正在用的少了 {len(current.scripts) - len(held.scripts)} 条"
                f"（原有 {len(current.scripts)} 条）。为防误删，仍在使用原来的话术库，要改用新的吗？"
            )
            details = [f"少了的话术（{len(gone)} 条）：", *(f"  {s.id}  {s.title}" for s in gone), *details]
        elif empty:
            head = "话术库里一条话术也没有，" + ("仍在使用上次加载的话术库。" if ready else "现在无法推荐话术。") + "请告诉组长。"
            if not details and result.library is not None:
                details = [f"{result.library.files[0] if result.library.files else self.library_path}: 没有任何话术 (no scripts)"]
        elif not errors:
            self.banner.hide()
            self.bannerLabel.clear()
            self.bannerDetails.clear()
            return
        elif result.library is None:
            head = ("话术库文件有错误，没有生效，仍在使用上次加载的话术库。" if ready else "话术库文件有错误，无法加载。") + "请告诉组长。"
        else:
            head = f"话术库有 {len(errors)} 处错误，出错的话术已跳过，其余照常可用。请告诉组长。"
        self.bannerLabel.setText(head)
        self.bannerDetails.setPlainText("\n".join(details))
        self.bannerDetailsButton.setChecked(False)
        self._banner_details_toggled(False)
        self.banner.show()

    def _banner_details_toggled(self, on: bool) -> None:
        self.bannerDetails.setVisible(on)
        self.bannerDetailsButton.setText("收起" if on else "详情")

    def accept_held_library(self) -> None:
        """接受: use the smaller library the last save produced."""
        if self.service.adopt_held():
            self.toast("已改用新的话术库")
            result = self.service.last_result
            self._show_problems(result) if result is not None else self.banner.hide()
            self._show_library_status()
            self.refresh_all()
        else:
            self.banner.hide()

    def keep_current_library(self) -> None:
        """保留: go on with the library in use; the next save is checked again."""
        self.service.drop_held()
        self.banner.hide()
        self.toast("继续使用原来的话术库")

    @property
    def banner_text(self) -> str:
        """What the banner says, its details included ("" while hidden)."""
        if self.banner.isHidden():
            return ""
        return self.bannerLabel.text() + "\n" + self.bannerDetails.toPlainText()

    def refresh_all(self) -> None:
        self._fill_categories()
        self.refresh_browse()
        self.update_suggestions()
        self.refresh_usual()

    # -- the buyer message ------------------------------------------------------------------
    @property
    def message(self) -> str:
        return self.messageEdit.toPlainText()

    def _message_changed(self) -> None:
        text = self.message
        if text.strip() and not self._last_text.strip():
            self._arrived = time.monotonic()
        if text.strip() and text != self._last_text:
            # a new message (typed, pasted or captured) is answered where the agent can see it:
            # Enter must never copy a card hidden behind 浏览全部, 常用 or 统计
            self.tabs.setCurrentIndex(TAB_SUGGEST)
        self._last_text = text
        self._debounce.start()
        self._settle.start()

    def set_message(self, text: str) -> None:
        self.messageEdit.setPlainText(text)
        self._arrived = time.monotonic()
        self._debounce.stop()
        self.update_suggestions()

    def set_message_from_clipboard(self, text: str) -> None:
        self._captured = text.strip()
        self.set_message(self._captured)
        self.tabs.setCurrentIndex(TAB_SUGGEST)

    def _paste_captured(self) -> bool:
        """Ctrl+V of the text the clipboard watch has just put in the box replaces the message
        (the agent pastes out of habit; appending would ask about 包邮吗包邮吗)."""
        captured = self._captured
        if not captured or not self.clipboard.enabled:
            return False
        if QGuiApplication.clipboard().text().strip() != captured:
            return False
        self.set_message(captured)
        cursor = self.messageEdit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.messageEdit.setTextCursor(cursor)
        return True

    def clear_message(self) -> None:
        self.messageEdit.clear()
        self.form.hide()
        self._pending_copy = None

    def focus_message(self) -> None:
        self.activateWindow()
        self.messageEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.messageEdit.selectAll()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(TAB_BROWSE)
        self.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.searchEdit.selectAll()

    # -- suggestions --------------------------------------------------------------------------
    def update_suggestions(self) -> None:
        """Recompute the cards for the current message (the slot the keystroke benchmark times)."""
        self._debounce.stop()
        text = self.message
        if not self.service.ready:
            self._views = []
            self._hide_cards(0)
            self._show_state(LOADING_TEXT if self.loading else "话术库不可用")
            return
        if not text.strip():
            self._views = []
            self._hide_cards(0)
            self._show_state(EMPTY_TEXT)
            self.messageEdit.setExtraSelections([])
            self.select(-1)
            return
        from ..matching import clauses, normalize

        views = self.service.suggest(text, limit=LIMIT)
        self._views = views
        confident = [v for v in views if v.suggestion.confident]
        multi = len(clauses(normalize(text))) > 1
        lib = self.service.library
        hl = themes.highlight_colour(self.prefs.theme)
        for i, (card, view) in enumerate(zip(self.cards, views)):
            s = view.suggestion
            card.set_content(
                view.script,
                view.replies,
                category_label=lib.category_label(view.script.category),
                colour=themes.category_colour(view.script.category),
                highlight=hl,
                terms=s.matched_terms if s.confident else (),  # a guess must not look like a match
                score=s.score,
                clause=s.clause if multi and s.confident else "",
                rank=i + 1,
                weak=not s.confident,
            )
            card.set_favourite(view.script.id in self._favourites)
            card.show()
        self._hide_cards(len(views))
        if not confident and views and views[0].suggestion.chit_chat:
            self._show_state(CHIT_CHAT_TEXT, empty=True)
        elif not confident:
            self._show_state(NO_MATCH_TEXT + ("，以下是最接近的话术：" if views else ""), empty=True)
        else:
            self._show_state(f"{len(clauses(normalize(text)))} 个问题，已按问题推荐" if multi else "")
        self._highlight_message(views)
        # without a confident suggestion nothing is selected: Enter must not copy a guess
        # (↓ or Ctrl+1…5 still pick one on purpose)
        self.select(next((i for i, v in enumerate(views) if v.suggestion.confident), -1))
        self.suggestionsArea.verticalScrollBar().setValue(0)

    def _hide_cards(self, start: int) -> None:
        for card in self.cards[start:]:
            if not card.isHidden():
                card.hide()
            card.set_selected(False)

    def _show_state(self, text: str, *, empty: bool = False) -> None:
        self.stateLabel.setText(text)
        self.stateLabel.setVisible(bool(text))
        if bool(self.stateLabel.property("empty")) != empty:
            self.stateLabel.setProperty("empty", empty)
            self.stateLabel.style().unpolish(self.stateLabel)
            self.stateLabel.style().polish(self.stateLabel)

    def _highlight_message(self, views: list[SuggestionView]) -> None:
        # imported here, not at the top: building these classes is start-up time the window
        # does not need before the first suggestion
        from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
        from PySide6.QtWidgets import QTextEdit

        terms = {t for v in views if v.suggestion.confident for t in v.suggestion.matched_terms if t.strip()}
        text = self.message
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setForeground(QColor(themes.highlight_colour(self.prefs.theme)))
        selections = []
        for term in sorted(terms, key=len, reverse=True):
            start = text.find(term)
            while start != -1:
                sel = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.messageEdit.document())
                cursor.setPosition(start)
                cursor.setPosition(start + len(term), QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cursor
                sel.format = fmt
                selections.append(sel)
                start = text.find(term, start + len(term))
        self.messageEdit.setExtraSelections(selections)

    @property
    def visible_cards(self) -> list[SuggestionCard]:
        return [c for c in self.cards if not c.isHidden()]

    def select(self, index: int) -> None:
        """Select the card at ``index`` (clamped to the cards shown); a negative index selects none."""
        count = len(self._views)
        index = -1 if count == 0 or index < 0 else min(index, count - 1)
        self._selected = index
        for i, card in enumerate(self.cards):
            card.set_selected(i == index)
        if index >= 0:
            self.suggestionsArea.ensureWidgetVisible(self.cards[index], 0, 4)

    @property
    def selected(self) -> int:
        return self._selected

    def _step_variant(self, step: int) -> None:
        if self.tabs.currentIndex() == TAB_BROWSE:
            self.preview.step_variant(step)
        elif self.tabs.currentIndex() == TAB_USUAL:
            self.usualPreview.step_variant(step)
        elif self._selected >= 0:
            self.cards[self._selected].step_variant(step)

    def _message_settled(self) -> None:
        text = self.message.strip()
        if not text or not self.service.ready:
            return
        if self._debounce.isActive():
            self.update_suggestions()
        if any(v.suggestion.confident for v in self._views):
            return
        if self._views and self._views[0].suggestion.chit_chat:  # not a question the library lacks
            return
        if text in self._reported_unmatched:
            return
        self._reported_unmatched.add(text)
        self.service.unmatched(text)

    # -- keys -------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            if obj is self.messageEdit:
                return self._message_key(event)
            if obj is self.scriptList and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._preview_copy()
                return True
            if obj is self.usualList and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._usual_copy()
                return True
            if obj is self.searchEdit and event.key() == Qt.Key.Key_Down:
                self.scriptList.setFocus()
                if self.scriptList.currentRow() < 0 and self.scriptList.count():
                    self.scriptList.setCurrentRow(0)
                return True
        return super().eventFilter(obj, event)

    def _message_key(self, event) -> bool:
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not (mods & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)):
            if self._debounce.isActive():
                self.update_suggestions()
            if self._views:
                self.tabs.setCurrentIndex(TAB_SUGGEST)
                self.select(max(0, self._selected + (1 if key == Qt.Key.Key_Down else -1)))
                return True
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.messageEdit.insertPlainText("\n")
                return True
            if self._debounce.isActive():
                self.update_suggestions()
            self.copy_selected()
            return True
        if event.matches(QKeySequence.StandardKey.Paste) and self._paste_captured():
            return True
        if key == Qt.Key.Key_Escape:
            if self.form.isVisible():
                self.form.cancel()
            else:
                self.clear_message()
            return True
        return False

    # -- copying ------------------------------------------------------------------------------
    def copy_selected(self) -> None:
        """Enter: copy the selected card, and only while the agent can see it."""
        if self.tabs.currentIndex() != TAB_SUGGEST:
            self.tabs.setCurrentIndex(TAB_SUGGEST)  # show what Enter would copy; the next Enter copies
            if self.message.strip():
                self.toast("再按 Enter 复制选中的话术")
            return
        if not self.message.strip() or not self.service.ready:
            return
        if not 0 <= self._selected < len(self._views) or self.cards[self._selected].isHidden():
            self.toast(NO_MATCH_TEXT, warn=True)
            return
        self.copy_rank(self._selected + 1)

    def copy_rank(self, rank: int) -> None:
        if self._debounce.isActive():
            self.update_suggestions()
        if not 1 <= rank <= len(self._views):
            return
        self.tabs.setCurrentIndex(TAB_SUGGEST)  # the agent sees what Ctrl+N copied
        self.select(rank - 1)
        card = self.cards[rank - 1]
        view = self._views[rank - 1]
        self.request_copy(view.script, card.variant, rank, view.suggestion.score)

    def _card_copy(self, card: SuggestionCard) -> None:
        index = self.cards.index(card)
        if index < len(self._views):
            self.copy_rank(index + 1)

    def request_copy(self, script: Script, variant: int, rank: int | None, score: float | None) -> None:
        rendered = self.service.render(script.id, variant)
        if rendered.missing:
            self._pending_copy = (script, variant, rank, score)
            self.form.ask(script.title, rendered.missing)
            return
        self._finish_copy(script, variant, rank, score, rendered.text)

    def _form_accepted(self, values: dict) -> None:
        pending, self._pending_copy = self._pending_copy, None
        if pending is None:
            return
        script, variant, rank, score = pending
        rendered = self.service.render(script.id, variant, values)
        self._finish_copy(script, variant, rank, score, rendered.text)
        self._refocus_after_form(rank)

    def _form_cancelled(self) -> None:
        pending, self._pending_copy = self._pending_copy, None
        self._refocus_after_form(pending[2] if pending else 1)

    def _refocus_after_form(self, rank: int | None) -> None:
        if rank is None and self.tabs.currentIndex() == TAB_BROWSE:
            self.scriptList.setFocus()
        elif rank is None and self.tabs.currentIndex() == TAB_USUAL:
            self.usualList.setFocus()
        else:
            self.messageEdit.setFocus()

    def _finish_copy(self, script: Script, variant: int, rank: int | None, score: float | None, text: str) -> None:
        from ..service import CopyEvent

        self.clipboard.copy(text)
        self.toast("已复制")
        seconds = time.monotonic() - self._arrived if (rank is not None and self._arrived is not None) else None
        self.service.copied(
            CopyEvent(
                script_id=script.id,
                category=script.category,
                variant=variant,
                rank=rank,
                score=score,
                question=self.message if rank is not None else "",
                seconds_to_copy=seconds,
            )
        )
        self._note_recent(script.id)
        self.copiedText.emit(text)

    def toast(self, text: str, *, warn: bool = False) -> None:
        if bool(self.toastLabel.property("warn")) != warn:
            self.toastLabel.setProperty("warn", warn)
            self.toastLabel.style().unpolish(self.toastLabel)
            self.toastLabel.style().polish(self.toastLabel)
        # the label's maximum width keeps a long message from widening the sidebar; it elides
        room = self.toastLabel.maximumWidth() - 20
        self.toastLabel.setText(self.toastLabel.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room))
        self.toastLabel.setToolTip(text)
        self.toastLabel.show()
        self._toast_timer.start()

    # -- browsing -----------------------------------------------------------------------------
    def _fill_categories(self) -> None:
        lib = self.service.library
        current = self.categoryCombo.currentData()
        self.categoryCombo.blockSignals(True)
        self.categoryCombo.clear()
        self.categoryCombo.addItem(f"全部分类（{len(lib.scripts)}）", None)
        agent = [s for s in lib.scripts if s.agent_initiated]
        if agent:
            names = "、".join(s.title.split("：")[0] for s in agent[:3])
            self.categoryCombo.addItem(f"主动发送：{names}…（{len(agent)}）", AGENT_FILTER)
        for cid, label in lib.categories.items():
            n = len(lib.in_category(cid))
            if n:
                self.categoryCombo.addItem(f"{label}（{n}）", cid)
        index = self.categoryCombo.findData(current)
        self.categoryCombo.setCurrentIndex(max(0, index))
        self.categoryCombo.blockSignals(False)

    def refresh_browse(self) -> None:
        if not self.service.ready:
            return
        data = self.categoryCombo.currentData()
        category = None if data in (None, AGENT_FILTER) else data
        scripts = self.service.browse(category, self.searchEdit.text())
        if data == AGENT_FILTER:
            scripts = [s for s in scripts if s.agent_initiated]
        lib = self.service.library
        current = self.scriptList.currentItem().data(Qt.ItemDataRole.UserRole) if self.scriptList.currentItem() else None
        self.scriptList.blockSignals(True)
        self.scriptList.clear()
        row = 0
        for i, script in enumerate(scripts):
            item = QListWidgetItem(self._browse_text(script))
            item.setData(Qt.ItemDataRole.UserRole, script.id)
            item.setToolTip(script.replies[0])
            self.scriptList.addItem(item)
            if script.id == current:
                row = i
        self.scriptList.blockSignals(False)
        if scripts:
            self.scriptList.setCurrentRow(row)
            self._browse_row_changed(row)
        else:
            self.preview.hide()

    def _browse_row_changed(self, row: int) -> None:
        item = self.scriptList.item(row) if row >= 0 else None
        script = self.service.library.get(item.data(Qt.ItemDataRole.UserRole)) if item else None
        if script is None:
            self.preview.hide()
            return
        replies = tuple(self.service.render(script.id, i) for i in range(len(script.replies)))
        self.preview.set_content(
            script,
            replies,
            category_label=self.service.library.category_label(script.category),
            colour=themes.category_colour(script.category),
            highlight=themes.highlight_colour(self.prefs.theme),
        )
        self.preview.set_favourite(script.id in self._favourites)
        self.preview.show()

    def _preview_copy(self, *_args) -> None:
        if self.preview.isHidden() or self.preview.script is None:
            return
        self.request_copy(self.preview.script, self.preview.variant, None, None)


    def _browse_text(self, script: "Script") -> str:
        tag = "（主动）" if script.agent_initiated else ""
        star = "★ " if script.id in self._favourites else ""
        return f"{star}[{self.service.library.category_label(script.category)}] {script.title}{tag}"

    # -- usage history: recorder, offline mark ----------------------------------------------------
    def start_usage(self, db: str | None = None) -> None:
        """Open the usage database behind the shown window (the recorder is built on a worker;
        events recorded meanwhile wait in the controller's proxy)."""
        self._db_arg = db
        self.service.recorder = self.usage.proxy
        self.usage.start(db)

    def reconnect_usage(self) -> None:
        self._stats_loaded_at = None
        self.usage.reconnect()
        self.refresh_usual()

    def _db_override(self) -> str:
        """What outranks the db_url setting in this run, if anything (for the settings dialog)."""
        import os

        if self._db_arg:
            return "--db"
        if os.environ.get("KEFU_ASSIST_DB", "").strip():
            return "环境变量 KEFU_ASSIST_DB"
        return ""

    def _usage_ready(self) -> None:
        available = self.usage.available
        for card in (*self.cards, self.preview, self.usualPreview):
            card.starButton.setVisible(available)
        self._usage_status(self.usage.online)
        if available:
            self.usage.load_lists(self.agent_name)
            if self.tabs.currentIndex() == TAB_STATS:
                self.refresh_stats()
        else:
            self.refresh_usual()

    def _usage_status(self, online: bool) -> None:
        self.offlineBadge.setVisible(not online)
        error = self.usage.error
        tip = OFFLINE_TIP
        if self.usage.url:
            tip += f"\n数据库：{self.usage.db_label}"
        if error:
            tip += f"\n原因：{error}"
        self.offlineBadge.setToolTip(tip)
        if online and self.usage.available and self._lists_error:
            self.usage.load_lists(self.agent_name)  # back: read what we could not

    @property
    def offline(self) -> bool:
        return not self.offlineBadge.isHidden()

    # -- 常用: favourites and recent scripts ------------------------------------------------------
    def _lists_loaded(self, favourites: list, recent: list) -> None:
        self._lists_error = None
        self._favourite_order = list(favourites)
        self._favourites = set(favourites)
        self._recent = list(recent)
        self._favourites_changed()

    def _lists_failed(self, message: str) -> None:
        self._lists_error = message
        self.refresh_usual()

    def _note_recent(self, script_id: str) -> None:
        """The copy just made tops the recent list now; the database is re-read shortly after."""
        if self.service.recorder is not self.usage.proxy:
            return
        self._recent = [script_id, *(s for s in self._recent if s != script_id)][:10]
        if self.tabs.currentIndex() == TAB_USUAL:
            self.refresh_usual()
        self._recent_timer.start()

    def is_favourite(self, script_id: str) -> bool:
        return script_id in self._favourites

    def toggle_favourite(self, script_id: str) -> None:
        if not self.usage.available:
            self.toast("未连接数据库，无法收藏")
            self._favourites_changed()  # undo the star's own toggle
            return
        now = script_id not in self._favourites  # shown at once; the database confirms
        self._set_favourite(script_id, now)
        self.usage.toggle_favourite(self.agent_name, script_id)
        self.toast("已收藏" if now else "已取消收藏")

    def toggle_current_favourite(self) -> None:
        tab = self.tabs.currentIndex()
        script = None
        if tab == TAB_SUGGEST and 0 <= self._selected < len(self._views):
            script = self._views[self._selected].script
        elif tab == TAB_BROWSE and not self.preview.isHidden():
            script = self.preview.script
        elif tab == TAB_USUAL and not self.usualPreview.isHidden():
            script = self.usualPreview.script
        if script is not None:
            self.toggle_favourite(script.id)

    def _set_favourite(self, script_id: str, on: bool) -> None:
        if on and script_id not in self._favourites:
            self._favourites.add(script_id)
            self._favourite_order.append(script_id)
        elif not on and script_id in self._favourites:
            self._favourites.discard(script_id)
            self._favourite_order.remove(script_id)
        self._favourites_changed()

    def _favourite_toggled(self, script_id: str, now: bool) -> None:
        if (script_id in self._favourites) != now:
            self._set_favourite(script_id, now)

    def _favourite_failed(self, script_id: str, message: str) -> None:
        self.toast("收藏失败：数据库离线")
        self._lists_error = message
        self.usage.load_lists(self.agent_name)  # put the stars back as the database has them

    def _favourites_changed(self) -> None:
        for card in (*self.cards, self.preview, self.usualPreview):
            if card.script is not None:
                card.set_favourite(card.script.id in self._favourites)
        if self.service.ready:
            lib = self.service.library
            for row in range(self.scriptList.count()):
                item = self.scriptList.item(row)
                script = lib.get(item.data(Qt.ItemDataRole.UserRole))
                if script is not None:
                    item.setText(self._browse_text(script))
        self.refresh_usual()

    def refresh_usual(self) -> None:
        """Rebuild the 常用 list from the favourites and recent scripts already read."""
        lst = self.usualList
        if not self.service.ready:
            self._usual_state(LOADING_TEXT)
            return
        if not self.usage.available:
            if self.usage.started and self.usage.error:
                self._usual_state(f"无法打开使用记录数据库：{self.usage.error}")
            elif self.usage.started:
                self._usual_state("正在连接使用记录数据库…")
            else:
                self._usual_state("没有使用记录数据库，收藏和最近使用不可用")
            lst.clear()
            self.usualPreview.hide()
            return
        self._usual_state("离线：收藏和最近使用暂时读不到，恢复后自动刷新" if self._lists_error else "")
        lib = self.service.library
        current = lst.currentItem().data(Qt.ItemDataRole.UserRole) if lst.currentItem() else None
        lst.blockSignals(True)
        lst.clear()
        pick = -1

        def header(text: str) -> None:
            item = QListWidgetItem(text)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            lst.addItem(item)

        def hint(text: str) -> None:
            item = QListWidgetItem("    " + text)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            lst.addItem(item)

        def section(ids: list[str], tag: str) -> int:
            nonlocal pick
            n = 0
            for sid in ids:
                script = lib.get(sid)
                if script is None:  # removed from the library since
                    continue
                star = "★ " if sid in self._favourites else ""
                item = QListWidgetItem(f"{star}[{lib.category_label(script.category)}] {script.title}")
                item.setData(Qt.ItemDataRole.UserRole, sid)
                item.setData(Qt.ItemDataRole.UserRole + 1, tag)
                item.setToolTip(script.replies[0])
                lst.addItem(item)
                if pick < 0 and (current is None or sid == current):
                    pick = lst.count() - 1
                n += 1
            return n

        header(f"收藏（{len([s for s in self._favourite_order if lib.get(s)])}）")
        if not section(self._favourite_order, "favourite"):
            hint("在话术卡片上点 ☆ 或按 Ctrl+D 收藏")
        header("最近使用")
        if not section(self._recent, "recent"):
            hint("复制过的话术会出现在这里")
        lst.blockSignals(False)
        if pick < 0:
            pick = next((r for r in range(lst.count()) if lst.item(r).flags() & Qt.ItemFlag.ItemIsSelectable), -1)
        if pick >= 0:
            lst.setCurrentRow(pick)
            self._usual_row_changed(pick)
        else:
            self.usualPreview.hide()

    def _usual_state(self, text: str) -> None:
        self.usualState.setText(text)
        self.usualState.setVisible(bool(text))

    @property
    def usual_ids(self) -> dict[str, list[str]]:
        """What the 常用 list shows: {"favourite": [...], "recent": [...]} (for tests)."""
        out: dict[str, list[str]] = {"favourite": [], "recent": []}
        for row in range(self.usualList.count()):
            item = self.usualList.item(row)
            tag = item.data(Qt.ItemDataRole.UserRole + 1)
            if tag in out:
                out[tag].append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def _usual_row_changed(self, row: int) -> None:
        item = self.usualList.item(row) if row >= 0 else None
        sid = item.data(Qt.ItemDataRole.UserRole) if item else None
        script = self.service.library.get(sid) if (sid and self.service.ready) else None
        if script is None:
            self.usualPreview.hide()
            return
        replies = tuple(self.service.render(script.id, i) for i in range(len(script.replies)))
        self.usualPreview.set_content(
            script,
            replies,
            category_label=self.service.library.category_label(script.category),
            colour=themes.category_colour(script.category),
            highlight=themes.highlight_colour(self.prefs.theme),
        )
        self.usualPreview.set_favourite(script.id in self._favourites)
        self.usualPreview.show()

    def _usual_copy(self, *_args) -> None:
        if self.usualPreview.isHidden() or self.usualPreview.script is None:
            return
        self.request_copy(self.usualPreview.script, self.usualPreview.variant, None, None)

    # -- 统计 ----------------------------------------------------------------------------------------
    @property
    def statsView(self) -> "StatsView":
        """The 统计 tab's view, made when first needed: agents rarely open it, and building it
        (and importing it) at start-up would delay the window."""
        if self._stats_view is None:
            from .stats_view import StatsView

            view = self._stats_view = StatsView()
            self.statsTab.layout().addWidget(view)
            view.set_palette(themes.PALETTES.get(self.prefs.theme, themes.PALETTES["light"]))
            view.refreshRequested.connect(self.refresh_stats)
        return self._stats_view

    def _tab_changed(self, index: int) -> None:
        if index == TAB_USUAL:
            self.refresh_usual()
        elif index == TAB_STATS:
            # every time it is shown: the figures are read on a worker (the copies still in the
            # spool first), and the tab keeps showing the last ones until the new ones arrive
            self.refresh_stats(flush_first=True)

    def refresh_stats(self, *, flush_first: bool = False) -> None:
        """Load the figures on a worker; the tab shows them when they arrive."""
        library = self.service.library if self.service.ready else None
        view = self.statsView
        if not self.usage.load_stats(view.since, view.agent, library, flush_first=flush_first):
            if self.usage.error:
                view.show_error(f"无法打开使用记录数据库：{self.usage.error}")
            elif self.usage.started:
                view.show_error("正在连接使用记录数据库…")
            else:
                view.show_error("没有使用记录数据库")
            return
        self._stats_loaded_at = time.monotonic()
        view.show_loading()

    def _stats_loaded(self, data: dict) -> None:
        # the library's category names, for never-used scripts' categories too
        labels = dict(self.service.library.categories) if self.service.ready else None
        self.statsView.show_stats(data, db_label=self.usage.db_label, category_labels=labels)

    def _stats_failed(self, message: str) -> None:
        self._stats_loaded_at = None
        self.statsView.show_error(f"读取统计失败（数据库离线？）：{message}")


def system_user_name() -> str:
    import getpass

    try:
        return getpass.getuser().strip()
    except Exception:  # noqa: BLE001 - no login name in this environment (getpass raises OSError or KeyError)
        return ""


def library_shrank(current: "Library", new: "Library") -> bool:
    """A save that would drop more than a third of the scripts is more likely a slip (a file
    truncated, a folder half copied) than an edit: the sidebar asks before using it."""
    return len(current.scripts) - len(new.scripts) > len(current.scripts) / 3


class PendingService:
    """Stands in for the AssistService until the worker has imported and built it, so that the
    window shows before YAML, jieba and rapidfuzz are even imported."""

    ready = False
    library_path = None

    def __init__(self) -> None:
        self.overrides: dict[str, str] = {}
        self.agent = ""
        self.recorder = None

    def set_overrides(self, overrides) -> None:
        self.overrides = {k: v for k, v in overrides.items() if v}
