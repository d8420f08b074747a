"""Kinds of wording three writers of the development sets used and the library did not read (rank13,
issue 10). Own wordings, none a line of an evaluation set; each family failed on main before.

- Cantonese written as Hong Kong and Guangdong buyers type it (唔, 冇, 嘅, 咗, 喺, 啲, 幾多, 邊度,
  可唔可以, 唔該): normalize.py reads its grammar words as the Mandarin ones the library uses, so
  that 呢款仲有冇貨 is 这款还有没有货. Chatter in Cantonese stays chatter. Not read: 先 for 才
  (點樣洗先唔會縮水; Mandarin's 先不 is "not yet").
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.matching.normalize import normalize

from .families import family_misses, first_confident

# (message, scenario): one or two own wordings per scenario, as a Hong Kong buyer types them
CANTONESE_FAMILY = [
    ("呢款仲有冇貨呀", "stock"),
    ("黑色嗰隻冇貨咗？", "stock"),
    ("可唔可以平啲呀", "bargain"),
    ("買三件平啲得唔得", "bargain"),
    ("寄深圳包唔包郵㗎", "shipping_fee"),
    ("幾時可以寄出㗎", "shipping_time"),
    ("我個包裹到咗邊度", "logistics"),
    ("呢個杯有幾多毫升", "size"),
    ("係唔係正品嚟㗎", "quality"),
    ("尺寸唔啱可唔可以退", "return_exchange"),
    ("我唔要喇，幫我取消張單", "cancel_order"),
    ("你哋服務咁差，我要投訴", "complaint"),
    ("老闆喺唔喺度呀", "greeting"),
    ("唔該晒", "thanks"),
    ("我諗下先", "hesitation"),
    ("我啱啱落咗單", "order_placed"),
    ("可唔可以開發票俾我", "invoice"),
    ("可唔可以用信用卡俾錢", "payment"),
    ("用咩快遞寄㗎", "courier"),
    ("呢件衫可唔可以機洗", "care_warranty"),
]
# small talk in Cantonese: no confident card, as its Mandarin twin gets none
CANTONESE_CHATTER = ["今日好熱呀", "你食咗飯未呀", "琴日睇咗場波，好攰", "我阿媽成日講我唔識煮飯"]


def test_cantonese_grammar_words_read_as_mandarin():
    assert normalize("呢款仲有冇貨呀") == "这款还有没有货呀"
    assert normalize("可唔可以平啲") == "可不可以便宜点"
    assert normalize("我嘅包裹到咗邊度") == "我的包裹到了哪里"
    assert normalize("个杯几多毫升㗎") == "个杯多少毫升"
    assert normalize("唔該晒") == "谢谢"
    assert normalize("係唔係真嘅") == "是不是真的"


def test_mandarin_that_shares_a_character_is_left_alone():
    # 系 of 关系/系列, 未 of 未发货, 平 of 平时, 几 of 几多天 are Mandarin
    for text in ["没关系", "这个系列还有吗", "未发货可以取消吗", "平时穿m码", "要等几天", "系统显示已签收", "这么多"]:
        assert normalize(text) == text


@pytest.mark.parametrize(("message", "category"), CANTONESE_FAMILY)
def test_a_cantonese_question_finds_its_scenario(matcher, message, category):
    assert family_misses(matcher, [message], category) == []


@pytest.mark.parametrize("message", CANTONESE_CHATTER)
def test_cantonese_small_talk_gets_no_confident_card(matcher, message):
    assert first_confident(matcher, message) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["唔", "冇", "嘅", "咗", "喺", "啲", "幾多", "邊度", "㗎", "唔該", "係唔係", "落咗單", "未"] + list("的了不没是在你我他好吗呀货码") + [" ", "？"]), max_size=12))
def test_the_cantonese_reading_is_idempotent(pieces):
    text = normalize("".join(pieces))
    assert normalize(text) == text


# A fault told in one clause beside a complaint, a return or a parcel question in another: both
# scenarios in the first three confident cards (Deciding._faults_told). Own wordings.
FAULT_BESIDE = [
    ("杯子收到就裂了 我要投诉", {"defect", "complaint"}),
    ("台灯不亮了 我要投诉你们", {"defect", "complaint"}),
    ("收到的饼干全碎了 你们怎么包装的 投诉", {"defect", "complaint"}),
    ("锅盖碎了 可以换一个吗", {"defect", "return_exchange"}),
    ("保温杯漏水了 能退吗 运费谁出", {"defect", "return_exchange"}),
    ("衣服上一块污渍 可以退货吗", {"defect", "return_exchange"}),
    ("面霜过期了 我要退款", {"defect", "return_exchange"}),
    ("快递到哪了 另外上次买的盘子是破的", {"logistics", "defect"}),
    ("包裹怎么还没到 上回那个花瓶也是碎的", {"logistics", "defect"}),
    ("拉链坏了 鞋子也开胶了 你们什么质量 我要投诉", {"defect", "complaint"}),
]
# ... and no fault card where none is told: a question about a fault, a size or stock word, a complaint
# alone. (Known leak, not of this rule: a clause of its own denying a fault, 没坏 就是不想要了, gets
# defect.not_working confident on main.)
NO_FAULT = ["会不会碎 包装好吗", "我要投诉 客服态度太差", "快递到哪了 另外能开发票吗", "衣服宽松吗 能退吗",
            "断货了吗 我要投诉"]


def _sure(matcher, message: str) -> list[str]:
    return [s.category for s in matcher.suggest(message) if s.confident]


@pytest.mark.parametrize(("message", "wanted"), FAULT_BESIDE)
def test_a_fault_told_beside_another_question_gets_both_cards(matcher, message, wanted):
    assert wanted <= set(_sure(matcher, message)[:3])


@pytest.mark.parametrize("message", NO_FAULT)
def test_no_fault_card_where_none_is_told(matcher, message):
    assert "defect" not in _sure(matcher, message)


# Whether the item fits a body or a space, asked with 会不会 (会不会挤脚, 会不会太占地方) or a fit word
# (放得下, 装得下, 握得住): size, not the quality questions the library filed 会不会 under. Own
# wordings (the library's new examples are others); at most one of the family may miss.
FITS = ["鞋头窄不窄 脚宽的会不会挤", "这个收纳盒放冰箱侧面会不会太占地方", "桌子宽70 这台显示器放得下吗", "背包装得下15寸的笔记本吗",
        "头大的戴这帽子会不会紧", "手机支架手小的人握得住吗", "戒指会不会太松 我手指细", "拖鞋会不会太小 我脚43"]


def test_whether_it_fits_a_body_or_a_space_is_a_size_question(matcher):
    assert len(family_misses(matcher, FITS, "size")) <= 1, family_misses(matcher, FITS, "size")


# A stock question ending a clause after the variant or product (规格/颜色 + 的 + 品名 + 没货了/还剩几件/
# 还有木有): the spec and the name are words the library never saw (Deciding._tail_requests).
# Own wordings; at most one may miss. Chatter that ends the same way stays unconfident.
STOCK_TAILS = ["20寸的登机箱没货了？", "5000毫安的移动电源没货了", "110码的童裤还剩几条", "双人位的懒人沙发还剩几个", "磨砂紫的耳机壳还有木有",
               "500克的陈皮没货了", "一米二的儿童床还剩几张", "加厚款的床垫还有没"]
# (食堂的红烧肉每次都卖完了 got stock on main already: a leak this rule neither makes nor mends)
STOCK_CHATTER = ["楼下超市的鸡蛋又卖光了", "我们公司楼下的咖啡店断货了 同事都在抱怨", "演唱会的票一秒就卖光了"]


def test_a_stock_question_after_the_variant_finds_stock(matcher):
    assert len(family_misses(matcher, STOCK_TAILS, "stock")) <= 1, family_misses(matcher, STOCK_TAILS, "stock")


@pytest.mark.parametrize("message", STOCK_CHATTER)
def test_chatter_ending_on_a_stock_word_stays_unconfident(matcher, message):
    assert first_confident(matcher, message) is None


# What the buyer found, then a bare remedy question (怎么办, 咋办, 怎么处理, 点算): the card is what was
# found, not care_warranty's 新买的要先怎么处理 (helpers._untagged, helpers._tag_clause). Own wordings;
# 3 of them missed before. Not done: a courier's words told, then 怎么办 (快递员说我电话打不通 怎么办).
REMEDY = [("芒果收到好几个都软了 要怎么处理", "defect"), ("茶叶有股怪味 怎么办", "defect"), ("收到的裙子有个破洞 这该怎么处理", "defect"),
          ("物流三天没动了 怎么办", "logistics"), ("柜子门板有划痕 怎么解决", "defect"), ("收到的苹果烂了两个 怎么处理", "defect")]


@pytest.mark.parametrize(("message", "category"), REMEDY)
def test_a_bare_remedy_question_leans_on_what_was_found(matcher, message, category):
    assert first_confident(matcher, message) == category


# Read after trainsets13 b, d, f: the southwestern 莫得 (没有) and 嗦 after 了/的, the northern remedy
# words 咋整/怎么弄/咋搞, a count of what is broken (烂了十几颗 asks nothing), and a fault found on
# opening the parcel, then a bare remedy question. Own wordings; a mishap at home stays chatter.
def test_southwestern_mei_you_reads_as_mandarin():
    assert normalize("粉色的莫得了嗦") == "粉色的没有了吗"
    assert normalize("太啰嗦了") == "太啰嗦了"


LATER = [("浅灰色的莫得了嗦", {"stock"}), ("黑色那款莫得货了嗦", {"stock"}), ("锅盖拆开就裂了 这咋整", {"defect"}),
         ("芒果坏了好几个 是补发还是退钱 怎么弄", {"defect", "return_exchange"}),
         ("快递到了 打开一看杯子有个缺口还漏水 这咋办", {"defect"}), ("拆开发现壶盖裂了 怎么弄", {"defect"})]
AT_HOME = ["我家猫把杯子打碎了 咋办", "孩子把碗摔碎了 怎么办"]


@pytest.mark.parametrize(("message", "wanted"), LATER)
def test_later_wordings_find_their_scenarios(matcher, message, wanted):
    sure = _sure(matcher, message)
    assert wanted <= set(sure[:3]) and sure[0] in wanted


@pytest.mark.parametrize("message", AT_HOME)
def test_a_mishap_at_home_then_a_remedy_question_stays_unconfident(matcher, message):
    assert first_confident(matcher, message) is None
