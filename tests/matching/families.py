"""What the wording-family tests share: a family of buyer messages per scenario, each message's
first confident suggestion, and the rule that at most ``allowed`` of a family may miss."""
from __future__ import annotations


def first_confident(matcher, message: str) -> str | None:
    sure = [s for s in matcher.suggest(message) if s.confident]
    return sure[0].category if sure else None


def family_misses(matcher, messages: list[str], category: str) -> list[tuple[str, str | None]]:
    """The messages of a family whose first confident suggestion is not ``category``."""
    got = [(m, first_confident(matcher, m)) for m in messages]
    return [(m, c) for m, c in got if c != category]
