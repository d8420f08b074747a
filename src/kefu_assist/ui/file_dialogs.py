"""Every file dialog of the program: open a file, save a file, pick a folder.

Why not ``QFileDialog.getOpenFileName`` and friends: to show a file's icon and type, Qt's own
dialog (and a desktop's native one on Linux) opens every file of the folder it lists to sniff its
content, and closes it again. On Linux and macOS closing *any* descriptor of a file drops every
POSIX lock this process holds on it, so a dialog that lists the folder of the usage database
took away the SQLite locks of the sidebar's open connections. The next reader in another
process (``kefu-assist stats``, a second sidebar) then took itself for the first connection,
re-initialised the shared-memory file the sidebar had mapped, and the sidebar died of SIGBUS while
recording (seen in the team-lead flow test, whose database sits beside the CSV it imports).

So on those systems the dialogs here are Qt's own with icons and type names taken from the file
*name* only: nothing in the folder is opened. Windows keeps its native dialogs: its locks belong to
a handle, not to the process, and another handle's close takes nothing away."""
from __future__ import annotations

import os

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

NATIVE = os.name == "nt"


class NameOnlyIcons(QFileIconProvider):
    """A folder or file icon and a type such as ``CSV 文件``, from the name alone (the stock
    provider asks the MIME database, which reads the file's first bytes)."""

    def icon(self, what: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = QAbstractFileIconProvider.IconType.Folder if what.isDir() else QAbstractFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "文件夹"
        suffix = info.suffix()
        return f"{suffix.upper()} 文件" if suffix else "文件"


def make_dialog(parent: QWidget | None, title: str, start: str, name_filter: str = "") -> QFileDialog:
    """Qt's dialog that opens no file of the folders it shows; ``start`` a folder, or a file
    path whose folder is shown with the file's name offered."""
    dialog = QFileDialog(parent, title, start, name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    # the two labels Qt's Chinese catalogue leaves in English
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, "查找范围：")
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, "文件类型：")
    provider = NameOnlyIcons()
    dialog.setIconProvider(provider)
    dialog._icons = provider  # type: ignore[attr-defined]  # the dialog does not own it: kept alive with it
    return dialog


def _run(dialog: QFileDialog) -> str:
    try:
        return dialog.selectedFiles()[0] if dialog.exec() == QFileDialog.DialogCode.Accepted and dialog.selectedFiles() else ""
    finally:
        dialog.deleteLater()


def open_file(parent: QWidget | None, title: str, start: str, name_filter: str) -> str:
    """The chosen existing file, or "" when cancelled."""
    if NATIVE:
        return QFileDialog.getOpenFileName(parent, title, start, name_filter)[0]
    dialog = make_dialog(parent, title, start, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _run(dialog)


def save_file(parent: QWidget | None, title: str, start: str, name_filter: str) -> str:
    """The file to write (the dialog asked before replacing one), or "" when cancelled."""
    if NATIVE:
        return QFileDialog.getSaveFileName(parent, title, start, name_filter)[0]
    dialog = make_dialog(parent, title, start, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return _run(dialog)


def existing_folder(parent: QWidget | None, title: str, start: str) -> str:
    """The chosen folder, or "" when cancelled."""
    if NATIVE:
        return QFileDialog.getExistingDirectory(parent, title, start)
    dialog = make_dialog(parent, title, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _run(dialog)
