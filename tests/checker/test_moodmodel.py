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
    # after editing the corpus: .venv/bin/python -m kefu_assist.checker.mood
    assert model.corpus_sha256 == moodmodel.corpus_sha256(CORPUS)


def test_training_again_gives_the_shipped_weights():
    shipped = moodmodel.shipped_model()
    assert shipped is not None
    again = moodmodel.train(moodmodel.read_corpus(CORPUS), moodmodel.corpus_sha256(CORPUS), mood_module.cue_ids)
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


# -- mood2: the corpus grown to 4,000+ lines, the tone reading cue ids and length -----------------
# My own wordings (mood2), none of them in the corpus or in my validation batch. Each kind the
# corpus was grown for: 你们是不是…, a rhetorical 难道, telling others, sarcasm with 呢/啊, giving up.
# The cues alone leave each calm; before mood2 the tone missed every one of them.
UPSET_WITHOUT_CUE_WORDS_2 = ["你们是不是觉得我很好说话", "你们是不是只会让人等", "难道要我天天守着你们才肯处理吗",
                             "难道我还得替你们去催快递吗", "我会把这次经历讲给我身边每个人听",
                             "哦 又是明天 你们的明天可真多啊"]
# (你们家的效率真是让人大开眼界呢 left this list in mood11: sarcastic learning, 让我长见识了 / 大开眼界, is a cue now,
# tests/checker/test_mood11.py)
# Calm messages with a trigger word that read upset before mood2 (a friendly 呵呵, 骗子 in a game).
CALM_WITH_CUE_WORDS_2 = ["呵呵 好的 那我等明天", "呵呵 那我再看看别的颜色", "这个游戏里谁是骗子呀 桌游规则看不懂"]
# Calm with a trigger word that already read calm, kept so: the family the corpus now teaches.
CALM_WITH_CUE_WORDS_KEPT = ["我姐说要打12315问问燃气灶的事 跟你们没关系 就问下你们发货",
                            "我要投诉的是小区快递柜 不是你们 帮我问问怎么取", "垃圾袋能不能多送一卷 哈哈",
                            "有没有那种带轮子的大垃圾桶", "不会给差评的 就是想换个大一码"]


@pytest.mark.parametrize("text", UPSET_WITHOUT_CUE_WORDS_2)
def test_the_cues_alone_miss_these_too(text):
    assert mood(text, use_model=False).label == "calm"


@pytest.mark.parametrize("text", UPSET_WITHOUT_CUE_WORDS_2)
def test_more_anger_without_a_cue_word_is_read_from_the_tone(text):
    m = mood(text)
    assert m.upset, m
    assert [c.id for c in m.cues if c.id == "tone"], "the tooltip names the clause that decided"


@pytest.mark.parametrize("text", CALM_WITH_CUE_WORDS_2 + CALM_WITH_CUE_WORDS_KEPT)
def test_trigger_words_used_innocently_stay_calm(text):
    assert mood(text).label == "calm", mood(text)


_CALM_QUESTIONS = ["这件外套有卡其色吗", "明天上午能发出吗", "我175穿多大码", "能开电子发票吗", "满两百包邮吗",
                   "退货要自己寄吗", "用花呗可以吗", "能发圆通吗", "收件电话能改吗", "这个会不会掉毛",
                   "保修是全国联保吗", "到成都要几天"]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(_CALM_QUESTIONS), st.sampled_from(["！", "！！", "？？", "??", "?!", "!"]), st.sampled_from(["", "亲 ", "你好，", "请问"]))
def test_a_calm_question_stays_calm_with_marks(question, marks, opener):
    # ？？ and ！！ are weak cues; the tone reads them too, so they do not lower its bar a second time
    assert mood(opener + question + marks).label == "calm"


def test_the_corpus_covers_the_kinds_it_was_grown_for():
    rows = moodmodel.read_corpus(CORPUS)
    assert len(rows) >= 4000
    calm = [t for label, t in rows if label == "calm"]
    upset = [t for label, t in rows if label == "upset"]
    # every trigger word appears in calm messages as well as in upset ones, so the tone learns
    # the frame, not the word
    for word in ("投诉", "差评", "12315", "工商", "骗子", "垃圾", "？？？", "呵呵", "退款！"):
        assert any(word in t for t in calm), word
        assert any(word in t for t in upset) or word in ("工商",), word


def test_the_cue_ids_are_features_of_the_tone():
    model = moodmodel.shipped_model()
    assert model is not None
    assert any(g.startswith("#cue:") for g in model.weights)
    text = "我要投诉"
    assert mood_module.cue_ids(text) == ["complaint"]
    assert model.logit(text, mood_module.cue_ids(text)) > model.logit(text)
