"""What an upset buyer sees first: the soothing script of the scenario the message is about, a
complaint script only when the message is a complaint itself or no scenario with a soothing
script matched, and never a script that argues (``tone: defend``) first."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kefu_assist.checker.mood import Cue, Mood

UPSET = Mood("upset")

LIBRARY = """\
version: 1
scripts:
  - id: return_exchange.how_to
    category: return_exchange
    title: 怎么退货
    examples: [怎么退货, 退货流程是什么, 我想退掉这个, 能退吗, 要退货]
    keywords: [退货]
    replies: ["亲，在订单页申请退货就可以。"]
  - id: return_exchange.upset
    category: return_exchange
    title: 退货（安抚）
    tone: soothe
    replies: ["亲，真抱歉没让您满意，退货我全程帮您处理。"]
  - id: shipping_time.when
    category: shipping_time
    title: 什么时候发货
    examples: [什么时候发货, 几时发货, 啥时候发出, 还不发货吗]
    keywords: [发货]
    replies: ["亲，一般48小时内发货。"]
  - id: quality.general
    category: quality
    title: 质量怎么样
    tone: defend
    examples: [质量怎么样, 质量好不好, 质量太差了吧, 做工怎么这么差]
    keywords: [质量, 做工]
    replies: ["亲，这款用料扎实。"]
  - id: complaint.angry
    category: complaint
    title: 情绪激动
    examples: [我要投诉你们, 你们是骗子, 黑店, 太过分了]
    keywords: [投诉, 骗子]
    replies: ["亲，非常抱歉让您生气了，我马上为您处理。"]
  - id: greeting.hello
    category: greeting
    title: 问候
    examples: [在吗, 你好]
    replies: ["亲，在的。"]
"""


@pytest.fixture()
def service(service_with):
    return service_with(LIBRARY)


def ids(views):
    return [v.script.id for v in views]


@pytest.mark.parametrize("message", ["怎么退货", "我要退货", "退货流程是什么啊", "这个能退吗？？", "我想退掉这个"])
def test_a_scenario_with_a_soothing_script_gets_it_first_then_its_own_cards(service, message):
    views = service.suggest(message, limit=5, buyer=UPSET)
    assert ids(views)[:2] == ["return_exchange.upset", "return_exchange.how_to"]
    first = views[0].suggestion
    assert first.confident and first.category == "return_exchange"
    assert first.score == service._require().matcher.suggest(message, limit=1)[0].score


@pytest.mark.parametrize("message", ["什么时候发货", "几时发货啊", "还不发货吗"])
def test_a_scenario_without_a_soothing_script_gets_the_complaint_script_first(service, message):
    views = service.suggest(message, limit=5, buyer=UPSET)
    assert ids(views)[:2] == ["complaint.angry", "shipping_time.when"]


@pytest.mark.parametrize("message", ["我要投诉你们", "你们是骗子", "黑店 太过分了"])
def test_a_complaint_keeps_its_complaint_script_first(service, message):
    assert ids(service.suggest(message, limit=5, buyer=UPSET))[0] == "complaint.angry"


@pytest.mark.parametrize("message", ["嗯嗯", "xyz", "今天天气不错"])
def test_no_scenario_matched_gets_the_complaint_script_first(service, message):
    views = service.suggest(message, limit=5, buyer=UPSET)
    assert ids(views)[0] == "complaint.angry"


@pytest.mark.parametrize("message", ["质量怎么样", "做工怎么这么差", "质量太差了吧"])
def test_a_defended_scenario_without_a_soothing_script_never_starts_with_the_defence(service, message):
    views = service.suggest(message, limit=5, buyer=UPSET)
    assert ids(views)[0] == "complaint.angry" and views[-1].script.tone == "defend"


@pytest.mark.parametrize("message", ["怎么退货", "我要退货", "什么时候发货"])
def test_a_calm_buyer_never_sees_the_soothing_variants(service, message):
    assert "return_exchange.upset" not in ids(service.suggest(message, limit=5, buyer=Mood("calm")))


# -- the shipped library: a family of upset messages per scenario (own wordings) -------------
FAMILIES = {
    "return_exchange": ["我要退货", "退货到底怎么弄", "退款到底什么时候到账", "钱怎么还没退回来"],
    "shipping_time": ["到底什么时候发货", "你们几时才发货"],
    "logistics": ["拍了五天了还不发货", "物流一个礼拜没动了", "快递显示签收了我根本没收到", "怎么还没到"],
    "quality": ["质量太差了", "做工这么烂"],
    "defect": ["发错货了", "你们寄错颜色了", "东西到了是碎的", "收到就是坏的", "衣服有污渍还开线"],
    "invoice": ["发票到现在都没给我"],
    "payment": ["付款一直失败"],
    "color_difference": ["颜色跟图片差太多了"],
    "shipping_fee": ["运费怎么收这么多"],
    "promotion": ["刚买就降价了"],
    # an upset buyer about price, courier or waiting got a complaint card first: no soothing
    # script of their own scenario
    "bargain": ["这么贵 抢钱啊", "别家便宜一半 你们也太贵了", "价格这么高还不让砍 什么意思", "就这个价 爱卖不卖"],
    "courier": ["快递能不能换一个 中通老丢件", "说好的顺丰呢 凭什么不能发", "我这收不到中通 到底能不能换快递"],
    "greeting": ["有没有人啊 喂", "客服到底在不在"],
}


@pytest.mark.parametrize(("category", "message"), [(c, m) for c, ms in FAMILIES.items() for m in ms])
def test_shipped_upset_buyer_gets_the_scenarios_soothing_script_first(shipped_service, category, message):
    views = shipped_service.suggest(message, limit=5, confident_only=True, buyer=UPSET)
    assert views[0].script.category == category and views[0].script.tone == "soothe", ids(views)
    # the scenario's own answers follow (one that argues after every other card)
    own = [i for i, v in enumerate(views) if v.script.category == category and v.script.tone != "soothe"]
    assert own and (own[0] == 1 or views[own[0]].script.tone == "defend"), ids(views)


def test_shipped_library_has_a_soothing_script_for_each_scenario_upset_buyers_hit(shipped_service):
    library = shipped_service.library
    for category in FAMILIES:
        soothing = [s for s in library.in_category(category) if s.tone == "soothe"]
        assert soothing, category
        assert all(s.agent_initiated for s in soothing), category  # never matched for a calm buyer


@pytest.mark.parametrize("message", ["我要投诉你们店", "你们就是骗子", "黑店 我要举报"])
def test_shipped_complaints_keep_a_complaint_script_first(shipped_service, message):
    assert shipped_service.suggest(message, limit=5, buyer=UPSET)[0].script.category == "complaint"


def test_shipped_a_threat_about_a_scenario_soothes_the_scenario_and_keeps_the_complaint_card(shipped_service):
    views = shipped_service.suggest("快递三天不动了 我要投诉", limit=5, confident_only=True, buyer=UPSET)
    assert ids(views)[0] == "logistics.upset"
    assert "complaint" in [v.script.category for v in views[1:]]


@pytest.mark.parametrize("message", ["发错货了 什么垃圾店", "我要退货！什么破东西！！"])
def test_shipped_upset_read_from_the_message_itself(shipped_service, message):
    assert shipped_service.mood(message).upset
    first = shipped_service.suggest(message, limit=5)[0].script
    assert first.tone == "soothe" and first.category in {"defect", "return_exchange", "quality"}


WORDS = ["质量", "太差", "退货", "发货", "物流", "发票", "垃圾", "投诉", "怎么", "还没", "到底", "做工", "正品", "假货", "颜色", "色差", "！！", "？？？", "呵呵"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5))
def test_shipped_an_upset_buyer_never_gets_an_arguing_card_first(shipped_service, words):
    views = shipped_service.suggest("".join(words), limit=5, buyer=UPSET)
    assert views and views[0].script.tone != "defend"
    if views[0].script.tone == "soothe":
        assert views[0].suggestion.confident



# A threat beside the scenario it is about (快递三天不动了 我要投诉): the card of the scenario and
# the complaint card scored a near tie (0.9463 and 0.9454 on b000333), and a few examples added
# elsewhere swapped them (0.9465 and 0.9444), so the scenario's soothing card hung on the fourth
# decimal. Within service._SCENARIO_TIE the scenario is soothed; a complaint that leads clearly,
# or is the whole message, stays first (as the dev sets' writers file it).

def _card(category: str, score: float, clause: str):
    from kefu_assist.matching import Suggestion

    return Suggestion(f"{category}.x", category, category, score, True, clause=clause)


class _Lib:
    def get(self, script_id):
        from kefu_assist.library.model import Script

        category = script_id.split(".")[0]
        return Script(id=script_id, category=category, title=category, examples=("x",), replies=("好的",))


def test_a_near_tie_with_a_scenario_of_another_clause_soothes_the_scenario():
    from kefu_assist.service import _SCENARIO_TIE, _threatened_over

    top = _card("complaint", 0.9465, "我要投诉")
    tied = _card("logistics", 0.9465 - _SCENARIO_TIE / 2, "快递三天不动了")
    assert _threatened_over([top, tied], top, _Lib()) is tied
    clear = _card("logistics", 0.9465 - 2 * _SCENARIO_TIE, "快递三天不动了")
    assert _threatened_over([top, clear], top, _Lib()) is None
    same_clause = _card("logistics", 0.9465, "我要投诉")
    assert _threatened_over([top, same_clause], top, _Lib()) is None


@pytest.mark.parametrize("message", ["什么态度 问三遍都不回", "我要投诉 你们客服态度太差", "五天了还不发货 我要给差评", "卖假货是吧 我要打12315"])
def test_shipped_a_complaint_that_leads_clearly_stays_the_complaints(shipped_service, message):
    views = shipped_service.suggest(message, limit=5, confident_only=True, buyer=UPSET)
    assert views[0].script.category == "complaint"


# The sidebar asks for every card (confident or not), `match` and `eval` for the confident ones alone.
# An upset buyer's soothing card ranked but unconfident used to stay unconfident in the sidebar
# (nothing selected, or worse: the selection on the first confident card after it, 安装说明 for
# 耽误了寿宴 你们负责吗？？) while the command line made it the confident first card; both now decide
# it the same way (service._soothe_first).
THREATS = ["再不给个说法我就找工商", "耽误了我妈的寿宴 你们负责吗？？", "再拖下去我就发抖音曝光", "过两天还不到我就去工商局",
           "要是明天还不处理我就去12315", "再这样我就找消协了"]
VENTS = ["王者荣耀又输了 队友太坑 气死", "打车司机绕路了 气死我了"]


@pytest.mark.parametrize("message", THREATS + VENTS)
def test_shipped_the_sidebar_and_the_command_line_agree_on_an_upset_buyers_first_card(shipped_service, message):
    every = shipped_service.suggest(message, limit=5)
    confident = shipped_service.suggest(message, limit=5, confident_only=True)
    assert [v.script.id for v in every if v.suggestion.confident][:1] == [v.script.id for v in confident][:1]
    assert len({v.script.id for v in every}) == len(every), "a card shown twice"


@pytest.mark.parametrize("message", THREATS)
def test_shipped_a_threat_gets_a_confident_soothing_card_first_in_the_sidebar(shipped_service, message):
    first = shipped_service.suggest(message, limit=5)[0]
    assert _soothes_card(first) and first.suggestion.confident, (first.script.id, first.suggestion)


@pytest.mark.parametrize("message", VENTS)
def test_shipped_anger_at_someone_else_gets_no_confident_card(shipped_service, message):
    assert not any(v.suggestion.confident for v in shipped_service.suggest(message, limit=5))


def _soothes_card(view) -> bool:
    return view.script.tone == "soothe" or (view.script.category == "complaint" and view.script.tone != "defend")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS + ["工商", "曝光", "负责吗", "再这样", "我就去", "消协"]), min_size=1, max_size=5))
def test_shipped_both_paths_agree_for_any_upset_message(shipped_service, words):
    message = "".join(words)
    every = shipped_service.suggest(message, limit=5, buyer=UPSET)
    confident = shipped_service.suggest(message, limit=5, confident_only=True, buyer=UPSET)
    assert [v.script.id for v in every if v.suggestion.confident][:1] == [v.script.id for v in confident][:1]


# -- upset on the tone's reading alone -----------------------------------------------------------
# The trained tone reads plain statements as sour (年货这种东西年年买年年剩): the mood says upset with
# no word of the message as a cue. When the matcher also finds nothing the message asks, no
# apology card is invented for it (service._soothe_first, Mood.worded); a message whose words say
# so (a threat, an insult, asking again) still gets one.
def _tone_only(message: str) -> Mood:
    return Mood("upset", (Cue("tone", message, 0, len(message), 0.0),), 1.0)


def _marks_only(message: str) -> Mood:
    return Mood("upset", (Cue("question_marks", "？？？", len(message), len(message) + 3, 1.0), Cue("tone", message, 0, len(message), 0.0)), 1.0)


@pytest.mark.parametrize("message", ["今年的雪下得特别早", "周末又要去公司加班", "楼下新开了一家面馆", "嗯嗯", "xyz"])
@pytest.mark.parametrize("read", [_tone_only, _marks_only])
def test_upset_on_the_tone_alone_with_nothing_matched_gets_no_invented_card(service, message, read):
    views = service.suggest(message, limit=5, buyer=read(message))
    assert not any(v.suggestion.confident for v in views), ids(views)
    assert not any(v.suggestion.for_mood for v in views)


@pytest.mark.parametrize("cue", [Cue("outrage", "工商局", 0, 3, 1.0), Cue("insult", "骗子", 0, 2, 1.0), Cue("repeated", "今天天气不错", -1, -1, 1.0),
                                 Cue("rhetoric", "凭什么", 0, 3, 0.5)])
@pytest.mark.parametrize("message", ["嗯嗯", "那个"])
def test_upset_in_the_buyers_own_words_with_nothing_matched_still_gets_the_complaint_card(service, cue, message):
    cues = (cue,) if cue.weight >= 1.0 else (cue, Cue("impatience", "到底", 3, 5, 0.5))
    views = service.suggest(message, limit=5, buyer=Mood("upset", cues, 1.0))
    assert ids(views)[0] == "complaint.angry" and views[0].suggestion.confident


@pytest.mark.parametrize("read, worded", [(_tone_only, False), (_marks_only, False), (lambda m: Mood("upset", (Cue("insult", "滚", 0, 1, 1.0),), 1.0), True),
                                          (lambda m: Mood("upset", (Cue("repeated", m, -1, -1, 1.0),), 1.0), True)])
def test_mood_worded_says_whether_the_words_make_the_buyer_upset(read, worded):
    assert read("周末又要去公司加班").worded is worded


@pytest.mark.parametrize("message", ["年货这种东西年年买年年剩", "双十一这种节日就是让人乱花钱"])
def test_shipped_a_sour_statement_about_daily_life_gets_no_apology_card(shipped_service, message):
    buyer = shipped_service.mood(message)
    assert buyer.upset and not buyer.worded  # the premise: the tone alone reads it upset
    assert not any(v.suggestion.confident for v in shipped_service.suggest(message, limit=5))
    assert shipped_service.suggest(message, limit=5, confident_only=True) == []


# -- an upset buyer asking several things: the soothing card takes no other question's place ----
SEVERAL = {
    "到手就是坏的 线也断了 我要退货 太坑人了": {"defect", "return_exchange", "complaint"},
    "拍了一周还不发货 你们服务太差了 不想等了 取消吧": {"logistics", "complaint", "cancel_order"},
    "说好今天发的 到现在没动静 骗子吗 到底几时发货": {"shipping_time", "complaint", "logistics"},
}
MORE = ["东西到了是碎的 我要退货 什么破店", "收到的杯子是坏的 我要退款 你们太坑了", "等了五天还没发货 太离谱了 给我取消订单"]


@pytest.mark.parametrize("message", [*SEVERAL, *MORE])
def test_shipped_an_upset_buyers_other_questions_stay_in_the_first_three(shipped_service, message):
    views = shipped_service.suggest(message, limit=5, confident_only=True, buyer=UPSET)
    # a soothing card first: a scenario's own (tone: soothe) or, when the message is a complaint
    # itself (骗子吗), the complaint card (service._soothes)
    assert views[0].script.tone == "soothe" or views[0].script.category == "complaint", ids(views)
    matched = [s for s in shipped_service._require().matcher.suggest(message, limit=5) if s.confident][:3]
    # every category of the matcher's first three (as a calm buyer sees them) is among the first three
    assert {s.category for s in matched} <= {v.script.category for v in views[:3]}, ids(views)
    if message in SEVERAL:
        assert SEVERAL[message] <= {v.script.category for v in views[:3]}, ids(views)
