"""Pre-sale (预售) orders: a deposit (定金) now, the balance (尾款) in a window the listing states.
How and when to pay either is a payment question (payment.presale); saying it is paid is an order
placed; when a paid pre-sale ships stays a shipping question."""
from __future__ import annotations

import pytest

from kefu_assist.library import load_library
from kefu_assist.matching import build_matcher
from kefu_assist.resources import resource_path

from .families import family_misses


@pytest.fixture(scope="module")
def matcher():
    return build_matcher(load_library(resource_path("scripts.yaml")).library)


ASKING_HOW_TO_PAY = ["尾款啥时候开始交", "付尾款在哪里付", "定金交完了 尾款怎么交", "尾款最晚哪天付", "定金已付 尾款从哪天起能付"]
SAYING_IT_IS_PAID = ["尾款已经付完了", "预售的定金付好了", "尾款付过了", "拍了 定金也交了"]
ASKING_WHEN_IT_SHIPS = ["定金付了什么时候能发", "付完尾款多久能发出"]


def test_how_and_when_to_pay_a_deposit_or_balance_is_payment(matcher):
    assert family_misses(matcher, ASKING_HOW_TO_PAY, "payment") == []


def test_a_paid_deposit_or_balance_told_is_an_order_placed(matcher):
    assert family_misses(matcher, SAYING_IT_IS_PAID, "order_placed") == []


def test_when_a_paid_presale_ships_stays_shipping_time(matcher):
    assert family_misses(matcher, ASKING_WHEN_IT_SHIPS, "shipping_time") == []
