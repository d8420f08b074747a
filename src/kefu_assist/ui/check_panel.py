"""The 检查 tab.

检查: the agent types or pastes a reply they edited; after a short pause (debounced like the
suggestions, never on the keystroke itself) the reply is checked against the reply rules
(``AssistService.check_reply``). Each broken rule is underlined in the text (red for 扣分/block,
amber for 提醒/warn) and explained beside it, with the rewording one click away.

Clipboard watch: a copied text that is the agent's own reply (``looks_like_reply``) is checked
here, in place, instead of becoming the buyer message.

The buyer-mood chip over the suggestions and the conversation's history (``MoodChip``,
``BuyerHistory``) are in mood_chip.py: the suggestions panel shows them without importing this one.

The panel owns its widgets and talks by signals (``toastRequested``)."""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Iterable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QTextEdit, QVBoxLayout, QWidget,
)

from .mood_chip import BLOCK_COLOUR as BLOCK_COLOUR
from .mood_chip import BuyerHistory as BuyerHistory  # re-exported: it was defined here before
from .mood_chip import MoodChip as MoodChip

if TYPE_CHECKING:
    from ..checker import Finding
    from .compiled.main_window_ui import Ui_SidebarView
    from .library_ctl import LibraryController

DEBOUNCE_MS = 150
TAB_TITLE = "检查"
WARN_COLOUR = "#e8a200"  # amber: worth a second look
SEVERITY_LABEL = {"block": "扣分", "warn": "提醒"}
EMPTY_TEXT = "粘贴或输入要发出的回复，这里会检查是否违规"
OK_TEXT = "没有发现问题，可以发送"
REPLY_SIMILARITY = 85.0  # rapidfuzz ratio to a library reply at or above which a text is one of ours

_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[。！？!?；;\n～~]+")
_ENDS_AS_QUESTION = re.compile(r"(\?|？|吗|么|嘛|呢[?？]?|不|没|没有|啊[?？])[\s~～。.!！]*$")
_ANSWER_MARKS = ("您", "哦", "～", "~", "呢", "哈", "啦")
_INNER_SENTENCE = re.compile(r"[。～~！!][^。～~！!?？]")


def _fold(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def looks_like_reply(text: str, replies: Iterable[str] = ()) -> bool:
    """Is a copied text the agent's own reply (to check) rather than a buyer's question?

    The rule, in order:
      1. It equals or closely matches (rapidfuzz ratio ≥ 85 after NFKC and without spaces) one of
         the library's replies, rendered with this shop's values: a reply, whatever it says.
      2. It starts with 亲 (or 您好) — how shop agents open an answer —, is at least 10
         characters long, uses an answering word (您, 哦, ～, 呢, 哈, 啦) and either does not end
         as a question (？, 吗, 么, 嘛, 呢？, 不, 没有) or ends with one only after a whole
         sentence (…您放心～您看可以吗？): a reply the agent typed themselves.
    Anything else is a buyer message (亲在吗, 亲，这个包邮吗？ …)."""
    folded = _fold(text)
    if not folded:
        return False
    candidates = [r for r in (_fold(r) for r in replies) if r]
    if folded in candidates:
        return True
    if candidates:
        from rapidfuzz import fuzz, process

        best = process.extractOne(folded, candidates, scorer=fuzz.ratio, score_cutoff=REPLY_SIMILARITY)
        if best is not None:
            return True
    if not (folded.startswith("亲") or folded.startswith("您好")) or len(folded) < 10:
        return False
    if not any(mark in folded[1:] for mark in _ANSWER_MARKS):
        return False
    if not _ENDS_AS_QUESTION.search(folded):
        return True
    # 您看可以吗？ after an answer: a whole sentence (。～！) before the closing question
    return bool(_INNER_SENTENCE.search(folded[:-1]))


class FindingRow(QFrame):
    """One finding: severity, the words, the explanation, the rewording button."""

    applyRequested = Signal(object)  # Finding

    def __init__(self, finding: "Finding", parent: QWidget | None = None):
        super().__init__(parent)
        self.finding = finding
        colour = BLOCK_COLOUR if finding.blocking else WARN_COLOUR
        self.setObjectName("findingRow")
        self.setStyleSheet(f"QFrame#findingRow {{ border-left: 4px solid {colour}; background: palette(base); }}")
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 6, 4)
        box.setSpacing(2)
        head = QLabel(objectName="findingHead")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        head.setTextFormat(Qt.TextFormat.RichText)
        import html

        head.setText(
            f'<span style="color:{colour}; font-weight:bold">{SEVERITY_LABEL.get(finding.severity, finding.severity)}</span>'
            f"　「{html.escape(finding.text)}」"
        )
        box.addWidget(head)
        self.message = QLabel(finding.message, objectName="findingMessage")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        self.applyButton: QPushButton | None = None
        label = ""
        if finding.replacement is not None:
            label = f"改为「{finding.replacement}」" if finding.replacement else f"删去「{finding.text}」"
        elif reads_as_reply(finding.suggestion):
            label = "改用建议的说法"
        if label:
            self.applyButton = QPushButton(label, objectName="applyButton")  # type: ignore[call-overload]  # stubs omit inherited objectName=
            self.applyButton.setToolTip("在回复里替换这处用词" if finding.replacement is not None else "把这句换成建议的说法")
            self.applyButton.clicked.connect(lambda: self.applyRequested.emit(self.finding))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.applyButton)
            box.addLayout(row)
        if finding.suggestion and finding.replacement is None:  # a replacement word says it on its button
            hint = QLabel(f"建议：{finding.suggestion}", objectName="findingSuggestion")  # type: ignore[call-overload]  # stubs omit inherited objectName=
            hint.setWordWrap(True)
            hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.addWidget(hint)


def reads_as_reply(suggestion: str | None) -> bool:
    """A rule's suggestion that is a reply to send (亲，…), not advice about wording."""
    return bool(suggestion) and _fold(suggestion or "").startswith("亲")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, its closing punctuation included."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    m = _SENTENCE_END.search(text, end)
    return left, (m.end() if m else len(text))


def apply_finding(text: str, finding: "Finding") -> str | None:
    """``text`` with the finding's rewording put in (its replacement word, or a suggested reply
    in place of the sentence); None when the text no longer holds the finding's words."""
    if text[finding.start : finding.end] != finding.text:
        return None
    if finding.replacement is not None:
        return text[: finding.start] + finding.replacement + text[finding.end :]
    if reads_as_reply(finding.suggestion):
        left, right = sentence_span(text, finding.start, finding.end)
        return text[:left] + (finding.suggestion or "") + text[right:]
    return None


def finding_summary(findings: Sequence["Finding"]) -> str:
    blocks = sum(f.blocking for f in findings)
    warns = len(findings) - blocks
    parts = ([f"{blocks} 处会扣分"] if blocks else []) + ([f"{warns} 处提醒"] if warns else [])
    return "，".join(parts)


class CheckPanel(QObject):
    toastRequested = Signal(str, bool)
    checked = Signal(object)  # the findings (list) of the text now in the box

    def __init__(self, ui: "Ui_SidebarView", library: "LibraryController", parent: QObject | None = None):
        super().__init__(parent)
        self.ui = ui
        self.library = library
        self.findings: list[Finding] = []
        self._replies: tuple[object, tuple[str, ...]] | None = None
        page = QWidget(objectName="checkTab")  # type: ignore[call-arg]  # stubs omit inherited objectName=
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        self.edit = QPlainTextEdit(objectName="checkEdit")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.edit.setPlaceholderText("在这里输入或粘贴要发出的回复")
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(110)
        layout.addWidget(self.edit)
        self.status = QLabel(EMPTY_TEXT, objectName="checkStatus")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.area = QScrollArea(objectName="checkArea")  # type: ignore[call-arg]  # stubs omit inherited objectName=
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        host = QWidget(objectName="checkHost")  # type: ignore[call-arg]  # stubs omit inherited objectName=
        self.rows_layout = QVBoxLayout(host)
        self.rows_layout.setContentsMargins(0, 0, 4, 0)
        self.rows_layout.setSpacing(6)
        self.rows_layout.addStretch(1)
        self.area.setWidget(host)
        layout.addWidget(self.area, 1)
        self.rows: list[FindingRow] = []
        self.page = page
        self.tab_index = ui.tabs.addTab(page, TAB_TITLE)
        ui.tabs.setTabToolTip(self.tab_index, "检查回复：输入或粘贴要发出的回复，标出会扣分（红）和需留意（黄）的用词")

        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.debounce.timeout.connect(self.check_now)
        self.edit.textChanged.connect(self.debounce.start)

    # -- checking -----------------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str, *, show: bool = True) -> list["Finding"]:
        """Put a reply in the box, check it at once and (``show``) bring the tab forward."""
        self.edit.setPlainText(text)
        findings = self.check_now()
        if show:
            self.ui.tabs.setCurrentIndex(self.tab_index)
        return findings

    def check_now(self) -> list["Finding"]:
        self.debounce.stop()
        text = self.text
        service = self.library.service
        if not text.strip():
            self._show([], EMPTY_TEXT)
            return []
        if service is None or not service.ready:
            self._show([], "话术库加载后才能检查")
            return []
        findings = list(service.check_reply(text))
        self._show(findings, OK_TEXT if not findings else f"发现 {finding_summary(findings)}：")
        return findings

    def _show(self, findings: list["Finding"], status: str) -> None:
        self.findings = findings
        self.status.setText(status)
        self._underline(findings)
        for row in self.rows:
            self.rows_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for f in findings:
            row = FindingRow(f)
            row.applyRequested.connect(self.apply)
            self.rows_layout.insertWidget(self.rows_layout.count() - 1, row)
            row.show()
            self.rows.append(row)
        self.checked.emit(findings)

    def _underline(self, findings: list["Finding"]) -> None:
        selections = []
        # warn first, block last: where they overlap, the red one is drawn on top
        for f in sorted(findings, key=lambda f: f.blocking):
            fmt = QTextCharFormat()
            colour = QColor(BLOCK_COLOUR if f.blocking else WARN_COLOUR)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(colour)
            back = QColor(colour)
            back.setAlpha(45)
            fmt.setBackground(back)
            fmt.setToolTip(f.message)
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.edit.document())
            cursor.setPosition(min(f.start, len(self.text)))
            cursor.setPosition(min(f.end, len(self.text)), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.edit.setExtraSelections(selections)

    def apply(self, finding: "Finding") -> None:
        """Put the finding's rewording in the reply (the one click)."""
        new = apply_finding(self.text, finding)
        if new is not None:
            cursor = QTextCursor(self.edit.document())  # one undo step: Ctrl+Z brings the words back
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(new)
        self.check_now()  # also when the text moved on since: check again rather than edit blindly

    # -- the clipboard watch --------------------------------------------------------------------
    def library_replies(self) -> tuple[str, ...]:
        """Every reply of the library rendered with this shop's values (cached per library)."""
        service = self.library.service
        if service is None or not service.ready:
            return ()
        library = service.library
        if self._replies is None or self._replies[0] is not library:
            out = []
            for script in library.scripts:
                for i in range(len(script.replies)):
                    out.append(service.render(script.id, i).text)
            self._replies = (library, tuple(out))
        return self._replies[1]

    def take_clipboard(self, text: str) -> bool:
        """The clipboard watch saw ``text``: when it is the agent's own reply, check it here and
        say so (True: it is not a buyer message); False leaves it to the suggestions."""
        service = self.library.service
        if service is None or not service.ready or not looks_like_reply(text, self.library_replies()):
            return False
        reply = text.strip()
        findings = self.set_text(reply, show=bool(service.check_reply(reply)))
        if findings:
            self.toastRequested.emit(f"回复里有 {finding_summary(findings)}，先别发", True)
        else:
            self.toastRequested.emit("复制的回复已检查，没有问题", False)
        return True
