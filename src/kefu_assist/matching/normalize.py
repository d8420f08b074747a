"""Buyer text -> one canonical form: what buyers type is not what the library's author typed.

Steps, each cheap (a few microseconds a message):
- NFKC folds full-width letters, digits and punctuation to their half-width forms;
- OpenCC t2s turns traditional characters into simplified ones (能開發票嗎 -> 能开发票吗);
- chat-client stickers ([微笑]) and emoji become spaces;
- well-known homophone typos of this trade are corrected (包油 -> 包邮);
- punctuation becomes clause breaks, runs of them collapse, letters are lower-cased.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Sequence

MAX_CHARS = 2000  # longer pastes are cut: no buyer question needs more, and time stays bounded

# Homophone and input-method slips that buyers make all the time. Each maps to what they meant;
# the longer forms come first so that a correction never half-applies.
TYPOS: dict[str, str] = {
    "包油": "包邮",
    "免油": "免邮",
    "优惠卷": "优惠券",
    "代金卷": "代金券",
    "发漂": "发票",
    "开漂": "开票",
    "顺风快递": "顺丰快递",
    "发顺风": "发顺丰",
    "顺风": "顺丰",
    "在马": "在吗",
    "再吗": "在吗",
    "在嘛": "在吗",
    "在么": "在吗",
    "有人嘛": "有人吗",
    "冲码": "尺码",
    "尺吗": "尺码",
    "质亮": "质量",
    "快第": "快递",
    "块递": "快递",
    "物留": "物流",
    "色查": "色差",
    "偏移点": "便宜点",
    "骗宜": "便宜",
    "差平": "差评",
    "头诉": "投诉",
}
_TYPO_RE = re.compile("|".join(sorted(map(re.escape, TYPOS), key=len, reverse=True)))

# Qianniu/Wangwang stickers arrive as [微笑], [哈哈], [OK]; a few clients use /:) codes.
_STICKER_RE = re.compile(r"\[[\u4e00-\u9fffA-Za-z]{1,8}\]|/:[a-z()\-<>@!?*$^&]{1,6}", re.IGNORECASE)
# Clause breaks: sentence punctuation (half-width after NFKC) and whitespace.
_BREAK_CHARS = r",.;:!?~…。，、；：！？～·|/\\\"'`()<>\[\]{}【】《》“”‘’「」『』()（）_=*#^@&%-"
_BREAK_RE = re.compile(r"[\s" + _BREAK_CHARS + "]+")
# Every character str.isspace() accepts except the line break that separates the texts of
# normalize_many (tests check the list against Python's own).
WHITESPACE_BUT_NEWLINE = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_BREAK_LINES_RE = re.compile("[" + WHITESPACE_BUT_NEWLINE + _BREAK_CHARS + "]+")
# NFKC leaves ASCII and the CJK unified ideographs as they are, and neither combines with what
# follows; only the other runs (with the character before them, which a mark may combine with)
# need the slow normalisation.
_NFKC_RUN_RE = re.compile(r".?[^\x00-\x7f\u4e00-\u9fff]+")
_URL_RE = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


# Characters that are certainly kept (CJK, ASCII letters and digits, white space, common
# punctuation); only the others are looked up in the Unicode database.
_UNUSUAL_RE = re.compile(r"[^\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9\s\u3000-\u303f\uff01-\uff5e,.!?;:'\"()\[\]{}<>~@#$%^&*+=/\\|_`-]")
# So: emoji and other pictographs; Sk: modifiers (skin tones); Cs: lone surrogates; Cf: zero-width
# joiners and marks; Cc: control characters; Co/Cn: private use and unassigned.
_DROP_CATEGORIES = frozenset(("So", "Sk", "Cs", "Cf", "Cc", "Co", "Cn"))


def _drop_symbol(match: re.Match) -> str:
    ch = match.group(0)
    cat = unicodedata.category(ch)
    if cat in _DROP_CATEGORIES or (cat == "Mn" and not ch.isalnum()):  # Mn: variation selectors
        return " "
    return ch


def _strip_symbols(text: str) -> str:
    return _UNUSUAL_RE.sub(_drop_symbol, text)


def to_simplified(text: str) -> str:
    return _converter().convert(text)


def normalize(text: str) -> str:
    """The canonical form used for matching: simplified, half-width, lower-case, clause breaks
    as single spaces. Never raises on any str."""
    if not text:
        return ""
    text = text[:MAX_CHARS]
    text = _URL_RE.sub(" ", unicodedata.normalize("NFKC", text))
    return _BREAK_RE.sub(" ", _fold(text)).strip()


def _fold(text: str) -> str:
    """The steps between NFKC and clause breaks, shared by normalize and normalize_many:
    stickers and symbols out, traditional to simplified, lower case, typos corrected."""
    text = _strip_symbols(_STICKER_RE.sub(" ", text))
    text = to_simplified(text).lower()
    return _TYPO_RE.sub(lambda m: TYPOS[m.group(0)], text)


def normalize_many(texts: Sequence[str]) -> list[str]:
    """``[normalize(t) for t in texts]`` (a property test holds it to that), about three times
    faster for a whole library: each step runs once over all the texts joined by line breaks,
    which none of the steps joins or splits across, and NFKC only touches what it can change."""
    if not texts:
        return []
    joined = "\n".join(t[:MAX_CHARS].replace("\n", " ") for t in texts)
    joined = _NFKC_RUN_RE.sub(_nfkc_run, joined)
    if "://" in joined or "www." in joined.lower():
        joined = _URL_RE.sub(" ", joined)
    joined = _BREAK_LINES_RE.sub(" ", _fold(joined))
    lines = joined.split("\n")
    if len(lines) != len(texts):  # a step made or ate a line break after all: the slow way
        return [normalize(t) for t in texts]
    return [line.strip(" ") for line in lines]


def _nfkc_run(match: re.Match) -> str:
    return unicodedata.normalize("NFKC", match.group(0))


def clauses(normalized: str, *, max_clauses: int = 8) -> list[str]:
    """The separate questions of one message (能便宜点吗？包邮吗？ -> two). Clauses too short to
    mean anything on their own are merged into the one before."""
    parts = [p for p in normalized.split(" ") if p]
    merged: list[str] = []
    for part in parts:
        if merged and (len(part) < 2 or len(merged[-1]) < 2):
            merged[-1] = merged[-1] + part
        else:
            merged.append(part)
    return merged[:max_clauses]
