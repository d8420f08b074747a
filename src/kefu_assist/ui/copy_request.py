"""What a panel hands the copy flow: a ``CopyRequest`` and where it was asked for. Its own module
so that the panels that ask (suggestions, 浏览全部, 常用, the pinned keys) never import the copy
flow itself: panels talk through signals carrying plain values."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..library import Script

SUGGEST, BROWSE, USUAL = "suggest", "browse", "usual"  # where a copy was asked for


@dataclass(frozen=True)
class CopyRequest:
    """A script to copy. ``rank``, ``score``, ``question`` and ``seconds`` describe a suggestion
    (None/"" for a script picked in 浏览全部 or 常用)."""

    script: "Script"
    variant: int
    source: str = SUGGEST
    rank: int | None = None
    score: float | None = None
    question: str = ""
    seconds: float | None = None
    confident: bool | None = None  # the card was shown as confident (suggestions only)
