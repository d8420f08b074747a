"""The tray: its icon, its menu (显示窗口, 暂停监听剪贴板, 设置…, 待处理…, 退出) and whether closing the
window hides it to the tray. It asks the shell for the rest by signals: the window brought up,
the clipboard watch paused, the settings opened, the window closed for good."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from .uiload import icon


class TrayController(QObject):
    showRequested = Signal()  # 显示窗口, or the icon clicked
    pauseToggled = Signal(bool)  # 暂停监听剪贴板: True pauses the clipboard watch
    settingsRequested = Signal()
    reviewRequested = Signal()  # 待处理… (team leads: shown with the team_lead_tools setting)
    quitRequested = Signal()  # 退出: the shell closes the window, which then closes for good

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self.icon: QSystemTrayIcon | None = None
        self.pause: QAction | None = None  # the tray menu's 暂停监听剪贴板
        self.review: QAction | None = None  # the tray menu's 待处理…
        self.team_lead = True
        self.watching = True  # the clipboard watch, as the menu shows it
        self.quitting = False  # 退出 from the tray menu: close even with close_to_tray on

    def start(self) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        tray = QSystemTrayIcon(icon("app"), self)
        tray.setToolTip("客服话术助手")
        tray.setContextMenu(self.menu())
        tray.activated.connect(lambda reason: self.showRequested.emit() if reason == QSystemTrayIcon.ActivationReason.Trigger else None)
        tray.show()
        self.icon = tray

    def menu(self) -> QMenu:
        """显示窗口, 暂停监听剪贴板, 设置…, 退出 (built apart from the icon: tests without a tray host)."""
        menu = QMenu(self._window)
        show = QAction("显示窗口", menu)
        show.triggered.connect(self.showRequested)
        pause = QAction("暂停监听剪贴板", menu, checkable=True)
        pause.setChecked(not self.watching)
        pause.toggled.connect(self.pauseToggled)
        self.pause = pause
        settings = QAction("设置…", menu)
        settings.triggered.connect(self.settingsRequested)
        review = QAction("待处理…（组长）", menu)
        review.setVisible(self.team_lead)
        review.triggered.connect(self.reviewRequested)
        self.review = review
        quit_ = QAction("退出", menu)
        quit_.triggered.connect(self.quit)
        for a in (show, pause, settings, review, quit_):
            menu.addAction(a)
        return menu

    def set_watching(self, on: bool) -> None:
        """The clipboard watch turned on or off (in the sidebar or 设置): the menu follows."""
        self.watching = on
        if self.pause is not None:
            self.pause.blockSignals(True)
            self.pause.setChecked(not on)
            self.pause.blockSignals(False)

    def set_team_lead(self, on: bool) -> None:
        """The team_lead_tools setting: 待处理… in the menu or not."""
        self.team_lead = on
        if self.review is not None:
            self.review.setVisible(on)

    def quit(self) -> None:
        """退出: close for good, even with 关闭时最小化到托盘 on."""
        self.quitting = True
        self.quitRequested.emit()

    def keeps_window(self, close_to_tray: bool) -> bool:
        """Whether closing the window only hides it: to the tray, where the hotkey and the
        clipboard watch keep working (never without a tray to come back from, nor after 退出)."""
        return close_to_tray and self.icon is not None and not self.quitting

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
