"""What the checker finds in a reply, as rule ids: with the reply model, and the rules alone (a
class fixed in the rules must not lean on the model). Shared by the adversarial test families."""
from __future__ import annotations

from typing import Callable, Mapping, Sequence

import pytest

from kefu_assist.checker import Checker, check, default_checker


def rules_of(text: str) -> set[str]:
    return {f.rule for f in check(text)}


def pattern_rules_of(text: str) -> set[str]:
    """The rules alone (no trained model)."""
    return {f.rule for f in Checker(default_checker().rules).check(text)}


def add_round(families: dict[str, list[str]], round_: Mapping[str, Sequence[str]]) -> None:
    """A later round's wordings join each rule's family (a round: the classes one reading of the writers showed)."""
    for rule, texts in round_.items():
        families[rule] = [*families[rule], *texts]


def class_tests(violations: Mapping[str, Sequence[str]], near_misses: Mapping[str, Sequence[str]]) -> tuple[Callable[..., None], Callable[..., None]]:
    """The two tests of a family of rule classes ({rule id: texts}): every violating wording found
    by the rules alone, every near-miss quiet for the whole checker (the model included). Assign
    them to module names starting with ``test_`` so pytest collects them."""

    @pytest.mark.parametrize(("rule", "text"), [(rule, text) for rule, texts in violations.items() for text in texts])
    def test_each_class_of_violation_is_found_by_the_rules_alone(rule: str, text: str) -> None:
        assert rule in pattern_rules_of(text)

    @pytest.mark.parametrize(("rule", "text"), [(rule, text) for rule, texts in near_misses.items() for text in texts])
    def test_the_near_misses_of_each_class_stay_quiet(rule: str, text: str) -> None:
        assert rule not in rules_of(text)

    return test_each_class_of_violation_is_found_by_the_rules_alone, test_the_near_misses_of_each_class_stay_quiet
