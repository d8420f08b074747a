"""Small talk against shopping questions, class by class (issue 10, gate22): chatter that names
shop things gets no confident card, and the shopping messages the gate turned away get theirs.
Wordings of our own, none of them in resources/chatter.txt or an eval set (checked at the end);
each family failed before its change.

Classes: the buyer saying the shop is not meant (跟你们没关系, 不关你们的事) of a mishap elsewhere,
even a broken thing's; a haul not yet unpacked (囤的东西还没拆完); hooked on shopping (拆快递好上头);
a word that brings something to mind (两个字让我想起); a poll put to anyone about the world of
parcels (有没有人觉得顺丰的飞机很酷); a job sought (客服这个岗位累不累 我想来应聘). Shopping words typed as pinyin initials (by吗,
yfk了 快点fh) read as the words. A bare 嗯嗯 (a thanks example and a chatter line at once) is chatter;
an acknowledgement in words (哦哦 明白了) closes the chat: thanks. What a hotline is, asked as trivia
(12315是个啥电话), the world bemoaned (这世道变了), a gift from others (朋友送的保温杯挺好看的) and the
listing's photos praised (主图拍得好高级) ask the shop nothing. A link pasted without its scheme
(m.tb.cn/h.5abcDE) is noise like one with it. After trainsets15 b and d were read: a word's origin or the
buyer's spelling of it (签收两个字原来有这么多讲究), a courier's looks (小哥今天戴着鹿角帽子) and a reminder meant
for home (降温了 记得多穿点) ask the shop nothing; 拍了 tells of the buyer's order like 拍的 (拍了哈 你看下:
order_placed; not 拍了张照片). The reverse: hesitating with a reason (有点犹豫 最近银价好像在涨)
answers the shop's offer; a threat to go public if the shop does nothing
(不给说法我就去小红书发帖) asks the shop, and a fault told then a wish to return it (桌腿有一处裂缝
我想退) keeps its card though a small-talk script ranks first.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.matching.asking import NOT_SHOPPING, REMARK, SHOP, STORY, TOLD, address, asks, asks_the_shop
from kefu_assist.matching.normalize import normalize


def confident(matcher, message):
    return [s for s in matcher.suggest(message) if s.confident]


def to(message: str) -> str:
    return address(normalize(message))


# -- the shop is not meant -------------------------------------------------------------------------
NOT_YOU = [
    "小区的快递柜好像又坏了 跟你们没关系哈",
    "驿站今天好像没开门 不过跟你们没关系",
    "楼下的快递点搬走了 不关你们的事哈",
    "快递员态度好差 不过不怪你们",
    "物业把我的件弄丢了 和你们没关系",
]
# ... while a question or a request beside it is the shop's
NOT_YOU_ASKING = [
    ("快递摔坏了 不怪你们 能补发吗", "defect"),
    ("不是说你们 是快递太慢了 什么时候能到", "delivery_time|logistics"),
]


@pytest.mark.parametrize("message", NOT_YOU)
def test_saying_the_shop_is_not_meant_is_a_remark(matcher, message):
    assert to(message) == REMARK
    assert confident(matcher, message) == [], [(s.category, s.score) for s in confident(matcher, message)]


@pytest.mark.parametrize(("message", "category"), NOT_YOU_ASKING)
def test_a_question_beside_not_you_keeps_its_card(matcher, message, category):
    assert to(message) not in TOLD
    sure = confident(matcher, message)
    assert sure and sure[0].category in category.split("|"), [(s.category, s.score) for s in sure]


# -- a haul not yet unpacked, hooked on shopping -----------------------------------------------------
HAUL = [
    "年货节买的还没拆 哈哈",
    "618囤的东西到现在还没拆完",
    "上周买的好几个包裹都还没拆 太懒了",
    "快递堆在门口一个都没拆 懒",
]
HOOKED = [
    "每天蹲物流信息 太上头了",
    "拆快递真的好上头",
    "看直播买东西真上头",
    "抢券抢上瘾了 哈哈",
    # (where the parcel is, asked of nobody: 哪 without a particle)
    "天天刷物流看到哪了 真上头",
    "每天盯着包裹到哪了 太上头了",
]
UNPACKING_ASKED = [
    ("刚收到还没拆 能退吗", "return_exchange"),
    ("还没拆封 可以退吗", "return_exchange"),
]


@pytest.mark.parametrize("message", HAUL + HOOKED)
def test_a_haul_or_being_hooked_is_a_remark(matcher, message):
    assert to(message) == REMARK
    assert confident(matcher, message) == [], [(s.category, s.score) for s in confident(matcher, message)]


@pytest.mark.parametrize(("message", "category"), UNPACKING_ASKED)
def test_an_unopened_parcel_asked_about_keeps_its_card(matcher, message, category):
    sure = confident(matcher, message)
    assert sure and sure[0].category == category, [(s.category, s.score) for s in sure]


@pytest.mark.parametrize("message", ["这款香水味道很上头吗", "这个零食吃了会上瘾吗"])
def test_hooked_asked_about_an_item_is_the_shops(message):
    assert to(message) not in TOLD + (REMARK,)


# -- a word that brings something to mind, a poll put to anyone ---------------------------------------
BROUGHT_TO_MIND = [
    "退款两个字让我想起了大学时的室友",
    "秒杀这俩字让人想到以前排队买鸡蛋",
    "看到尾款两个字就想起房贷",
]
POLLS = [
    "有没有人觉得顺丰的飞机很酷",
    "有没有人觉得快递小哥的制服很帅",
    "大家觉得中通的车好看吗",
    "有人觉得双十一的红包越来越少了吗",
]


@pytest.mark.parametrize("message", BROUGHT_TO_MIND + POLLS)
def test_a_word_brought_to_mind_or_a_poll_is_not_shopping(matcher, message):
    assert to(message) == NOT_SHOPPING
    assert confident(matcher, message) == [], [(s.category, s.score) for s in confident(matcher, message)]


JOBS = ["你们店还招人吗", "客服这个岗位累不累 我想来应聘", "仓库缺人吗 我想去打包", "我简历投过去了 什么时候面试"]


@pytest.mark.parametrize("message", JOBS)
def test_a_job_sought_is_not_shopping(matcher, message):
    assert to(message) == NOT_SHOPPING
    assert confident(matcher, message) == [], [(s.category, s.score) for s in confident(matcher, message)]


@pytest.mark.parametrize("message", ["有没有人觉得这款偏小", "大家觉得这件黑色好看还是白色好看", "有人觉得质量不好吗", "有没有人反映尺码偏大"])
def test_a_poll_about_the_shops_item_is_the_shops(message):
    assert to(message) != NOT_SHOPPING


# -- a threat to go public asks the shop ---------------------------------------------------------------
THREATS = [
    "今天不给说法我就去小红书发帖",
    "再不处理我就去抖音曝光",
    "不给我退我就发微博",
    "拖着不解决的话我就去小红书挂你们",
]


@pytest.mark.parametrize("message", THREATS)
def test_a_threat_to_go_public_asks_the_shop(matcher, message):
    assert asks(normalize(message))
    assert to(message) not in TOLD


# -- hesitating, with a reason of the buyer's day, answers the shop's offer ----------------------------------
HESITATING = ["有点犹豫，最近银价好像在涨", "还在犹豫 这个月工资还没发", "有点犹豫 天气预报说要降温", "拿不定主意 感觉两个颜色都挺好", "我还在犹豫 老公说家里已经有一个了"]


def test_hesitating_with_a_reason_mostly_gets_the_hesitation_card(matcher):
    # (犹豫 answers the shop's offer like 考虑; 纠结 is said of lunch as often and stays out)
    got = {m: [s.category for s in confident(matcher, m)][:1] for m in HESITATING}
    assert sum(g == ["hesitation"] for g in got.values()) >= 3, got


# -- the news that the order is placed, then 你看下 --------------------------------------------------------------
PLACED_LOOK = ["刚拍了 你看下", "拍了哈 你看下", "我这边拍了 你看下", "俺也拍了 你瞧瞧", "拍了啊 你看看吧"]


@pytest.mark.parametrize("message", PLACED_LOOK)
def test_placed_then_have_a_look_is_order_placed(matcher, message):
    # (拍了 tells of the buyer's order like 拍的; 你看下 alone is 0.92 chatter to the gate)
    sure = confident(matcher, message)
    assert sure and sure[0].category == "order_placed", [(s.category, s.score) for s in matcher.suggest(message)[:3]]


def test_a_photo_taken_is_no_order():
    assert to("拍了张照片 你看看") == SHOP and not asks_the_shop("拍了张照片")


# -- a fault told, then a wish to return it -----------------------------------------------------------
FAULT_THEN_WISH = [
    ("桌腿有一处裂缝，我想退", "return_exchange|defect"),
    ("灯罩有个凹痕 我想退", "return_exchange|defect"),
    ("柜门关不严 我想换", "return_exchange|defect"),
    ("椅子腿有点晃 我想退了", "return_exchange|defect"),
]


@pytest.mark.parametrize(("message", "category"), FAULT_THEN_WISH)
def test_a_fault_then_a_wish_to_return_gets_a_confident_card(matcher, message, category):
    assert confident(matcher, message), [(s.category, s.score) for s in matcher.suggest(message)[:3]]


def test_a_fault_then_a_wish_to_return_mostly_gets_the_return_card(matcher):
    # (the gate's part is a confident card; which card ranks first is the ranking's: 我想换 reads
    # as changing the order's variant, 我想退了 as cancelling, the return card third)
    got = {m: [s.category for s in confident(matcher, m)][:1] for m, _ in FAULT_THEN_WISH}
    assert sum(g and g[0] in c.split("|") for (m, c), g in zip(FAULT_THEN_WISH, got.values())) >= 2, got


# -- shopping words typed as pinyin initials ------------------------------------------------------------
INITIALS = [
    ("亲 by不", "shipping_fee"),
    ("两件by吗", "shipping_fee"),
    ("这个sfby", "shipping_fee"),
    ("yfk了 麻烦快点fh", "order_placed|shipping_time"),
    ("已经yfk了", "order_placed"),
    ("怎么还不fh", "logistics|shipping_time"),
    ("tk啥时候退回来", "return_exchange"),
    ("wl好几天没更新", "logistics"),
]


@pytest.mark.parametrize(("message", "category"), INITIALS)
def test_pinyin_initials_read_as_the_shopping_words(matcher, message, category):
    sure = confident(matcher, message)
    assert sure and sure[0].category in category.split("|"), [(s.category, s.score) for s in matcher.suggest(message)[:3]]


@pytest.mark.parametrize("text", ["by the way 你好", "by", "hp打印机墨盒有吗", "我在sh上班", "5th 第五", "baby 宝宝", "kdby", "tk to 我"])
def test_initials_inside_words_english_or_without_chinese_stay_as_typed(text):
    from kefu_assist.matching.hurry import quick_words

    assert quick_words(normalize(text)) == normalize(text)


# -- a hotline asked about as trivia, the world bemoaned, a gift from others, the listing's photos praised --
HOTLINE = ["315晚会是干嘛的 我外婆问我", "消费者协会是什么单位啊 我儿子作业里有", "12345是个啥电话 我邻居说打了有用", "市场监管局管什么的 突然好奇"]
WORLD = ["这社会是怎么了 人心都变了", "这世道变了 哎", "这个世界疯了"]
GIFTS = ["朋友送的保温杯挺好看的", "刚收到闺蜜送的口红 开心死了", "男朋友送我的项链 好喜欢", "同事送的围巾 很暖和"]
PHOTOS = ["详情页的模特拍得真好看", "主图拍得好高级 像画报一样", "买家秀拍得挺用心的"]


@pytest.mark.parametrize(("message", "kind"), [(m, NOT_SHOPPING) for m in HOTLINE + WORLD] + [(m, STORY) for m in GIFTS] + [(m, REMARK) for m in PHOTOS])
def test_trivia_the_world_gifts_and_photos_praised_ask_the_shop_nothing(matcher, message, kind):
    assert to(message) == kind
    assert confident(matcher, message) == [], [(s.category, s.score) for s in confident(matcher, message)]


@pytest.mark.parametrize("message", ["12315是干嘛的 我要投诉你们", "朋友送的这款 码数小了 能换吗", "别人送的鞋 开胶了", "图片拍得挺好看 实物也这样吗", "图片拍得太好看了 实物差远了"])
def test_the_hotline_a_gift_or_the_photos_beside_the_shops_business_is_the_shops(message):
    assert to(message) not in TOLD


# -- a word's origin or spelling, a courier's looks, a reminder meant for home --------------------------------
WORD_ORIGIN = ["签收两个字原来有这么多讲究", "运费两个字的来历挺有意思", "售后两个字我写错了好几次", "退货两个字写成了退或"]
COURIER_LOOKS = ["中通的小哥今天戴着鹿角帽子", "韵达的快递员今天打扮得像圣诞老人", "顺丰小哥换了身新衣服"]
REMINDERS = ["降温了 记得多穿点", "变天了 别忘了带伞", "记得吃药 别又忘了", "出门记得带伞"]


@pytest.mark.parametrize(("message", "kind"), [(m, NOT_SHOPPING) for m in WORD_ORIGIN + REMINDERS] + [(m, REMARK) for m in COURIER_LOOKS])
def test_a_words_origin_a_couriers_looks_or_a_reminder_ask_the_shop_nothing(matcher, message, kind):
    assert to(message) == kind
    assert confident(matcher, message) == [], [(s.category, s.score) for s in confident(matcher, message)]


@pytest.mark.parametrize("message", ["快递员穿着雨衣送来的 包裹湿了", "下雨了 记得发货前包好防水", "记得给我开发票", "小哥穿着制服来的 箱子都压坏了"])
def test_a_courier_or_a_reminder_beside_the_shops_business_is_the_shops(message):
    assert to(message) == SHOP


# -- a link pasted without its scheme is noise ------------------------------------------------------------
_label = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(labels=st.lists(_label, min_size=1, max_size=3), tld=st.sampled_from(["com", "cn", "net", "org", "COM"]),
       path=st.one_of(st.just(""), st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./?=&%_-", max_size=20).map(lambda p: "/" + p)))
def test_a_link_without_its_scheme_gets_no_suggestion(matcher, labels, tld, path):
    link = ".".join(labels) + "." + tld + path
    assert normalize(link) == "", link
    assert matcher.suggest(link) == [], link


@pytest.mark.parametrize(("message", "category"), [("m.tb.cn/h.8xYz 这款还有货吗", "stock"), ("邮箱abc@qq.com 能开发票吗", "invoice"), ("3.5cm厚的有货吗", "stock")])
def test_a_question_beside_a_link_or_a_dotted_number_is_still_answered(matcher, message, category):
    sure = confident(matcher, message)
    assert sure and sure[0].category == category, [(s.category, s.score) for s in matcher.suggest(message)[:3]]


# -- a bare sound acknowledges nothing; an acknowledgement in words is thanks ---------------------------
@settings(max_examples=40, deadline=None)
@given(sound=st.sampled_from(["嗯", "哦", "噢"]), times=st.integers(min_value=1, max_value=6), tail=st.sampled_from(["", "呢", "~", "。"]))
def test_a_bare_sound_gets_no_confident_card(matcher, sound, times, tail):
    message = sound * times + tail
    assert confident(matcher, message) == [], (message, [(s.category, s.score) for s in confident(matcher, message)])


@pytest.mark.parametrize("message", ["哦哦 明白了", "嗯嗯好的", "噢噢 懂了", "嗯嗯 了解了", "哦哦 收到", "嗯 好的 知道了"])
def test_an_acknowledgement_in_words_is_thanks(matcher, message):
    sure = confident(matcher, message)
    assert sure and sure[0].category == "thanks", [(s.category, s.score) for s in matcher.suggest(message)[:3]]


def test_the_wordings_are_in_neither_the_corpus_nor_an_eval_set(shared_eval_dir):
    from pathlib import Path

    from kefu_assist.matching.helpers import _shipped_chatter

    def key(text: str) -> str:
        return normalize(text).replace(" ", "")

    plain = PLACED_LOOK + WORD_ORIGIN + COURIER_LOOKS + REMINDERS + HESITATING + NOT_YOU + HAUL + HOOKED + BROUGHT_TO_MIND + POLLS + THREATS + JOBS + HOTLINE + WORLD + GIFTS + PHOTOS
    ours = {key(m) for m in plain} | {key(m) for m, _ in NOT_YOU_ASKING + UNPACKING_ASKED + FAULT_THEN_WISH + INITIALS}
    corpus = {key(line) for line in _shipped_chatter()}
    bench = Path(__file__).resolve().parents[2] / "benchmarks" / "eval"
    files = [*sorted(shared_eval_dir.glob("*.tsv")), *sorted(bench.glob("*.tsv")), *sorted(bench.glob("*/questions.tsv"))]
    evals = {key(line.split("\t", 1)[1]) for path in files if "heldout" not in path.name for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line and not line.startswith("#")}
    assert not ours & corpus and not ours & evals
