"""check13m: the reply model reads written Cantonese as the Mandarin it stands for
(``replymodel.CANTONESE``): 唔开发票 is 不开发票 to it, 闩咗张单 关了张单, so what it learned from the
Mandarin wording of a violation holds for the Cantonese one (the tea shop's writer wrote its
agents in Cantonese and traditional characters; the rules read a few of these characters, the
model read none). Our own wording, not a line of any set."""
from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kefu_assist.checker import replymodel
from kefu_assist.checker.replymodel import ReplyModel, clause_parts, fold_clause

# Mandarin character -> the Cantonese ones written for it
TO_CANTONESE = {"不": "唔", "了": "咗", "的": "嘅", "们": "哋", "他": "佢", "在": "喺", "给": "畀俾", "来": "嚟", "看": "睇",
                "啥": "咩乜", "那": "嗰", "关": "閂闩", "些": "啲", "这": "咁", "拿": "攞", "没": "冇", "找": "揾"}

# our own Mandarin wordings of violations and their Cantonese writing, character for character
PAIRS = [
    ("这单我们不开发票的", "咁单我哋唔开发票嘅"),
    ("我已经帮您关了张单", "我已经帮您閂咗张单"),
    ("买不起就不要来问", "買唔起就唔好嚟問"),
    ("那个客人的电话给你看", "嗰个客人嘅电话畀你睇"),
    ("没发票的，要的话加些钱", "冇發票嘅，要嘅話加啲錢"),
    ("他们说在微信上拿货更便宜", "佢哋说喺微信上攞货更便宜"),
    ("拆了的不退，找别人去", "拆咗嘅唔退，揾别人去"),
]


def test_cantonese_wordings_read_as_their_mandarin():
    for mandarin, cantonese in PAIRS:
        assert fold_clause(cantonese) == fold_clause(mandarin), (mandarin, cantonese)


_MANDARIN = st.text(alphabet="不了的们他在给来看啥那关些这拿没找亲您我单票货钱退换发快递加哦，。？", min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(_MANDARIN, st.randoms(use_true_random=False))
def test_any_text_written_in_cantonese_has_the_mandarin_features(text, rnd):
    """Property: a reply and the same reply with any of its mappable characters written in
    Cantonese have the same clauses, spans and features for the model."""
    assume("不好" not in text and "不使" not in text)  # 唔好 is 不要 to the rules' own spelling table
    cantonese = "".join(rnd.choice(TO_CANTONESE[c]) if c in TO_CANTONESE and rnd.random() < 0.7 else c for c in text)
    assert fold_clause(cantonese) == fold_clause(text)
    spans_a, feats_a, joins_a, _ = clause_parts(text)
    spans_b, feats_b, joins_b, _ = clause_parts(cantonese)
    assert (spans_a, feats_a, joins_a) == (spans_b, feats_b, joins_b)


def test_a_model_scores_the_cantonese_wording_as_the_mandarin_one():
    model = ReplyModel(("invoice_refusal",), {"不开": (2.0,), "开发": (1.0,), "关了": (0.5,)}, (-1.0,), (1.5,))
    for mandarin, cantonese in PAIRS[:2]:
        assert model.logits(cantonese) == model.logits(mandarin)
    assert [h.rule for h in model.hits("咁单唔开发票")] == ["invoice_refusal"]


def test_mandarin_words_that_share_a_character_stay_as_written():
    """系统, 旁边, 仲裁, 晒图, 猫咪: characters that are Cantonese in one word and Mandarin in another
    are not in the table."""
    for word in ("系统", "旁边", "仲裁", "晒图", "猫咪", "讲究", "一点"):
        assert fold_clause(word) == replymodel._NUMBER.sub("0", replymodel.normalise(word)[0])


# check13m's corpus batch (resources/reply_corpus.tsv, "## check13m"): classes the new writers'
# misses showed. A family of our own wording for them, not a line of the batch or of any set,
# written before the batch was trained on; main's model found none of these, the retrained one does
# (of 24 violations written for the family, 12 were found before and 16 after; the ones below are
# the four it added)
CLASS_FAMILY = [
    ("privacy", "您隔壁那户也买了，她手机尾号3390"),
    ("privacy", "跟您同一个公司的小王也下单了，寄到你们三楼前台"),
    ("abuse", "详情页写那么大字，看不见吗"),
    ("card_fee", "用信用卡付款的通道费得算您的"),
]
# their compliant near-misses in the same words: the model adds nothing to them
CLASS_NEAR_MISSES = [
    "收货时付款也不用另外给钱，快递员只收页面价", "中奖名单在首页公告，姓名都打了码", "您超时没付的话系统会自己关掉，重新下单就好",
    "尺码拍错了可以换，寄回来就行", "花呗付款没有手续费，您放心用", "发票和货一起寄，邮费我们出", "您的地址在配送范围内，订单正常发",
]


def test_the_classes_of_the_new_writers_misses_are_found_by_the_model():
    from kefu_assist.checker.engine import default_checker

    checker = default_checker()
    for rule, text in CLASS_FAMILY:
        found = {f.rule: f for f in checker.check(text)}
        assert rule in found, (rule, text)
    for text in CLASS_NEAR_MISSES:
        assert not [f for f in checker.check(text) if f.source == "model"], text
