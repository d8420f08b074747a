"""Whether a product does its job (blocks the light, cancels noise, sounds good, keeps warm,
sucks up dirt) is a quality question, first even beside 值不值这个价. Before, such questions found
no confident card or led with the bargain card."""
from __future__ import annotations

import pytest

from .families import family_misses

DOES_ITS_JOB = [
    "上夜班白天要睡觉 这窗帘挡光行不行", "遮光效果好不好", "这个遮光帘能挡住太阳吗", "这耳机降噪能有广告里那么厉害吗",
    "耳机降噪在地铁上管用吗", "这音箱音效怎么样 值不值这个钱", "这个吸尘器吸力大不大", "保温杯保温效果怎么样",
    "空气净化器真能除甲醛吗",
]


@pytest.mark.parametrize("message", DOES_ITS_JOB)
def test_whether_it_does_its_job_is_a_quality_question(matcher, message):
    assert family_misses(matcher, [message], "quality") == []


@pytest.mark.parametrize("message", ["太贵了", "真的值这个价吗"])
def test_the_price_alone_keeps_the_bargain_card(matcher, message):
    assert family_misses(matcher, [message], "bargain") == []
