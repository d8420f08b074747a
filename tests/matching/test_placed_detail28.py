"""The news that the order is placed with a detail of it told beside (刚拍了两套床品 地址是我妈家的, 刚付了款
电话号码是新的那个): the order-placed card comes first (rank28, issue 10); the address read as a change
of address before. A change asked for (地址写错了 帮我改下) keeps the change card first. Own wordings,
none a line of an evaluation set."""
from __future__ import annotations

import pytest

from kefu_assist.matching.helpers import _detail_told

from .families import family_misses


@pytest.mark.parametrize("message", ["刚拍了两套床品 地址是我妈家的", "刚付了款 电话号码是新的那个", "我刚下单了 收货地址写的单位"])
def test_a_detail_told_beside_the_news_is_the_news(matcher, message):
    assert family_misses(matcher, [message], "order_placed") == []


@pytest.mark.parametrize("message", ["刚拍了一个台灯 地址写错了 帮我改下", "刚拍了 帮我改成蓝色"])
def test_a_change_asked_for_beside_the_news_is_the_change(matcher, message):
    assert family_misses(matcher, [message], "order_change") == []


def test_only_a_detail_that_asks_nothing_counts():
    assert _detail_told("地址是公司的")
    assert not _detail_told("地址写错了")
    assert not _detail_told("快递到哪了")
    assert not _detail_told("地址能改吗")
