"""What a reply says, whatever way it is typed: the matching copy (rules.normalise) and the reach
of a negation (an exception ends at a clause mark and governs only its own words)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import check
from kefu_assist.checker.rules import normalise


def rules_of(text: str) -> set[str]:
    return {f.rule for f in check(text)}


# -- the reach of a negation ------------------------------------------------------------------
# A clause that holds a negation (or a set phrase with 不/没/别) about something else, then a
# violation: the negation must not cancel it, with any clause mark between them or none at all.
LEADS = ["不好意思", "质量不错", "没问题", "没事的", "不客气", "别担心", "不着急的话", "这款绝对不掉色", "不贵的",
         "没关系", "不用谢", "不会褪色", "没有色差", "不起球的"]
MARKS = ["", "，", " ", "；", ";", "…", "...", "\n", "😊", ".", "～", "！", "。"]
VIOLATIONS = [
    ("invoice_refusal", "开票要加5个点"), ("invoice_refusal", "发票需要另外补税点"),
    ("card_fee", "花呗付款要多收2%手续费"), ("card_fee", "信用卡支付手续费您自己承担"),
    ("shipping_fee_breach", "包邮商品也得补10块运费"), ("cod", "货到付款要加收15元服务费"),
    ("off_platform", "加我微信聊"), ("off_platform", "私下转账给我"), ("off_platform", "扫我的收款码付款"),
    ("review_bribe", "五星好评返现8元"), ("review_bribe", "晒图评价送您5元红包"), ("absolute_claim", "绝对正品"),
    ("abuse", "爱买不买"), ("privacy", "把验证码发给我"), ("privacy", "上一个买家是杭州的王女士"),
    ("close_order", "您的订单我已经取消了"), ("close_order", "订单我们直接关闭了"),
    ("no_return", "一经售出概不退换"), ("no_return", "特价商品不支持七天无理由"),
]


@pytest.mark.parametrize(("rule", "violation"), VIOLATIONS)
def test_a_negation_in_an_earlier_clause_or_another_predicate_cancels_nothing(rule, violation):
    missed = [lead + mark for lead in LEADS for mark in MARKS if rule not in rules_of(lead + mark + violation)]
    assert missed == []


@pytest.mark.parametrize(
    "text",
    [
        "不用加其他联系方式", "在旺旺上就可以处理，不用加其他联系方式", "我们不做好评返现哦", "不要相信任何让您私下转账的人",
        "请不要相信任何让您加微信的信息", "我们不会要求您加微信的", "我们不会让您加 V 信或私下转账", "不需要好评返现，真实评价就好",
        "我们没有所谓的好评返红包", "请不要在平台外付款", "请不要把银行卡密码告诉任何人", "我们不会替您关闭订单的",
        "不要把验证码发给任何人", "开不开发票都是同一个价，不额外收费", "本店暂未开通货到付款", "支持七天无理由退换",
    ],
)
def test_a_negation_still_covers_its_own_words(text):
    assert rules_of(text) == set()


# -- the matching copy ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("off_platform", "加 我 微 信"), ("off_platform", "加我 v x"), ("off_platform", "加我微·信"), ("off_platform", "加我v-x"),
        ("off_platform", "加我wei xin"), ("off_platform", "有事加WeChat"), ("off_platform", "加我 微信"), ("off_platform", "加我微芯"),
        ("off_platform", "加我ＶＸ"), ("off_platform", "加我\u200b微\u200b信"), ("off_platform", "我的手机一三八一二三四五六七八"),
        ("off_platform", "進我們的粉絲群有福利"), ("review_bribe", "好評返現"), ("invoice_refusal", "發票要加６個點"),
        ("invoice_refusal", "票要另外收8%的税"), ("cod", "貨到付款的話服務費您承擔"), ("no_return", "清倉款售出概不退換"),
    ],
)
def test_variant_spellings_spacing_and_numerals_are_read(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize("text", ["好的 我看看", "加 入 购 物 车 就能看到优惠", "运费1.5元", "快递3-5天", "微信支付暂时用不了，可以用支付宝", "这款 不 掉 色"])
def test_what_only_looks_like_it_stays_quiet(text):
    assert rules_of(text) == set()


def test_normalise_maps_every_character_back():
    text = "加 我 微·信\u200b，发票加６个点…好的😊"
    norm, index = normalise(text)
    assert index is not None and len(index) == len(norm)
    assert norm.startswith("加我微信")
    assert all(a < b for a, b in zip(index, index[1:]))
    for f in check(text):
        assert 0 <= f.start < f.end <= len(text) and text[f.start : f.end] == f.text


_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_ANY = st.text(alphabet=st.one_of(_CJK, st.sampled_from(list(" ，。.;…\n😊·-_*\u200b微信vx加我一二三四五六七八九零ＶＸ")), st.characters()), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_ANY)
def test_normalise_is_a_monotonic_map_into_the_text(text):
    norm, index = normalise(text)
    if index is None:
        assert len(norm) == len(text)
        return
    assert len(index) == len(norm)
    assert all(0 <= i < len(text) for i in index)
    assert all(a < b for a, b in zip(index, index[1:]))
    for f in check(text):
        assert 0 <= f.start < f.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(VIOLATIONS), st.sampled_from([" ", "\u200b", "\u200c", "\u2060"]))
def test_spacing_out_a_violation_keeps_it_found(pair, gap):
    rule, violation = pair
    spaced = gap.join(violation)  # every character apart: 加 我 微 信
    assert rule in rules_of(spaced)
