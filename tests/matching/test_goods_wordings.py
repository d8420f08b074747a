"""Questions about goods that are not clothes, in the words buyers of furniture, jewellery,
cosmetics, gadgets and baby goods use (issue 10, session 22): the library's size, defect,
care and authenticity examples were written for clothes and parcels, so a furniture buyer's
深度多少, a jewellery buyer's 戒指戴几号, a cosmetics buyer's 黄皮选哪个色号, a gadget's 转起来咔咔响
and 手环怎么连手机 found nothing confident, and a second question of that kind beside a confident
one (餐桌高度多少 包邮吗) never reached the first three cards. Every writer of the development
sets since the seventh session asked them for their own goods. Own wordings: goods and words the
library's examples do not name (鞋架, 衣帽架, 手镯, 平板, 支架, 喷头, 脚轮, 搭扣, 笔杆, 手环, 鉴定证书 …).
Before the examples of this session, 17 of the 36 families' messages missed."""
from __future__ import annotations

import pytest

from .families import family_misses

# Measurements of furniture and household goods: 高度/宽度/深度/厚度/直径, 多高/多宽.
DIMENSIONS = ["鞋架高度是多少", "这张桌子宽度多少", "床垫厚度几公分", "圆镜直径多大", "衣帽架有多高", "电视柜深度是多少厘米", "这块地垫多长多宽"]
# Which size of a ring, bangle, necklace or shade, and whether it fits the buyer's device or room.
FITTING = ["手指粗 戒指拿几号", "手腕比较细 手镯要多大圈口", "黄皮用哪个色号好", "皮肤白皙选什么色号", "脖子粗 项链长度够吗",
           "我的平板型号能用这个壳吗", "这款支架适合哪些手机", "放在小书房会不会太占地"]
# Faults of gadgets, pens, wheels and clasps, told without the library's words (坏了, 用不了, 破损).
FAULTS = ["转起来咔咔响", "喷头按不出水", "脚轮装上是歪的", "搭扣松了一碰就掉", "笔杆一拧就断了", "拉杆卡住了拉不出来"]
# How to connect or take apart a gadget.
HOW_TO = ["手环怎么连手机 下载哪个app", "滤网怎么拆下来洗", "电池盖怎么打开"]
# Proof that the goods are genuine: certificates, reports, checks elsewhere.
PROOF = ["有鉴定证书吗", "能拿去检测机构验吗", "包装上的码能查真假吗", "有没有质检报告"]

# A colour, size or pack the buyer saw gone, asked with 没了 (咖啡色没了？): stock.
GONE = ["藏青色没了？", "大号的没了？", "500克装的没了?", "香槟金的没了吗", "120码的童装没了？", "50ml的没了 有别的规格吗", "奶白色的卖完了？",
        "豆沙色断货了？"]

# An offer for newcomers asked about (首单有立减吗): promotion, as every writer of the dev sets filed
# it (21 lines, none bargain); a newcomer's plea for a lower price stays bargain.first_time.
NEWCOMER_OFFERS = ["首单有立减吗", "新人专享价有吗", "新客下单有优惠吗", "新顾客有没有折扣券", "新用户有没有立减", "第一次下单有新人价吗",
                   "首单有没有折扣", "新客有优惠活动吗", "新来的顾客有啥福利"]
NEWCOMER_PLEAS = ["第一次买 便宜点吧", "头一回来 给打个折呗", "我是新客户 少点钱吧"]

# 或 for 货 (both huo4) in the stock question: three writers typed 有或吗 (evalsets12, trainsets15 b
# and d); and a shopping festival asked about in a message to 你们店/你们家, four writers (trainsets11
# f, 15 a, b, d), which read as chatter beside the small-talk example 下班了吗你们.
STOCK_SLIPS = ["有或吗 米白的", "这款还有或吗", "藏蓝色有或不", "有或吗 我要两件"]
FESTIVALS = ["双十一你们店有啥活动", "你们家双十二搞活动吗", "618你们家有什么优惠活动", "年货节你们店有活动不"]

# Such a question beside a question of another scenario: both in the first three cards.
TWO_QUESTIONS = [
    ("书柜宽度多少 颜色跟图片一样吗", ("size", "color_difference")),
    ("餐桌高度多少 包邮吗", ("size", "shipping_fee")),
    ("床头柜深度多少 能便宜点吗", ("size", "bargain")),
    ("鞋柜的高度是多少 有现货吗", ("size", "stock")),
    ("有鉴定证书吗 能开发票吗", ("quality", "invoice")),
    ("戒指我戴13号 这款13号还有吗", ("size", "stock")),
    ("沙发坐深多少 实物颜色和图片一样吗", ("size", "color_difference")),
    ("这个书架多宽 包邮吗", ("size", "shipping_fee")),
    ("茶几长度多少 现在有货吗", ("size", "stock")),
    ("写字台的深度多少 能开发票吗", ("size", "invoice")),
    ("鞋柜高度多少 能发顺丰吗", ("size", "courier")),
    ("床头柜多宽 今天能发吗", ("size", "shipping_time")),
    ("滤网怎么拆下来 能便宜点吗", ("care_warranty", "bargain")),
    ("收到轮子是歪的 能退吗", ("defect", "return_exchange")),
]


@pytest.mark.parametrize(("messages", "category", "allowed"), [
    (DIMENSIONS, "size", 0),  # 3 of 7 missed before
    (FITTING, "size", 0),  # 5 of 8
    (FAULTS, "defect", 1),  # 5 of 6 (喷头按不出水 misses still: defect at 0.44, the co-ranker unsure)
    (HOW_TO, "care_warranty", 0),  # 1 of 3
    (PROOF, "quality", 0),  # 1 of 4
    (GONE, "stock", 1),  # 4 of 8 (藏青色没了？ is color_difference still: 色 and no stock word)
    (NEWCOMER_OFFERS, "promotion", 1),  # 6 of 9 (第一次下单有新人价吗 is bargain still)
    (NEWCOMER_PLEAS, "bargain", 0),
    (STOCK_SLIPS, "stock", 0),  # 3 of 4
    (FESTIVALS, "promotion", 0),  # 1 of 4
], ids=["dimensions", "fitting", "faults", "how_to", "proof", "gone", "newcomer_offers", "newcomer_pleas", "stock_slips", "festivals"])
def test_questions_about_goods_find_their_scenario(matcher, messages, category, allowed):
    misses = family_misses(matcher, messages, category)
    assert len(misses) <= allowed, misses


def test_such_a_question_beside_another_reaches_the_first_three_cards(matcher):
    """4 of 14 missed before: the top three were three cards of the other question."""
    missing = []
    for message, wanted in TWO_QUESTIONS:
        top3 = [s.category for s in matcher.suggest(message) if s.confident][:3]
        if not all(c in top3 for c in wanted):
            missing.append((message, top3))
    assert missing == []


# A lead-in that says a question follows (想问问, 问下) was a token of its own, the one a greeting
# beside it shared with 问问我老公 (hesitation.ask_family): 老板在不在呀 想问问车厘子 was hesitation
# first. Now a particle like 请问; asking a person (问问我老公) stays hesitation by the person.
LEAD_INS = ["掌柜的在吗 想问问那个被子", "客服在不在 想问问台灯", "在吗 想问下那个书包", "老板在不 想问问那款枕头", "有人吗 想问问这个床垫"]
ASKING_SOMEONE = ["我问问我老婆再说", "等我问问家里人", "回去问问我妈", "我想问问我对象的意见", "问一下我老公再拍"]


def test_a_greeting_with_a_lead_in_is_a_greeting(matcher):
    """4 of 5 were hesitation first before; 有人吗 想问问这个床垫 is bargain first still (床垫少三百行吗)."""
    assert len(family_misses(matcher, LEAD_INS, "greeting")) <= 1


def test_asking_someone_at_home_stays_hesitation(matcher):
    assert family_misses(matcher, ASKING_SOMEONE, "hesitation") == []


@pytest.mark.parametrize(("typed", "meant"), [("有或吗", "有货吗"), ("浅灰的有或不", "浅灰的有货不"), ("或者换一个", "或者换一个"), ("有或没有赠品都行", "有或没有赠品都行")])
def test_huo_typed_for_huo_in_the_stock_question(typed, meant):
    from kefu_assist.matching.normalize import normalize

    assert normalize(typed) == meant
