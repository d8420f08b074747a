"""Small view widgets built in code because the sidebar creates them repeatedly: a suggestion card
and the inline placeholder form. They hold no logic beyond showing data and raising signals."""
from __future__ import annotations

import html
from typing import TYPE_CHECKING, Container, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget,
)

from . import theme as themes

if TYPE_CHECKING:
    from ..library import Rendered, Script
    from ..service import AssistService

# the score label of a soothing card put first for an upset buyer when nothing matched confidently
MOOD_FIRST_TEXT = "先安抚"
MOOD_FIRST_TIP = "买家情绪激动：这条安抚话术排在最前是因为情绪，不是因为与消息相似"

PLACEHOLDER_LABELS = {
    "tracking_no": "快递单号",
    "order_no": "订单号",
    "address": "收货地址",
    "courier": "快递公司",
    "buyer": "买家称呼",
    "receiver": "收件人",
    "phone": "联系电话",
    "item": "商品名称",
    "product": "商品名称",
    "size": "尺码",
    "color": "颜色",
    "amount": "金额",
    "price": "价格",
    "date": "日期",
    "time": "时间",
    "ship_date": "发货日期",
    "coupon": "优惠券",
    "event": "活动内容",
    "gift": "赠品",
    "shop": "店铺名称",
    "agent": "客服昵称",
}


def placeholder_label(name: str) -> str:
    return PLACEHOLDER_LABELS.get(name, name)


def highlight_html(text: str, terms: Sequence[str], colour: str) -> str:
    """``text`` as rich text with every occurrence of a term in bold colour (longest term wins)."""
    terms = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    marks = [False] * len(text)
    for term in terms:
        start = text.find(term)
        while start != -1:
            end = start + len(term)
            if not any(marks[start:end]):
                for i in range(start, end):
                    marks[i] = True
            start = text.find(term, end)
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and marks[j] == marks[i]:
            j += 1
        chunk = html.escape(text[i:j]).replace("\n", "<br>")
        out.append(f'<b style="color:{colour}">{chunk}</b>' if marks[i] else chunk)
        i = j
    return "".join(out)


class SuggestionCard(QFrame):
    """One script: category chip, title, score hint, the reply as it will be sent, variant switch,
    copy button. Used for suggestions (with rank) and for the browse preview (without)."""

    copyRequested = Signal(object)  # self
    selectRequested = Signal(object)
    favouriteRequested = Signal(object)  # self: the star was clicked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setProperty("selected", False)
        self.setProperty("weak", False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.script: "Script | None" = None
        self.replies: "tuple[Rendered, ...]" = ()
        self.variant = 0
        self.rank: int | None = None
        self.score: float | None = None
        self._terms: tuple[str, ...] = ()
        self._highlight = "#d4380d"

        outer = QVBoxLayout(self)
        outer.setContentsMargins(9, 7, 9, 7)
        outer.setSpacing(4)
        head = QHBoxLayout()
        head.setSpacing(6)
        self.chip = QLabel(objectName="categoryChip")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.title = QLabel(objectName="cardTitle")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.scoreLabel = QLabel(objectName="scoreLabel")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        head.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.title, 1)
        head.addWidget(self.scoreLabel, 0, Qt.AlignmentFlag.AlignTop)
        self.starButton = QToolButton(objectName="starButton")  # type: ignore[call-arg]  # stubs omit inherited objectName=
        self.starButton.setCheckable(True)
        self.starButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.starButton.setCursor(Qt.CursorShape.PointingHandCursor)
        self.starButton.setAutoRaise(True)
        self.starButton.clicked.connect(lambda _on: self.favouriteRequested.emit(self))
        self.starButton.hide()  # shown once the usage database is there
        head.addWidget(self.starButton, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(head)
        self.set_favourite(False)
        self.clauseLabel = QLabel(objectName="clauseLabel")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.clauseLabel.setWordWrap(True)
        outer.addWidget(self.clauseLabel)
        self.reply = QLabel(objectName="replyLabel")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.reply.setWordWrap(True)
        self.reply.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.reply)
        foot = QHBoxLayout()
        foot.setSpacing(4)
        self.prevButton = QPushButton("‹", objectName="variantPrev")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.prevButton.setToolTip("上一个回复版本 (Alt+←)")
        self.variantLabel = QLabel(objectName="variantLabel")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.nextButton = QPushButton("›", objectName="variantNext")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.nextButton.setToolTip("下一个回复版本 (Alt+→)")
        for b in (self.prevButton, self.nextButton):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setCursor(Qt.CursorShape.PointingHandCursor)
        self.prevButton.clicked.connect(lambda: self.step_variant(-1))
        self.nextButton.clicked.connect(lambda: self.step_variant(1))
        self.rankLabel = QLabel(objectName="rankLabel")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.copyButton = QPushButton("复制", objectName="copyButton")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.copyButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.copyButton.setCursor(Qt.CursorShape.PointingHandCursor)
        self.copyButton.clicked.connect(lambda: self.copyRequested.emit(self))
        foot.addWidget(self.prevButton)
        foot.addWidget(self.variantLabel)
        foot.addWidget(self.nextButton)
        foot.addStretch(1)
        foot.addWidget(self.rankLabel)
        foot.addWidget(self.copyButton)
        outer.addLayout(foot)

    # -- content ----------------------------------------------------------------------------
    def set_content(
        self,
        script: "Script",
        replies: "tuple[Rendered, ...]",
        *,
        category_label: str,
        colour: str,
        highlight: str,
        terms: Sequence[str] = (),
        score: float | None = None,
        clause: str = "",
        rank: int | None = None,
        weak: bool = False,
        for_mood: bool = False,
    ) -> None:
        same = self.script is not None and self.script.id == script.id and len(self.replies) == len(replies)
        self.script = script
        self.replies = replies
        if not same:
            self.variant = 0
        self.rank = rank
        self.score = score
        self._terms = tuple(terms)
        self._highlight = highlight
        self.chip.setText(category_label)
        self.chip.setStyleSheet(f"background:{colour};")
        self.title.setText(highlight_html(script.title, self._terms, highlight))
        if for_mood:  # first because the buyer is upset, not for a match: a low % would read as a doubt
            self.scoreLabel.setText(MOOD_FIRST_TEXT)
            self.scoreLabel.setToolTip(MOOD_FIRST_TIP)
        else:
            self.scoreLabel.setText(f"匹配 {round(score * 100)}%" if score is not None else "")
            self.scoreLabel.setToolTip("与买家消息的相似度" if score is not None else "")
        self.scoreLabel.setVisible(score is not None or for_mood)
        self.clauseLabel.setText(f"↳ 针对：{clause}" if clause else "")
        self.clauseLabel.setVisible(bool(clause))
        if rank is not None:
            self.rankLabel.setText(f"Ctrl+{rank}")
            self.copyButton.setToolTip(f"复制到剪贴板 (Ctrl+{rank}，选中后 Enter，或双击)")
        else:
            self.rankLabel.setText("")
            self.copyButton.setToolTip("复制到剪贴板 (Enter，或双击)")
        self.rankLabel.setVisible(rank is not None)
        if weak != self.property("weak"):
            self.setProperty("weak", weak)
            self._repolish(children=True)
        self._show_variant()

    def set_favourite(self, on: bool) -> None:
        self.starButton.setChecked(on)
        self.starButton.setText("★" if on else "☆")
        self.starButton.setToolTip("取消收藏 (Ctrl+D)" if on else "收藏到「常用」 (Ctrl+D)")

    @property
    def favourite(self) -> bool:
        return self.starButton.isChecked()

    def preview(self, service: "AssistService | None", script_id: str | None, *, favourites: "Container[str]", highlight: str) -> None:
        """Show a script as 浏览全部 and 常用 preview it (every reply variant rendered), or hide
        the card when there is no such script or no library yet."""
        script = service.library.get(script_id) if (script_id and service is not None and service.ready) else None
        if script is None or service is None:
            self.hide()
            return
        replies = tuple(service.render(script.id, i) for i in range(len(script.replies)))
        self.set_content(
            script,
            replies,
            category_label=service.library.category_label(script.category),
            colour=themes.category_colour(script.category),
            highlight=highlight,
        )
        self.set_favourite(script.id in favourites)
        self.show()

    @property
    def shown_script(self) -> "Script | None":
        """The script the card shows, None while it is hidden."""
        return self.script if not self.isHidden() else None

    def _show_variant(self) -> None:
        n = len(self.replies)
        rendered = self.replies[self.variant] if n else None
        # single characters (能, 吗 …) would light up half of a reply: highlight words only
        terms = [t for t in self._terms if len(t) >= 2]
        text = highlight_html(rendered.text, terms, self._highlight) if rendered else ""
        for name in rendered.missing if rendered else ():
            token = html.escape("{" + name + "}")
            text = text.replace(token, f'<span style="color:{self._highlight}; text-decoration: underline">[{placeholder_label(name)}]</span>')
        self.reply.setText(text)
        several = n > 1
        for w in (self.prevButton, self.variantLabel, self.nextButton):
            w.setVisible(several)
        self.variantLabel.setText(f"{self.variant + 1}/{n}")

    def step_variant(self, step: int) -> None:
        if len(self.replies) > 1:
            self.variant = (self.variant + step) % len(self.replies)
            self._show_variant()

    @property
    def reply_text(self) -> str:
        return self.replies[self.variant].text if self.replies else ""

    def set_selected(self, on: bool) -> None:
        if bool(self.property("selected")) != on:
            self.setProperty("selected", on)
            self._repolish()

    def _repolish(self, *, children: bool = False) -> None:
        # the labels' colours come from rules on the card's properties (QFrame#card[weak="true"]
        # QLabel …): a stylesheet re-applies them only to the widgets polished again
        style = self.style()
        for widget in (self, *(self.findChildren(QWidget) if children else ())):
            style.unpolish(widget)
            style.polish(widget)

    # -- mouse ------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.selectRequested.emit(self)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.copyRequested.emit(self)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)


class _FieldEdit(QLineEdit):
    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class PlaceholderForm(QFrame):
    """Asks for the placeholders a reply still misses (快递单号 …): Enter copies, Esc cancels."""

    accepted = Signal(dict)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("placeholderForm")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(9, 7, 9, 7)
        self._layout.setSpacing(4)
        self.heading = QLabel(objectName="formHeading")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.heading.setWordWrap(True)
        self._layout.addWidget(self.heading)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._layout.addLayout(self._form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancelButton = QPushButton("取消")
        self.cancelButton.setToolTip("取消 (Esc)")
        self.okButton = QPushButton("填好并复制", objectName="copyButton")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.okButton.setToolTip("填好并复制 (Enter)")
        buttons.addWidget(self.cancelButton)
        buttons.addWidget(self.okButton)
        self._layout.addLayout(buttons)
        self.cancelButton.clicked.connect(self.cancel)
        self.okButton.clicked.connect(self.confirm)
        self.fields: dict[str, QLineEdit] = {}
        self.hide()

    def ask(self, title: str, names: Sequence[str]) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self.fields = {}
        self.heading.setText(f"「{title}」还需要填写：")
        for name in names:
            edit = _FieldEdit()
            edit.setObjectName(f"field_{name}")
            edit.setPlaceholderText(placeholder_label(name))
            edit.returnPressed.connect(self._enter)
            edit.escape.connect(self.cancel)
            self._form.addRow(placeholder_label(name), edit)
            self.fields[name] = edit
        self.show()
        if self.fields:
            next(iter(self.fields.values())).setFocus()

    def _enter(self) -> None:
        for edit in self.fields.values():
            if not edit.text().strip():
                edit.setFocus()
                return
        self.confirm()

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.fields.items()}

    def confirm(self) -> None:
        values = self.values()
        empty = [n for n, v in values.items() if not v]
        if empty:
            self.fields[empty[0]].setFocus()
            return
        self.hide()
        self.accepted.emit(values)

    def cancel(self) -> None:
        self.hide()
        self.cancelled.emit()
