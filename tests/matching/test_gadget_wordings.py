"""Kinds of wording the library filed nowhere or under the wrong scenario (match9, issue 10), and a
greeting that opens small talk. Own wordings, none a line of an evaluation set; each family had
more lines wrong on the library before this pass than the number allowed below.

- Gadgets and small goods: whether a size fits a phone, a household or a shelf (size.spec), how to
  fix a holder or stick a film on (care_warranty), a lamp or light that stopped working (defect), a
  thing going yellow with use (quality). Not yet: a loose plug or a bag that let air in.
- An order placed for someone else (刚替我爸下了一单) is the buyer's own order (asking._ITEM_RE), not a
  story about others that asks nothing.
- A greeting beside small talk (你好 今天天气真好) opens or closes the chatter and
  asks the shop nothing: the message gets no confident card. The chatter gate put a bare 你好 a
  hair's breadth from its veto (0.749 against 0.75 after this pass's examples), so the greeting
  clause turned confident; now the clause's category, not that margin, decides.
"""
from __future__ import annotations

import pytest

from .families import family_misses, first_confident

FAMILIES = {
    "size": (["我的手机6.1寸 这个壳装得下吗", "锅是几升的 一家三口够不够", "这盒有多大 当礼物拿得出手吗",
              "书架上空位不大 这台灯占地方吗", "电饭煲多大容量 够四个人吃吗"], 1),
    "care_warranty": (["这个挂钩怎么粘到瓷砖上", "车载支架怎么夹在出风口", "手机膜怎么贴不会有气泡", "皮鞋平时抹什么保养"], 1),
    "defect": (["台灯插上电不亮了", "灯带才用一天就不亮了", "遥控器指示灯不亮", "开关按了没反应 指示灯也不亮"], 0),
    "quality": (["手机壳戴久了会不会变黄", "用一段时间会发黄吗"], 0),
    "order_placed": (["刚替我爸下了一单", "给我姐下了个单 钱付过了", "替老公下了两单 已付款"], 0),
}
# greeting or thanks beside small talk: nothing confident
CHATTER = ["你好 今天天气真好", "你好呀 刚下班好累", "哈喽 周末去哪玩了", "你好 最近追什么剧"]
# what must not move: a greeting alone, and a greeting beside a real question
STAYS = [("你好", "greeting"), ("在吗", "greeting"), ("你好 包邮吗", "shipping_fee"), ("你好 这款还有货吗", "stock"),
         ("好的谢谢", "thanks")]


@pytest.mark.parametrize("category", list(FAMILIES))
def test_each_kind_of_wording_finds_its_scenario(matcher, category):
    messages, allowed = FAMILIES[category]
    wrong = family_misses(matcher, messages, category)
    assert len(wrong) <= allowed, wrong


@pytest.mark.parametrize("message", CHATTER)
def test_a_greeting_beside_small_talk_gets_no_confident_card(matcher, message):
    assert first_confident(matcher, message) is None


@pytest.mark.parametrize(("message", "category"), STAYS)
def test_a_greeting_alone_or_beside_a_question_keeps_its_card(matcher, message, category):
    assert first_confident(matcher, message) == category


@pytest.mark.parametrize("message", ["刚替我爸下了一单", "给我姐下了个单", "帮老公下了两单", "替我妈下了这单"])
def test_an_order_placed_for_family_is_the_buyers_own(message):
    from kefu_assist.matching.asking import SHOP, address

    assert address(message) == SHOP


@pytest.mark.parametrize("message", ["我妈天天刷短视频", "我老公又加班了", "我闺蜜最近在减肥"])
def test_family_stories_without_an_order_stay_stories(message):
    from kefu_assist.matching.asking import STORY, address

    assert address(message) == STORY


@pytest.mark.parametrize("message", ["发错了 别理我", "不好意思发错了 这是给我妈的", "刚刚发错了 请忽略", "哎呀发错了 当我没说",
                                     "发错了 这条是给我同事的", "发错了 不用理我哈"])
def test_the_buyers_own_slip_told_as_such_is_not_shopping(matcher, message):
    """发错了 with what to do about it (别理我, 忽略) or whom it was for (这是给我妈的) is a message
    meant for someone else: no confident card (asking._MISSENT_RE)."""
    from kefu_assist.matching.asking import NOT_SHOPPING, address
    from kefu_assist.matching.normalize import normalize

    assert address(normalize(message)) == NOT_SHOPPING
    assert first_confident(matcher, message) is None


@pytest.mark.parametrize("message", ["你们发错了 这是给我妈买的 怎么换", "发错货了 我要换", "发错颜色了 这是给我妈的", "你们发错了 别理我"])
def test_the_shops_slip_stays_the_shops(message):
    from kefu_assist.matching.asking import NOT_SHOPPING, address
    from kefu_assist.matching.normalize import normalize

    assert address(normalize(message)) != NOT_SHOPPING


@pytest.mark.parametrize("message", ["手链戴断了是我自己不小心 不怪你们 就是想吐槽一下", "衣服是我自己洗缩水的 不怪你们 就是想吐槽下",
                                     "杯子是我自己摔的 跟你们没关系 想抱怨两句而已"])
def test_venting_about_ones_own_mishap_asks_nothing(matcher, message):
    """想 before 吐槽/发泄/抱怨 wants to vent, not anything from the shop (asking._REQUEST_RE): with
    不怪你们 the message is a story that asks nothing, and no card is confident."""
    from kefu_assist.matching.asking import TOLD, address
    from kefu_assist.matching.normalize import normalize

    assert address(normalize(message)) in TOLD
    assert first_confident(matcher, message) is None


@pytest.mark.parametrize("message", ["想吐槽一下你们的物流", "想吐槽一下 快递太慢了", "我想退货"])
def test_venting_at_the_shop_stays_the_shops(message):
    from kefu_assist.matching.asking import SHOP, address

    assert address(message) == SHOP
