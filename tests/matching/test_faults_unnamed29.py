"""A fault told without 坏 is a defect first: parts missing so the thing cannot be put together,
a key that does not spring back, a mark that stays after washing, a screen film with bubbles or a
crack. Before, such messages went to the install or washing card, or found nothing confident."""
from __future__ import annotations

import pytest

from .families import family_misses

FAULTS = [
    "书架的螺丝少给了三颗 拼不起来", "空格键按下去弹不起来", "鼠标左键按下去就不弹回来了",
    "回车键按下去卡住不起来", "新枕套上有几处黄渍 洗了也去不掉", "T恤上有一块墨点 洗了两遍还在",
    "贴好的钢化膜起了好多泡泡", "手机膜边上有裂纹", "膜一贴就鼓泡 还有条裂口",
    # a part missing and what it stops (the install card on 装不上 follows the fault's)
    "鞋柜少一个把手 装不上", "椅子少了个轮子 装不了",
]


@pytest.mark.parametrize("message", FAULTS)
def test_a_fault_told_without_its_word_is_a_defect(matcher, message):
    assert family_misses(matcher, [message], "defect") == []


@pytest.mark.parametrize("message", ["怎么安装", "可以机洗吗", "贴膜怎么贴才不会有气泡"])
def test_how_to_questions_keep_the_care_card(matcher, message):
    assert family_misses(matcher, [message], "care_warranty") == []


@pytest.mark.parametrize("message", ["电扇有异响 还在保修期吗", "桌腿松了 怎么拧紧"])
def test_a_care_question_beside_a_fault_keeps_its_card(matcher, message):
    assert family_misses(matcher, [message], "care_warranty") == []


@pytest.mark.parametrize("message", ["少两块 行不行", "能少两块钱不"])
def test_money_taken_off_is_no_missing_part(matcher, message):
    assert family_misses(matcher, [message], "bargain") == []
