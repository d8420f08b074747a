"""Buyer message -> ranked script suggestions. Pure Python: nothing here imports Qt."""
from .matcher import DEFAULT_THRESHOLD, Matcher, MatcherConfig, Suggestion, build_matcher
from .declining import asked_clauses
from .normalize import clauses, normalize

__all__ = ["DEFAULT_THRESHOLD", "Matcher", "MatcherConfig", "Suggestion", "asked_clauses", "build_matcher", "clauses", "normalize"]
