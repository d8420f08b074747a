"""The program's file dialogs (ui/file_dialogs.py) open no file of the folders they list.

Qt's stock dialog opens every listed file to sniff its type; on Linux closing that descriptor took
away this process's POSIX locks on a SQLite database in the folder, and another process's reader
then re-initialised the shared memory the sidebar had mapped: the sidebar died of SIGBUS (the
team-lead flow test, now and then). Here a live WAL database sits in the folder each dialog shows,
and a second process asks whether this one still holds its lock on the shared memory."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

from kefu_assist.ui import file_dialogs

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX locks: Windows locks belong to a handle")

# SQLite's unix VFS: every connection holds a shared lock on this byte of the -shm file ("DMS")
# while it has the shared memory mapped; a process that can lock it exclusively believes itself
# the first and re-initialises the file.
DMS_BYTE = 128

HOLDS_LOCK = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
try:
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, {byte})
except OSError:
    print("held")
else:
    fcntl.lockf(fd, fcntl.LOCK_UN, 1, {byte})
    print("free")
""".format(byte=DMS_BYTE)


def locks_held(shm: Path) -> bool:
    """Whether some other process (this test's) holds its SQLite lock on ``shm``."""
    done = subprocess.run([sys.executable, "-c", HOLDS_LOCK, str(shm)], capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip() == "held"


def live_database(folder: Path) -> tuple[sqlite3.Connection, Path]:
    """A WAL database in ``folder`` with this process's connection open on it, as the sidebar's."""
    db = sqlite3.connect(str(folder / "usage.db"), isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE copies (question TEXT)")
    db.execute("INSERT INTO copies VALUES ('在吗')")
    return db, folder / "usage.db-shm"


def test_the_check_sees_a_lost_lock(tmp_path):
    """The way the program lost its locks, done by hand: the check below must notice it."""
    db, shm = live_database(tmp_path)
    with closing(db):
        assert locks_held(shm)
        os.close(os.open(shm, os.O_RDONLY))
        assert not locks_held(shm)


@pytest.mark.parametrize(
    "pick",
    [
        lambda folder: file_dialogs.open_file(None, "导入千牛快捷短语", str(folder), "千牛快捷短语 (*.csv *.txt);;所有文件 (*)"),
        lambda folder: file_dialogs.save_file(None, "导出千牛快捷短语", str(folder / "千牛快捷短语.csv"), "所有文件 (*)"),
        lambda folder: file_dialogs.existing_folder(None, "选择话术库文件夹", str(folder)),
    ],
    ids=["open", "save", "folder"],
)
def test_a_dialog_on_the_database_folder_leaves_this_process_its_locks(qtbot, tmp_path, pick):
    (tmp_path / "千牛导出.csv").write_text("快捷短语编码,快捷短语,快捷短语分组\n", encoding="utf-8")
    (tmp_path / "话术").mkdir()
    db, shm = live_database(tmp_path)
    seen: dict[str, object] = {}

    def shown() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, shown)
            return
        dialog.setViewMode(QFileDialog.ViewMode.Detail)  # the type column too
        model = dialog.findChild(QFileSystemModel)
        assert model is not None
        seen["dialog"] = dialog
        look(dialog, model, 0)

    def look(dialog: QFileDialog, model: QFileSystemModel, rounds: int) -> None:
        # every row's icon and type asked for, as the view paints them; then time for Qt's
        # file-information thread to answer
        root = model.index(str(tmp_path))
        if root.isValid() and model.canFetchMore(root):
            model.fetchMore(root)
        names = set()
        for row in range(model.rowCount(root)):
            for column in range(model.columnCount(QModelIndex())):
                index = model.index(row, column, root)
                model.data(index, Qt.ItemDataRole.DecorationRole)
                model.data(index, Qt.ItemDataRole.DisplayRole)
            names.add(model.index(row, 0, root).data())
        seen["listed"] = names
        if rounds < 20:
            QTimer.singleShot(100, lambda: look(dialog, model, rounds + 1))
            return
        seen["held"] = locks_held(shm)
        dialog.reject()

    with closing(db):
        assert locks_held(shm)
        QTimer.singleShot(0, shown)
        assert pick(tmp_path) == ""  # cancelled
        assert seen["held"] is True, "the dialog opened a file of the database and took this process's SQLite locks"
        assert "话术" in seen["listed"]  # it did list the folder it was given
        # and the program's own connection works on
        db.execute("INSERT INTO copies VALUES ('发货了吗')")
        assert db.execute("SELECT count(*) FROM copies").fetchone()[0] == 2


def test_icons_and_types_come_from_the_name(qtbot, tmp_path):
    from PySide6.QtCore import QFileInfo

    (tmp_path / "a.csv").write_bytes(b"\x00binary")
    (tmp_path / "noext").write_text("x")
    icons = file_dialogs.NameOnlyIcons()
    assert icons.type(QFileInfo(str(tmp_path / "a.csv"))) == "CSV 文件"
    assert icons.type(QFileInfo(str(tmp_path / "noext"))) == "文件"
    assert icons.type(QFileInfo(str(tmp_path))) == "文件夹"


def test_a_save_dialog_offers_the_suggested_name(qtbot, tmp_path):
    dialog = file_dialogs.make_dialog(None, "导入为话术文件", str(tmp_path / "千牛导出.yaml"), "话术库 (*.yaml)")
    qtbot.addWidget(dialog)
    assert dialog.selectedFiles() == [str(tmp_path / "千牛导出.yaml")]
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "查找范围："
    assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "文件类型："
