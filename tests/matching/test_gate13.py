"""Small talk and noise against shopping questions, class by class (issue 10, gate13): chatter
that names shop things gets no confident card, and the shopping questions the gate used to turn
away keep theirs. Wordings of our own, none of them in resources/chatter.txt or an eval set
(checked at the end).

Classes: a goodbye after an acknowledgement closes the chat (好嘞 知道了 拜拜: thanks) while a
bare goodbye stays chatter; indefinite question words ask nothing (我们这啥都贵, 才几块钱); worn
out told with 得 (比价比得我眼都花了); a word read or written as a word (售后这几个字, 练字);
a question put to anyone (有没有人想一起去爬山); homework sums (作业题：…多少钱); listings
pasted with a bare tag (【正品】, 【现货】) or a shoe's 低帮; the buyer's view before and after a
change of life (以前觉得…, 自从当了妈); an identifier introduced (这是我的手机号 …). The reverse: the
agent called 小姐姐 is no third person, an either-or question (拿L还是XL好) asks, a school's
things in an order (刚拍了50本作业本) are goods, and a Cantonese A-not-A (得唔得) asks.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.matching.asking import NOT_SHOPPING, STORY, TOLD, address, asks
from kefu_assist.matching.helpers import _is_noise
from kefu_assist.matching.normalize import normalize

from .families import first_confident


def confident(matcher, message):
    return [s for s in matcher.suggest(message) if s.confident]


def to(message: str) -> str:
    return address(normalize(message))


# -- an acknowledgement and a goodbye close the chat ---------------------------------------------
ACKS = ["好嘞", "知道了", "嗯 明白了", "哦哦 懂了", "行 收到", "好的好的", "ok 没问题了", "嗯 了解了"]
GOODBYES = ["拜拜", "再见", "88", "bye", "回头见", "拜拜啦", "下次见"]


@settings(max_examples=60, deadline=None)
@given(ack=st.sampled_from(ACKS), bye=st.sampled_from(GOODBYES), sep=st.sampled_from([" ", "，", "~ "]))
def test_an_acknowledgement_then_a_goodbye_is_thanks(matcher, ack, bye, sep):
    message = f"{ack}{sep}{bye}"
    assert first_confident(matcher, message) == "thanks", message


@pytest.mark.parametrize("message", ["拜拜", "88", "bye bye", "拜拜 88", "嗯 拜拜 今天好冷"])
def test_a_goodbye_alone_or_beside_chatter_stays_unconfident(matcher, message):
    assert confident(matcher, message) == [], [(s.category, s.score) for s in confident(matcher, message)]


# -- indefinite question words ask nothing -------------------------------------------------------
INDEFINITE = ["我们这边啥都贵", "他什么都不懂", "放假哪都懒得去", "怎么都睡不着", "这个月才几块钱零花", "没几天就过年了", "哪儿都一样堵"]
STILL_ASKING = ["啥时候发货", "什么都能退吗", "哪都能送到吗", "怎么都打不开 咋办", "大概几天能到货", "这款多少钱"]


@pytest.mark.parametrize("message", INDEFINITE)
def test_an_indefinite_question_word_asks_nothing(message):
    assert not asks(normalize(message))


@pytest.mark.parametrize("message", STILL_ASKING)
def test_a_question_word_still_asks(message):
    assert asks(normalize(message))


# -- chatter that names shop things --------------------------------------------------------------
CHATTER = [
    # worn out, told with 得
    "凑单凑得我头都大了 反正已经拍完了",
    "比价比得我眼都花了",
    "算优惠算得头都晕了 哈哈",
    # a word read or written as a word
    "售后这几个字我一看就紧张",
    "退款这俩字真让人心安",
    "发货两个字怎么写才好看 我在练字",
    "包裹这两个字我总写不好看",
    # a question put to anyone
    "有没有人想一起去爬山",
    "有人想组队打球吗",
    "有没有人喜欢看恐怖片",
    # homework sums
    "女儿的作业题：一支笔3元，买5支多少钱",
    "练习题 一件衣服打八折后是80元 原价多少",
    # listings pasted with a bare tag
    "【正品】Adidas 三叶草 复古 低帮 休闲板鞋 男女同款",
    "【现货】云南野生菌 干货 500g 装",
    # the buyer's view before and after a change of life
    "以前觉得护肤品越贵越好 上班以后才明白",
    "自从当了妈 买东西只看打折",
    "有了娃以后 快递天天收",
    # indefinite words in a remark on life
    "住市中心的人真幸福 我们这儿啥都远",
    # the buyer's shopping at large: a spree, a hoard
    "刷了一晚上直播 买了一堆零食",
    "双十一又剁手了 心疼钱包",
    "家里快递盒堆成山了",
    "快递盒攒了一大堆 卖了十块钱",
    "好想去海边玩 顺便买买买",
    # a scam avoided, the buyer's own pride
    "刚才有个冒充快递的电话 幸好没理",
    "差点上当 说我包裹丢了要赔钱",
    "总算学会给宝宝穿连体衣了 好有成就感",
    "自己装好了窗帘 超有成就感",
    # a courier praised, the buyer helping family, the buyer's own boss
    "顺丰小哥今天穿了件新制服 挺精神",
    "中通那个快递员特别勤快",
    "婆婆又让我帮她抢优惠券",
    "帮我妈抢了一晚上红包",
    "老板又画大饼了 无语",
    "写周报写到半夜 绩效还是C",
    # titles whose words hold 不 (不锈钢, 不粘), a farm's produce
    "儿童保温杯 带吸管 幼儿园 防摔 316不锈钢 400ml",
    "家用不粘锅 麦饭石 平底煎锅 28cm",
    "江西农家土鸡蛋 散装 30枚 整箱",
    # a word seen as a word, the agent's job
    "一看到满减两个字就想买",
    "听到退款这俩字就头疼",
    "当客服是不是天天被骂啊",
    "你们这个行业是不是很累",
    "你们这一行赚钱吗",
    "我表妹也想去当客服 好找吗",
    # pity or envy for people at large
    "乳糖不耐的人是不是很惨",
    "对花粉过敏的人好可怜",
    "住在包邮区的人是不是很幸福",
    # a pet or a child broke it at home, told in the passive
    "新买的坐垫被猫抓花了 唉",
    "拖鞋又被狗子叼走咬烂了",
    "耳机被熊孩子拆了",
    # an advertisement or a show
    "那个快递公司的广告拍得真搞笑",
    "电视上那个洗衣液广告天天放",
    "这个牌子的代言人好帅",
    # a chat client's placeholder without its brackets
    "图片",
    "表情 表情",
    "语音",
]


@pytest.mark.parametrize("message", CHATTER)
def test_chatter_naming_shop_things_gets_no_confident_card(matcher, message):
    assert confident(matcher, message) == [], [(s.category, s.score) for s in confident(matcher, message)]


@pytest.mark.parametrize("message", ["这是我的手机号 13700001234", "这个是我的订单号 202611300001234", "这是我订单号：5566778899001"])
def test_an_identifier_introduced_is_noise(matcher, message):
    assert _is_noise(normalize(message))
    assert confident(matcher, message) == []


# -- shopping questions the gate turned away -----------------------------------------------------
SHOPPING = [
    ("谢谢小姐姐 你太耐心了", "thanks"),
    ("客服小姐姐辛苦了 谢谢", "thanks"),
    ("平时穿L的 这件外套拿L还是XL好", "size"),
    ("我一直穿37的 这双选37还是38好", "size"),
    ("刚下单了30本作文本 地址写的学校", "order_placed|order_change"),
    ("地址少写了两个字 帮我改一下", "order_change"),
    ("买了一堆 能便宜点吗", "bargain"),
    ("囤了好多 什么时候能发货", "shipping_time"),
    ("好想要这个颜色 还有货吗", "stock"),
    ("帮我把地址改成公司的", "order_change"),
    ("不锈钢的会生锈吗", "quality"),
]


@pytest.mark.parametrize(("message", "category"), SHOPPING)
def test_shopping_questions_keep_their_card(matcher, message, category):
    assert to(message) not in TOLD
    sure = confident(matcher, message)
    assert sure and sure[0].category in category.split("|"), [(s.category, s.score) for s in sure]


@pytest.mark.parametrize("message", ["谢谢小姐姐", "客服小姐姐你好", "小姐姐 这个有货吗"])
def test_the_agent_called_xiaojiejie_is_no_third_person(message):
    assert to(message) != STORY


@pytest.mark.parametrize("message", ["这件拿L还是XL好", "黑色还是白色的好", "买两盒还是三盒合适"])
def test_an_either_or_question_asks(message):
    assert asks(normalize(message))


@pytest.mark.parametrize("message", ["好想去海边玩", "真想睡一觉", "超想吃火锅", "不想上班"])
def test_a_wish_is_no_request(message):
    assert not asks(normalize(message))


@pytest.mark.parametrize("message", ["想换个颜色", "我想退货", "还想再买一件", "这件不想要了", "不想等了"])
def test_wanting_something_of_the_shop_is_a_request(message):
    assert asks(normalize(message))


@pytest.mark.parametrize("message", ["得唔得", "有冇货", "系唔系正品", "可唔可以换"])
def test_a_cantonese_question_asks(message):
    assert asks(normalize(message))


@pytest.mark.parametrize("message", ["有没有人想一起去爬山", "有人想组队打球吗", "哈喽 有没有人喜欢看电影"])
def test_a_question_to_anyone_is_not_for_the_shop(message):
    assert to(message) == NOT_SHOPPING


@pytest.mark.parametrize("message", ["有人吗", "有没有人在", "有人在吗 想问下发货", "客服工作时间是几点到几点", "你们客服几点上班"])
def test_asking_whether_anyone_is_there_is_for_the_shop(message):
    assert to(message) != NOT_SHOPPING


@pytest.mark.parametrize("message", ["过敏的人能吃吗", "买到的人都说好 是真的吗"])
def test_a_question_about_people_who_use_the_goods_is_the_shops(message):
    assert to(message) not in TOLD


@pytest.mark.parametrize("message", ["被狗咬坏了 能修吗", "孩子一摔就碎了 质量太差", "你们广告上说买一送一 我没收到赠品", "广告里说防水 结果一洗就漏"])
def test_a_pet_or_an_advertisement_beside_the_shops_business_is_the_shops(message):
    assert to(message) not in TOLD


@pytest.mark.parametrize("message", ["老板又画大饼了 无语", "写周报写到半夜 绩效还是C", "又要团建 不想去"])
def test_the_buyers_own_workplace_told_is_a_story(message):
    # (the service read 老板又画大饼了 无语 as a buyer upset with the shop: a complaint card)
    assert to(message) == STORY


@pytest.mark.parametrize("message", ["图片上这个颜色有货吗", "发了图片 你看看", "表情包好可爱 能印在杯子上吗", "语音说不清 我打字吧"])
def test_a_placeholder_word_inside_a_message_is_no_placeholder(message):
    assert to(message) != NOT_SHOPPING


def test_the_wordings_are_in_neither_the_corpus_nor_an_eval_set(shared_eval_dir):
    from pathlib import Path

    from kefu_assist.matching.helpers import _shipped_chatter

    def key(text: str) -> str:
        return normalize(text).replace(" ", "")

    ours = {key(m) for m in CHATTER + INDEFINITE + STILL_ASKING} | {key(m) for m, _ in SHOPPING}
    corpus = {key(line) for line in _shipped_chatter()}
    bench = Path(__file__).resolve().parents[2] / "benchmarks" / "eval"
    files = [*sorted(shared_eval_dir.glob("*.tsv")), *sorted(bench.glob("*.tsv")), *sorted(bench.glob("*/questions.tsv"))]
    evals = {key(line.split("\t", 1)[1]) for path in files if "heldout" not in path.name for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line and not line.startswith("#")}
    assert not ours & corpus and not ours & evals


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    import os

    os.environ.setdefault("KEFU_ASSIST_CACHE_DIR", str(tmp_path_factory.mktemp("gate13-cache")))
    from kefu_assist.resources import default_library_path
    from kefu_assist.service import AssistService

    svc = AssistService()
    assert svc.load(default_library_path()).ok
    return svc


@pytest.mark.parametrize("message", ["新买的坐垫被猫抓花了 气死", "拖鞋又被狗子咬烂了 烦死了", "刚到的耳机被熊孩子拆了 气死我了", "老板又画大饼了 无语"])
def test_an_upset_buyer_cross_with_a_pet_or_a_boss_gets_no_apology_card(service, message):
    # (the mood reads them as upset; the shop did nothing: no complaint card is invented)
    assert service.suggest(message, limit=5, confident_only=True) == [], [v.script.category for v in service.suggest(message, limit=5, confident_only=True)]
