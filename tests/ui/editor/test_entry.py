"""The sidebar's way into the editor (entry.py): the 编辑 button and Ctrl+E, the team_lead_tools
setting, and the sidebar showing what the editor saved."""
from __future__ import annotations

from PySide6.QtCore import Qt


def _set_team_lead_tools(on: bool) -> None:
    from kefu_assist.ui.settings import Preferences, open_settings

    qs = open_settings()
    Preferences(team_lead_tools=on).write(qs)


def test_the_sidebar_opens_the_editor_and_shows_what_it_saved(qtbot, make_window, commented):
    window = make_window(commented)
    button = window.editor_entry.button
    assert button.isVisible() and button.text() == "编辑"
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    editor = window.editor_entry.editor
    assert editor is not None and editor.isVisible()
    qtbot.waitUntil(lambda: editor.library is not None, timeout=20000)
    assert editor.select_script("shipping_fee.free")
    editor.ui.titleEdit.setText("包邮说明（新）")
    editor.ui.titleEdit.textEdited.emit("包邮说明（新）")
    assert editor.form.dirty
    with qtbot.waitSignal(editor.librarySaved, timeout=20000):
        editor.save()
    # the sidebar's own watcher reloads the file: the agent sees the new title
    qtbot.waitUntil(lambda: window.service.library.get("shipping_fee.free").title == "包邮说明（新）", timeout=20000)
    window.browse.refresh()
    qtbot.waitUntil(lambda: not editor.form.dirty, timeout=20000)


def test_with_team_lead_tools_off_the_sidebar_has_no_way_into_the_editor(qtbot, make_window, commented):
    _set_team_lead_tools(False)
    window = make_window(commented)
    assert window.prefs.team_lead_tools is False
    assert window.editor_entry.button.isHidden()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.editor_entry.editor is None and window.editor_entry.open() is None
    # turned on in the settings dialog: the button is back
    from kefu_assist.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.prefs, window)
    qtbot.addWidget(dialog)
    assert not dialog.teamLeadCheck.isChecked()
    dialog.teamLeadCheck.setChecked(True)
    window.apply_preferences(dialog.preferences())
    assert not window.editor_entry.button.isHidden()
    assert window.editor_entry.open() is not None
    window.editor_entry.editor.close()
