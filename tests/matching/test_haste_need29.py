"""Two orderings of the first card (session 29). The news that the order is placed with a push to
ship leads with the news (test_conditions_and_fits), unless the buyer needs the goods (下单了 快点发
急用): that is the urgent-shipping request (helpers._NEED_RE). And a first-time buyer asking for the
newcomers' coupon asks about a shop event, not for a lower price. Own wordings."""
from __future__ import annotations

import pytest

from .families import family_misses, first_confident

NEEDED = ["下单了 快点发 急用", "付了款 赶紧发 我着急用", "拍好了 尽快发 周末要用", "刚拍了 快点发 很急"]
COUPON = ["新人券怎么领 我头回买", "首单优惠券在哪 第一次来", "新客有券吗 第一次下单", "第一次买 有新人红包吗", "新人优惠在哪领 😭 我第一次买你家"]


def test_haste_with_a_need_asks_for_urgent_shipping(matcher):
    wrong = family_misses(matcher, NEEDED, "shipping_time")
    assert len(wrong) <= 1, wrong


def test_haste_without_a_need_leaves_the_news_first(matcher):
    assert first_confident(matcher, "刚拍了 快点发哈") == "order_placed"


@pytest.mark.parametrize("message", COUPON)
def test_a_newcomer_coupon_is_a_promotion(matcher, message):
    assert first_confident(matcher, message) == "promotion"
