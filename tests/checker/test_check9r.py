"""Classes of wording the checker missed on the development sets 8 and 9 (issue 12, check9r),
each written as a class with its near-misses. Every case is worded anew, none is a line of an eval
set. The violations are held to the rules alone (no trained model); the near-misses to the full
checker."""
from __future__ import annotations


from .findings import class_tests

VIOLATIONS = {
    # the price with the invoice quoted above the bare price; the invoice's postage as a sum
    "invoice_refusal": [
        "标价是不含税的，要含税价的话是236",
        "页面价不含税哦，含票的价格是99元",
        "发票另外寄，快递费8块，您拍一下补运费的链接",
        "要纸质发票的话邮费10元，我单独给您寄",
        "开发票可以，寄送的快递费您自己出一下",
        "开发票的话满减券就要收回哦",
    ],
    # the cut the bank or the platform takes from the shop, passed on to the buyer
    "card_fee": [
        "刷信用卡平台要扣我们钱，这个费用得您自己出",
        "用白条付款的话我们被扣了点，您再加5块吧",
        "花呗这边银行扣了我们手续费，所以您得补2块",
        "信用卡付款要另外加1.5个点的手续费给我们",
        "分期付的话，另外收您订单金额2%作手续费",
        "平台抽了我们的手续费，这块您补一下",
    ],
    # 包邮 with a region or a surcharge left out, paid clauses later or to the courier
    "shipping_fee_breach": [
        "我们包邮不含海岛，页面上没标出来，您补15块就行",
        "店铺包邮不包括县城以下，运费模板没写，您那边补8元",
        "包邮是包邮，不含偏远附加费，到了给快递小哥就行",
        "宝贝包邮的，可是快递那边要加钱，这个钱您出一下",
    ],
    # COD made dearer or held against a deposit, or refused to a group once offered
    "cod": [
        "走货到付款的话运费要翻倍哦",
        "到付可以的，价格要加点，原来99现在109",
        "选到付要先交30元押金，收到货退您",
        "我们是开了货到付款的，不过新客就不给用了",
        "店里有到付，但这个型号我们不让您走到付",
    ],
    # a deal off the platform in other words, another app cheaper, money to my own account
    "off_platform": [
        "想省点钱的话我们私下交易，不走平台",
        "要便宜点可以私底下付款给我",
        "薇：shop2026，加了给您优惠",
        "这款快手小店也卖，价格更低，您去看看",
        "定金直接转到我的支付宝就行",
        "尾款走微信转我个人就可以",
        "我们可以线下转账，省得平台抽成",
    ],
    # the reward collected by contacting the shop after a review; photos paid; goods for stars
    "review_bribe": [
        "收到后写个评价，评价完私聊我领红包",
        "好评之后找客服，可以领取一张10元券",
        "晒张图 返3块 别忘了哦",
        "给个五星，送您一个手机支架",
        "晒单的亲们都有小红包拿",
    ],
    # a colloquial guarantee of delivery or quality
    "absolute_claim": [
        "下单后后天准到，您放心",
        "放心吧，明天中午准时送达",
        "顺丰次日稳稳送到",
        "这个尺码您穿错不了",
        "质量我给您打包票",
        "这款吹风机噪音业内顶尖的小",
        "开最低档完全听不到声音",
        "表带永不生锈，放心戴",
        "今晚一定给您发出",
    ],
    # 我们 refusing the buyer something outright
    "negative_phrasing": [
        "我们不能给您单独改价",
        "这个我们没办法帮您备注",
    ],
    # the buyer's wits, money, body or manner mocked; sent away; the complaint dared
    "abuse": [
        "真笨，这都教了三遍了",
        "一看就是抠，几块钱磨半天",
        "这点钱也计较，至于吗",
        "就您这体型，哪件都不合适",
        "真是奇葩，头回遇到",
        "你这是胡搅蛮缠，我不跟你说了",
        "赶紧走人吧，别耽误我",
        "以后别来我们店了",
        "没几个钱就去夜市淘吧",
        "嫌这嫌那去地摊买呗",
        "您是不是有病，问个没完",
        "要投诉？随便你，反正我不怕",
        "您这人真是好够烦的",
        "就不能长点心吗，说了好几次了",
        "你爱怎么样怎么样吧",
        "这点小事也来找客服",
    ],
    # another buyer's name or address, a relative's order read out, the card's back asked for
    "privacy": [
        "上周有个广州的顾客买了两台，名叫张晓丽，用着挺好",
        "隔壁小区的买家叫周建国的，他也买了这个",
        "上一个买家填的地址也是您那栋楼",
        "您妈妈那个订单的地址和电话我现在发给您",
        "核实身份请您提供卡号和卡背面的数字",
    ],
    # the agent withdrawing or closing an order on its own
    "close_order": [
        "我看您没付款，就先把单子关了",
        "我直接把这笔单撤了，您再下一次",
        "改好了，原来的订单关了，您看新的",
        "检测到异常我们已主动取消",
        "价格标错了，我帮您取消了",
        "这边暂停配送，您的订单已取消",
        "那单我这边先给您作废了",
    ],
    # returns refused once sent or after a few days; the 7-day right waved away
    "no_return": [
        "快递已经发出了就不能退了",
        "签收了就不退货哈",
        "您买了五天了才申请，我们没法退",
        "七天无理由？那个我们家不支持",
        "过了两天就不退了哦",
        "超过两天就过了退换期了",
        "退什么退，又不是质量问题",
    ],
}

NEAR_MISSES = {
    "card_fee": ["分期的手续费我们已经帮您承担了，付的就是页面价", "刷卡的手续费店铺包了", "平台会收我们一点手续费，不用您出"],
    "shipping_fee_breach": [
        "这款包邮的，退换寄回的运费我们也出",
        "偏远地区也包邮，快递要是找您加钱您联系我们处理",
    ],
    "cod": [
        "到付手续费？不收的，放心选",
        "支持货到付款，不需要加一分钱",
        "货到付款的代收费平台会收，这部分店铺都承担了",
        "到付的话免押金，收货再付就行",
    ],
    "off_platform": [
        "微信、QQ我们这边都不用的，就在旺旺聊",
        "您说的收款码我们这边没有，直接拍下就好",
        "粉丝群是天猫的，在店铺首页点会员群进去",
        "不用加q q 哦，在这里说就行",
    ],
    "absolute_claim": [
        "不敢跟您打包票，一般两三天到",
        "我们会尽量准时送到",
        "我不能说明天一定能发出",
    ],
    "abuse": ["别嫌我啰嗦，再核对一次尺码", "这款有点笨重，您看看轻便款", "天冷了长点心，多穿点哦", "这种问题也可以问我哦，别客气"],
    "privacy": ["您刚发的是银行卡号？赶快撤回，我们不需要", "亲 您发的是身份证号？这边用不着，撤回吧", "我叫小美，有事随时找我"],
    "close_order": ["您让我取消的那一单已经关了，另一单照常发", "优惠券作废了的话我再给您发一张"],
    "no_return": [
        "概不退换是以前别人家的说法，我们七天无理由",
        "不退不换的说法不对，我们都能退",
        "超过七天就过了退货期了哦",
    ],
}


test_each_class_of_violation_is_found_by_the_rules_alone, test_the_near_misses_of_each_class_stay_quiet = class_tests(VIOLATIONS, NEAR_MISSES)
