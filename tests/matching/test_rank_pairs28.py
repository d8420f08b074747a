"""Scenario pairs the matcher confused (rank28, issue 10), each settled by examples and a synonym group
of our own wording, none a line of an evaluation set:

- greeting / complaint: a ping for an answer (有人回一下吗) was an example of the complaint about a
  slow reply while 有没有人能回复一下 was the greeting's; it is the greeting's now, as the writers
  of the development sets read it. Waiting told (等半天没人回) stays a complaint.
- complaint / greeting: an agent who answers beside the point (答非所问, 问东答西, 牛头不对马嘴) is a
  grievance about the service, not a request for a human.
- color_difference / quality: 真的是这种X色吗 asks about the colour, not whether the goods are real.
"""
from __future__ import annotations

import pytest

from .families import family_misses

PAIRS = [
    ("有人回我一声不", "greeting"),
    ("喂 有人能理一下吗", "greeting"),
    ("哈喽 有人回个消息没", "greeting"),
    ("你们客服是不是机器人 老答非所问", "complaint"),
    ("自动回复说的驴唇不对马嘴", "complaint"),
    ("裤子真的是这种卡其色吗", "color_difference"),
    ("实物真是图上这个紫吗", "color_difference"),
    ("等了半天都没人回", "complaint"),
]


@pytest.mark.parametrize(("message", "category"), PAIRS)
def test_the_pair_is_told_apart(matcher, message, category):
    assert family_misses(matcher, [message], category) == []
