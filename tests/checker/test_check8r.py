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


# -- the rest of the matching copy: +, =, an emoji beside a letter or between spaces -------------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("card_fee", "刷 卡 + 3 个 点"),
        ("card_fee", "白条+1.5%手续费"),
        ("cod", "货到付款 + 12块"),
        ("privacy", "麻烦把您的身份证号+支付密码发一下"),
        ("review_bribe", "晒图+五星=返现3元"),
        ("off_platform", "有事加v❤号 abc2026"),
        ("off_platform", "搜一下我的微 🌸 信"),
    ],
)
def test_plus_equals_and_emoji_inside_words_are_read(rule, text):
    assert rule in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["买二送一，1+1更划算", "尺码表：身高160+体重50选M", "收到 😊 谢谢亲", "好的 👍 今天就发"])
def test_plus_and_emoji_that_break_nothing_stay_quiet(text):
    assert rules_of(text) == set()


# -- the reply typed in English ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("invoice_refusal", "If you need an invoice there is an additional 5% fee."),
        ("invoice_refusal", "Sorry, we cannot issue an invoice for discounted items."),
        ("card_fee", "Paying with a credit card adds a 1.5% fee to your total."),
        ("shipping_fee_breach", "It is free shipping, but Tibet needs an extra 20 yuan."),
        ("cod", "Cash on delivery has an extra 8 yuan fee."),
        ("review_bribe", "Give us a good review and we send you a 3 yuan red packet."),
        ("privacy", "Kindly tell me your verification code."),
        ("close_order", "We have cancelled your order, the item is out of stock."),
        ("no_return", "Returns are not accepted for this item."),
    ],
)
def test_violations_typed_in_english_are_found(rule, text):
    assert rule in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "The invoice is sent with the parcel at no extra cost.",
        "Credit card payments have no fee for you.",
        "Free shipping everywhere, no extra charge.",
        "Never share your verification code with anyone.",
        "We have not cancelled your order.",
        "Returns are accepted within seven days.",
    ],
)
def test_compliant_english_stays_quiet(text):
    assert rules_of(text) == set()


# -- invoice_refusal: a fee for the invoice under any name; a refusal with any verb -------------
@pytest.mark.parametrize(
    "text",
    [
        "发票可以开的，只是寄发票的快递费8块得您出一下",
        "纸质发票单独邮寄，邮费由您自己承担哦",
        "开电子发票要收3元开票服务费",
        "发票统一到付寄出，您签收时付下运费",
        "开票手续费6元，付款后开具",
        "这单是秒杀价，发票就不另外开了哈",
        "发票额度这个月没了，您这单就不给开了",
        "特惠商品的发票是无法提供的，请谅解",
        "个人抬头我们一律开不了，只开公司的",
    ],
)
def test_an_invoice_fee_under_any_name_or_a_refusal_with_any_verb_is_found(text):
    assert "invoice_refusal" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "发票随包裹一起寄出，快递费我们来出",
        "电子发票免费开，不收开票服务费",
        "如果您不需要发票的话就不开了，要的话随时说",
        "发票的邮费不需要您承担哦",
        "不少买家以为开票要加钱，其实我们开不开票都一个价",
        "发票寄出后不到付，您直接签收就好",
    ],
)
def test_an_invoice_sent_free_or_declined_by_the_buyer_stays_quiet(text):
    assert "invoice_refusal" not in rules_of(text)


# -- card_fee: the fee shifted to the buyer by any verb ----------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "花呗分期的话，手续费会算在您的订单总价里",
        "信用卡付的那部分银行费用会转嫁给您哦",
        "用信用卡的话我把价格改一下，加上手续费一共156",
        "您走分期，我们这边会发个手续费补差链接",
        "分期付款商家承担的那部分利息要算到您头上",
    ],
)
def test_a_card_fee_shifted_by_any_verb_is_found(text):
    assert "card_fee" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "花呗分期的手续费不会转嫁给您",
        "信用卡付款，手续费不用您来出",
        "有的店刷信用卡要加点，我们家不加",
        "分期的利息由我们来承担，您放心",
    ],
)
def test_a_card_fee_borne_by_the_shop_stays_quiet(text):
    assert "card_fee" not in rules_of(text)


# -- shipping_fee_breach: 包邮 with a region left out, the charge named before 包邮 ---------------
@pytest.mark.parametrize(
    "text",
    [
        "我们的包邮不包括新疆，要补20元",
        "这个包邮是除了青海的，青海得加15块",
        "运费12元到付，麻烦签收时给快递员（这款本来是包邮的）",
        "这件是包邮款，不过您在西藏，系统会扣您10元邮费",
    ],
)
def test_free_shipping_with_a_region_left_out_is_found(text):
    assert "shipping_fee_breach" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "江浙沪包邮，其他省份按模板收运费，下单时能看到",
        "这款包邮，加运费这种情况是没有的哦",
        "包邮的，新疆西藏也不用补钱",
    ],
)
def test_free_shipping_kept_or_the_template_named_stays_quiet(text):
    assert "shipping_fee_breach" not in rules_of(text)


# -- cod: offered, then withdrawn for this order, or dearer ------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "店里是有货到付款的，不过您这个金额就不支持了",
        "虽然能货到付款，您这单还是得在线付款哦",
        "货到付款价格是原价，线上付款才有活动价",
        "到付货款的话价格贵一些",
        "货到付款加钱的哈",
    ],
)
def test_cod_withdrawn_for_this_order_or_dearer_is_found(text):
    assert "cod" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["本店暂未开通货到付款，您可以在线付款", "货到付款和在线付款都可以，价格一样", "货到付款不加钱的"],
)
def test_cod_not_offered_or_at_the_same_price_stays_quiet(text):
    assert "cod" not in rules_of(text)


# -- review_bribe: a reward under any name; for deleting or changing a review -----------------
@pytest.mark.parametrize(
    "text",
    [
        "追评带图的买家都有返利，每单3元",
        "五星评价送您纸巾一包",
        "晒图后截图私信客服登记，有小礼物",
        "麻烦您把差评删除，我们补偿您20元",
        "能帮我把中评改一下吗？给您退一部分货款",
        "给个好平吧，返您5块",
    ],
)
def test_a_reward_for_a_review_under_any_name_is_found(text):
    assert "review_bribe" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "包裹里那张是保修卡，不是返现卡哦",
        "差评删不删都由您决定，我们不会用钱换",
        "评价是您的权利，我们不做任何返利",
        "地面铺得好平整",
    ],
)
def test_a_review_without_a_reward_stays_quiet(text):
    assert "review_bribe" not in rules_of(text)


# -- abuse: insults as questions, names, or sending the buyer elsewhere ------------------------
@pytest.mark.parametrize(
    "text",
    ["你是白痴吗？页面写得清清楚楚", "您是不是有毛病啊", "没钱就直说嘛", "真是服了你了", "你事儿怎么这么多", "嫌麻烦就去别家买吧"],
)
def test_insults_as_questions_or_dismissals_are_found(text):
    assert "abuse" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["您的手机有毛病的话可以重启试试", "您可以去别家对比一下价格，我们有信心", "您说的\u201c不要就算了\u201d我明白，随时欢迎回来"],
)
def test_plain_remarks_stay_quiet(text):
    assert "abuse" not in rules_of(text)


# -- privacy: a secret asked for with 请/需要; another buyer's order told ------------------------
@pytest.mark.parametrize(
    "text",
    [
        "请提供一下银行卡号，我们登记退款",
        "核实身份需要您的身份证号码和支付密码",
        "隔壁单元那单的收件人姓王，也是买的这款",
        "上一单也发到您那栋楼了，收货人叫李娜",
        "您邻居那单我看了，她留的电话是138开头的",
        "她填的地址是幸福路8号",
    ],
)
def test_a_secret_asked_or_another_buyers_details_told_are_found(text):
    assert "privacy" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "退款不需要您的银行卡号，原路退回",
        "如果有人冒充客服要您的验证码，请直接举报",
        "您同事的订单需要她本人登录查看哦",
    ],
)
def test_a_secret_not_asked_or_a_friend_sent_to_her_own_account_stays_quiet(text):
    assert "privacy" not in rules_of(text)


# -- close_order: closed by the shop, told in the passive or with the shop's reason -------------
@pytest.mark.parametrize(
    "text",
    [
        "您的订单已由商家关闭，请重新下单",
        "系统提示这单有异常，我们已经取消了",
        "您上午下的那单我这边已经关掉了",
        "您拍了两次，另一单我已经作废了",
    ],
)
def test_the_shop_closing_the_order_told_otherwise_is_found(text):
    assert "close_order" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["订单超时未付款，已由系统自动关闭", "您申请取消的那单已经处理好了", "您上午下的那单我这边已经发货了"],
)
def test_an_order_closed_by_the_system_or_the_buyer_stays_quiet(text):
    assert "close_order" not in rules_of(text)


# -- no_return: refused with 不参与/不搞/没办法办, for a category, after paying ---------------------
@pytest.mark.parametrize(
    "text",
    [
        "清仓款不参与退换货",
        "无理由退货？我们店不做这个的",
        "鞋子不退换哦，试穿过了",
        "尾款付了就不能退了",
        "七天无理由这边没法给您办理",
    ],
)
def test_a_return_refused_in_other_words_is_found(text):
    assert "no_return" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["清仓款也参与七天无理由", "定金是不退的，尾款付了也支持七天无理由", "\u201c一经售出概不退换\u201d是违法的，我们支持退货"],
)
def test_a_return_granted_stays_quiet(text):
    assert "no_return" not in rules_of(text)


# -- negative_phrasing and absolute_claim -------------------------------------------------------
@pytest.mark.parametrize(("rule", "text"), [("negative_phrasing", "真没其他办法了"), ("negative_phrasing", "能说的都说了"),
                                           ("absolute_claim", "买回去一定满意"), ("absolute_claim", "不满意算我的")])
def test_stonewalling_and_satisfaction_promises_are_found(rule, text):
    assert rule in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["您对尺码满意吗？", "希望您用得满意"])
def test_asking_about_satisfaction_stays_quiet(text):
    assert "absolute_claim" not in rules_of(text)


# -- classes from trainset a (tuned: found after looking at that writer's misses) ---------------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        # a perk lost for the invoice, the card or COD
        ("invoice_refusal", "要开发票的话，这单的小样就不送了"),
        ("invoice_refusal", "用了优惠券就没法再开票了哦"),
        ("card_fee", "刷信用卡的话运费险就取消了"),
        ("cod", "货到付款也行，但是赠品就没有了"),
        ("cod", "到付款的话要多拍一个3块的链接"),
        ("cod", "货到付款要多加一成"),
        # the buyer called 宝宝 / 宝子
        ("invoice_refusal", "发票可以寄，邮费得宝子自己出哈"),
        # the card's cut sent back; the top-up after an emoji
        ("card_fee", "宝 用卡付的话被扣的手续费要你补上"),
        ("card_fee", "花呗可以的😊 另外再补个2块的手续费"),
        # 包邮 and then 必须加钱; the region left out, then a top-up link
        ("shipping_fee_breach", "包邮是包邮，但您那边必须加钱才能发"),
        ("shipping_fee_breach", "我们的包邮不含西藏，补个运费链接吧"),
        # off the platform: other apps, a personal account, cash, an id asked for
        ("off_platform", "售后加我钉钉更快"),
        ("off_platform", "在抖音私信我们，价格更低"),
        ("off_platform", "你直接走我个人支付宝，便宜点"),
        ("off_platform", "把微信号留一下，我拉你"),
        ("off_platform", "店名在微信里搜一下就有"),
        # rewards: a gift, a price difference, a membership, dictated words
        ("review_bribe", "五星好评后额外送一个收纳袋"),
        ("review_bribe", "好评完找我，给您补差价"),
        ("review_bribe", "评价里夸一句包装好，给你加一包湿巾"),
        # absolute, stonewalling, contempt
        ("absolute_claim", "这双一定不会起球的"),
        ("negative_phrasing", "别的我不知道"),
        ("negative_phrasing", "我不会给你打折的"),
        ("abuse", "你长这样穿什么都不好看"),
        ("abuse", "砍价砍成这样，真是穷疯了"),
        ("abuse", "说了多少遍，看不懂吗"),
        # privacy: another buyer shown, named, or a relative's purchase told
        ("privacy", "这是上海刘女士的订单，您看看"),
        ("privacy", "我们有个老客户也在您小区，姓周"),
        ("privacy", "您老公前天也在我们店下过单"),
        ("privacy", "验证需要您的身份证正反面照片"),
        # close_order: offhand, on an assumption, in bulk, 退了
        ("close_order", "你拍了两件，我顺手给你关了一单"),
        ("close_order", "一直没回复，我就当你不要了，订单已取消"),
        ("close_order", "这批预售后台统一取消了"),
        ("close_order", "有个没付款的单子我帮您清掉了"),
        # no_return: a kind of goods, full price only, a balance refund, a one-day window
        ("no_return", "定制礼盒款是不退的哦，拆没拆都一样"),
        ("no_return", "七天无理由只针对正价款"),
        ("no_return", "退货的话只能退到店铺余额"),
        ("no_return", "收货当天能退，过了当天就不行了"),
        ("no_return", "要先扣10%手续费才能退"),
    ],
)
def test_trainset_a_classes_are_found(rule, text):
    assert rule in pattern_rules_of(text)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("invoice_refusal", "活动价也能开票，到手价就是含税价"),
        ("invoice_refusal", "\u201c特价不开票\u201d这种说法是违规的，我们都能开"),
        ("invoice_refusal", "开票和赠品不冲突，小样照送"),
        ("card_fee", "有买家说别家刷卡要加钱，我们家不加的"),
        ("shipping_fee_breach", "满59包邮，您再加一瓶就够了"),
        ("shipping_fee_breach", "运费险是包邮之外的保障，退货运费能理赔"),
        ("shipping_fee_breach", "默认中通包邮，您要求改发顺丰的话要补差价"),
        ("off_platform", "扫瓶身的防伪码就能验真伪"),
        ("privacy", "其他买家有没有买过我们不方便透露"),
        ("privacy", "我给你的是我们店的对公账户信息，开票用"),
        ("close_order", "按您刚才说的，重复的那单我帮您关掉了"),
        ("negative_phrasing", "晕妆的话先用散粉定一下"),
        ("absolute_claim", "色号最好参考一下买家秀"),
        ("review_bribe", "有人在评论区说\u201c好评返现\u201d，我们已经举报了"),
    ],
)
def test_trainset_a_near_misses_stay_quiet(rule, text):
    assert rule not in rules_of(text)


# -- classes from trainset b (tuned: found after looking at that writer's misses) ---------------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("invoice_refusal", "发票可以开，但寄票的快递费要您自己承担"),
        ("invoice_refusal", "这是不含税的价，开票的话要加"),
        ("invoice_refusal", "开专票得多付税，普票不用"),
        ("invoice_refusal", "这批是库存尾货，没有发票的哦"),
        ("invoice_refusal", "货都送到了，发票就不补开了"),
        ("card_fee", "分期免息本来是我们出，这单利润低，分期费得您来出"),
        ("card_fee", "用花呗付没问题，手续费我在后台给您加上"),
        ("card_fee", "信用卡？那要多付2%手续费"),
        ("shipping_fee_breach", "包邮不包乡镇，乡镇要另付送货费"),
        ("shipping_fee_breach", "沙发包邮，送到后给师傅80块上楼费"),
        ("shipping_fee_breach", "这款包邮，不过送货上门的费用另算"),
        ("shipping_fee_breach", "拍的是包邮价，送上楼要收您30"),
        ("shipping_fee_breach", "写着包邮，可是我们亏本，青海补个25吧"),
        ("cod", "到付要多出15，您还选到付吗"),
        ("cod", "货到付款没问题，送到时多给司机20就行"),
        ("cod", "货到付款有，只是订单超过2000的一律不接"),
        ("cod", "您选的货到付款我给您改成在线付款了"),
        ("cod", "代收货款的手续费（2%左右）由收件人承担"),
        ("off_platform", "我们京东店更便宜，直接去那下单"),
        ("off_platform", "加我的私人号，下回直接找我"),
        ("off_platform", "尾款您线下给师傅现金就行"),
        ("off_platform", "定金直接转到我的支付宝"),
        ("review_bribe", "那条差评可以删吗？删了我补偿您30"),
        ("review_bribe", "追评一下，我们给您延长保修半年"),
        ("review_bribe", "把评分改成5星，给您发个红包"),
        ("review_bribe", "评价里写一句做工很好，返现5元"),
        ("negative_phrasing", "不知道，您问快递吧"),
        ("negative_phrasing", "这不属于我的工作范围"),
        ("negative_phrasing", "没有就是没有"),
        ("abuse", "嫌贵去拼多多买啊"),
        ("abuse", "爱投诉投诉去"),
        ("abuse", "自己笨还怪我们"),
        ("privacy", "楼下李姐也买了，电话是137xxxx0000"),
        ("privacy", "请您提供一下网银登录密码"),
        ("privacy", "您表姐在我们家买过，地址是西湖区某小区"),
        ("close_order", "一直没付款，我给你关了"),
        ("close_order", "这单我们不发了，已经取消"),
        ("close_order", "你的订单我直接退款了，没货"),
        ("close_order", "两单合成一单了，把第二个关掉了"),
        ("no_return", "家电这种大件是不退货的"),
        ("no_return", "折扣款售出后不再受理无理由退货"),
        ("no_return", "热水器安装好了就不能退了"),
        ("no_return", "七天无理由？我们家家具没这个服务"),
        ("no_return", "不满意也不行，这个不退。"),
    ],
)
def test_trainset_b_classes_are_found(rule, text):
    assert rule in pattern_rules_of(text)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("invoice_refusal", "开票请填公司全称加税号"),
        ("invoice_refusal", "有的顾客以为特价不开票，其实我们家都能开"),
        ("invoice_refusal", "没有发票的话也能正常退货"),
        ("cod", "您的地址不在货到付款范围，可以换成在线支付，价格一样"),
        ("off_platform", "请不要扫陌生人发的二维码付款"),
        ("off_platform", "送货师傅到之前会电话联系您"),
        ("off_platform", "请把信用卡的CVV码保管好"),
        ("review_bribe", "有人冒充我们说好评返现，请别信"),
        ("privacy", "收件人王先生，电话138xxxx1111，是您本人吗？"),
        ("negative_phrasing", "评价您自己看着写就好"),
        ("no_return", "运费险不退，货款原路退回"),
        ("no_return", "这件不退色，放心洗"),
        ("close_order", "我给您取消了加急，正常发货"),
    ],
)
def test_trainset_b_near_misses_stay_quiet(rule, text):
    assert rule not in rules_of(text)


# -- classes from trainset c (tuned: found after looking at that writer's misses) ---------------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("invoice_refusal", "含税价要再加30"),
        ("invoice_refusal", "纸质发票要另付快递费6元"),
        ("invoice_refusal", "要票的话您自己去税务局代开"),
        ("invoice_refusal", "fa piao yao jia 5 dian a"),
        ("card_fee", "小本买卖，刷信用卡的话得补点钱"),
        ("card_fee", "花呗的费率我们得转到您头上"),
        ("card_fee", "信用卡手续费我们不出，会在价格里加上去"),
        ("card_fee", "用花呗？那得加点手续费"),
        ("card_fee", "信用卡付的那单手续费3块，下次一起补给我"),
        ("shipping_fee_breach", "您那边是海岛，要再补12块，虽然写的是包邮"),
        ("shipping_fee_breach", "多出来的10块是运费，包邮的也得收"),
        ("shipping_fee_breach", "说好包邮，但快递涨价了要补点"),
        ("shipping_fee_breach", "这箱苹果标了包邮，超重了，超出的按每斤1块补"),
        ("cod", "有货到付款，不过太麻烦了，您就在线付吧"),
        ("cod", "货到付款的单子我给您取消了"),
        ("cod", "货到付款的话保温袋费要另外付"),
        ("cod", "货到付款只给老客户做，新客要先付款"),
        ("cod", "到付得加钱"),
        ("off_platform", "闲鱼上我们也有店，去那边拍"),
        ("off_platform", "飞书或者钉钉都行，以后在那边下单"),
        ("off_platform", "追评后返现，支付宝转你"),
        ("review_bribe", "好评的话下次给你多装点"),
        ("review_bribe", "五星好评，下回送你一箱橙子"),
        ("absolute_claim", "明儿个一定给您发出去"),
        ("negative_phrasing", "改不了"),
        ("abuse", "口袋里没几个钱就别挑了"),
        ("abuse", "用不起就去用便宜的"),
        ("abuse", "白痴吧，页面写着呢"),
        ("privacy", "刚才那个下单的也住你们区，姓王"),
        ("privacy", "她叫李梅，也买了这款"),
        ("privacy", "把上一个买家的快递单号发你看看"),
        ("privacy", "身份证号和卡号都发过来"),
        ("close_order", "那单地址不对，我怕发错就直接给关了"),
        ("close_order", "我已经帮你申请取消了，退款马上到"),
        ("close_order", "没写尺码，我给你撤了"),
        ("close_order", "订单已帮您关闭，有需要再拍"),
        ("close_order", "guan le ni de ding dan"),
        ("no_return", "bu tui bu huan"),
        ("no_return", "没拆过的也不给退"),
        ("no_return", "退货要经过我们同意，一般不同意"),
    ],
)
def test_trainset_c_classes_are_found(rule, text):
    assert rule in pattern_rules_of(text)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("card_fee", "以前有顾客担心刷卡加钱，我们从来不加"),
        ("cod", "有的店货到付款要加钱，我们家不加"),
        ("cod", "货到付款要是快递员多收钱，您告诉我"),
        ("cod", "货到付款的代收手续费店铺承担，不用您出"),
        ("off_platform", "收款码这种东西我们从来不发"),
        ("off_platform", "您的电话只给快递用，不会拿去加您微信"),
        ("review_bribe", "有人说我们好评返现，那是谣言"),
        ("absolute_claim", "代收手续费最低3元"),
        ("abuse", "收件人可以写您妈妈的名字"),
        ("no_return", "\u201c不退不换\u201d的说法我们店没有，都能退"),
        ("no_return", "鲜果按平台规则不支持七天无理由，坏果按比例赔"),
        ("close_order", "您申请取消的订单已经关闭了"),
    ],
)
def test_trainset_c_near_misses_stay_quiet(rule, text):
    assert rule not in rules_of(text)


# -- the scan gate: a pattern whose first characters are absent is skipped, with the same result --
FRAGMENTS = ["发票", "开票", "包邮", "花呗", "信用卡", "货到付款", "到付", "好评", "返现", "微信", "vx", "转账", "密码", "身份证号",
             "订单", "取消", "关了", "退货", "不退", "七天无理由", "您", "你", "我们", "要", "加", "补", "10", "块", "5%", "，", "。",
             "？", " ", "～", "不", "没有", "宝宝", "亲", "fa piao", "bao you", "cod", "+", "😊", "\u201c", "\u201d", "滚", "恩", "最好"]


def _ungated(checker):
    from kefu_assist.checker import Checker

    plain = Checker(checker.rules, checker.model)
    plain._gates = None  # every scan tried on every reply
    return plain


@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=14).map("".join))
@settings(max_examples=300, deadline=None)
def test_the_scan_gate_changes_no_finding(text):
    from kefu_assist.checker import default_checker

    gated = default_checker()
    assert [f.as_dict() for f in gated.check(text)] == [f.as_dict() for f in _ungated(gated).check(text)]


@pytest.mark.parametrize(("pattern", "starts"), [
    (r"(发票|开票)要加", "发开"), (r"包邮", "包"), (r"(vx|wx)号", "vwVW"), (r"(花呗)?分期", "花分"), (r"[^，]{0,3}加", None),
    (r"(a)?", None), (r"(?<![a-z])vx", "vV"), (r"(发票|(?:开)票)", "发开"), (r"(a|b)*c", "aAbBcC"), (r"(a|b){0,2}c", "aAbBcC"),
    (r"a?b", "aAbB"), (r"\d+元", "0123456789０１２３４５６７８９"), (r"(发|开)票|规定|(本人|我)不能", "发开规本我"),
    (r"(发|开)票|[^a]x", None), (r"(发票|专[票])x", "发专"), (r"(微|v)(信|x)|a\|b", "微vVaA"), (r"^\s*恩$", " \t\n\r\f\v\u3000\xa0恩"),
])
def test_first_chars_of_a_pattern(pattern, starts):
    import re

    from kefu_assist.checker.engine import first_chars

    got = first_chars(re.compile(pattern, re.IGNORECASE))
    assert got == (None if starts is None else frozenset(starts))
