"""Classes of wording the checker missed or wrongly flagged on check7's adversarial batch
(benchmarks/eval/checker/adversarial7_drafts.tsv); every case here is worded anew, none is a line
of that batch. The violations are held to the rules alone (no trained model)."""
from __future__ import annotations

import pytest

from .findings import pattern_rules_of, rules_of


# -- close_order: the shop disposes of the order with a verb that is not 关/取消 ------------------
@pytest.mark.parametrize(
    "text",
    [
        "那笔订单我们这边已经处理掉了，您别担心扣款",
        "您昨天那单我给终止了，仓库没法按时发",
        "那个单子我们后台直接清掉了，价格挂错了",
        "重复的那单我替您撤回了哈",
        "您的单我刚在后台点了取消交易",
        "这单我们这边给退回去了，款项原路返还",
        "订单我这边已经帮您终止交易了，重新拍就行",
        "您那单被我清掉了，活动已经结束",
    ],
)
def test_the_shop_disposing_of_the_order_in_other_verbs_is_found(text):
    assert "close_order" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "订单我们在加急处理，今天发出",
        "您要取消交易的话在订单页申请，我帮您盯着退款",
        "那单的退款我已经给您退回去了，是您申请的",
        "您申请终止的那笔订单已经关了，款原路退",
        "您的单没有被撤回，正常发货",
        "订单还在，我没有清掉，放心",
    ],
)
def test_an_order_handled_otherwise_stays_quiet(text):
    assert "close_order" not in rules_of(text)


# -- no_return: a return refused because the goods were opened, used, worn, signed for -----------
@pytest.mark.parametrize(
    "text",
    [
        "杯子用过了就没法给您退了哦",
        "这双鞋穿出去过一次的话我们是不能给你退的",
        "拆开包装以后就没办法帮您退了",
        "收到货就算您认可了，再退是不行的",
        "这种情况我们不做退货处理的，您理解下",
        "退这个是不可能的，最多给您换个颜色",
        "售后这边只能给您换，退是退不了的",
        "开过封的台灯我们不给退",
    ],
)
def test_a_return_refused_for_opened_or_used_goods_is_found(text):
    assert "no_return" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "杯子用过了也能退，不影响二次销售就行",
        "拆开包装检查是可以的，照样能退",
        "收到货不满意的话，七天内都可以申请退",
        "这种情况我们可以做退货处理，您提交申请就行",
        "您想换颜色的话，我们只能给您换同价位的款，退货也支持",
        "退款的事您放心，不会不给退的",
        "开过封也没关系，支持七天无理由",
    ],
)
def test_returns_granted_for_opened_goods_stay_quiet(text):
    assert "no_return" not in rules_of(text)


# -- invoice_refusal: an invoice put off or left out in other verbs (不出票, 开不出来) ------------
@pytest.mark.parametrize(
    "text",
    [
        "这种小单子我们是不出票的",
        "发票现在是开不出来的，您别等了",
        "金额太少我们一般不出发票哈",
        "票这边暂时出不来，您就别要了",
    ],
)
def test_an_invoice_refused_in_other_verbs_is_found(text):
    assert "invoice_refusal" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "专票普票都能开，不收开票费",
        "带票不带票都是这个价",
        "含票不含票价格一样，不另外收钱",
        "开票不收任何费用，税点我们出",
        "发票今天就能出，不用另外付钱",
    ],
)
def test_an_invoice_at_no_cost_stays_quiet(text):
    assert "invoice_refusal" not in rules_of(text)


# -- card_fee: the price changed to take in the bank's cut, or the fee taken from the buyer -------
@pytest.mark.parametrize(
    "text",
    [
        "花呗付的话我给您调一下价，算上平台扣的点",
        "刷卡可以，我们这边改个价，加进去银行抽的那部分",
        "信用卡的话总价要加上银行收的那部分钱",
        "分期的手续费是从你那边收的，我改完价您再拍",
        "用白条的话费率得从您身上扣，所以价格会变",
        "刷卡付款，总价得算进去卡组织扣掉的钱",
        "分12期也行，利息是从买家这里扣的，价格我重新调",
    ],
)
def test_a_card_surcharge_as_a_changed_price_is_found(text):
    assert "card_fee" in pattern_rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "花呗付的话我给您改一下价，便宜五块，您再拍",
        "信用卡付款，银行扣的那部分我们出，价格不变",
        "刷卡的手续费不会从您这边收，放心",
        "分期的手续费从我们这边出，您不用管",
        "信用卡付款不用改价，直接拍就行",
    ],
)
def test_a_card_payment_at_the_same_price_stays_quiet(text):
    assert "card_fee" not in rules_of(text)


# Near-misses the rules stay quiet on and the reply model flags (close_order, card_fee): since
# check8m its thresholds are chosen on writers it never saw (benchmarks/eval_writers.py), not
# above every literal of these families, and these two are worded like many writers' violations
# (那单…处理好了, 用花呗的话…). What the model flags on compliant drafts is measured there, on
# real writers (3.1 % of compliant drafts flagged by rules and model together); here the rules.
@pytest.mark.parametrize(("rule", "text"), [("close_order", "您那单我这边已经处理好了，地址改成新的了"), ("card_fee", "用花呗的话加上优惠券更划算")])
def test_near_misses_the_model_flags_stay_quiet_for_the_rules(rule, text):
    assert rule not in pattern_rules_of(text)
