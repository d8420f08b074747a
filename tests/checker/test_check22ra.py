"""Classes of meaning the six money rules (invoice_refusal, card_fee, shipping_fee_breach, cod,
close_order, no_return) missed on writers they never saw (issue 12, check22ra: trainsets15 a and
c, and what the development sets 6-14, trainsets 8, 11 and 13 still held), each written as a class
with its near-misses. Every case is worded anew, none is a line of an eval set. The violations are
held to the rules alone (no trained model); the near-misses to the full checker.
"""
from __future__ import annotations

from .findings import class_tests

VIOLATIONS = {
    "invoice_refusal": [
        # after the blind step (b, d): the two prices said to differ; the second price with 票 left out; a fee for
        # the invoice as a sum; a fee link after a bare 票
        "阿姨，含票价和不含票价不一样的，含票的这床被子298，不含268",
        "要票的话这套被子是460，不要就420",
        "补开的工本费15元，您先付一下",
        "单位的票能开，您先拍个8元的开票费链接",

        # the invoice named first, then refused with a modal and an object between (发票我不能给你开)
        "发票我这边不能给您开，活动款都这样",
        "专票我们没法帮你出哦",
        "票的话我不可以给您开具，见谅",
        # the invoice only when the price goes back to the full one (要票只能恢复原价)
        "想要发票的话，只能恢复原价下单了",
        "开票的话价格得改回原价哈",
        # the price with the invoice left to bargaining (开票价格另外谈)
        "需要开票的话价钱要另外谈",
        "含票的价格我们再议哈",
        # a bare sum added for the invoice, per order or per piece (要票加200 / 每单加15)
        "要票加80，不要票就按现在的价",
        "开票没问题，每张加10，规矩是这样",
        # the invoice's postage through a top-up link (补开…拍一下邮费补差链接)
        "补开发票可以的，麻烦先拍一下6元邮费的补差链接",
        "发票寄出前请拍下快递费链接",
        # the invoice granted, then 要加点 clauses later
        "发票能开的，不过要走公司账户，另外还得加点钱",
        # put off without a date (多等半年 / 下个季度再说)
        "单位要开票的话要等一两个月",
        "发票这个事情，明年再说吧",
        "发票要等供货商那边开，具体啥时候说不准",
        # the tax put on the buyer's side (税费在您这边)
        "要开票可以，税费算在您那边哈",
        # numbers: the price multiplied for the invoice, the tax point as a decimal
        "需要开票的话，总价乘以1.06就行",
        "开发票的税点为0.03哦",
    ],
    "card_fee": [
        # after the blind step: the fee collected from the buyer; a bare sum added; the fee counted in; 另付 in the formal register
        "分六期的话，利息我们得跟您这收",
        "刷卡的手续费我们收您的，千分之六",
        "信用卡付款加15，微信付就原价",
        "信用卡也可以，就是得算上利息，总共变成880",
        "单位用公务卡结算的，须另付手续费2%",

        # the formal register: the fee on the buyer with 需另行 / 须自行, or 由贵校承担; a link for the fee
        "各位家长好，若选用花呗分期，须自行承担分期利息，特此说明",
        "贵单位如使用公务卡结算，刷卡手续费由贵单位承担",
        "用信用卡的话，稍后给您发个手续费链接补一下",
        # the fee put on the buyer's side
        "白条的利息在您那边哦",
        # numbers: the price multiplied for the card
        "信用卡分期的话订单金额×1.015",

        # a cash price and a dearer one for the card (现金价…花呗分期是…)
        "这台冰箱2899是现金价，走信用卡分期的话是2999",
        "这款128是现金价，刷卡的价格是133",
        # the card fee named as the reason to pay another way at the bare price
        "花呗利息太高了，走微信的话原价就行",

        # the shop refusing to bear the fee (手续费我们不贴 / 我们不能出)
        "信用卡的手续费我们是不贴的，您看着办",
        "分期的利息我们这边不能出，规定如此",
        "白条的利息这块我这边可不出，要不您用储蓄卡",
        "刷卡费我们不负担，麻烦您理解",
    ],
    "cod": [
        # after the blind step: dearer by a sum with 高/贵; only old customers 才能用; 到付款加钱; a group price lost
        "货到付款价格要高6块",
        "我们有货到付款，不过熟客才可以用，您先网上付吧",
        "到付款加钱的，一单十块",
        "走货到付款的话批发价就不适用了",

        # a bare 到付 granted, then money added; refused with a colloquial verb
        "到付也行，要加钱的哈",
        "货到付款这个，老板说了一般不给整",
        # a sum more with a bare 多, also in chat initials (hdfk 货到付款, 5r 5元)
        "选货到付款的话要多6块",
        "hdfk就多8r哈",
        # refused to this buyer in the formal register (无法为贵校安排货到付款)
        "鉴于订单金额较大，我们不便为贵单位办理货到付款，敬请谅解",

        # the collected part (代收) put on the buyer
        "代收的那部分钱，选了货到付款就得您自己出",
        # COD called troublesome, then another way urged
        "货到付款挺麻烦的，要不您直接在线拍",

        # a fee on COD said to be shown on the checkout page: disclosed, still a fee
        "货到付款的单子统一加收8块服务费，下单页会显示",
        "到付订单我们另收5元手续费，付款页面上有提示",
        # COD's fee put on the buyer with the fee named first, clauses later (…手续费你出)
        "货到付款？可以是可以，手续费您自己出",
        "到付？行啊，不过服务费您自己掏",
    ],
    "shipping_fee_breach": [
        # after the blind step: only to a town, the rest with words between; a sum to the courier on arrival; one box only
        "包邮是包邮，只包到乡里，进山要您另给8块",
        "这单包邮，快递到了您给快递小哥5块就行",
        "包邮只包一件，第二件开始每件10",

        # the postage settled apart; insurance on a 包邮 parcel charged
        "虽然包邮，整箱批发的邮费按件数单独核算",
        "这条项链包邮的，不过保价费要您来出",
        # other delivery fees of a 包邮 order 另算 (冷链费另算)
        "猫粮包邮的，但是冻干得走冷链，冷链费另算",
        # 包邮, a place, then a sum more with a bare 多; 包邮 typed as its initials (by)
        "包邮的呀，不过西藏那边要多12块",
        "宝 这款by的 但是新疆得补15r哦",
        # 包邮, then money to the courier, for delivery to the door, or a courier's price rise passed on
        "阿姨，褥子是包邮的，可您那是山沟里，得另外给快递员八块",
        "包邮归包邮，您那小区快递不进，要不就加点钱送上门",
        "被套包邮，但快递公司刚提价，多的那部分您来出",
        "床垫全场包邮，但这款是超大件，运输费用另计",

        # the postage on the buyer, then 本来/明明 包邮 said after
        "运费麻烦您到付一下，本来是包邮的，这次情况特殊",
        "邮费您这边补一下哈，虽然原本是免邮的",
        # the shop paid part of the postage of a 包邮 order, the rest on the buyer
        "这款包邮，运费我们承担了一部分，剩下的30您来付",
        # a courier's surcharge after payment passed to the buyer
        "快递公司通知要加收25块超重费，您补拍一下链接吧",

        # 包邮 said, then the postage of a kind of goods 另算 (虽然标着包邮，…运费都是另算的)
        "页面虽然写着包邮，可是您买的是大件家具，大件的运费都是另算的",
        "包邮是真的，不过您选的这套瓷器属于易碎品邮费单算哈",
        # 包邮, then a named surcharge on the buyer (过海费另外8块要您出)
        "包邮是包邮，进岛费另外10块得您出",
        "这款包邮，去海岛的轮渡费另外15块要您出一下",
        # the shop asking for postage on a 包邮 item (能不能补点运费给我们)
        "包邮价我们真的亏了，您能不能补点邮费给我们",
        "这个包邮款利润太薄了，您看可不可以补点运费给我们",
        # the template said to be free to all, still charged (运费模板是全国包邮)
        "您那边还是得补15块运费，虽然运费模板是全国包邮",
        # the postage added into the order (把运费加到订单里)
        "页面写着全国包邮，不过您这边的运费我已经加到订单里了",
    ],
    "close_order": [
        # after the blind step: the agent's own hand without 您 (统一手动关了, 我先取消, 替你点了退款); a top-up
        # not paid, then 已经关了; 主动为您 with the object after; a risk named, no agent
        "没付款的单子我们都是统一手动关了",
        "这单我先取消，等到货了您再拍",
        "我替你点了退款，钱两天到",
        "差价一直没补，已经关了",
        "商品下架了，我们已经主动为您取消了原来的订单",
        "系统判定订单可疑，已为您关闭",

        # the agent in northern dialect; declined, then the money sent back
        "那单您一直没付，俺们就给撤了",
        "那批货我们不发了，钱给您原路退了",

        # closed by the agent with a particle other than 了
        "超过半小时没付款，我就手动帮您关闭啦",
        # the order named, then 我给取消了 without 您
        "您一下拍了二十单，像是刷单，我们给关闭了",

        # the agent closing after the system flagged the order (系统检测到异常，客服已为您关闭)
        "系统提示您的订单有风险，客服这边已为您关闭",
        "系统判定订单有刷单风险，我们客服已经替您取消",
        # a reason blamed on the buyer, then the order cancelled without a subject (因为您…，订单已经取消)
        "因为您一直在问同一个问题，订单已经取消",
        "由于您一直不回消息，订单就被关闭了",
        # the agent applying for the refund and closing (我已经申请退款关闭了)
        "您的订单我已经申请退款关闭了，钱原路退回",
        "您那笔的钱我这边操作了退款，订单关闭了",
    ],
    "no_return": [
        # after the blind step: bought, so do not return; a no-reason window under seven days
        "下单了就别退了哈，小本买卖",
        "我们无理由退换只限3天内",

        # a return charged a fee other than postage; 不兴 (northern for not allowed)
        "退货得交十块钱的消毒费",
        "退回来的话包装费和检测费从退款里扣",
        "俺们这的东西不兴退货",
        # the refusal said as the shop's rule
        "七天无理由这个，我们店里的规矩是不允许",
        # the shop said not to have the 7-day return at all; the return left to the buyer; a loss put on the buyer
        "无理由退换那都是网上大店搞的，我们这小店没这个",
        "要退货的话您直接联系快递，这事我们不管",
        "退回来可以，不过包装损失您来赔",
        # returns not guaranteed (不包退)
        "这款鱼缸我们是不包退的哈",
        "没质量问题的话店里不包退换",
        # every sale refused beside an excuse about opened goods (一经拆封影响二次销售，所以一经售出不予退换)
        "各位老师好，练习册一旦拆封就影响二次销售，因此一经售出恕不退换，敬请谅解",
        "化妆品开封后影响二次销售，所以我们售出后概不退换",

        # a no-reason return turned away with 不接 / 不受理 / 不收回
        "七天无理由退货我们这边不接的",
        "无理由退换这块我们店里是不接的",
        "卖出去的东西我们是不收回的",
        "售出的货品不收回哈",
        # bought means no going back (买了就不能反悔)
        "亲，买了就不能反悔了哦",
        "拍下了可不能反悔的",
        # a return allowed with a share of the price kept (退可以，要扣一半货款)
        "退是能退，得扣三成货款",
        "退货可以，扣一半的钱",
        # returns only for quality faults (只接受质量问题退货 / 有质量问题才能退)
        "质量有问题的才可以给退",
        "质量问题才能给您退换，别的情况不行",
        "有质量问题才能退，其他的不行",
        # Cantonese 唔得 (退貨唔得)
        "退貨唔得㗎，特價嚟㗎",
    ],
}

NEAR_MISSES = {
    "invoice_refusal": [
        "有人说开票要加钱，我们家没这规矩，开票免费",
        "带票价跟不带票价没区别，都是128",

        "发票我这边不能给您开错抬头，所以麻烦核对一下",
        "要票的话价格不变，不用另外谈",
        "开票不加钱，每张都一样",
        "有买家问开票会不会贵一点，不会的，同一个价",
        "含票价=不含票价，您放心",
        "补开发票邮费我们出，不用拍链接",
        "发票能开的，要走公司账户也可以，不用加钱",
        "发票下个月初统一开，到时候发到您邮箱",
        "开票的税费不在您这边，我们承担",
        "开票的话金额乘1，跟不开一样",
    ],
    "card_fee": [
        "用花呗也行，不用加手续费，一共还是500",
        "刷卡的手续费我们不收您的",

        "贵单位如使用公务卡结算，手续费由我方承担",
        "用信用卡的话不用补手续费，也没有什么链接",
        "分期的利息不算在您头上，店里贴",

        "用信用卡付完全可以，不会多收您一分钱手续费",
        "现金价和花呗价都是2899，一样的",

        "信用卡手续费我们不收，您放心刷",
        "花呗的手续费我们不会让您出的",
    ],
    "cod": [
        "有客人以为货到付款要加钱，我们这边没有这种事",
        "货到付款直接在页面选，不用另拍补差链接",
        "到付款不多收钱，您放心选",

        "运费到付可以，快递送到了您付邮费就行",
        "货到付款不会多收一分钱，和在线付一样",
        "货到付款要多5块吗？不会的",
        "本店暂未开通货到付款，无法为您提供货到付款服务，您可以用花呗",

        "货到付款不麻烦的，签收时付给快递员就行",
        "货到付款的代收费我们出，您不用付",

        "货到付款不加收任何费用，付款页面会显示",
        "货到付款的手续费您不用出，我们承担",
    ],
    "shipping_fee_breach": [
        "这套书是按重量计费的非包邮款，运费在付款页面算好了",
        "这单包邮，快递到了不用给快递员钱",

        "这条项链包邮的，保价费我们出",
        "宝 这款by的 新疆西藏也by哦",
        "包邮的，西藏也不用多付钱",
        "包邮的，快递调价了差价我们出，您不用管",
        "包邮的，不用额外给快递师傅钱",
        "You can pay by card, 信用卡也可以",
        "满99包邮，您这单还差6块，补个运费也行，凑一本书就包邮了",
        "您的订单差两块钱就能包邮，不然运费要8块",

        "运费不用您出，本来就是包邮的",
        "这款包邮，运费我们全出了，您放心",

        "单件没满包邮门槛，按重量收运费，凑满99就免运费",
        "这单是包邮价，发票要的话另收邮费",
        "选货到付款的话包邮就取消了，要另付运费",
        "包邮的，进岛费也是我们出",
        "运费模板是全国包邮，您那边不用补",
    ],
    "close_order": [
        "您要是删了差评，这单运费我们给您退了",

        "您说那单不要了，俺们就等您自己取消",

        "有买家以为我们会关单，其实我们不会主动关的",
        "赠品我这边帮您取消啦，订单照常发",

        "想换颜色的话您可以先取消这单再重新拍，取消需要您操作一下",
        "因为您申请了取消，订单已经取消了",
        "系统检测到订单异常已自动关闭，跟客服无关",
    ],
    "no_return": [
        "东西买了不合适别犹豫，七天内都能退",

        "退换货不收任何处理费，运费险也有",
        "退货不扣包装费，七天内都能退",
        "七天无理由可以退，但不包退货运费哦",
        "退货按规定是可以的，七天内寄回就行",
        # a dismissal (abuse's), not a refusal of the return
        "爱退不退，退完别再来买了",
        "七天无理由我们这都有，放心买",
        "退货运费我们不管哦，七天内都能退",
        "退回来的包装损失不用您赔",
        "活动款不退？我们没这个规矩，都能退",
        "化妆品开封后影响二次销售，所以开封的不退，未开封的七天内可以退",

        "有些买家以为特价不退，其实我们都支持七天无理由",
        "过了七天的话，质量有问题才能给您退",

        "超过七天的话只接受质量问题的退货",
        "七天无理由退货我们都接的，放心",
        "退货不收运费，寄回来就行",
        "退货可以，不扣钱",
        "有质量问题我们包退，没质量问题七天内也能退",
    ],
}

test_each_class_of_violation_is_found_by_the_rules_alone, test_the_near_misses_of_each_class_stay_quiet = class_tests(VIOLATIONS, NEAR_MISSES)
