"""How the confident suggestions are ordered: the first three show distinct categories while the
confident ones hold more than one, so that a second thing asked is not pushed below three cards
of the first."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.library import load_library
from kefu_assist.matching import build_matcher
from kefu_assist.matching.helpers import _distinct_first
from kefu_assist.matching.types import DISTINCT_TOP


@pytest.fixture(scope="module")
def matcher(shipped_library_path):
    return build_matcher(load_library(shipped_library_path).library)


def confident(matcher, message: str):
    return [s for s in matcher.suggest(message) if s.confident]


# One category dominates the message (two of its scripts match well), and a second one is asked
# for inside a clause whose best script is of the first: it used to come fourth.
@pytest.mark.parametrize(
    ("message", "wanted"),
    [
        ("质量差的话可以退吗 是真货不", {"quality", "return_exchange"}),
        ("质量要是不行能退货不 保证正品吗", {"quality", "return_exchange"}),
        ("质量一般能退不 会不会掉色", {"quality", "return_exchange"}),
        ("色差大的话能退吗 颜色正不正", {"color_difference", "return_exchange"}),
        ("运费太贵能少点吗 包邮不", {"shipping_fee", "bargain"}),
    ],
)
def test_a_second_category_asked_reaches_the_top_three(matcher, message, wanted):
    assert wanted <= {s.category for s in confident(matcher, message)[:3]}


_ASKS = [
    "质量怎么样", "能退吗", "是正品吗", "包邮吗", "能便宜点吗", "什么时候发货", "发什么快递", "会掉色吗",
    "尺码偏大吗", "能开发票吗", "有优惠券吗", "几天能到", "可以改地址吗", "还有货吗", "怎么洗", "在吗",
    "谢谢", "颜色和图片一样吗", "东西坏了", "能取消订单吗",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_ASKS), min_size=1, max_size=4, unique=True))
def test_the_first_three_confident_cards_cover_as_many_categories_as_they_can(matcher, asks):
    sure = confident(matcher, " ".join(asks))
    categories = {s.category for s in sure}
    assert len({s.category for s in sure[:DISTINCT_TOP]}) == min(DISTINCT_TOP, len(categories))


@given(st.lists(st.integers(0, 4), max_size=12), st.integers(0, 5))
def test_distinct_first_moves_each_categorys_best_forward_and_keeps_the_rest_in_order(keys, n):
    order = list(range(len(keys)))  # the cards, best first; keys[i] is card i's category
    out = _distinct_first(order, keys.__getitem__, n)
    firsts = [keys.index(k) for k in dict.fromkeys(keys)]  # each category's best card, in order
    forward = firsts[: min(n, len(firsts))]
    assert out == forward + [i for i in order if i not in forward]
