"""Chatter that names shop things without asking the shop anything gets no confident card, class by
class (issue 10, gate8); the same words asked of the shop keep theirs. Wordings of our own, none
of them in resources/chatter.txt or an eval set (checked at the end)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.matching.helpers import _is_noise
from kefu_assist.matching.normalize import normalize


def confident(matcher, message):
    return [s for s in matcher.suggest(message) if s.confident]


# -- an identifier with its label ------------------------------------------------------------
LABELS = ["订单号", "订单编号", "订单", "单号", "快递单号", "运单号", "手机号", "手机", "电话", "联系电话", "我的订单号是", "我的手机号是", "收件人电话", "会员号"]


@settings(max_examples=300, deadline=None)
@given(
    label=st.sampled_from(LABELS),
    number=st.text(alphabet="0123456789", min_size=5, max_size=22),
    sep=st.sampled_from(["", " ", "：", ":", "  ", "，"]),
    prefix=st.sampled_from(["", "SF", "JD", "YT", "ZTO", "No."]),
)
def test_a_labelled_identifier_alone_asks_nothing(matcher, label, number, sep, prefix):
    # 订单号 2026… got a complaint card, 联系电话 159… order_change: a label names the number and
    # asks nothing more than the bare number does
    message = f"{label}{sep}{prefix}{number}"
    assert _is_noise(normalize(message)), message
    assert confident(matcher, message) == [], message


@settings(max_examples=100, deadline=None)
@given(label=st.sampled_from(LABELS), number=st.text(alphabet="0123456789", min_size=5, max_size=22), other=st.sampled_from(["手机", "电话", "订单号"]))
def test_two_labelled_identifiers_ask_nothing(label, number, other):
    assert _is_noise(normalize(f"{label} {number} {other} {number}"))


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("订单号 2026113099887766 什么时候发货", "shipping_time"),
        ("单号 SF1400022233 物流一直不动", "logistics"),
        ("手机号13900001111 帮我改成13900002222", "order_change"),
        ("订单 20261130556677 我要退货", "return_exchange"),
    ],
)
def test_an_identifier_with_a_question_keeps_its_card(matcher, message, category):
    assert not _is_noise(normalize(message))
    sure = confident(matcher, message)
    assert sure and sure[0].category == category, [(s.category, s.score) for s in sure]


@pytest.mark.parametrize("message", ["手机 5g", "订单 3", "电话 12"])
def test_a_label_before_a_short_number_is_not_an_identifier(message):
    # 手机 5g names a phone; only a number of five digits or more is an identifier
    assert not _is_noise(normalize(message))


# -- a statement clause in a chatter message -------------------------------------------------
# A message the gate calls chatter is confident only for what one of its clauses asks in earnest
# (今天好冷 包邮吗). A clause that neither asks, speaks to the shop nor tells of the buyer's order
# or item is part of the chatter: 我们单位统一订票 in 我们单位统一订票 行政累坏了 is no request.
CHATTER_WITH_A_SHOP_STATEMENT = [
    "我们财务月底集中开票 会计姐姐要疯了",
    "我是开货车跑物流的 今天又堵了一天",
    "平时我都穿大码 最近瘦了好开心",
    "楼下快递站又排长队 累觉不爱",
    "退款这种事我妈最在行 哈哈哈",
    "今天搬家 家具一大堆 腰快断了",
    "我从小就喜欢蓝色 改不掉了",
]
# ... while a statement about the buyer's order or item, beside chatter, still gets its card.
CHATTER_WITH_AN_ORDER_STATEMENT = [
    ("今天好冷 收到的杯子碎了一个", "defect"),
    ("下雨天好烦 寄来的鞋子开胶了", "defect"),
    ("累死了 衣服上有个洞", "defect"),
]


@pytest.mark.parametrize("message", CHATTER_WITH_A_SHOP_STATEMENT)
def test_a_shop_word_statement_inside_chatter_gets_no_confident_card(matcher, message):
    assert confident(matcher, message) == [], [(s.category, s.score, s.clause) for s in confident(matcher, message)]


@pytest.mark.parametrize(("message", "category"), CHATTER_WITH_AN_ORDER_STATEMENT)
def test_an_order_statement_beside_chatter_keeps_its_card(matcher, message, category):
    sure = confident(matcher, message)
    assert sure and sure[0].category == category, [(s.category, s.score) for s in sure]


def test_the_wordings_are_in_neither_the_corpus_nor_an_eval_set(shared_eval_dir):
    from pathlib import Path

    from kefu_assist.matching.helpers import _shipped_chatter

    def key(text: str) -> str:
        return normalize(text).replace(" ", "")

    ours = {key(m) for m in CHATTER_WITH_A_SHOP_STATEMENT} | {key(m) for m, _ in CHATTER_WITH_AN_ORDER_STATEMENT}
    corpus = {key(line) for line in _shipped_chatter()}
    bench = Path(__file__).resolve().parents[2] / "benchmarks" / "eval"
    files = [*sorted(shared_eval_dir.glob("*.tsv")), *sorted(bench.glob("*.tsv")), *sorted(bench.glob("*/questions.tsv"))]
    evals = {key(line.split("\t", 1)[1]) for path in files if "heldout" not in path.name for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line and not line.startswith("#")}
    assert not ours & corpus and not ours & evals
