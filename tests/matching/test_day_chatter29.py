"""Chatter of the buyer's day that names shop words got a confident card in session 29's development
sets (everyday.py): groceries priced at the market or this season (read as a bargain), a friend
called and waited for in person (read as a parcel's way), the weather told by what people still wear
(read as a bargain or a size), coursework (read as care), things of home (the fridge, a parent
taught to pay by phone, the parcel's wrapping put to use). Wordings of our own, none of them a line
of an eval set. Shopping lines that share their words keep their card.
"""
from __future__ import annotations

import pytest

from kefu_assist.matching.asking import NOT_SHOPPING, address
from kefu_assist.matching.normalize import normalize

from .families import confident, first_confident


GROCERIES_PRICED = [
    "今年土豆怎么这么贵 两块八一斤",
    "早市上的草莓十块钱三斤 挺便宜",
    "菜场的猪肉又涨价了",
    "楼下超市鸡蛋打折 四块九一斤 便宜",
    "最近西红柿咋这么贵 五块多一斤",
    "集上的橘子两块钱一斤 真便宜",
    "我们这的西瓜才一块多一斤 便宜",
]
FRIENDS_MET = [
    "喂 小王 你到哪儿了",
    "老张 我在地铁口等你呢 快点",
    "哎 小陈 我们都到了 你呢",
    "我到小区门口了 你下来吧",
    "小赵 你在哪呢 我到饭店门口了",
    "阿张 我在公司楼下等你",
    "小李 明天的会改到下午三点了",
    "老王 晚上一起吃饭不",
    "阿陈 下班顺路接我一下",
]
WEATHER_WORN = [
    "都十一月了还穿短袖 这天气",
    "大冬天的还有人穿拖鞋 服了",
    "北京四月了还在穿羽绒服 离谱",
    "今天三十八度 穿背心都热",
    "都快十二月了 还穿半袖呢",
    "大夏天的还穿棉袄 他不热吗",
]
COURSEWORK = [
    "线代题会做吗 求解答",
    "求极限那道题我不会",
    "概率论又挂了",
    "洛必达法则怎么用",
]
HOME = [
    "冰箱里的酸奶过期了",
    "冰箱里剩的饭菜都馊了",
    "教我妈用手机付款 教了三遍还不会",
    "我奶奶不会用微信转账 教了好多次",
    "纸箱留着给猫当窝",
    "快递盒拿来给孩子做手工 挺好",
    "泡泡纸留着搬家用",
]


@pytest.mark.parametrize("message", GROCERIES_PRICED + FRIENDS_MET + WEATHER_WORN + COURSEWORK + HOME)
def test_chatter_of_the_day_gets_no_card(matcher, message):
    assert address(normalize(message)) == NOT_SHOPPING
    assert confident(matcher, message) == []


SHOPPING_ALIKE = [
    ("苹果便宜点卖我呗", "bargain"),
    ("快递到哪了", "logistics"),
    ("我在小区门口等快递呢 快递到哪了", "logistics"),
    ("快递员到哪了 我在门口等着呢", "logistics"),
    ("线性代数的教材还有货吗", "stock"),
    ("收到的牛奶过期了", "defect"),
    ("我爸不会用手机付款 能货到付款吗", "payment"),
    ("冬天穿这件会不会冷", "quality"),
    ("纸箱压坏了 里面的东西没事吧", "defect"),
    ("老板 明天能发货吗", "shipping_time"),
]


@pytest.mark.parametrize(("message", "category"), SHOPPING_ALIKE)
def test_shopping_lines_sharing_their_words_keep_their_card(matcher, message, category):
    assert first_confident(matcher, message) == category, confident(matcher, message)


@pytest.mark.parametrize("message", ["这个多少钱一斤", "这个土豆多少钱一斤", "你家的鸡蛋几块钱一斤", "今年你家车厘子怎么这么贵", "小李 帮我看看这个订单"])
def test_a_price_asked_of_the_shops_goods_or_an_order_named_is_the_shops(message):
    assert address(normalize(message)) != NOT_SHOPPING


def test_a_price_asked_of_the_shops_goods_keeps_a_card(matcher):
    assert confident(matcher, "这个多少钱一斤")
