"""Chatter that names shop things without asking the shop anything gets no confident card, class by
class (issue 10, gate8); the same words asked of the shop keep theirs. Wordings of our own, none
of them in resources/chatter.txt or an eval set (checked at the end)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.matching.asking import NOT_SHOPPING as NOT_SHOPPING_TO
from kefu_assist.matching.asking import REMARK, SHOP, STORY, TOLD, address, asks_the_shop
from kefu_assist.matching.helpers import _is_noise
from kefu_assist.matching.normalize import normalize


def confident(matcher, message):
    return [s for s in matcher.suggest(message) if s.confident]


# -- an identifier with its label ------------------------------------------------------------
LABELS = ["订单号", "订单编号", "订单", "单号", "快递单号", "运单号", "手机号", "手机", "电话", "联系电话", "我的订单号是", "我的手机号是", "收件人电话", "会员号"]


@settings(max_examples=300, deadline=None)
@given(
    label=st.sampled_from(LABELS),
    number=st.text(alphabet="0123456789", min_size=5, max_size=22),
    sep=st.sampled_from(["", " ", "：", ":", "  ", "，"]),
    prefix=st.sampled_from(["", "SF", "JD", "YT", "ZTO", "No."]),
)
def test_a_labelled_identifier_alone_asks_nothing(matcher, label, number, sep, prefix):
    # 订单号 2026… got a complaint card, 联系电话 159… order_change: a label names the number and
    # asks nothing more than the bare number does
    message = f"{label}{sep}{prefix}{number}"
    assert _is_noise(normalize(message)), message
    assert confident(matcher, message) == [], message


@settings(max_examples=100, deadline=None)
@given(label=st.sampled_from(LABELS), number=st.text(alphabet="0123456789", min_size=5, max_size=22), other=st.sampled_from(["手机", "电话", "订单号"]))
def test_two_labelled_identifiers_ask_nothing(label, number, other):
    assert _is_noise(normalize(f"{label} {number} {other} {number}"))


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("订单号 2026113099887766 什么时候发货", "shipping_time"),
        ("单号 SF1400022233 物流一直不动", "logistics"),
        ("手机号13900001111 帮我改成13900002222", "order_change"),
        ("订单 20261130556677 我要退货", "return_exchange"),
    ],
)
def test_an_identifier_with_a_question_keeps_its_card(matcher, message, category):
    assert not _is_noise(normalize(message))
    sure = confident(matcher, message)
    assert sure and sure[0].category == category, [(s.category, s.score) for s in sure]


@pytest.mark.parametrize("message", ["手机 5g", "订单 3", "电话 12"])
def test_a_label_before_a_short_number_is_not_an_identifier(message):
    # 手机 5g names a phone; only a number of five digits or more is an identifier
    assert not _is_noise(normalize(message))


# -- a statement clause in a chatter message -------------------------------------------------
# A message the gate calls chatter is confident only for what one of its clauses asks in earnest
# (今天好冷 包邮吗). A clause that neither asks, speaks to the shop nor tells of the buyer's order
# or item is part of the chatter: 我们单位统一订票 in 我们单位统一订票 行政累坏了 is no request.
CHATTER_WITH_A_SHOP_STATEMENT = [
    "我们财务月底集中开票 会计姐姐要疯了",
    "我是开货车跑物流的 今天又堵了一天",
    "平时我都穿大码 最近瘦了好开心",
    "楼下快递站又排长队 累觉不爱",
    "退款这种事我妈最在行 哈哈哈",
    "今天搬家 家具一大堆 腰快断了",
    "我从小就喜欢蓝色 改不掉了",
]
# ... while a statement about the buyer's order or item, beside chatter, still gets its card.
CHATTER_WITH_AN_ORDER_STATEMENT = [
    ("今天好冷 收到的杯子碎了一个", "defect"),
    ("下雨天好烦 寄来的鞋子开胶了", "defect"),
    ("累死了 衣服上有个洞", "defect"),
]


@pytest.mark.parametrize(("clause", "message"), [("京东上便宜三十", "京东上便宜三十 你们少点"), ("别家才卖五十", "别家才卖五十 哈哈 降点")])
def test_a_clause_naming_another_shops_offer_asks_the_shop(clause, message):
    # the reason for a bargain (拼夕夕上才一半价钱，你们降点呗) is the shop's business, not chatter
    assert asks_the_shop(normalize(clause), normalize(message))


@pytest.mark.parametrize("message", CHATTER_WITH_A_SHOP_STATEMENT)
def test_a_shop_word_statement_inside_chatter_gets_no_confident_card(matcher, message):
    assert confident(matcher, message) == [], [(s.category, s.score, s.clause) for s in confident(matcher, message)]


@pytest.mark.parametrize(("message", "category"), CHATTER_WITH_AN_ORDER_STATEMENT)
def test_an_order_statement_beside_chatter_keeps_its_card(matcher, message, category):
    sure = confident(matcher, message)
    assert sure and sure[0].category == category, [(s.category, s.score) for s in sure]


# -- not shopping, whatever it names: maths, code, a word asked about, a message meant for others --
MATHS_AND_CODE = ["一个数的立方是27 求这个数", "2y+7=15 y是多少", "y=x+4 当x等于3", "解方程 x+8=20 要过程", "二次函数的图像怎么画", "这道题选哪个 满减那题", "应用题 打八折后是80元 原价多少", "用java写个退货流程的类", "编程作业 算运费的代码怎么写"]
WORDS_AS_LANGUAGE = ["退款这个词英文怎么说", "尺码用英语怎么讲", "快递用日语怎么说来着", "包邮这两个字怎么写成繁体", "色差这个词造句", "发货的英语单词是什么", "好评返现是谁想出来的", "运费险是哪年开始有的"]
MISSENT = ["发错群了 大家别在意", "点错人了 抱歉", "不是跟你说的 发错了", "刚才那句是跟我同事说的", "消息发串了哈"]
NOT_SHOPPING = MATHS_AND_CODE + WORDS_AS_LANGUAGE + MISSENT


@pytest.mark.parametrize("message", NOT_SHOPPING)
def test_maths_code_words_and_missent_messages_are_not_shopping(matcher, message):
    assert address(normalize(message)) == NOT_SHOPPING_TO
    assert confident(matcher, message) == [], [(s.category, s.score) for s in confident(matcher, message)]


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("发错人了 我想问下什么时候发货", "shipping_time"),
        ("会员积分能抵现金吗", "promotion"),
        ("有优惠代码吗", "promotion"),
        ("发错货了 我要的是蓝色", "defect"),
        ("180x200的床单有吗", "stock"),
        ("孩子写作业用的台灯 包邮吗", "shipping_fee"),
    ],
)
def test_the_same_words_in_a_shop_question_keep_its_card(matcher, message, category):
    # 积分 is no integral, 代码 after 优惠 no code, 发错 of goods no missent message, 180x200 no
    # algebra, and a homework lamp asked about is shopping
    assert address(normalize(message)) != NOT_SHOPPING_TO
    sure = confident(matcher, message)
    assert sure and category in [s.category for s in sure[:3]], [(s.category, s.score) for s in sure]


@settings(max_examples=200, deadline=None)
@given(
    a=st.integers(1, 99), b=st.integers(1, 999), var=st.sampled_from("xyz"), op=st.sampled_from("+-"),
    tail=st.sampled_from(["", " 怎么解", " 等于几", " 求解", "，解一下", " 包邮吗"]),
)
def test_an_equation_is_not_shopping(a, b, var, op, tail):
    # whatever follows it: an equation with an unknown is homework
    message = f"{a}{var}+{b}={a * 3}{tail}" if op == "+" else f"{var}+{a}={b}{tail}"
    assert address(normalize(message)) == NOT_SHOPPING_TO, normalize(message)


# -- remarks about oneself, one's trade, or things at large ----------------------------------------
REMARKS = [
    "我平常只穿深色的衣服",
    "我从小到大都是穿大码的",
    "我的鞋码总是在37和38之间晃",
    "我是开理发店的 今天客人好多",
    "我在一家电商公司实习 天天回消息",
    "我也是做服装批发的 知道这行辛苦",
    "运费险这东西真是好东西",
    "一分钱一分货这句话没毛病",
    "好评这种事向来看心情",
    "快递这个行业太辛苦了",
    "这几年网购的衣服越买越多",
    "上周买的裙子挺好看 随便说说",
    # said in passing, or a saying, whatever word in it asks in a shop's mouth (便宜, 吧, 能)
    "商场的衣服都好贵吧 随便说说",
    "话说回来 满减真能让人多花钱",
    "便宜没好货 这老话真没错",
    # the buyer's own trade or school, which names 客服 and 你们 as the buyer's own work
    "我也是开网店的 懂你们的辛苦",
    "我们老师布置的作业是分析客服聊天记录",
    # a question about a trade at large
    "快递这一行是不是很辛苦",
]
# ... and statements of the shop's business that share their words.
REMARK_TWINS = [
    ("我平常穿M码 这件穿多大", "size"),
    ("物流一直不动", "logistics"),
    ("快递一直显示派送中", "logistics"),
    ("我一直在等发货", "logistics"),
    ("衣服穿了一次就开线了 我从来没遇到过", "defect"),
    ("回这么慢 你们还做不做生意了", "complaint"),
    ("这种事你们就不管了吗", "complaint"),
    ("出了这种事 我要投诉", "complaint"),
    ("这种事再不处理就投诉你们", "complaint"),
    ("我是学生 能便宜点吗", "bargain"),
]


@pytest.mark.parametrize("message", REMARKS)
def test_a_remark_about_oneself_or_the_world_gets_no_confident_card(matcher, message):
    # (a trade told of as others' business, 这行, 理发店, is a story already)
    assert address(normalize(message)) in (REMARK, STORY)
    assert confident(matcher, message) == [], [(s.category, s.score) for s in confident(matcher, message)]


@pytest.mark.parametrize(("message", "category"), REMARK_TWINS)
def test_a_statement_of_the_shops_business_is_no_remark(matcher, message, category):
    assert address(normalize(message)) == SHOP
    sure = confident(matcher, message)
    assert sure and sure[0].category == category, [(s.category, s.score) for s in sure]


@pytest.mark.parametrize("message", ["可真会做生意 付完款就没人理了", "头一回网购就遇上这种事 气死了", "翻来覆去就这句话 没一点用", "这事我一定要讨个公道", "我说的是上面那个颜色 不是下面的"])
def test_a_grievance_or_a_clarification_is_no_remark(message):
    # 这事, 这种事, 这句话, 做生意 and 我说的是 are as often the buyer's grievance with the shop
    assert address(normalize(message)) == SHOP


@settings(max_examples=200, deadline=None)
@given(remark=st.sampled_from(REMARKS), ending=st.sampled_from(["亲 包邮吗", "你们能开发票吗", "帮我查一下物流", "这款有货吗"]), sep=st.sampled_from([" ", "，", ""]))
def test_a_remark_followed_by_a_question_to_the_shop_is_no_story(remark, ending, sep):
    assert address(normalize(remark + sep + ending)) not in TOLD


# -- a listing pasted with its tag ---------------------------------------------------------------
LISTINGS = [
    "【官方正品】真丝睡衣女夏季薄款 冰丝短袖两件套 家居服",
    "【新款】加厚珊瑚绒毛毯 单人午睡盖毯 办公室沙发毯",
    "【现发】云南高山普洱茶饼 357克 七年陈 熟茶",
    "【天猫】儿童电话手表 4G全网通 定位 防水 视频通话",
    "【爆款】羊毛混纺围巾 柔软不起球 男女同款",  # a fault denied is a selling point
]


@pytest.mark.parametrize("message", LISTINGS)
def test_a_pasted_listing_is_not_shopping(matcher, message):
    assert address(normalize(message)) == NOT_SHOPPING_TO
    assert confident(matcher, message) == []


@settings(max_examples=200, deadline=None)
@given(listing=st.sampled_from(LISTINGS), ending=st.sampled_from(["有货吗", "包邮吗", "能便宜点吗", "收到的是坏的", "你们家这个是正品吗", "帮我看看"]), sep=st.sampled_from([" ", "，", ""]))
def test_a_listing_with_a_question_or_a_fault_is_the_shops(listing, ending, sep):
    assert address(normalize(listing + sep + ending)) != NOT_SHOPPING_TO


# -- other shops without a name, the month's credit paid back, a mishap already resolved ---------
OTHER_STORIES = [
    "上周在另一家买的锅 把手掉了",
    "好几家店都说没货了 跑断腿",
    "我在好几个平台都留了差评",
    "花呗下周就要还了 头疼",
    "这个月信用卡又还了三千 心疼",
    "包裹被放到别的快递柜了 还好找到了",
    "手机壳被狗咬了个角 不过没事我再买一个",
]
OTHER_TWINS = [
    ("另一家店同款便宜十块 你们能少吗", "bargain"),
    ("付款能走花呗不", "payment"),
    ("花呗还能用吗", "payment"),
    ("我的花呗额度不够了", "payment"),
]


@pytest.mark.parametrize("message", OTHER_STORIES)
def test_other_shops_the_months_credit_and_resolved_mishaps_get_no_confident_card(matcher, message):
    assert address(normalize(message)) in TOLD
    assert confident(matcher, message) == [], [(s.category, s.score) for s in confident(matcher, message)]


@pytest.mark.parametrize(("message", "category"), OTHER_TWINS)
def test_this_shop_and_paying_it_keep_their_card(matcher, message, category):
    assert address(normalize(message)) not in TOLD
    sure = confident(matcher, message)
    assert sure and sure[0].category == category, [(s.category, s.score) for s in sure]


def test_huabei_is_no_request():
    # 呗 asks (便宜点呗), 花呗 does not: 花呗又要还了 asked nothing and was no story
    from kefu_assist.matching.asking import asks

    assert not asks(normalize("花呗到账了"))
    assert asks(normalize("便宜点呗"))


def test_the_wordings_are_in_neither_the_corpus_nor_an_eval_set(shared_eval_dir):
    from pathlib import Path

    from kefu_assist.matching.helpers import _shipped_chatter

    def key(text: str) -> str:
        return normalize(text).replace(" ", "")

    ours = {key(m) for m in CHATTER_WITH_A_SHOP_STATEMENT + NOT_SHOPPING + REMARKS + LISTINGS + OTHER_STORIES} | {key(m) for m, _ in CHATTER_WITH_AN_ORDER_STATEMENT + REMARK_TWINS + OTHER_TWINS}
    corpus = {key(line) for line in _shipped_chatter()}
    bench = Path(__file__).resolve().parents[2] / "benchmarks" / "eval"
    files = [*sorted(shared_eval_dir.glob("*.tsv")), *sorted(bench.glob("*.tsv")), *sorted(bench.glob("*/questions.tsv"))]
    evals = {key(line.split("\t", 1)[1]) for path in files if "heldout" not in path.name for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line and not line.startswith("#")}
    assert not ours & corpus and not ours & evals
