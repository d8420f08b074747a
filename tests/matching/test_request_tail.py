"""A return or exchange request a clause ends on after what the buyer found (颜色和照片差挺多能退吗):
the request reaches the first three cards beside the statement's, confident, and never goes
before it. Own wordings: ten statements of what a buyer found, six ways to ask for a return or an
exchange; before the tail was scored, 14 of the 60 messages had no return_exchange card in the
first three (three color_difference cards, or only quality)."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kefu_assist.matching.helpers import _request_tail

STATEMENTS = ["颜色和照片差挺多", "收到发现有色差", "面料摸着有点扎", "穿上不太合身", "质量一般般", "跟描述的不太一样", "鞋子有点挤脚",
              "实物比图片暗好多", "尺码偏大了", "味道有点大"]
TAILS = ["能退吗", "可以退吗", "能换吗", "可以退货吗", "能退换吗", "可以换个吗"]


@pytest.mark.parametrize(("statement", "tail"), list(itertools.product(STATEMENTS, TAILS)))
def test_a_return_request_after_a_statement_reaches_the_first_three(matcher, statement, tail):
    sure = [s for s in matcher.suggest(statement + tail) if s.confident]
    assert "return_exchange" in [s.category for s in sure[:3]], [(s.script_id, s.score) for s in sure]


@pytest.mark.parametrize("message", ["颜色和照片差挺多能退吗", "实物比图片暗好多可以换个吗"])
def test_the_request_does_not_go_before_what_the_buyer_found(matcher, message):
    sure = [s.category for s in matcher.suggest(message) if s.confident]
    assert sure[0] == "color_difference" and "return_exchange" in sure[1:3], sure


@pytest.mark.parametrize("clause", ["能退吗", "可以换吗", "退货怎么操作", "能换个码吗", "换个颜色", "能不能退", "不能退吗"])
def test_a_clause_that_is_only_a_request_or_asks_something_else_has_no_tail(clause):
    assert _request_tail(clause) == ""


@given(st.text(alphabet="颜色质量尺码不太好有点差大小的了收到发现", min_size=2, max_size=12), st.sampled_from(TAILS))
def test_the_tail_is_exactly_the_request(head, tail):
    assert _request_tail(head + tail) == tail
