"""导入千牛短语… and 导出千牛短语…: file dialogs, then the same functions ``kefu-assist
import-qianniu`` and ``export-qianniu`` call, on a worker; what they report in the banner."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from .. import file_dialogs
from ..workers import Background
from . import ops

if TYPE_CHECKING:
    from ..compiled.editor_window_ui import Ui_EditorView

CSV_FILTER = "千牛快捷短语 (*.csv *.txt);;所有文件 (*)"


class QianniuActions(QObject):
    """``finished(report)`` after an import or export, ``failed(message)`` when refused."""

    finished = Signal(object)  # ops.Report
    failed = Signal(str)

    def __init__(self, ui: "Ui_EditorView", window: QWidget, library_path: Callable[[], Path | None], parent: QObject | None = None):
        super().__init__(parent)
        self.ui = ui
        self.window = window
        self.library_path = library_path
        self._work = Background(self)
        self._state_before: tuple[str, str] | None = None  # (the state line's text, the busy text)
        ui.importButton.clicked.connect(lambda: self.import_csv())
        ui.exportButton.clicked.connect(lambda: self.export_csv())

    def _folder(self) -> Path:
        path = self.library_path()
        if path is None:
            return Path.home()
        return path if path.is_dir() else path.parent

    def import_csv(self, source: Path | None = None, target: Path | None = None) -> None:
        """Ask for the CSV and the library file to write (by default a new file in the library
        folder, named after the CSV), then import on a worker."""
        if source is None:
            name = file_dialogs.open_file(self.window, "导入千牛快捷短语", str(self._folder()), CSV_FILTER)
            if not name:
                return
            source = Path(name)
        force = target is not None and target.exists()
        if target is None:
            suggested = self._folder() / f"{source.stem}.yaml"
            name = file_dialogs.save_file(self.window, "导入为话术文件", str(suggested), "话术库 (*.yaml)")
            if not name:
                return
            target = Path(name)
            force = target.exists()  # the dialog asked before replacing it
        self._set_busy(True, "正在导入千牛短语…")
        src, out = source, target
        self._work.run(lambda: ops.import_qianniu(src, out, force=force), self._done, self._failed)

    def export_csv(self, target: Path | None = None) -> None:
        library = self.library_path()
        if library is None:
            self.failed.emit("没有打开的话术库，无法导出")
            return
        if target is None:
            name = file_dialogs.save_file(self.window, "导出千牛快捷短语", str(self._folder() / "千牛快捷短语.csv"), CSV_FILTER)
            if not name:
                return
            target = Path(name)
        self._set_busy(True, "正在导出千牛短语…")
        out = target
        self._work.run(lambda: ops.export_qianniu(library, out), self._done, self._failed)

    @property
    def busy(self) -> bool:
        return not self.ui.importButton.isEnabled()

    def _set_busy(self, on: bool, text: str = "") -> None:
        """While busy the state line says so; after, it shows again what it showed before (unless
        the window wrote something else there meanwhile: an edit, a save)."""
        ui = self.ui
        ui.importButton.setEnabled(not on)
        ui.exportButton.setEnabled(not on)
        if on:
            self._state_before = (ui.stateLabel.text(), text)
            ui.stateLabel.setText(text)
        elif self._state_before is not None:
            previous, busy_text = self._state_before
            self._state_before = None
            if ui.stateLabel.text() == busy_text:
                ui.stateLabel.setText(previous)

    def _done(self, report: ops.Report) -> None:
        self._set_busy(False)
        self.finished.emit(report)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.failed.emit(message)
