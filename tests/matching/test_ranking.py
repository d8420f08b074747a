"""How the confident suggestions are ordered: the first three show distinct categories while the
confident ones hold more than one, so that a second thing asked is not pushed below three cards
of the first."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kefu_assist.library import load_library
from kefu_assist.matching import build_matcher
from kefu_assist.matching.helpers import _distinct_first, _sub_clauses
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


# A category that only shares words with the message is no second question: 包邮吗 matches 退货包邮吗
# (return_exchange) and 发顺丰要加钱吗 (courier) confidently, but the agent wants the shipping-fee
# scripts first; they used to give way to those cards.
@pytest.mark.parametrize("message", ["包邮吗", "能开发票吗", "给你们差评", "能退吗", "开发票要加钱吗", "多久能到"])
def test_a_category_that_only_shares_words_does_not_displace_the_asked_ones_scripts(matcher, message):
    sure = confident(matcher, message)
    asked = sure[0].category
    if sum(s.category == asked for s in sure) >= DISTINCT_TOP:
        assert {s.category for s in sure[:DISTINCT_TOP]} == {asked}
    else:
        assert [s.category for s in sure[:DISTINCT_TOP]].count(asked) == min(DISTINCT_TOP, sum(s.category == asked for s in sure))


@given(st.lists(st.integers(0, 4), max_size=12), st.integers(0, 5), st.sets(st.integers(0, 4)))
def test_distinct_first_moves_each_wanted_categorys_best_forward_and_keeps_the_rest_in_order(keys, n, wanted):
    order = list(range(len(keys)))  # the cards, best first; keys[i] is card i's category
    out = _distinct_first(order, keys.__getitem__, n, wanted.__contains__)
    head: list[int] = order[:1] if n else []  # the best card first, whatever its category; then
    rest = order[len(head):]  # each next the best card of a wanted category not yet shown, else
    while rest and len(head) < n:  # the next card in order
        shown = {keys[i] for i in head}
        pick = next((i for i in rest if keys[i] not in shown and keys[i] in wanted), rest[0])
        head.append(pick)
        rest.remove(pick)
    assert out == head + rest
    assert sorted(out) == order and (not order or not n or out[0] == 0)


# -- requests joined inside one clause (要么…要么, 或者, 顺便, 另外) ---------------------------
@pytest.mark.parametrize(
    ("message", "wanted"),
    [
        ("要么改收货地址要么直接取消", {"order_change", "cancel_order"}),
        ("改成L码或者退款", {"order_change", "return_exchange"}),
        ("改地址或者取消吧", {"order_change", "cancel_order"}),
        ("改一下规格或者直接退款", {"order_change", "return_exchange"}),
        ("电话改一下或者取消", {"order_change", "cancel_order"}),
        ("要么加钱发顺丰要么取消", {"courier", "cancel_order"}),
        ("地址填错了要么改要么取消", {"order_change", "cancel_order"}),
    ],
)
def test_each_request_a_clause_joins_is_confident(matcher, message, wanted):
    assert wanted <= {s.category for s in confident(matcher, message)[:3]}


_REQUESTS = ["改地址", "取消订单", "退款", "开发票", "发顺丰", "便宜点", "包邮", "有赠品吗", "今天发货吗", "备注一下"]


@given(st.lists(st.sampled_from(_REQUESTS), min_size=2, max_size=3, unique=True), st.sampled_from(["或者", "顺便", "另外", "顺便问下"]))
def test_sub_clauses_are_the_joined_requests(requests, joiner):
    assert _sub_clauses(joiner.join(requests)) == requests
    assert _sub_clauses("要么" + "要么".join(requests)) == requests


@given(st.text(alphabet="能改地址取消包邮吗还是码大一号发票便宜点快递", max_size=20))
def test_a_clause_without_a_joining_word_is_one_request(clause):
    # 还是 offers two answers to one question (M码还是L码): never a split
    assert _sub_clauses(clause) == []

