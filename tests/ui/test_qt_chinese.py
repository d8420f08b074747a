"""Qt's own words in the sidebar are Chinese: the right-click menu of a text box (where agents
paste), dialog buttons and the file dialog come from Qt, which speaks English unless its
catalogue is installed (ui/app.py install_qt_chinese, run at start)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QPlainTextEdit

from kefu_assist.ui.app import install_qt_chinese


def _menu_texts(widget) -> list[str]:
    menu = widget.createStandardContextMenu()
    try:
        return [a.text() for a in menu.actions() if not a.isSeparator()]
    finally:
        menu.deleteLater()


def test_qt_words_are_chinese_once_installed(qapp, qtbot):
    app = QCoreApplication.instance()
    translators_before = app.findChildren(object)
    assert install_qt_chinese(app)
    try:
        for box in (QLineEdit(), QPlainTextEdit()):
            qtbot.addWidget(box)
            texts = " ".join(_menu_texts(box))
            assert "粘贴" in texts and "复制" in texts and "Paste" not in texts, texts
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        assert dialog.labelText(QFileDialog.DialogLabel.Reject) == "取消"
    finally:
        from PySide6.QtCore import QTranslator

        for translator in app.findChildren(QTranslator):
            if translator not in translators_before:
                app.removeTranslator(translator)
                translator.deleteLater()
