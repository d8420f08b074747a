"""Settings: shop and agent names, library path, window and clipboard behaviour, font, theme,
the global hotkey (its keys, 粘贴到聊天窗口) and 关闭时最小化到托盘."""
from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget,
)

from .. import keycombo

from ..store import dburl
from . import file_dialogs
from .clipboard import is_wayland
from .compiled.settings_dialog_ui import Ui_SettingsView
from .settings import PASSWORD_REFUSED, Preferences, take_notices
from .theme import THEMES


_URL_START = re.compile(r"^[\w+]+://")


class SettingsDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None, *, library_fixed: bool = False, db_fixed: str = ""):
        super().__init__(parent)
        self.ui = Ui_SettingsView()
        self.ui.setupUi(self)
        self.setWindowTitle("设置")
        ui = self.ui
        self.shopEdit = ui.shopEdit
        self.agentEdit = ui.agentEdit
        self.libraryEdit = ui.libraryEdit
        self.fontSpin = ui.fontSpin
        self.themeCombo = ui.themeCombo
        self.dbEdit = ui.dbEdit
        self.dbNote = ui.dbNote
        self.onTopCheck = ui.onTopCheck
        self.clipboardCheck = ui.clipboardCheck
        self.clipboardNote = ui.clipboardNote
        self.buttons = ui.buttons
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ui.libraryFileButton.clicked.connect(self._pick_file)
        ui.libraryFolderButton.clicked.connect(self._pick_folder)
        ui.libraryDefaultButton.clicked.connect(self.libraryEdit.clear)
        for key, label in THEMES.items():
            self.themeCombo.addItem(label, key)

        self._prefs = prefs
        self.shopEdit.setText(prefs.shop)
        self.agentEdit.setText(prefs.agent)
        self.libraryEdit.setText(prefs.library_path)
        if library_fixed:
            self.libraryEdit.setToolTip("本次启动使用了 --library 参数，此设置下次启动时生效")
        self.dbEdit.setText(prefs.db_url)
        note = ("团队共用一个库：postgresql+psycopg://用户@服务器:5432/库名。点确定后重新连接。"
                "密码不写在地址里，用 PGPASSWORD 或 ~/.pgpass 提供。")
        if db_fixed:
            note += f"\n本次启动由 {db_fixed} 指定数据库，此设置下次不带该参数启动时生效。"
        self._db_note = note
        self.dbNote.setText(note)
        self.dbNote.setObjectName("dbNote")
        for notice in take_notices():  # a password found in the settings file and taken out
            self._db_problem(notice, focus=False)
        self.dbEdit.textEdited.connect(lambda _text: self._db_problem(""))
        self.fontSpin.setValue(prefs.font_size)
        self.themeCombo.setCurrentIndex(max(0, self.themeCombo.findData(prefs.theme)))
        self.onTopCheck.setChecked(prefs.always_on_top)
        self.clipboardCheck.setChecked(prefs.clipboard_watch)
        if is_wayland():
            self.clipboardNote.setText("注意：在 Wayland 桌面上，只有侧边栏窗口处于焦点时才能读取剪贴板。")
        else:
            self.clipboardNote.setText("在聊天窗口复制买家消息，侧边栏自动填入并推荐话术；侧边栏自己复制的内容和重复内容会被忽略。")
        self._hotkey_group(prefs)
        self.teamLeadCheck = QCheckBox("组长工具：显示“编辑话术”入口（编辑按钮和 Ctrl+E）")
        self.teamLeadCheck.setObjectName("teamLeadCheck")
        self.teamLeadCheck.setToolTip("关闭后客服看不到编辑话术的入口；话术库文件本身不受影响")
        self.teamLeadCheck.setChecked(prefs.team_lead_tools)
        ui.settingsLayout.insertWidget(ui.settingsLayout.indexOf(self.buttons), self.teamLeadCheck)
        self.resize(340, self.sizeHint().height())

    def _hotkey_group(self, prefs: Preferences) -> None:
        from .hotkey import unsupported_reason

        box = QGroupBox("全局快捷键")
        form = QFormLayout(box)
        self.hotkeyEdit = QLineEdit(prefs.hotkey)
        self.hotkeyEdit.setObjectName("hotkeyEdit")
        self.hotkeyEdit.setPlaceholderText(keycombo.DEFAULT)
        self.hotkeyEdit.setToolTip("在千牛里选中买家消息后按这个键：侧边栏取出消息并推荐话术")
        form.addRow("快捷键", self.hotkeyEdit)
        self.pasteCheck = QCheckBox("粘贴到聊天窗口（Enter 复制后回到聊天窗口并粘贴，不会发送）")
        self.pasteCheck.setChecked(prefs.paste_to_chat)
        form.addRow(self.pasteCheck)
        self.trayCheck = QCheckBox("关闭窗口时最小化到托盘（快捷键继续可用）")
        self.trayCheck.setChecked(prefs.close_to_tray)
        form.addRow(self.trayCheck)
        self.hotkeyNote = QLabel(unsupported_reason() or "Alt+1…9 复制固定的话术；选中话术后按 Alt+Shift+数字 固定。")
        self.hotkeyNote.setWordWrap(True)
        self.hotkeyNote.setObjectName("hotkeyNote")
        form.addRow(self.hotkeyNote)
        self.hotkeyEdit.textEdited.connect(lambda _text: self._hotkey_problem(""))
        view_layout = self.ui.settingsLayout
        view_layout.insertWidget(view_layout.indexOf(self.buttons), box)  # above 确定/取消

    def hotkey_problem(self) -> str:
        try:
            keycombo.parse(self.hotkeyEdit.text())
        except ValueError as e:
            return str(e)
        return ""

    def _hotkey_problem(self, problem: str) -> None:
        from .hotkey import unsupported_reason

        self.hotkeyNote.setText(problem or unsupported_reason() or "Alt+1…9 复制固定的话术；选中话术后按 Alt+Shift+数字 固定。")
        self.hotkeyNote.setStyleSheet("color: #c0392b;" if problem else "")
        if problem:
            self.hotkeyEdit.setFocus()
            self.hotkeyEdit.selectAll()

    def db_problem(self) -> str:
        """Why the database URL cannot be kept, or "" if it can."""
        text = self.dbEdit.text().strip()
        if not text:
            return ""
        if dburl.has_password(text):
            return PASSWORD_REFUSED
        if not _URL_START.match(text):
            return "这不是数据库地址：应形如 postgresql+psycopg://用户@服务器:5432/库名 或 sqlite:///文件路径。"
        return ""

    def _db_problem(self, problem: str, *, focus: bool = True) -> None:
        """Show ``problem`` in red under the field (or the usual note when it is "")."""
        self.dbNote.setText(problem or self._db_note)
        self.dbNote.setProperty("problem", bool(problem))
        self.dbNote.setStyleSheet("color: #c0392b;" if problem else "")
        if problem and focus:
            self.dbEdit.setFocus()
            self.dbEdit.selectAll()

    def accept(self) -> None:
        problem = self.db_problem()
        if problem:
            self._db_problem(problem)
            return
        problem = self.hotkey_problem()
        if problem:
            self._hotkey_problem(problem)
            return
        super().accept()

    def _pick_file(self) -> None:
        path = file_dialogs.open_file(self, "选择话术库文件", self.libraryEdit.text(), "YAML (*.yaml *.yml)")
        if path:
            self.libraryEdit.setText(path)

    def _pick_folder(self) -> None:
        path = file_dialogs.existing_folder(self, "选择话术库文件夹", self.libraryEdit.text())
        if path:
            self.libraryEdit.setText(path)

    def preferences(self) -> Preferences:
        return Preferences(
            shop=self.shopEdit.text().strip(),
            agent=self.agentEdit.text().strip(),
            library_path=self.libraryEdit.text().strip(),
            always_on_top=self.onTopCheck.isChecked(),
            clipboard_watch=self.clipboardCheck.isChecked(),
            font_size=self.fontSpin.value(),
            theme=self.themeCombo.currentData() or "light",
            db_url=self.dbEdit.text().strip(),
            hotkey=keycombo.normalise(self.hotkeyEdit.text()) if not self.hotkey_problem() else self._prefs.hotkey,
            paste_to_chat=self.pasteCheck.isChecked(),
            close_to_tray=self.trayCheck.isChecked(),
            pins=self._prefs.pins,  # set with Alt+Shift+N in the sidebar, not here
            team_lead_tools=self.teamLeadCheck.isChecked(),
        )
