"""Classes of wording the checker missed or flagged wrongly (issue 12, check25r), read from the
misses of trainsets25 r1 (warm chatty agents of a food shop) and from our own probing in the style
of young terse agents (slang, chat abbreviations, English words, emoji), grouped by how the agent
said it: a fee shared with the buyer, more than the template's surcharge, the review's top score
paid in goods or a red packet "on its way", a secret asked after a question, a bare 不退 with two
particles, the buyer's word echoed as a question and refused or charged at once, a terse close
with the shop's reason, 砍单, COD said to be collected by the courier or kept from a promotion,
money, gift and no-entry emoji, English insults and initials (sfz, idk, no fapiao, free ship, by～,
out of stock); and the compliant twins a careless rule caught (a courier charging the
buyer told not to be paid, the COD fee paid by the shop or refused, trading off the platform named
as the worse choice, the shop's own number to ring, a refund sent to after-sales, an app in
letters not to be added). Every case is worded anew, none is a line of an eval set.
The violations are held to the rules alone (no trained model); the near-misses to the full checker."""
from __future__ import annotations

from .findings import class_tests

VIOLATIONS = {
    "invoice_refusal": [
        # the buyer's word echoed as a question, then refused tersely
        "开票？sorry 这个价开不了",
        "专票? 小店不提供哈",
        "invoice? 这款不开的",
        # English no before the invoice
        "no fapiao at this price",
    ],
    "card_fee": [
        # the fee shared rather than added
        "刷卡手续费咱俩一人一半吧",
        "分期的费率你担一半我担一半",
        "信用卡手续费您出一部分就行",
        # the payment way echoed as a question, a surcharge at once
        "信用卡？+2个点哈",
        "分期的话？加1.5%",
    ],
    "shipping_fee_breach": [
        # more than the template's own surcharge
        "页面标的补6块，这回得补18，油价涨了",
        "运费模板设的是加8元，实际要加20",
        # the English word shortened
        "free ship 但是海南要加12块",
        # the initials of 包邮 before a space
        "by 海南另加10块",
        "by～ 宁夏补8块",
        # 免运, the short form of 包邮
        "免运哈 甘肃要补差12",
    ],
    "cod": [
        # COD echoed as a question, a surcharge at once
        "到付？+6块上门费",
        "货到付款吗？多收8元哦",
        # refused to this buyer tersely
        "到付？您那边不支持哈",
        "到付的单暂时不接 您那太偏了",
        # the fee left to the buyer
        "到付可以的，代收费自理哈",
        # the courier said to take a sum; COD buyers left out of a promotion; COD impossible or kept off for this buyer
        "到付的话快递师傅会收您6块",
        "到付的买家不享受满减哈",
        "您那里到付不了，先付款吧",
        "您这单就别走到付了",
        # a surcharge after the echo with words before the sum
        "cod? 要多付点 8块",
    ],
    "review_bribe": [
        # the top score, then goods as a secret favour
        "打满五颗星的话我悄悄多塞你半斤",
        "给个五星 偷偷送你两包辣条",
        # the review with a photo, a red packet on its way
        "评论带两张图 红包6.6秒到",
        "晒图配几句话，返现马上到账",
        # the screenshot sent by a chat nudge
        "好评截个图滴滴我 红包安排上",
        # a money emoji for the money
        "晒图返💰3",
        # a gift emoji for the gift
        "五星好评送🎁",
    ],
    "abuse": [
        # a language the buyer cannot read; a fusspot; English insults
        "你是看不懂汉字吗",
        "您就是个杠精吧",
        "ur such an idiot 说了八遍了",
        "u r so dumb",
        "你个穷逼",
    ],
    "negative_phrasing": [
        # English initials of 不知道
        "idk 你问物流吧",
        "no idea 自己查下",
    ],
    "privacy": [
        # the secret named in a question, asked in the next clause
        "您银行卡密码是六位的吧？发我核对",
        "验证码收到了吗？报一下",
        # the ID card's initials
        "sfz号完整的发我一下",
    ],
    "close_order": [
        # the shop's reason and a terse close, either order
        "断货了 单已撤",
        "价格挂错 订单作废了",
        "单子撤了哈 库存有误",
        # a duplicate guessed and removed; slang for cancelling; English
        "您拍重了 我们这边删了一个",
        "这单我这边砍了 没货",
        "out of stock 订单我关了",
        "没货 单子给你close了",
        # the price wrong without a verb; stock at zero; the close said as 撤单
        "价格错了 这单已撤单",
        "库存为0 已经帮你申请取消了",
    ],
    "no_return": [
        # a bare 不退 with two particles
        "买错尺码是不退的哈",
        "拆封了就不退了呀",
        # the 7-day right echoed as a question and waved away
        "七天无理由？想多了",
        "退货？不存在的",
        # refused with 不给 at a clause end; a no-entry emoji for 不
        "无理由不给的哈 清仓款",
        "拆了🚫退",
        # a bare 退 echoed and waved away
        "退？没门",
        "退货？没可能的",
    ],
}

NEAR_MISSES = {
    "invoice_refusal": [
        "发票？开的 下单备注抬头",
        "专票？可以开，税号发我",
    ],
    "card_fee": [
        "刷卡手续费我们全出 您不用分摊",
        "信用卡？不加钱的",
    ],
    "shipping_fee_breach": [
        # a courier charging the buyer, told not to be paid
        "这单包邮，万一驿站向您要钱，别给，跟我说",
        "包邮的哦，要是快递找您收费，拍照发我，我们来处理",
        "页面标的补6块，就补6块，不会多收",
        "免运哦 新疆也不用补",
    ],
    "cod": [
        # the fee paid by the shop; a charge others spoke of, refused
        "到付的代收费咱家来出",
        "听说货到付款要多收钱？我们不收",
        "到付？可以，不加钱",
        "到付的手续费不用您出",
        "到付的买家也能享受满减",
        "您那边到付可以的",
    ],
    "off_platform": [
        # off the platform named only as the worse choice; an app not to be added
        "在店里拍比私下转账安全多了",
        "不用加v 旺旺找我就行",
        "别加q哈 有事留言",
    ],
    "privacy": [
        # the shop's own number to ring
        "阿姨，您拨这个号码 400-800-1234 找我们门店",
        "验证码是您自己的，千万别发我",
    ],
    "close_order": [
        "断货了，您要是想取消可以自己申请",
        "价格挂错了吗？我去核对，订单还在",
        "订单超时没付款，系统自动关的",
        "价格错过了活动就恢复原价，订单还在",
        "库存为0的话我会提前告诉您，不会直接取消",
    ],
    "no_return": [
        # a refund sent to after-sales, not refused
        "退款的事我这不处理，那是售后同事负责的，我帮您转过去",
        "七天无理由？支持的，放心",
        "无理由退货可以的哈",
        "退？可以的，寄回来就行",
    ],
    "abuse": [
        "are you ok? 需要帮忙吗",
        "this price is crazy low 冲",
    ],
}

test_each_class_of_violation_is_found_by_the_rules_alone, test_the_near_misses_of_each_class_stay_quiet = class_tests(VIOLATIONS, NEAR_MISSES)
