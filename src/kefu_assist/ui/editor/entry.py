"""The sidebar's one way into the editor: a 编辑 button in the top bar and Ctrl+E, both there
only while the ``team_lead_tools`` setting is on. The editor is built when first opened, with
the review queue (待处理) as its second tab when the host gives a way to build it."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QToolButton

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..compiled.main_window_ui import Ui_SidebarView
    from ..review_panel import ReviewPanel
    from .window import EditorWindow

SHORTCUT = "Ctrl+E"


class EditorEntry(QObject):
    def __init__(self, window: QMainWindow, ui: "Ui_SidebarView", library_path: Callable[[], Path], theme: Callable[[], str],
                 review: "Callable[[QWidget], ReviewPanel] | None" = None):
        super().__init__(window)
        self.window = window
        self.library_path = library_path
        self.theme = theme
        self.review = review  # builds the 待处理 tab's panel inside the editor window
        self.editor: EditorWindow | None = None
        self.review_panel: ReviewPanel | None = None
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
        """The ``team_lead_tools`` setting: off hides the button, turns the shortcut off and
        closes an open editor (which asks first about an unsaved edit)."""
        self.enabled = on
        self.button.setVisible(on)
        self.shortcut.setEnabled(on)
        if not on and self.editor is not None and self.editor.isVisible():
            self.editor.close()

    def open(self, *, review: bool = False) -> "EditorWindow | None":
        """Show the editor (built on first use), on its 待处理 tab with ``review``, whose queue is
        then read again."""
        if not self.enabled:
            return None
        from .window import EditorWindow

        editor = self.editor
        if editor is None or editor.library_path != Path(self.library_path()):
            if editor is not None and not editor.close():
                _bring_up(editor)  # the team lead kept an unsaved edit of the old library
                return editor
            editor = self.editor = EditorWindow(self.library_path(), self.window, theme=self.theme())
            self.review_panel = self._mount_review(editor)
        panel = self.review_panel
        if review and panel is not None:
            editor.ui.tabs.setCurrentWidget(panel.widget)
            panel.refresh()
        _bring_up(editor)
        return editor

    def _mount_review(self, editor: "EditorWindow") -> "ReviewPanel | None":
        if self.review is None:
            return None
        panel = self.review(editor)
        editor.add_tab(panel.widget, "待处理")

        def edit_script(script_id: str) -> None:  # 编辑话术… on an item: the script in the form
            editor.ui.tabs.setCurrentIndex(0)
            editor.select_script(script_id)

        panel.openScript.connect(edit_script)
        panel.libraryWritten.connect(lambda _path: editor.reload())
        editor.ui.tabs.currentChanged.connect(lambda _i: panel.refresh() if editor.ui.tabs.currentWidget() is panel.widget else None)
        panel.refresh()
        return panel


def _bring_up(editor: QMainWindow) -> None:
    editor.show()
    if QGuiApplication.platformName() != "offscreen":  # which has no stacking (and says so)
        editor.raise_()
    editor.activateWindow()
