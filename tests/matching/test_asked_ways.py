"""Ways of asking the shipped library once filed under the wrong scenario, each a family of own
wordings (rank6, issue 10): whether the parcel has left (发货了吗) went to 已发货还能取消吗, since
发出 and 发货 are one word to the matcher."""
from __future__ import annotations

import pytest


def top(matcher, message):
    shown = [s for s in matcher.suggest(message) if s.confident]
    return shown[0].category if shown else None


@pytest.mark.parametrize("message", ["发货了吗亲", "已经发货了吗", "发了吗", "东西发出去了没", "发货了没", "宝贝发出了吗", "我那单发了没",
                                     "请问发货了吗"])
def test_whether_the_parcel_has_left_is_logistics(matcher, message):
    assert top(matcher, message) == "logistics"


@pytest.mark.parametrize("message", ["已经发货了还能取消吗", "发出去了还能撤回吗", "发货了还能不要吗"])
def test_cancelling_after_it_left_stays_cancel_order(matcher, message):
    assert top(matcher, message) == "cancel_order"
