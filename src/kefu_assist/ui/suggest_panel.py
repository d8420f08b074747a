"""The 推荐话术 tab: the buyer-message box, the suggestion cards, the debounce and settle timers,
selection, reply variants, highlighting of the matched words, and the unmatched report.

It asks for copies with ``copyRequested`` (the copy flow does the rest) and for a star with
``favouriteRequested``; it never touches another panel's widgets."""
from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QTabWidget

from . import theme as themes
from .copy_request import SUGGEST, CopyRequest
from .mood_chip import BuyerHistory, MoodChip
from .widgets import SuggestionCard

if TYPE_CHECKING:
    from ..service import SuggestionView
    from .clipboard import ClipboardWatcher
    from .compiled.main_window_ui import Ui_SidebarView
    from .favourites import Favourites
    from .library_ctl import LibraryController

LIMIT = 5
DEBOUNCE_MS = 120
SETTLE_MS = 1500  # a message unchanged this long is "the" question (for the unmatched report)
TAB = 0

LOADING_TEXT = "正在加载话术库…"
EMPTY_TEXT = "输入或粘贴买家消息，这里会实时推荐话术"
NO_MATCH_TEXT = "没有合适的话术"
CHIT_CHAT_TEXT = "买家在闲聊，不是商品问题；可以用下面的话术把话题拉回来："
CODE_TEXT = "快捷编码 /{code}：按 Enter 复制第一条"


def message_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Where the matched words stand in the message (longest first, each occurrence)."""
    spans = []
    for term in sorted((t for t in terms if t.strip()), key=len, reverse=True):
        start = text.find(term)
        while start != -1:
            spans.append((start, start + len(term)))
            start = text.find(term, start + len(term))
    return spans


class SuggestPanel(QObject):
    copyRequested = Signal(object)  # CopyRequest
    favouriteRequested = Signal(str)  # script id
    toastRequested = Signal(str, bool)
    cleared = Signal()  # the box was emptied on purpose (Esc)
    escaped = Signal()  # Esc in the box: the shell closes an open placeholder form, else clears

    def __init__(self, ui: "Ui_SidebarView", library: "LibraryController", favourites: "Favourites", clipboard: "ClipboardWatcher", parent: QObject | None = None):
        super().__init__(parent)
        self.ui = ui
        self.library = library
        self.favourites = favourites
        self.clipboard = clipboard
        self.tabs: QTabWidget = ui.tabs
        self.edit = ui.messageEdit
        self.highlight = themes.highlight_colour("light")
        self.views: list[SuggestionView] = []
        self._selected = -1
        self._arrived: float | None = None
        self._last_text = ""
        self._reported_unmatched: set[str] = set()
        self._captured = ""  # the last buyer message the clipboard watch put in the box
        self.history = BuyerHistory()  # this conversation's earlier messages: the mood's history
        # the shell sets it: True for a copied text that is not a buyer message (the agent's own
        # reply, checked by the 检查 panel instead)
        self.clipboard_filter: "Callable[[str], bool] | None" = None
        self.moodChip = MoodChip()
        ui.suggestLayout.insertWidget(0, self.moodChip, 0, Qt.AlignmentFlag.AlignLeft)  # above the state line and the cards

        self.cards: list[SuggestionCard] = []
        layout = ui.suggestionsLayout
        for _rank in range(1, LIMIT + 1):
            card = SuggestionCard()
            card.copyRequested.connect(self._card_copy)
            card.selectRequested.connect(lambda c: self.select(self.cards.index(c)))
            card.favouriteRequested.connect(lambda c: self.favouriteRequested.emit(c.script.id) if c.script is not None else None)
            card.hide()
            layout.addWidget(card)
            self.cards.append(card)
        layout.addStretch(1)
        ui.suggestionsArea.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.debounce.timeout.connect(self.update)
        self.settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.settle.timeout.connect(self._settled)
        self.edit.textChanged.connect(self.message_changed)
        self.edit.installEventFilter(self)
        self.clipboard.textCopied.connect(self.set_message_from_clipboard)
        self.show_state(LOADING_TEXT)

    # -- the buyer message ------------------------------------------------------------------
    @property
    def message(self) -> str:
        return self.edit.toPlainText()

    def context(self) -> tuple[str, float | None]:
        """The message shown and the seconds since it arrived ("" and None without one)."""
        message = self.message
        if not message.strip() or self._arrived is None:
            return "", None
        return message, time.monotonic() - self._arrived

    def message_changed(self) -> None:
        text = self.message
        if text.strip() and not self._last_text.strip():
            self._arrived = time.monotonic()
        if text.strip() and text != self._last_text:
            # a new message (typed, pasted or captured) is answered where the agent can see it:
            # Enter must never copy a card hidden behind 浏览全部, 常用 or 统计
            self.tabs.setCurrentIndex(TAB)
        self._last_text = text
        self.debounce.start()
        self.settle.start()

    def set_message(self, text: str) -> None:
        self.edit.setPlainText(text)
        self._arrived = time.monotonic()
        self.debounce.stop()
        self.update()

    def set_message_from_clipboard(self, text: str) -> None:
        if self.clipboard_filter is not None and self.clipboard_filter(text):
            return
        self.history.add(self.message)  # the message it replaces has been handled
        self._captured = text.strip()
        self.set_message(self._captured)
        self.tabs.setCurrentIndex(TAB)

    def _paste_captured(self) -> bool:
        """Ctrl+V of the text the clipboard watch has just put in the box replaces the message
        (the agent pastes out of habit; appending would ask about 包邮吗包邮吗)."""
        captured = self._captured
        if not captured or not self.clipboard.enabled:
            return False
        if QGuiApplication.clipboard().text().strip() != captured:
            return False
        self.set_message(captured)
        cursor = self.edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.edit.setTextCursor(cursor)
        return True

    def clear_message(self) -> None:
        self.edit.clear()
        self.cleared.emit()

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    # -- suggestions --------------------------------------------------------------------------
    def update(self) -> None:
        """Recompute the cards for the current message (the slot the keystroke benchmark times)."""
        self.debounce.stop()
        text = self.message
        service = self.library.service
        if service is None or not service.ready:
            self.views = []
            self._hide_cards(0)
            self.moodChip.show_mood(None)
            self.show_state(LOADING_TEXT if self.library.loading else "话术库不可用")
            return
        if not text.strip():
            self.views = []
            self._hide_cards(0)
            self.moodChip.show_mood(None)
            self.show_state(EMPTY_TEXT)
            self.edit.setExtraSelections([])
            self.select(-1)
            return
        code = self._code_views(text)
        if code is not None:
            self.moodChip.show_mood(None)
            self._show_views(code, terms=False)
            self.show_state(CODE_TEXT.format(code=text.strip()[1:]) if code else NO_MATCH_TEXT)
            self.edit.setExtraSelections([])
            self.select(0 if code else -1)
            return
        from ..matching import asked_clauses, normalize

        history = self.history.before(text)
        buyer = service.mood(text, history)
        views = service.suggest(text, limit=LIMIT, history=history, buyer=buyer)
        self.moodChip.show_mood(buyer)
        n_clauses = len(asked_clauses(normalize(text)))  # 不要发票 and the like ask nothing
        self._show_views(views, multi=n_clauses > 1)
        confident = [v for v in views if v.suggestion.confident]
        if not confident and views and views[0].suggestion.chit_chat:
            self.show_state(CHIT_CHAT_TEXT, empty=True)
        elif not confident:
            self.show_state(NO_MATCH_TEXT + ("，以下是最接近的话术：" if views else ""), empty=True)
        else:
            self.show_state(f"{n_clauses} 个问题，已按问题推荐" if n_clauses > 1 else "")
        self._highlight_message(views)
        # without a confident suggestion nothing is selected: Enter must not copy a guess
        # (↓ or Ctrl+1…5 still pick one on purpose)
        self.select(next((i for i, v in enumerate(views) if v.suggestion.confident), -1))
        self.ui.suggestionsArea.verticalScrollBar().setValue(0)

    def _code_views(self, text: str) -> "list[SuggestionView] | None":
        """``/`` and a 快捷编码 (``/by``): the scripts with that code first, as confident cards.
        None when the message is not a code (or the browse index is not in yet)."""
        stripped = text.strip()
        index = self.library.index
        if not stripped.startswith("/") or len(stripped) < 2 or index is None or any(c.isspace() for c in stripped):
            return None
        from ..matching import Suggestion
        from ..service import SuggestionView

        service = self.library.service
        assert service is not None
        scripts = index.code_prefix(stripped[1:], limit=LIMIT)
        out = []
        for script in scripts:
            replies = tuple(service.render(script.id, i) for i in range(len(script.replies)))
            suggestion = Suggestion(script_id=script.id, category=script.category, title=script.title, score=1.0, confident=True)
            out.append(SuggestionView(suggestion=suggestion, script=script, replies=replies))
        return out

    def _show_views(self, views: "list[SuggestionView]", *, multi: bool = False, terms: bool = True) -> None:
        self.views = views
        service = self.library.service
        assert service is not None, "views to show come from a loaded library"
        lib = service.library
        for i, (card, view) in enumerate(zip(self.cards, views)):
            s = view.suggestion
            card.set_content(
                view.script,
                view.replies,
                category_label=lib.category_label(view.script.category),
                colour=themes.category_colour(view.script.category),
                highlight=self.highlight,
                terms=s.matched_terms if (s.confident and terms) else (),  # a guess must not look like a match
                score=s.score,
                clause=s.clause if multi and s.confident else "",
                rank=i + 1,
                weak=not s.confident,
                for_mood=s.for_mood,
            )
            card.set_favourite(view.script.id in self.favourites)
            card.show()
        self._hide_cards(len(views))

    def _hide_cards(self, start: int) -> None:
        for card in self.cards[start:]:
            if not card.isHidden():
                card.hide()
            card.set_selected(False)

    def show_state(self, text: str, *, empty: bool = False) -> None:
        label = self.ui.stateLabel
        label.setText(text)
        label.setVisible(bool(text))
        if bool(label.property("empty")) != empty:
            label.setProperty("empty", empty)
            label.style().unpolish(label)
            label.style().polish(label)

    def _highlight_message(self, views: "list[SuggestionView]") -> None:
        # imported here, not at the top: building these classes is start-up time the window
        # does not need before the first suggestion
        from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
        from PySide6.QtWidgets import QTextEdit

        terms = {t for v in views if v.suggestion.confident for t in v.suggestion.matched_terms}
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setForeground(QColor(self.highlight))
        selections = []
        for start, end in message_spans(self.message, terms):
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.edit.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.edit.setExtraSelections(selections)

    def refresh_stars(self) -> None:
        for card in self.cards:
            if card.script is not None:
                card.set_favourite(card.script.id in self.favourites)

    def set_stars_available(self, on: bool) -> None:
        for card in self.cards:
            card.starButton.setVisible(on)

    @property
    def visible_cards(self) -> list[SuggestionCard]:
        return [c for c in self.cards if not c.isHidden()]

    def select(self, index: int) -> None:
        """Select the card at ``index`` (clamped to the cards shown); a negative index selects none."""
        count = len(self.views)
        index = -1 if count == 0 or index < 0 else min(index, count - 1)
        self._selected = index
        for i, card in enumerate(self.cards):
            card.set_selected(i == index)
        if index >= 0:
            self.ui.suggestionsArea.ensureWidgetVisible(self.cards[index], 0, 4)

    @property
    def selected(self) -> int:
        return self._selected

    @property
    def selected_script_id(self) -> str | None:
        return self.views[self._selected].script.id if 0 <= self._selected < len(self.views) else None

    def step_variant(self, step: int) -> None:
        if self._selected >= 0:
            self.cards[self._selected].step_variant(step)

    def _settled(self) -> None:
        text = self.message.strip()
        service = self.library.service
        if not text or service is None or not service.ready:
            return
        self.history.add(text)
        if self.debounce.isActive():
            self.update()
        if any(v.suggestion.confident for v in self.views):
            return
        if self.views and self.views[0].suggestion.chit_chat:  # not a question the library lacks
            return
        if text.startswith("/") or text in self._reported_unmatched:
            return
        self._reported_unmatched.add(text)
        service.unmatched(text)

    # -- keys -------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        return super().eventFilter(obj, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not (mods & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)):
            if self.debounce.isActive():
                self.update()
            if self.views:
                self.tabs.setCurrentIndex(TAB)
                self.select(max(0, self._selected + (1 if key == Qt.Key.Key_Down else -1)))
                return True
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.edit.insertPlainText("\n")
                return True
            if self.debounce.isActive():
                self.update()
            self.copy_selected()
            return True
        if event.matches(QKeySequence.StandardKey.Paste) and self._paste_captured():
            return True
        if key == Qt.Key.Key_Escape:
            self.escaped.emit()
            return True
        return False

    # -- copying ------------------------------------------------------------------------------
    def copy_selected(self) -> None:
        """Enter: copy the selected card, and only while the agent can see it."""
        if self.tabs.currentIndex() != TAB:
            self.tabs.setCurrentIndex(TAB)  # show what Enter would copy; the next Enter copies
            if self.message.strip():
                self.toastRequested.emit("再按 Enter 复制选中的话术", False)
            return
        if not self.message.strip() or not self.library.is_ready:
            return
        if not 0 <= self._selected < len(self.views) or self.cards[self._selected].isHidden():
            self.toastRequested.emit(NO_MATCH_TEXT, True)
            return
        self.copy_rank(self._selected + 1)

    def copy_rank(self, rank: int) -> None:
        if self.debounce.isActive():
            self.update()
        if not 1 <= rank <= len(self.views):
            return
        self.tabs.setCurrentIndex(TAB)  # the agent sees what Ctrl+N copied
        self.select(rank - 1)
        card = self.cards[rank - 1]
        view = self.views[rank - 1]
        seconds = time.monotonic() - self._arrived if self._arrived is not None else None
        self.copyRequested.emit(CopyRequest(view.script, card.variant, SUGGEST, rank, view.suggestion.score, self.message, seconds, view.suggestion.confident))

    def _card_copy(self, card: SuggestionCard) -> None:
        index = self.cards.index(card)
        if index < len(self.views):
            self.copy_rank(index + 1)
