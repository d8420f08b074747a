"""A bigger or smaller one asked for (有大一点的吗): whether the shop has another size of the item is
a stock question. Seen on a screenshot of a Wu buyer's message (迭件衣裳有大一眼的伐): the three
characters 有, 大, 一点 made the colour-difference card confident at 0.54, and the Mandarin
这件衣服有大一点的吗 found no card at all."""
from __future__ import annotations

import pytest

from .families import family_misses

BIGGER_OR_SMALLER = [
    "这件衣服有大一点的吗", "这个锅有大一点的吗", "还有再大一号的吗", "有没有宽松一点的",
    "有大一点的尺寸吗", "这件毛衣有小一点的吗 我太瘦了", "迭件衣裳有大一眼的伐", "有冇大啲嘅",
]


@pytest.mark.parametrize("message", BIGGER_OR_SMALLER)
def test_a_bigger_or_smaller_one_asked_for_is_a_stock_question(matcher, message):
    assert family_misses(matcher, [message], "stock") == []


@pytest.mark.parametrize("message", ["色差大吗", "有一点色差吗", "颜色和图片差得大吗"])
def test_colour_questions_keep_their_card(matcher, message):
    assert family_misses(matcher, [message], "color_difference") == []
