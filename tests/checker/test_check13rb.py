"""Classes of wording the checker missed or flagged wrongly on the development writers (issue 12,
check13rb: off_platform, review_bribe, absolute_claim, negative_phrasing, abuse, privacy), read
from trainsets13 a, c, e and the older development sets, each written as a class of meaning with
its near-misses. Every case is worded anew, none is a line of an eval set. The violations are held
to the rules alone (no trained model); the near-misses to the full checker."""
from __future__ import annotations

import pytest

from kefu_assist.checker.rules import normalise

from .findings import add_round, class_tests, pattern_rules_of, rules_of

VIOLATIONS = {
    "off_platform": [
        # another platform or site named, then the deal or a lower price there
        "闲鱼上搜我们店，那边有专属价",
        "淘特上也有我们这款，在那里买划算",
        "别的平台上搜我们店，私信有内部价",
        "这件闲鱼上也挂了，您在那拍就行",
        "外面的网站下单能便宜不少",
        # the shop's own channel skipped for a personal one
        "您加下我小号，以后找我",
        "以后不用在店里拍了，直接跟我说",
        "我给你走私单，比页面便宜",
        "我电话就是微信号，下次直接联系",
        # the app in disguise as a verb or half a word
        "v我一下，发你实拍",
        "微❤搜这个号 shoe2024",
        "加个微x，我发您细节图",
        "我口口号给你，有事口口上说",
        "发你我的微信号，加一下",
        # money straight to a company account
        "货款直接打到我们公司对公账户就行",
        # Cantonese, read as Mandarin
        "你揾我私人微信啦",
        # the app by a homophone
        "加个卫星，发你视频",
        # the money handed to me directly
        "货款直接给我，我帮你下单",
        # the app's moments as a shop window
        "更多款式看我朋友圈",
        # a contact handed over without the app's name
        "加一下这个号，发你实拍图",
        "我的号是kefu2025，有事找我",
        "有问题加薇",
    ],
    "review_bribe": [
        "给我们打满星星，返您三块钱",
        "给五颗星的话返您两块钱",
        "带图评价满三张，再买立减八",
        "好评可以换积分，积分直接抵现金",
        "好评的话以后来买都送你杯垫",
        "五星好评送充电线一根",
        "关注店铺返好评红包哦",
        "能给个好评吗？有小红包，五块",
        "晒单后找客服，有小福利等你",
        # a lower price next time, without a sum
        "五星好评，回购时给你打折",
        # a little of something sent for the review
        "打个好评，发你一些试吃装",
        # a little back for the review
        "好评后返您一点",
        # the reward called a perk
        "好评晒图有福利哦",
        "追评的话可以领福利",
    ],
    "absolute_claim": [
        "吃了这个宝宝一定胃口大开",
        "这款墨水包准不晕染",
        "这根表带永远不会断的",
        "这是世界上最纯的蚕丝",
        "这个设计全球唯一",
        "这单我担保后天能到",
        "下单后3小时内必发货",
        "正品保障，假的赔您十倍",
        "这支笔零色差，和图片一模一样",
        # sweetness guaranteed, every piece promised, years without breaking
        "这批橙子保甜",
        "放心买，个个都甜",
        "这口锅十年用不坏",
        "这件外套穿五年不变形",
        # superlatives of taste, looks and wear; nothing cheaper anywhere; no regrets
        "这是今年最甜的一批荔枝",
        "这是本季最帅的夹克",
        "这个价外面找不到比这低的",
        "买了绝不后悔",
        # certainty in slang
        "放心，明天妥妥到",
    ],
    "negative_phrasing": [
        "快递丢了跟我们店没关系，您找快递",
        "这个颜色我们也没招了",
        "规定就系咁",
        "我都冇计",
        "我不管这个，你问物流吧",
        "这个我真不能保证",
        "这个我不能保证哦",
        "这双鞋我不能保证今天发",
        # no way out and not knowing in dialect
        "这个我整不了",
        "没得法子，就这样",
        "我也晓不得，你问厂家",
        # sent to ask alone
        "自己去找厂家吧",
        # answered already, no way, not knowing said flatly
        "这个问题我回答过了",
        "真没法子",
        "这个我也不懂",
    ],
    "abuse": [
        "你家狗咬坏了关我什么事",
        "你爱投诉谁投诉谁",
        "您爱退就退",
        "买唔起就唔好睇啦",
        "没钱就甭看了",
        "嫌贵就去买高仿啊",
        "就你这种也配穿这个牌子？",
        "真是个事儿妈",
        "一支笔计较这么久，小家子气",
        "别的买家都没你这么多事",
        "腿那么粗穿什么都难看",
        "能不能把嘴闭上，听我说",
        "哪凉快哪呆着去",
        "字都不认识吗，说明书写着呢",
        "屌你，烦死",
        "你神精病吧",
        # dialect names for a fool and contempt in dialect
        "你个瓜娃子，讲半天还不懂",
        "真是个二百五",
        "缺心眼吧你",
        "真是个憨批",
        "你咋这么磨叽",
        # chatter mocked and worth denied
        "别在这瞎bb",
        "你算什么东西，也来教我",
        # shamelessness alleged
        "穿过了还有脸来退",
        "真不要脸",
    ],
    "privacy": [
        "刚有个家长也订了，住3号楼2单元",
        "另一位家长的电话我发给你，你们约一下",
        "下单这双的那个人叫李伟",
        "有位黄姓顾客也退过这件",
        "这几位已经到货了：王先生、李女士",
        "您同学那单我给您看看，他选的蓝色",
        "她的地址就在人民路那边",
        "他买了三支红笔，您可以参考",
        "请提供您的网银登录密码，我们核实一下",
        "麻烦报一下您的18位身份证号码",
        "那个人的电话是13512345678，你自己联系",
        "有个香港客叫张生，佢地址係旺角",
        # the code read out in other verbs
        "手机上刚收到的那串数字念一下",
        # a relative's number held
        "你老婆的手机号我这边有",
    ],
}

# read from trainsets13 b, d, f after they were scored blind (fruit, kitchen appliances in dialect, men's clothing)
VIOLATIONS_BDF = {
    "off_platform": [
        "批量采购的话我们线下聊，价格好商量",
        "您留个电话，我打给您细说",
        "别下单了，直接转钱过来",
        "有事去蓝色软件找我",
        "客服号是shop_amy，搜一下",
        "微：coat-studio，加我看新款",
        "货款打到下面这个账户，收到就安排",
        "以后不用再走天猫了，找我就行",
        "➕个卫星，发你报价",
    ],
    "review_bribe": [
        "关注店铺还有晒图礼",
        "好评的话，这次运费险的钱我们一并给您处理好，再多给五块",
        "好评的话，来回的运费险费用我们都给您补上",
        "好评后下次裤脚免费改",
    ],
    "absolute_claim": [
        "这箱芒果一定是熟的",
        "放心，一定没有烂果",
    ],
    "negative_phrasing": [
        "这事我也没招儿",
        "我们不会帮您换新的",
        "没法改了，已经发出",
        "补不了货，就这样吧",
        "这个色不会再上了，您别等了",
    ],
    "abuse": [
        "您这样的素质还是别买了",
        "看不懂说明书的人，脑子多半不太灵光",
        "你是不是憨啊，插头都插不上",
        "您这身材穿什么都难看",
    ],
    "privacy": [
        "另一位同事的收货地址是滨江路12号，要一起寄吗",
        "那个问过退款的顾客是杭州的吴女士",
        "拍一下您的身份证正面",
        "银行卡拍张照发过来",
        "同一个地址还有一单，收件人叫林芳",
        "和您同一个单位的那位女士也挑了这款",
    ],
}
add_round(VIOLATIONS, VIOLATIONS_BDF)

NEAR_MISSES = {
    "off_platform": [
        "我们只在天猫开店，其他平台上的同名店不是我们家的",
        "别人让您加微信的话要多个心眼，我们只在旺旺聊",
        "不需要扫码付款，直接拍下就可以",
        "您说的微信转账不需要，退款会原路退回",
        "我们不会叫顾客私下转账，有事旺旺找我",
        "我哋唔會叫你私下轉賬",
        "您的手机号是138****1234吗？快递会联系您",
        "您在外面网站买的我们查不到订单",
        "退款我们原路退回，不用把钱转给我们",
        "喜欢的话可以分享到朋友圈",
        "您的订单号是2024xxxx，已经发货",
        "我的工号是1024，有问题随时找我",
    ],
    "review_bribe": [
        "平台不允许好评返现，您按真实感受评价就好",
        "给我们打满星星的话我们会很开心，谢谢您",
        "好评吗？您满意的话给个好评，不满意直接找我",
        "您下次下单可以领店铺券，和评价没有关系",
    ],
    "absolute_claim": [
        "价格不算最低，但是做工好",
        "您最好量一下脚长再选",
        "用了一定要注意防晒",
        "穿上一定合适吗？我帮您看看尺码",
        "我们尽量今天发，一般两天到",
        "我不能保证每件纹路都一样，手工的会有细微差别",
        "不保甜的话可以联系我们",
        "每个都是手工挑选的",
        "保质期十二个月",
        "我们不承诺一定今天到，一般两天",
        "现在是荔枝最甜的时候",
        "这个季节最甜",
        "新人有福利券，领了再拍",
    ],
    "negative_phrasing": [
        "恩恩，收到，我这就去给您改地址",
        "恩恩好的，马上帮您备注",
        "分期手续费是银行收的，跟店里没关系，我们不加钱",
        "这款不可能掉色，放心穿",
        "我不管多晚都会回您",
        "您可以问一下快递，我也帮您催",
        "价格调整不了的话我帮您申请券",
        "有没得办法快点发？我帮您问问",
        "色差？不可能的，收到跟图片一样",
        "您可以自己问快递，也可以让我帮您问",
        "您问多少遍都没关系，我再说一次",
        "我不懂您的意思，您能再说一下吗",
    ],
    "abuse": [
        "您爱喝什么口味，我帮您推荐",
        "宝宝腿太粗的话建议选大一码",
        "不方便的话，您先看看再说",
        "唔，好的，我帮您查",
        "唔该晒，我哋已经发货",
        "这款系统升级了，联系我们就可以",
        "二百五十克一袋，两袋包邮",
        "放在第二货架上了",
        "您怎么这么客气",
        "宝宝的bb霜到了",
        "这个不要脸盆的话可以换赠品",
    ],
    "privacy": [
        "核对下收件人：周同学，手机138****5678，学校宿舍，对吗",
        "您的手机号是139xxxx1234吗",
        "其他家长的信息我们都保密",
        "您要给他买了两支的话，可以拍套装",
        "买这款的人都说好穿",
        "请您妥善保管自己的密码，不要告诉任何人",
        "收到的验证码不要念给任何人",
    ],
}
NEAR_MISSES_BDF = {
    "off_platform": [
        "平台外的付款我们一律不收，请在页面拍下",
        "有急事可以打订单里的官方客服电话",
        "订单号是20240101abc，已经发货",
        "请认准天猫店铺，不用再问别的渠道",
    ],
    "review_bribe": [
        "评价写不写都随您，坏了的我们先补发",
        "运费险理赔会自动退给您",
    ],
    "absolute_claim": [
        "不一定是熟的，建议放两天",
        "一定是快递路上磕到了，我们给您补发",
    ],
    "negative_phrasing": [
        "我们不会给您多收运费",
        "没问题，就这样给您安排",
        "您别着急，我这就查",
    ],
    "abuse": [
        "锅里的水烧滚了再放面条",
        "放滚水里烫一下更干净",
        "您这身材穿L码刚好",
    ],
    "privacy": [
        "其他顾客也反映过这个问题，换个插座就好",
        "您的身份证信息我们不需要，不用拍照",
    ],
}
add_round(NEAR_MISSES, NEAR_MISSES_BDF)


test_each_class_of_violation_is_found_by_the_rules_alone, test_the_near_misses_of_each_class_stay_quiet = class_tests(VIOLATIONS, NEAR_MISSES)


@pytest.mark.parametrize(("cantonese", "mandarin"), [
    ("我哋唔會", "我们不会"), ("佢地址係", "他地址是"), ("買唔起就唔好問", "买不起就不要问"), ("冇計", "没辙"),
    ("發俾我", "发给我"), ("揾我", "找我"), ("買咗", "买了"), ("有咩", "有啥"), ("喺旺旺", "在旺旺"),
])
def test_cantonese_function_words_read_as_mandarin(cantonese, mandarin):
    text, index = normalise(cantonese)
    assert text == mandarin
    assert index is None  # one character for one: spans still point into the text as typed


@pytest.mark.parametrize("text", ["联系我们", "系统升级", "唔，好的", "唔该", "关系很好"])
def test_mandarin_and_hums_keep_their_characters(text):
    folded, _ = normalise(text)
    assert "是" not in folded and "不" not in folded


def test_a_cantonese_violation_has_its_span_in_the_text_as_typed():
    text = "屌你，問咁多"
    (finding,) = [f for f in __import__("kefu_assist.checker", fromlist=["check"]).check(text) if f.rule == "abuse"]
    assert text[finding.start:finding.end].startswith("屌")
    assert "abuse" in pattern_rules_of(text) and "abuse" in rules_of(text)
