"""The co-ranker keeps the probabilities of the texts it read last (CoRanker.proba_and_gate):
reading a message asks for the same clause more than once. A kept answer is the answer; a
caller that changes the dict it got (the chatter class popped) changes nothing for the next;
the weights pickled into the index cache carry no kept answers."""
from __future__ import annotations

import pickle

import pytest

from kefu_assist.matching import coranker
from kefu_assist.matching.normalize import normalize

pytest.importorskip("numpy")

_SAMPLES = [
    *((t, "shipping_time", 1.0) for t in ("今天能发出去不", "几号给我寄", "下单后多久发走", "明儿个能发货么")),
    *((t, "shipping_fee", 1.0) for t in ("运费多少钱", "偏远地区包不包邮", "邮费谁来出")),
    *((t, "size", 1.0) for t in ("一米六五穿多大", "脚宽选大一码吗", "腰围二尺二拿哪个")),
    *((t, coranker.OFFTOPIC, 1.0) for t in ("哈哈哈", "吃饭了没", "今天下雨了", "拜拜啦")),
]
_MESSAGES = ["亲 几号能发", "运费咋算", "一米七穿啥码 运费多少", "哈哈 好的", "几号能发", "亲 几号能发"]


@pytest.fixture(scope="module")
def ranker() -> coranker.CoRanker:
    trained = coranker.train(_SAMPLES)
    assert trained is not None
    return trained


def _fresh(ranker: coranker.CoRanker) -> coranker.CoRanker:
    return pickle.loads(pickle.dumps(ranker))


def test_a_text_read_again_gets_the_same_answer_as_a_first_reading(ranker):
    for message in _MESSAGES * 2:
        text = normalize(message)
        assert ranker.proba_and_gate(text) == _fresh(ranker).proba_and_gate(text)
        assert ranker.proba(text) == _fresh(ranker).proba(text)


def test_changing_the_answer_one_got_changes_nothing_for_the_next_caller(ranker):
    text = normalize("运费谁出呀")
    first, gate = ranker.proba_and_gate(text)
    expected = dict(first)
    first.pop(coranker.OFFTOPIC)
    first["size"] = 5.0
    again, gate_again = ranker.proba_and_gate(text)
    assert again == expected and gate_again == gate
    ranker.proba(text).clear()
    assert ranker.proba(text) == expected


def test_the_pickled_weights_carry_no_kept_answers_and_read_alike(ranker):
    for message in _MESSAGES:
        ranker.proba_and_gate(normalize(message))
    restored = pickle.loads(pickle.dumps(ranker))
    assert "_memo" not in restored.__dict__ and restored == ranker
    for message in _MESSAGES:
        assert restored.proba_and_gate(normalize(message)) == ranker.proba_and_gate(normalize(message))


def test_it_keeps_a_bounded_number_of_answers(ranker, monkeypatch):
    monkeypatch.setattr(coranker, "MEMO_SIZE", 3)
    texts = [normalize(f"{n}号能发吗") for n in range(1, 10)]
    for text in texts:
        assert ranker.proba_and_gate(text) == _fresh(ranker).proba_and_gate(text)
        assert len(ranker.__dict__["_memo"]) <= 3


def test_forgetting_drops_the_kept_answers_and_reads_alike(ranker):
    text = normalize("几号能发呀 运费多少")
    kept = ranker.proba_and_gate(text)
    ranker.forget()
    assert "_memo" not in ranker.__dict__
    assert ranker.proba_and_gate(text) == kept


def test_a_matcher_reads_a_message_the_same_the_second_time(matcher):
    """Each message starts its reading afresh (Matcher._suggest forgets the last one's texts);
    the same message asked again, between others, gets the same cards and scores."""
    messages = ["在吗 这个几号能发货", "运费谁出 能便宜点不", "哈哈 好的", "衣服起球了 能退吗 运费谁出"]
    first = [[(s.script_id, s.score) for s in matcher.suggest(m)] for m in messages]
    again = [[(s.script_id, s.score) for s in matcher.suggest(m)] for m in reversed(messages)]
    assert again == first[::-1]
