"""A greeting typed twice to be seen (hello hello, hi, hi): the greeting, confident as the bare
greeting is (issue 10, session 28; matcher._listed: a library example typed twice counts as the
example, so the gate's doubt does not veto it). Wordings of our own; goodbyes, laughter and greetings
to nobody typed twice stay unconfident."""
from __future__ import annotations

import pytest


def confident(matcher, message):
    return [s.category for s in matcher.suggest(message) if s.confident]


DOUBLED = ["hello hello", "hi hi", "Hello Hello", "hi, hi"]
DOUBLED_NOT_A_GREETING = ["bye bye", "拜拜拜拜", "哈哈哈哈", "嗯嗯嗯嗯", "晚安晚安", "早上好早上好", "大家好大家好"]


@pytest.mark.parametrize("message", DOUBLED)
def test_a_greeting_typed_twice_is_the_greeting(matcher, message):
    assert confident(matcher, message)[:1] == ["greeting"], [(s.category, s.score, s.confident) for s in matcher.suggest(message)]


@pytest.mark.parametrize("message", DOUBLED_NOT_A_GREETING)
def test_goodbyes_laughter_and_greetings_to_nobody_twice_stay_unconfident(matcher, message):
    assert confident(matcher, message) == []


def test_the_example_itself_and_twice_only():
    from kefu_assist.matching.helpers import _listed

    assert _listed("你好", "你好") and _listed("你好", "你好你好")
    assert not _listed("你好", "你好你好你好") and not _listed("你好", "你好吗") and not _listed("", "")
