"""The trained tone beside the cues (checker/moodmodel.py): shipped weights that match their
corpus, and what reading the two together changes."""
from __future__ import annotations

from pathlib import Path

import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import mood
from kefu_assist.checker import moodmodel
from kefu_assist.resources import resource_path

CORPUS = resource_path(moodmodel.CORPUS_NAME)
mood_module = importlib.import_module("kefu_assist.checker.mood")  # the package exports the function as mood


def test_the_shipped_weights_were_trained_on_the_shipped_corpus():
    model = moodmodel.shipped_model()
    assert model is not None
    # after editing the corpus: .venv/bin/python -m kefu_assist.checker.moodmodel
    assert model.corpus_sha256 == moodmodel.corpus_sha256(CORPUS)


def test_training_again_gives_the_shipped_weights():
    shipped = moodmodel.shipped_model()
    assert shipped is not None
    again = moodmodel.train(moodmodel.read_corpus(CORPUS), moodmodel.corpus_sha256(CORPUS))
    kept = {g: round(w, 4) for g, w in again.weights.items() if round(w, 4) != 0.0}
    assert kept.keys() == shipped.weights.keys()
    assert max(abs(kept[g] - shipped.weights[g]) for g in kept) < 2e-3
    assert abs(again.bias - shipped.bias) < 2e-3


def test_the_corpus_is_well_formed_and_balanced():
    rows = moodmodel.read_corpus(CORPUS)
    texts = [t for _, t in rows]
    assert len(texts) == len(set(texts)), "a message twice in the corpus"
    upset = sum(label == "upset" for label, _ in rows)
    assert 0.35 <= upset / len(rows) <= 0.65


def test_a_broken_corpus_line_is_reported_with_its_line(tmp_path):
    bad = tmp_path / "corpus.tsv"
    bad.write_text("upset\t退钱\nangry\t退钱\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"corpus.tsv:2"):
        moodmodel.read_corpus(bad)


# My own wordings, none of them in the corpus. Anger with none of the cue words: the cues alone
# leave each calm (mood(..., use_model=False)); the tone finds these five of the eleven such
# wordings I wrote after training that the cues miss (NOTES-checker.md has the figures). Calm messages that use the cue words:
# each read upset before checker4 (the cues' new calm frames keep them calm, the tone agrees).
UPSET_WITHOUT_CUE_WORDS = ["你们就知道让我等", "别再让我重复了 订单号给过你了",
                           "鞋子穿了半天就开胶了 你们自己看看", "一直说在处理 处理到现在", "这样的东西你们也敢寄出来"]
CALM_WITH_CUE_WORDS = ["投诉就算了 以后注意点就好", "曝光补偿怎么调 说明书没写", "12315我知道的 跟你们无关 就想问下发货"]


@pytest.mark.parametrize("text", UPSET_WITHOUT_CUE_WORDS)
def test_the_cues_alone_miss_these(text):
    assert mood(text, use_model=False).label == "calm"


@pytest.mark.parametrize("text", UPSET_WITHOUT_CUE_WORDS)
def test_anger_without_a_cue_word_is_read_from_the_tone(text):
    m = mood(text)
    assert m.upset
    tone = [c for c in m.cues if c.id == "tone"]
    assert tone and all(text[c.start : c.end] == c.text for c in tone)


@pytest.mark.parametrize("text", CALM_WITH_CUE_WORDS)
def test_a_cue_word_in_a_calm_message_stays_calm(text):
    assert mood(text).label == "calm"


def test_a_stated_intent_is_never_vetoed_by_the_tone():
    assert mood("衣服挺好看的，谢谢，不过少发了一件，我要投诉").upset


def test_without_the_shipped_weights_the_cues_decide(monkeypatch):
    monkeypatch.setattr(mood_module, "shipped_model", lambda: None)
    assert mood("你们就知道让我等").label == "calm"
    assert mood("我要投诉").upset


def test_a_broken_weights_file_leaves_the_cues_to_decide(monkeypatch, tmp_path):
    (tmp_path / moodmodel.CORPUS_NAME).write_text("upset\t退钱\n", encoding="utf-8")
    (tmp_path / moodmodel.MODEL_NAME).write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(moodmodel, "_resources", lambda: Path(tmp_path))
    moodmodel.shipped_model.cache_clear()
    try:
        assert moodmodel.shipped_model() is None
    finally:
        moodmodel.shipped_model.cache_clear()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gets_a_probability_and_a_clause_inside_it(text):
    model = moodmodel.shipped_model()
    assert model is not None
    assert 0.0 <= model.prob(text) <= 1.0
    span = model.strongest_clause(text)
    if span is not None:
        assert 0 <= span[0] < span[1] <= len(text)
