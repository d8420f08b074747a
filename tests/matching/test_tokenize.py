"""Segmentation: our fast route over jieba's dictionary cuts exactly as jieba does, and the
library's words and synonyms fold as they should."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.library import load_library
from kefu_assist.matching.normalize import normalize
from kefu_assist.matching.tokenize import Tokenizer, _segmenter, trie_pattern
from kefu_assist.resources import resource_path


@pytest.fixture(scope="module")
def segmenter():
    return _segmenter(resource_path("jieba_dict.txt"), None)


def test_cuts_every_shipped_example_exactly_as_jieba(segmenter, shipped_library_path):
    library = load_library(shipped_library_path).library
    chunks = {part for s in library.scripts for e in (*s.examples, *s.replies) for part in normalize(e).split(" ") if part}
    assert len(chunks) > 1000
    for chunk in chunks:
        assert segmenter.cut(chunk) == segmenter.jieba.lcut(chunk, HMM=False), chunk


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("能便宜点包邮吗发票顺丰快递有货尺码多少钱今天明天到了亲的是不abcSF0123")), min_size=1, max_size=40))
def test_cuts_like_jieba_on_generated_text(segmenter, text):
    assert segmenter.cut(text) == segmenter.jieba.lcut(text, HMM=False)


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
