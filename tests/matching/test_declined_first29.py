"""A buyer who first declines something and then asks the real thing (session 29, declining.py):
the declined extra (发票, 赠品, 贺卡) or the cancellation taken back (不是不想要) must not win the first
card; the colour wanted and nothing else asks for stock; a parcel sent back that the buyer never
refused asks where it went. Wordings of our own, none of them a line of an eval set.
"""
from __future__ import annotations

import pytest

from kefu_assist.matching.declining import declines, undeclined

from .families import confident, first_confident


DECLINED_THEN_ASKED = [
    ("发票不用开了 赠品也不要 就便宜点吧", "bargain"),
    ("不要贺卡 不要礼盒 能少二十块吗", "bargain"),
    ("赠品不要了 直接给我打个折呗", "bargain"),
    ("不用放贺卡 什么时候发货", "shipping_time"),
    ("不要赠品 包邮吗", "shipping_fee"),
    ("发票就不要了 地址帮我改一下", "order_change"),
    ("不要发票了 帮我把备注删了", "order_change"),
    ("不是不想要 就是颜色拍错了 帮我改成白色", "order_change"),
    ("也不是不要了 就是码数拍小了 帮我换成L", "order_change"),
    # typed without a break
    ("不要发票直接便宜点行不", "bargain"),
    ("赠品不要了帮我改个地址", "order_change"),
    ("发票不用开了就便宜点吧", "bargain"),
]


# the colour wanted and no other asks for stock
ONLY_THAT_COLOUR = [("宝蓝色真卖光了？我就要宝蓝 别的不要", "stock"), ("卡其的真的没了吗 其他颜色不要", "stock")]
# a parcel sent back that the buyer never refused asks where it went
NEVER_REFUSED = [("我没拒收 物流怎么显示退回了", "logistics"), ("包裹被退回了 我明明没拒签", "logistics")]


@pytest.mark.parametrize(("message", "category"), DECLINED_THEN_ASKED + ONLY_THAT_COLOUR + NEVER_REFUSED)
def test_what_is_declined_does_not_win_the_first_card(matcher, message, category):
    assert first_confident(matcher, message) == category, confident(matcher, message)


@pytest.mark.parametrize(("message", "category"), [("不要发票了", "invoice"), ("我不要了", "cancel_order"), ("发票不要了 谢谢", "invoice")])
def test_a_decline_told_alone_keeps_its_card(matcher, message, category):
    assert first_confident(matcher, message) == category, confident(matcher, message)


@pytest.mark.parametrize("clause", ["不要发票", "赠品不要了", "别的颜色都不要", "不是不想要", "也不用给我放贺卡"])
def test_a_clause_that_only_declines(clause):
    assert declines(clause)


@pytest.mark.parametrize("clause", ["不要了", "我不要了", "不想要了", "不要发票能便宜点吗"])
def test_the_order_itself_declined_or_a_question_is_no_such_clause(clause):
    assert not declines(clause)


def test_a_decline_beside_nothing_asked_stays():
    assert undeclined("不要发票 谢谢") == "不要发票 谢谢"
    assert undeclined("不要发票 便宜点吧") == "便宜点吧"


@pytest.mark.parametrize("message", ["不要赠品可以吗", "不要发票怎么操作", "不用开发票吗"])
def test_a_question_about_the_decline_itself_is_read_whole(message):
    assert undeclined(message) == message
