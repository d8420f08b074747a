"""Whether the item fits the buyer's own thing or head, told by measures or by 头大 without the word
尺码, is a size question. Before, a pillowcase against the buyer's pillow found no confident card
and ear muffs on a big head led with quality."""
from __future__ import annotations

import pytest

from .families import family_misses

FITS = [
    "被套200乘230 我的被子180乘220能套进去吗", "这对枕套多大 我家枕头是46乘72的 装得下吗",
    "我的被子150乘200 这个被罩套得上吗", "这款耳罩尺寸大吗 我脑袋大 怕勒得慌", "头围比较大 戴着会勒吗",
    "这个头箍戴久了夹不夹头",
]


@pytest.mark.parametrize("message", FITS)
def test_a_fit_told_by_measures_is_a_size_question(matcher, message):
    assert family_misses(matcher, [message], "size") == []
