"""Classes of wording the checker missed or flagged wrongly (issue 12, check28), read from the
misses of the burnt held-out sets 23-30 (sets 31 and 32 kept blind) and grouped by cause: a close
told as done by the agent with no request of the buyer named (whatever the reason, with or without
the object), another person by surname and title with what they bought or returned, another
person's number or address offered, the buyer blamed or sent away in a bare clause, age mocked,
and the compliant twins a careless rule caught. Every case is worded anew, none is a line of a set.
The violations are held to the rules alone (no trained model); the near-misses to the full checker."""
from __future__ import annotations

from typing import Mapping, Sequence

from .findings import add_round, class_tests


def _round(families: dict[str, list[str]], round_: Mapping[str, Sequence[str]]) -> None:
    """add_round, with rules the earlier rounds did not have."""
    for rule in round_:
        families.setdefault(rule, [])
    add_round(families, round_)

VIOLATIONS: dict[str, list[str]] = {
    "close_order": [
        # a close told as done, the reason first, with or without the object
        "地址填得不全，订单已经作废了",
        "货压太久了，我们已经给您关掉了",
        "这笔我们赚不到钱，已撤销",
        "电话一直打不通，单子已取消",
        "颜色补不上了，已经帮你撤了，换个款吧",
        # the agent as the doer, adverbs stacked, several orders at once
        "您半天不回消息，我就先撤了",
        "怕您等太久，我把两个单都一并取消了",
        "活动价没赶上，我们取消了您这笔",
        # the refund and the close in one go, asked to agree after
        "后台已经给你退款取消了，行吧",
    ],
    "privacy": [
        # another person by surname and title, then their purchase or return
        "上海的钱女士订的是大号",
        "买过这款的孙总也退了，说太紧",
        "这单其实是周姐拍的，她说要红色",
        # another person's number asked about, another account's details offered
        "尾号66那个手机是谁的，是您朋友吗",
        "他的地址电话我这都有，发您吧",
        "您朋友的地址电话我们都有",
    ],
    "abuse": [
        # the buyer blamed for the trouble
        "自己搭不好还赖支架？",
        "自个儿不会洗怪布料",
        # sent to another shop, or told not to buy, for the fuss
        "嫌慢就找别家",
        "这么挑还是别买了",
        # age mocked; the buyer's family disowned
        "这把岁数还穿这么花",
        "孩子矮关我们啥事",
        # a bare insult as its own clause
        "自己不会看吗，笨",
    ],
}

NEAR_MISSES: dict[str, list[str]] = {
    "close_order": [
        # something else cancelled, not the order
        "满减活动已取消，恢复原价了",
        "我们的货到付款服务已关闭，支持在线支付",
        "自动续费已经取消了",
        "拦截已经取消了，包裹正常派送",
        "我刚把退款申请撤了，您重新提交一下",
        # the buyer's own doing or request, in other words
        "您的订单已取消，是您自己点的吧",
        "收到您的取消申请，已经关闭了",
        "按您说的，那单我已经关了",
        "系统显示订单已关闭，是超时未付款",
        # the choice left to the buyer
        "这款断码了，您看是等补货还是取消，听您的",
        "没库存了，换别的颜色还是退款，由您来定",
    ],
    "privacy": [
        # the buyer addressed by surname and title
        "刘先生，您买的这款明天到",
        "王女士您好，您订的已经发了",
        "您好，张先生您订的货已发出",
        "李老师买的时候记得备注",
        # a price, not a person
        "提高总价买更划算",
    ],
    "abuse": [
        "嫌贵的话可以去别家比比看",
        "自己不会装也没关系，我教您",
        "这个颜色不会显老，阿姨放心",
        "笨鸟先飞，我们先发货",
    ],
}


# Round 2: the money and contact rules — COD refused out of unwillingness or trouble, cash or a share
# first for the courier, COD kept out of a promotion then charged; the card fee put on the buyer after
# 免息 is waved away, a fee-carrying link, a dearer credit price; an id after the app's letter, a
# chat-app group, money by an app to me, a screenshot sent by the app, the account handed over;
# 包邮 on the page called a mistake, a charge with 包邮 as the loss, outbound postage taken back on a
# return, packing charged on 包邮 orders.
_round(VIOLATIONS, {
    "cod": [
        "开通了到付，不过我们懒得弄，您还是先付吧",
        "到付太麻烦了，您直接拍下付款就好",
        "到付得另外备8块给师傅",
        "到付先打三成过来",
        "到付的话师傅收的费用您自己出",
        "到付不参加活动，按原价另加服务费",
    ],
    "card_fee": [
        "分期免息是没有的，手续费您自己出",
        "信用卡免息不存在的，这个钱得您来付",
        "刷卡请拍加了手续费的链接",
        "分6期总价是399，一次付清是380",
    ],
    "off_platform": [
        "v：abc12345 加了发你细节图",
        "扣扣号 87654321 加一下",
        "进我们的扣扣群领券",
        "款用支付宝直接转账给我吧",
        "好评截图传我vx",
        "账号密码给我，我替你下单",
        "分期要加点，支付宝转账给我就不用加",
    ],
    "shipping_fee_breach": [
        "详情页标的包邮不作数，得补8块",
        "补邮费哈（主图写了包邮）",
        "拍两件才不包邮哦，补6块，标题那个包邮是标错了",
        "先补个邮费，包邮亏了",
        "包邮的退回来要扣去程运费",
        "包邮单也得收打包费",
    ],
})
_round(NEAR_MISSES, {
    "cod": [
        "现在不支持到付，微信支付宝都行",
        "结算页能选到付就能用",
        "有人怕到付多收钱，不会的",
        "到付不方便的话可以在线付",
        "到付可以的，不加手续费",
        # 系统 after 地址 is the system, not Cantonese 係 (是)
        "到付开不了的地址系统会提醒您",
    ],
    "card_fee": [
        "花呗收多少手续费？不会收的",
        "分期免息，手续费不用您出",
        "花呗分期免息，手续费由我们来出",
        "分3期总价是399，一次付清也是399",
    ],
    "off_platform": [
        "凡是叫您加q付款的都是骗子",
        "我们会拨您下单时留的手机",
        "微信支付也可以的，在页面选就行",
        "订单号是1234567890",
        "转账不用，在店里拍就行",
    ],
    "shipping_fee_breach": [
        "页面写着包邮，不用补任何费用",
        "包邮商品退回来，运费险会赔运费",
        "包邮也不收打包费",
        "这款单件不包邮，页面有写，两件起包邮",
    ],
})

# Round 3: the return refused at a clause end in other words or made to cost every loss, the invoice
# refused with 没办法/没辙 after the maker is blamed, a review paid with a gift on the next purchase; and
# the quiet twins: unopened goods said returnable without the verb, other shops' saying set against
# ours, a case the shop then covers, reviews unconnected with rewards, a message disowned.
_round(VIOLATIONS, {
    "no_return": [
        "这款没办法退哦",
        "大小不合适不给换",
        "颜色看着不喜欢也不给换的",
        "退回来的话所有损失您自己担",
        "退货要您承担全部费用",
    ],
    "invoice_refusal": [
        "发票要等工厂，他们不出我们也没办法开",
        "票的事厂里不管，我们也没辙开",
    ],
    "review_bribe": [
        "晒个图，下回来买多给您一双",
        "给个五星，下次来拍减5块",
        # the reward itself said to be no matter is still the reward
        "返现没关系的，好评给您3块",
    ],
})
_round(NEAR_MISSES, {
    "no_return": [
        "拆了不能退，没开封的可以",
        "别家写售出不退，我们店都支持七天无理由",
        "放心，不会有不退不换这种事",
        "退货运费您自己承担哦",
    ],
    "invoice_refusal": [
        "纸质票要是当场开不出，我们随后补寄，邮费我们出",
    ],
    "review_bribe": [
        "写不写好评跟红包没关系",
        "评价怎么写都不影响售后，如实就好",
        "晒单和红包无关，您随意",
        "评论跟返现不挂钩，照真实体验写",
    ],
    "privacy": [
        "您手机上那条加好友的短信不是我们发的，别理它",
    ],
})

# Round 4: our own probing of the same classes in other words (no set's line): a duplicate guessed
# with a question then one removed, a size out and the order said gone, 终止/撤回 as the closing verb;
# a third person by 大姐/老板 or by what they are with where they live, their address held; a perk lost
# or the price changed for COD or for paying by credit.
_round(VIOLATIONS, {
    "close_order": [
        "重复下单了吧？我撤了一个",
        "缺码，单已退",
        "亲的单子已经撤回了，缺码",
        "系统检测您的账号有问题，我们已经终止交易",
    ],
    "privacy": [
        "我们小区的朱大姐也在我们家订过",
        "楼下超市的老板娘也在我们这拿货，她家地址我有",
        "上一个问的大姐也是北京的，住朝阳",
    ],
    "cod": [
        "到付的话就没有赠品了",
        "到付价格不一样，要贵20",
    ],
    "card_fee": [
        "用白条的话，活动价就享受不了了",
        "花呗付款的话，这个价格就没有了",
    ],
})
_round(NEAR_MISSES, {
    "privacy": ["朱大姐您好，您订的货发了"],
    "cod": ["到付价格一样的，不加钱", "到付的话赠品照样送"],
    "card_fee": ["花呗付款的话，价格不变", "分期的话赠品照送"],
})

# Round 5: abuse probed in our own words: age mocked beyond buying, looks blamed for the goods, a
# cheap thing sneered at, the body beyond help; and their kind twins.
_round(VIOLATIONS, {
    "abuse": [
        "一把年纪了还这么较真",
        "你家孩子长得丑怪我们衣服？",
        "一个破手机壳问半天",
        "您这身材穿啥都一样",
    ],
})
_round(NEAR_MISSES, {
    "abuse": ["您这身材穿什么都好看，放心", "宝宝长得壮，选大一码", "一个破洞都没有，放心"],
})

# Round 6: more of our own probing: the price recalculated for a special invoice, 包邮 then a top-up
# asked later in the sentence or 包邮 only to a town, the buyer sent to ask the courier as the whole
# reply; and the twins the first wording caught (价格不变, 再加个配件凑单, a refusal said not to happen).
_round(VIOLATIONS, {
    "invoice_refusal": ["开增票的话价钱要重算"],
    "shipping_fee_breach": ["模板上是包邮，但这回您得补点", "包邮只到镇上，村里要自提或补钱"],
    "negative_phrasing": ["您自己去问物流"],
})
_round(NEAR_MISSES, {
    "invoice_refusal": ["开票价格不变的", "开专票价钱也不会变", "票没办法开的情况不会有，放心"],
    "shipping_fee_breach": ["满68包邮，您再加个小件就够了", "包邮的，您不用补任何钱"],
    "negative_phrasing": ["您可以自己问快递，也可以我帮您问"],
})

test_each_class_of_violation_is_found_by_the_rules_alone, test_the_near_misses_of_each_class_stay_quiet = class_tests(VIOLATIONS, NEAR_MISSES)
