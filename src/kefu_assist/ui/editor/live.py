"""Live lint as the team lead types (debounced, on a worker: the library is copied, the edit
written into the copy and linted there, see ops.lint_edit) and the 试一试 box (a matcher over
the edited, unsaved library, built on a worker and kept while the edit stays the same)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QListWidgetItem

from ..workers import Background
from . import ops

if TYPE_CHECKING:
    from ...library.model import Library
    from ...matching.matcher import Matcher
    from ...matching.types import Suggestion
    from ..compiled.editor_window_ui import Ui_EditorView

LINT_DEBOUNCE_MS = 400
TRY_DEBOUNCE_MS = 600
Edit = tuple[str | None, dict[str, Any]]  # (the id the script was saved under, None if new; fields)


class LiveLint(QObject):
    """Owns lintList and lintTitle. ``done`` after each lint shown (tests wait on it)."""

    done = Signal(object)  # ops.LintOutcome

    def __init__(self, ui: "Ui_EditorView", edit: Callable[[], Edit | None], parent: QObject | None = None):
        super().__init__(parent)
        self.ui = ui
        self.edit = edit
        self.path: Path | None = None
        self.checker: Any = None
        self.library: Any = None  # the loaded Library: an edit is linted through ops.edited_text
        self.outcome: ops.LintOutcome | None = None
        self._timer = QTimer(self, singleShot=True, interval=LINT_DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        self._work = Background(self)

    def schedule(self) -> None:
        self.ui.lintTitle.setText("检查结果（检查中…）")
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def run(self) -> None:
        edit = self.edit()
        path, checker, library = self.path, self.checker, self.library
        if edit is None or path is None or checker is None:
            self.ui.lintList.clear()
            self.ui.lintTitle.setText("检查结果")
            return
        original_id, fields = edit
        self._work.run(lambda: ops.lint_edit(path, original_id, fields, checker, library), self._show,
                       lambda message: self._show(ops.LintOutcome([ops.LintLine(f"检查失败：{message}", "error")])))

    def _show(self, outcome: ops.LintOutcome) -> None:
        self.outcome = outcome
        ui = self.ui
        ui.lintList.clear()
        for line in outcome.lines:
            item = QListWidgetItem(("错误  " if line.severity == "error" else "提醒  ") + line.text)
            item.setForeground(QColor("#cf1322" if line.severity == "error" else "#ad6800"))
            item.setToolTip(line.text)
            ui.lintList.addItem(item)
        if not outcome.lines:
            ui.lintList.addItem(QListWidgetItem("没有问题"))
        warnings = len(outcome.lines) - outcome.errors
        ui.lintTitle.setText(f"检查结果：{outcome.errors} 个错误，{warnings} 个提醒" if outcome.lines else "检查结果：没有问题")
        if outcome.file is not None:
            ui.fileLabel.setText(f"保存到：{outcome.file}")
        self.done.emit(outcome)


class Trial(QObject):
    """Owns tryEdit, tryButton, tryStatus and tryResults. ``shown`` with the suggestions."""

    shown = Signal(list)  # [Suggestion]

    def __init__(self, ui: "Ui_EditorView", edit: Callable[[], Edit | None], parent: QObject | None = None):
        super().__init__(parent)
        self.ui = ui
        self.edit = edit
        self.library: Library | None = None
        self._matcher: tuple[str, Matcher] | None = None  # (edit key, matcher)
        self._timer = QTimer(self, singleShot=True, interval=TRY_DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        self._work = Background(self)
        ui.tryButton.clicked.connect(self.run)
        ui.tryEdit.returnPressed.connect(self.run)
        ui.tryEdit.textEdited.connect(lambda _t: self._timer.start())
        ui.tryStatus.setText("改了话术后在这里试：不用保存，推荐结果就按改过的话术库算。")

    def set_library(self, library: "Library") -> None:
        self.library = library
        self._matcher = None

    def edited(self) -> None:
        """The form changed: a question in the box is tried again with the new edit."""
        if self.ui.tryEdit.text().strip():
            self._timer.start()

    def run(self) -> None:
        self._timer.stop()
        question = self.ui.tryEdit.text().strip()
        library, edit = self.library, self.edit()
        if not question or library is None:
            return
        original_id, fields = edit if edit is not None else (None, None)
        key = ops.edit_key(original_id, fields or {})
        cached = self._matcher if self._matcher is not None and self._matcher[0] == key else None
        self.ui.tryStatus.setText("正在按改过的话术库匹配…" if cached else "正在用改过的话术库建索引（几秒钟）…")

        def op() -> tuple[str, "Matcher", list["Suggestion"]]:
            if cached is not None:
                matcher = cached[1]
            elif fields is None:
                from ...matching.matcher import build_matcher

                matcher = build_matcher(library, background_training=True)
                matcher.wait_trained(ops.TRAIN_WAIT_S)
            else:
                matcher = ops.trial_matcher(library, original_id, fields)
            return key, matcher, ops.ask(matcher, question)

        self._work.run(op, lambda out: self._show(question, *out), lambda message: self.ui.tryStatus.setText(f"试一试失败：{message}"))

    def _show(self, question: str, key: str, matcher: "Matcher", suggestions: list["Suggestion"]) -> None:
        self._matcher = (key, matcher)
        edit = self.edit()
        mine = edit[1].get("id") if edit is not None else None
        ui = self.ui
        ui.tryResults.clear()
        for rank, s in enumerate(suggestions, 1):
            sure = "可信" if s.confident else "不确定"
            here = "  ← 正在编辑的话术" if s.script_id == mine else ""
            item = QListWidgetItem(f"{rank}. {s.title}（{s.script_id}）  {s.score:.2f} {sure}{here}")
            item.setToolTip(f"最像的问法：{s.example}" if s.example else s.script_id)
            if s.script_id == mine:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            ui.tryResults.addItem(item)
        if not suggestions:
            ui.tryStatus.setText(f"“{question}”：没有推荐任何话术")
        elif not suggestions[0].confident:
            ui.tryStatus.setText(f"“{question}”：没有可信的推荐（侧边栏会显示为灰色建议）")
        else:
            ui.tryStatus.setText(f"“{question}”：侧边栏会这样推荐（按还没保存的话术库）")
        self.shown.emit(suggestions)
