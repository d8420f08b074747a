"""mood24: 滚 as an insult against 滚 opening a word. A message that began with 滚 was rude
(^滚), so a care question about a drum washer (滚筒洗衣机怎么清洗内筒) read upset and got an apology
card first; 滚开 is boiling water as often as "get lost". Every wording is my own."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import mood


def _cue_ids(text: str) -> set[str]:
    return {c.id for c in mood(text).cues}


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["滚筒", "滚轮", "滚珠", "滚刷", "滚烫", "滚边", "滚梳", "滚针", "滚雪球", "滚动条"]),
       st.sampled_from(["怎么清洗", "坏了能换吗", "有黑色的吗", "多少钱一个", "的那款还有吗", "是什么材质"]))
def test_a_word_that_opens_with_gun_is_no_insult(word, rest):
    text = word + rest
    assert "rude" not in _cue_ids(text) and "resigned" not in _cue_ids(text), mood(text)
    assert mood(text).label == "calm", mood(text)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["能用滚开的水冲吗", "水滚开了再放进去对吧", "滚开的水会烫坏杯子吗", "要等水滚开了才能下面吗"]))
def test_boiling_water_is_no_insult(text):
    assert "rude" not in _cue_ids(text), mood(text)
    assert mood(text).label == "calm", mood(text)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["滚", "滚！", "滚吧", "滚蛋", "滚远点", "滚开", "滚粗", "滚出去", "滚一边去"]),
       st.sampled_from(["", " 骗子", " 别烦我", "！！", "，不想看见你们"]))
def test_gun_said_to_the_shop_is_still_upset(word, rest):
    text = word + rest
    assert mood(text).upset, mood(text)
