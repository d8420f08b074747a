"""The sidebar's one way into the editor: a 编辑 button in the top bar and Ctrl+E, both there
only while the ``team_lead_tools`` setting is on. The editor is built when first opened."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QToolButton

if TYPE_CHECKING:
    from ..compiled.main_window_ui import Ui_SidebarView
    from .window import EditorWindow

SHORTCUT = "Ctrl+E"


class EditorEntry(QObject):
    def __init__(self, window: QMainWindow, ui: "Ui_SidebarView", library_path: Callable[[], Path], theme: Callable[[], str]):
        super().__init__(window)
        self.window = window
        self.library_path = library_path
        self.theme = theme
        self.editor: EditorWindow | None = None
        self.button = QToolButton()
        self.button.setObjectName("editorButton")
        self.button.setText("编辑")
        self.button.setToolTip(f"编辑话术（组长用）({SHORTCUT})")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open)
        ui.topBar.insertWidget(ui.topBar.indexOf(ui.settingsButton), self.button)
        self.shortcut = QShortcut(QKeySequence(SHORTCUT), window)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.open)
        self.enabled = True

    def set_enabled(self, on: bool) -> None:
        """The ``team_lead_tools`` setting: off hides the button and turns the shortcut off."""
        self.enabled = on
        self.button.setVisible(on)
        self.shortcut.setEnabled(on)

    def open(self) -> "EditorWindow | None":
        if not self.enabled:
            return None
        from .window import EditorWindow

        editor = self.editor
        if editor is None or editor.library_path != Path(self.library_path()):
            if editor is not None and not editor.close():
                _bring_up(editor)  # the team lead kept an unsaved edit of the old library
                return editor
            editor = self.editor = EditorWindow(self.library_path(), self.window, theme=self.theme())
        _bring_up(editor)
        return editor


def _bring_up(editor: QMainWindow) -> None:
    editor.show()
    if QGuiApplication.platformName() != "offscreen":  # which has no stacking (and says so)
        editor.raise_()
    editor.activateWindow()
