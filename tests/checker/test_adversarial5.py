"""Classes of wording the checker missed or wrongly flagged on check5's adversarial set
(benchmarks/eval/checker/adversarial5_drafts.tsv); every case here is worded anew, none is a line
of that set. Kept out of test_checker.py and test_normalise.py on purpose: the reply model's
thresholds are chosen above every literal of those files (replytrain._suite_literals)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import check
from kefu_assist.checker.rules import normalise


def rules_of(text: str) -> set[str]:
    return {f.rule for f in check(text)}


# -- the matching copy: an emoji inside a word, a star after a numeral, financial numerals ------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("card_fee", "花🌸呗付款要加2个点哦"),
        ("card_fee", "信用🍀卡支付要多收百分之一手续费"),
        ("off_platform", "亲，您加我微💕信吧"),
        ("off_platform", "方便的话加个扣🌙扣，号码发您"),
        ("review_bribe", "好🌟评返现3元哦"),
        ("review_bribe", "晒🎀图评价送您5元红包"),
        ("abuse", "你神经🙄病吧"),
        ("no_return", "一经🔥售出概不退换"),
    ],
)
def test_an_emoji_typed_inside_a_word_does_not_hide_it(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize("text", ["质量很好哦😊加购物车就能看到优惠", "好的呢🌹祝您生活愉快", "不客气哦😊欢迎下次光临", "感谢支持呀💕我们会尽快发货"])
def test_an_emoji_after_a_particle_still_ends_the_clause(text):
    norm, _ = normalise(text)
    assert "。" in norm
    assert rules_of(text) == set()


@given(st.sampled_from("😊🌸💕🔥⭐🎀🙄"), st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6),
       st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6))
@settings(max_examples=200, deadline=None)
def test_an_emoji_between_characters_maps_back(emoji, left, right):
    text = left + emoji + right
    norm, index = normalise(text)
    assert index is not None and len(index) == len(norm)
    assert all(a < b for a, b in zip(index, index[1:]))
    assert emoji not in norm and len(norm) in (len(text), len(text) - 1)


@pytest.mark.parametrize(
    ("rule", "text"),
    [("review_bribe", "给个5★，送您小样"), ("review_bribe", "亲，五🌟的话返您两块"), ("review_bribe", "五★好评截图发我领红包"), ("review_bribe", "给个5⭐，返您3元")],
)
def test_a_star_after_a_numeral_reads_as_xing(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("cod", "貨到付款的話加收伍元"),
        ("invoice_refusal", "开票要另加叁个点"),
        ("shipping_fee_breach", "包邮的，内蒙古要另付拾伍块"),
        ("shipping_fee_breach", "这款包邮，宁夏加拾元"),
        ("card_fee", "花呗付款要加贰个点"),
    ],
)
def test_financial_numerals_read_as_numbers(rule, text):
    assert rule in rules_of(text)


def test_financial_numerals_outside_a_sum_stay_as_they_are():
    assert normalise("我们的队伍很专业")[0] == "我们的队伍很专业"
    assert rules_of("这款收纳盒可以收拾得很整齐，伍德风格") == set()


# -- the buyer's question restated: the answer is checked, not the quote ------------------------
@pytest.mark.parametrize(
    "text",
    [
        "亲，您问开票要不要加税点，不用的哦，价格不变",
        "亲，您说能不能加个微信？抱歉哦，我们只在旺旺上服务",
        "亲，您问花呗付款是不是要手续费，不需要的",
        "您刚才问货到付款会不会多收钱，不会的，一个价",
        "亲，您想问包邮的新疆要不要补运费吗？不用补的",
        "亲，您咨询的好评返现有没有，我们没有这类活动哦",
        "您问特价的是不是不退不换，不是的，七天无理由都支持",
    ],
)
def test_a_restated_buyer_question_is_not_the_agents_words(text):
    assert rules_of(text) == set()


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("card_fee", "您问要不要加钱，要的，信用卡付款加2%手续费"),
        ("off_platform", "您问怎么联系我？加我微信kefu888就行"),
        ("shipping_fee_breach", "您说的包邮，新疆要补10元运费"),
        ("review_bribe", "您说好评有没有奖励，有的，五星好评返5元"),
    ],
)
def test_the_answer_after_a_restated_question_is_still_checked(rule, text):
    assert rule in rules_of(text)


# -- 要不 (a suggestion) and 不过 (a turn) are no negations --------------------------------------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("off_platform", "亲，要不加个扣扣吧，传图方便"),
        ("off_platform", "要不您加我vx聊"),
        ("off_platform", "要不然加我微信吧"),
        ("cod", "货到付款没问题，不过要多收8元服务费"),
        ("card_fee", "花呗可以用，不过得加3个点"),
        ("invoice_refusal", "发票能开，不过要加6个点"),
    ],
)
def test_a_suggestion_or_a_turn_is_no_negation(rule, text):
    assert rule in rules_of(text)


# -- 包邮 granted, then taken back in a later clause -----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "亲，这个是包邮的呢，只是您那边属于偏远地区，还要补差价八元",
        "免邮是没错的，就是您这个地址得加10块钱运费",
        "店里全部包邮哦～就是单买一个的话要加三块邮费",
        "包邮的亲，您那里是山区，快递员到时会收一点派送费",
    ],
)
def test_a_postage_charge_after_baoyou_in_a_later_clause_is_found(text):
    assert "shipping_fee_breach" in rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["包邮的哦，新疆西藏也不用补运费", "包邮的亲，偏远地区也没有额外费用", "这款包邮～下单后48小时内发货", "满88包邮，您再加一件就够了"],
)
def test_baoyou_without_a_charge_stays_quiet(text):
    assert "shipping_fee_breach" not in rules_of(text)


# -- invoices refused or priced in other words ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "这是清仓价了，就不附带发票了",
        "活动价格开不了票的哦",
        "要发票的话得按原价重新拍一次才能开",
        "开发飘要加3个点",
        "这个价开不出来发票哈",
    ],
)
def test_an_invoice_refused_in_other_words_is_found(text):
    assert "invoice_refusal" in rules_of(text)


@pytest.mark.parametrize("text", ["价格跟不开票是一样的", "开票和不要票一个价", "税点我们出，跟没开票的价格相同"])
def test_the_same_price_as_without_an_invoice_stays_quiet(text):
    assert "invoice_refusal" not in rules_of(text)


# -- negative phrasing with a word between, and 但是 inside 不但是 -----------------------------------
@pytest.mark.parametrize("text", ["这个我实在不能给您便宜", "我这边不会帮您改地址的", "我确实不能处理这个"])
def test_a_refusal_about_oneself_with_a_word_between_is_found(text):
    assert "negative_phrasing" in rules_of(text)


@pytest.mark.parametrize("text", ["这款不但是真皮的，还送护理油", "我们不但是厂家直销，还有售后", "我真的不会让您吃亏的"])
def test_budan_and_a_kind_promise_are_no_negative_phrasing(text):
    assert "negative_phrasing" not in rules_of(text)


# -- the same characters meaning something else ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["这件外套是扣扣子的款式", "威信牌的电热水壶我们没有哦", "这个音箱连上手机，用微信语音通话很清楚", "手表支持用微信扫一扫付款吗？支持的"],
)
def test_contact_app_lookalikes_stay_quiet(text):
    assert "off_platform" not in rules_of(text)


@pytest.mark.parametrize("text", ["我们不敢保证一定今天发，尽量给您安排", "不能保证百分百不褪色，一般不会"])
def test_a_negated_promise_covers_its_clause(text):
    assert "absolute_claim" not in rules_of(text)


# -- the second batch's classes: a limit that names its own exception (内衣以外, 除了…额外) ---------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("no_return", "袜子以外的商品拆开了也不能退"),
        ("no_return", "除内裤之外，其它穿过就不给退"),
        ("shipping_fee_breach", "全部包邮的，除了海南要额外补8元"),
        ("shipping_fee_breach", "包邮的哈，除了西藏另外加十块"),
    ],
)
def test_a_limit_that_names_what_it_excludes_does_not_excuse_a_charge(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["贴身内衣拆封后不能退，这是平台规定的", "除了新疆西藏外都包邮，那边运费按模板", "定制的刻字款不支持七天无理由"],
)
def test_the_legal_exclusions_still_hold(text):
    assert rules_of(text) == set()


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("no_return", "收到货以后我们不接受无理由退货哦"),
        ("no_return", "这款不支持7天无理由"),
        ("cod", "货到付款也行，不过那样的话就不参加满减活动了"),
        ("cod", "选货到付款的话这单就不送赠品了"),
        ("invoice_refusal", "发票能开，不过没法按活动价开"),
        ("invoice_refusal", "开具发票的话需要按划线价来算"),
        ("shipping_fee_breach", "免邮的亲，就是您那边太远，贴个五块就行"),
    ],
)
def test_refusals_and_charges_in_other_words_are_found(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["在这里说就可以，不用加小绿哦", "请勿添加自称是店铺客服的微信", "别相信陌生人发来的二维码", "不要加冒充我们的人的vx"],
)
def test_warnings_about_other_apps_stay_quiet(text):
    assert "off_platform" not in rules_of(text)


# -- the third batch's classes: pinyin and chat abbreviations, sentence exemptions for the model ---
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("invoice_refusal", "亲，要kaipiao的话加6个点"),
        ("shipping_fee_breach", "亲，baoyou的，但是您那边要补10块yunfei"),
        ("review_bribe", "给个hp送您红包"),
        ("review_bribe", "亲，五星haoping返3r"),
        ("off_platform", "亲，直接zfb转账给我"),
        ("card_fee", "用xyk付要多收2%手续费"),
        ("privacy", "把zhifubao的mima发我一下"),
    ],
)
def test_rule_words_in_pinyin_or_abbreviations_are_read(rule, text):
    assert rule in rules_of(text)


def test_pinyin_spans_cover_the_whole_word():
    text = "亲，要kaipiao的话加6个点"
    spans = [text[f.start : f.end] for f in check(text) if f.rule == "invoice_refusal"]
    assert spans and all(not s.endswith(("k", "ka", "kai")) for s in spans)


@pytest.mark.parametrize("text", ["hp打印机的墨盒有货", "5rmb的小样", "亲，这款是hp的原装配件", "尺码是xl，颜色是rose"])
def test_letters_that_are_not_rule_words_stay_letters(text):
    norm, _ = normalise(text)
    assert not any(w in norm for w in ("好评", "元mb", "发票"))


@pytest.mark.parametrize(
    "text",
    [
        "亲，货到付款收手续费是快递的做法，我们这边没开通货到付款",
        "亲，这个订单已经被您取消了，需要的话重新拍",
        "亲，订单是您自己关闭的，可以重新下单哦",
    ],
)
def test_a_sentence_the_rule_exempts_is_exempt_from_the_model_too(text):
    assert rules_of(text) == set()


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("abuse", "什么人啊这是，问个不停"),
        ("abuse", "别烦我行不行"),
        ("no_return", "退是可以退，不过要扣10%的折旧费"),
        ("no_return", "能退，就是得扣二十块"),
        ("absolute_claim", "这是全店最好用的一款"),
        ("card_fee", "花呗分期的话，手续费需要您另外转给我们"),
    ],
)
def test_more_wordings_of_the_third_batch_are_found(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize("text", ["退货不收任何费用", "退货不扣钱，运费险赔", "衣服最好用冷水手洗"])
def test_their_compliant_twins_stay_quiet(text):
    assert rules_of(text) == set()


# -- the fourth batch's classes: homophone typos, a charge across a question or a full stop --------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("card_fee", "花贝分期要多收3个点"),
        ("shipping_fee_breach", "包油的亲，海南补8元"),
        ("no_return", "打开了就不退欢了"),
        ("review_bribe", "五星好坪返限3元"),
    ],
)
def test_homophone_typos_of_rule_words_are_read(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize("text", ["她的头发漂亮吧", "面包油炸过的不好吃", "这款发漂白剂要慎用"])
def test_words_that_only_contain_a_typo_stay_as_they_are(text):
    assert normalise(text)[0] == text


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("card_fee", "您是用花呗吧？那我给您改价，上浮2个点"),
        ("card_fee", "信用卡付款银行会扣点，您补一下"),
        ("shipping_fee_breach", "这款是包邮的。不过您那边偏，得额外付八块"),
        ("review_bribe", "中评能改成五星吗？改了我们返您5元"),
        ("invoice_refusal", "公司报销的话得多收三个点"),
        ("invoice_refusal", "票据是不提供的哈"),
        ("off_platform", "扫一下我的收款二维码"),
        ("abuse", "就这素质，还好意思问"),
    ],
)
def test_a_charge_across_a_question_or_a_full_stop_and_other_fourth_batch_wordings(rule, text):
    assert rule in rules_of(text)


@pytest.mark.xfail(strict=True, reason="found by the reply model before check8m's recipe, not by the rules; the model's thresholds are now chosen on writers it never saw")
def test_a_red_packet_asked_for_in_chat_is_a_known_miss():
    assert "off_platform" in rules_of("直接给我发个红包就行")


@pytest.mark.parametrize(
    "text",
    ["顺丰的话补差价也可以，您自己决定", "粉丝群就是淘宝的店铺群，首页能进", "报销用的发票抬头写公司名就行，价格不变", "红包是平台发的，下单自动抵扣"],
)
def test_the_fourth_batchs_compliant_twins_stay_quiet(text):
    assert rules_of(text) == set()


# -- the fifth batch's classes: colloquial numerals and words (俩, 仨, 木有, 掏, 自个儿, 明儿个) --------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("card_fee", "刷信用卡得多收俩点"),
        ("invoice_refusal", "开发票要加仨点"),
        ("card_fee", "分期的手续费得您自个儿掏"),
        ("cod", "货到付款得多掏八块"),
        ("no_return", "这款木有七天无理由哈"),
        ("negative_phrasing", "这个我也木有办法"),
        ("absolute_claim", "明儿个指定能发货"),
        ("cod", "这单就不给您整货到付款了"),
        ("off_platform", "咱们微信上下单吧"),
        ("privacy", "之前那个买家叫王丽，住在滨江"),
        ("shipping_fee_breach", "包邮的哈，就是山区得贴点运费"),
        ("invoice_refusal", "发票能开，就是要等收货后再补两点的税"),
    ],
)
def test_colloquial_numerals_and_words_are_read(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["俩人一起用刚好", "他掏出手机看了一下物流", "木有问题，马上发", "咱们自个家的工厂，品质放心", "开票时间是下午三点以后"],
)
def test_colloquial_words_in_other_senses_stay_quiet(text):
    assert rules_of(text) == set()


# -- the sixth batch's classes: formal notices, limits to some buyers, windows under seven days -----
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("invoice_refusal", "发票只对正价购买的订单开具"),
        ("invoice_refusal", "秒杀商品恕不开具发票"),
        ("cod", "货到付款仅限老客户，新客户暂不提供"),
        ("off_platform", "有事可以拨打店长的私人电话"),
        ("negative_phrasing", "退款不属于本人的职责范围"),
        ("negative_phrasing", "这个需求我无法满足"),
        ("abuse", "请不要无理取闹"),
        ("privacy", "请把登录验证码告知客服"),
        ("no_return", "打开过的商品不属于退货范围"),
        ("no_return", "退货请在签收后5日内申请"),
        ("cod", "cod要加收十块"),
    ],
)
def test_formal_notices_and_limits_are_found(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "本店暂未开通货到付款服务",
        "退款原路返回，不需要提供银行卡号和身份证号",
        "验证码请勿告知任何人",
        "退货请在签收后七日内申请",
        "这款香薰对睡眠有一定的帮助",
    ],
)
def test_formal_compliant_notices_stay_quiet(text):
    assert rules_of(text) == set()


# -- what the model may add: not on clauses the rule's own exceptions negate, not in exempt sentences
class _ClauseModel:
    """A model that flags ``rule`` on every clause of the reply (to test the engine's filter alone)."""

    def __init__(self, rule: str):
        self.rule = rule

    def hits(self, text, skip=()):
        import re

        from kefu_assist.checker.replymodel import ModelHit

        return [ModelHit(self.rule, m.start(), m.end(), 9.0) for m in re.finditer(r"[^，。！？]+", text)][:1] if self.rule not in skip else []


def _with_model(rule: str):
    from kefu_assist.checker import Checker, default_checker

    return Checker(default_checker().rules, _ClauseModel(rule))


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("privacy", "无需提供身份证号和银行卡号"),
        ("privacy", "验证码不要告诉任何人"),
        ("absolute_claim", "不敢保证一定明天到"),
        ("off_platform", "不用加其他联系方式"),
        ("review_bribe", "我们不做好评返现"),
        ("cod", "本店暂未开通货到付款，可以用花呗"),
        ("close_order", "订单已经被您取消了"),
    ],
)
def test_the_model_adds_nothing_where_the_rules_own_reading_says_no(rule, text):
    assert rule not in {f.rule for f in _with_model(rule).check(text)}


@pytest.mark.parametrize(
    ("rule", "text"),
    [("privacy", "麻烦把账户信息整理一下"), ("absolute_claim", "这款洗了不变形"), ("review_bribe", "收到后记得来评价")],
)
def test_the_model_still_adds_where_no_negating_exception_reaches(rule, text):
    assert rule in {f.rule for f in _with_model(rule).check(text)}


# -- the seventh batch's classes: English in a Chinese reply, an echoed question, curt refusals -----
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("invoice_refusal", "invoice要另加6%的tax"),
        ("card_fee", "用credit card要多收2%"),
        ("shipping_fee_breach", "free shipping的，不过海南补八块"),
        ("no_return", "这款no refund哦"),
        ("shipping_fee_breach", "包邮吗？包的，只是您那边得补十元"),
        ("cod", "货到付款？行，加十五"),
        ("negative_phrasing", "这个我怎么知道"),
        ("abuse", "嫌贵就别买"),
        ("close_order", "订单取消了哈，库存不够"),
        ("no_return", "亲，不退的哦"),
    ],
)
def test_english_words_echoed_questions_and_curt_refusals_are_found(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["invoice可以开，不加tax", "free shipping，新疆也包", "这款不退色哦", "return的话七天内都可以", "货到付款？暂时没开通哦"],
)
def test_their_compliant_twins_in_english_stay_quiet(text):
    assert rules_of(text) == set()


# -- the eighth batch's classes: euphemisms for money and refusals ---------------------------------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("invoice_refusal", "发票能开，您给点税钱就行"),
        ("invoice_refusal", "票我们一般不弄的"),
        ("card_fee", "刷卡那部分的钱您帮我们出一下"),
        ("card_fee", "花呗分期的话，您把被扣的手续费补上"),
        ("shipping_fee_breach", "包邮的，不过您那儿远，给个十块邮费吧"),
        ("abuse", "您这不是鸡蛋里挑骨头嘛"),
        ("abuse", "就是想白嫖吧"),
        ("no_return", "特价的退货免谈"),
        ("no_return", "七天无理由我们办不到"),
        ("off_platform", "走平台太麻烦，我直接退给您"),
    ],
)
def test_euphemisms_for_money_and_refusals_are_found(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["开票的成本我们店里承担", "寄过去多出来的邮费我们出", "走平台下单最安全", "验证码是发到您手机上的，别告诉别人"],
)
def test_the_shop_paying_and_advice_stay_quiet(text):
    assert rules_of(text) == set()


# -- the matching copy maps back, whatever mix of readings a reply holds ---------------------------
_PIECES = st.sampled_from(
    ["fapiao", "free shipping", "hp", "5r", "花贝", "包油", "木有", "掏钱", "拾伍元", "俩点", "五⭐", "花🌸呗", "😊", " ", "，", "您问",
     "要不要", "？", "加我", "微信", "发票", "包邮", "退", "invoice", "credit card", "亲", "不", "tax", "a", "1", "\u200b"]
)


@given(st.lists(_PIECES, max_size=12))
@settings(max_examples=300, deadline=None)
def test_every_reading_maps_back_into_the_text_as_typed(pieces):
    text = "".join(pieces)
    norm, index = normalise(text)
    if index is not None:
        assert len(index) == len(norm)
        assert all(0 <= i < len(text) for i in index)
        assert all(a < b for a, b in zip(index, index[1:]))
    for f in check(text):
        assert 0 <= f.start < f.end <= len(text) and f.text == text[f.start : f.end]


# -- the ninth batch's classes: 负担 for 承担, 不归我们处理, a longer gap before 不退, codes to scan ----
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("card_fee", "信用卡的手续费由您负担"),
        ("cod", "货到付款的服务费买家负担"),
        ("negative_phrasing", "退款的事不归客服处理"),
        ("no_return", "洗过晾过的衣服一律不退"),
    ],
)
def test_the_ninth_batchs_wordings_are_found(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize("text", ["扫一下包裹上的二维码就能查物流", "花呗手续费由店铺负担", "扫说明书上的码看安装视频"])
def test_the_ninth_batchs_compliant_twins_stay_quiet(text):
    assert rules_of(text) == set()


# -- the tenth batch's classes: a delivery that cannot reach is no negation; 不补 is no charge -------
@pytest.mark.parametrize(
    "text",
    ["包邮的，但是您那快递到不了，补十块走邮政", "包邮，不过您那边顺丰送不到，要加八元", "包邮是包的，您地址太偏寄不了普通件，得补运费"],
)
def test_a_delivery_that_cannot_reach_does_not_cancel_a_charge(text):
    assert "shipping_fee_breach" in rules_of(text)


@pytest.mark.parametrize("text", ["开发票不补税点", "刷信用卡不补差价", "退不了的情况很少见，一般都能退"])
def test_no_charge_and_a_return_that_works_stay_as_they_are(text):
    assert not ({"invoice_refusal", "card_fee"} & rules_of(text))


# -- the eleventh batch's classes ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("negative_phrasing", "我一个客服，我能怎么办"),
        ("negative_phrasing", "这个我办不到的"),
        ("privacy", "您对门那家也买了，姓郑"),
        ("privacy", "把登录短信截图给我"),
        ("review_bribe", "晒单以后送您一个小风扇"),
        ("no_return", "退款的话只退百分之六十"),
    ],
)
def test_the_eleventh_batchs_wordings_are_found(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize("text", ["登录短信不要发给任何人", "退款的话全额退回", "买家秀里的图都是真实的"])
def test_the_eleventh_batchs_compliant_twins_stay_quiet(text):
    assert rules_of(text) == set()


# -- classes dev5 showed (cases worded anew) ------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        '您问的"开票要加税点"，我们家没有这回事',
        '我们不搞"好评返现"那一套',
        '那个"加V信领红包"的消息不是我们发的，小心诈骗',
        '您说"售出不退"？我们店没有这个规矩',
        "「刷卡加两个点」是别家的做法，我们不加",
    ],
)
def test_a_wording_quoted_to_deny_it_is_not_the_agents(text):
    assert rules_of(text) == set()


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("off_platform", '这是我们的"老客户群"，进群私聊我'),
        ("review_bribe", '参加"好评有礼"活动，五星返3元'),
    ],
)
def test_a_quoted_wording_the_agent_stands_by_is_still_found(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("invoice_refusal", "不开发票的话可以再少二十"),
        ("invoice_refusal", "要开发票的话优惠券就得扣掉"),
        ("invoice_refusal", "开发票的话包邮就取消了"),
        ("invoice_refusal", "纸质发票另收8元"),
        ("card_fee", "用信用卡的话补个手续费"),
        ("card_fee", "分期不免息，利息您来"),
        ("card_fee", "花呗的手续费从退款中扣除"),
        ("shipping_fee_breach", "包邮不包偏远，要发的话补15"),
        ("shipping_fee_breach", "写的包邮，西藏那边另计"),
        ("cod", "货到付款只接两百以上的单"),
        ("off_platform", "V：shop888，加的时候备注一下"),
        ("off_platform", "返现直接转到您的支付宝"),
        ("review_bribe", "您改成五星的话，我们给您免单"),
        ("negative_phrasing", "这个不是我该管的事"),
        ("negative_phrasing", "我不会给您换的"),
        ("abuse", "您这理解能力有问题吧"),
        ("abuse", "您是不是理解能力差"),
        ("privacy", "请提供完整的身份证号码"),
        ("privacy", "您同事之前买的是黑色那款"),
        ("privacy", "那位顾客住在西湖区"),
        ("close_order", "订单已关闭，请重新拍新链接"),
        ("close_order", "我直接给您关了，方便"),
        ("no_return", "七天无理由这项服务本店不提供"),
        ("no_return", "店里商品一律不退换"),
    ],
)
def test_the_dev_sets_classes_in_other_words_are_found(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["默认圆通包邮，想要顺丰的话补差价八元", "不敢说最便宜，但质量很好", "我们没有微信群，也没有QQ群", "嗯嗯，好的"],
)
def test_the_dev_sets_compliant_classes_in_other_words_stay_quiet(text):
    assert not ({"shipping_fee_breach", "absolute_claim", "off_platform", "negative_phrasing"} & rules_of(text))
