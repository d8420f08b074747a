"""Small talk that got a confident card in session 28's development sets (issue 10, leak28): chatter
sharing a shopping word about something else, messages meant for someone else, bare acknowledgements
and key slips. Wordings of our own, none of them a line of an eval set.

- A key slip told alone (打错了, 按错了) or wondered about (我是不是发错群了), and a message opening on
  a family member or a friend called by name (老婆 …, 老陈 …): meant for nobody in the shop.
- A bare ok or a string of 好 acknowledges nothing said: every set's writers file it with 嗯 and 哦.
  An acknowledgement in words (好嘞 明白, ok 谢谢啦) keeps the thank-you card.
- One thing said cheaper than another, its subject not the shop's (西瓜比去年便宜多了), one place or
  time preferred (还是老家便宜), a saying about cheap things: 便宜 asks for no lower price.
  Asking this shop for one (能再便宜点吗, 比别家便宜点我就拍) stays a bargain.
- The sky and the ground asked after, news opened on 知道不, a joke announced, the phone's own text
  size, the voice input's slip, a chore called out when the weather turns: none of it the shop's.
"""
from __future__ import annotations

import pytest

from kefu_assist.matching.asking import NOT_SHOPPING, REMARK, address, asks
from kefu_assist.matching.normalize import normalize

from .families import first_confident


def confident(matcher, message):
    return [(s.category, round(s.score, 2)) for s in matcher.suggest(message) if s.confident]


SLIPS_AND_OTHERS = [
    "哎哟点错了",
    "我刚刚按错了",
    "手机不会弄 打错了",
    "我是不是发错群了",
    "这句是发给我姐的 打错了 抱歉",
    "老婆 钱我给你转过去了",
    "哈喽爸 今晚回来吃饭不",
    "老伴几点到家",
    "老陈 上回的钱还你了",
]


@pytest.mark.parametrize("message", SLIPS_AND_OTHERS)
def test_slips_and_messages_for_someone_else_get_no_card(matcher, message):
    assert address(normalize(message)) == NOT_SHOPPING
    assert confident(matcher, message) == []


SLIPS_OF_THE_ORDER = [
    ("收货地址打错了 帮我改一下", "order_change"),
    ("我老公说家里已经有了 这个订单帮我取消吧", "cancel_order"),
]


@pytest.mark.parametrize(("message", "category"), SLIPS_OF_THE_ORDER)
def test_a_slip_in_the_order_or_a_family_member_told_of_keeps_its_card(matcher, message, category):
    assert first_confident(matcher, message) == category, confident(matcher, message)


@pytest.mark.parametrize("message", ["ok", "okay", "OK", "好好好好", "👌"])
def test_a_bare_ok_gets_no_card(matcher, message):
    assert confident(matcher, message) == []


@pytest.mark.parametrize("message", ["好嘞 明白", "ok 谢谢啦", "okk 懂了", "👌 好的 辛苦了"])
def test_an_acknowledgement_in_words_keeps_the_thank_you_card(matcher, message):
    assert first_confident(matcher, message) == "thanks", confident(matcher, message)


PRICES_OF_OTHER_THINGS = [
    "西瓜比去年便宜多了",
    "我同事点的奶茶比我的便宜",
    "水果店的橙子太贵了 还是老家便宜",
    "这年头便宜的只剩青菜了",
    "便宜没好货这话是哪个说的",
    "小区门口有人摆摊卖橘子 好便宜",
]


@pytest.mark.parametrize("message", PRICES_OF_OTHER_THINGS)
def test_prices_of_other_things_get_no_card(matcher, message):
    assert confident(matcher, message) == []


@pytest.mark.parametrize("message", ["西瓜比去年便宜多了", "还是老家便宜"])
def test_a_price_compared_is_a_remark_asking_nothing(message):
    assert not asks(normalize(message))
    assert address(normalize(message)) == REMARK


ASKING_THIS_SHOP = [
    ("能再便宜点吗", "bargain"),
    ("比别家便宜点我就拍", "bargain"),
    ("别家比你们便宜二十块 跟个价呗", "bargain"),
]


@pytest.mark.parametrize(("message", "category"), ASKING_THIS_SHOP)
def test_asking_this_shop_for_a_lower_price_stays_a_bargain(matcher, message, category):
    assert first_confident(matcher, message) == category, confident(matcher, message)


WORLD_AND_PHONE = [
    "你们那边刮台风了吗",
    "是不是地震了 桌子在晃",
    "知道不 楼下老李家添了个孙子",
    "跟你说个笑话 包裹为什么会害羞 因为被拆开了",
    "微信的字怎么调大",
    "语音识别错了 别管",
    "下雨了 赶紧收被子",
    "家里养仓鼠要注意啥 不是问你们店的货 随便聊聊",
    "我跟我妹打赌这周能不能下雪 输的请吃饭",
    "客服你长得帅不",
]


@pytest.mark.parametrize("message", WORLD_AND_PHONE)
def test_the_weather_the_news_and_the_phone_get_no_card(matcher, message):
    assert address(normalize(message)) == NOT_SHOPPING
    assert confident(matcher, message) == []


@pytest.mark.parametrize("message", ["台风天还能发货吗", "下雨了还能送货上门吗", "知道不 你们家的东西真好用"])
def test_the_weather_beside_the_shop_stays_the_shops(message):
    assert address(normalize(message)) != NOT_SHOPPING
