"""Messages of two or three questions whose second or third question missed the first three
confident cards (issue 10, session 23): the classes of wording, each with a family of own
wordings that failed before its fix."""
from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from kefu_assist.matching import coranker as coranker_module
from kefu_assist.matching.deciding import Deciding


class _Ranker:
    def __init__(self, proba: dict[str, float]):
        self._proba = proba

    def proba(self, text: str) -> dict[str, float]:
        return dict(self._proba)


def test_the_second_class_asked_is_a_shopping_class_not_chatter():
    # 我是学生只有花呗 能便宜点吗: the clause's classes bargain 0.18, chatter 0.09, payment 0.08;
    # chatter in second place kept payment from counting as asked, and three bargain cards filled
    # the first three
    me = SimpleNamespace(_scripts=[])
    ranker = _Ranker({"bargain": 0.18, coranker_module.OFFTOPIC: 0.09, "payment": 0.08, "stock": 0.01})
    asked = Deciding._asked(me, "我是学生只有花呗", ["我是学生只有花呗"], ranker, {})
    assert {"bargain", "payment"} <= asked
    assert "stock" not in asked
    # a second shopping class far below the first is not asked (ASKED_SHARE)
    ranker = _Ranker({"bargain": 0.60, coranker_module.OFFTOPIC: 0.09, "payment": 0.08})
    assert Deciding._asked(me, "能便宜点吗", ["能便宜点吗"], ranker, {}) == {"bargain"}


def top3(matcher, message: str) -> list[str]:
    return [s.category for s in matcher.suggest(message) if s.confident][:3]


def misses(matcher, family: list[tuple[str, set[str]]]) -> list[tuple[str, list[str]]]:
    """The messages of a family whose first three confident cards leave out a category asked."""
    out = []
    for message, wanted in family:
        got = top3(matcher, message)
        if not wanted <= set(got):
            out.append((message, got))
    return out


# A second question opened by a word that only joins it to the first (对了, 还有就是, 然后, 另外,
# 顺便问下) after an acknowledgement: the joining word was scored with the question and pulled its
# best script down or to another scenario. Before: 2 of 11 missed the question.
JOINED_AFTER_THANKS = [
    ("好的谢谢 对了面膜多久用一次", {"thanks", "care_warranty"}),
    ("好的 对了这个锅第一次用要干嘛", {"thanks", "care_warranty"}),
    ("好嘞 还有就是保修卡要留着吗", {"thanks", "care_warranty"}),
    ("好的谢谢 另外开封后能放多久", {"thanks", "care_warranty"}),
    ("收到 还有就是充电要充多久", {"thanks", "care_warranty"}),
    ("好的谢谢 顺便问下茶叶怎么存放", {"thanks", "care_warranty"}),
    ("好的 对了说明书在哪里", {"thanks", "care_warranty"}),
    ("好的谢谢 对了这个能机洗吗", {"thanks", "care_warranty"}),
    ("好的谢谢 然后发票能开公司抬头吗", {"thanks", "invoice"}),
    ("好的谢谢 对了酒开了能放多久", {"thanks", "care_warranty"}),
    ("好的 对了有赠品吗", {"thanks", "promotion"}),
]


def test_a_question_opened_by_a_joining_word_is_scored_without_it(matcher):
    assert not misses(matcher, JOINED_AFTER_THANKS)


def test_the_joining_word_is_dropped_only_before_a_question_of_its_own():
    from kefu_assist.matching.helpers import _unjoined

    assert _unjoined("对了面膜多久用一次") == "面膜多久用一次"
    assert _unjoined("还有就是七天能退吧") == "七天能退吧"
    assert _unjoined("顺便问下包邮吗") == "包邮吗"
    assert _unjoined("还有货吗") == "还有货吗"  # 还有 asks for stock
    assert _unjoined("然后呢") == "然后呢"  # nothing of its own after it
    assert _unjoined("包邮吗") == "包邮吗"


# Voice input and fast typing run a second question on without a break: opened by 还有 after a
# request or a question (帮我改下还有能发顺丰吗, 穿多大的还有这个粉色会不会偏暗), by the thanks that
# opens the message (多谢还有能开发票吗, 好的谢谢那个保修卡要留着吗), or by a condition after a request
# or a statement (我要取消如果发了…可以退吗). Before: 5 of 11 missed a question.
RUN_ON_OPENERS = [
    ("颜色拍错了帮我换成黑色还有什么时候能发", {"order_change", "shipping_time"}),
    ("地址帮我改成公司的还有啥时候发货", {"order_change", "shipping_time"}),
    ("宝宝二十斤穿多大的还有这个粉色实物会不会偏暗", {"size", "color_difference"}),
    ("我要两盒能便宜点还有能开发票吗", {"bargain", "invoice"}),
    ("收件人电话填错了帮我改下还有能发顺丰吗", {"order_change", "courier"}),
    ("帮我备注送礼别放发票还有今天能发出吗", {"order_change", "shipping_time"}),
    ("拿去专柜验货如果是假的能退吗", {"quality", "return_exchange"}),
    ("没发货的话帮我取消如果已经发了能退吗", {"cancel_order", "return_exchange"}),
    ("好的谢谢那包邮吗", {"thanks", "shipping_fee"}),
    ("好的谢谢那个充电器保修多久", {"thanks", "care_warranty"}),
    ("多谢还有能开发票吗", {"thanks", "invoice"}),
]


def test_a_question_run_on_after_还有_thanks_or_a_condition_reaches_the_first_three(matcher):
    assert not misses(matcher, RUN_ON_OPENERS)


def test_where_还有_thanks_and_a_condition_cut_a_run_on_message():
    from kefu_assist.matching.normalize import clauses

    assert clauses("我地址写错了帮我改一下还有什么时候发货啊") == ["我地址写错了帮我改一下", "还有什么时候发货啊"]
    assert clauses("穿多大的还有这个黄色实物会不会很艳") == ["穿多大的", "还有这个黄色实物会不会很艳"]
    assert clauses("好的谢谢那个保修卡要留着吗") == ["好的谢谢", "那个保修卡要留着吗"]
    assert clauses("这单我要取消如果发了就退回去可以吗") == ["这单我要取消", "如果发了就退回去可以吗"]
    # 还有 asking for stock, a condition after what only leads into the question, 要是 after 说
    for one in ("白色的还有货吗", "M码还有吗", "还有这个颜色吗", "黑色还有没有", "快递还有几天到", "还有多久能到",
                "想确认一下如果本周三付款", "请问如果不合适能退吗", "我老公说要是再买一张床我就去睡沙发", "谢谢你们的包装很用心"):
        assert clauses(one) == [one], one


# A fault told as a statement beside a question (helpers._tells_fault): furniture that wobbles and
# goods that came opened or used. Before: 6 of 8 missed the defect card.
FAULTS_TOLD = [
    ("收到的面霜是开过封的 你们是不是卖二手货 我要投诉", {"defect", "complaint"}),
    ("书架装好了有点摇晃 怎么处理", {"defect", "care_warranty"}),
    ("椅子坐上去一直晃 能换吗", {"defect", "return_exchange"}),
    ("凳子有点晃 保修吗", {"defect", "care_warranty"}),
    ("口红收到封口是开的 能退吗", {"defect", "return_exchange"}),
    ("盒子被拆过 我要投诉", {"defect", "complaint"}),
    ("鞋子有使用痕迹 能退吗", {"defect", "return_exchange"}),
    ("耳机像是用过的 能换新的吗", {"defect", "return_exchange"}),
]


def test_a_wobble_or_goods_come_opened_or_used_is_a_fault_told(matcher):
    assert not misses(matcher, FAULTS_TOLD)


def test_what_wobbles_or_came_used_tells_a_fault_and_asking_about_it_does_not():
    from kefu_assist.matching.helpers import _tells_fault

    for told in ("桌腿晃得厉害", "椅子一直晃", "柜子摇摇晃晃的", "面霜是开过封的", "盒子被拆过", "有使用痕迹", "像是用过的"):
        assert _tells_fault(told), told
    for asked in ("会不会晃", "桌子稳不稳", "是不是二手的吗", "我想买个凳子"):
        assert not _tells_fault(asked), asked


# ... and a gadget's or a brush's own faults, told beside a question (session 25: 掉毛, 不回弹, 暗斑,
# 黑屏, 死机 were no fault words). Before: 4 of 7 missed the defect card.
GADGET_FAULTS_TOLD = [
    ("牙刷用了三天就掉毛 能退吗", {"defect", "return_exchange"}),
    ("显示器收到就有暗斑 我要投诉", {"defect", "complaint"}),
    ("新买的手机老是死机 能换吗", {"defect", "return_exchange"}),
    ("平板用了两天就黑屏 能换新的吗", {"defect", "return_exchange"}),
    ("耳机老是断连 保修期内管吗", {"defect", "care_warranty"}),
    ("保温杯外面掉漆了 能退吗", {"defect", "return_exchange"}),
    ("电视有个坏点 这个能退吗", {"defect", "return_exchange"}),
]


def test_a_gadgets_fault_told_beside_a_question_gets_the_defect_card(matcher):
    assert not misses(matcher, GADGET_FAULTS_TOLD)


def test_a_gadgets_fault_told_is_a_fault_and_one_feared_or_denied_is_not():
    from kefu_assist.matching.helpers import _tells_fault

    for told in ("刷头用了一周就掉毛", "有个键不回弹", "屏幕上有块暗斑", "开机就黑屏", "手机总死机"):
        assert _tells_fault(told), told
    for other in ("会不会掉毛", "用久了会黑屏吗", "这款不掉毛", "键盘回弹怎么样"):
        assert not _tells_fault(other), other


# A clause that puts a question beside a confident question of another category, which the gate
# reads as chatter (0.4-0.7: 水壶怎么除水垢啊 0.64) or whose best script scores under agree_floor: its
# best shopping script is confident when the co-ranker's first class agrees (beside_offtopic,
# beside_floor, beside_margin). Before: 3 of 8 missed the question.
QUESTION_BESIDE = [
    ("水壶怎么除水垢啊 七天能退吧", {"care_warranty", "return_exchange"}),
    ("大号的没了吗 手长18用中号行不", {"stock", "size"}),
    ("玻璃杯能装开水吗 能发顺丰吗", {"care_warranty", "courier"}),
    ("茶杯的茶渍怎么去掉 今天能发吗", {"care_warranty", "shipping_time"}),
    ("羊毛衫起静电怎么办 能开发票吗", {"care_warranty", "invoice"}),
    ("白鞋发黄了怎么弄干净 几天能到", {"care_warranty", "delivery_time"}),
    ("腰围二尺一穿多大的 有现货吗", {"size", "stock"}),
    ("体重一百二穿哪个码 包邮不", {"size", "shipping_fee"}),
]
# ... and chatter beside a question stays without a card of its own
CHATTER_BESIDE = ["你吃饭了吗 包邮吗", "明星怎么这么瘦 能便宜吗", "你们那边下雨了吗 今天能发吗", "周末去哪玩好呢 有赠品吗"]


def test_a_question_the_gate_doubts_beside_a_confident_one_reaches_the_first_three(matcher):
    assert not misses(matcher, QUESTION_BESIDE)


def test_chatter_beside_a_question_gets_no_card_of_its_own(matcher):
    for message in CHATTER_BESIDE:
        chatter = message.split(" ")[0]
        sure = [s for s in matcher.suggest(message) if s.confident]
        assert sure and not [s for s in sure if s.clause == chatter], (message, [(s.category, s.clause) for s in sure])


def test_the_clause_agreed_on_beside_a_question_never_outranks_it(matcher):
    for message in ("水壶怎么除水垢啊 七天能退吧", "玻璃杯能装开水吗 能发顺丰吗"):
        sure = [s for s in matcher.suggest(message) if s.confident]
        assert sure[0].clause == message.split(" ")[1], (message, [(s.category, s.clause) for s in sure])


# A condition closed by 的话 before a question of its own (包邮的话发什么快递, 今天发货的话明天能到吗):
# the condition is a question too, and three cards of the other filled the first three.
# Before: 1 of 10 missed it (the dev sets: 2 lines).
CONDITIONS = [
    ("包邮的话发什么快递", {"shipping_fee", "courier"}),
    ("包邮的话能发顺丰吗", {"shipping_fee", "courier"}),
    ("今天发货的话明天能到上海吗", {"shipping_time", "delivery_time"}),
    ("今天发货的话后天能到成都吗", {"shipping_time", "delivery_time"}),
    ("明天发货的话周末能到杭州吗", {"shipping_time", "delivery_time"}),
    ("发顺丰的话几天到杭州", {"courier", "delivery_time"}),
    ("不包邮的话能便宜点吗", {"shipping_fee", "bargain"}),
    ("包邮的话几天能到", {"shipping_fee", "delivery_time"}),
    ("发顺丰的话今天能发吗", {"courier", "shipping_time"}),
    ("能开专票的话可以对公转账吗", {"invoice", "payment"}),
]


def test_a_condition_closed_by_的话_and_the_question_after_it_both_reach_the_first_three(matcher):
    assert not misses(matcher, CONDITIONS)


def test_的话_cuts_before_a_question_of_its_own_only():
    from kefu_assist.matching.normalize import clauses

    assert clauses("今天发货的话明天能到北京吗") == ["今天发货的话", "明天能到北京吗"]
    assert clauses("包邮的话发什么快递") == ["包邮的话", "发什么快递"]
    for one in ("还没发货的话取消", "不合适的话退货", "方便的话帮我备注一下", "的话能退吗"):
        assert clauses(one) == [one], one


# A fault told in words no defect example uses (晃): the clause scored no defect script, so no
# defect card joined; the nearest defect script of the message stands in. Before: 2 of 5 missed it.
FAULTS_IN_OTHER_WORDS = [
    ("桌腿晃得厉害，是不是没装好，保修吗", {"defect", "care_warranty"}),
    ("柜子摇摇晃晃的 你们包安装吗", {"defect", "care_warranty"}),
    ("床头一直晃 能上门修吗", {"defect", "care_warranty"}),
    ("鞋柜摇晃 怎么加固", {"defect", "care_warranty"}),
    ("书桌晃得很 是不是少了螺丝", {"defect"}),
]


def test_a_fault_told_in_words_no_defect_example_uses_still_brings_the_defect_card(matcher):
    assert not misses(matcher, FAULTS_IN_OTHER_WORDS)


# A part told faulty in so many words (对焦有问题, 屏幕出了问题, 有毛病, 失灵, 画面一直抖) beside a
# question: the defect card joins it. Before: 5 of 7 missed it.
FAULTS_IN_SO_MANY_WORDS = [
    ("镜头对焦有问题 能换新吗", {"defect", "return_exchange"}),
    ("屏幕出了问题 保修吗", {"defect", "care_warranty"}),
    ("遥控器有毛病 能退吗", {"defect", "return_exchange"}),
    ("按键失灵了 能换吗", {"defect", "return_exchange"}),
    ("画面一直抖 保修多久", {"defect", "care_warranty"}),
    ("耳机左边有问题 我要投诉", {"defect", "complaint"}),
    ("充电口出问题了 怎么寄修", {"defect", "care_warranty"}),
]


def test_a_part_told_faulty_in_so_many_words_brings_the_defect_card(matcher):
    assert not misses(matcher, FAULTS_IN_SO_MANY_WORDS)


def test_a_problem_asked_about_or_left_for_later_is_no_fault_told():
    from kefu_assist.matching.helpers import _tells_fault

    for told in ("镜头对焦有问题", "屏幕出了问题", "充电口出问题了", "云台就抖", "画面抖动"):
        assert _tells_fault(told), told
    for not_told in ("有问题吗", "没有问题", "收到货有问题再联系", "有问题的话能退吗", "冷得发抖"):
        assert not _tells_fault(not_told), not_told


_PIECES = ["还有", "如果", "万一", "的话", "谢谢", "那个", "这个", "货", "吗", "没有", "几件", "什么时候", "能", "发", "包邮", "帮我改一下", "了", "的", "请问", "想确认一下", "颜色"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_the_new_cuts_give_the_clause_back_and_never_cut_a_stock_question(text):
    from kefu_assist.matching.normalize import run_on_pieces

    pieces = run_on_pieces(text)
    assert "".join(pieces) == text
    assert all(pieces) or pieces == [""]
    # 还有 asking for stock (还有货, 还有吗, 还有没有, 还有几件) opens a piece only after a question
    # particle or the thanks (包邮吗还有货吗, 谢谢还有货吗), never cut off what names the variant
    for before, piece in zip(pieces, pieces[1:]):
        if piece.startswith(("还有货", "还有吗", "还有没有", "还有几件")):
            assert before.endswith(("吗", "谢谢")), pieces


# A short clause of a model number or size asking whether it fits (2280能装吗) beside a confident
# question of another category: the co-ranker's chatter class read it first (0.20 against 0.19 for
# size) although the gate, which decides chatter, read it as shopping (0.09), and no size card
# joined (session 24). The clause's agreement now leaves the chatter class out (Deciding._agreeing
# with ``gate``). Before: 2 of 11 missed the size card.
NUMBER_FITS_BESIDE = [
    ("2242的能装吗 保修几年", {"size", "care_warranty"}),
    ("2230能装吗 包邮吗", {"size", "shipping_fee"}),
    ("2280的插得上吗 能开发票吗", {"size", "invoice"}),
    ("38的能穿吗 发什么快递", {"size", "courier"}),
    ("1.5的够不够 今天能发吗", {"size", "shipping_time"}),
    ("60的能放下吗 保修多久", {"size", "care_warranty"}),
    ("22的合适吗 不合适能退吗", {"size", "return_exchange"}),
    ("3060装得下吗 几天能到", {"size", "delivery_time"}),
    ("4090能放进去吗 有现货吗", {"size", "stock"}),
    ("140的够坐吗 包邮吗", {"size", "shipping_fee"}),
    ("一米四的坐得下四个人吗 保修几年", {"size", "care_warranty"}),
]


def test_a_number_asked_to_fit_beside_a_question_reaches_the_first_three(matcher):
    assert not misses(matcher, NUMBER_FITS_BESIDE)


def test_a_clause_agreed_on_as_shopping_leaves_the_chatter_class_out():
    # the clause came to agreement only because the gate read it as shopping: the co-ranker's
    # chatter class, first or second, neither wins nor sets the margin there
    scripts = [SimpleNamespace(category="size"), SimpleNamespace(category="care_warranty")]
    me = SimpleNamespace(_scripts=scripts, _labels=["size", "care_warranty"], config=SimpleNamespace(agree_margin=1.5, agree_margin_beside=1.2, agree_floor=0.35, agree_tie=0.03))
    me._agreeing = lambda *a, **k: Deciding._agreeing(me, *a, **k)
    from kefu_assist.matching.types import _Scored

    scored = {0: _Scored(0.45), 1: _Scored(0.40)}
    ranker = _Ranker({coranker_module.OFFTOPIC: 0.20, "size": 0.19, "care_warranty": 0.10})
    assert Deciding._agreeing(me, "2280能装吗", ranker, scored, 0) == -1  # as the co-ranker reads it
    assert Deciding._agreeing(me, "2280能装吗", ranker, scored, 0, gate=True) == 0
    assert Deciding._clause_agreeing(me, "2280能装吗", ranker, scored, 0, {"care_warranty"}) == 0
    # a shopping class the chatter class only shadowed still needs its margin over the next one
    ranker = _Ranker({coranker_module.OFFTOPIC: 0.20, "size": 0.12, "care_warranty": 0.11})
    assert Deciding._agreeing(me, "2280能装吗", ranker, scored, 0, gate=True) == -1
    # and a small-talk script is never agreed on for it (labels: the chatter class)
    me._labels = [coranker_module.OFFTOPIC, "care_warranty"]
    ranker = _Ranker({coranker_module.OFFTOPIC: 0.50, "care_warranty": 0.10})
    assert Deciding._agreeing(me, "2280能装吗", ranker, scored, 0, gate=True) != 0


def first(matcher, message: str) -> str:
    sure = [s.category for s in matcher.suggest(message) if s.confident]
    return sure[0] if sure else ""


# The buyer's decision closing a message that puts no question, after its reason (价格有点高 我再比比,
# 家里人已经买了 我这单撤了吧): the reason's card (bargain, order_placed) scored a little higher and came
# first, though what the buyer tells the shop is the decision (session 24: four dev lines of four
# writers). Before: 2 of 12 put the reason first.
DECISIONS_AFTER_A_REASON = [
    ("太贵了 我再想想", "hesitation"),
    ("价格有点贵，我再考虑下", "hesitation"),
    ("有点超预算了 我再看看", "hesitation"),
    ("比我想的贵 我先不买了再看看", "hesitation"),
    ("价钱高了点 再货比三家", "hesitation"),
    ("贵了点 我回去跟老公商量下", "hesitation"),
    ("有点小贵 纠结中", "hesitation"),
    ("朋友已经送了一个 这单不要了", "cancel_order"),
    ("别家便宜二十 这单取消吧", "cancel_order"),
    ("老婆已经在超市买了 这单不要了", "cancel_order"),
    ("单位发了同款 订单撤了吧", "cancel_order"),
    ("家里还有好几个 这单取消", "cancel_order"),
]
# ... but a question beside the decision leads (the buyer waits for its answer), a decision that
# hangs on a condition is a bargain, and a card far ahead is no reason (a request for haste)
QUESTION_OR_CONDITION_FIRST = [
    ("双十二有活动没 想等等", "promotion"),
    ("有优惠券吗 没有我再等等", "promotion"),
    ("白色啥时候补货 那我先不拍了再看看", "stock"),
    ("就这价？不少的话我就不要了", "bargain"),
    ("能便宜点吗 不然我再看看", "bargain"),
    ("催一下发货 拍了两天了", "logistics"),
    ("本来想着过年前能装好用上，结果物流一直停在广州，帮我问问", "logistics"),  # 帮我问问 asks the shop
]


def test_the_decision_closing_a_message_comes_before_its_reason(matcher):
    wrong = [(m, first(matcher, m)) for m, want in DECISIONS_AFTER_A_REASON if first(matcher, m) != want]
    assert not wrong


def test_a_question_or_a_condition_beside_a_decision_keeps_the_first_card(matcher):
    wrong = [(m, first(matcher, m)) for m, want in QUESTION_OR_CONDITION_FIRST if first(matcher, m) != want]
    assert not wrong


# The plan the buyer had, told before what went wrong (本来想着周末家里有人好安装，结果到现在物流还停在
# 济南): the plan's card (care_warranty's installation) led the grievance's (session 24, two
# writers). Before: 3 of 7 put the plan first.
PLANS_OVERTURNED = [
    ("本来想着周末家里有人方便安装，结果物流还停在郑州，帮我催一下", "logistics"),
    ("我上周买的洗衣机，本来想着周六家里有人好安装，结果到现在物流还在杭州不动，帮忙催催", "logistics"),
    ("本来想着周末有空能安装，结果到现在物流还卡在南京", "logistics"),
    ("本来打算周末请师傅上门安装，结果到现在物流还没更新，你们催一下行吗", "logistics"),
    ("本来想着过年前能装好用上，结果物流一直停在广州，帮我问问", "logistics"),
    ("本来准备送人当生日礼物的，结果物流一直停在中转站，催一下", "logistics"),
    ("本来是想着开学前能用上，结果到现在物流还没动，帮忙催一下", "logistics"),
]


def test_what_went_wrong_leads_the_plan_told_before_it(matcher):
    wrong = [(m, first(matcher, m)) for m, want in PLANS_OVERTURNED if first(matcher, m) != want]
    assert not wrong


def test_a_plan_is_told_by_its_opening_words():
    from kefu_assist.matching.helpers import _plan

    for plan in ("本来想着周末安装", "原本打算月底装", "本想趁周末装上", "本来是想给宝宝用的", "本来寻思赶在降温前盖上"):
        assert _plan(plan), plan
    for other in ("本来就这样", "本来要白色的", "我想周末安装", "结果物流还没动", "原来是这样"):
        assert not _plan(other), other


# A message of pleasantries only, of two clauses or more (好的 谢谢小姐姐, 收到 辛苦了): the cards of
# other categories the pleasantries came near were confident too (好的: bargain and invoice at 0.50;
# 收到: delivery_time, defect) and took the pleasantry's places; a buyer kept waiting still gets the
# complaint card for it (在吗在吗). Before: 7 of 14 had such a card.
PLEASANTRIES_ONLY = [
    "嗯嗯好的谢谢", "收到谢谢亲", "好的 麻烦啦", "收到 辛苦了", "好嘞 谢谢", "好的 谢谢小姐姐", "ok 谢谢",
    "明白 感谢", "行 麻烦你了", "嗯嗯 收到", "你好 客服在吗", "hello 在不在", "亲 有人吗", "好的 麻烦了亲",
]


def test_a_message_of_pleasantries_only_has_no_confident_card_of_another_category(matcher):
    strays = []
    for message in PLEASANTRIES_ONLY:
        sure = [s.category for s in matcher.suggest(message) if s.confident]
        if not sure or not set(sure) <= {"greeting", "thanks", "complaint"}:
            strays.append((message, sure))
    assert not strays


def test_a_pleasantry_beside_a_question_keeps_the_question_and_a_wait_its_complaint_card(matcher):
    assert not misses(matcher, [("好的谢谢 对了包邮吗", {"thanks", "shipping_fee"}), ("你好 在吗 能开发票吗", {"greeting", "invoice"}),
                                ("在吗在吗", {"greeting", "complaint"})])


# A greeting beside a question whose best script is not confident while a second script of its
# category is (是彻底下架了还是过几天会有: stock.in_stock 0.48, stock.variant_available 0.55): the
# greeting led, since only leaders (the best script of the message and of each clause) are ordered
# before the rest; the confident second script now stands for its question (session 24: three dev
# lines of three writers). Before: 1 of 6 put the greeting first.
GREETING_BESIDE_A_SECOND_SCRIPT = [
    "掌柜的 你家那个小夜灯 粉的 页面没有了 是彻底下架了还是过几天会有 没有的话别的颜色有吗",
    "老板 你家那款蓝牙耳机 白色的 我看页面没有了 是彻底不卖了还是过阵子会有 如果没有的话黑色有吗",
    "老板 你们家那个电热水壶 绿色的 我看页面找不到了 是下架了还是过几天会有 如果没有的话白的有吗",
    "你好 你家那个双肩包 灰色的 我看页面没了 是彻底下架了还是过几天会上 如果没有的话黑色有吗",
    "老板 你家那个无线鼠标 白色的 页面上显示没货了 是不卖了还是过两天会补 没有的话黑色的还有吗",
    "你好 那个收纳箱 大号的 看着没库存了 是断货了还是过几天有 没有的话中号有吗",
]


def test_a_confident_second_script_of_the_question_comes_before_the_greeting(matcher):
    wrong = [(m, first(matcher, m)) for m in GREETING_BESIDE_A_SECOND_SCRIPT if first(matcher, m) != "stock"]
    assert not wrong


def test_an_unconfident_leader_is_stood_for_by_the_confident_script_of_its_category():
    from kefu_assist.matching.types import MatcherConfig, _Scored

    scripts = [SimpleNamespace(category="stock"), SimpleNamespace(category="greeting"), SimpleNamespace(category="stock")]
    me = SimpleNamespace(_scripts=scripts, config=MatcherConfig(), threshold=0.5)
    me._reasons = lambda *a: set()
    me._asks_of_fault = lambda *a: set()
    combined = {0: _Scored(0.48), 1: _Scored(0.71), 2: _Scored(0.55)}
    leaders = {0: combined[0], 1: combined[1]}
    order = Deciding._lead(me, leaders, combined, {1, 2}, {}, 0, {"greeting", "thanks"}, ["老板", "还有吗"])
    assert order.index(2) < order.index(1)
    assert 2 in leaders  # the caller orders the rest after the leaders: no card twice


# A how-to question closing a message after the request it is about (鞋子不合脚 想退 怎么操作): read
# alone, 怎么操作 is care_warranty.usage (0.83), and its card led the return card (session 24: four
# dev lines of four writers). The request's class (the co-ranker's, for the clause before) picks
# the how-to's script. Before: 3 of 11 put care_warranty first.
HOW_TO_AFTER_A_REQUEST = [
    ("裤子太长了想退 怎么操作", "return_exchange"),
    ("鞋有点挤脚我想退 怎么操作", "return_exchange"),
    ("灯罩太大了想退 咋操作", "return_exchange"),
    ("颜色不喜欢想退掉，怎么操作", "return_exchange"),
    ("想换小一码 怎么操作", "return_exchange"),
    ("衣服买大了想换 如何操作", "return_exchange"),
    ("杯子不喜欢想退 怎么申请", "return_exchange"),
    ("想换个颜色，怎么弄", "return_exchange"),
    ("想开个公司抬头的发票 怎么操作", "invoice"),
    ("收货地址想改一下 怎么操作", "order_change"),
    ("这单不想要了 怎么操作", "cancel_order"),
]
# ... and after the product it is about, it asks how to use it
HOW_TO_USE = [("新买的投影仪 怎么操作", "care_warranty"), ("这个空气炸锅 怎么操作", "care_warranty"), ("扫地机器人第一次用 怎么操作", "care_warranty")]


def test_a_how_to_after_a_request_is_read_by_the_request(matcher):
    wrong = [(m, first(matcher, m)) for m, want in HOW_TO_AFTER_A_REQUEST + HOW_TO_USE if first(matcher, m) != want]
    assert not wrong


# A fault feared, not found (会不会用两天就坏, 别用两天就坏了) beside a durability question: the words of
# defect.not_working (用两天就坏) put it first (session 24: evalsets7 and the blind trainsets24/d).
# Before: 2 of 6 put defect first. (Not here: 榨汁杯能用多久 会不会用两天就坏了, where 能用多久 reads as
# delivery, and 牢固不 别用两天就坏了, where 牢固 is no quality word yet: examples, not ranking.)
FEARED_FAULTS = [
    "打气筒能用多久 会不会用两天就坏", "暖风机能用多久 会不会用两天就坏", "耐用不，别用三天就坏了",
    "结实不，别用两次就坏了", "露营灯能用多久 会不会用几天就坏", "耐用不 别用一周就坏了",
]
# ... while a fault found keeps its card first (not beside a grumble about quality: 用了两天就坏了 质量这么差
# is quality for nine of ten writers who wrote one, and the writers' question model learned so)
FAULTS_FOUND = ["用了两天就坏了 能修吗", "刚收到就坏了 能换吗", "才用两天就不转了 能换吗"]


def test_a_fault_feared_beside_a_durability_question_puts_quality_first(matcher):
    wrong = [(m, first(matcher, m)) for m in FEARED_FAULTS if first(matcher, m) != "quality"]
    wrong += [(m, first(matcher, m)) for m in FAULTS_FOUND if first(matcher, m) != "defect"]
    assert not wrong


def test_a_fault_is_feared_by_its_words():
    from kefu_assist.matching.deciding import _FEARED_FAULT_RE

    for feared in ("会不会用两天就坏", "别用两天就坏了", "怕摔裂", "万一漏水"):
        assert _FEARED_FAULT_RE.search(feared), feared
    for found in ("用了两天就坏了", "刚收到就坏了", "杯子裂了"):
        assert not _FEARED_FAULT_RE.search(found), found
