"""The plain event types the service, the store and the sidebar pass between them: what an
agent copied, and the recorder protocol usage goes through.

Imports nothing else of the project (tests/test_architecture.py holds it to that), so the store
records events without loading the library, the matcher or rapidfuzz.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

__all__ = ["LEARN_AFTER_MESSAGE_SECONDS", "CopyEvent", "UsageRecorder"]


# a script copied from 浏览全部 within this long after a message is taken as its answer
LEARN_AFTER_MESSAGE_SECONDS = 120.0


@dataclass(frozen=True)
class CopyEvent:
    """An agent put a reply on the clipboard. ``question`` is the raw buyer text: a recorder
    must redact it before storing anything."""

    script_id: str
    category: str
    variant: int
    rank: int | None  # 1-based rank among the suggestions; None when copied from browsing
    score: float | None
    question: str
    seconds_to_copy: float | None  # from the question arriving to the copy
    confident: bool | None = None  # the copied suggestion was shown as confident (None: unknown)
    mood: str | None = None  # "upset" / "calm"; None: the recorder works it out from ``question``

    @property
    def learn(self) -> bool:
        """Whether this copy teaches the matcher something: the agent chose a script the
        matcher did not put first with confidence, for a real message. Copies from browsing
        count only right after a message (the agent looked the answer up for it)."""
        if not self.question.strip():
            return False
        if self.rank is None:
            return self.seconds_to_copy is not None and self.seconds_to_copy <= LEARN_AFTER_MESSAGE_SECONDS
        return self.rank > 1 or self.confident is False


class UsageRecorder(Protocol):
    """Where usage goes (the store implements it). Calls must return at once: a recorder queues
    the work for a background thread and never blocks the caller."""

    def record_copy(self, event: CopyEvent, agent: str) -> None: ...

    def record_unmatched(self, question: str, agent: str) -> None: ...
