"""待处理, the review queue: the learned examples agents' choices made and the questions nothing
answered, each with its count, and for the selected one exactly three actions: 加为例句 (into one
of the matcher's three best guesses or any script found by title or id), 新建话术 (category,
title, reply; the question its first example) and 忽略.

A standalone panel (a QObject owning ``self.widget``, built from the compiled form
``review_panel.ui``), so any host can mount it: the sidebar opens it in a dialog
(``review_window.review_window``), the script editor may add it as a tab. It takes getters, never other
panels: ``service()`` for the library and the matcher, ``engine()`` for the usage database
(called on a worker only; it may wait for a connection or raise), ``library_path()`` for where to
write. Every read, match and write runs on a worker (``workers.Background``); the logic itself
is Qt-free in ``kefu_assist.review_queue``. A failure (the writer refusing a file, the database
down) shows a Chinese banner and keeps the item; an action done takes the item off the list and
says what it wrote, and ``libraryWritten(path)`` tells the host a library file changed.
"""
from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCompleter, QListWidgetItem, QTreeWidgetItem, QWidget

from .compiled.review_panel_ui import Ui_ReviewView
from .workers import Background, db_pool

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from ..library import Library
    from ..review_queue import Guess, Outcome, ReviewItem
    from ..service import AssistService

ROLE = Qt.ItemDataRole.UserRole
LEARNED_HEADING = "学习例句（客服选过的话术）"
UNMATCHED_HEADING = "未匹配的问题"
QUESTION_SHOWN = 200  # characters of the selected question shown above the actions


def _system_user() -> str:
    try:
        return getpass.getuser().strip()
    except Exception:  # noqa: BLE001 - no login name in this environment
        return ""


class ReviewPanel(QObject):
    libraryWritten = Signal(object)  # Path: a library file the panel changed
    openScript = Signal(str)  # script id: 编辑话术… (shown only with open_scripts=True)
    loaded = Signal(int)  # the queue was read: this many items
    actionDone = Signal(str)  # an action finished: its message
    actionFailed = Signal(str)  # an action or a read failed: the banner's text

    def __init__(
        self,
        service: "Callable[[], AssistService | None]",
        engine: "Callable[[], Engine]",
        parent: QWidget | None = None,
        *,
        library_path: Callable[[], Path | None] | None = None,
        agent: Callable[[], str] | None = None,
        open_scripts: bool = False,
    ):
        super().__init__(parent)
        self.service = service
        self.engine = engine
        self.library_path = library_path or self._service_path
        self.agent = agent or _system_user
        self.widget = QWidget(parent)
        self.ui = Ui_ReviewView()
        self.ui.setupUi(self.widget)
        self.items: list[ReviewItem] = []
        self.guesses: list[Guess] = []  # the matcher's best scripts for the selected item
        self.busy = False
        self._combo_library: Library | None = None
        self._created: set[str] = set()  # ids of the scripts 新建话术 wrote
        self._loader = Background(self, threads=db_pool)
        self._matcher = Background(self)
        self._writer = Background(self, threads=db_pool)
        ui = self.ui
        ui.reviewBanner.hide()
        ui.noticeLabel.hide()
        ui.emptyLabel.hide()
        ui.openScriptButton.setVisible(open_scripts)
        # the list, or the empty-queue line in its place, takes the height; the done message keeps its own
        for taker in (ui.emptyLabel, ui.splitter):
            ui.reviewLayout.setStretchFactor(taker, 1)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        header = ui.queueTree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, header.ResizeMode.ResizeToContents)
        completer = ui.scriptCombo.completer()
        if completer is not None:  # type what a title or an id contains, not only how it starts
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit = ui.scriptCombo.lineEdit()
        if edit is not None:
            edit.setPlaceholderText("输入标题或 id 查找")
        self._connect()
        self._show(None)

    def _connect(self) -> None:
        ui = self.ui
        ui.refreshButton.clicked.connect(self.refresh)
        ui.reviewBannerClose.clicked.connect(ui.reviewBanner.hide)
        ui.queueTree.currentItemChanged.connect(lambda *_: self._show(self.selected))
        ui.guessList.currentRowChanged.connect(self._guess_chosen)
        ui.scriptCombo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        ui.scriptCombo.editTextChanged.connect(lambda _t: self._update_buttons())
        ui.titleEdit.textChanged.connect(lambda _t: self._update_buttons())
        ui.replyEdit.textChanged.connect(self._update_buttons)
        ui.addExampleButton.clicked.connect(self.add_example)
        ui.createButton.clicked.connect(self.create_script)
        ui.dismissButton.clicked.connect(self.dismiss)
        ui.openScriptButton.clicked.connect(lambda: self.openScript.emit(self.target) if self.target else None)
        refresh = QShortcut(QKeySequence("F5"), self.widget)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh)

    # -- what hosts and tests read ----------------------------------------------------------------
    def _service_path(self) -> Path | None:
        service = self.service()
        return service.library_path if service is not None else None

    def _library(self) -> "Library | None":
        service = self.service()
        return service.library if service is not None and service.ready else None

    @property
    def selected(self) -> "ReviewItem | None":
        current = self.ui.queueTree.currentItem()
        index = current.data(0, ROLE) if current is not None else None
        return self.items[index] if isinstance(index, int) and 0 <= index < len(self.items) else None

    @property
    def target(self) -> str | None:
        """The script 加为例句 writes into: the combo's choice, when its text is that choice."""
        combo = self.ui.scriptCombo
        i = combo.currentIndex()
        if i < 0 or combo.currentText() != combo.itemText(i):
            return None
        data = combo.itemData(i)
        return str(data) if data else None

    def select(self, item: "ReviewItem") -> None:
        for row in self._rows():
            if self.items[row.data(0, ROLE)].key == item.key:
                self.ui.queueTree.setCurrentItem(row)
                return

    def choose_guess(self, rank: int) -> None:
        """Make guess ``rank`` (1 = the matcher's best) the target, as a click on it does."""
        self.ui.guessList.setCurrentRow(self._guess_rows()[rank - 1])

    def choose_script(self, script_id: str) -> None:
        combo = self.ui.scriptCombo
        combo.setCurrentIndex(combo.findData(script_id))

    # -- reading the queue ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the queue on a worker; the list shows it when it arrives."""
        from_engine = self.engine

        def op() -> list:
            from ..review_queue import load_queue

            return load_queue(from_engine())

        self.ui.summaryLabel.setText("正在读取…")
        self._loader.run(op, self._loaded, self._load_failed)

    def _loaded(self, items: list) -> None:
        self.ui.reviewBanner.hide()
        keep = self.selected.key if self.selected is not None else None
        self.items = list(items)
        self._fill_tree()
        if keep is not None:
            again = next((i for i in self.items if i.key == keep), None)
            if again is not None:
                self.select(again)
        if self.selected is None:
            self._select_first()
        self.loaded.emit(len(self.items))

    def _load_failed(self, message: str) -> None:
        self.ui.summaryLabel.setText("")
        self._banner(f"读取待处理失败（数据库不可用？）：{message}")

    def _fill_tree(self) -> None:
        tree, library = self.ui.queueTree, self._library()
        tree.clear()
        learned = [(i, it) for i, it in enumerate(self.items) if it.kind == "learned"]
        unmatched = [(i, it) for i, it in enumerate(self.items) if it.kind != "learned"]
        for heading, members in ((LEARNED_HEADING, learned), (UNMATCHED_HEADING, unmatched)):
            if not members:
                continue
            group = QTreeWidgetItem(tree, [f"{heading}（{len(members)}）"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for index, item in members:
                row = QTreeWidgetItem(group, [item.question, str(item.count), self._agents_text(item), self._script_text(item, library)])
                row.setData(0, ROLE, index)
                row.setToolTip(0, item.question)
                row.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
            group.setExpanded(True)
        self._update_summary()

    @staticmethod
    def _agents_text(item: "ReviewItem") -> str:
        if item.agents:
            return "、".join(a or "（未署名）" for a in item.agents)
        return f"{item.agent_count} 位"

    @staticmethod
    def _script_text(item: "ReviewItem", library: "Library | None") -> str:
        if not item.script_id:
            return ""
        script = library.get(item.script_id) if library is not None else None
        return script.title if script is not None else item.script_id

    def _update_summary(self) -> None:
        learned = sum(1 for i in self.items if i.kind == "learned")
        unmatched = len(self.items) - learned
        empty = not self.items
        self.ui.summaryLabel.setText("空" if empty else f"学习例句 {learned} 条 · 未匹配问题 {unmatched} 条")
        self.ui.emptyLabel.setVisible(empty)
        self.ui.splitter.setVisible(not empty)

    def _rows(self) -> list[QTreeWidgetItem]:
        tree = self.ui.queueTree
        groups = [g for g in (tree.topLevelItem(n) for n in range(tree.topLevelItemCount())) if g is not None]
        return [row for g in groups for row in (g.child(c) for c in range(g.childCount())) if row is not None]

    def _select_first(self) -> None:
        rows = self._rows()
        if rows:
            self.ui.queueTree.setCurrentItem(rows[0])
        else:
            self._show(None)

    # -- the selected item ----------------------------------------------------------------------
    def _show(self, item: "ReviewItem | None") -> None:
        ui = self.ui
        self.guesses = []
        ui.guessList.clear()
        ui.detailPane.setEnabled(item is not None)
        if item is None:
            ui.questionLabel.setText("")
            ui.metaLabel.setText("")
            self._update_buttons()
            return
        library = self._library()
        # a pasted question may run to 2,000 characters: the pane shows its start, the tooltip all
        ui.questionLabel.setText(item.question if len(item.question) <= QUESTION_SHOWN else item.question[:QUESTION_SHOWN] + "…")
        ui.questionLabel.setToolTip(item.question)
        if item.kind == "learned":
            ui.metaLabel.setText(f"学习例句 · 复制 {item.count} 次 · {self._agents_text(item)} 选了「{self._script_text(item, library)}」")
        else:
            ui.metaLabel.setText(f"未匹配 · 问过 {item.count} 次 · {item.agent_count} 位客服遇到")
        self._fill_scripts(library)
        self._fill_categories(library)
        ui.titleEdit.clear()
        ui.replyEdit.clear()
        ui.scriptCombo.setCurrentIndex(-1)
        if item.kind == "learned" and library is not None and library.get(item.script_id) is not None:
            row = QListWidgetItem(f"客服选的：{library.get(item.script_id).title}（{item.script_id}）")  # type: ignore[union-attr]
            row.setData(ROLE, item.script_id)
            ui.guessList.addItem(row)
            ui.guessList.setCurrentRow(0)
            self._set_category(library.get(item.script_id).category)  # type: ignore[union-attr]
        self._find_guesses(item)
        self._update_buttons()

    def _fill_scripts(self, library: "Library | None") -> None:
        combo = self.ui.scriptCombo
        if library is self._combo_library:
            return
        self._combo_library = library
        combo.blockSignals(True)
        combo.clear()
        if library is not None:
            for script in sorted(library.scripts, key=lambda s: (s.category, s.title, s.id)):
                combo.addItem(f"{script.title} · {script.id}", script.id)
        combo.setCurrentIndex(-1)
        combo.blockSignals(False)

    def _fill_categories(self, library: "Library | None") -> None:
        combo = self.ui.categoryCombo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        if library is not None:
            for cid, label in library.categories.items():
                combo.addItem(f"{label}（{cid}）", cid)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def _set_category(self, category: str) -> None:
        index = self.ui.categoryCombo.findData(category)
        if index >= 0:
            self.ui.categoryCombo.setCurrentIndex(index)

    def _find_guesses(self, item: "ReviewItem") -> None:
        service = self.service()
        if service is None or not service.ready:
            self.ui.guessLabel.setText("匹配推荐：话术库未加载")
            return
        self.ui.guessLabel.setText("匹配推荐：正在匹配…")
        question = item.question

        def op() -> list:
            from ..review_queue import guesses

            return guesses(service, question)

        self._matcher.run(op, lambda found: self._guesses_found(item, found), self._guesses_failed)

    def _guesses_found(self, item: "ReviewItem", found: list) -> None:
        if self.selected is None or self.selected.key != item.key:
            return
        ui = self.ui
        self.guesses = list(found)
        ui.guessLabel.setText("匹配推荐（最像的三条）" if found else "匹配推荐：没有相近的话术")
        for rank, guess in enumerate(found, 1):
            mark = "" if guess.confident else "，不确定"
            row = QListWidgetItem(f"{rank}. {guess.title}（{guess.script_id}，{guess.score:.0%}{mark}）")
            row.setToolTip(row.text())
            row.setData(ROLE, guess.script_id)
            ui.guessList.addItem(row)
        if found and item.kind != "learned":
            self._set_category(found[0].category)  # a new script most likely belongs there too

    def _guesses_failed(self, message: str) -> None:
        self.ui.guessLabel.setText(f"匹配推荐：匹配失败（{message}）")

    def _guess_rows(self) -> list[int]:
        """The guess list's rows of the matcher's guesses, best first (a learned item's own
        script comes before them)."""
        ui = self.ui
        offset = ui.guessList.count() - len(self.guesses)
        return list(range(offset, ui.guessList.count()))

    def _guess_chosen(self, row: int) -> None:
        item = self.ui.guessList.item(row) if row >= 0 else None
        if item is not None:
            self.choose_script(str(item.data(ROLE)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        ui, item = self.ui, self.selected
        free = item is not None and not self.busy
        ui.addExampleButton.setEnabled(free and self.target is not None)
        ui.openScriptButton.setEnabled(self.target is not None)
        ui.createButton.setEnabled(free and bool(ui.titleEdit.text().strip()) and bool(ui.replyEdit.toPlainText().strip())
                                   and ui.categoryCombo.currentData() is not None)
        ui.dismissButton.setEnabled(free)

    # -- the three actions --------------------------------------------------------------------------
    def add_example(self) -> None:
        item, script_id, path = self.selected, self.target, self.library_path()
        if item is None or script_id is None:
            return
        if path is None:
            self._banner("没有可写入的话术库（话术库未加载）")
            return
        engine, agent = self.engine, self.agent()

        def op() -> Any:
            from ..review_queue import add_as_example

            return add_as_example(engine, path, item, script_id, agent)

        self._act(item, op)

    def create_script(self) -> None:
        item, path, library = self.selected, self.library_path(), self._library()
        if item is None:
            return
        if path is None or library is None:
            self._banner("没有可写入的话术库（话术库未加载）")
            return
        ui = self.ui
        category = str(ui.categoryCombo.currentData() or "")
        title = ui.titleEdit.text().strip()
        reply = ui.replyEdit.toPlainText().strip()
        engine, agent, taken = self.engine, self.agent(), set(self._created)

        def op() -> Any:
            from ..review_queue import create_script, new_script_id

            # the service may not have reloaded the scripts this panel created a moment ago
            fields = {"id": new_script_id(library, category, title, taken), "category": category, "title": title, "replies": [reply]}
            return create_script(engine, path, item, fields, agent)

        self._act(item, op)

    def dismiss(self) -> None:
        item = self.selected
        if item is None:
            return
        engine = self.engine

        def op() -> Any:
            from ..review_queue import dismiss

            return dismiss(engine, item)

        self._act(item, op)

    def _act(self, item: "ReviewItem", op: Callable[[], Any]) -> None:
        if self.busy:  # one write at a time: the buttons are off meanwhile, a caller may not know
            return
        self.busy = True
        self.ui.noticeLabel.setText("正在处理…")
        self.ui.noticeLabel.show()
        self._update_buttons()
        self._writer.run(op, lambda outcome: self._done(item, outcome), self._failed)

    def _done(self, item: "ReviewItem", outcome: "Outcome") -> None:
        self.busy = False
        self.ui.reviewBanner.hide()
        self.ui.noticeLabel.setText(outcome.message)
        rows = self._rows()
        at = next((n for n, r in enumerate(rows) if self.items[r.data(0, ROLE)].key == item.key), 0)
        # gone: the item, and an unmatched question an accept answered
        answered = outcome.path is not None
        self.items = [i for i in self.items if i.key != item.key and not (answered and i.kind == "unmatched" and i.norm_key == item.norm_key)]
        self._fill_tree()
        rows = self._rows()
        if rows:
            self.ui.queueTree.setCurrentItem(rows[min(at, len(rows) - 1)])
        else:
            self._show(None)
        self._update_buttons()
        if outcome.path is not None:
            if outcome.script_id:
                self._created.add(outcome.script_id)
            self.libraryWritten.emit(outcome.path)
        self.actionDone.emit(outcome.message)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.ui.noticeLabel.hide()
        self._banner(message)
        self._update_buttons()

    def _banner(self, text: str) -> None:
        self.ui.reviewBannerLabel.setText(text)
        self.ui.reviewBanner.show()
        self.actionFailed.emit(text)

