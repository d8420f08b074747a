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
