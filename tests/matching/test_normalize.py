"""Normalisation: what buyers type folds to one canonical form."""
from __future__ import annotations

import re
import time

import pytest

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kefu_assist.matching.normalize import MAX_CHARS, WHITESPACE_BUT_NEWLINE, clauses, normalize, normalize_many


def test_traditional_to_simplified():
    assert normalize("能開發票嗎") == "能开发票吗"
    assert normalize("這款有貨嗎?") == "这款有货吗"


def test_full_width_letters_digits_and_punctuation_fold():
    assert normalize("ＳＦ能到嗎？３件") == "sf能到吗 3件"
    assert normalize("Ｍ码还有吗！！！") == "m码还有吗"


def test_stickers_and_emoji_are_dropped():
    assert normalize("[微笑]在吗😀😀") == "在吗"
    assert normalize("包邮吗[偷笑][OK]👍🏻") == "包邮吗"
    assert normalize("发货了吗❤️‍🔥") == "发货了吗"


def test_repeated_punctuation_collapses_to_one_clause_break():
    assert normalize("便宜点吗？？？？！！！包邮吗。。。") == "便宜点吗 包邮吗"
    assert normalize("在吗~~~~~") == "在吗"


def test_homophone_typos_are_corrected():
    assert normalize("能包油吗") == "能包邮吗"
    assert normalize("有优惠卷吗") == "有优惠券吗"
    assert normalize("能发顺风吗") == "能发顺丰吗"
    assert normalize("这鞋片大还是片小") == "这鞋偏大还是偏小"
    assert normalize("拍错了 取销订单") == "拍错了 取消订单"


@pytest.mark.parametrize(("typed", "meant"), [("补贷了没", "补货了没"), ("有现贷吗", "有现货吗"), ("一直缺贷", "一直缺货"), ("断贷了吗", "断货了吗"),
                                              ("运废多少", "运费多少"), ("邮废谁出", "邮费谁出"), ("能腿货吗", "能退货吗"), ("腿款到了吗", "退款到了吗")])
def test_slips_of_stock_freight_and_return_words_are_corrected(typed, meant):
    assert normalize(typed) == meant


@pytest.mark.parametrize(("typed", "meant"), [("有获吗", "有货吗"), ("这款还有获没", "这款还有货没"), ("黑色没获了", "黑色没货了"),
                                              ("有获嘛", "有货嘛"), ("保邮吗", "包邮吗"), ("能保邮不", "能包邮不"),
                                              ("有涩差吗", "有色差吗"), ("涩差大不大", "色差大不大")])
def test_same_sound_slips_of_stock_free_shipping_and_colour_words_are_corrected(typed, meant):
    assert normalize(typed) == meant


@pytest.mark.parametrize("text", ["没有获得积分", "这次有收获吗", "获奖了", "保修多久", "苦涩的味道"])
def test_words_that_only_share_a_sound_stay(text):
    assert normalize(text) == text


@pytest.mark.parametrize("text", ["房贷好贵", "贷款批了", "银行放贷", "这个月还贷"])
def test_loans_stay_loans(text):
    assert normalize(text) == text


def test_mixed_english_and_digits_are_kept():
    assert normalize("SF能发吗 M码 3件") == "sf能发吗 m码 3件"


def test_urls_are_dropped():
    assert normalize("https://item.taobao.com/item.htm?id=123 这个有货吗") == "这个有货吗"


def test_clauses_split_questions_and_merge_fragments():
    assert clauses(normalize("能便宜点吗？包邮吗？")) == ["能便宜点吗", "包邮吗"]
    assert clauses("a 在吗") == ["a在吗"]
    assert len(clauses(" ".join(["问题"] * 50))) == 8


def test_long_paste_is_cut():
    assert len(normalize("好" * 1_000_000)) == MAX_CHARS


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
@example("薴")  # OpenCC's t2s takes two steps for it: 薴 -> 苧 -> 苎
def test_any_text_normalises_without_error_and_is_idempotent(text):
    once = normalize(text)
    assert isinstance(once, str)
    assert "  " not in once and once == once.strip()
    assert normalize(once) == once


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1000, max_size=5000))
def test_bounded_time(text):
    start = time.perf_counter()
    normalize(text * 50)
    assert time.perf_counter() - start < 2.0  # a generous bound against runaway regexes, not a benchmark


# normalize_many is what indexing a library uses; it must agree with normalize on every text.
_MESSY = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("能開發票嗎包油在马ＳＦ３件Ｍ码 \n\r\t\u3000\u2028\x85,.!?。，！？[微笑]/:)~e\u0301\u0308\ufe0f👍🏻❤️‍🔥www.http://a.cn")),
        st.characters(),
    ),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_MESSY, max_size=12))
def test_normalize_many_agrees_with_normalize(texts):
    assert normalize_many(texts) == [normalize(t) for t in texts]


def test_normalize_many_keeps_each_text_apart():
    texts = ["能開發票嗎", "", "包邮吗\n顺丰呢", "Ｍ码还有吗！！！", "x" * (MAX_CHARS + 50)]
    assert normalize_many(texts) == [normalize(t) for t in texts]
    assert normalize_many(texts)[2] == "包邮吗 顺丰呢"
    assert normalize_many([]) == []


def test_whitespace_list_is_pythons_own():
    everything = {chr(cp) for cp in range(0x110000) if chr(cp).isspace()} - {"\n"}
    listed = set(re.findall(f"[{WHITESPACE_BUT_NEWLINE}]", "".join(sorted(everything | set("ab\n")))))
    assert listed == everything


def test_heights_and_weights_in_chinese_numerals_become_digits():
    assert normalize("我一米八，一百六十斤左右") == "我180 160斤左右"
    assert normalize("一米六五 九十斤") == "165 90斤"
    assert normalize("1米7 一百二十五斤") == "170 125斤"
    assert normalize("一米五八九十斤拍哪个") == "158 90斤拍哪个"  # two numbers never run together
    assert normalize("身高一米六 體重一百零五斤") == "身高160 体重105斤"
    assert normalize("八十公斤 两百斤") == "80公斤 200斤"


def test_numerals_that_are_no_height_or_weight_stay():
    assert normalize("一米八的床单有吗") == "一米八的床单有吗"  # a bed, not a buyer
    assert normalize("一米五宽的桌子") == "一米五宽的桌子"
    assert normalize("买一送一 米色 三件") == "买一送一 米色 三件"
    assert normalize("一千斤") == "一千斤"
    assert normalize("21米5的绳子") == "21米5的绳子"
