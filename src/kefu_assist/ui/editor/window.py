"""编辑话术: the team lead's window over the library. The compiled form (resources/ui/
editor_window.ui) is ``self.ui``; its tabs hold the editor first, and ``add_tab`` mounts more
(the review queue, 待处理, is built as its own controller and mounted there).

    listing.ScriptList     the tree by category, the category filter, the search box
    form.ScriptForm        the script's fields, its reply variants, the reply checker highlighted
    live.LiveLint          lint of the edited script as it would be saved (debounced, on a worker)
    live.Trial             试一试: what the matcher suggests with the edited, unsaved library
    qianniu_io.QianniuActions  导入/导出千牛短语 (the command line's functions, on a worker)

Every write goes through ``library.script_writer`` (spliced, checked, atomic, ``.bak`` kept) on
a worker; a refused write (``WriteError``) is shown in the banner and the file is left as it
was. ``librarySaved`` says a file was written (the sidebar's watcher reloads by itself)."""
from __future__ import annotations

import math

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from .. import theme as themes
from ..compiled.editor_window_ui import Ui_EditorView
from ..uiload import icon
from ..watcher import LibraryWatcher
from ..workers import Background
from . import ops
from .form import ScriptForm, set_enabled
from .listing import ScriptList
from .live import LiveLint, Trial
from .qianniu_io import QianniuActions

if TYPE_CHECKING:
    from ...library.model import Library

BANNER_LINES = 6  # the banner's details box grows to this many lines, then scrolls
EDITOR_TAB = 0
Buttons = QMessageBox.StandardButton


class EditorWindow(QMainWindow):
    """The editor window. ``select_script(id)`` shows a script (asking first about unsaved
    changes); ``librarySaved(path, script_id)`` after each write; ``add_tab(widget, title)``."""

    librarySaved = Signal(object, str)  # (file written, script id; "" for an import)
    libraryLoaded = Signal(object)  # ops.Loaded, after the list and form show it
    saveFailed = Signal(str)

    def __init__(self, library_path: Path, parent: QWidget | None = None, *, theme: str = "light"):
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.library_path = Path(library_path)
        self.loaded: ops.Loaded | None = None
        self.setWindowTitle("编辑话术[*] - 客服话术助手")  # [*]: a star while an edit is not saved
        self.setWindowIcon(icon("app"))
        central = QWidget()
        self.ui = Ui_EditorView()
        self.ui.setupUi(central)
        self.setCentralWidget(central)
        ui = self.ui
        self.setStyleSheet(themes.stylesheet(theme) + "\nQFrame#banner[info=\"true\"] { background: #f0f7ff; border-color: #91caff; }"
                           "\nQFrame#banner[info=\"true\"] QLabel { color: #0958d9; }")
        ui.splitter.setStretchFactor(0, 1)
        ui.splitter.setStretchFactor(1, 3)
        ui.splitter.setSizes([300, 800])
        ui.banner.hide()
        ui.findingsLabel.hide()
        ui.bannerCloseButton.clicked.connect(ui.banner.hide)
        self.list = ScriptList(ui, self)
        self.form = ScriptForm(ui, self)
        self.lint = LiveLint(ui, self.current_edit, self)
        self.trial = Trial(ui, self.current_edit, self)
        self.qianniu = QianniuActions(ui, self, lambda: self.library_path, self)
        self._loader = Background(self)
        self._writer = Background(self)
        # a file edited by hand (or by the sidebar's 学习) while the editor is open is read again;
        # an edit in progress stays in the form (saving splices only that script's lines)
        self.watcher = LibraryWatcher(self)
        self.watcher.changed.connect(self.reload)
        self.watcher.watch(self.library_path)
        self._saving = False
        self._note = ""
        self._load_banner = False  # the banner shows the last load's errors
        self._after_save: Callable[[], None] | None = None
        self._auto_id: str | None = None  # a new script's id while it still follows the title
        self.list.picked.connect(self._picked)
        self.form.edited.connect(self._edited)
        ui.titleEdit.textEdited.connect(self._title_edited)
        ui.categoryCombo.activated.connect(lambda _i: self._title_edited(ui.titleEdit.text()))  # the id's prefix
        ui.idEdit.textEdited.connect(lambda _t: setattr(self, "_auto_id", None))
        ui.saveButton.clicked.connect(lambda: self.save())
        ui.revertButton.clicked.connect(self.revert)
        ui.addButton.clicked.connect(lambda: self.new_script())
        ui.deleteButton.clicked.connect(self.delete_current)
        self.qianniu.finished.connect(self._qianniu_done)
        self.qianniu.failed.connect(lambda message: self.show_banner(f"没有完成：{message}", error=True))
        for keys, slot in (("Ctrl+S", lambda: self.save()), ("Ctrl+N", lambda: self.new_script()), ("Ctrl+F", self._focus_search)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        set_enabled(ui, False)
        self._update_state()
        self.resize(1100, 780)
        self.reload()

    # -- the review queue and other tabs ---------------------------------------------------------
    def add_tab(self, widget: QWidget, title: str) -> int:
        """Mount ``widget`` as another tab (the review queue, 待处理); returns its index. The
        widget can call ``select_script`` and listen to ``librarySaved`` and ``libraryLoaded``."""
        return self.ui.tabs.addTab(widget, title)

    @property
    def library(self) -> "Library | None":
        return self.loaded.library if self.loaded is not None else None

    # -- loading ---------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """Read the library again on a worker; ``select`` (or the script shown) is shown after."""
        path = self.library_path
        keep = select
        self._loader.run(lambda: ops.load(path), lambda loaded: self._loaded(loaded, keep),
                         lambda message: self.show_banner(f"话术库读取失败：{message}", error=True))

    def _loaded(self, loaded: ops.Loaded, select: str | None) -> None:
        self.loaded = loaded
        library = loaded.library
        errors = loaded.result.errors
        if library is None:
            self.show_banner("话术库文件有错误，无法编辑，请先改正：", [str(p) for p in errors], error=True)
            self._load_banner = True
            self._update_state()
            return
        if errors:
            self.show_banner(f"话术库有 {len(errors)} 处错误，出错的话术没有列出：", [str(p) for p in errors], error=True)
            self._load_banner = True
        elif self._load_banner:  # fixed meanwhile (by hand or here): the load's banner goes
            self.ui.banner.hide()
            self._load_banner = False
        self.form.checker = loaded.checker
        self.form.set_categories(library)
        self.lint.path, self.lint.checker, self.lint.library = self.library_path, loaded.checker, library
        self.trial.set_library(library)
        self.list.set_library(library, loaded.index)
        wanted = select or (self.form.original_id if self.form.showing and not self.form.dirty else None)
        if self.form.dirty:
            self.list.select(self.list.current)  # an edit in progress stays
        elif wanted is not None and library.get(wanted) is not None:
            self._show(wanted)
        elif library.scripts:
            self._show(library.scripts[0].id)
        self._update_state()
        self.libraryLoaded.emit(loaded)

    # -- showing a script --------------------------------------------------------------------------
    def select_script(self, script_id: str) -> bool:
        """Show ``script_id`` in the editor tab (asking first about unsaved changes). False when
        the team lead kept the current edit or the library has no such script."""
        library = self.library
        if library is None or library.get(script_id) is None:
            return False
        if script_id == self.form.original_id and self.form.showing:
            self.ui.tabs.setCurrentIndex(EDITOR_TAB)
            return True
        if not self.ask_unsaved(lambda: self.select_script(script_id)):
            return False
        self.ui.tabs.setCurrentIndex(EDITOR_TAB)
        self._show(script_id)
        return True

    def _picked(self, script_id: str) -> None:
        if not self.select_script(script_id):
            self.list.select(self.list.current)  # the edit stays: put the selection back

    def _show(self, script_id: str) -> None:
        from ...library.writer import script_fields

        library = self.library
        script = library.get(script_id) if library is not None else None
        if script is None:
            return
        self.list.pending_new = None
        self._auto_id = None
        self.form.fill(script_fields(script), script_id)
        self.list.select(script_id)
        self.list.refresh()
        set_enabled(self.ui, True)
        self.ui.fileLabel.setText(f"{script.file}:{script.line}")
        self._update_state()
        self.lint.run()
        self.trial.edited()

    def current_edit(self) -> tuple[str | None, dict[str, Any]] | None:
        """(the id it is saved under or None for a new script, the form's fields), or None."""
        if not self.form.showing:
            return None
        return self.form.original_id, self.form.fields()

    # -- changing ----------------------------------------------------------------------------------
    def _edited(self) -> None:
        self._update_state()
        self.lint.schedule()
        self.trial.edited()

    def _title_edited(self, title: str) -> None:
        if self._auto_id is None or self.form.original_id is not None or self.library is None:
            return
        taken = {s.id for s in self.library.scripts}
        self._auto_id = ops.new_id(self.ui.categoryCombo.currentData() or "new", title, taken)
        self.ui.idEdit.setText(self._auto_id)
        self.list.pending_new = (self._auto_id, title, self.ui.categoryCombo.currentData() or "")
        self.list.current = self._auto_id
        self.list.refresh()

    def new_script(self, category: str | None = None) -> bool:
        """A new, unsaved script in ``category`` (default: the filter's, else the shown one's)."""
        library = self.library
        if library is None or not self.ask_unsaved(lambda: self.new_script(category)):
            return False
        category = category or self.list.category or (self.form.fields().get("category") if self.form.showing else None) or next(iter(library.categories))
        taken = {s.id for s in library.scripts}
        self._auto_id = ops.new_id(category, "", taken)
        self.form.fill({"id": self._auto_id, "category": category, "title": "", "replies": [""]}, None)
        self.list.pending_new = (self._auto_id, "", category)
        self.list.current = self._auto_id
        self.list.refresh()
        set_enabled(self.ui, True)
        self.ui.tabs.setCurrentIndex(EDITOR_TAB)
        self.ui.fileLabel.setText("新话术：保存后写入同分类话术所在的文件")
        self.ui.titleEdit.setFocus()
        self._edited()
        return True

    def revert(self) -> None:
        if self.form.original_id is not None:
            self._show(self.form.original_id)
        elif self.library is not None and self.library.scripts:
            self.list.pending_new = None
            self._show(self.library.scripts[0].id)

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Write the shown script through script_writer on a worker; ``then`` after success."""
        if self._saving or not self.form.showing:
            return
        if not self.form.dirty:
            if then is not None:
                then()
            return
        original_id, fields = self.form.original_id, self.form.fields()
        path = self.library_path

        def op() -> Any:
            from ...library.writer import add_script, update_script

            if original_id is None:
                return add_script(path, fields)
            return update_script(path, original_id, fields)

        self._saving = True
        self._after_save = then
        self.ui.saveButton.setEnabled(False)
        self.ui.stateLabel.setText("正在保存…")
        self._writer.run(op, self._saved, self._save_failed)

    def _saved(self, result: Any) -> None:
        self._saving = False
        self.form.mark_saved(result.script_id)
        self.list.pending_new = None
        self._auto_id = None
        self.ui.banner.hide()
        self._update_state(note=f"已保存到 {result.path.name}（旧文件留作 {result.path.name}.bak）")
        self.librarySaved.emit(result.path, result.script_id)
        then, self._after_save = self._after_save, None
        self.reload(select=result.script_id)
        if then is not None:
            then()

    def _save_failed(self, message: str) -> None:
        self._saving = False
        self._note = ""
        self._load_banner = False  # the banner shows the last load's errors
        self._after_save = None
        self.show_banner(f"没有保存：{message}。文件没有改动，修改还在编辑框里。", error=True)
        self._update_state()
        self.saveFailed.emit(message)

    def delete_current(self) -> None:
        if not self.form.showing:
            return
        original_id = self.form.original_id
        title = self.ui.titleEdit.text() or original_id or "新话术"
        answer = QMessageBox.question(self, "删除话术", f"删除话术“{title}”？\n会从话术库文件里删去它的几行（旧文件留作 .bak 备份）。",
                                      Buttons.Yes | Buttons.No, Buttons.No)
        if answer != Buttons.Yes:
            return
        if original_id is None:  # never saved: nothing to write
            self.list.pending_new = None
            self.form.clear()
            self.revert()
            return
        path = self.library_path
        library = self.library
        ids = [s.id for s in library.scripts] if library is not None else []
        at = ids.index(original_id) if original_id in ids else 0
        neighbour = next((i for i in ids[at + 1:] + ids[:at][::-1]), None)

        def op() -> Any:
            from ...library.writer import delete_script

            return delete_script(path, original_id)

        def done(result: Any) -> None:
            self.form.clear()
            self._update_state(note=f"已删除 {original_id}（旧文件留作 {result.path.name}.bak）")
            self.librarySaved.emit(result.path, original_id)
            self.reload(select=neighbour)

        self._writer.run(op, done, lambda message: self.show_banner(f"没有删除：{message}。文件没有改动。", error=True))

    # -- unsaved changes ----------------------------------------------------------------------------
    def ask_unsaved(self, retry: Callable[[], Any] | None = None) -> bool:
        """True when the caller may go on: nothing unsaved, or the team lead discarded it. 保存
        saves first and calls ``retry`` once saved (so this returns False meanwhile)."""
        if not self.form.dirty:
            return True
        answer = QMessageBox.question(self, "未保存的修改", f"“{self.ui.titleEdit.text() or '新话术'}”有未保存的修改，要保存吗？",
                                      Buttons.Save | Buttons.Discard | Buttons.Cancel, Buttons.Save)
        if answer == Buttons.Discard:
            self.list.pending_new = None
            self.form.clear()
            return True
        if answer == Buttons.Save:
            self.save(then=retry)
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ask_unsaved(self.close):
            super().closeEvent(event)
        else:
            event.ignore()

    # -- banner and state -----------------------------------------------------------------------------
    def show_banner(self, head: str, lines: list[str] | None = None, *, error: bool) -> None:
        ui = self.ui
        self._load_banner = False
        ui.banner.setProperty("info", not error)
        # the labels' colour depends on the banner's property: they are polished again too
        for widget in (ui.banner, *ui.banner.findChildren(QWidget)):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        ui.bannerLabel.setText(head)
        ui.bannerDetails.setPlainText("\n".join(lines or []))
        ui.bannerDetails.setVisible(bool(lines))
        self._fit_banner_details()
        ui.banner.show()

    def _fit_banner_details(self) -> None:
        """The details box as tall as its text as laid out (wrapped lines, the Chinese font's own
        line height), up to BANNER_LINES lines; more scroll."""
        box = self.ui.bannerDetails
        layout = box.document().documentLayout()
        height, count = 0.0, 0
        block = box.document().firstBlock()
        while block.isValid() and count < BANNER_LINES:
            rect = layout.blockBoundingRect(block)
            lines_here = max(1, block.layout().lineCount())
            take = min(lines_here, BANNER_LINES - count)
            height += rect.height() * take / lines_here
            count += take
            block = block.next()
        margins = box.contentsMargins().top() + box.contentsMargins().bottom() + 2 * math.ceil(box.document().documentMargin())
        box.setFixedHeight(math.ceil(height) + margins)

    def _qianniu_done(self, report: ops.Report) -> None:
        self.show_banner(report.head, report.lines, error=False)
        if report.written.suffix.lower() not in (".yaml", ".yml"):
            return  # an export: the library is unchanged
        written, library = report.written.resolve(), self.library_path.resolve()
        self.librarySaved.emit(report.written, "")
        if (library.is_dir() and written.parent == library) or written == library:
            self.reload()
        else:
            self.ui.bannerLabel.setText(f"{report.head}\n新文件不在正在编辑的话术库里；要使用它，请在设置里把话术库改为它所在的文件夹。")

    def _update_state(self, *, note: str | None = None) -> None:
        """Buttons and the state line; ``note`` (what was last done) shows until the next edit."""
        dirty = self.form.dirty
        ui = self.ui
        if note is not None:
            self._note = note
        elif dirty:
            self._note = ""
        ui.saveButton.setEnabled(dirty and not self._saving)
        ui.revertButton.setEnabled(dirty and self.form.original_id is not None)
        ui.deleteButton.setEnabled(self.form.showing)
        if not self._saving:
            ui.stateLabel.setText("有未保存的修改" if dirty else (self._note if self.library is not None else "正在读取话术库…"))
        self.setWindowModified(dirty)

    def _focus_search(self) -> None:
        self.ui.tabs.setCurrentIndex(EDITOR_TAB)
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()
