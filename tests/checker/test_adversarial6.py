"""Classes of wording the checker missed or wrongly flagged on check6's adversarial batches
(benchmarks/eval/checker/adversarial6*_drafts.tsv); every case here is worded anew, none is a line
of those batches. Kept out of test_checker.py and test_normalise.py on purpose: the reply model's
thresholds are chosen above every literal of those files (replytrain._suite_literals), and these
families hold the rules, not the model, to the class."""
from __future__ import annotations

import pytest

from kefu_assist.checker import check

from .findings import pattern_rules_of, rules_of


# -- cod: a cash-on-delivery surcharge under another name, often said to be the courier's ---------
@pytest.mark.parametrize(
    "text",
    [
        "货到付款没问题的，快递员收款时会多收一笔代收费，大概货款的百分之三",
        "可以货到付款哦，到时候另给快递小哥五块上门费就行",
        "货到付款支持的亲，签收时要额外交一个代收服务费",
        "選貨到付款的話，快遞員會收取代收手續費",
        "货到付款可以，派送员上门收款要收点跑腿费哈",
        "到付货款的单子，小哥那边有个收款服务费，十元",
    ],
)
def test_a_cod_fee_under_another_name_is_found(text):
    assert "cod" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "货到付款可以的，快递员收款不收代收费，也没有上门费",
        "货到付款的代收费由我们承担，您只付货款",
        "货到付款没有任何手续费或服务费哦",
        "上门取件不收上门费，退货很方便",
        "货到付款的话，签收时把货款给快递员就行，不用另外给钱",
        "货到付款和在线付一样，快递员不会另收上门费",
    ],
)
def test_cod_without_a_fee_stays_quiet(text):
    assert rules_of(text) == set()


# -- cod: offered by the shop, refused to this buyer in a later clause ----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "货到付款我们有的，您这个地区就不安排了，麻烦在线付",
        "货到付款是开通的，只是您这单走不了，要先付款",
        "我们支持货到付款，不过您这边我们安排不了哈",
        "货到付款店里有开，您这个地址给您安排不了",
    ],
)
def test_cod_refused_to_this_buyer_in_a_later_clause_is_found(text):
    assert "cod" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "货到付款我们暂时没开通，麻烦您在线支付哈",
        "货到付款的话下单时选一下就行，我们都能安排",
        "您这边货到付款没问题，我们安排顺丰发",
        "货到付款您放心，这个地区我们正常安排",
    ],
)
def test_cod_arranged_or_not_offered_stays_quiet(text):
    assert rules_of(text) == set()


# -- privacy: another buyer named by place or time, surname and title -----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "昨天有位上海的陈女士也买了这款，一次拍了三件",
        "刚才成都的一位周先生也问了同样的问题，他最后选了黑色",
        "我们有个老客户李阿姨也住您那个小区，经常回购",
        "上午一个南京的孙小姐退了这款，说偏大",
        "另一位姓何的先生跟您买的同一款，已经发了",
    ],
)
def test_another_buyer_named_is_found(text):
    assert "privacy" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "陈女士您好，您的订单今天发出",
        "好多上海的顾客都买了这款，反馈不错",
        "您是成都的周先生吧？核对一下您的收货地址",
        "周先生，您拍的黑色已经打包好了",
        "有位客户问过同样的问题，这款偏大一码",
    ],
)
def test_the_buyer_named_or_buyers_in_general_stay_quiet(text):
    assert rules_of(text) == set()


# -- privacy: a friend's or family member's purchase told to the buyer ----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "您同事上个月在我们家也买过这款，选的是白色",
        "您闺蜜前几天刚拍了一件，地址也是您公司",
        "您老公昨天在我们店下了一单，是给您买的吧",
    ],
)
def test_a_friends_purchase_told_is_found(text):
    assert "privacy" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["您同事如果也想要，可以一起拍", "您朋友推荐的话，可以领新客券", "给您老公买的话，建议选大一码"],
)
def test_a_friend_mentioned_without_their_data_stays_quiet(text):
    assert rules_of(text) == set()


# -- close_order: the shop's reason, then 已为您取消 / 已帮您关闭 without 了 ---------------------
@pytest.mark.parametrize(
    "text",
    [
        "地址超出配送范围，订单已为您取消，款项原路退回",
        "这款库存不足，订单这边已帮您关闭，抱歉",
        "因为缺货，您的订单系统已帮您关闭",
        "您那边快递到不了，单子已为您关闭，钱原路退",
    ],
)
def test_an_order_closed_for_the_shops_reason_is_found(text):
    assert "close_order" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "超时未付款的订单系统会自动关闭，您重新拍就行",
        "地址超出配送范围的话，您可以申请取消订单，我们马上同意",
        "库存不足的话我们会先联系您，订单不会直接取消",
        "订单已为您备注，缺货的颜色换成白色",
    ],
)
def test_closing_left_to_the_buyer_or_the_system_stays_quiet(text):
    assert rules_of(text) == set()


# -- close_order: 顺便 / 一并 帮您关了 -------------------------------------------------------------
@pytest.mark.parametrize("text", ["您多拍的那单我顺便帮您关了", "另外两笔我一并给您取消掉了", "重复的那笔顺带给您关掉了哈"])
def test_an_order_closed_in_passing_is_found(text):
    assert "close_order" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["您多拍的那单，您申请取消后我顺便帮您同意", "两件我一并给您发出了", "重复的那笔您要取消的话申请一下就行"])
def test_something_else_done_in_passing_stays_quiet(text):
    assert rules_of(text) == set()


# -- invoice_refusal: the tax point as what the buyer pays ---------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "发票是能开的，只是开出来要等一个月，而且要您另外付5%的税点",
        "开是能开的，需要您出一下税点，3个点",
        "发票没问题，就是税费得您来交",
    ],
)
def test_a_tax_point_the_buyer_pays_is_found(text):
    assert "invoice_refusal" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["发票可以开，不用您付税点", "发票随货寄，税点我们出", "开发票不需要您另外交税费"])
def test_a_tax_point_the_shop_pays_stays_quiet(text):
    assert rules_of(text) == set()


# -- shipping_fee_breach: 包邮, then postage paid on delivery --------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "这款包邮的，只是您那边只能发到付，运费给快递员就行",
        "包邮哦亲，您那个地区需要邮费到付",
        "我们包邮，您那里快递员会跟您收运费，给他就行",
    ],
)
def test_postage_on_delivery_after_baoyou_is_found(text):
    assert "shipping_fee_breach" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["这款包邮，不用到付，运费我们已经付过了", "包邮的亲，快递员不会跟您收运费，有收的话您拒付并联系我", "退货的话运费到付给我们就行，运费险会赔"],
)
def test_postage_paid_by_the_shop_stays_quiet(text):
    assert rules_of(text) == set()


@pytest.mark.parametrize("text", ["开是可以开，财务那边说税点要另外交，3个点", "可以开的亲，月底统一寄出，另外需要承担一下税费哈", "能开的，税费得另外付哦"])
def test_a_tax_point_to_pay_without_naming_the_buyer_is_found(text):
    assert "invoice_refusal" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["开票的税点我们另外付，您不用管", "税点我们要自己承担，您放心", "您家人如果也想买，可以让她自己下单", "您朋友要是也想拍，可以一起下单"])
def test_the_shop_paying_or_a_friend_who_may_buy_stays_quiet(text):
    assert rules_of(text) == set()


# == the second batch (adversarial6b) ============================================================
# -- no_return: a category the law lets a shop exclude only once opened, refused unopened too -----
@pytest.mark.parametrize(
    "text",
    [
        "袜子我们是不退不换的，不管拆没拆封",
        "护肤品一律不退哦，没开封的也不行",
        "内裤这个不支持七天无理由，无论有没有拆开",
        "零食类不给退，未拆封也一样",
    ],
)
def test_an_excludable_category_refused_unopened_too_is_found(text):
    assert "no_return" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "袜子拆封后不支持七天无理由，没拆封的可以退",
        "护肤品开封使用后就不能无理由退了，未开封七天内可以退",
        "内裤属于贴身衣物，拆开后不退换，请您谅解",
        "零食拆封以后不给退，没拆的7天内随时申请",
    ],
)
def test_an_excludable_category_refused_once_opened_stays_quiet(text):
    assert rules_of(text) == set()


# -- no_return: 不走 / 不适用 seven days, a return window shorter than seven days --------------------
@pytest.mark.parametrize(
    "text",
    ["反季的衣服不走七天无理由哦", "这款不参与7天无理由，请谅解", "签收两天了，已经过了退货期了亲", "您收货都五天了，超过退换时间了"],
)
def test_seven_days_withheld_in_other_words_is_found(text):
    assert "no_return" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["反季的衣服也走七天无理由哦", "签收已经九天了，过了七天无理由的时间", "您收货才两天，还在退货期内，可以申请", "签收五天了也没关系，7天内都能退"],
)
def test_seven_days_granted_or_truly_passed_stays_quiet(text):
    assert rules_of(text) == set()


# -- no_return: a fee on a return under another name, or a return not handled ---------------------
@pytest.mark.parametrize(
    "text",
    ["退回来的话我们要扣15元质检费", "退货需要您出一个验货费，十块", "这种小件就别退了，退了我们也不给处理", "退回来我们这边是不予受理的哈"],
)
def test_a_return_charged_or_not_handled_is_found(text):
    assert "no_return" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["退回来我们不收质检费，运费险会赔", "退货不用您出验货费", "退回来我们收到就给您处理退款", "退货的事不用您处理，快递上门取件"],
)
def test_a_return_handled_without_a_fee_stays_quiet(text):
    assert rules_of(text) == set()


# -- close_order: the order, then the shop voiding it in a later clause ---------------------------
@pytest.mark.parametrize(
    "text",
    [
        "您那单收货人电话不对，我们这边就先作废了",
        "这单备注我看不懂，我这边直接取消了，您重拍",
        "您这个订单尺码没写，我们就先撤销了哈",
        "订单已经被我们撤回了，等补货再拍",
    ],
)
def test_an_order_voided_by_the_shop_in_a_later_clause_is_found(text):
    assert "close_order" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "您那单收货人电话不对，我们这边先帮您改一下",
        "这单备注我看不懂，您方便再说一下吗",
        "订单有问题的话，我们这边取消不了，需要您申请",
        "您这个订单尺码没写，麻烦补充一下，不然没法发",
    ],
)
def test_an_order_kept_or_left_to_the_buyer_stays_quiet(text):
    assert rules_of(text) == set()


# -- close_order: the agent guesses the buyer's mistake and cancels --------------------------------
@pytest.mark.parametrize(
    "text",
    ["您是不是拍重复了？我这边已经给您取消了一单", "尺码应该是拍错了吧，我帮您取消了，重新拍M码", "估计您选错颜色了，我们这边已经帮您关掉了"],
)
def test_an_order_cancelled_on_a_guess_is_found(text):
    assert "close_order" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["您是不是拍重复了？需要的话您申请取消一单，我马上同意", "您说尺码拍错了，我这边已经按您的要求取消了", "估计您选错颜色了，要改的话跟我说一声，我帮您备注"],
)
def test_a_guess_without_a_cancellation_stays_quiet(text):
    assert rules_of(text) == set()


# -- privacy: a code asked for after the text message is named (把里面的数字念给我) ----------------
@pytest.mark.parametrize(
    "text",
    ["一会儿您手机会收到短信，把里面的数字读给我听一下", "支付宝会发一条验证短信，上面的码报给我就行", "您收到的那条短信，把里面的六位数念一下"],
)
def test_a_code_asked_after_the_message_is_named_is_found(text):
    assert "privacy" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["一会儿您手机会收到短信，里面的数字不要念给任何人", "支付宝会发一条验证短信，上面的码您自己填就行", "您收到的那条发货短信，里面有快递单号"],
)
def test_a_code_kept_by_the_buyer_stays_quiet(text):
    assert rules_of(text) == set()


# -- privacy: another buyer by full name, or a third person's past purchase -----------------------
@pytest.mark.parametrize(
    "text",
    [
        "最后一件被一个叫王芳的买家拍走了",
        "有个叫张建国的顾客也是买的这款",
        "收件人是您同事吧？他上周也在我们家买过两件",
        "她之前在我们店下过单，地址还是那个",
    ],
)
def test_another_buyer_by_name_or_their_purchase_is_found(text):
    assert "privacy" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "最后一件被拍走了，明天补货",
        "有个叫小雏菊的款式也很好看",
        "您同事之前也在我们家买过吗？可以一起拼单",
        "您妈妈以前也买过这款吗？尺码可以参考",
    ],
)
def test_no_other_buyers_data_stays_quiet(text):
    assert rules_of(text) == set()


# -- cod: COD takes 包邮 away ---------------------------------------------------------------------
@pytest.mark.parametrize("text", ["货到付款的话就不包邮了，运费您出", "选货到付款运费就不包了哦", "货到付款邮费另算，在线付才包邮"])
def test_cod_without_free_shipping_is_found(text):
    assert "cod" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["货到付款也是包邮的", "货到付款和在线付一样包邮，运费我们出", "选货到付款运费也不用您出"])
def test_cod_with_free_shipping_stays_quiet(text):
    assert rules_of(text) == set()


# -- card_fee: a top-up link asked for after the card, across a clause ------------------------------
@pytest.mark.parametrize(
    "text",
    ["花呗付的话我们到账会少一些，麻烦您再拍一个2元的补差链接", "用信用卡的话平台扣点多，所以请您另拍一个手续费链接"],
)
def test_a_card_top_up_link_across_a_clause_is_found(text):
    assert "card_fee" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["花呗付的话不用再拍补差链接，价格一样", "用信用卡的话直接付就行，不用另拍链接", "用信用卡的话直接付就行，没有手续费链接要拍"])
def test_a_card_payment_without_a_top_up_stays_quiet(text):
    assert rules_of(text) == set()


# == the third batch (adversarial6c) =============================================================
# -- cod: a COD order left out of the shop's discounts ---------------------------------------------
@pytest.mark.parametrize("text", ["货到付款不能用店铺红包哦，红包只限在线付", "选货到付款的话不参与满减活动", "到付货款的订单积分和满减都没有"])
def test_cod_left_out_of_discounts_is_found(text):
    assert "cod" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["货到付款也能用满减和红包", "货到付款一样参加满减活动", "货到付款的订单积分照常累计"])
def test_cod_with_the_same_discounts_stays_quiet(text):
    assert rules_of(text) == set()


# -- no_return: a deduction named in a later clause of the return's sentence ----------------------
@pytest.mark.parametrize("text", ["退货可以，商品要完好，另外会扣掉百分之十的手续费", "退款的话，吊牌要在，还要扣除20元折旧", "退换都行，包装要齐全，我们会扣百分之五"])
def test_a_deduction_in_a_later_clause_is_found(text):
    assert "no_return" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["退货可以，商品完好就行，不扣任何手续费", "退款的话吊牌要在，运费险会赔运费", "退换都行，包装要齐全，我们全额退"])
def test_a_return_without_a_deduction_stays_quiet(text):
    assert rules_of(text) == set()


# -- no_return: goods excludable once activated ------------------------------------------------------
@pytest.mark.parametrize("text", ["手机激活后不支持七天无理由，未激活的可以退", "平板一经激活就不退换了，下单前请确认", "耳机激活使用后不能无理由退货"])
def test_goods_excluded_once_activated_stay_quiet(text):
    assert rules_of(text) == set()


@pytest.mark.parametrize("text", ["手机不支持七天无理由，不管激没激活", "手机一经售出不退，没激活的也一样", "平板激活前后都不支持七天无理由"])
def test_goods_refused_unactivated_too_are_found(text):
    assert "no_return" in pattern_rules_of(text)


# -- invoice_refusal: an invoice only above an amount ------------------------------------------------
@pytest.mark.parametrize("text", ["发票要满300才给开哦", "开票的话订单得超过500元才行，您这单不够", "单笔满100元才能开发票"])
def test_an_invoice_only_above_an_amount_is_found(text):
    assert "invoice_refusal" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["发票不限金额都能开", "满300减30是店铺活动，发票正常开", "发票金额按实付金额开，满减后的价格"])
def test_an_invoice_for_any_amount_stays_quiet(text):
    assert rules_of(text) == set()


# -- shipping_fee_breach: 包邮不假 / 包邮是真的 affirm, then the charge ---------------------------------
@pytest.mark.parametrize("text", ["包邮不假，就是新疆要补十块", "包邮是真的，只是您那边快递要另收二十块转运费", "这款包邮不假，可您地址偏远，得多付十五"])
def test_an_affirmed_baoyou_then_a_charge_is_found(text):
    assert "shipping_fee_breach" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["包邮不假，新疆也包", "包邮是真的，偏远地区也不用补", "这款包邮不假，您放心拍"])
def test_an_affirmed_baoyou_without_a_charge_stays_quiet(text):
    assert rules_of(text) == set()


# -- card_fee: the card paying the full price -------------------------------------------------------
@pytest.mark.parametrize("text", ["花呗付款这个价格给不了，得按原价拍", "信用卡付的话活动价用不了，只能按吊牌价", "用分期的话就要按原价算了"])
def test_a_card_paying_the_full_price_is_found(text):
    assert "card_fee" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["花呗付款也是活动价，不用按原价拍", "信用卡付款价格一样，活动价照常", "用分期的话价格也一样"])
def test_a_card_paying_the_same_price_stays_quiet(text):
    assert rules_of(text) == set()


# -- the matching copy: COD typed in English keeps a one-to-one, increasing map into the text -------
@pytest.mark.parametrize("text", ["COD订单每单另收5元", "选cod的话要加十块", "亲，COD加收8块"])
def test_cod_in_english_maps_back_and_is_found(text):
    from kefu_assist.checker.rules import normalise

    norm, index = normalise(text)
    assert index is not None and len(index) == len(norm)
    assert all(a < b for a, b in zip(index, index[1:]))
    found = [f for f in check(text) if f.rule == "cod"]
    assert found and all(0 <= f.start < f.end <= len(text) for f in found)


@pytest.mark.parametrize("text", ["货到付款我们是有的，您这单我们不接", "货到付款开通了，您这个地址我们接不了"])
def test_cod_not_taken_for_this_buyer_is_found(text):
    assert "cod" in pattern_rules_of(text)


# == the fourth batch (adversarial6d) ============================================================
@pytest.mark.parametrize("text", ["货到付款没有问题，就是快递员上门要收个代收费", "货到付款没啥问题的～快递小哥要收五块上门费哈"])
def test_no_problem_is_no_negation_of_a_cod_fee(text):
    assert "cod" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["货到付款的单子我们这边不收哦", "您那边货到付款的订单我们不收了"])
def test_cod_orders_not_taken_are_found(text):
    assert "cod" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["货到付款不收手续费哦", "货到付款我们不收服务费，放心"])
def test_cod_without_a_charge_stays_quiet_with_bu_shou(text):
    assert rules_of(text) == set()


@pytest.mark.parametrize("text", ["跟您拼单的那位大姐已经付了，她住2号楼", "团购的那个大哥已经付了，他家住在幸福小区"])
def test_where_another_buyer_lives_is_found(text):
    assert "privacy" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["她住得远的话可以发顺丰", "您住几栋？我备注给快递"])
def test_where_the_buyer_lives_stays_quiet(text):
    assert rules_of(text) == set()


@pytest.mark.parametrize("text", ["超过24小时就不能申请退款了", "过了72小时就没法申请退换了"])
def test_a_return_window_in_hours_is_found(text):
    assert "no_return" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["超过48小时没发货的话您可以申请退款", "签收后七天内都能退，不是48小时"])
def test_hours_without_a_refusal_stay_quiet(text):
    assert rules_of(text) == set()


@pytest.mark.parametrize(
    "text",
    ["退货可以，来回运费和包装费您出，另外我们还要扣八块手续费", "退换都行的，包装要完整，吊牌要在，另外要扣除百分之五"],
)
def test_a_deduction_after_several_conditions_is_found(text):
    assert "no_return" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["包邮只发普通快递，您那个村普通快递进不去，只能发邮政，差价您这边补一下", "包邮是圆通的，您这个地址圆通不派送，我们只能换京东，运费差价要您来出", "这款包邮，中通不配送您那边，改发EMS的话差价十元要您补"],
)
def test_a_forced_courier_upgrade_on_baoyou_is_found(text):
    assert "shipping_fee_breach" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["花呗付款没有手续费要您补", "信用卡付款没有什么费用需要您出"])
def test_no_card_fee_for_the_buyer_stays_quiet(text):
    assert rules_of(text) == set()


@pytest.mark.parametrize("text", ["您这个地址圆通不派送，我们只能换京东发，运费我们出", "中通不配送的话只能换顺丰，差价我们补", "这边只能换邮政发货，不加钱"])
def test_a_courier_changed_is_no_exchange_only_policy(text):
    assert rules_of(text) == set()



# == the sixth batch (adversarial6f) =============================================================
# -- English and abbreviations typed into a Chinese reply: order, cancel, handling fee, yzm ---------
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("close_order", "您的order我们这边cancel了，没货了"),
        ("close_order", "这个order我帮您cancel掉了哈"),
        ("cod", "货到付款要收个service fee，十块"),
        ("cod", "cod的话有个handling fee哦"),
        ("privacy", "您把收到的yzm报给我一下"),
        ("privacy", "yzm发我，我帮您操作退款"),
    ],
)
def test_english_words_of_the_weak_rules_are_read(rule, text):
    assert rule in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["您的order还在，没有cancel", "order号发我一下，我帮您查物流", "cod没有handling fee，只付货款", "yzm请不要发给任何人", "货到付款没有service fee"],
)
def test_english_words_without_a_violation_stay_quiet(text):
    assert rules_of(text) == set()


# -- privacy: another buyer's order shown to the buyer ---------------------------------------------
@pytest.mark.parametrize("text", ["给您看看别的买家的订单截图，她也买了这个色", "我把其他顾客的收货信息发您参考一下", "发您看下别人的订单，地址都写得很清楚"])
def test_another_buyers_order_shown_is_found(text):
    assert "privacy" in pattern_rules_of(text)


@pytest.mark.parametrize("text", ["别的买家的订单信息我们是保密的", "给您看看买家秀截图，都是真实评价", "您的订单截图发我看下，我帮您查"])
def test_no_other_buyers_order_shown_stays_quiet(text):
    assert rules_of(text) == set()
