"""Segmentation: our fast route over jieba's dictionary cuts exactly as jieba does, and the
library's words and synonyms fold as they should."""
from __future__ import annotations

import logging
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.library import load_library
from kefu_assist.matching.normalize import normalize
from kefu_assist.matching.tokenize import Segmenter, Tokenizer, _segmenter, trie_pattern
from kefu_assist.resources import resource_path


@pytest.fixture(scope="module")
def segmenter():
    return _segmenter(resource_path("jieba_dict.txt"), None)


@pytest.fixture(scope="module")
def jieba_tokenizer():
    """jieba itself, on the same dictionary: the reference our segmenter must agree with."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer(str(resource_path("jieba_dict.txt")))
    tk.initialize()
    return tk


def test_cuts_every_shipped_example_exactly_as_jieba(segmenter, jieba_tokenizer, shipped_library_path):
    library = load_library(shipped_library_path).library
    chunks = {part for s in library.scripts for e in (*s.examples, *s.replies) for part in normalize(e).split(" ") if part}
    assert len(chunks) > 1000
    for chunk in chunks:
        assert segmenter.cut(chunk) == jieba_tokenizer.lcut(chunk, HMM=False), chunk


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("能便宜点包邮吗发票顺丰快递有货尺码多少钱今天明天到了亲的是不abcSF0123")), min_size=1, max_size=40))
def test_cuts_like_jieba_on_generated_text(segmenter, jieba_tokenizer, text):
    assert segmenter.cut(text) == jieba_tokenizer.lcut(text, HMM=False)


def test_dictionary_cache_loads_the_same_dictionary_and_survives_damage(tmp_path, jieba_tokenizer):
    dictionary = resource_path("jieba_dict.txt")
    fresh = Segmenter.from_dictionary(dictionary, tmp_path)
    (cache,) = tmp_path.glob("dictionary-*.bin")
    cached = Segmenter.from_dictionary(dictionary, tmp_path)
    assert cached._logp == fresh._logp
    assert {w for w, lp in fresh._logp.items() if lp is not None} == {w for w, f in jieba_tokenizer.FREQ.items() if f}
    assert set(fresh._logp) == set(jieba_tokenizer.FREQ)
    for damage in (b"", b"not marshal", cache.read_bytes()[:1000]):
        cache.write_bytes(damage)
        assert Segmenter.from_dictionary(dictionary, tmp_path)._logp == fresh._logp


def test_a_small_dictionary_of_our_own(tmp_path):
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("\ufeff包邮 50 v\n包 10\n邮费 20 n\n\n零次 0\n", encoding="utf-8")
    seg = Segmenter.from_dictionary(dictionary)
    assert seg.cut("包邮吗邮费") == ["包邮", "吗", "邮费"]
    assert seg._logp["零次"] is None and "零" in seg._logp  # frequency 0: a prefix, not a word
    dictionary.write_text("包邮 50\n坏行\n", encoding="utf-8")
    with pytest.raises(ValueError, match="dict.txt:2"):
        Segmenter.from_dictionary(dictionary)


def test_library_words_synonyms_and_numbers():
    tk = Tokenizer(
        resource_path("jieba_dict.txt"),
        words=["七天无理由", "运费险"],
        synonyms=[["包邮", "免邮", "包快递"], ["发票", "开票"]],
    )
    assert tk.tokens(normalize("支持七天无理由吗")) == ("支持", "七天无理由")
    assert tk.tokens(normalize("能免邮吗")) == ("能", "包邮")
    assert tk.tokens(normalize("能包快递吗")) == ("能", "包邮")
    pairs, canonical = tk.analyze(normalize("能免邮吗 开票"))
    assert canonical == "能包邮吗 发票"
    assert ("免邮", "包邮") in pairs
    assert tk.tokens(normalize("155 90斤")) == ("<num3>", "<num2>", "斤")
    assert tk.tokens(normalize("打12315")) == ("打", "<num5>")
    assert tk.tokens(normalize("M码还是ＸＸＬ 3XL")) == ("<size>", "码", "还是", "<size>", "<size>")
    assert tk.tokens(normalize("发SF 5G手机 mini款")) == ("发", "sf", "5g", "手机", "mini", "款")  # no sizes


def test_matching_layers_do_not_import_qt():
    """library, matching and service are pure Python: the command line never pays for Qt."""
    import subprocess

    code = (
        "import sys\n"
        "import kefu_assist.library, kefu_assist.matching, kefu_assist.service, kefu_assist.cli, kefu_assist.evaluation\n"
        "import kefu_assist.store\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


@settings(max_examples=300, deadline=None)
@given(
    st.sets(st.text(alphabet="包邮快递包裹费a.*", min_size=1, max_size=5), min_size=1, max_size=12),
    st.text(alphabet="包邮快递包裹费不a.*", max_size=40),
)
def test_trie_pattern_finds_what_the_longest_first_alternation_finds(words, text):
    alternation = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    expected = [m.span() for m in re.finditer(alternation, text)]
    assert [m.span() for m in re.finditer(trie_pattern(words), text)] == expected


@pytest.mark.parametrize("text", ["这单发了吗", "我那单发了没", "上一单发货前再拍", "哪单发的顺丰", "这单发快点"])
def test_an_order_and_its_shipping_verb_stay_apart(segmenter, text):
    """单发 (a single shot) was a word of the dictionary: it ate the 发 of 这单发了吗."""
    assert "单发" not in segmenter.cut(text)
