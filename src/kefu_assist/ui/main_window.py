"""The sidebar window: a shell over panel controllers. It builds the compiled view (self.ui), the
panels and the signals between them, and keeps what belongs to the window itself: geometry
(placement.py places it), the shortcut table, preferences fanned out to the panels, the toast, close.

    library_ctl.LibraryController  load job, watcher, reload coalescing, banner, search index
    suggest_panel.SuggestPanel     message box, cards, selection, highlighting, unmatched report
    browse_panel.BrowsePanel       浏览全部: categories, indexed search, preview
    usual_panel.UsualPanel         常用: favourites and recent (state in favourites.Favourites)
    stats_panel.StatsPanel         统计, built when first opened
    check_panel.CheckPanel         检查: a reply checked before sending; the agent's own copied replies
    copy_flow.CopyFlow             the one copy path every panel's copyRequested goes to
    review_window                  待处理 (Ctrl+Shift+R, the tray): the editor's second tab, team_lead_tools
    hotkey_ctl.HotkeyController    the global hotkey: chat window's selection in, reply pasted back
    hotkey_ctl.PinKeys             Alt+1…9 from any tab: the pinned scripts copied, Alt+Shift+N pins
    tray_ctl.TrayController        the tray icon and menu, and whether closing hides to the tray
    editor.entry.EditorEntry       the 编辑 button and Ctrl+E to the team lead's editor (setting team_lead_tools)
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget

from . import theme as themes
from .activation import Activator
from .browse_panel import BrowsePanel
from .check_panel import CheckPanel
from .clipboard import ClipboardWatcher
from .compiled.main_window_ui import Ui_SidebarView
from .copy_flow import BROWSE, USUAL, CopyFlow
from .editor.entry import EditorEntry
from .hotkey_ctl import HotkeyController, PinKeys
from .library_ctl import LibraryController
from .placement import keep_on_screen, place
from .settings import Preferences
from ..settings import pins_list
from .stats_panel import StatsPanel
from .suggest_panel import LIMIT, SuggestPanel
from .tray_ctl import TrayController
from .uiload import icon
from .learned_sync import LearnedSync
from .usage import UsageController
from .usual_panel import UsualPanel

if TYPE_CHECKING:  # the library, matcher and service load behind the shown window
    from ..service import AssistService
    from .review_panel import ReviewPanel

TOAST_MS = 1200
TAB_SUGGEST, TAB_BROWSE, TAB_USUAL, TAB_STATS = range(4)
FRAME_SETTLE_MS = 300
OFFLINE_TIP = "数据库连接中断，记录暂存本机，恢复后自动补写"


class MainWindow(QMainWindow):
    libraryLoaded = Signal(object)  # LoadResult, after every panel has shown it

    def __init__(
        self,
        service: "AssistService | None",
        settings: QSettings,
        library_path: Path,
        *,
        library_from_command_line: bool = False,
        trace: Callable[[str], None] | None = None,
    ):
        """``service`` None: the loader thread imports and builds it, so that the window shows
        before YAML, jieba and rapidfuzz are even imported."""
        super().__init__()
        self.settings = settings
        self.prefs = Preferences.read(settings)
        self._library_fixed = library_from_command_line
        self._placed = False
        self._db_arg: str | None = None
        self._trace = trace or (lambda _event: None)

        # the platform adds the application's display name (客服话术助手) after a title that does
        # not already end with it: this title ends with it, so it is not said twice
        self.setWindowTitle("kefu-assist 客服话术助手")
        self.setWindowIcon(icon("app"))
        central = QWidget()
        self.ui = Ui_SidebarView()
        self.ui.setupUi(central)
        self.setCentralWidget(central)
        ui = self.ui
        ui.pinButton.setIcon(icon("pin"))
        ui.settingsButton.setIcon(icon("settings"))
        ui.offlineBadge.hide()
        ui.toastLabel.hide()
        self._toast_timer = QTimer(self, singleShot=True, interval=TOAST_MS)
        self.activator = Activator(self)
        self._toast_timer.timeout.connect(ui.toastLabel.hide)

        self.usage = UsageController(self)
        self.clipboard = ClipboardWatcher(self)
        self.library = LibraryController(ui, service, library_path, self, trace=trace)
        self.copier = CopyFlow(ui, self.library, self.clipboard, self, context=lambda: self.suggest.context())
        self.usual = UsualPanel(ui, self.library, self.usage, lambda: self.agent_name, self)
        self.suggest = SuggestPanel(ui, self.library, self.usual.state, self.clipboard, self)
        self.browse = BrowsePanel(ui, self.library, self.usual.state, self)
        self.stats = StatsPanel(ui, self.library, self.usage, self)
        self.checker = CheckPanel(ui, self.library, self)
        self.suggest.clipboard_filter = self.checker.take_clipboard  # own replies are checked, not matched
        self.learned = LearnedSync(self.library, self.usage, lambda: self.agent_name, self)
        self.hotkey = HotkeyController(self.clipboard, self)
        self.hotkey.own_windows = lambda: {int(self.winId())}
        self.pins = PinKeys(self, self.library, lambda: self.prefs.pins, self._script_in_view)
        self.tray = TrayController(self)
        self.editor_entry = EditorEntry(self, ui, lambda: self.library.path, lambda: self.prefs.theme,  # 编辑话术 (Ctrl+E)
                                        review=self._review_panel)  # its 待处理 tab
        self._connect()
        self._shortcuts()
        self.apply_preferences(self.prefs, save=False)
        self.tray.start()

    def _connect(self) -> None:
        ui, lib = self.ui, self.library
        lib.serviceArrived.connect(self._configure_service)
        lib.changed.connect(self.refresh_all)
        lib.ready.connect(self.libraryLoaded)
        lib.searchReady.connect(lambda _index: self.browse.refresh())
        lib.toastRequested.connect(self.toast)
        for panel in (self.suggest, self.browse, self.usual, self.pins):
            panel.copyRequested.connect(self.copier.request)
        self.suggest.favouriteRequested.connect(self.usual.toggle)
        self.browse.favouriteRequested.connect(self.usual.toggle)
        self.usual.changed.connect(self.suggest.refresh_stars)
        self.usual.changed.connect(self.browse.refresh_stars)
        for source in (self.suggest, self.usual, self.copier, self.checker, self.pins):
            source.toastRequested.connect(self.toast)
        self.suggest.cleared.connect(self.copier.cancel)
        self.suggest.escaped.connect(lambda: self.copier.form.cancel() if self.copier.form.isVisible() else self.suggest.clear_message())
        self.copier.copied.connect(lambda script_id, _text: self.usual.note_copied(script_id))
        self.copier.formClosed.connect(self._refocus_after_form)
        self.copier.learned.connect(self.learned.after_copy)
        self.hotkey.captured.connect(self.hotkey_message)
        self.hotkey.failed.connect(lambda text: self.toast(text, True))
        # after the toast is drawn: the paste hands the focus to the chat window
        self.copier.copied.connect(lambda *_: QTimer.singleShot(0, self.hotkey, self._paste_to_chat))
        self.pins.pinsChanged.connect(lambda pins: self.apply_preferences(Preferences(**{**self.prefs.__dict__, "pins": pins})))
        self.tray.showRequested.connect(self._bring_up)
        self.tray.pauseToggled.connect(lambda on: self.apply_preferences(Preferences(**{**self.prefs.__dict__, "clipboard_watch": not on})))
        self.tray.settingsRequested.connect(self.open_settings)
        self.tray.reviewRequested.connect(self.open_review)
        self.tray.quitRequested.connect(self.close)
        ui.clipboardCheck.toggled.connect(lambda on: self.apply_preferences(Preferences(**{**self.prefs.__dict__, "clipboard_watch": on})))
        ui.pinButton.toggled.connect(lambda on: self.apply_preferences(Preferences(**{**self.prefs.__dict__, "always_on_top": on})))
        ui.settingsButton.clicked.connect(self.open_settings)
        ui.tabs.currentChanged.connect(self._tab_changed)
        self.usage.recorderChanged.connect(self._usage_ready)
        self.usage.statusChanged.connect(self._usage_status)

    def _shortcuts(self) -> None:
        def add(keys: str, slot) -> QShortcut:
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(slot)
            return sc

        tabs = self.ui.tabs
        add("Ctrl+L", self.focus_message)
        add("F6", self.focus_message)
        add("Ctrl+F", self.focus_search)
        add("Ctrl+,", self.open_settings)
        add("Alt+Left", lambda: self._step_variant(-1))
        add("Alt+Right", lambda: self._step_variant(1))
        for n in range(1, LIMIT + 1):
            add(f"Ctrl+{n}", lambda n=n: self.suggest.copy_rank(n))
        self.ui.pinButton.setToolTip("窗口置顶 (Ctrl+T)")
        add("Ctrl+T", self.ui.pinButton.toggle)
        add("Ctrl+D", self.toggle_current_favourite)
        add("F5", lambda: self.stats.refresh() if tabs.currentIndex() == TAB_STATS else None)
        add("Ctrl+Shift+R", self.open_review)
        tabs.setTabToolTip(TAB_SUGGEST, "推荐话术：↑/↓ 选择，Enter 复制，Ctrl+1…5 复制第 N 条，/编码 查快捷编码")
        tabs.setTabToolTip(TAB_BROWSE, "浏览全部话术 (Ctrl+F 搜索：标题、快捷编码、拼音或首字母)")
        tabs.setTabToolTip(TAB_USUAL, "固定、收藏和最近复制的话术 (Ctrl+D 收藏/取消当前话术；Alt+Shift+数字 把当前话术固定到 Alt+数字)")
        tabs.setTabToolTip(TAB_STATS, "使用统计（组长用）：常用/少用话术、未匹配问题、响应速度；Ctrl+Shift+R 待处理（学习例句、未匹配问题）")

    # -- between the panels ------------------------------------------------------------------
    def _configure_service(self, service: "AssistService") -> None:
        """The service the first load built takes the preferences and the usage recorder."""
        service.set_overrides({"shop": self.prefs.shop, "agent": self.prefs.agent})
        service.agent = self.agent_name
        if self.usage.started:
            service.recorder = self.usage.proxy

    def refresh_all(self) -> None:
        if not self.library.is_ready:
            self.suggest.show_state("话术库加载失败，见上方提示")
            self.usual.refresh()
            return
        self.browse.library_changed()
        self.suggest.update()
        self.usual.refresh()

    def _tab_changed(self, index: int) -> None:
        if index == TAB_USUAL:
            self.usual.refresh()
        elif index == TAB_STATS:
            # every time it is shown: the figures are read on a worker (the copies still in the
            # spool first), and the tab keeps showing the last ones until the new ones arrive
            self.stats.refresh(flush_first=True)

    def _step_variant(self, step: int) -> None:
        tab = self.ui.tabs.currentIndex()
        if tab == TAB_BROWSE:
            self.browse.preview.step_variant(step)
        elif tab == TAB_USUAL:
            self.usual.preview.step_variant(step)
        else:
            self.suggest.step_variant(step)

    def _script_in_view(self) -> str | None:
        """The script a card, 浏览全部 or 常用 shows (Ctrl+D and Alt+Shift+N act on it)."""
        tab = self.ui.tabs.currentIndex()
        return {
            TAB_SUGGEST: self.suggest.selected_script_id,
            TAB_BROWSE: self.browse.current_script_id,
            TAB_USUAL: self.usual.current_script_id,
        }.get(tab)

    def toggle_current_favourite(self) -> None:
        script_id = self._script_in_view()
        if script_id is not None:
            self.usual.toggle(script_id)

    # -- the global hotkey --------------------------------------------------------------------
    def hotkey_message(self, text: str) -> None:
        """The hotkey took the chat window's selection: show its suggestions, keys here."""
        if not text.strip():
            self.toast("没有选中文字，剪贴板里也没有文字", True)
            return
        if self.isHidden() or self.isMinimized():
            self.showNormal()
        self.suggest.set_message_from_clipboard(text)
        self._take_keys_back(self.ui.messageEdit)
        self._trace("hotkey-shown")  # benchmarks/bench_hotkey.py times the press to here

    def _refocus_after_form(self, source: str) -> None:
        if source == BROWSE and self.ui.tabs.currentIndex() == TAB_BROWSE:
            self.ui.scriptList.setFocus()
        elif source == USUAL and self.ui.tabs.currentIndex() == TAB_USUAL:
            self.ui.usualList.setFocus()
        else:
            self.ui.messageEdit.setFocus()

    def toast(self, text: str, warn: bool = False) -> None:
        label = self.ui.toastLabel
        if bool(label.property("warn")) != warn:
            label.setProperty("warn", warn)
            label.style().unpolish(label)
            label.style().polish(label)
        # the label's maximum width keeps a long message from widening the sidebar; it elides
        room = label.maximumWidth() - 20
        label.setText(label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room))
        label.setToolTip(text)
        label.show()
        self._toast_timer.start()

    # -- what tests of the agent's sequences read -----------------------------------------------
    @property
    def service(self) -> "AssistService | None":
        return self.library.service

    @property
    def message(self) -> str:
        return self.suggest.message

    def start_library(self) -> None:
        self.library.start()

    def focus_message(self) -> None:
        self.activateWindow()
        self.suggest.focus()

    def focus_search(self) -> None:
        self.ui.tabs.setCurrentIndex(TAB_BROWSE)
        self.browse.focus_search()

    # -- window placement (ui/placement.py) -------------------------------------------------------
    def showEvent(self, event) -> None:
        if not self._placed:
            self._placed = True
            place(self, self.settings)
            # a window manager adds its frame after the window is mapped: pull the frame inside
            # the screen's edge once it is there
            QTimer.singleShot(FRAME_SETTLE_MS, self, lambda: keep_on_screen(self))
        super().showEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.library.elide_later()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        if self.tray.keeps_window(self.prefs.close_to_tray):
            event.ignore()  # to the tray; the hotkey and the clipboard watch keep working
            self.hide()
            return
        self.hotkey.stop()
        self.tray.hide()
        self.usual.recent_timer.stop()
        self.learned.stop()
        self.usage.close()  # flush what the database takes within a few seconds; the rest stays spooled
        super().closeEvent(event)

    def save_geometry(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()

    # -- preferences ------------------------------------------------------------------------
    def apply_preferences(self, prefs: Preferences, *, save: bool = True) -> None:
        old = self.prefs
        self.prefs = prefs
        if self.service is not None:
            self._configure_service(self.service)
        self.setStyleSheet(self._stylesheet())
        highlight = themes.highlight_colour(prefs.theme)
        for panel in (self.suggest, self.browse, self.usual):
            panel.highlight = highlight
        self.stats.set_theme(prefs.theme)
        self._set_on_top(prefs.always_on_top)
        self.tray.set_team_lead(prefs.team_lead_tools)
        self.ui.pinButton.blockSignals(True)
        self.ui.pinButton.setChecked(prefs.always_on_top)
        self.ui.pinButton.setIcon(icon("pin-on" if prefs.always_on_top else "pin"))
        self.ui.pinButton.blockSignals(False)
        self.ui.clipboardCheck.blockSignals(True)
        self.ui.clipboardCheck.setChecked(prefs.clipboard_watch)
        self.ui.clipboardCheck.blockSignals(False)
        self.clipboard.set_enabled(prefs.clipboard_watch)
        self.tray.set_watching(prefs.clipboard_watch)
        self.usual.pins = pins_list(prefs.pins)
        self.editor_entry.set_enabled(prefs.team_lead_tools)
        if self.hotkey.available and (prefs.hotkey != old.hotkey or not save):
            self.hotkey.set_hotkey(prefs.hotkey)
        if save:
            prefs.write(self.settings)
            if not self._library_fixed and prefs.library_path != old.library_path:
                from ..resources import default_library_path

                self.library.start(Path(prefs.library_path) if prefs.library_path else default_library_path())
            if prefs.db_url != old.db_url and self.usage.started:
                self.reconnect_usage()
            elif prefs.agent != old.agent:
                self.usage.load_lists(self.agent_name)
        if self.library.is_ready:
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
        target = widget if widget is not None and widget.window() is self and widget.isVisible() else self.ui.messageEdit
        self.activator.activate(target)

    def _paste_to_chat(self) -> None:
        """The reply goes to the chat window: no activation request of ours may follow it."""
        if self.prefs.paste_to_chat:
            self.activator.stop()
        self.hotkey.after_copy(self.prefs.paste_to_chat)

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

    def _review_panel(self, parent: QWidget) -> "ReviewPanel":
        from .review_window import sidebar_review_panel

        return sidebar_review_panel(self, parent)

    def open_review(self) -> None:
        """待处理 (Ctrl+Shift+R or the tray menu), for team leads: only with team_lead_tools on."""
        if self.prefs.team_lead_tools:
            self.editor_entry.open(review=True)

    def _bring_up(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.focus_message()

    # -- usage history: recorder, offline mark ----------------------------------------------------
    def start_usage(self, db: str | None = None) -> None:
        """Open the usage database behind the shown window (the recorder is built on a worker;
        events recorded meanwhile wait in the controller's proxy)."""
        self._db_arg = db
        if self.service is not None:
            self.service.recorder = self.usage.proxy
        self.usage.start(db)

    def reconnect_usage(self) -> None:
        self.usage.reconnect()
        self.usual.refresh()

    def _db_override(self) -> str:
        """What outranks the db_url setting in this run, if anything (for the settings dialog)."""
        if self._db_arg:
            return "--db"
        if os.environ.get("KEFU_ASSIST_DB", "").strip():
            return "环境变量 KEFU_ASSIST_DB"
        return ""

    def _usage_ready(self) -> None:
        available = self.usage.available
        for panel in (self.suggest, self.browse, self.usual):
            panel.set_stars_available(available)
        self._usage_status(self.usage.online)
        if available:
            self.usual.reload_lists()
            if self.ui.tabs.currentIndex() == TAB_STATS:
                self.stats.refresh()
        else:
            self.usual.refresh()

    def _usage_status(self, online: bool) -> None:
        self.ui.offlineBadge.setVisible(not online)
        error = self.usage.error
        tip = OFFLINE_TIP
        if self.usage.url:
            tip += f"\n数据库：{self.usage.db_label}"
        if error:
            tip += f"\n原因：{error}"
        self.ui.offlineBadge.setToolTip(tip)
        if online:
            self.usual.online_again()

    @property
    def offline(self) -> bool:
        return not self.ui.offlineBadge.isHidden()


def system_user_name() -> str:
    import getpass

    try:
        return getpass.getuser().strip()
    except Exception:  # noqa: BLE001 - no login name in this environment (getpass raises OSError or KeyError)
        return ""
