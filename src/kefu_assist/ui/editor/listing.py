"""The editor's list of scripts: a tree by category, a category filter, and the search box over
the library's search index (``library.search``: titles, 快捷编码, pinyin and initials)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QTreeWidgetItem

if TYPE_CHECKING:
    from ...library.model import Library
    from ...library.search import SearchIndex
    from ..compiled.editor_window_ui import Ui_EditorView

ALL = ""  # the filter's 全部分类 entry
ID_ROLE = Qt.ItemDataRole.UserRole
NEW_MARK = "（新建，未保存）"


class ScriptList(QObject):
    """Owns categoryFilter, searchEdit, scriptTree and searchNote. ``picked(script_id)`` when
    the team lead clicks a script; the window decides whether the form may change."""

    picked = Signal(str)

    def __init__(self, ui: "Ui_EditorView", parent: QObject | None = None):
        super().__init__(parent)
        self.ui = ui
        self.library: Library | None = None
        self.index: SearchIndex | None = None
        self.current: str | None = None
        self.pending_new: tuple[str, str, str] | None = None  # (id, title, category) of an unsaved new script
        ui.categoryFilter.currentIndexChanged.connect(lambda _i: self.refresh())
        ui.searchEdit.textChanged.connect(lambda _t: self.refresh())
        ui.scriptTree.currentItemChanged.connect(self._current_changed)
        ui.searchNote.hide()

    def set_library(self, library: "Library", index: "SearchIndex | None") -> None:
        self.library, self.index = library, index
        combo = self.ui.categoryFilter
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("全部分类", ALL)
        used = {s.category for s in library.scripts}
        for cid, label in library.categories.items():
            if cid in used:
                combo.addItem(label if label == cid else f"{label}（{cid}）", cid)
        combo.setCurrentIndex(max(0, combo.findData(keep)) if keep is not None else 0)
        combo.blockSignals(False)
        self.refresh()

    @property
    def category(self) -> str:
        return self.ui.categoryFilter.currentData() or ALL

    def refresh(self) -> None:
        """The tree for the filter and the query; the current script stays selected."""
        ui, library = self.ui, self.library
        tree = ui.scriptTree
        tree.blockSignals(True)
        tree.clear()
        if library is None:
            tree.blockSignals(False)
            return
        query = ui.searchEdit.text().strip()
        category = self.category or None
        if query and self.index is not None:
            scripts = [hit.script for hit in self.index.search(query, category=category, limit=500)]
        elif query:
            scripts = [s for s in library.scripts if query in s.title or query in (s.code or "") or query in s.id]
        else:
            scripts = [s for s in library.scripts if category is None or s.category == category]
        groups: dict[str, QTreeWidgetItem] = {}
        selected: QTreeWidgetItem | None = None
        rows = [(s.id, s.title + (f"  /{s.code}" if s.code else ""), s.category) for s in scripts]
        if self.pending_new is not None and (category is None or self.pending_new[2] == category):
            new_id, title, cat = self.pending_new
            rows.append((new_id, (title or "新话术") + NEW_MARK, cat))
        for script_id, text, cat in rows:
            group = groups.get(cat)
            if group is None:
                group = groups[cat] = QTreeWidgetItem(tree, [library.category_label(cat)])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setExpanded(True)
            item = QTreeWidgetItem(group, [text])
            item.setData(0, ID_ROLE, script_id)
            item.setToolTip(0, script_id)
            if script_id == self.current:
                selected = item
        if selected is not None:
            tree.setCurrentItem(selected)
        tree.blockSignals(False)
        if query and not rows:
            ui.searchNote.setText(f"没有找到“{query}”：试试拼音（baoyou）、首字母（by）或快捷编码")
            ui.searchNote.show()
        else:
            ui.searchNote.hide()

    def select(self, script_id: str | None) -> None:
        """Show ``script_id`` as current without emitting ``picked``."""
        self.current = script_id
        tree = self.ui.scriptTree
        tree.blockSignals(True)
        found = self._item(script_id) if script_id else None
        if found is None and script_id and (self.ui.searchEdit.text() or self.category):
            self.ui.searchEdit.blockSignals(True)
            self.ui.searchEdit.clear()
            self.ui.searchEdit.blockSignals(False)
            self.ui.categoryFilter.blockSignals(True)
            self.ui.categoryFilter.setCurrentIndex(0)
            self.ui.categoryFilter.blockSignals(False)
            tree.blockSignals(False)
            self.refresh()
            tree.blockSignals(True)
            found = self._item(script_id)
        if found is not None:
            tree.setCurrentItem(found)
            tree.scrollToItem(found)
        else:
            tree.clearSelection()
        tree.blockSignals(False)

    def _item(self, script_id: str | None) -> QTreeWidgetItem | None:
        return next((item for item in self._items() if item.data(0, ID_ROLE) == script_id), None)

    def _items(self) -> list[QTreeWidgetItem]:
        """The script rows, top to bottom."""
        tree = self.ui.scriptTree
        out: list[QTreeWidgetItem] = []
        for i in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(i)
            if group is not None:
                out += [c for j in range(group.childCount()) if (c := group.child(j)) is not None]
        return out

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        script_id = item.data(0, ID_ROLE) if item is not None else None
        if script_id and script_id != self.current:
            self.picked.emit(script_id)

    def visible_ids(self) -> list[str]:
        """The script ids the tree lists, top to bottom (what tests and the review tab read)."""
        return [item.data(0, ID_ROLE) for item in self._items()]
