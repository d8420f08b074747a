"""The writers' question model (matching/writers.py): its file, what the matcher does with it and
without it, and that the shipped one was trained on what the checkout holds."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.library import load_library
from kefu_assist.matching import MatcherConfig, build_matcher, coranker, writers, writers_train
from kefu_assist.matching import matcher as matcher_module
from kefu_assist.matching.normalize import normalize

pytest.importorskip("numpy")

ROOT = Path(__file__).resolve().parents[2]

SAMPLES = [(normalize(t), label, 1.0) for t, label in [
    ("什么时候发货", "shipping_time"), ("几天能发出", "shipping_time"), ("今天能发吗", "shipping_time"), ("多久发货呀", "shipping_time"),
    ("能便宜点吗", "bargain"), ("少点呗", "bargain"), ("最低多少钱", "bargain"), ("再优惠点吧", "bargain"),
    ("能开发票吗", "invoice"), ("发票怎么开", "invoice"), ("要专票", "invoice"), ("电子发票有吗", "invoice"),
    ("今天好热", coranker.OFFTOPIC), ("我家猫真可爱", coranker.OFFTOPIC), ("周末去爬山", coranker.OFFTOPIC), ("哈哈哈", coranker.OFFTOPIC),
]]

LIBRARY = """\
version: 1
categories:
  vip_service: 会员服务
scripts:
  - id: shipping_time.when
    category: shipping_time
    title: 什么时候发货
    examples: [什么时候发货, 几时发货, 啥时候发出]
    replies: ["亲，一般48小时内发货。"]
  - id: vip.member
    category: vip_service
    title: 会员专享
    examples: [会员有什么专享, 会员怎么入, 积分能换什么]
    replies: ["亲，会员专享价在店铺首页。"]
"""


@pytest.fixture(scope="module")
def small_model():
    model = writers_train.train(SAMPLES)
    assert model is not None
    return model


def test_a_model_survives_its_file(tmp_path, small_model):
    path = tmp_path / writers.MODEL_NAME
    writers_train.save(small_model, path, "abc")
    loaded, sha = writers.load(path)
    assert sha == "abc" and loaded.classes == small_model.classes and loaded.scale == small_model.scale
    assert (loaded.keys, loaded.ids, loaded.idf, loaded.weights, loaded.bias) == (small_model.keys, small_model.ids, small_model.idf, small_model.weights, small_model.bias)
    for text in ["什么时候发货", "能便宜点吗", "发票", "今天好热啊", ""]:
        assert loaded.proba(normalize(text)) == small_model.proba(normalize(text))


def test_the_int16_weights_score_as_the_float_ones_do():
    full = coranker.train(SAMPLES)
    small = writers_train.train(SAMPLES)
    assert full is not None and small is not None and small.weights.typecode == "h"
    for text in ["几天发货", "最低多少", "开个发票", "好热", "能便宜点发货吗"]:
        a, b = full.proba(normalize(text)), small.proba(normalize(text))
        assert max(a, key=a.__getitem__) == max(b, key=b.__getitem__), text
        assert all(abs(a[k] - b[k]) < 0.1 for k in a), (text, a, b)


@pytest.mark.parametrize("damage", ["magic", "short", "long", "header"])
def test_a_damaged_file_is_refused_and_the_matcher_goes_on_without_it(tmp_path, small_model, damage, monkeypatch):
    path = tmp_path / writers.MODEL_NAME
    writers_train.save(small_model, path, "abc")
    data = path.read_bytes()
    broken = {"magic": b"not a model\n" + data, "short": data[:-7], "long": data + b"\0\0\0\0", "header": writers.MAGIC + b"{\"classes\": 3}\n"}[damage]
    path.write_bytes(broken)
    with pytest.raises((ValueError, TypeError, KeyError)):
        writers.load(path)
    import kefu_assist.resources as resources

    real = resources.resource_path
    monkeypatch.setattr(resources, "resource_path", lambda name: tmp_path / name if name == writers.MODEL_NAME else real(name))
    writers.shipped.cache_clear()
    try:
        assert writers.shipped() is None
        matcher = build_matcher(load_library(ROOT / "resources" / "scripts.yaml").library)
        assert not matcher._writers
        assert matcher.suggest("什么时候发货", limit=1)[0].category == "shipping_time"
    finally:
        writers.shipped.cache_clear()


def test_the_shipped_model_was_trained_on_what_the_checkout_holds():
    # after editing benchmarks/eval/matching/writers/, resources/scripts.yaml or resources/chatter.txt:
    # python3 tasks.py questiontrain
    model, sha = writers.load(ROOT / "resources" / writers.MODEL_NAME)
    assert sha == writers_train.training_sha256(ROOT), "resources/question_model.bin is stale: run python3 tasks.py questiontrain"
    library = load_library(ROOT / "resources" / "scripts.yaml").library
    assert set(library.categories) - {"small_talk"} <= set(model.classes)


def test_the_writers_files_are_no_held_out_set():
    files = writers_train.training_files(ROOT)
    names = {p.stem for p in files}
    assert len(names) >= 40
    # the held-out sets once scored are development sets, and the model learns from them
    assert {"37", "38"} <= {p.parent.name for p in files if p.name == "questions.tsv"}
    # held out when written, never trained on: the scored held-out sets and the project's own
    assert not {"evalsets", "evalsets3", "evalsets4", "evalsets5", "evalsets19", "evalsets20"} & names
    shared = {line.split("\t", 1)[1].strip() for p in (ROOT.parent / "shared" / "eval").glob("*.tsv")
              for line in p.read_text(encoding="utf-8").splitlines() if "\t" in line and not line.startswith("#")}
    ours = {q for _, q, _ in writers_train.read_rows(writers_train.training_files(ROOT))}
    assert not shared & ours, sorted(shared & ours)[:5]


def test_a_shops_own_category_keeps_the_coranker_alone(service_with):
    service = service_with(LIBRARY)
    matcher = service._require().matcher
    matcher.wait_trained()
    assert matcher._with_writers and "vip_service" not in writers.shipped().classes
    text = normalize("会员积分能换什么")
    mixed = matcher._read(text, matcher._coranker)[0]
    alone = matcher._coranker.proba_and_gate(text)[0]
    assert mixed["vip_service"] == alone["vip_service"]
    assert mixed["shipping_time"] != alone["shipping_time"]


def test_writers_mix_zero_leaves_the_model_out():
    library = load_library(ROOT / "resources" / "scripts.yaml").library
    matcher = build_matcher(library, config=MatcherConfig(writers_mix=0.0))
    assert not matcher._with_writers
    text = normalize("啥时候能发出")
    assert matcher._read(text, matcher._coranker)[0] == matcher._coranker.proba_and_gate(text)[0]


@pytest.fixture(scope="module")
def shipped_matcher():
    return build_matcher(load_library(ROOT / "resources" / "scripts.yaml").library)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="发货几天便宜点发票开吗呢好热猫哈的了这个 0123456789abc", max_size=30))
def test_each_mixed_probability_lies_between_the_two_models(shipped_matcher, text):
    matcher = shipped_matcher
    normalized = normalize(text)
    if not normalized:
        return
    mixed = matcher._read(normalized, matcher._coranker)[0]
    # each model read as the matcher reads a text (with and without a leading 这个)
    ours = matcher_module._two_readings(normalized, matcher._coranker)[0]
    theirs = matcher_module._two_readings(normalized, writers.shipped())[0]
    for label, p in mixed.items():
        lo, hi = sorted((ours[label], theirs.get(label, ours[label])))
        assert lo - 1e-9 <= p <= hi + 1e-9, (normalized, label, p, lo, hi)
