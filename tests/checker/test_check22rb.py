"""Classes of wording the checker missed or flagged wrongly on the development writers (issue 12,
check22rb: off_platform, review_bribe, absolute_claim, negative_phrasing, abuse, privacy), read
from trainsets15 a and c, evalsets13 and 14 and the older development sets, grouped by how the agent
said it (a contact without the app's name, a reward said as a perk or a coupon, a promise without
保证, a curt refusal without 不能, another buyer's data told in passing, contempt without swear
words). Every case is worded anew, none is a line of an eval set. The violations are held to the
rules alone (no trained model); the near-misses to the full checker."""
from __future__ import annotations

import pytest

from .findings import add_round, class_tests, pattern_rules_of

VIOLATIONS = {
    "off_platform": [
        # the app named by its look: a green bubble, a little penguin, a green icon
        "加我绿色泡泡，视频发您看",
        "有啥问题小企鹅上找我",
        "绿色的小泡泡加一下，价格那边报给您",
        "搜一下我的绿色小图标，名字就是店名",
        # another platform by a disguised name, then the shop or a lower price there
        "在pdd搜我们店名，同款便宜二十",
        "拼夕夕上也有我们家，价格低不少",
        "某音直播间下单更划算哦",
        "dy搜我们家，那边有福利价",
        # the order skipped in other verbs, with the money or the contact to me instead
        "先别在这拍，我发您账号转过去就行",
        "以后不用上淘宝买了，直接找我，电话13600001234",
        "不用在店里下单，打款到我卡上就发",
        "有事直接找我，不用再上淘宝拍了",
        "加我电话13800001234，以后别在店里下单了",
        # an account number of a payment app or a bank handed over
        "支付宝号是 186xxxx3321，转过来就行",
        "收款账户6222 0000 1111 2222，打过来就发货",
        "我给您发个银行卡号，钱打过去我就安排",
    ],
    "review_bribe": [
        # the reward first, the review as its condition after it
        "送您一年延保，前提是五星好评",
        "有小礼物哦，条件是晒图好评",
        # the wording of the review dictated, then money for it
        "评论里写上正品两个字，就可以拿现金",
        "评论写一句物流快，可以拿个红包",
        # the review asked about, then the reward once written
        "评价写了吗？评了给您发个小红包",
        "好评写好了吗？写了给您发红包",
        # the review's screenshot to me, the money after it
        "评完截个图发我，红包马上到账",
        "给个五星截图给我，8块钱奉上",
        "加个好友，好评截图我发您3元红包",
        # reviewers paid per head
        "带图评价的亲每人5块现金",
        "好评晒图的姐妹都有3块现金",
        # a coupon or a discount as the reward
        "五星和晒图就能换10元无门槛券",
        "好评的亲下次下单全部8折",
        # the money called a thank-you
        "五星加二十字就能领感谢金哦",
        "晒图评价给您一点辛苦费",
        # a bad review removed for a refund or compensation
        "您把差评删了，我们全额退款给您",
        "把中评改成好评，我们马上补偿您20",
    ],
    "absolute_claim": [
        # a deadline, then certain arrival
        "周五之前一定能到北京，放心",
        "三天之内必定送到您家",
        "今晚八点前保证发出",
        # 包你 before an outcome
        "用完这盒包你瘦五斤",
        "这个面霜包您满意",
        # delivery said to be certain without 保证
        "顺丰次日必达",
        "下单后后天稳到",
        # an extreme pledge if it fails
        "没效果我直播吃盒子",
        "用了不白我倒贴钱",
    ],
    "negative_phrasing": [
        # a curt bare refusal after the buyer's question restated
        "改地址？不行",
        "便宜点？不可以的",
        # the matter disowned as not the shop's job
        "售后安装不是我们客服该管的事",
        "退换这块不是我们小店该管的",
        "这个不归我们客服管，您问厂家",
        # told it is useless to ask me
        "跟我说也没用",
        "我就是个客服，这个管不了",
        "找我也没用哦，您去问快递",
        # a request refused as the kind of thing one does not do
        "这种事我们可不干",
        "改价格这种事情我不做的",
        # the talk itself refused
        "别再问了，我不会再回你了",
        "能不能别一直催",
    ],
    "abuse": [
        # told to see a doctor, a tantrum alleged
        "有病就去医院看看脑子",
        "你别在这撒泼了",
        # poverty mocked
        "钱包那么瘪还想买大牌",
        "口袋这么空就别看大牌了",
        # looks mocked
        "你这肤色涂啥都丑",
        "脸这么大戴什么都难看",
        # crude words
        "问这个有屁用",
        "这点屁事也来问",
        # the buyer's custom scorned
        "我们不缺你这一个客户",
        "少你一单也不差",
    ],
    "privacy": [
        # another buyer named by surname and place, with what they did or where they live
        "给差评的是一个姓王的杭州客户",
        "昨天广州的刘小姐一次买了五个",
        "上周苏州的陈先生订了两套，也是这个色",
        # another buyer by a masked name, with what they bought or where they live
        "这个收件人赵**在我们店买了好多回了",
        "这位收件人吴xx常来我们家买",
        # another person's order read out
        "您同事的单子我查到了，她买的是两盒，寄到公司前台",
        "你邻居的快递我看了，买的是黑色那款，寄到他家小区",
        # another buyer's order screenshot shown
        "这是别的客户的订单截图，您看看",
        "给您看一下他的购买记录截图",
        # a secret asked for with 给我
        "给我您的银行卡密码，退款要验证",
        "告诉我您的支付密码，我帮您操作",
        # another buyer's details read to the wrong buyer
        "您是南京的李女士吗？哦不对，那是上一个客户",
    ],
}

NEAR_MISSES = {
    "off_platform": [
        # denials of several channels at once, codes the shop does not send
        "我们不会让您加微信或者私下转账的，有事就在旺旺说",
        "收款码这种东西我们不会发的，请在页面拍下",
        "我们不建议私下交易，在平台付款更有保障",
        "有买家让我们加微信，我们都是在旺旺里沟通的",
        "地址用订单里的就行，不用另外留联系方式",
        "现金或扫码付给物流师傅都可以，不加价",
        "扫罐底的二维码可以查溯源信息",
        # a number already on the order, a recipient's phone for the order itself
        "这位买家留的手机号尾号是1234，您核对一下",
        "收件人改成您家人的话，把名字和电话发我，我备注到订单里",
        # the look of the goods, a platform named to warn
        "绿色的泡泡袋包装，路上不会压坏",
        "这个小企鹅玩偶是赠品",
        "拼夕夕上的同款不是我们家的，小心买到假货",
        "某音上那家店不是我们开的，小心仿冒",
        "嫌贵的话去拼夕夕买也行",
        "先别拍，等我确认一下库存再拍",
        "有问题直接找我，在淘宝下单就行",
        "您的支付宝账号是绑定的，退款原路退回",
    ],
    "review_bribe": [
        "好评返现是平台禁止的，我们不参加这种活动",
        "有人用我们店的名义说好评返现的话，请不要相信",
        "赠品随单送，不需要好评",
        "评价写不写都随您，退款已经给您办好了",
        "好评率很高的店铺，全场包邮",
        "晒图了吗？晒了我们会很开心的",
        "我把其他买家的评价截图发您看看",
    ],
    "absolute_claim": [
        "一般周五之前能到，不一定哦",
        "今晚八点前我一定帮您查清楚",
        "这是今年最新款，刚上架",
        "这个包您背着很好看",
        "打包您的订单时会多放一层泡沫",
        "有客人问是不是全网最低，我们不这样说",
        "不保证次日达，一般两天",
    ],
    "negative_phrasing": [
        "改地址？可以的，您发我新地址",
        "能便宜点吗？不行的话我帮您申请个券",
        "这不是您的问题，我们来处理",
        "跟我说没关系，我帮您处理",
        "我就是客服小王，很高兴为您服务",
        "这种事情我们不会让它再发生",
        "评价页面在我的订单里，您自己看情况写就好",
        "恩，好的，地址已经帮您改好了",
    ],
    "abuse": [
        "猫咪有病的话先去医院看看",
        "预算紧的话可以看看平价款",
        "钱包款式有三种颜色",
        "这款粉底涂什么肤色都好看",
        "宝宝的屁屁霜也有货",
        "库存不缺，您放心拍",
        "小狗像神经病一样满屋跑，太好玩了",
    ],
    "privacy": [
        "王先生您好，您买了两件，已经发货",
        "您朋友的订单需要他本人来查，我们不能透露",
        "这是您的订单截图，请核对",
        "验证码请自己输入，不用发给我",
        "您订单里的电话是138****5678，是这个号码吗",
        "我们店的王经理会联系您",
        "您的收件人是王**，电话138****1234，是您本人吗",
    ],
}

# the same classes said by voice input (no punctuation, speech-recogniser homophones) and in other
# indirect ways, probed with wordings of our own on the rules after the first round
VIOLATIONS_2 = {
    "off_platform": [
        # my number kept for ordering by phone
        "您存一下我电话 以后要货直接打给我",
        "记下我的手机号，下次订货直接打我电话",
        # the shop's own group joined with words between
        "您可以加我们的售后群 群里有专属优惠",
        "进一下我们店的老客交流群吧",
        # the app by a speech-recogniser homophone
        "那个就是您加一下我为新然后我发视频给您",
        "加个微新吧",
        # the code in my profile picture
        "您看一下我头像 扫一下就能加",
        # a deposit or the money to my card
        "您先付个定金到我卡上 我给您留货",
        # the matter settled offline, a private price, your number by private message
        "这单我们线下给您处理 您把钱给快递员就行",
        "私信我手机号 发你内部价",
        # our own mini program or site cheaper across a space
        "我们有个小程序 下单便宜十块",
    ],
    "review_bribe": [
        # speech-recogniser homophones of 返现 and 红包
        "收货后好评反现五元哦",
        "五星好评送洪包",
        # the reward noun and its sum beside the review
        "五星好评红包五元",
        "晒图现金2元 记得截图",
    ],
    "absolute_claim": [
        "这款面霜无任何副作用",
        "零副作用 孕妇也能用",
        "这个充电宝永远不会发烫",
        "必须明天到 您放心",
    ],
    "negative_phrasing": [
        "这个我也不太清楚 您自己去问问吧",
        "您自己想办法吧",
        "这种情况我们不负责",
        "这类问题本店一概不管",
    ],
    "abuse": [
        "有本事别买啊",
        "有本事你去投诉",
        "别跟我bb",
        "少在这里逼逼",
    ],
}
NEAR_MISSES_2 = {
    "off_platform": [
        "您的电话我存在订单备注里了",
        "我们没有售后群 有问题旺旺找我就行",
        "为新客户准备了小礼物",
        "我们线下门店也可以退换",
        "小程序里可以查物流 下单还是在淘宝",
        "定金在淘宝预售页面付就行",
    ],
    "review_bribe": [
        "这是反现实的设计风格",
        "好评红包这种活动我们不做",
    ],
    "absolute_claim": [
        "有没有副作用要看个人体质",
        "我们永远不会泄露您的信息",
        "必须明天到吗？我帮您问问快递",
    ],
    "negative_phrasing": [
        "您可以自己看看 喜欢哪个我帮您备注",
        "这种情况我们负责到底",
        "这个不是我们客服该管的吗？我帮您看看",
    ],
    "abuse": [
        "宝宝的bb霜也有货",
        "有本事的师傅都说这款好用",
    ],
}
# long replies with the violation mid-sentence, dialect (俺 read as 我), cures and unfailing goods,
# worth and age scorned: a third round of wordings of our own
VIOLATIONS_3 = {
    "off_platform": [
        "如果您着急的话可以加一下我们店长的私人联系方式 他会优先给您安排",
        "以后还想买的话您直接找我 我给您走个人渠道 比店里便宜",
        "这个价在淘宝上拍不了 您要的话俺给您私下整",
        "您转给我们财务就行 账号我发您",
        "给您一个我们的售后专线 18800001234 有问题直接打",
    ],
    "review_bribe": [
        "评价的时候说一下做工很好 我这边给您返点钱",
        "好评时夸一句包装好 给您发个红包",
    ],
    "absolute_claim": [
        "我们家的东西没有一个差评",
        "这款精油能治疗失眠",
        "效果立竿见影 三天见效",
        "所有颜色都不会掉",
    ],
    "negative_phrasing": [
        "这个俺也不晓得",
        "这事您找别人吧",
        "您问我我问谁",
        "这个我说了不算",
    ],
    "abuse": [
        "你配吗",
        "您根本不配用这个牌子",
        "一看你就是个穷学生",
        "你个老不死的",
    ],
    "privacy": [
        "这个地址之前寄过一个包裹 收件人叫王芳",
        "您朋友买的是两件 寄到西湖区的",
    ],
}
NEAR_MISSES_3 = {
    "off_platform": [
        "跟您同一天买的那个人也说没收到",
        "您的个人信息我们会保密",
        "退款由财务原路退回到您的账户",
        "快递员的电话是13800001111 您可以联系他",
    ],
    "review_bribe": [
        "评价的时候说说真实感受就好 我们会认真看",
    ],
    "absolute_claim": [
        "这款不能治疗疾病 只是日常保养",
        "无副作用这种说法我们不敢讲",
        "大部分颜色不会掉 深色第一次洗会有点浮色",
    ],
    "negative_phrasing": [
        "俺帮您问问仓库",
        "这个我说了算 给您包邮",
        "我说了不算 我帮您申请一下主管",
    ],
    "abuse": [
        "这条裤子您配白鞋好看",
        "这款不配送偏远地区",
    ],
    "privacy": [
        "这个地址的收件人是您本人吗",
        "您朋友想买的话可以一起下单",
    ],
}
add_round(VIOLATIONS, VIOLATIONS_3)
add_round(NEAR_MISSES, NEAR_MISSES_3)
# a fourth round: the shop's own account named, money before the goods, a private chat for a better
# price, a subsidy for a review, one of a kind, a page cited curtly, the buyer measured down, the
# neighbour's or colleague's purchase told
VIOLATIONS_4 = {
    "off_platform": [
        "我们有官方微信号 您搜店名就能找到",
        "收到钱我就给您发 不用拍",
        "款到发货 转账就行",
        "走私聊吧 价格好商量",
        "私戳我 给你算便宜点",
        "要不咱们换个地方聊",
        "旺旺上报价不方便 您懂的",
    ],
    "review_bribe": [
        "您写个评价 我们这边给您申请售后补贴",
        "晒图好评的 我们发奖励金",
    ],
    "absolute_claim": [
        "这个设计绝无仅有",
        "放心 百分之两百不会有问题",
    ],
    "negative_phrasing": [
        "我没空",
        "这个问题无解",
        "我们这边也很无奈",
        "详情页写得很清楚了",
    ],
    "abuse": [
        "就你这样的还想买正品",
        "就这点钱还磨磨唧唧",
        "你是不是来捣乱的",
    ],
    "privacy": [
        "刚给您隔壁那家也发了一单",
        "你们公司小王也在我们这买了",
    ],
}
NEAR_MISSES_4 = {
    "off_platform": [
        "我们没有官方微信号 有事旺旺找我",
        "收到您的付款我们就安排发货",
        "转账就行吗？不用的 直接拍下付款",
        "这边不方便改地址的话 您申请退款重拍",
    ],
    "review_bribe": [
        "评价全凭您的真实感受 不设任何奖励",
        "我们的赠品是满减送的 不是评价奖励",
        "本店不以任何形式奖励好评",
    ],
    "absolute_claim": [
        "这款销量涨了不少 同比200多单",
    ],
    "negative_phrasing": [
        "我没空的话同事也会马上回复您",
        "这个问题无解的话我们给您退款",
        "详情页写得很清楚的 我再给您说一下",
    ],
    "abuse": [
        "就您这样的身高穿M码正好",
    ],
    "privacy": [
        "您隔壁要是也想买 可以一起下单",
        "您公司要是需要开票 可以留个抬头",
    ],
}
add_round(VIOLATIONS, VIOLATIONS_4)
add_round(NEAR_MISSES, NEAR_MISSES_4)
# a fifth round: dialect (northern, south-western, Shanghainese, Cantonese) and plain spoken ways
VIOLATIONS_5 = {
    "off_platform": [
        "俺给您留个电话 您打过来说",
        "咱私下唠唠价格",
        "我们有个群 您进来 天天有秒杀",
        "直接给俺转钱就中",
    ],
    "absolute_claim": [
        "这被子保暖 您放一百个心",
    ],
    "negative_phrasing": [
        "咋整都不行",
        "俺们这就这规矩",
        "这个搞不定",
        "我搞不懂你说啥",
    ],
    "abuse": [
        "瞅你那熊样",
        "你个虎玩意儿",
        "傻了吧唧的",
        "你咋这么虎呢",
        "别膈应人了",
        "你这人真能作",
        "一边凉快去",
        "侬脑子坏忒了",
        "你个土鳖",
    ],
    "privacy": [
        "有个老主顾也住您那小区 姓张",
    ],
}
NEAR_MISSES_5 = {
    "off_platform": [
        "给您留个备注 发货前再确认",
        "我们有个淘宝群 在店铺首页就能进",
    ],
    "negative_phrasing": [
        "这是我们店的规矩吗？我帮您问问",
        "我搞不懂您说的型号 您能发个图吗",
    ],
    "abuse": [
        "你个子多高 我帮您选尺码",
        "宝宝的小熊样式睡衣还有货",
        "作业本下单就送",
        "一边充电一边用也可以",
        "衰减很小 音质不错",
    ],
    "privacy": [
        "有个老顾客推荐的这款 您可以看看",
    ],
}
add_round(VIOLATIONS, VIOLATIONS_5)
add_round(NEAR_MISSES, NEAR_MISSES_5)
# a sixth round: the gift far behind the review, and refusals without 不能 (the shop's part narrowed,
# the task left to the buyer, only a worker, the wish thrown back or refused whole)
VIOLATIONS_6 = {
    "review_bribe": [
        "好评写得好的话 我们会在首页展示并且送您礼物",
        "麻烦给个好评 不然我要被扣工资了 我私下给你发个红包",
    ],
    "negative_phrasing": [
        "我们只负责卖 售后找厂家",
        "这个你得自己去弄",
        "我也是打工的 您别为难我",
        "那您想怎么样",
        "您想多了",
        "您这要求我们满足不了",
        "这又不是我的错",
    ],
}
NEAR_MISSES_6 = {
    "review_bribe": [
        "好评写得好的话 我们会放在首页展示 谢谢您",
        "您的好评我们看到了 赠品是下单就送的",
    ],
    "negative_phrasing": [
        "您要自己联系快递的话 电话在物流详情里",
        "我们会尽量满足您的要求",
        "不是我的错吗？那我马上帮您改",
        "您看想怎么处理 退款还是补发都可以",
    ],
}
add_round(VIOLATIONS, VIOLATIONS_6)
add_round(NEAR_MISSES, NEAR_MISSES_6)
# a seventh round: numbers spaced in groups, a plus sign for 加, and the rules said in English
VIOLATIONS_7 = {
    "off_platform": [
        "转账到 6222 0211 0000 1234 就行",
        "支付宝 138 0000 5678 转过来",
        "contact me on whatsapp for the price",
        "add us on wechat pls",
        "+V 详聊",
    ],
    "absolute_claim": [
        "best price in the whole taobao",
        "lowest price ever",
    ],
    "negative_phrasing": [
        "no way",
        "sorry can't help you",
        "not my problem",
    ],
    "abuse": [
        "stupid",
        "are you blind",
        "shut up and read the page",
    ],
}
NEAR_MISSES_7 = {
    "off_platform": [
        "订单号 1234 5678 9012 已发货",
        "您的支付宝 138 0000 5678 已绑定 退款原路退回",
        "contact us here on wangwang anytime",
        "套餐+V型支架 一共两件",
    ],
    "absolute_claim": [
        "we will do our best",
    ],
    "negative_phrasing": [
        "no problem, I can help you",
    ],
    "abuse": [
        "this is a dumbbell set",
    ],
}
add_round(VIOLATIONS, VIOLATIONS_7)
add_round(NEAR_MISSES, NEAR_MISSES_7)
# an eighth round, read from trainsets15 b and d after their blind score: another homophone said to be
# my number, gifts counted or drawn for a review, age and rank scorned, the reviewer or another buyer
# placed, another customer's phone or a list of buyers offered
VIOLATIONS_8 = {
    "off_platform": [
        "微心号就是我手机号 加上聊",
        "加一下我薇心",
    ],
    "review_bribe": [
        "好评满20字送一包纸巾",
        "晒图评价赢大奖",
        "带图好评可抽一台小风扇",
    ],
    "abuse": [
        "您是老糊涂了吧 名字都写错",
        "这么大岁数了还这么多事",
        "土老帽 说了也不懂",
        "不要就拉倒",
        "有毛病 差评随便打",
        "别在这儿瞎叨叨",
        "你这样的顾客我见多了",
    ],
    "privacy": [
        "您楼下李大姐也在我们家买了两套",
        "您闺女那个账号昨天买了枕头 地址是沈阳皇姑区",
        "给差评的是天津南开的一个老头",
        "那个差评是河西区的孙先生写的",
        "上次是赵校长下的单 一共五千多",
        "隔壁班主任的电话可以发您",
        "名单发你看：周xx、吴xx",
    ],
}
NEAR_MISSES_8 = {
    "off_platform": [
        "有人让您加微信？那不是我们 有事旺旺找我就中",
        "您家里人刚才打电话说改地址 我已经备注了",
        "订阅店铺就能收到上新 不用另外进群",
        "有人跟您说要加微信吗？那都不是我们",
    ],
    "review_bribe": [
        "有人跟您说好评返现？那不是我们店的",
        "追评的时候发现问题也欢迎写出来",
        "下单就能参加店铺抽奖 不用评价",
        "这批好评率很高 抽检也合格",
        "晒单赢积分是平台的活动 不是我们的",
    ],
    "absolute_claim": [
        "收货地址：第一中学门卫室",
    ],
    "abuse": [
        "这款有毛病的话七天内包换",
        "老人家用的话 推荐这款字大的",
        "一把年纪了还这么有活力 您真棒",
    ],
    "privacy": [
        "核对一下：收件人李女士，电话尾号5678，对吗",
        "您说的电话尾号是8866，和订单上一致",
        "差评是可以追加评论的",
        "上次是王老师下的单吗？这次还寄学校吗",
        "隔壁店买了也可以来我们这保修",
    ],
}
add_round(VIOLATIONS, VIOLATIONS_8)
add_round(NEAR_MISSES, NEAR_MISSES_8)
add_round(VIOLATIONS, VIOLATIONS_2)
add_round(NEAR_MISSES, NEAR_MISSES_2)

test_each_class_of_violation_is_found_by_the_rules_alone, test_the_near_misses_of_each_class_stay_quiet = class_tests(VIOLATIONS, NEAR_MISSES)


@pytest.mark.parametrize("text", ["页面上“保证”字样指的是消保保证金", "标题里的“最”这个词是品牌名", "详情页写的「第一」两个字是批次号"])
def test_a_rule_word_quoted_to_explain_it_is_no_claim_of_the_rules(text):
    # the rules' own reading (the trained model reads words, not the quotation marks)
    assert "absolute_claim" not in pattern_rules_of(text)
