"""The reply model's concepts (checker/concepts.py) and their features (replymodel): every concept
has forms, forms are read on the normalised copy whatever way they are typed, the concept features
are the ones described, and a model trained with them finds a wording of a rule's idea whose
words no training draft used, where the character grams alone cannot."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import concepts, replymodel
from kefu_assist.checker.replymodel import ACROSS, CONCEPT_MARK, IN_CLAUSE, clause_parts, features, fold_clause, kind_of, train

NAMES = tuple(concepts.CONCEPTS)


def _mark(name: str) -> str:
    return chr(CONCEPT_MARK + NAMES.index(name))


def _concepts_of(text: str) -> set[str]:
    return {NAMES[c] for _, _, cs in concepts.find(fold_clause(text), fold_clause) for c in cs}


def test_every_concept_has_forms_and_every_form_survives_normalisation():
    assert len(NAMES) == len(set(NAMES)) >= 10
    for name, forms in concepts.CONCEPTS.items():
        assert forms, name
        for form in forms:
            assert fold_clause(form), (name, form)
            # a form said alone is found as its concept (the longest form at a place wins, and a
            # form alone is the whole clause)
            assert name in _concepts_of(form), (name, form)


def test_forms_are_found_however_they_are_typed():
    """Traditional characters, full width, upper case and written-out numbers are the normalised
    copy's: the table's forms are normalised the same way."""
    assert "CREDIT" in _concepts_of("用花唄付款")
    assert "CREDIT" in _concepts_of("刷信用卡")
    assert "CONTACT_APP" in _concepts_of("加我ＶＸ")
    assert "CONTACT_APP" in _concepts_of("加我WX")
    assert "INVOICE" in _concepts_of("發票")
    assert {"INVOICE", "CHARGE"} <= _concepts_of("税點另算")
    assert "ABSOLUTE" in _concepts_of("１００％有效") and "ABSOLUTE" in _concepts_of("百分百有效")
    assert _concepts_of("今天下午到") == set()


def test_the_table_is_scanned_longest_form_first_without_overlaps():
    found = concepts.find(fold_clause("不另外开具发票"), fold_clause)
    spans = [(s, e) for s, e, _ in found]
    assert spans == sorted(spans) and all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
    assert found[0][:2] == (0, len("不另外开具"))


def test_concept_features_of_a_clause_and_of_a_pair_of_clauses():
    spans, feats, joins, found = clause_parts("用花呗要另付手续费，包邮的哦，新疆要补运费。谢谢")
    credit, charge, free, remote, fee = (_mark(n) for n in ("CREDIT", "CHARGE", "FREE_SHIPPING", "REMOTE", "SHIPPING_FEE"))
    first = feats[0]
    assert {credit, charge} <= first  # each concept present
    assert IN_CLAUSE + min(credit, charge) + max(credit, charge) in first  # the pair in one clause
    assert "用" + credit in first and credit + "要" in first  # the concept with its neighbours
    assert {NAMES[c] for c in found[1]} == {"FREE_SHIPPING"}
    assert joins == [True, True, False]
    every = features("用花呗要另付手续费，包邮的哦，新疆要补运费。谢谢")
    assert ACROSS + free + remote in every  # the second and third clause, one sentence
    assert not any(g.startswith(ACROSS) and g[1] == remote for g in every)  # 。 ends the sentence
    assert fee in feats[2]
    assert kind_of(credit) == "concepts" and kind_of("用" + credit) == "marked" and kind_of("用花") == "grams"


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("花呗信用卡加收补运费包邮新疆微信好评返现，。 \ue101\ue001\ue002xv0"), max_size=30))
def test_grams_alone_hold_no_concept_feature_and_a_replys_own_marks_are_dropped(text):
    grams = features(text, frozenset({"grams"}))
    assert not any(replymodel._PUA.search(g) for g in grams)
    every = features(text)
    assert [g for g in every if kind_of(g) == "grams"] == grams
    # the concept features come from the forms found, never from marks typed in the reply
    _, feats, joins, found = clause_parts(text)
    for clause, present in zip(feats, found):
        marks = {chr(CONCEPT_MARK + c) for c in present} | {IN_CLAUSE}
        assert {ch for g in clause for ch in g if replymodel._PUA.match(ch)} <= marks
    joined = {ACROSS + chr(CONCEPT_MARK + a) + chr(CONCEPT_MARK + b) for i, j in enumerate(joins) if j for a in found[i] for b in found[i + 1]}
    assert {g for g in every if g.startswith(ACROSS)} == joined


# Written for this test: the rule's idea (pay on credit + an extra charge) in one set of words;
# compliant drafts name credit alone or a charge alone. The reworded violations use other forms
# of both concepts, none of whose characters a violating training draft holds.
TRAIN = [
    (frozenset({"card_fee"}), "信用卡付款要加收手续费"),
    (frozenset({"card_fee"}), "刷卡需要补点钱"),
    (frozenset({"card_fee"}), "分期的话您自己承担利息"),
    (frozenset({"card_fee"}), "用信用卡额外收两个点"),
    (frozenset({"card_fee"}), "刷卡加价五块"),
    (frozenset({"card_fee"}), "分期付款再加手续费"),
    (frozenset({"card_fee"}), "亲信用卡支付要扣手续费哦"),
    (frozenset({"card_fee"}), "走分期需补差价"),
    (frozenset(), "信用卡付款可以的"),
    (frozenset(), "刷卡秒到账"),
    (frozenset(), "分期免息哦"),
    (frozenset(), "亲用信用卡支付没问题哦"),
    (frozenset(), "偏远地区加收运费"),
    (frozenset(), "大件商品要补搬运费"),
    (frozenset(), "差价我们退给您"),
    (frozenset(), "手续费由店铺承担"),
    (frozenset(), "今天下单明天发货"),
    (frozenset(), "您好请问有什么可以帮您"),
    (frozenset(), "好的马上为您处理"),
    (frozenset(), "这款额外送一个小样"),
]
REWORDED = ["白条结账得多出一些", "花呗买单另算费用"]


def test_a_rewording_at_the_concept_level_is_found_with_the_concepts_only():
    grams_only = train(TRAIN, epochs=300, kinds=frozenset({"grams"}))
    with_concepts = train(TRAIN, epochs=300, kinds=frozenset({"grams", "concepts"}))
    for model in (grams_only, with_concepts):  # both learned their rows
        assert all((model.logits(text)["card_fee"] > 0) == bool(labels) for labels, text in TRAIN)
    for text in REWORDED:
        assert {"CREDIT", "CHARGE"} <= _concepts_of(text)
        assert grams_only.logits(text)["card_fee"] < 0, text
        assert with_concepts.logits(text)["card_fee"] > 0, text
    # credit alone or a charge alone in other words stays below
    for text in ("白条结账没问题", "另算费用的部分退给您"):
        assert with_concepts.logits(text)["card_fee"] < 0, text


def test_a_model_of_the_grams_alone_does_not_look_for_concepts_and_one_with_them_does(tmp_path):
    grams_only = train(TRAIN, epochs=50, kinds=frozenset({"grams"}))
    with_concepts = train(TRAIN, epochs=50)
    assert grams_only.concepts is False and with_concepts.concepts is True
    for model in (grams_only, with_concepts):
        path = tmp_path / "model.json.gz"
        replymodel.gzjson.write(path, model.as_json())
        loaded = replymodel.load_model(path)
        assert loaded.concepts == model.concepts
        for text in ("白条结账得多出一些，包邮的哦，新疆要补运费", *REWORDED):
            assert loaded.logits(text) == model.logits(text)
