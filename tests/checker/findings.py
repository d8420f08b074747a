"""What the checker finds in a reply, as rule ids: with the reply model, and the rules alone (a
class fixed in the rules must not lean on the model). Shared by the adversarial test families."""
from __future__ import annotations

from kefu_assist.checker import Checker, check, default_checker


def rules_of(text: str) -> set[str]:
    return {f.rule for f in check(text)}


def pattern_rules_of(text: str) -> set[str]:
    """The rules alone (no trained model)."""
    return {f.rule for f in Checker(default_checker().rules).check(text)}
