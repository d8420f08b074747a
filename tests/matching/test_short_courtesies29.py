"""Short messages of three kinds that went to chatter or to another card (session 29): a buyer
torn between two options (纠结 …还是…, 选哪个好), thanks with 感恩 or 收到, and a greeting with a
word about the buyer (你好 我第一次网购), which the bargain card for first-time buyers took on the
keyword 头一次. Own wordings, a family each; at most ``allowed`` may miss."""
from __future__ import annotations

import pytest

from .families import family_misses, first_confident

FAMILIES = {
    "hesitation": (["大号还是小号 纠结死了", "选哪个好 好纠结", "红的好还是绿的好 拿不定主意", "黑的白的都好看 纠结", "两款都想要 选不出来 emmm",
                    "纠结蓝色还是灰色 啊啊"], 2),
    "thanks": (["ok ok 感恩", "感恩", "感恩感恩", "好的好的 感恩亲", "收到收到 感恩", "好嘞 收到 感恩"], 1),
    "greeting": (["你好 我第一次网购", "你好你好 我头回网上买东西 不太会", "在吗 我是新手 头一次在网上买", "您好 我是第一次来你家",
                  "哈喽 我是新来的 第一次买"], 2),
}


@pytest.mark.parametrize("category", list(FAMILIES))
def test_each_short_message_finds_its_scenario(matcher, category):
    messages, allowed = FAMILIES[category]
    wrong = family_misses(matcher, messages, category)
    assert len(wrong) <= allowed, wrong


@pytest.mark.parametrize("message", ["第一次买能少点吗", "头一次来 打个折呗", "初次买 便宜点"])
def test_a_first_time_buyer_bargaining_still_bargains(matcher, message):
    assert first_confident(matcher, message) == "bargain"
