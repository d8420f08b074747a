"""Classes of wording the checker missed on the development sets 6 and 7 (issue 12, check8r),
each written as a class: a topic word and a burden or refusal word within a clause, with the
near-misses of the same class. Every case is worded anew, none is a line of an eval set. The
violations are held to the rules alone (no trained model)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from kefu_assist.checker.rules import normalise
from kefu_assist.checker.spelling import SPOKEN_WORDS

from .findings import pattern_rules_of, rules_of


# -- pinyin typed syllable by syllable, in part, or with tone marks ------------------------------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("invoice_refusal", "要开 fa piao 的话得加3个点"),
        ("invoice_refusal", "kai piao 另外收8%的税"),
        ("card_fee", "用 hua bei 付款要多收2%手续费"),
        ("card_fee", "xin yong ka 支付加收1%手续费哦"),
        ("shipping_fee_breach", "这款bao you，不过新疆要 bu 12 kuai"),
        ("shipping_fee_breach", "包yóu的，偏远地区要补15元邮费"),
        ("cod", "huo dao fu kuan 要多收 10 kuai 服务费"),
        ("cod", "货到fu款的话要加8块手续费"),
        ("review_bribe", "hao ping fan xian 3 yuan"),
        ("review_bribe", "五星好评返xian 5元"),
        ("abuse", "ai mai bu mai 啊"),
        ("privacy", "把支付宝 mi ma 发给我"),
        ("close_order", "ding dan wo yi jing bang ni qu xiao le"),
        ("no_return", "这款 tui huo bu zhi chi 哦"),
        ("absolute_claim", "bao zheng 正品，放心买"),
    ],
)
def test_rule_words_typed_in_pinyin_syllables_are_read(rule, text):
    assert rule in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "thank you for your patience, we ship today",
        "fa piao 随货寄出，不收任何费用",
        "bao you 的哦，新疆西藏也包",
        "I can ban the fan club",
        "hao ping 不用给我们截图，真实评价就好",
        "you can pay by card",
    ],
)
def test_pinyin_or_english_that_breaks_nothing_stays_quiet(text):
    assert rules_of(text) == set()


@pytest.mark.parametrize(("word", "syllables"), sorted(SPOKEN_WORDS.items()))
def test_each_reading_is_the_words_own_pinyin(word, syllables):
    said = lazy_pinyin(word, style=Style.NORMAL, v_to_u=False)
    assert syllables.split() == said


SYLLABLE_TEXT = st.lists(
    st.sampled_from(["bao", "you", "fa", "piao", " ", "  ", "6", "kuai", "jia", "5", "hao", "ping", "包", "票", "，", "xian", "返", "abc", "ó"]),
    max_size=14,
).map("".join)


@given(SYLLABLE_TEXT)
@settings(max_examples=300, deadline=None)
def test_reading_syllables_keeps_a_map_into_the_text(text):
    norm, index = normalise(text)
    if index is None:
        return
    assert len(index) == len(norm)
    assert all(a < b for a, b in zip(index, index[1:]))
    assert all(0 <= i < len(text) for i in index)
