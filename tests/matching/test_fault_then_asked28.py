"""A fault told in one clause and, beside it, a question of what it means for the item (罐子瘪了一块 还能
吃吗, 封口是破的 是不是被人用过了, 边上磕了个口子 是路上碰的吗): the fault card comes first (rank28,
issue 10). The quality card of the question scored higher and led. A fault feared or met elsewhere
(别用两天就漏了, 上次买的那个半年就裂了) is the reason for a durability question: quality stays first.
Own wordings, none a line of an evaluation set."""
from __future__ import annotations

import pytest

from .families import family_misses

FAULT_THEN_ASKED = [
    "杯子底下有条裂纹 还能用吗",
    "收到的奶粉罐凹进去一块 奶粉会有问题吗",
    "盒子侧面压瘪了 里面的东西会不会有事",
    "碗边上磕了个口子 是路上碰的吗",
    "香肠包装漏气了 还能吃不",
]


@pytest.mark.parametrize("message", FAULT_THEN_ASKED)
def test_a_fault_told_leads_the_question_beside_it(matcher, message):
    assert family_misses(matcher, [message], "defect") == []


FEARED_OR_ELSEWHERE = [
    "保温杯结实吗 别用两天就漏了",
    "上次买的那个用半年就裂了 你家这个耐用吗",
    "耳机线结实吗 怕一扯就断",
    "这锅会不会用久了变形",
]


@pytest.mark.parametrize("message", FEARED_OR_ELSEWHERE)
def test_a_fault_feared_or_met_elsewhere_keeps_the_quality_question_first(matcher, message):
    assert family_misses(matcher, [message], "quality") == []
