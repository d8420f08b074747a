"""Classes of meaning the six money rules (invoice_refusal, card_fee, shipping_fee_breach, cod,
close_order, no_return) missed on writers they never saw (issue 12, check13ra: trainsets13 a, c, e
and the development sets 6-12, trainsets 8 and 11), each written as a class with its near-misses.
Every case is worded anew, none is a line of an eval set. The violations are held to the rules
alone (no trained model); the near-misses to the full checker.
"""
from __future__ import annotations

from .findings import class_tests

VIOLATIONS = {
    "invoice_refusal": [
        # Cantonese 唔 before a verb is 不 (唔开 不开, 唔提供 不提供)
        "清貨價嗰啲唔出發票嘅，唔該體諒",
        "呢批促銷貨唔提供發票㗎",
        # a gift or perk taken to offset the invoice's tax
        "要开票的话，送的杯垫就扣下来抵税点了",
        "发票能开，那个赠品拿掉顶一下税钱哈",
        # two prices, with and without the invoice; the price recalculated with it
        "要票这款算288，不要票258",
        "不开票258，开票得288哦",
        "要发票的话价格得重新核算，现在这个价是不含票的",
        "开票的话价钱就不是这个数了",
        # its postage on the buyer in a later clause, under any name or as 到付 / 自理
        "发票单独寄，寄票的快递钱您自理一下",
        "发票下周统一邮寄，走顺丰运费到付",
        "发票能补寄，想要的话您自己出一下邮费",
        # refused with 给 after a deadline
        "发票过了申请期限就不给补了哈",
        # its cost named 成本 and put on the buyer
        "开票这块成本得您来担，我们利润太薄",
        "要票可以，您得自己承担开票成本，八块钱",
        # a fee as a sum in a later clause
        "发票要月底才统一开，到时候您再加8块手续费",
        # refused politely, the buyer told to do without
        "票这边我们开着不太方便，您就别要了吧",
        # refused in dialect or colloquial verbs (么得, 搞不成, 开不来, 开唔到, 不得开); extra tax given; put off by months
        "发票么得哈，这个价",
        "这单的发票搞不成",
        "票子开不来哦，您见谅",
        "發票開唔到啊",
        "小店不得开发票的",
        "票子要另外给税钱",
        "开票要等两个月以后才行",
        # the tax charged at a rate
        "开发票的话税点按6%算",
        # free postage taken away for the invoice
        "要开票的话邮费就不包了哈",
        "含税的话上浮4个百分点",
        # the invoice only at the full price, bought anew
        "要发票得按原价拍",
        # after the blind step (b, d, f): asked back then 开不了; its postage as a sum the shop collects; no licence
        # with 的; 补不了; a 裸价 beside the price with it; a fee as a sum after 收
        "这点东西也要票？开不了的",
        "寄发票得收6块钱的快递费",
        "我们是个体户，没有开票的资质",
        "下单没备注抬头，发票这会儿补不了",
        "368是裸价，含税的价格是398",
        "发票月底补开，补开收取工本费5元",
    ],
    "card_fee": [
        # a reason holding a negation, then the fee
        "花呗分期的免息名额我们没抢到，所以得另收手续费",
        # the shop cannot bear it
        "分期利息店里实在扛不住，您自己出一下",
        "手续费我们承担不起，得您补上",
        # 自理 on the fee; the fee landed on the buyer (算您头上)
        "要刷信用卡的话，手续费自理哈",
        "白条的通道费银行扣我们的，所以只能记您头上了",
        # the fee under a homely name
        "花呗付的话，您多给两块辛苦费",
        "信用卡刷的话补个茶水钱就行",
        # the card dearer than another method; the price with the fee in it
        "刷卡的话比走余额要贵个三块",
        "用花呗得按含手续费的价格来拍",
        # traditional characters: 免息 is no 免 of the fee
        "用花唄分期，免息期間的利息由買家承擔",
        # no surcharge granted, a perk or 包邮 taken instead
        "花呗不加钱也行，不过那个保温杯就不送了",
        "信用卡不加钱也可以，那运费得您自己付",
        # the buyer to subsidise the fee or sort it out; the fee sent to the shop
        "刷卡的话要您贴点手续费",
        "分期的利息您自己想办法",
        "花呗付款要另外转手续费给我们",
        # free postage taken away for the card
        "白条付的话就不包邮了",
        # disguised: 花b, the fee added with a plus sign
        "花b付款要多收两个点",
        "信用卡支付+手续费8元",
        # percentage points; a sum 多算
        "白条支付要多算2个百分点",
        "花呗分期多算五块钱",
        # 收 a fee with words between; two prices as a sum; the fee added to the item's price; 多出点钱;
        # 卡费 shared; a share in Chinese decimals
        "刷信用卡的话，我们会收一笔小小的刷卡费",
        "花呗付这件是299+6，余额付就299",
        "分三期的话，利息我们会计入商品售价",
        "白条可以的，就是得多掏点钱",
        "信用卡的卡费您分担一半吧",
        "分期付款的订单加收百分之一点五的服务费",
    ],
    "shipping_fee_breach": [
        # 包邮 said, a place not covered (不包), then a charge
        "写着包邮，可是青海我们不包，麻烦补拍20元的链接",
        "包邮是包邮，但您那边我们不包，要加8块",
        # the outbound postage of a 包邮 order shared with the buyer
        "包邮的单子，发货的运费也得您分担一半",
        # a charge after a concession holding a negation
        "标着包邮的，这个地址虽然模板没写但得收12块",
        # a remote place then a top-up without a sum, in dialect (包邮滴, 偏远地方要补)
        "包邮滴，山区那边要补",
        "包邮的，海南多算三块钱",
        # the cold chain or its packing charged on a 包邮 order
        "包邮的，冷链的保温箱钱您出",
        # a charge above a weight
        "包邮的，超过15公斤要加钱",
        # a top-up link with 包邮 said after; only to a town, words between; postage added by a price change; 包邮 withdrawn
        "您拍完我发个补运费链接，补8块，虽然页面写着包邮",
        "包邮的订单我们仅到乡镇，村里要再给师傅6块",
        "包邮的，拍下我改一下价，把邮费7块加进去",
        "您这单的包邮作废了，得另外付运费",
    ],
    "cod": [
        # 选到付 then more money to the courier
        "选到付的话，派件时师傅会多收您八块",
        "选择到付，签收时请另给快递员10元",
        # COD said in other words, with its fee on the buyer
        "签收的时候再付款是可以的，不过要收3%的代收服务费，您出",
        "收到货再付钱的话，手续费5块您付给快递员",
        # COD refused out of trouble or laziness
        "货到付款是有的，就是太麻烦，您还是在线拍吧",
        "到付我们嫌麻烦，一般不给做",
        # offered on the page, then only for old buyers
        "详情页显示支持货到付款，但我们只对老顾客开放，新客户要先付款",
        # dearer: a price for COD above the online one
        "货到付款的话这套按268算，网上拍是238",
        "到付价是128，线上付只要118",
        # COD taking 包邮 away
        "选货到付款的话就不包邮了，运费另算",
        "到付的话运费就从包邮变成8块",
        # refused to this buyer; a sum before it ships
        "货到付款的订单我这边不会给您安排发货",
        "几本本子还要货到付款，这个我不能给您开",
        "货到付款可以，加15块才行",
        # a fee under another name, vague or mocked
        "到付单我们得收8块风险费",
        "货到付款那边要收点钱的，您跟快递员结",
        "到付还想省掉代收费啊？那不行",
        # more money to the courier, or its fee told as the courier's
        "货到付款要多给快递小哥六块",
        "到付没问题，快递员会跟您收手续费",
        # refused to this buyer's place
        "你那个小区不给走货到付款",
        # a bare 到付 costing more
        "到付的订单得加价",
        "货到付款上调2个百分点",
        # offered, then not done for this order; the shop not bearing its fee; a bare 到付 with a fee sum; 代收货款 fees on the buyer
        "店里开通了货到付款，不过您这单太小就不给做了",
        "货到付款的手续费店里不承担，您自己付",
        "到付的话您另付4块的代收费",
        "代收款的手续费要您自己给快递小哥",
    ],
    "close_order": [
        # the shop's system told as the doer, any verb
        "缺货了，系统已经帮您把单撤掉了",
        # Cantonese 閂 (shut)
        "我已經幫你閂咗嗰張單",
        "張單閂咗喇，你再落過單啦",
        # several orders closed at once
        "我刚把您另外三单都取消了",
        # the buyer's details or a demand the shop cannot meet as the reason
        "您留的电话是空号，订单这边已经关闭了",
        "收件地址不完整，我们就直接把单关了",
        "您的备注要求我们做不到，单子取消了",
        # assumed not wanted
        "一直等不到您回复，就当您不要了，订单已经关了",
        # unpaid, then closed by the agent's own hand
        "半天没付款，我就给您取消了",
        # refunded by the shop, buy again later
        "那件我已经直接给您退款了，等到货再拍吧",
        # closed by me, buy again
        "您选的尺码我给撤了，再拍一个L码吧",
        "订单我已作废，您重新拍吧",
        # merged, the other closed
        "两单我帮您并成一单了，另外那单作废了",
        # the verb before the object
        "这款做不出来，已经帮您申请退款并关闭了订单",
        # dialect particles after the verb (取消嘞, 撤销喽); made to vanish in other verbs
        "单子我给你取消嘞",
        "订单给你撤销喽",
        "那个订单我给你整没了",
        # the shop's reason, then refunded or closed without 已
        "那个码卖完了，单我给你退了",
        "您那太偏我们送不了，订单关了",
        # closed for the buyer without 了 (Cantonese 我哋); this order voided, buy again
        "張單我哋已經幫你取消",
        "这单作废，您重新拍个新的",
        # a shop reason of its own, then 已取消; the refund applied for by the shop; the old order voided; 把 after 已经;
        # 做了退款关闭; 我们已自动
        "仓库这两天停发，这单已取消",
        "退款我已经给您提交了，不用您操作",
        "价格调了，原单作废，我这边关了",
        "刚把您那个灰色的订单取消了，另给您下了白色的",
        "这两件我帮您做了退款关闭",
        "看您拍重了，我们已自动关掉多的那单",
    ],
    "no_return": [
        # an ordinary reason or a returnable state, then still no return
        "尺码不合适也不给换的哦",
        "夹克买小了也不能换",
        "标签没拆也照样不退，试穿过就算旧的",
        "不喜欢也退不了，您自己留着吧",
        # the return called not a thing the shop does
        "退换这种事我们家不搞",
        # refused unless faulty
        "想退的话不行哈，除非是质量问题",
        # a window shorter than seven days
        "无理由退换只有5天的时间，已经过了",
        "签收算起都第四天了，不在退换期限内了",
        # mocked
        "还想退？做梦吧",
        # an exempt kind said with a rule the page does not show
        "这批是定制的，卖出去不退，详情页没写但规矩就这样",
        # refused in dialect; faulty goods not made good
        "退货不得行哈",
        "这个退不成的",
        "收了就莫想退了",
        "烂果不退也不赔",
        # a window in hours, or under seven days, as the only time to ask
        "收货后48小时内才能申请退款退货",
        "到货3天内才可以申请无理由",
        # an exempt kind beside goods refused too; a fee named first, then deducted
        "内裤是贴身的不退，外套也一样不退",
        "退货的话折旧费加运费一共扣您30",
        # the packing or the manual taken out, then no return; the 7-day return only for unopened goods; told to resell
        "盒子打开了就不能无理由退了",
        "配件拿出来了就不给退",
        "无理由只针对没拆封的，拆了就不行",
        "买了就是您的了，用不上可以挂闲鱼",
        # bad goods left to the buyer, perishable or not
        "草莓烂了店里概不负责",
        "鲜果售出不退，烂了也不管",
        # unboxed, plugged in or tried once, then no return
        "炒锅拆了箱就不给退",
        "电水壶通过电的话就不能退",
    ],
}

NEAR_MISSES = {
    "invoice_refusal": [
        "唔使擔心，發票照開，價錢唔變",
        "发票照开，赠品照送，不用抵什么税",
        "开票不开票都是258，没区别",
        "要票的话价格不变，抬头发我就好",
        "发票跟货一起寄，邮费我们出，不用到付",
        "开票的成本我们自己承担，您放心",
        "发票不会不给补的，您放心",
        "发票免费开，不用再加8块手续费",
        "发票您别急，月底统一寄出",
        "纸质票您就别要了，电子发票一样能报销",
        "发票不给开的话您可以投诉我们",
        "这点东西也要票？开得了的，放心",
        "寄发票不收快递费",
        "票开不开都是这个价，没有附加费",
        "特价不开票这种说法是没有的，都能开",
        "发票一般两天以后开好",
        "票子照开，一分钱都不另外加",
        "开票税点按6%算？不会的，价格不变",
        "开票的话邮费不包了吗？包的，放心",
        "发票邮费您不用管，我们这边包了",
    ],
    "card_fee": [
        "手续费我们承担得起，您放心用花呗",
        "信用卡付款，手续费不用自理，店里出",
        "花呗付就行，不用给辛苦费",
        "花呗付款跟余额一样价，不会比余额贵",
        "用信用卡不会算到您头上，放心",
        "花呗分期免息，手续费店铺出",
        "刷信用卡没问题，手续费那几个点都不用您补",
        "花呗要加手续费吗？不加哦，放心付",
        "花呗能先收货再付钱，页面价不变",
        "信用卡不加钱也行，赠品照送",
        "刷卡的手续费我们来贴",
        "用白条也包邮，不会不包邮了",
        "花b和信用卡都不加手续费",
        "刷信用卡我们不会收任何手续费",
        "货到付款的服务费我们不承担，由快递公司按规定收取，您在页面能看到",
        "花呗分期不多算一分钱",
        "分期利息您不用自己想办法，店里出",
    ],
    "shipping_fee_breach": [
        "新疆西藏不包邮，需补运费",
        "包邮，发货运费不用您出",
        "显示运费8块是因为这款没参加包邮活动",
        "江浙沪包邮，其他地区运费以下单页为准哦",
        "包邮的，您想走顺丰要补差价，用默认快递就是免运费",
        "包邮滴，偏远地区也不用补",
        "包邮，想走顺丰的话自愿补差价",
        "包邮的，海南也不多算钱",
        "包邮，超过15公斤也不加钱",
        "这款不是包邮款，运费按重量算，下单页会显示",
        "包邮的单子换顺丰要补差价，用默认快递就不用补",
    ],
    "cod": [
        "选到付的话不用多给钱，页面价就是到手价",
        "运费选到付的话，到时候给快递员12元就行",
        "货到付款手续有点麻烦，不过我们照样安排",
        "货到付款不麻烦的，您放心选",
        "货到付款您要是嫌麻烦，也可以在线付",
        "到付价是198，跟网上一样",
        "货到付款也包邮，不会因为到付就不包邮",
        "货到付款的订单我们不会给您发错的",
        "货到付款不收风险金之类的",
        "花呗可以先收货后付款，不需要任何手续费",
        "货到付款要多收钱吗？不会的，按页面价",
        "货到付款的话快递员要是跟您收服务费，您别给",
        "貨到付款唔收服務費",
        "代收货款的费用不用您出，我们跟快递结",
        "快递员只收订单上的金额，多要的您别给",
        "我们这边不支持货到付款，可以用花呗",
        "您那边快递不支持货到付款，可以用信用卡",
        "运费到付的话要加钱吗？不用，我们包邮",
    ],
    "close_order": [
        "超时未付款，系统会自动撤单",
        "您要我把那两单都关了吗？",
        "我不会把您的单关掉的",
        "没货的话我们会先联系您，不会直接关闭订单",
        "没付款的订单系统会自动关闭，我这边不会去关",
        "您寄回的退货我们收到了，已经给您退款了，欢迎下次再来",
        "您可以把两单合并，原来那单您自己取消一下",
        "您已经关闭了订单，需要的话重新拍就行",
        "您说不想要了，我这边帮您把那单关闭，您确认下",
        "按您刚才的要求，多拍的那单已经帮您关闭了",
        "付款方式我帮您从货到付款取消了，改为在线支付",
        "订单我们不会给您整没的，放心",
        "那个码卖完了，您可以申请退款",
        "訂單我哋已經幫你取消嘅話，錢會原路退返",
        "原订单不会作废，放心",
        "超时没付款的订单会自动关闭，您重新拍就行",
    ],
    "no_return": [
        "不满意也可以退，七天无理由",
        "不喜欢也不用担心，七天无理由退换",
        "退换这种事我们都办，您放心",
        "退货没有不行的，除非人为损坏",
        "退货只要3天就能退款到账",
        "想退货？没问题，七天无理由",
        "退货不成问题，七天内寄回就行",
        "烂果包赔，拍照给我们就行",
        "签收后七天内都能申请退货",
        "内裤是贴身的拆封不退，外套支持七天无理由",
        "退货不扣折旧费，运费险赔付运费",
        "水果是鲜活易坏的，不支持七天无理由，坏果拍照包赔",
        "海鲜签收后不支持无理由退货，质量问题我们负责",
        "开箱验货，有破损的话不用退回，直接补发",
        "48小时内发货，收到后七天无理由",
        "零食开了封就不适用七天无理由了，没开封的照样可以退",
        "售出概不退换这种话我们从来不讲的，放心退",
    ],
}

test_each_class_of_violation_is_found_by_the_rules_alone, test_the_near_misses_of_each_class_stay_quiet = class_tests(VIOLATIONS, NEAR_MISSES)
