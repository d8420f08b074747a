"""The buyer telling the shop, tersely, that the order is paid or placed (session 29): a bare 钱付过了
with 你看看 after it read as chatter, 己付款 and 以付款 (己, 以 for 已: one stroke apart, one sound)
went to the payment-methods card, and the goods told by their variants (拍了两件 一件灰一件粉) to a
cancellation or the size chart. Own wordings, a family each; at most ``allowed`` may miss."""
from __future__ import annotations

import pytest

from kefu_assist.matching.normalize import normalize

from .families import family_misses

FAMILIES = {
    # the money told paid, with a look asked for
    # (one may miss: with the session's new writers' sets trained in, 付过钱了 你瞧瞧 has the paid card
    # first at 0.86 beside small talk at 0.85, too close to show as confident)
    "paid": (["款付过了 你查查", "付过钱了 你瞧瞧", "钱交了 帮我看看", "钱已经打过去了 你看下", "货款付了 你那边看看"], 1),
    # 己 and 以 typed for 已
    "typo": (["以付款", "己付款 麻烦看下", "以付款了亲", "己经付了", "以经付过了", "己下单 你看一下"], 0),
    # what was bought, told by its variants
    "variants": (["拍了三件 两件红的一件蓝的", "拍了两件 一件灰一件粉", "买了两双 一双黑一双白 付好了", "拍了两个杯子 一个绿一个黄"], 1),
}


@pytest.mark.parametrize("family", list(FAMILIES))
def test_the_paid_news_told_tersely_finds_order_placed(matcher, family):
    messages, allowed = FAMILIES[family]
    wrong = family_misses(matcher, messages, "order_placed")
    assert len(wrong) <= allowed, wrong


@pytest.mark.parametrize(("typed", "meant"), [("己付款", "已付款"), ("以付款了", "已付款了"), ("以经拍了", "已经拍了"), ("己经付了", "已经付了")])
def test_ji_and_yi_for_yi_in_the_paid_news(typed, meant):
    assert normalize(typed) == meant


@pytest.mark.parametrize("text", ["运费我自己付", "可以付款吗", "我自己经常用", "自己拍的照片", "所以经过这次", "可以经得起摔吗", "自己下单还是你帮我"])
def test_the_words_ji_and_yi_belong_to_stay(text):
    assert normalize(text) == text
