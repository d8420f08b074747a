from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.store.redact import question_key, redact

CORPUS = Path(__file__).with_name("redaction_corpus.tsv")


def _corpus() -> list[tuple[str, str]]:
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        raw, expected = line.split("\t")
        rows.append((raw, expected))
    return rows


def test_corpus_is_big_enough():
    assert len(_corpus()) >= 40


@pytest.mark.parametrize("raw,expected", _corpus())
def test_corpus(raw, expected):
    assert redact(raw) == expected


@pytest.mark.parametrize("raw,expected", _corpus())
def test_idempotent(raw, expected):
    assert redact(expected) == expected


def test_full_width_digits_and_letters():
    assert redact("电话１３９１２３４５６７８") == "电话139****5678"
    assert redact("ＳＦ１２３４５６７８９０１２３到哪了") == "[运单号]到哪了"


def test_key_ignores_punctuation_and_case():
    assert question_key("发货了吗？") == question_key("发货 了吗") == "发货了吗"
    assert question_key("XL码有吗") == question_key("xl码有吗!")


# text around the phone: Chinese, letters and punctuation, no digits
_around = st.text(alphabet=st.sampled_from(list("的我你好吗在发货快递电话手机号码联系收件人地址abcXYZ：:，, -+()")), max_size=12)


@st.composite
def phones(draw):
    second = draw(st.sampled_from("3456789"))
    rest = draw(st.text(alphabet="0123456789", min_size=9, max_size=9))
    digits = "1" + second + rest
    style = draw(st.sampled_from(["plain", "space", "dash", "+86", "86", "fullwidth"]))
    if style == "plain":
        text = digits
    elif style == "space":
        text = f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    elif style == "dash":
        text = f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    elif style == "+86":
        text = "+86 " + digits
    elif style == "86":
        text = "86" + digits
    else:
        text = digits.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    return digits, text


@settings(max_examples=400, deadline=None)
@given(before=_around, phone=phones(), after=_around)
def test_generated_phone_never_survives(before, phone, after):
    digits, text = phone
    out = redact(before + text + after)
    assert digits not in re.sub(r"\D", "", out)
    assert f"{digits[:3]}****{digits[7:]}" in out or "[" in out  # masked, or inside a redacted span


def test_store_does_not_import_qt():
    code = (
        "import sys, kefu_assist.store, kefu_assist.store.recorder, kefu_assist.store.stats, "
        "kefu_assist.store.cli, kefu_assist.store.db, kefu_assist.store.models;"
        "bad=[m for m in sys.modules if m.startswith(('PySide6','PyQt'))]; assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
