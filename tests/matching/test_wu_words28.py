"""Wu (Shanghai, Suzhou, Ningbo, Hangzhou) as buyers type it, read as the Mandarin the library uses
(rank28, issue 10). Own wordings, none a line of an evaluation set.

The question particle 伐 (有货伐 = 有货吗), 侬 (你), 阿拉 (我们), 覅/勿 (不要/不), 几钿 (多少钱),
啥辰光 (什么时候), 哪能 (怎么), 迭个/搿只 (这个), 便宜一眼 (一点), 取消脱 (掉), 额 for 的 after what
Wu puts it after; Mandarin words made of the same characters stay as they are.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.matching.normalize import normalize

from .families import family_misses


def test_wu_words_read_as_mandarin():
    assert normalize("迭根项链还有现货伐") == "这根项链还有现货吗"
    assert normalize("搿只手镯几钿") == "这只手镯多少钱"
    assert normalize("侬好 有人辣海伐") == "你好 有人在吗"
    assert normalize("阿拉老客户了 好再便宜一眼伐") == "我们老客户了 好再便宜一点吗"
    assert normalize("覅了 帮我取消脱") == "不要了 帮我取消掉"
    assert normalize("迭块表勿走了 哪能办") == "这块表不走了 怎么办"
    assert normalize("啥辰光发货") == "什么时候发货"
    assert normalize("快递几化钞票") == "快递多少钱"
    assert normalize("收到额链子断脱了") == "收到的链子断掉了"
    assert normalize("迭件衣裳阿有大一号的") == "这件衣裳有没有大一号的"


def test_mandarin_that_shares_the_characters_is_left_alone():
    for text in ["砍伐树木", "步伐太快", "迪卡侬的帐篷", "寄到阿拉善盟", "阿拉伯数字", "伊拉克",
                 "余额不足", "金额不对", "首发额度多少", "我额外买了一个", "高潮迭起", "更迭",
                 "空欢喜一场", "皆大欢喜", "满心欢喜地等"]:
        assert normalize(text) == text


# (message, scenario): own wordings, as a Wu-speaking buyer types them
WU_FAMILY = [
    ("迭根项链还有现货伐", "stock"),
    ("侬好 有人辣海伐", "greeting"),
    ("迭副耳环会褪色伐", "quality"),
    ("啥辰光发货", "shipping_time"),
    ("阿拉老客户了 好再便宜一眼伐", "bargain"),
    ("覅了 帮我取消脱", "cancel_order"),
    ("发票开得出伐", "invoice"),
    ("好额 晓得了 谢谢侬", "thanks"),
    ("我再想想 明朝再讲", "hesitation"),
    ("邮费侬出还是阿拉出", "shipping_fee"),
]


@pytest.mark.parametrize(("message", "category"), WU_FAMILY)
def test_a_wu_question_finds_its_scenario(matcher, message, category):
    assert family_misses(matcher, [message], category) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["伐", "砍", "侬", "迪卡", "阿拉", "善", "伯", "额", "度", "好", "发", "迭", "个", "起",
                                 "脱", "退", "勿", "请", "一眼", "便宜", "辰光", "啥", "几钿"] + [" ", "？"]), max_size=12))
def test_the_reading_is_idempotent(pieces):
    text = normalize("".join(pieces))
    assert normalize(text) == text
