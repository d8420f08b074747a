"""The form of one script: fields to widgets and back, the reply variants (one tab each) with the
reply checker's findings highlighted in place and explained below, and whether anything changed.

The form never writes: ``fields()`` is what the window saves, lints and tries."""
from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

if TYPE_CHECKING:
    from ...checker import Checker, Finding
    from ...library.model import Library
    from ..compiled.editor_window_ui import Ui_EditorView

TONES = (("", "普通"), ("soothe", "安抚（买家情绪激动时优先）"), ("defend", "解释（买家激动时排在后面）"))
CHECK_DEBOUNCE_MS = 250
_KEYWORD_SPLIT = re.compile(r"[,，、;；\s]+")
BLOCK_COLOUR = "#ffccc7"
WARN_COLOUR = "#ffe7ba"


class FindingHighlighter(QSyntaxHighlighter):
    """Marks what broke a reply rule in a reply's text: red for 违规 (block), amber for 提醒."""

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.findings = findings
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        start = block.position()
        end = start + len(text)
        for f in self.findings:
            a, b = max(f.start, start), min(f.end, end)
            if a >= b:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(BLOCK_COLOUR if f.blocking else WARN_COLOUR))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor("#cf1322" if f.blocking else "#d48806"))
            fmt.setToolTip(f.message)
            self.setFormat(a - start, b - a, fmt)


class ScriptForm(QObject):
    """Owns the form's widgets (``ui`` is the editor's compiled form)."""

    edited = Signal()  # any field changed by the team lead

    def __init__(self, ui: "Ui_EditorView", parent: QObject | None = None):
        super().__init__(parent)
        self.ui = ui
        self.checker: Checker | None = None
        self.original_id: str | None = None  # None: a new script not saved yet
        self._reviewed: dict[str, str] = {}
        self._baseline: dict[str, Any] | None = None
        self._filling = False
        self._painting = False
        self.editors: list[QPlainTextEdit] = []
        self.highlighters: list[FindingHighlighter] = []
        self.findings: list[list[Finding]] = []
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DEBOUNCE_MS)
        self._check_timer.timeout.connect(self.check_replies)
        for value, label in TONES:
            ui.toneCombo.addItem(label, value)
        for line_edit in (ui.idEdit, ui.titleEdit, ui.codeEdit, ui.keywordsEdit):
            line_edit.textEdited.connect(self._changed)
        ui.examplesEdit.textChanged.connect(self._changed)
        ui.categoryCombo.currentIndexChanged.connect(self._changed)
        ui.toneCombo.currentIndexChanged.connect(self._changed)
        ui.addReplyButton.clicked.connect(lambda: self.add_reply("", focus=True))
        ui.removeReplyButton.clicked.connect(self.remove_current_reply)

    # -- filling -------------------------------------------------------------------------------
    def set_categories(self, library: "Library") -> None:
        combo = self.ui.categoryCombo
        current = combo.currentData()
        self._filling = True
        combo.clear()
        for cid, label in library.categories.items():
            combo.addItem(f"{label}（{cid}）" if label != cid else cid, cid)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self._filling = False

    def fill(self, fields: dict[str, Any], original_id: str | None) -> None:
        """Show ``fields`` (``writer.script_fields`` shape); ``original_id`` None for a new one."""
        ui = self.ui
        self._filling = True
        try:
            self.original_id = original_id
            self._reviewed = dict(fields.get("reviewed") or {})
            ui.idEdit.setText(str(fields.get("id", "")))
            ui.titleEdit.setText(str(fields.get("title", "")))
            ui.codeEdit.setText(str(fields.get("code") or ""))
            combo = ui.categoryCombo
            index = combo.findData(fields.get("category"))
            if index < 0 and fields.get("category"):
                combo.addItem(str(fields["category"]), fields["category"])
                index = combo.count() - 1
            combo.setCurrentIndex(max(0, index))
            ui.toneCombo.setCurrentIndex(max(0, ui.toneCombo.findData(fields.get("tone") or "")))
            ui.examplesEdit.setPlainText("\n".join(fields.get("examples") or ()))
            ui.keywordsEdit.setText("，".join(fields.get("keywords") or ()))
            while ui.replyTabs.count():
                self._drop_reply(0)
            for reply in fields.get("replies") or [""]:
                self.add_reply(str(reply))
            ui.replyTabs.setCurrentIndex(0)
        finally:
            self._filling = False
        self._baseline = self.fields()
        self.check_replies()

    def clear(self) -> None:
        self.fill({}, None)
        self._baseline = None

    # -- reading -------------------------------------------------------------------------------
    def fields(self) -> dict[str, Any]:
        ui = self.ui
        out: dict[str, Any] = {
            "id": ui.idEdit.text().strip(),
            "category": ui.categoryCombo.currentData() or "",
            "title": ui.titleEdit.text().strip(),
            "code": ui.codeEdit.text().strip(),
            "tone": ui.toneCombo.currentData() or "",
            "examples": [line.strip() for line in ui.examplesEdit.toPlainText().splitlines() if line.strip()],
            "keywords": [k for k in _KEYWORD_SPLIT.split(ui.keywordsEdit.text()) if k],
            "replies": [text for text in (e.toPlainText().strip("\n") for e in self.editors) if text.strip()],
        }
        if self._reviewed:
            out["reviewed"] = dict(self._reviewed)
        return out

    @property
    def dirty(self) -> bool:
        """Anything changed since the script was shown (a new script is changed from the start)."""
        if self._baseline is None:
            return False
        return self.original_id is None or self.fields() != self._baseline

    @property
    def showing(self) -> bool:
        return self._baseline is not None

    def mark_saved(self, original_id: str) -> None:
        self.original_id = original_id
        self._baseline = self.fields()

    def _changed(self, *_args: object) -> None:
        if self._filling:
            return
        self.edited.emit()

    # -- replies and the reply checker -------------------------------------------------------------
    def add_reply(self, text: str, *, focus: bool = False) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(f"replyEdit{len(self.editors) + 1}")
        edit.setPlaceholderText("回复内容；{shop} {agent} 等占位符复制时自动填入")
        edit.setPlainText(text)
        highlighter = FindingHighlighter(edit.document())
        self.editors.append(edit)
        self.highlighters.append(highlighter)
        self.findings.append([])
        edit.textChanged.connect(self._reply_changed)
        self.ui.replyTabs.addTab(edit, "")
        self._renumber()
        if focus:
            self.ui.replyTabs.setCurrentWidget(edit)
            edit.setFocus()
            self._changed()
        return edit

    def _drop_reply(self, index: int) -> None:
        edit = self.editors.pop(index)
        self.highlighters.pop(index)
        self.findings.pop(index)
        self.ui.replyTabs.removeTab(index)
        edit.deleteLater()

    def remove_current_reply(self) -> None:
        if len(self.editors) <= 1:
            return
        self._drop_reply(self.ui.replyTabs.currentIndex())
        self._renumber()
        self._changed()
        self.check_replies()

    def _renumber(self) -> None:
        for i in range(len(self.editors)):
            marks = self.findings[i] if i < len(self.findings) else []
            mark = "（违规）" if any(f.blocking for f in marks) else ("（提醒）" if marks else "")
            self.ui.replyTabs.setTabText(i, f"说法 {i + 1}{mark}")
        self.ui.removeReplyButton.setEnabled(len(self.editors) > 1)

    def _reply_changed(self) -> None:
        if self._filling or self._painting:  # repainting the findings changes formats, not text
            return
        self._check_timer.start()
        self._changed()

    def check_replies(self) -> None:
        """The reply rules on every variant (microseconds a reply: on the GUI thread)."""
        checker = self.checker
        rows: list[str] = []
        reviewed = self._reviewed
        for i, edit in enumerate(self.editors):
            found = [f for f in checker.check(edit.toPlainText())] if checker is not None else []
            kept = [f for f in found if f.rule not in reviewed]
            self.findings[i] = kept
            self._painting = True
            try:
                self.highlighters[i].set_findings(kept)
            finally:
                self._painting = False
            for f in kept:
                colour = "#cf1322" if f.blocking else "#d48806"
                kind = "违规" if f.blocking else "提醒"
                hint = f"；建议：{html.escape(f.suggestion)}" if f.suggestion else ""
                rows.append(
                    f"<span style='color:{colour}'>说法 {i + 1} {kind}「{html.escape(f.text)}」</span>："
                    f"{html.escape(f.message)}{hint}"
                )
        self._renumber()
        self.ui.findingsLabel.setText("<br>".join(rows))
        self.ui.findingsLabel.setVisible(bool(rows))


def set_enabled(ui: "Ui_EditorView", on: bool) -> None:
    """The form's fields and buttons (off while no script is shown)."""
    for widget in (ui.idEdit, ui.titleEdit, ui.categoryCombo, ui.codeEdit, ui.toneCombo, ui.examplesEdit,
                   ui.keywordsEdit, ui.replyTabs, ui.addReplyButton, ui.removeReplyButton, ui.tryBox):
        widget.setEnabled(on)
    ui.formPanel.setProperty("empty", not on)
