"""canto28: written Cantonese in the buyer-mood reading (checker/moodcanto.py). The message is read as the Mandarin the
matcher reads (唔覆 -> 不回, 冇人理 -> 没人理, 呃人 -> 骗人, 激死 -> 气死), the cues are found in that reading and point
back into the message; Cantonese anger the reading does not carry (衰人, 玩死我, 好寸, 当我水鱼, 又话…又话) has cues of its
own; the tone reads the same Mandarin. Calm Cantonese (唔该, 冇问题, 差评 denied, 攰 from work) stays calm. Every wording is
my own."""
from __future__ import annotations

import pytest

from kefu_assist.checker import mood
from kefu_assist.checker.moodcanto import reading
from kefu_assist.checker.rules import fold

from .moodfamilies import read_calm, read_upset


@pytest.mark.parametrize("text", [
    "問咗你哋五六次都唔覆 咩服務嚟㗎",
    "激死人 又寄漏一件",
    "你哋係咪專登呃人㗎",
    "衰店 收咗錢就唔理",
    "冇人理我 我等咗成個禮拜",
    "俾你哋玩死 退個貨退足三個禮拜",
    "你哋個客服講嘢好寸",
    "講大話 話尋日寄 到而家都未寄",
    "當我水魚咩 運費收雙倍",
    "一時話有貨 一時話冇貨 你哋搞乜",
    "再拖多日我就唔要",
    "咁簡單嘅嘢都搞唔掂",
    "黐線 寄個爛嘅俾我",
])
def test_cantonese_anger_is_upset(text):
    read_upset(text)


@pytest.mark.parametrize("text", [
    "唔該晒 收到喇",
    "冇問題 我慢慢等",
    "放心 我唔會俾差評",
    "好攰呀 放工先覆你",
    "呢隻有冇細碼呀",
    "唔好意思 我填錯咗電話",
    "多謝你哋 包得好好",
    "我諗多陣先 唔急",
])
def test_calm_cantonese_is_calm(text):
    read_calm(text)


def test_a_cue_found_in_the_reading_points_into_the_message():
    text = "你哋係咪呃人㗎"
    got = mood(text)
    assert got.upset
    words = [c for c in got.cues if c.start >= 0]
    assert words and all(text[c.start : c.end] == c.text for c in words)
    assert any("呃人" in c.text for c in words)


def test_the_reading_maps_each_character_back():
    folded = fold("唔覆我")
    said, spans = reading(folded)
    assert said == "不回我"
    assert len(spans) == len(said)
    assert all(0 <= s < e <= len(folded) for s, e in spans)


def test_mandarin_has_no_reading():
    assert reading(fold("你们怎么还不发货")) is None
