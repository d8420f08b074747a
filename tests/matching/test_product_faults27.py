"""Faults, care and attributes told in the words of the goods (session 27, vocab27).

Buyers name a fault by what the thing does (an appliance that smokes, a cushion whose seam came
open, a tin that is dented, a swim ring that loses air), care by what has to go (scale in a
kettle, tea stains in a cup) and use by the motion (folding a pram, putting a stand up). The
library's examples name these faults for other goods; synonym groups in resources/scripts.yaml
fold each family of words to a word its examples already use (冒烟/冒火花/短路/漏电 -> 故障,
焦糊味/油漆味 -> 异味, 线开了/崩线/开缝 -> 开线, 漏气/漏油 -> 漏水, 粘不住/吸不住 -> 失灵, 馊了/哈喇味 ->
变质, 掉絮/掉渣/飞粉 -> 掉毛, 搓泥/卡粉 -> 起球, 生锈/掉皮 -> 掉漆, 水垢/茶垢/油垢 -> 茶渍,
折叠/收起来/撑开 -> 操作, 加一瓶/加一盒 -> 加一件, 几升/能装多少水 -> 容量, 拧不上/卡不上 -> 装不上,
红屁屁/闷痘 -> 过敏, 会不会勒 -> 会不会紧, 压扁/压痕 -> 破损, 黄渍/印子 -> 污渍, 一团一团/结块 -> 结成团,
关不严 -> 关不上, 被水泡了/进水了 -> 受潮, 耐磨/经用 -> 耐用, 防滑/防摔 -> 防水, 牢不牢/吸得住 -> 结实, 好使不 -> 好不好用). Own wordings, none a line of an evaluation set. On main
7213208 39 of these 66 lines had no confident card of their scenario first; 6 have none now.

A fault word in a joke or a story about someone else stays chatter (the gate reads the text as
typed, not the folded words; 我的耐心已经漏气了 had a confident defect card on main).
"""
from __future__ import annotations

import pytest

from .families import family_misses, first_confident

FAMILIES = {
    # electrical goods that smoke, spark, burn out or give a shock; smells of burning or paint
    "defect_electrical": (["电热毯插上就冒烟了", "吹风机用着用着冒火花", "烤箱第一次用就烧坏了", "电水壶漏电 摸一下麻手",
                           "插排短路了 一插就跳", "煎锅一股焦糊味", "台灯有股烧焦的味道"], 0),
    # textiles whose seam came open
    "defect_seams": (["抱枕边上线开了", "裤脚崩线了", "毛毯的包边脱线了", "枕套有一处开缝了"], 0),
    # leaks of air or liquid, dents, things that do not hold
    "defect_leaks_dents": (["游泳圈漏气", "暖水袋往外漏", "保温壶漏水了", "魔术贴粘不牢了", "车载支架吸不住手机",
                            "铁皮罐摔瘪了一个角", "奶粉桶压瘪了"], 3),
    # food gone off, insects, rust and paint coming off furniture
    "defect_food_furniture": (["面包收到就馊了", "花生油有哈喇味", "牛肉干变质了", "米里生虫子了", "衣柜板子被虫蛀了",
                               "晾衣架生锈了", "铁架子掉漆了", "椅子腿松动了"], 0),
    # what comes off a fabric, a sponge or a palette; what a cream rolls into; skin that reacts
    "quality": (["毛衣掉毛掉得厉害", "沙发垫掉絮", "海绵一捏就掉渣", "眼影盘飞粉严重", "纸尿裤会不会红屁屁",
                 "面霜会不会闷痘", "粉底会不会卡粉", "护手霜搓不搓泥"], 0),
    # cleaning scale and stains, folding and setting up, instructions, parts that will not go on
    "care_warranty": (["电水壶的水垢怎么清理", "杯子里的茶垢咋去掉", "锅底的油垢怎么除", "婴儿车怎么折叠", "折叠桌怎么收起来",
                       "露营椅怎么撑开", "说明书看不明白", "把手拧不上", "灯罩卡不上去"], 0),
    # one more added to the order; capacity; a fit that squeezes
    "order_change": (["再加一瓶到我这单", "能帮我加一盒一起发吗"], 0),
    "size": (["这个锅容量几升", "电饭煲能装多少水", "袜口会不会勒腿", "手环会不会勒手"], 0),
    # crushed boxes, marks and stains found on arrival, lumpy filling, caked powder, mould as white fur
    "defect_marks_lumps": (["快递盒压扁了 里面的蛋糕也变形了", "收到的相框撞坏了一个角", "窗帘上有一块污迹", "白T恤上有黄渍",
                            "枕头里的棉一团一团的", "奶粉打开就结块了", "月饼长了白毛", "抽屉关不严", "箱子被雨淋了",
                            "收到的纸巾被水泡了"], 2),
    # lasting, grip and proofing, holding firm, working well: asked before buying
    "quality_attributes": (["登山鞋耐磨吗", "这个锅铲经用吗", "瑜伽垫防滑吗", "手机壳防摔吗", "挂钩牢不牢", "吸盘吸得住吗",
                            "这把剪刀好使不"], 1),
}
# a fault word in a joke, a mood or a story about someone else's home: no confident card
CHATTER = ["我老公做饭又把锅烧糊了 哈哈", "气得我脑袋都冒烟了", "今天热得我都要短路了", "我家猫把沙发抓得脱线了 哈哈哈",
           "我的耐心已经漏气了", "我这脑子生锈了 啥也记不住", "我家狗掉毛掉得满屋都是", "我妈做的菜有股糊味 不敢说",
           "今天出门被雨淋了 哈哈"]
# a samples-size product (小样 is sold as well as given) and a question about a smell stay where they were
STAYS = [("小样还有货吗", "stock"), ("这个水杯有没有异味", "quality")]


@pytest.mark.parametrize("family", list(FAMILIES))
def test_a_fault_or_care_word_of_the_goods_finds_its_scenario(matcher, family):
    messages, allowed = FAMILIES[family]
    category = family.split("_")[0] if family.startswith(("defect", "quality_")) else family
    wrong = family_misses(matcher, messages, category)
    assert len(wrong) <= allowed, wrong


@pytest.mark.parametrize("message", CHATTER)
def test_a_fault_word_in_chatter_stays_chatter(matcher, message):
    assert first_confident(matcher, message) is None


@pytest.mark.parametrize(("message", "category"), STAYS)
def test_the_neighbouring_scenario_keeps_its_own(matcher, message, category):
    assert first_confident(matcher, message) == category
