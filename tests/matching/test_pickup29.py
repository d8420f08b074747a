"""Where the parcel is handed over (to the door, a dormitory, a parcel locker, a station, a
convenience-store counter) is a courier question, in traditional characters too. Before, these
went to delivery time or the order note, or found nothing; a request to note it stays order_change."""
from __future__ import annotations

import pytest

from .families import family_misses

PICKUP = [
    "可以在超商取货吗", "可以到超商取貨嗎", "能寄到7-11吗", "能放快递柜吗", "放菜鸟驿站还是送货上门",
    "寄到学校的话会送到我们宿舍楼吗", "可以送貨上門嗎", "送到家门口吗还是放驿站", "能不能寄到全家让我自己去拿",
]


@pytest.mark.parametrize("message", PICKUP)
def test_where_the_parcel_is_handed_over_is_a_courier_question(matcher, message):
    assert family_misses(matcher, [message], "courier") == []


@pytest.mark.parametrize("message", ["别放驿站 送到家", "要送货上门 帮我备注下"])
def test_a_delivery_request_to_note_stays_an_order_change(matcher, message):
    assert family_misses(matcher, [message], "order_change") == []
