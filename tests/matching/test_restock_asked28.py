"""到 / 到货 asked after the goods are told to be out of stock (没货了 啥时候到) is the restock, not the
parcel's way to the buyer (rank28, issue 10): read as 补货. Own wordings, none a line of an evaluation
set. Without a stock-out word, 几天能到 stays a delivery question."""
from __future__ import annotations

import pytest

from kefu_assist.matching.normalize import normalize

from .families import family_misses


def test_arrival_after_a_stock_out_reads_as_restock():
    assert normalize("白色的卖完了 什么时候到") == "白色的卖完了 什么时候补货"
    assert normalize("大码断码了 要等多久才到货") == "大码断码了 要等多久才补货"
    assert normalize("有货吗 几天能到") == "有货吗 几天能到"
    assert normalize("下单后几天到货") == "下单后几天到货"


RESTOCK = [
    "白色的卖完了 什么时候到",
    "这款显示无货 大概几天能到货",
    "蓝色没货了 哪天能到啊",
    "大码断码了 要等多久才到货",
]


@pytest.mark.parametrize("message", RESTOCK)
def test_arrival_after_a_stock_out_is_a_restock_question(matcher, message):
    assert family_misses(matcher, [message], "stock") == []


@pytest.mark.parametrize("message", ["寄到南京几天能到", "今天拍什么时候能到"])
def test_arrival_alone_is_still_delivery(matcher, message):
    assert family_misses(matcher, [message], "delivery_time") == []
