"""A long story of a fault, then a second question (session 29): the buyer tells what came broken,
asks what the shop will do about it, and asks for another of the same (stock). Both the fault's card
and the stock card are among the confident cards; a story typed without breaks is cut before the
remedy asked of the shop (normalize.run_on_pieces: 合页是歪的你们看咋弄). Wordings of our own.
"""
from __future__ import annotations

import pytest

from kefu_assist.matching.normalize import clauses, normalize


def confident_categories(matcher, message):
    return [s.category for s in matcher.suggest(message) if s.confident]


FAULT_THEN_STOCK = [
    "前几天在你们家买的书桌今天装好了 抽屉拉不动 有个滑轨是弯的 这个怎么处理 另外我还想给我儿子再买一张 还有货吗",
    "上周买的椅子到了 坐上去晃得厉害 一条腿短一截 你们看怎么办 对了这款还有灰色的吗 想再买一把",
    "我妈生日买的保温杯今天到了 盖子拧不紧 一倒就漏 怎么处理啊 还有我想再要两个一样的 有现货不",
    "前天在你家买的衣柜今天装上了柜门关不严有个铰链是松的你们看怎么办 还有我想给我妹也买一个同款的还有货吗",
]


@pytest.mark.parametrize("message", FAULT_THEN_STOCK)
def test_the_fault_and_the_stock_question_both_get_a_card(matcher, message):
    got = confident_categories(matcher, message)
    assert "defect" in got[:3] and "stock" in got[:3], got


def test_a_run_on_story_is_cut_before_the_remedy_asked():
    parts = clauses(normalize("昨天到的鞋柜门合不上有个合页是歪的你们看咋弄"))
    assert parts[-1] == "你们看咋弄", parts
