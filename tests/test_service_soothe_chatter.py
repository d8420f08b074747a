"""Chit-chat the mood reads as upset (给我讲个笑话 in a flat tone) gets no invented apology card:
the matcher calls it small talk and no soothing script is close to it. An upset buyer whose words
do come close to a complaint script, or that match nothing at all, still gets one first."""
from __future__ import annotations

import pytest

from kefu_assist.checker.mood import Mood
from kefu_assist.service import AssistService

UPSET = Mood("upset")


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    import os

    os.environ.setdefault("KEFU_ASSIST_CACHE_DIR", str(tmp_path_factory.mktemp("chatter-cache")))
    from kefu_assist.resources import default_library_path

    svc = AssistService()
    assert svc.load(default_library_path()).ok
    return svc


@pytest.mark.parametrize(
    "message",
    ["你喜欢看电影吗", "周末去哪玩好呢", "帮我给猫起个名字", "你会唱歌吗", "你说我要不要换工作", "今天好热啊", "你是男的女的"],
)
def test_small_talk_read_as_upset_gets_no_confident_card(shipped, message):
    assert shipped.suggest(message, limit=5, confident_only=True, buyer=UPSET) == []


@pytest.mark.parametrize("message", ["你们客服都是摆设吗", "气死我了", "嗯嗯"])
def test_an_upset_buyer_near_a_complaint_or_matching_nothing_still_gets_a_soothing_card_first(shipped, message):
    views = shipped.suggest(message, limit=5, confident_only=True, buyer=UPSET)
    assert views and views[0].script.category == "complaint"


@pytest.mark.parametrize("message", ["网约车司机又绕远路了 气死", "外卖小哥把汤洒了一半 太坑了", "楼下超市的大妈态度好差"])
def test_a_story_about_others_read_as_upset_gets_no_invented_apology(shipped, message):
    # the buyer is cross with someone else (the matcher's gate calls it chatter, asking.py a story
    # that asks the shop nothing): a complaint script close to the words is no reason to apologise
    assert shipped.suggest(message, limit=5, confident_only=True, buyer=UPSET) == []


@pytest.mark.parametrize("message", ["啊啊啊啊", "啊啊啊啊啊啊啊", "呜呜呜呜", "嗷嗷嗷", "哇哇哇哇", "啊啊啊！！！"])
def test_a_bare_cry_read_as_upset_gets_no_invented_card(shipped, message):
    """One interjection typed over and over names no grievance (match9): the mood may call it a
    meltdown, but there is nothing for an apology card to answer."""
    assert shipped.suggest(message, limit=5, confident_only=True, buyer=UPSET) == []


@pytest.mark.parametrize("message", ["😠😠", "🙄", "[怒]", "💢 💢", "😭😭😭"])
def test_emoji_or_stickers_alone_get_no_invented_card(shipped, message):
    """Nothing but emoji or stickers (issue 10 counts them as noise, gate25): the mood reads an angry
    face upset, but no word names a grievance for an apology card to answer."""
    assert shipped.suggest(message, limit=5, confident_only=True) == []


@pytest.mark.parametrize("message", ["！！", "？？？", "😠？？"])
def test_bare_marks_of_an_impatient_buyer_keep_their_card(shipped, message):
    """... but bare marks (！！, ？？？) are an impatient buyer's, read upset, and keep the soothing card."""
    assert shipped.suggest(message, limit=5, confident_only=True, buyer=UPSET)


@pytest.mark.parametrize("message", ["啊啊啊啊 怎么还没发货", "啊啊啊 气死我了"])
def test_a_cry_with_a_grievance_still_gets_a_card(shipped, message):
    assert shipped.suggest(message, limit=5, confident_only=True, buyer=UPSET)


# Upset words beside chatter (gate11): the buyer is cross with a game, the neighbours, the stock
# market, nothing the shop did; the gate calls the message chatter and what it says beside the
# mood's cue words chatter too. The mood is read from the message, as the sidebar reads it.
VENTING_ELSEWHERE = ["股票又跌了 服了", "下楼倒垃圾被锁在门外了 气死我了", "看球又输了 气死", "基金又绿了 服了", "彩票又没中 气死",
                     # a pet breaking things at home names a fault, not the shop's (我家狗又把沙发咬坏了)
                     "我家狗又把沙发咬坏了 气死了", "我家猫把花盆打碎了 气死"]


@pytest.mark.parametrize("message", VENTING_ELSEWHERE)
def test_upset_words_beside_chatter_get_no_invented_apology(shipped, message):
    assert shipped.mood(message).upset
    assert shipped.suggest(message, limit=5, confident_only=True) == []


@pytest.mark.parametrize(("message", "category"), [("你们这是什么服务 气死了", "complaint"), ("气死我了", "complaint"), ("等了五天还没到 气死了", "logistics"),
                                                 ("孩子刚收到的杯子就碎了 气死了", "defect")])
def test_upset_words_at_the_shop_still_get_a_card(shipped, message, category):
    views = shipped.suggest(message, limit=5, confident_only=True)
    assert views and views[0].script.category == category
