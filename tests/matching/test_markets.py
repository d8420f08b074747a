"""The markets are not the shop's business: a share price, an index, a fund, a coin or an exchange
rate asked gets no confident card, whatever the library's price examples look like; a book or a
thing of the shop's named beside such a word keeps its card (telling.markets)."""
from __future__ import annotations

import pytest

MARKETS = [
    "茅台股价多少了",
    "宁德时代的股价今天怎么样",
    "今天大盘涨了还是跌了",
    "港股今天开盘价多少",
    "比特币现在多少钱一个",
    "美元汇率现在是多少",
    "你们觉得腾讯股票还能买吗",
    "基金今天收益多少",
    "昨天那只票涨停了 股价翻倍",
]

SHOP = [
    ("炒股入门的书有货吗", "stock"),
    ("股票技术分析这本书包邮吗", "shipping_fee"),
]


@pytest.mark.parametrize("message", MARKETS)
def test_the_markets_get_no_confident_card(matcher, message):
    assert not [s for s in matcher.suggest(message) if s.confident]


@pytest.mark.parametrize("message,category", SHOP)
def test_a_book_about_the_markets_keeps_its_card(matcher, message, category):
    sure = [s.category for s in matcher.suggest(message) if s.confident]
    assert sure and sure[0] == category
