"""The trained reply model beside the rules (checker/replymodel.py): its weights match its corpus,
its findings carry the rule's id, the clause and the rule's own message, it finds paraphrases the
patterns miss, it leaves near-misses alone, and without it (or with a broken file) the rules check
alone."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import replymodel
from kefu_assist.checker.engine import Checker, _default_rules, default_checker
from kefu_assist.resources import resource_path

HERE = Path(__file__).parent


def _rows(name: str) -> list[tuple[str, str]]:
    out = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            out.append((label, text))
    return out


FAMILY_ALL = _rows("rulemodel_family.tsv")
# Paraphrases of the family the model no longer finds since its thresholds are chosen on writers it
# never saw (check8m's recipe, replytrain): privacy's threshold is held up by a library reply
# (您把想买的发我), shipping_fee_breach's by a near-miss of the older tests (新疆地区不包邮，需补运费10元),
# and abuse's writers' drafts put 别在这… below it. Found again, the strict xfail says so:
# 您的银行卡号是多少呀 was found again by check13m's model (trained on the must-stay-clean rows,
# privacy's threshold 4.45), and is a family row again.
FAMILY_MISSES = {"包邮的，但您那要另加快递钱", "别在这磨叽了"}
# Paraphrases the rules alone find since check9r's classes (不走平台: a deal off the platform in
# other words); the model's findings no longer stand in for the patterns there.
FAMILY_FOUND_BY_RULES = {
    "以后直接找我买就行，不走平台",
    "要发票您得自己出寄票的邮费",
    "你能不能长点心眼",
    "您的订单我们已经作废",
    "你真够烦的",
    # privacy: the full number asked outright is a rule class since the ninth session's merge
    # (tests/checker/test_lead21.py)
    "您的银行卡号是多少呀",
}
FAMILY = [row for row in FAMILY_ALL if row[1] not in FAMILY_MISSES | FAMILY_FOUND_BY_RULES]
VALIDATION = _rows("rulemodel_val.tsv")


def _rules_only() -> Checker:
    return Checker(_default_rules().rules)


def test_shipped_weights_match_the_training_files():
    """Editing resources/reply_corpus.tsv or any other training file (replytrain.training_files)
    without training again fails here: .venv/bin/python -m kefu_assist.checker.replytrain"""
    from kefu_assist.checker import replytrain

    model = replymodel.shipped_model()
    assert model is not None
    corpus = resource_path(replymodel.CORPUS_NAME)
    assert model.corpus_sha256 == replytrain.training_sha256()
    assert model.rules == replymodel.RULE_IDS
    rows = replymodel.read_corpus(corpus)
    for rule in replymodel.RULE_IDS:
        assert sum(rule in labels for labels, _ in rows) >= 120, rule
    assert sum(not labels for labels, _ in rows) >= 1000


def test_default_checker_carries_the_shipped_model():
    assert default_checker().model is replymodel.shipped_model()


@pytest.mark.parametrize(("rule", "text"), FAMILY, ids=[t for _, t in FAMILY])
def test_paraphrases_the_patterns_miss_are_found_by_the_model(rule, text):
    assert rule not in {f.rule for f in _rules_only().check(text)}
    found = [f for f in default_checker().check(text) if f.rule == rule]
    assert found and all(f.source == "model" for f in found)


@pytest.mark.parametrize(("rule", "text"), [row for row in FAMILY_ALL if row[1] in FAMILY_MISSES])
@pytest.mark.xfail(strict=True, reason="paraphrases the model misses since check8m's recipe (see FAMILY_MISSES)")
def test_paraphrases_the_model_misses_since_its_thresholds_are_chosen_on_writers(rule, text):
    assert rule in {f.rule for f in default_checker().check(text)}


@pytest.mark.parametrize(("rule", "text"), FAMILY, ids=[t for _, t in FAMILY])
def test_model_findings_carry_rule_clause_span_and_the_rules_own_words(rule, text):
    checker = default_checker()
    prefix = "您好，请问有什么可以帮您。"
    findings = [f for f in checker.check(prefix + text) if f.source == "model"]
    assert [f.rule for f in findings] == [rule]
    f = findings[0]
    shipped = checker.rule(rule)
    assert shipped is not None
    assert (f.severity, f.message, f.suggestion) == (shipped.severity, shipped.message, shipped.suggestion)
    assert len(prefix) <= f.start < f.end <= len(prefix + text)  # the clause of the violation, not the greeting
    assert f.text == (prefix + text)[f.start : f.end]
    as_json = f.as_dict()
    assert as_json["source"] == "model"
    assert {"rule", "severity", "start", "end", "message", "suggestion"} <= set(as_json)
    json.dumps(as_json, ensure_ascii=False)


def test_rules_stay_the_explanation_where_they_fire():
    """A rule the patterns find is not found a second time by the model."""
    for text in ("加我微信，好评返现5元", "您的订单我已经关闭了", "特价商品不退不换"):
        findings = default_checker().check(text)
        assert findings and all(f.source == "rules" for f in findings)
        assert "source" not in findings[0].as_dict()  # rules' JSON as before


NEAR_MISSES = [t for label, t in VALIDATION if label == "ok"] + [
    # written with the tests, after the model: compliant replies in the same words as the family
    "货到付款的话不用多给钱", "旺旺加好友就能看到上新", "订单作废是系统自动的，您重新拍就行", "您的银行卡号不用告诉我们",
    "上一单的买家评价很好", "包邮的，您那边不用另加快递钱", "您有完整的问题描述吗", "您真细心",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_get_no_model_finding(text):
    assert [(f.rule, f.text) for f in default_checker().check(text) if f.source == "model"] == []


@pytest.mark.parametrize("content", [None, "", "{", '{"rules": ["abuse"], "bias": [0.0], "thresholds": [], "weights": {}}', '{"weights": 3}'])
def test_without_usable_weights_the_rules_check_alone(tmp_path, monkeypatch, caplog, content):
    if content is not None:
        (tmp_path / replymodel.MODEL_NAME).write_text(content, encoding="utf-8")
    monkeypatch.setattr(replymodel, "_resources", lambda: tmp_path)
    replymodel.shipped_model.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="kefu_assist.checker.replymodel"):
            model = replymodel.shipped_model()
        assert model is None
        assert any("rules check alone" in r.getMessage() for r in caplog.records)
        checker = Checker(_default_rules().rules, model)
        rule, text = FAMILY[0]
        assert rule not in {f.rule for f in checker.check(text)}
        assert {f.rule for f in checker.check("加我微信")} == {"off_platform"}
    finally:
        replymodel.shipped_model.cache_clear()


def test_a_checker_without_the_models_rule_ignores_its_hits():
    """A rule set without a model's rule id (a team lead's reduced set) gets no finding for it."""
    rules = [r for r in _default_rules().rules if r.id != FAMILY[0][0]]
    checker = Checker(rules, replymodel.shipped_model())
    assert FAMILY[0][0] not in {f.rule for f in checker.check(FAMILY[0][1])}


def test_corpus_rows_with_unknown_labels_are_refused(tmp_path):
    bad = tmp_path / "c.tsv"
    bad.write_text("no_such_rule\t加我微信\n", encoding="utf-8")
    with pytest.raises(ValueError, match="c.tsv:1"):
        replymodel.read_corpus(bad)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([t for _, t in FAMILY] + NEAR_MISSES[:20] + ["，", "。", " ", "\n", "亲", "１０元", "😀"]) | st.text(max_size=8), max_size=5).map("".join))
def test_model_spans_lie_inside_the_text(text):
    for f in default_checker().check(text):
        assert 0 <= f.start < f.end <= len(text)
        assert f.text == text[f.start : f.end]


def test_training_is_deterministic_and_learns_its_rows():
    rows = [(frozenset({"abuse"}), "你真烦"), (frozenset({"abuse"}), "你烦死了"), (frozenset(), "您好"), (frozenset(), "您稍等")] * 3
    a = replymodel.train(rows, rules=("abuse",))
    b = replymodel.train(rows, rules=("abuse",))
    assert a.weights == b.weights
    assert a.logits("你真烦")["abuse"] > a.logits("您稍等")["abuse"]
