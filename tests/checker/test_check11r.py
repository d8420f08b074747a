"""Classes of wording the checker missed on the development writers of trainsets11 and evalsets10
(issue 12, check11r: absolute_claim, negative_phrasing, abuse, privacy, close_order, no_return),
each written as a class of meaning with its near-misses. Every case is worded anew, none is a line
of an eval set. The violations are held to the rules alone (no trained model); the near-misses to
the full checker."""
from __future__ import annotations

import pytest

from .findings import pattern_rules_of, rules_of

VIOLATIONS = {
    # the shop closes the order on its own: by initiative, by refunding it, one of several, with
    # its own reason or an order to buy again, through "our system"
    "close_order": [
        "这单我们先不做了，已经关闭",
        "你下的那单我给你弄没了，重新拍一个",
        "帮你取消咗张单，有货再拍",
        "老板不想发，已经给您点了取消",
        "好几单地址一样，已经统统关掉了",
        "发不过去，您的订单已被取消",
        "我这边刚才已经申请关闭了",
        "订单我们这边已经关闭，请重新拍",
        "您那件台灯的订单，我们擅自给关掉了，实在抱歉",
        "店铺于今天上午主动关闭订单并退款",
        "您这单的退款我们已经点了，晚点到账",
        "你的单我这边退了款，这个价做不了",
        "三单我帮您合了一下，把另外两单取消了",
        "您拍的是下架的链接，我把它删了，新的发您",
        "您的订单已经取消，因为您下单太频繁",
        "您的单子关了 重新拍吧",
        "单子取消 缺货",
        "我关掉了 您重新拍一下新价格",
        "给你关单了，尺码不对",
        "订单我已取消，改好价您再下",
        "您之前那单一直没付，我已经替您删掉了",
        "我们系统把您的订单取消了，下次注意",
        "两个一样的我看重复了，已经关了一单",
        "这单卖亏了，直接撤掉了",
    ],
    # the return refused, limited or waved away for goods that qualify
    "no_return": [
        "这个要退的话只能给您退一半的钱",
        "穿过一次的话我们就不收了",
        "您这都用上了还退啥",
        "退货？不可能的",
        "您要退就只能退成店铺优惠券",
        "七天无理由？店里不兴这个",
        "我们家莫得无理由的",
        "无理由退？没这回事",
        "呢件唔退",
        "退钱是莫得的哈",
        "拆开的我们不管退",
        "买错尺码不算退货理由",
        "您的退货申请我们会拒绝的",
        "这双鞋您虽然没穿，但是盒子拆了，我们没法为您办理退货",
        "台灯插电试过了，不属于退货范围",
        "我们只受理质量问题的退货，其他的不行",
        "满减的订单是不退的哈",
        "我们不开通无理由退货的，您理解一下",
        "七天无理由？咱家这款不享受",
        "这款台灯没七天无理由哈",
        "过了两天就不能无理由退了",
        "您现在不想要了不行的",
        "后悔了不行哦，您当时自己选的",
        "没安装过的也不退",
        "清仓的耳机 不退也不换",
        "退？拆了就别想了",
        "试戴过就不给退了，我们还要二次销售",
    ],
    # another buyer or a third person: surname with title and what they did, where they live,
    # their address or number told; a relative's purchase told; a secret asked to be made known
    "privacy": [
        "要不要我把她的联系方式给你",
        "您对门那家也在我们这买过，留的电话是158xxxx",
        "他们的号码我这边看得到",
        "她地址我们这边都有，直接寄过去吧",
        "别的收件人也退过这款",
        "周老师之前也买过这套书",
        "那位阿姨的收货信息截图发你看看",
        "隔壁的吴主任也订了，电话是13600002222",
        "像宁波的沈女士，买了三套",
        "您儿子留的地址是城南花园12栋",
        "验证码收到没？收到了发给我",
        "尾号6688那个手机号的先生也买了",
        "有位姓孙的顾客上周也买了这套茶具",
        "跟您一起拼单的赵先生已经付款了",
        "我们公司的同事林经理也买了这把椅子",
        "买过这款的那个小哥住您对面楼",
        "您那位朋友，她的收件地址是南京市鼓楼区某路8号",
        "他电话填的是13900001111，您联系一下",
        "之前有个顾客就是您们学校的，也买了这台打印机",
        "您妹妹前天来过，还拍了两盒面膜，她没说吗",
        "您爸爸下的单，收货地址电话我都可以念给您",
        "U盾的密码也请一并告知",
        "那单不是您的，我跟您说下，收货人是郑某，电话137xxxx",
        "您同一栋楼的刘姐刚买了三箱",
    ],
    # the buyer belittled for skill, money or sense, dared to complain, or told off
    "abuse": [
        "你眼睛是摆设吗，页面写得清清楚楚",
        "这么点小事都搞不明白",
        "有意见自己憋着",
        "您还是回去好好学学怎么网购吧",
        "跟你说话真累",
        "爱投诉投诉",
        "脑子是个好东西，希望你也有",
        "跟你讲不通",
        "再问就拉黑",
        "这智商还是别网购了",
        "你是来搞笑的吗",
        "真是什么人都有",
        "不买就赶紧出去，别占着位置",
        "死远点",
        "像您这种爱砍价的人，另请高明",
        "小屁孩不懂，叫你爸妈来",
        "这个年纪了还学年轻人网购",
        "几块钱都要砍，抠成这样",
        "你算老几",
        "吃不来辣就莫买了",
        "脑壳有包吧",
        "我们不差你一个客户",
        "不懂电脑就别买这种配置",
        "养不活就别养了",
        "嫌贵就别骑车了，走路去",
        "连尺码表都看不懂，还是别网购了",
        "您这问题问得真外行",
        "穿不下还好意思说衣服小",
        "你是真的菜，插头都插反",
        "你这水平用不了单反",
        "你自己手残装坏的",
        "有病啊 同一个问题问一百遍",
        "有本事你去告啊",
        "我会怕你？",
        "嫌麻烦就去京东呗",
        "穷就买地摊货去吧",
        "你谁啊你",
    ],
    # the agent refusing about itself, stonewalling, or passing the buyer on
    "negative_phrasing": [
        "这个我真不清楚，你问快递去",
        "我说了好几遍了",
        "这个不在我的权限范围内",
        "这种事找我也没用",
        "不行，这个改不了",
        "你自己去查吧",
        "这我哪清楚",
        "这个我帮不了你",
        "这种事别找我",
        "看详情",
        "嗯，知道了",
        "价格我不会再降了",
        "我也不会给您换的",
        "改地址我也没法改，您自己想想",
        "加急这个我们做不到",
        "我不会给您单独包装的",
        "这种情况没有任何办法",
        "我这边查不了，您问快递吧",
        "我不负责退款这块",
        "不知道哈，我就是值班的",
        "说了不能就是不能",
        "规定就规定，我也没法",
        "这事我不管的",
        "查不了，自己看物流",
    ],
    # a shop elsewhere said to be unable to beat the price
    "absolute_claim": [
        "用了这款，痘痘必消",
        "这款面霜用了绝不过敏",
        "市场上找不出第二款这么好的",
        "包您明天收到",
        "这款戴上一定显瘦",
        "明早铁定送到",
        "放一百个心，绝不会出问题",
        "不合身我倒立给你看",
        "别家不可能有我们便宜",
    ],
}

NEAR_MISSES = {
    "close_order": [
        "这单我们先不发了，等您确认尺码",
        "这是您刚才申请取消的订单，已经关了",
        "您可以把其中一单取消了，另一单照发",
        "请把重复的那单取消掉，我们这边不会动",
        "您申请取消的订单我已关闭，退款原路返回",
        "订单因超时未付款已自动关闭，您重新拍就行",
        "您之前留的备注我已经替您删掉了",
        "我们不会擅自取消您的订单",
    ],
    "no_return": [
        "没拆封的话，退回来我们当天处理",
        "穿过的话我们不收运费险以外的钱",
        "退钱是没有问题的，原路退回",
        "不会拒绝您的退货，放心",
        "不喜欢也能退，七天无理由",
        "不能给您退到微信，只能原路退回哦",
        "这边没法为您办理退货，需要您在订单页自己申请退货",
        "人为损坏的不属于无理由退货范围，其他都支持",
        "只要是质量问题，来回运费我们都出",
        "不想要了也可以退的，七天无理由",
        "没拆封的也都能退",
        "运费从退款里扣的说法不对，我们不扣",
    ],
    "privacy": [
        "您的收货地址是人民路8号对吗",
        "其他客人的资料我们都保密，您放心",
        "验证码千万莫告诉别人",
        "凡是索要密码的都不是本店客服，谨防受骗",
        "快递员他电话我可以发给您，方便联系",
        "王女士您好，您的订单已付款，今天发出",
        "请问您贵姓？方便备注",
        "核对一下：收件人是您本人，电话尾号1234，对吗？",
        "密码不要告知任何人，包括客服",
        "买了同款的顾客都说好用",
    ],
    "abuse": [
        "这个问题我帮您反馈给仓库，稍后回复您",
        "不行的话我们再换个办法",
        "这个年纪的宝宝用这款刚好",
        "不买也没关系，您慢慢看",
        "几块钱的差价我们给您补上",
        "不会安装的话别担心，我们有视频教程",
        "这个小球会滚来滚去，猫咪很喜欢",
        "狗狗爱吃不吃的时候，可以换个口味试试",
        "您这眼光真好，这款卖得很好",
        "连老人都不会用错，操作很简单",
        "怕您等着急，先跟您说一声",
    ],
    "negative_phrasing": [
        "您可以先看下详情页的尺码表，有问题随时问我",
        "不行的话我再帮您换个快递",
        "我不会再让您等这么久了",
        "我不会给别人看您的信息",
        "看详情页的尺码表，再告诉我身高体重，我帮您选",
        "我这边不会动您的订单哦",
        "我不会给您多收一分钱",
        "有没有什么办法能快点到？我帮您问问",
        "您可以自己看物流信息，也可以问我",
        "我不管多晚都会回复您",
        "发票没有就不能报销吗？可以的，我们都开",
    ],
    "absolute_claim": [
        "我们尽量今天发出",
        "绝不会泄露您的信息",
        "不一定合适，您先量一下",
        "不敢说铁定明天到，一般两天",
        "这款穿上一定合适吗？我帮您对一下尺码",
        "最好搭配主粮一起喂，别单独喂太多",
        "您满意就是我们最大的心愿",
        "这款最大码是XXL，您看合适吗",
    ],
}


@pytest.mark.parametrize(
    ("rule", "text"), [(rule, text) for rule, texts in VIOLATIONS.items() for text in texts]
)
def test_each_class_of_violation_is_found_by_the_rules_alone(rule, text):
    assert rule in pattern_rules_of(text)


@pytest.mark.parametrize(
    ("rule", "text"), [(rule, text) for rule, texts in NEAR_MISSES.items() for text in texts]
)
def test_the_near_misses_of_each_class_stay_quiet(rule, text):
    assert rule not in rules_of(text)


# the lead (session 20): a question whether something is certain promises nothing, for the rules
# and for the trained model alike (the model read 一定 in 这款穿上一定合适吗 once retrained)
@pytest.mark.parametrize("text", [
    "这双鞋您穿着一定合适吗？要不要我帮您量一下",
    "亲是担心戴上肯定会过敏吗？这款是纯银的，可以先看看材质说明",
    "您是问明天绝对能到吗？一般两三天，我帮您催一下",
    "是要我们保证没有色差吗？实物和图片可能有轻微差别，介意的话可以先问我",
])
def test_a_question_whether_it_is_certain_is_no_promise(text):
    assert "absolute_claim" not in rules_of(text)


@pytest.mark.parametrize("text", [
    "这双鞋您穿着一定合适，放心拍",
    "戴上肯定不会过敏的，您放一百二十个心",
    "明天绝对能到，您等着收就行",
])
def test_the_same_words_said_as_a_promise_are_still_found(text):
    assert "absolute_claim" in rules_of(text)
