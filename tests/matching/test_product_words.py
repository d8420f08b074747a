"""Product and spec words around a question (那个奶油风羊羔绒斗篷几天发走): a message that opens on
the product it is about (这款…, 那个…, 你家那个…) counts the words the library never saw at
MatcherConfig.product_unseen_weight, so the question asked about the product stays confident.
Everywhere else an unseen word keeps its full weight: it is what tells 话费好贵 from 运费好贵.
Own wordings: products no shop of the library sells, questions in words its examples do not use."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kefu_assist.matching.helpers import _PRODUCT_LEAD_RE, _gate_text, _names_a_product, _two_readings

PRODUCTS = ["那个奶油风羊羔绒斗篷", "这款碳纤维钓鱼竿", "你家那个手冲咖啡滤杯", "这个乳胶记忆棉枕头", "那双复古德训鞋", "这套骨瓷餐具",
            "这只柯基狗狗牵引绳", "那款磁吸车载支架"]
QUESTIONS = [("拍好了", "order_placed"), ("付过款了", "order_placed"), ("几天发走", "shipping_time"), ("能挑快递吗", "courier"),
             ("做工扎实吗", "quality"), ("送赠品不", "promotion"), ("坏了管修吗", "care_warranty"), ("能再少点吗", "bargain"),
             ("还有库存没", "stock"), ("运费多少", "shipping_fee")]
# chatter that opens on a demonstrative too, none of it confident with the full weight either
CHATTER = ["那个明星好帅", "这个天气真要命", "那个电视剧大结局了", "这只猫太可爱了", "那部电影好看吗", "这个周末去哪玩", "这件事我想了好久",
           "这道题怎么做", "那个游戏好玩吗", "这首歌叫什么", "这个app怎么老闪退", "这个点了还没吃饭", "那家火锅店好吃吗", "这个手机号是谁的",
           "这次考试能过吗", "这双手冻得通红", "那条狗一直叫", "这个病能治好吗", "那只股票又跌了", "这个菜怎么做好吃", "这台电脑好卡",
           "这个视频好搞笑", "那个主播好能说", "这种天气适合睡觉"]


def right(matcher, message: str, category: str) -> bool:
    sure = [s for s in matcher.suggest(message) if s.confident]
    return bool(sure) and sure[0].category == category


def test_the_questions_alone_are_understood(matcher):
    assert [q for q, c in QUESTIONS if not right(matcher, q, c)] == []


def test_a_product_phrase_before_the_question_seldom_hides_it(matcher):
    """160 messages (8 products x 10 questions, glued or after a space): with every unseen word
    at full weight 18 lost their confident answer, 9 with the unseen words at half weight, 13 once
    the gate's larger chatter corpus read the demonstrative as chatter. At most 3 may now that the
    co-ranker reads the message without its demonstrative too and, before a product the library
    does not know, the demonstrative counts toward no script (3 did, all glued: 几天 is closest to the
    small-talk example 这几天一直在降温, 手 of 手冲 to 好冷 手都冻僵了, 狗 to 我家狗子又拆家了). At most 4
    since the writers' question model (writers.py, a measured trade): its writers named pillows and
    mattresses beside other questions, and 这个乳胶记忆棉枕头几天发走 fell from 0.36 under the agreement's
    floor, against 12 more first cards right on development sets held out of its training."""
    wrong = [p + sep + q for p, (q, c), sep in itertools.product(PRODUCTS, QUESTIONS, ("", " ")) if not right(matcher, p + sep + q, c)]
    assert len(wrong) <= 4, wrong


@pytest.mark.parametrize("message", CHATTER)
def test_chatter_opening_on_a_demonstrative_stays_unconfident(matcher, message):
    assert not any(s.confident for s in matcher.suggest(message))


@pytest.mark.parametrize("text", ["这款碳纤维钓鱼竿", "那双鞋", "你家那个杯子", "你们家的这套", "这台几天发"])
def test_a_demonstrative_and_a_measure_word_name_a_product(text):
    assert _names_a_product(text)


@given(st.text(alphabet="话费好贵包邮吗几天到我想问下质量怎么样", max_size=12))
def test_a_text_not_opening_on_a_demonstrative_names_none(text):
    assert not _names_a_product(text)


# The demonstratives and measure words _names_a_product reads, and texts after them: questions
# about an item and chatter alike.
LEADS = ["这个", "那个", "这款", "那款", "你家那个", "你们家的这套", "这双", "那只", "这台", "那条", "这件", "那瓶"]
RESTS = [q for q, _ in QUESTIONS] + [p[2:] + q for p in PRODUCTS if p.startswith(("这", "那")) for q, _ in QUESTIONS[:3]] + \
    [c[2:] for c in CHATTER]


@given(st.sampled_from(LEADS), st.sampled_from(RESTS), st.sampled_from(["", " "]))
def test_the_gate_reads_a_product_message_without_its_demonstrative(lead, rest, sep):
    """What the co-ranker reads of 那个斗篷几天发走 beside the whole: 斗篷几天发走. gate6's chatter
    corpus taught it the demonstrative as chatter (那个几天发走 0.43, 几天发走 0.20), which it is
    no more than a question about an item."""
    assert _PRODUCT_LEAD_RE.match(lead + sep + rest)
    assert _gate_text(lead + sep + rest) == rest


def test_the_co_ranker_reads_a_product_message_with_and_without_its_demonstrative(matcher):
    """Whole texts through the reading the matcher takes of each model (helpers._two_readings,
    Matcher._read): a product message is never more chatter than the same message without its
    demonstrative, nor less of any shop class than either reading says, for questions and chatter alike."""
    ranker = matcher._coranker
    for lead, rest in itertools.product(LEADS[:6], RESTS):
        proba, p_off = _two_readings(lead + rest, ranker)
        assert matcher._read(lead + rest, ranker)[1] == p_off  # the gate's reading, whatever is mixed in
        alone, alone_off = ranker.proba_and_gate(rest)
        whole, whole_off = ranker.proba_and_gate(lead + rest)
        assert p_off == min(alone_off, whole_off), (lead, rest)
        assert all(proba[c] == max(alone[c], whole[c]) for c in proba), (lead, rest)


def test_a_message_without_a_demonstrative_is_read_once_as_typed(matcher):
    ranker = matcher._coranker
    for text in [q for q, _ in QUESTIONS] + ["话费好贵", "包邮吗 这个多少钱"]:
        assert _two_readings(text, ranker) == ranker.proba_and_gate(text)


@pytest.mark.parametrize("text", ["那个", "这款 ", "你家那个"])
def test_a_demonstrative_alone_is_read_as_typed(text):
    assert _gate_text(text) == text


def test_before_an_unknown_product_the_demonstrative_counts_toward_no_script(matcher):
    """这只柯基狗狗牵引绳几天发走 is scored as 柯基狗狗牵引绳几天发走: 这 of 这只 made the small-talk
    example 这几天一直在降温 its closest (with 几天). The product weight still holds (the norm)."""
    for lead, p, (q, _), sep in itertools.product(LEADS, PRODUCTS, QUESTIONS, ("", " ")):
        rest = p[2:] if p.startswith(("这", "那")) else p[4:]
        whole, alone = matcher._query(lead + rest + sep + q), matcher._query(rest + sep + q)
        assert whole.features == alone.features and whole.canonical == alone.canonical, (lead, rest, q)
        assert whole.unseen == matcher.config.product_unseen_weight and alone.unseen == 1.0


@pytest.mark.parametrize("message", ["这本书看完了", "这个能便宜吗", "那个包邮吗", "这件质量怎么样"])
def test_before_known_words_only_the_demonstrative_is_read(matcher, message):
    """Nothing but words the library knows after the demonstrative: nothing says a product is
    meant (这本书看完了 is chatter as often), and the message is scored as typed."""
    assert matcher._query(message).canonical == matcher.tokenizer.analyze(message)[1]


# Own wordings: everyday products named first, and chatter opening on a demonstrative and a
# measure word. Every one was right before this branch and must stay so.
EVERYDAY = [("这件羽绒服什么时候能发货", "shipping_time"), ("那条牛仔裤有没有优惠券", "promotion"), ("这个保温杯能便宜点不", "bargain"),
            ("那双运动鞋还有货吗", "stock"), ("这个台灯包邮吗", "shipping_fee"), ("那套床品用什么快递", "courier"), ("那件毛衣能开发票吗", "invoice"),
            ("这款耳机我已经付款了", "order_placed"), ("这条围巾颜色和图片一样吗", "color_difference"), ("这双拖鞋39码合适吗", "size"),
            ("你家这个行李箱几天能到", "delivery_time"), ("这件衬衫不要了 帮我取消", "cancel_order"), ("这个电热毯有质保吗", "care_warranty"),
            ("那个榨汁机到了是坏的", "defect"), ("这盒饼干发顺丰吗", "courier"), ("那款口红有赠品吗", "promotion"), ("这只手表最低多少", "bargain"),
            ("这个水杯还有蓝色吗", "stock"), ("这套茶具多久发货", "shipping_time"), ("那个抱枕运费多少", "shipping_fee"), ("这件T恤质量怎么样", "quality"),
            ("这个书包能退吗", "return_exchange"), ("那双靴子偏大还是偏小", "size"), ("这台风扇到哪了", "logistics"), ("这款洗面奶有发票吗", "invoice"),
            ("这个收纳盒包邮不", "shipping_fee"), ("那件卫衣可以便宜点吗", "bargain"), ("这种纸巾有现货吗", "stock"), ("这个杯子我拍好了", "order_placed")]
MORE_CHATTER = ["这个老师好凶", "那条路堵死了", "那只鸟飞走了", "这部剧好好看", "那个人好奇怪", "这个笑话好冷", "那家店关门了", "这盘菜太咸了",
                "那个梦好吓人", "那场比赛输了", "这个天真热啊", "那只猫又胖了", "这个周末好无聊", "那个电影我看哭了", "这首歌好好听", "那个同事又迟到了",
                "这个城市好堵", "那道菜我学会了", "这次旅行好累", "那个球星退役了", "这个小区好安静", "那条河结冰了", "这只狗好乖", "那个综艺笑死我了",
                "这个季节容易感冒", "那首诗我背过", "这种雨天适合睡觉", "这个游戏太难了", "那张照片拍得真好"]


@pytest.mark.parametrize("message,category", EVERYDAY)
def test_an_everyday_product_named_first_keeps_its_answer(matcher, message, category):
    assert right(matcher, message, category)


@pytest.mark.parametrize("message", MORE_CHATTER)
def test_more_chatter_opening_on_a_demonstrative_stays_unconfident(matcher, message):
    assert not any(s.confident for s in matcher.suggest(message))
