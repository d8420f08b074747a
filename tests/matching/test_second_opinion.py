"""The co-ranker's other reading as a confident second card: a message whose first card is
confident while the co-ranker reads it, clearly (agree_margin), as another category whose best
script is close (agree_floor), shows that script confident right after the first card. The first
card keeps its place, and a message with nothing confident stays so."""
from __future__ import annotations

import pytest

from kefu_assist.matching.seconds import Seconds

from .families import FixedRanker, MadeUp, scored


def confident(matcher, message: str) -> list[str]:
    return [s.category for s in matcher.suggest(message) if s.confident]


# The buyer tells of a part missing while assembling (the install card is first, the defect card
# was not confident), or asks who cancels an order placed by mistake (the change-of-order card
# is first, the cancellation card was not confident).
@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("床头柜缺了一个抽屉把手 装不上", "defect"),
        ("买错颜色了 我自己取消还是你们弄", "cancel_order"),
        ("买错款式了 我自己取消还是你们弄", "cancel_order"),
    ],
)
def test_the_co_rankers_other_reading_is_among_the_first_three(matcher, message, category):
    assert category in confident(matcher, message)[:3]


# Without the rule and with it: the same first card, and nothing confident stays nothing confident
# (chatter, a bare number, a greeting), for questions and chatter alike.
MESSAGES = [
    "床头柜缺了一个抽屉把手 装不上", "买错颜色了 我自己取消还是你们弄", "包邮吗", "什么时候发货", "能便宜点吗",
    "这件外套能不能少三十", "毛衣起静电怎么办", "我儿子今天考了一百分", "外面在下大雨", "中午吃什么好呢",
    "电影票多少钱", "12345", "你好", "谢谢", "明天要加班好烦", "我家狗狗生病了",
]


def test_the_first_card_and_a_message_without_a_confident_card_are_kept(matcher, monkeypatch):
    with_rule = {m: confident(matcher, m) for m in MESSAGES}
    monkeypatch.setattr(Seconds, "_second_opinion", lambda self, normalized, order, *rest: order)
    for message in MESSAGES:
        without = confident(matcher, message)
        assert with_rule[message][:1] == without[:1], message
        assert bool(with_rule[message]) == bool(without), message
        assert set(without) <= set(with_rule[message]), message


# --- the rule over made-up scripts ---------------------------------------------------------------

LABELS = ["care_warranty", "care_warranty", "quality", "quality", "__chatter__"]
SCORES = {0: 0.62, 1: 0.50, 2: 0.40, 3: 0.30, 4: 0.70}


def test_the_other_class_best_script_comes_second_and_confident():
    d = MadeUp(LABELS, Seconds._second_opinion)
    earnest = {0, 1}
    order = d._second_opinion("车载冰箱放后备箱会不会热坏", [0, 1, 4, 2, 3], scored(SCORES), earnest, FixedRanker({"quality": 0.3, "care_warranty": 0.1}))
    assert order[:2] == [0, 2]
    assert 2 in earnest and sorted(order) == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(
    ("proba", "scores", "earnest"),
    [
        ({"care_warranty": 0.3, "quality": 0.2}, SCORES, {0, 1}),  # the co-ranker agrees with the first card
        ({"quality": 0.14, "care_warranty": 0.1}, SCORES, {0, 1}),  # not by agree_margin
        ({"quality": 0.3, "care_warranty": 0.1}, {**SCORES, 2: 0.30}, {0, 1}),  # under agree_floor
        ({"quality": 0.3, "care_warranty": 0.1}, SCORES, set()),  # nothing confident: stays so
        ({"quality": 0.3, "care_warranty": 0.1}, SCORES, {0, 3}),  # quality already confident in the first three
        ({"__chatter__": 0.9, "care_warranty": 0.05}, SCORES, {0, 1}),  # chatter is never a reading to show
    ],
)
def test_no_second_card_without_a_clear_other_reading(proba, scores, earnest):
    d = MadeUp(LABELS, Seconds._second_opinion)
    before = set(earnest)
    order = [k for k in [0, 1, 4, 2, 3] if k in earnest] + [k for k in [0, 1, 4, 2, 3] if k not in earnest]
    assert d._second_opinion("车载冰箱放后备箱会不会热坏", list(order), scored(scores), earnest, FixedRanker(proba)) == order
    assert earnest == before
