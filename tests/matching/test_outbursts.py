"""A bare outburst (有没有搞错, 搞什么啊, 太离谱了; 离谱 said alone is as often the price, left out) is an angry buyer: the complaint card, not the
promotion cards its 有没有 and 搞 share with 有没有搞活动. Seen on a screenshot of a Cantonese
buyer's message (你哋搞乜鬼啊 等咗成个星期都未到 有冇搞错), whose confident cards were two promotion
scripts and whose week of waiting found nothing."""
from __future__ import annotations

import pytest

from .families import family_misses

OUTBURSTS = ["有没有搞错", "有冇搞错啊", "搞什么啊", "真是的 搞什么嘛", "太离谱了", "搞什么鬼", "搞什么飞机"]
# ... and what shares their words and asks about events
EVENTS = ["年底有没有搞活动", "这周末搞不搞活动", "最近有搞促销吗"]
# a week of waiting, said in Cantonese or Mandarin
WAITED = ["等咗成个星期都未到", "等了一个星期都没到", "等了整个礼拜还没到", "一个星期都没到 怎么回事"]


@pytest.mark.parametrize("message", OUTBURSTS)
def test_an_outburst_gets_the_complaint_card(matcher, message):
    assert family_misses(matcher, [message], "complaint") == []


@pytest.mark.parametrize("message", EVENTS)
def test_events_asked_keep_the_promotion_card(matcher, message):
    assert family_misses(matcher, [message], "promotion") == []


@pytest.mark.parametrize("message", WAITED)
def test_a_week_of_waiting_is_a_logistics_question(matcher, message):
    assert family_misses(matcher, [message], "logistics") == []


def test_the_cantonese_outburst_with_its_wait_gets_both(matcher):
    cards = [s for s in matcher.suggest("你哋搞乜鬼啊 等咗成个星期都未到 有冇搞错") if s.confident]
    assert [s.category for s in cards[:2]] == ["complaint", "logistics"], [(s.category, s.score) for s in cards]
