"""The reply model's training recipe (checker/replytrain.py, checker/replyfit.py): the sparse
products are the dense ones, thresholds chosen fast are the ones the plain search chose, each
writer's thresholds come from a model that never saw that writer, and the shipped weights carry
the hash of every file they were trained on."""
from __future__ import annotations

import math
import shutil
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import replyfit, replymodel, replytrain
from kefu_assist.checker.replymodel import ReplyModel

ROOT = Path(__file__).resolve().parents[2]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dictionaries(st.integers(0, 6), st.integers(1, 3).map(float), max_size=5), min_size=1, max_size=8),
       st.integers(0, 2**32 - 1))
def test_sparse_products_are_the_dense_ones(rows, seed):
    x = replyfit._Sparse(rows, 7)
    dense = np.zeros((len(rows), 7), dtype=np.float32)
    for r, row in enumerate(rows):
        for c, v in row.items():
            dense[r, c] = v
    rng = np.random.default_rng(seed)
    w = rng.normal(size=(7, 3)).astype(np.float32)
    err = rng.normal(size=(len(rows), 3)).astype(np.float32)
    assert np.allclose(x.times(w), dense @ w, atol=1e-5)
    assert np.allclose(x.t_times(err), dense.T @ err, atol=1e-5)


def _plain_search(pos, neg, ceiling, false_weight, floor):
    """The search thresholds_from_logits replaced: every candidate, every draft counted."""
    best_t, best_cost = None, math.inf
    for t in sorted({p - 1e-6 for p in pos} | {q + 1e-6 for q in neg} | {floor}):
        t = max(t, floor, ceiling + 1e-3)
        cost = sum(p < t for p in pos) + false_weight * sum(q >= t for q in neg)
        if cost < best_cost:
            best_t, best_cost = t, cost
    return best_t


_LOGIT = st.floats(-8, 8, allow_nan=False).map(lambda x: round(x, 2))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sets(st.sampled_from("ab")), _LOGIT, _LOGIT, st.sets(st.sampled_from("ab"))), max_size=25),
       st.lists(st.tuples(_LOGIT, _LOGIT), max_size=4), st.sampled_from([1.0, 1.5, 3.0]))
def test_thresholds_are_those_of_the_plain_search(rows, clean_rows, false_weight):
    val = [(frozenset(labels), {"a": la, "b": lb}, set(found)) for labels, la, lb, found in rows]
    clean = [(frozenset(), {"a": la, "b": lb}, set()) for la, lb in clean_rows]
    got = replymodel.thresholds_from_logits(("a", "b"), val, clean, false_weight)
    for rule, t in zip("ab", got):
        pos = [lg[rule] for labels, lg, f in val if rule in labels and rule not in f]
        neg = [lg[rule] for labels, lg, f in val if rule not in labels and rule not in f]
        ceiling = max((lg[rule] for _, lg, _ in clean), default=-math.inf)
        assert t == _plain_search(pos, neg, ceiling, false_weight, 0.0)


def test_a_writers_thresholds_come_from_a_model_that_never_saw_them():
    """fit scores each writer with the model trained without that writer, and ships the model
    trained on everything; a writer's drafts never choose a threshold from a model that saw them."""
    calls: list[frozenset[str]] = []
    seen_by: dict[str, frozenset[str]] = {}

    class Spy(ReplyModel):
        def logits(self, text):
            seen_by[text] = self.corpus_sha256  # type: ignore[assignment]
            return super().logits(text)

    def trained(without):
        calls.append(without)
        return Spy(("abuse",), {"烦": (1.0,)}, (0.0,), (2.0,), ",".join(sorted(without)))

    writers = {"w1": [(frozenset({"abuse"}), "你真烦")], "w2": [(frozenset(), "您好")], "w3": [(frozenset(), "稍等")]}
    model = replytrain.fit([], writers, [], lambda text: set(), trained=trained)
    assert sorted(calls, key=sorted) == [frozenset(), *(frozenset({w}) for w in ("w1", "w2", "w3"))]
    assert seen_by == {"你真烦": "w1", "您好": "w2", "稍等": "w3"}
    assert model.weights == {"烦": (1.0,)} and 0.0 < model.thresholds[0] <= 1.0  # between w2/w3 and w1


def test_thresholds_rise_above_every_draft_that_must_stay_clean():
    def trained(without):
        return ReplyModel(("abuse",), {"烦": (1.0,), "好": (3.0,)}, (0.0,), (2.0,))

    writers = {"w1": [(frozenset({"abuse"}), "你真烦")], "w2": [(frozenset(), "稍等")]}
    keep = [(frozenset(), "好好好")]
    model = replytrain.fit([], writers, keep, lambda text: set(), trained=trained)
    assert model.thresholds[0] > model.logits("好好好")["abuse"]
    loose = replytrain.fit([], writers, keep, lambda text: set(), replytrain.Recipe(clean_ceiling=False), trained=trained)
    assert loose.thresholds[0] < model.logits("好好好")["abuse"]


def test_the_training_hash_covers_every_training_file(tmp_path):
    """Any training file changed (corpus, a writer's, a development draft file) changes the hash the
    shipped model must carry."""
    root = tmp_path / "repo"
    for pattern in (*replytrain.WRITER_FILES, *replytrain.EXTRA_FILES):
        for path in sorted(ROOT.glob(pattern))[:2]:
            target = root / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    corpus, extra, writers = replytrain.training_files(root)
    assert extra and len(writers) >= 2
    before = replytrain.training_sha256(root)
    for path in (extra[0], next(iter(writers.values()))):
        original = path.read_bytes()
        path.write_bytes(original + "ok\t好的\n".encode())
        assert replytrain.training_sha256(root) != before, path
        path.write_bytes(original)
    assert replytrain.training_sha256(root) == before
    (root / "benchmarks/eval/checker/writers").mkdir(parents=True, exist_ok=True)
    (root / "benchmarks/eval/checker/writers/new.tsv").write_text("ok\t好的\n", encoding="utf-8")
    assert replytrain.training_sha256(root) != before


def test_writer_names():
    assert replytrain.writer_name(Path("benchmarks/eval/checker/writers/set6.tsv")) == "set6"
    assert replytrain.writer_name(Path("benchmarks/eval/dev4/compliance_drafts.tsv")) == "dev4"
    assert replytrain.writer_name(Path("benchmarks/heldout/37/drafts.tsv")) == "heldout37"
    _, _, writers = replytrain.training_files()
    assert {"set6", "set7", "dev4", "dev5", "heldout37", "heldout38"} <= set(writers)


def test_literals_that_are_labelled_drafts_keep_their_labels_and_rewordings_are_no_replies():
    """The drafts the thresholds must stay above: a test's literal that is a labelled development
    draft (a known miss the test leaves out) is not a compliant reply, and the checker's own
    suggestions (把「但是」改为「不过」) are no replies; compliant literals and the library stay."""
    rows: dict[str, set[frozenset[str]]] = {}
    for labels, text in replytrain.keep_clean_rows():
        rows.setdefault(text, set()).add(labels)
    assert rows["亲这个包邮是不包括您那里的，要加运费10块"] == {frozenset({"shipping_fee_breach"})}
    assert not [text for text in rows if "」改为「" in text or text.startswith("删去「")]
    assert rows["新疆地区不包邮，需补运费10元"] == {frozenset()}
    assert len(rows) > 2000


def test_fold_models_trained_side_by_side_are_the_ones_trained_one_by_one():
    """replytrain --jobs: the fold models trained in forked processes are the models trained one
    by one (training is deterministic), so the shipped file does not depend on --jobs."""
    base = [(frozenset({"abuse"}), "你真烦人"), (frozenset(), "亲，稍等哦"), (frozenset({"cod"}), "货到付款要多给五块")]
    writers = {
        "w1": [(frozenset({"abuse"}), "你好烦啊"), (frozenset(), "好的亲")],
        "w2": [(frozenset({"cod"}), "到付加五块"), (frozenset(), "已经发货了")],
    }
    recipe = replytrain.Recipe(epochs=5)
    one_by_one = replytrain.trainer(base, writers, recipe)
    keys = [frozenset(), frozenset({"w1"}), frozenset({"w2"})]
    side_by_side = replytrain.trained_side_by_side(replytrain.trainer(base, writers, recipe), keys, jobs=2)
    for key in keys:
        a, b = one_by_one(key), side_by_side(key)
        assert dict(a.weights.items()) == dict(b.weights.items()) and a.bias == b.bias, key
    assert dict(side_by_side(frozenset({"w1", "w2"})).weights.items()) == dict(one_by_one(frozenset({"w1", "w2"})).weights.items())


def test_the_training_command_refuses_no_jobs(capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        replytrain.main(["--jobs", "0"])
    assert exit_info.value.code == 2 and "--jobs" in capsys.readouterr().err
