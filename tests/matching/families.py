"""What the wording-family tests share: a family of buyer messages per scenario, each message's
first confident suggestion, and the rule that at most ``allowed`` of a family may miss."""
from __future__ import annotations


def first_confident(matcher, message: str) -> str | None:
    sure = [s for s in matcher.suggest(message) if s.confident]
    return sure[0].category if sure else None


def confident(matcher, message: str) -> list[tuple[str, float]]:
    """The confident suggestions of a message, category and score (what an assertion shows)."""
    return [(s.category, round(s.score, 2)) for s in matcher.suggest(message) if s.confident]


def family_misses(matcher, messages: list[str], category: str) -> list[tuple[str, str | None]]:
    """The messages of a family whose first confident suggestion is not ``category``."""
    got = [(m, first_confident(matcher, m)) for m in messages]
    return [(m, c) for m, c in got if c != category]


# --- a decision of the matcher's mixins over made-up scripts (test_agreement, test_second_opinion) ---

class FixedRanker:
    """A co-ranker that reads every text alike: the given class probabilities."""

    def __init__(self, proba: dict[str, float]):
        self._proba = proba

    def proba(self, text: str) -> dict[str, float]:
        return dict(self._proba)


def scored(scores: dict[int, float]) -> dict:
    """Made-up scripts' scores by script index, as the matcher keeps them."""
    from kefu_assist.matching.types import _Scored

    return {k: _Scored(score=v) for k, v in scores.items()}


class MadeUp:
    """The given methods of the matcher's mixins (Deciding._agreeing, Seconds._second_opinion …)
    bound to an object with the shipped config and one label per made-up script index."""

    def __init__(self, labels: list[str], *methods):
        from kefu_assist.matching.types import MatcherConfig

        self.config = MatcherConfig()
        self._labels = labels
        for method in methods:
            setattr(self, method.__name__, method.__get__(self))
