"""A broken shipping promise stated, not asked (session 29): 说好的当天发呢, the listing's 48 hours
and the days since. It is the buyer pressing for the parcel (logistics, 催发货), not the question of
when the shop ships; the gate read the figures as chatter (telling.promise_broken,
Seconds._grievance_first). Own wordings."""
from __future__ import annotations

from .families import family_misses, first_confident

PROMISE_BROKEN = [
    "不是说好24小时内发货 这都三天了",
    "说好三天内发 现在一周了还没动静",
    "页面写着48小时发货 现在都第五天了",
    "承诺的隔天发呢",
    "说好的今天发呢",
    "不是说当天就发 这都周五了",
    "答应我隔天寄出 今天都第四天了",
    "说好的周一发 今天都周四了",
]

# asking when the shop ships, or a promise asked for: no promise broken yet
ASKED = [("48小时内能发吗", "shipping_time"), ("今天能发吗", "shipping_time")]


def test_a_broken_shipping_promise_is_pressed_for(matcher):
    wrong = family_misses(matcher, PROMISE_BROKEN, "logistics")
    assert len(wrong) <= 1, wrong


def test_a_promise_asked_for_is_the_shipping_time(matcher):
    got = [(m, first_confident(matcher, m)) for m, _ in ASKED]
    assert got == ASKED
