"""Classes of meaning the six money rules (invoice_refusal, card_fee, shipping_fee_breach, cod,
close_order, no_return) still missed or wrongly flagged on the development writers (issue 12,
check23ra: trainsets23 a and c, and what evalsets 6-16, trainsets 8, 11, 13 and 15 still held),
each written as a class with its near-misses. Every case is worded anew, none is a line of an
eval set. The violations are held to the rules alone (no trained model); the near-misses to the
full checker.
"""
from __future__ import annotations

from .findings import add_round, class_tests

VIOLATIONS = {
    "invoice_refusal": [
        # the price said to be impossible with the invoice (要发票？那这个价做不了)
        "要开票的话，这个价就给不了了",
        "需要发票？那这价格可做不了哦",
        "带票的话现在这个价格不行的",
        # the price with the invoice beside the one without, 含税 first (含税价是560，不含税520)
        "含税价是560，不含税520，您看选哪个",
        "这套茶具含税是1280，不含税是1200",
        # one kind of title or copy charged (公司抬头的要加点手续费 / 纸质的另加8块邮费)
        "单位抬头开票要加点手续费，个人的免费",
        "企业抬头的专票得另外加钱哦",
        "电子票免费，纸质的得另加8块邮费",
        "纸质版发票要额外收6元快递费",
        # its cost too high for the shop, the buyer topping up (开票成本扛不住，补个差价)
        "茶叶利润薄，开票成本我们扛不住，您补点差价再拍",
        "开票这块的成本我们承担不起，麻烦补个差价",
        # the invoice topicalised with a pause, then refused (发票嘛…一般不给开的)
        "发票嘛…我们一般不给开的",
        "发票呀……我们店基本不给开哈",
    ],
    "card_fee": [
        # the rate (费率) the shop will not bear, the buyer topping it up
        "分期的费率店里不承担，得您补给我们",
        "花呗的费率我们不出，您另外转一下吧",
        # the interest-free part on the buyer (免息那部分您来出 / 6期补3%)
        "想要免息的话，免息那部分得您来出",
        "要免息分期也行，免息的费用您这边承担",
        # the card's price beside another way's (卡付265，余额付255 / 单价就不是199了，要205)
        "刷信用卡的话这双鞋得收265，用余额付255",
        "用花呗付的话单价就不能给您199了，得205",
        "卡付价格是310，微信付300",
        # the fee the shop cannot waive, the buyer making it up
        "三期的手续费我们这边免不了，需要您补一下差价",
        "信用卡的手续费没法免，您这边出一下",
        # the fee short-paid, topped up by a sum
        "您刷卡那单手续费少付了，补一下8块",
        "信用卡的手续费还差3块，您补下哈",
        # a fee said to exist, then another way urged
        "用信用卡有手续费的，要不您换成余额付",
        "刷卡有手续费的，要么您改用微信",
        # the fee part transferred or paid by link
        "公司卡付款的话，请额外转一下手续费那部分",
    ],
    "cod": [
        # COD said to exist, then not for a kind of goods or an amount
        "店里是有货到付款的，不过大件商品不做",
        "我们开通了货到付款，但是礼盒不参加，必须先付款",
        "货到付款有的，您这个金额太大我们不接",
        # asked back, then refused (货到付款？我们不接这个)
        "货到付款？这个我们不接，您在线付吧",
        "货到付款？我们不弄这个的，您直接拍",
        # COD dearer: points, a fee said to exist, two prices, the collecting fee on the buyer
        "货到付款要多出3个点，不划算",
        "货到付款是收费的哦，不然我们亏手续费",
        "选货到付款的话价格是159，在线付149",
        "货到付款的代收费得您给快递员，6块左右",
        "到付可以的，多给快递员5块就行",
    ],
    "close_order": [
        # closed, passive, for the shop's reason (系统说您是新号，订单已关闭 / 没回，订单已作废)
        "系统判定您是新账号，订单已经关闭了",
        "您一直没回复，订单已作废",
        "特价拍的我们发不了，已取消",
        # the agent closing on its own, 给/统一 without the buyer asking
        "拍了没付款的我都统一关了",
        "您拍的是旧链接，我给关了，重新拍一下新的",
        "没付款的那两单我们系统帮您关掉了",
    ],
    "no_return": [
        # returns only for quality faults, in other words (仅限质量问题 / 又没坏退什么)
        "七天无理由仅限质量问题哦",
        "我们只接受质量问题退换，别的情况都不行",
        "非质量问题一律不予退换，请知悉",
        "退货？东西又没坏，退啥",
        # even unopened goods not taken back (原封的也不行)
        "没拆封的也不行哦，退回来我们没法再卖",
        "原封未动的也不能退",
        # bought means kept (买了就不能退 / 拍了就是您的了)
        "买了就不能退了，面膜都这样",
        "退货？拍了就是您的了",
        "无理由退货？不存在的",
        # the seven days said to be only for big shops
        "七天无理由退换是大店才有的，我们小店没有",
    ],
    "shipping_fee_breach": [
        # 包邮, except a place that pays a sum more
        "全国包邮的，就您那个镇要额外再给6块",
        "包邮的哈，除了海岛要另外加10元",
        # 包邮 shown, but a kind of goods pays a named fee (液体改陆运费)
        "订单虽然显示包邮，但因为是液体，需另付陆运费用20元",
        # 包邮 changed to a threshold after the sale (说好包邮，现在改满99包邮了)
        "原来说的包邮，现在改成满99包邮了，您差10块补个邮费吧",
        # the 包邮 price, then more collected for a dear courier
        "这单是包邮价，您那边快递贵，我们要再收一点，8块就好",
    ],
}

NEAR_MISSES = {
    "invoice_refusal": [
        "要开票的话这个价也能给您，放心",
        "要发票？这个价格照样开",
        "页面价就是含税价，开票不加钱",
        "公司抬头和个人抬头都能开，都不加钱",
        "公司抬头需要提供税号哦",
        "纸质的也可以寄，邮费我们出",
        "开票成本我们自己扛，您放心拍",
        "发票嘛，我们都给开的",
        "听说有的店活动款不开票，咱家活动款照开",
        "加税点这种事我们不做的，发票正常免费开",
        "特价不开票？没这回事，每单都能开",
    ],
    "card_fee": [
        "分期费率我们店承担，您不用补",
        "6期免息由店铺承担",
        "刷卡付和余额付都是255",
        "用花呗付单价也是199",
        "分期手续费我们免了，您放心",
        "手续费不用补哦",
        "花呗有利息的话店铺承担，您放心用",
        "刷卡的手续费我们自己消化，您不用操心",
        "信用卡那点手续费不用您管，平台从我们这扣",
        "刷卡会不会加价？不会的，页面价就是到手价",
        "不存在花呗加钱这种事",
        "店里承担了3期免息，选3期就没利息",
    ],
    "cod": [
        "货到付款我们还没开通，先在线付吧",
        "货到付款服务正在申请中，开通前请先在线支付",
        "货到付款大件也支持的",
        "货到付款？支持的，您下单时选就行",
        "货到付款不收费的",
        "货到付款和在线付都是149",
        "代收费我们出，您只付货款",
        "货到付款手续费？我们店承担了",
    ],
    "close_order": [
        "您申请取消的订单已经关闭了",
        "您要是不想要了，可以自己在订单页点取消",
        "未付款的订单您可以直接点取消订单，不影响什么",
        "订单需要您在自己的账号里申请取消",
        "您说不要了，我这边帮您把没发货的这单关了，您确认一下？",
    ],
    "no_return": [
        "质量问题我们包运费，非质量问题七天内也能退",
        "只要不影响二次销售都能退",
        "拍下不满意也能退",
        "概不退换这种话我们不会说，七天无理由照常",
        "“售出不退”那是以前的老规矩了，现在随时退",
        "没拆封的七天内都可以退",
    ],
    "shipping_fee_breach": [
        "包邮的，新疆西藏模板上写了要加运费，其他地方都包",
        "包郵商品補運費？不用的，頁面寫包郵就是包郵",
        "满99包邮，您这单差10块，凑个单就包邮了",
        "这单是包邮价，您那边也不用补运费",
    ],
}

# a second reading: the wordings the writers' kinds suggest beyond the dev sets (indirect, a policy,
# a delay with a condition, long formal replies, dialect), each with its near-misses
add_round(VIOLATIONS, {
    "invoice_refusal": [
        # refused as something the shop cannot handle
        "发票这边开具不了哈，系统问题",
        "发票的事情我们这边处理不了，您找平台吧",
        # put off by weeks with a condition
        "开票要等确认收货30天后，而且得另外申请审核",
        # only at another, dearer price level
        "要开票的话这批货就按批发价走不了了，得按零售价",
        # a share of the tax asked of the buyer
        "税点的话您看能不能出一半",
        # refused in a long formal reply, the invoice named clauses before
        "感谢您的支持！关于发票，由于本次为活动价，我们这边无法为您开具，敬请理解，活动结束后购买即可正常开票",
        # asked back, then points added
        "开票？得加六个点",
    ],
    "cod": [
        # granted, then discouraged, called awkward or dropped
        "我们店虽然有货到付款，但不建议您用，您还是先付吧",
        "货到付款我们不太方便，麻烦您拍下付款",
        "货到付款还是算了吧，我们这里不好弄",
        # costing the discount; held back; rarely passed
        "选了货到付款就没有优惠了",
        "货到付款的单子我们要晚几天发",
        "货到付款的单我们要审核，一般不通过，建议在线付",
        # the price said not to hold; a colloquial verb of doing
        "到付款的话价格就不是这个了",
        "货到付款俺们这儿不整，你直接付钱吧",
    ],
    "close_order": [
        # not shipped, then refunded and closed; the shop's own system closing it for the buyer
        "这个订单我们没法发，已经给您退款关闭了",
        "重复拍的那单，我们后台系统帮您关掉了",
        "您拍的是老链接，我给关了，换新链接拍吧",
    ],
    "no_return": [
        # waved away
        "我们是小本生意，退货就算了吧",
        "退款是没有的，可以给您补偿个小礼品",
        # granted, then a fee other than postage collected clauses later
        "退是可以退，但是我们要收30块钱的损耗费",
        # dialect; only for some buyers; only as an exchange
        "退货俺们这不中",
        "七天无理由只对会员开放",
        "退货的话您只能换个别的款",
    ],
    "shipping_fee_breach": [
        # 包邮 said to depend on the place, then money added; a named fee of delivery on the buyer
        "包邮不包邮看地方，您那要加钱",
        "说是包邮，其实运费已经算在价格里了，您还需要付个保价费",
    ],
})
add_round(NEAR_MISSES, {
    "invoice_refusal": [
        "发票开具不了的情况不会有，放心",
        "开票要等确认收货后，一般1-2天",
        "要开票的话也是按这个价，不会按零售价算",
        "税点我们来出，您不用管",
        "关于发票，我们这边随时可以为您开具，您提供抬头就行",
        "关于发票，我们不能为您开具错误的抬头，麻烦核对一下",
        "开票？可以的，不加钱",
        "含税价是560，不含税也是560，一个价",
    ],
    "cod": [
        "货到付款不方便的话可以在线付",
        "选了货到付款优惠照样有",
        "货到付款的单子和在线付一样当天发",
        "到付款的话价格也是这个",
        "我们还没开通货到付款，不好意思",
    ],
    "close_order": [
        "没货的话会先联系您，不会直接关单",
        "系统超时未付款会自动关闭，您重新拍就行",
    ],
    "no_return": [
        "退货运费就算了吧，我们出",
        "退货不收任何手续费",
        "七天无理由对所有客人都有",
        "退货的话可以选退款或者换货，随您",
    ],
    "shipping_fee_breach": [
        "包邮不包邮看页面显示，以下单页为准",
        "包邮的，保价费我们出",
    ],
    "card_fee": [
        "花呗付128，余额付也是128",
        "信用卡手续费免不了吗？我们承担，不用您出",
    ],
})

# a third reading: terse sums and homophone slips (sports shoes, electronics), quotas and windows
add_round(VIOLATIONS, {
    "invoice_refusal": [
        # a price, then a different one with the invoice
        "这双鞋199，要发票就209",
        "A7M4机身12999，开专票13780",
        # put off to a later month without a date
        "发票可以开但是得下个月，这个月额度用完了",
    ],
    "card_fee": [
        # a homophone slip of the card (信用咔)
        "信用咔要加2%",
    ],
    "cod": [
        # a sum collected apart for the collecting fee
        "到付的话要另外收10块代收费",
    ],
    "no_return": [
        # a homophone slip of 退货; a window under seven days with 只能
        "退获不行哦",
        "退换只能三天内",
    ],
    "shipping_fee_breach": [
        # a homophone slip of 包邮 ending a clause
        "包由的，新疆加10块",
    ],
})
add_round(NEAR_MISSES, {
    "invoice_refusal": [
        "这双鞋199，开票也是199",
        "机身12999，开专票就是12999",
        "2件398，开票398",
        "订单号2023，开票12小时内发",
        "本月额度刚好用完，您的发票12月5日前开好寄出",
    ],
    "cod": ["到付的话快递会另外收10块代收费吗？不会的"],
    "no_return": [
        "退款就3天内到账",
        "退换只能三天内？不是的，七天内都行",
        "退获的话七天内都支持",
    ],
    "shipping_fee_breach": ["这个包由顺丰发，您放心"],
})

# a fourth reading: compliant answers a careless rule caught (what lies outside the invoice, closing
# denied in the passive, a dearer courier beside the free default), with the violation beside each
add_round(VIOLATIONS, {
    "shipping_fee_breach": ["包邮的，默认韵达到不了您那，只能发顺丰补20"],
})
add_round(NEAR_MISSES, {
    "invoice_refusal": ["运费险不在开票范围内，商品金额都能开", "赠品不在开票范围里，正价商品都开"],
    "close_order": ["订单不会被我们取消的，您放心付款", "您的单子绝不会被客服关闭"],
    "shipping_fee_breach": ["全国包邮，顺丰的话需要补差价，默认中通免费", "包邮，默认韵达，想要顺丰补10块"],
})

# a fifth reading: long numbered answers, the formal register, per-unit sums, dialect counts
add_round(VIOLATIONS, {
    "invoice_refusal": [
        # the shop said to lack what issuing takes
        "本店为个体工商户，暂不具备开具专票条件",
        # the price lost with the invoice
        "宝子开票的话咱这个价就没了哦",
        # put off by a count of months
        "开票的话得多等俩月哈",
        # a sum added per unit
        "需要票的，每瓶加15",
    ],
    "cod": [
        # refused, then said to be open after all
        "货到付款我们店不做的，虽然后台开了",
    ],
    "close_order": [
        # closed, then the buyer sent to buy again across a list mark
        "1.订单已取消 2.请重新拍新链接",
    ],
    "no_return": [
        # a window under seven days after a condition; a return said not to be taken in
        "您好，关于您的问题：鞋子有货；退货的话只接受未穿过且三天内的；包邮",
        "退了也是二手，我们不收",
    ],
})
add_round(NEAR_MISSES, {
    "invoice_refusal": [
        "开票的话折扣也不会取消",
        "要票的话每瓶加15？不会的，价格不变",
        "开票没有金额条件，多少都能开",
        "发票要等俩月？不用，当天就开",
    ],
    "cod": ["货到付款我们店不做的，其实后台也没开"],
    "close_order": ["订单已取消。您如果还需要，可以重新拍", "您申请取消的订单已经取消了，请重新拍新链接"],
    "no_return": ["退回来我们不收运费", "退货只接受七天内的申请"],
})

# a sixth reading: terse answers of sports shoes and cameras (amount limits, prices with the card)
add_round(VIOLATIONS, {
    "shipping_fee_breach": ["包邮只包江浙沪，您那需要另付"],
    "cod": [
        # refused above an amount or for dear goods
        "您这单超过2000了，货到付款做不了",
        "货到付款只能买500以下的",
        "相机价格高，不能货到付款",
    ],
    "card_fee": [
        # a perk lost with the card; a price, then a different one with the card
        "花呗的话运费您出",
        "相机12999，花呗付的话要13259",
    ],
    "close_order": ["订单已经关闭，这个颜色停产了"],
})
add_round(NEAR_MISSES, {
    "cod": ["超过2000的订单也能货到付款"],
    "card_fee": ["花呗的话运费也是我们出", "相机12999，花呗付也是12999", "相机12999，花呗分期12期免息", "机身12999，支持花呗，分24期每期541"],
    "close_order": ["订单没有关闭，缺货的话会先联系您", "您申请的订单已经取消了，这个颜色停产了"],
})

# a seventh reading: a refusal said as a condition or a wait (前提, 好评后才能开, 补齐后再发)
add_round(VIOLATIONS, {
    "invoice_refusal": [
        "发票需要您先确认收货并给好评后才能开",
        "开票的前提是您不用优惠券",
        "发票等活动结束后统一开，大概三个月后",
    ],
    "card_fee": ["花呗付款的订单要等手续费补齐后再发"],
    "no_return": ["退货的前提是吊牌没剪而且三天内"],
    "shipping_fee_breach": ["包邮的前提是好评"],
})
add_round(NEAR_MISSES, {
    "invoice_refusal": ["开票的前提是您提供抬头和税号", "开票的前提是订单已付款，付款后随时开", "发票三个月后也可以补开", "发票不需要好评，确认收货后就能开"],
    "card_fee": ["手续费不用补，付完就发"],
    "no_return": ["退货的前提是七天内且不影响二次销售"],
    "shipping_fee_breach": ["包邮没有前提条件，好评不好评都包"],
})

# an eighth reading: what trainsets23 a and c still held — every sale refused once sent or once bought
# beside an exempt kind (食品, 化妆品), COD said to be charged, the fee the shop is charged and absorbs
add_round(VIOLATIONS, {
    "no_return": [
        "为了卫生，本店所有食品一经发出，非质量问题不予退换",
        "化妆品都这样的，买了就不能退",
    ],
    "cod": ["货到付款是收费的，不然我们亏钱", "货到付款收费的哦"],
    "card_fee": ["刷卡我们会被扣费，麻烦您补一下差价"],
})
add_round(NEAR_MISSES, {
    "no_return": ["食品拆封后不支持无理由退货，没拆封的七天内可以退"],
    "cod": ["货到付款不收费的哦"],
    "card_fee": ["刷卡的话我们会被扣一点手续费，这个我们自己承担，您放心"],
    "close_order": ["没付款的订单可以直接点“取消订单”，需要您自己操作"],
})

# a ninth reading: dialect and set phrases (碌卡, 不中 after the echoed question, 没得商量, 买定离手)
add_round(VIOLATIONS, {
    "card_fee": ["碌卡要加手续费"],
    "no_return": ["退货？那可不中", "退货没得商量", "不退哈，买定离手"],
})
add_round(NEAR_MISSES, {
    "no_return": ["退货？不行的话可以换货，都支持", "退货？不可能不给您退，放心", "退货的事好商量，七天内都行"],
    "card_fee": ["碌卡唔使加钱"],
})

# a tenth reading: the two false flags evalsets15 still held, as classes (another shop's practice, then
# the shop's own; the fee asked about, then the shop bearing it), with the violation beside each
add_round(VIOLATIONS, {
    "invoice_refusal": ["听说有的店活动款照样开票，我们家活动款不开票"],
    "card_fee": ["分期要收手续费吗？要的，您这边出"],
})
add_round(NEAR_MISSES, {
    "invoice_refusal": ["别家说活动价不开票，我们家活动价也照样开", "有些店清仓不开发票，咱家清仓款一样开"],
    "card_fee": ["信用卡要收手续费吗？我们已经承担了，您付页面价", "白条分期要收利息吗？店里都出了"],
})

# an eleventh reading: closing said as a refund the agent made; the card's fee under another name
add_round(VIOLATIONS, {
    "close_order": ["这单我们不做了，已经申请退款给您", "订单我给你退了，你重新拍"],
    "card_fee": ["信用卡支付通道费您这边出"],
})
add_round(NEAR_MISSES, {
    "close_order": ["运费我给您退了，订单照常发", "您说不要了，订单我给你退了", "这款不做了的话会提前通知，不会直接退款"],
    "card_fee": ["信用卡的通道费我们出，您不用管"],
})

# a twelfth reading: the formal register and named delivery fees
add_round(VIOLATIONS, {
    "shipping_fee_breach": ["这款包邮，但需您承担保价费", "包邮，但是得发德邦，德邦的钱您出"],
    "invoice_refusal": ["发票请与厂家联系开具，我司不提供", "如需发票，价格需按含税价另行核算"],
})
add_round(NEAR_MISSES, {
    "shipping_fee_breach": ["包邮，保价费也是我们出，您不用承担", "包邮，德邦的钱我们出"],
    "invoice_refusal": ["发票由我司开具，厂家不用联系", "发票不提供纸质的吗？提供的，我们都开", "开票价格不用另行核算，就是页面价"],
})

# a thirteenth reading, after the blind step: the classes trainsets23 b (terse sports shoes) and d
# (cameras) showed, worded anew
add_round(VIOLATIONS, {
    "card_fee": [
        "刷信用卡的话我给您改个价，多8块",
        "分期免息是您来承担的哦",
        "白条分期每期加收0.5%",
        "刷卡的手续费不由我们承担，您多拍一件补一下",
        "分6期的话总价要加80",
        "信用卡可以刷，补个手续费就行，千元补10块",
        "分期的息费由您承担",
        "我们只开了买家承担手续费的模式",
    ],
    "close_order": [
        "不想发你这单了，已经关闭",
        "我刚给您申请了取消退款，钱原路回",
        "你那单退了，不卖了",
        "那单已被关闭，想要再拍",
        "您两天没付款，已自动帮您关了",
    ],
    "cod": [
        "店里开了货到付款，但您那边我们不想给您到付",
        "到付没问题～快递员会收您10块的代收费",
    ],
    "invoice_refusal": [
        "开发票的点数由您来承担",
        "这么低的价还要票，没办法开的",
        "补个差价150就给您开",
        "店里最近暂停开具发票",
        "要票的话价格只能按不含优惠的算",
    ],
    "no_return": [
        "海外版的不退货的哦，下单前看清楚",
        "不是我们的问题，那也不退",
    ],
})
add_round(NEAR_MISSES, {
    "card_fee": [
        "刷卡支付手续费0元，店铺全包",
        "分期免息是店铺承担的",
        "手续费由我们承担，不由您出",
        "分6期的话总价也不变",
    ],
    "close_order": ["您说不想要了，订单已经按您的要求关闭", "我刚帮您申请了退货运费险理赔"],
    "invoice_refusal": ["发票没办法开的情况不存在，放心", "补差价的链接不用拍，发票照开"],
    "no_return": ["不退货的话可以换货，看您", "不是质量问题也能退，七天内都行"],
    "shipping_fee_breach": [
        "包邮商品想换顺丰补差价，不换就是免费的中通",
        "退货有运费险，不会扣您当初的包邮运费",
    ],
})

test_each_class_of_violation_is_found_by_the_rules_alone, test_the_near_misses_of_each_class_stay_quiet = class_tests(VIOLATIONS, NEAR_MISSES)
