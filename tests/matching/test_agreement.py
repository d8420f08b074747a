"""A shopping question nothing scored confidently for, where the nearest script and the co-ranker
name the same scenario and the gate finds no chatter: the nearest script is confident (the two
agreeing are right far more often than either's calibrated score says). Chatter stays without
a confident card."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.matching.deciding import Deciding

from .families import FixedRanker, MadeUp, scored



def confident(matcher, message: str) -> list[str]:
    return [s.category for s in matcher.suggest(message) if s.confident]


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("这件外套能不能少三十", "bargain"),
        ("这条裙子能少十块不", "bargain"),
        ("这个床垫多少钱能拿下", "bargain"),
        ("棉麻的能手洗吗", "care_warranty"),
        ("毛衣起静电怎么办", "care_warranty"),
    ],
)
def test_a_question_both_judges_place_alike_gets_its_scenario(matcher, message, category):
    assert confident(matcher, message)[:1] == [category]


# Everyday chatter in own words, of the kinds buyers send (family, food, weather, work, school,
# health, hobbies, holidays): none of it agrees its way to a confident card.
CHATTER = [
    "我儿子今天考了一百分", "晚上吃火锅还是烧烤", "这首歌叫什么名字", "我家狗狗生病了", "最近在追一部剧",
    "明天要加班好烦", "你平时喜欢干嘛", "周末准备去爬山", "今天堵车堵了两小时", "我想学做饭",
    "中秋节吃月饼了吗", "我刚下班到家", "帮我写个请假条", "推荐一本好看的书", "我失眠了睡不着",
    "外面在下大雨", "孩子不爱写作业怎么办", "最近胖了五斤", "昨晚做了个噩梦", "这道数学题怎么做",
    "中午吃什么好呢", "感冒了嗓子疼", "你喜欢猫还是狗", "电脑又蓝屏了", "好想放假", "明天要考驾照了",
    # prices and bills of other things: words of the shop's trade about something else
    "油价又涨了", "房价多少一平", "金价现在多少", "电影票多少钱", "今天菜市场的肉好贵", "房租又涨了",
    "手机话费用完了", "高铁票买不到",
]


@pytest.mark.parametrize("message", CHATTER)
def test_chatter_gets_no_confident_card(matcher, message):
    assert confident(matcher, message) == []



# The same within a message of several questions: a clause whose best script is close but not
# confident, both judges naming its scenario, is answered beside the other questions (it used to
# leave the top three to three cards of the other question).
@pytest.mark.parametrize(
    ("message", "wanted"),
    [
        ("包邮吗 真丝能手洗吗", {"shipping_fee", "care_warranty"}),
        ("什么时候发货 这件外套能不能少三十", {"shipping_time", "bargain"}),
        ("今天能发吗 这个书桌能少二十不", {"shipping_time", "bargain"}),
        ("毛衣起静电怎么办 有优惠券吗", {"promotion", "care_warranty"}),
        ("这条裙子能少十块不 发什么快递", {"courier", "bargain"}),
        ("亚麻裤子能烘干吗 会不会缩水", {"care_warranty", "quality"}),
    ],
)
def test_each_question_both_judges_place_alike_is_answered(matcher, message, wanted):
    assert wanted <= set(confident(matcher, message)[:3])


@pytest.mark.parametrize("chatter", ["我儿子今天考了一百分", "外面在下大雨", "最近胖了五斤", "明天要加班好烦"])
def test_chatter_beside_a_question_adds_no_card(matcher, chatter):
    assert set(confident(matcher, chatter + " 能便宜点吗")) <= set(confident(matcher, "能便宜点吗"))


# --- a near tie between the nearest script and one of the co-ranker's first class -------------
# Two scripts a hair apart (这件衣服多大了能穿: size.recommend and return_exchange.exchange, both at
# 0.52) are ordered by accident: a few examples added anywhere shift the IDF weights and swap them,
# and agreement, which took the nearest script only, was lost. The co-ranker breaks such a tie.

def test_the_co_rankers_class_wins_a_near_tie_with_the_nearest_script():
    d = MadeUp(["return_exchange", "size", "bargain"], Deciding._agreeing)
    ranker = FixedRanker({"size": 0.16, "return_exchange": 0.06, "bargain": 0.02})
    tie = scored({0: 0.52, 1: 0.515, 2: 0.30})
    assert d._agreeing("这件衣服多大了能穿", ranker, tie, 0) == 1
    # not when the co-ranker's class trails by more than agree_tie: that is no tie
    apart = scored({0: 0.52, 1: 0.52 - d.config.agree_tie - 0.01, 2: 0.30})
    assert d._agreeing("这件衣服多大了能穿", ranker, apart, 0) == -1
    # nor when the co-ranker is unsure between two classes (agree_margin)
    unsure = FixedRanker({"size": 0.16, "return_exchange": 0.15})
    assert d._agreeing("这件衣服多大了能穿", unsure, tie, 0) == -1
    # the nearest script of the co-ranker's class stays the answer
    assert d._agreeing("这件衣服多大了能穿", FixedRanker({"return_exchange": 0.3, "size": 0.1}), tie, 0) == 0


@settings(max_examples=200, deadline=None)
@given(scores=st.lists(st.floats(0.0, 1.0), min_size=1, max_size=6), probs=st.lists(st.floats(0.0, 1.0), min_size=3, max_size=3))
def test_agreement_names_the_nearest_script_or_a_near_tie_of_the_co_rankers_class(scores, probs):
    labels = ["a", "b", "c"]
    d = MadeUp([labels[i % 3] for i in range(len(scores))], Deciding._agreeing)
    made = scored(dict(enumerate(scores)))
    nearest = max(made, key=lambda k: (made[k].score, -k))
    proba = dict(zip(labels, probs))
    got = d._agreeing("x", FixedRanker(proba), made, nearest)
    first, second = sorted(probs, reverse=True)[:2]
    if got < 0:
        return
    assert first >= d.config.agree_margin * second
    assert proba[d._labels[got]] == first
    assert got == nearest or made[got].score >= max(d.config.agree_floor, made[nearest].score - d.config.agree_tie)
