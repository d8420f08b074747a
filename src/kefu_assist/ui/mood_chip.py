"""The buyer's mood, as the suggestions panel shows it: ``MoodChip``, the red 买家情绪激动 marker
over the cards (its tooltip the cues), and ``BuyerHistory``, the messages of this conversation
(those the agent handled in the last few minutes), the ``history`` the mood needs to see repeated
asking. Widgets and state only, no panel: the 检查 and 推荐话术 panels both use them."""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from ..checker import Mood

BLOCK_COLOUR = "#d93025"  # red: the shop loses points or money (the 检查 tab's 扣分 too)
HISTORY_SECONDS = 300  # the messages of the last five minutes are "this conversation"
HISTORY_LIMIT = 8


class BuyerHistory:
    """The buyer messages the agent handled recently, oldest first (the mood's ``history``)."""

    def __init__(self, seconds: float = HISTORY_SECONDS, limit: int = HISTORY_LIMIT, clock=time.monotonic):
        self.seconds = seconds
        self.limit = limit
        self.clock = clock
        self._items: list[tuple[float, str]] = []

    def add(self, message: str) -> None:
        message = message.strip()
        if not message:
            return
        self._items = [(t, m) for t, m in self._items if m != message]
        self._items.append((self.clock(), message))
        self._items = self._items[-self.limit :]

    def before(self, message: str) -> tuple[str, ...]:
        """The recent messages other than ``message`` itself."""
        now = self.clock()
        message = message.strip()
        return tuple(m for t, m in self._items if now - t <= self.seconds and m != message)


class MoodChip(QLabel):
    """A red 买家情绪激动 chip, hidden for a calm buyer; the tooltip lists the cues."""

    TEXT = "买家情绪激动"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("moodChip")
        self.setStyleSheet(
            f"QLabel#moodChip {{ background: {BLOCK_COLOUR}; color: white; border-radius: 9px;"
            " padding: 2px 10px; font-weight: bold; }"
        )
        self.hide()

    def show_mood(self, mood: "Mood | None") -> None:
        if mood is None or not mood.upset:
            self.hide()
            self.setToolTip("")
            return
        cues = "、".join(dict.fromkeys(c.text for c in mood.cues if c.text)) or "语气激动"
        self.setText(f"⚠ {self.TEXT}")
        self.setToolTip(f"依据：{cues}\n先安抚情绪，再解决问题；不要先争辩")
        self.show()
