"""Privacy, abuse and card-fee classes the merged rules of the ninth session left to the reply model, whose retrained
threshold then passed them by: the buyer's full card or ID number asked outright, a
neighbour's or colleague's phone tail told, someone of the buyer's workplace told to have bought, the buyer told they cannot see
what is written large, and a card's fee put on the buyer under another name. Own wording; the violations are held to the rules
alone, the near-misses to the whole checker."""
from __future__ import annotations

from .findings import class_tests

VIOLATIONS = {
    "privacy": [
        # the full number asked for with 多少 / 是啥, no verb of sending
        "亲，您的银行卡号是多少，我帮您登记",
        "方便说下你身份证号码是啥吗",
        "您卡号是几呀，我这边查一下",
        # someone else's phone tail told
        "您楼下那家也买了这款，她电话尾号是6621",
        "您同事上周也来问过，他手机号码 139开头的",
        # someone of the buyer's workplace told to have bought
        "和您同一栋楼的刘姐昨天也下单了，一起发吧",
    ],
}
VIOLATIONS["abuse"] = [
    # the buyer told they cannot see what is written large
    "页面上这么大的字您看不见？",
    "标题写得那么大，还看不到吗",
]
VIOLATIONS["card_fee"] = [
    # the card's fee under another name put on the buyer
    "刷信用卡的话通道费要算您的哈",
    "花呗分期的费率由您来出",
]
NEAR_MISSES = {
    "privacy": [
        # the buyer's own number not asked for, or asked for its last digits to match an order
        "您的银行卡号不用发给我们哦，退款会原路返回",
        "请问您预留的手机尾号是多少，方便核对订单",
        "您的订单号是多少呀",
        "身份证号码只在清关时由海关系统填写，我们不收集",
        # a neighbour named without their data
        "您隔壁邻居也买过这款，评价挺好的",
        "跟您同一个小区的话，一般第二天就能到",
    ],
    "card_fee": [
        "通道费不用算您的，我们承担",
        "刷卡费由我们出，您放心",
    ],
    "abuse": [
        "字太小看不清的话，您放大图片看一下哦",
        "尺码表写得很清楚，您可以对照一下哦",
    ],
}

test_each_class_of_violation_is_found_by_the_rules_alone, test_the_near_misses_of_each_class_stay_quiet = class_tests(VIOLATIONS, NEAR_MISSES)
