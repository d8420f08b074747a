"""The sidebar's first start after a library edit: the co-ranker trains in a child process while
the plain matcher answers, then its weights are swapped in and cached with the index."""
from __future__ import annotations

import subprocess
import sys

from kefu_assist.library import load_library
from kefu_assist.matching import Matcher, build_matcher
from kefu_assist.resources import resource_path

MESSAGES = ["包邮吗", "能便宜点吗？包邮吗？", "今天好冷啊", "M码还有吗", "什么时候发货", "12345", "在吗"]


def test_background_training_never_imports_numpy_and_caches_the_weights(tmp_path):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kefu_assist.library import load_library\n"
        "from kefu_assist.matching import build_matcher\n"
        "from kefu_assist.resources import resource_path\n"
        "lib = load_library(resource_path('scripts.yaml')).library\n"
        "m = build_matcher(lib, cache_dir=Path(sys.argv[1]), background_training=True)\n"
        "first = m.suggest('包邮吗')\n"
        "print(m.from_cache, bool(first), first[0].category if first else '-')\n"
        "print(m.wait_trained(120), m._coranker is not None, 'numpy' in sys.modules)\n"
    )
    runs = [subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True).stdout.split() for _ in range(2)]
    # first run: built, answered at once, trained in a child; second: everything from the cache
    assert runs[0] == ["False", "True", "shipping_fee", "True", "True", "False"]
    assert runs[1] == ["True", "True", "shipping_fee", "True", "True", "False"]


def test_the_child_trains_the_same_weights_as_training_in_process(tmp_path):
    library = load_library(resource_path("scripts.yaml")).library
    here = build_matcher(library)
    there = build_matcher(library, cache_dir=tmp_path, background_training=True)
    assert there.wait_trained(120) and not there.training
    assert there._coranker is not None and here._coranker is not None and there._respeller is not None
    assert there.suggest("baoyou ma")[0].category == "shipping_fee"
    assert there._coranker.classes == here._coranker.classes
    for text in MESSAGES:
        a, b = here.suggest(text), there.suggest(text)
        assert [(s.script_id, s.confident, s.score) for s in a] == [(s.script_id, s.confident, s.score) for s in b]


def test_while_training_the_plain_matcher_still_answers_and_gates(tmp_path, monkeypatch):
    # a child that never answers: the plain matcher's calibrated scores serve meanwhile
    import threading

    from kefu_assist.matching import train_child

    release = threading.Event()
    real = train_child.train_in_child

    def slow(samples, frequency):
        release.wait(60)
        return real(samples, frequency)

    monkeypatch.setattr(train_child, "train_in_child", slow)
    library = load_library(resource_path("scripts.yaml")).library
    m = Matcher(library, dictionary=resource_path("jieba_dict.txt"), cache_dir=tmp_path, background_training=True)
    try:
        assert m.training and m._coranker is None
        for text, category in [("包邮吗", "shipping_fee"), ("什么时候发货", "shipping_time"), ("能开发票吗", "invoice")]:
            out = m.suggest(text)
            assert out and out[0].category == category and out[0].confident and 0 < out[0].score <= 1
        assert m.suggest("12345") == []
        assert not any(s.confident for s in m.suggest("今天好冷啊"))
    finally:
        release.set()
    assert m.wait_trained(120) and m._coranker is not None
    assert build_matcher(library, cache_dir=tmp_path).from_cache


def test_a_failing_child_falls_back_to_training_in_process(tmp_path, monkeypatch):
    from kefu_assist.matching import train_child

    def broken(samples, frequency):
        raise RuntimeError("co-ranker training failed: no interpreter")

    monkeypatch.setattr(train_child, "train_in_child", broken)
    library = load_library(resource_path("scripts.yaml")).library
    m = Matcher(library, dictionary=resource_path("jieba_dict.txt"), cache_dir=tmp_path, background_training=True)
    assert m.wait_trained(120) and m._coranker is not None and m._respeller is not None
    assert m.suggest("包邮吗")[0].confident
