"""Questions of food and fresh-produce shops and of older buyers (fit26, issue 10): the library had
little for them. Own wordings, none a line of an evaluation set or an example of the library.

- the library's examples: seeds and stones, wax, soaked fruit, free-range and same-day meat
  (quality); fruit gone soft or rotten, dead crabs, mould, empty shells, short weight (defect);
  whether fresh food can go back (return_exchange); how long it keeps once opened and how long a
  shelf life is (care_warranty.storage: most writers put 保质期多久 there, not under quality), how
  long to cook it (care_warranty.usage); how big or heavy one piece is (size);
- the vocabulary: 有没有核 and 有没有籽 are one word each (有没有 is every question's word: the card
  of 有没有优惠券 came first), and so are the ways of saying wax, short weight and empty shells;
- the chatter corpus: an older buyer's day told (family, food, a gift), naming goods and asking
  nothing, stays without a confident card.
"""
from __future__ import annotations

import pytest

from .families import family_misses, first_confident

FOOD_FAMILY = [
    ("苹果皮上打了蜡没", "quality"),
    ("这鸡是放养的还是关着养的", "quality"),
    ("羊肉是今天现杀的吗", "quality"),
    ("柚子酸不酸 有核吗", "quality"),
    ("寄来的梨子坏了好几个 一捏就软", "defect"),
    ("香肠上面起了一层白霉", "defect"),
    ("瓜子一大半是空壳", "defect"),
    ("水果这种生鲜可以退吗", "return_exchange"),
    ("拆了一包的红枣还能退不", "return_exchange"),
    ("瓜子开了口怎么放才不返潮", "care_warranty"),
    ("牛肉干拆开吃不完能放几天", "care_warranty"),
    ("这个腊肠要蒸多久才能吃", "care_warranty"),
    ("保质期有多长", "care_warranty"),
    ("一只螃蟹大概多重", "size"),
    ("一袋核桃是净重还是连袋子", "size"),
]

VOCABULARY_FAMILY = [
    ("葡萄有没有泡过药", "quality"),
    ("橙子甜不甜 有没有籽", "quality"),
    ("葡萄是无籽的吗", "quality"),
    ("苹果上过蜡吗", "quality"),
    ("买的三斤装 到手称了不够秤", "defect"),
    ("这次的米分量不足啊", "defect"),
    ("花生好多空壳", "defect"),
]

# told, not asked: no confident card
TOLD = ["楼下超市的鸡蛋又贵了两毛", "老伴儿腌的腊肉今年特别香"]


@pytest.mark.parametrize(("message", "category"), FOOD_FAMILY)
def test_a_food_question_finds_its_scenario(matcher, message, category):
    assert family_misses(matcher, [message], category) == []


@pytest.mark.parametrize(("message", "category"), VOCABULARY_FAMILY)
def test_food_words_are_one_word_each(matcher, message, category):
    assert family_misses(matcher, [message], category) == []


@pytest.mark.parametrize("message", TOLD)
def test_an_older_buyers_day_told_gets_no_confident_card(matcher, message):
    assert first_confident(matcher, message) is None
