"""Pinyin for search, codes and ids, from pypinyin's data, memoised.

pypinyin's own phrase-aware conversion costs about 130 us a short title here, over a second for
a 10,000-script library; this module looks words up in pypinyin's phrase dictionary itself
(longest match) and characters once each (``heteronym=True``: every reading, toneless, the most
common first, so 长 is both chang and zhang), which costs dictionary hits.
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")

MAX_VARIANTS = 16  # reading combinations kept per text (see variants())
MAX_PHRASE = 4  # longest word looked up in pypinyin's phrase dictionary


@functools.cache
def readings(ch: str) -> tuple[str, ...]:
    """Every toneless reading of one character; an ASCII letter or digit reads as itself
    (lower-case); anything else (punctuation, emoji) has none."""
    if ch.isascii():
        return (ch.lower(),) if ch.isalnum() else ()
    if not _HAN.match(ch):
        return ()
    from pypinyin import Style, pinyin

    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    out = tuple(dict.fromkeys(r for group in found for r in group if r.isascii() and r.isalpha()))
    return out


@functools.cache
def initials_of(ch: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(r[0] for r in readings(ch)))


@functools.cache
def _phrases() -> dict:
    from pypinyin.constants import PHRASES_DICT

    return PHRASES_DICT


def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFKD", syllable.replace("ü", "v"))
    return "".join(c for c in decomposed if c.isascii())


@functools.cache
def text_readings(text: str) -> tuple[tuple[str, ...], ...]:
    """The readings of each character of ``text``: inside a word of pypinyin's phrase
    dictionary (longest first, up to MAX_PHRASE characters) the word's reading, which settles
    most polyphonic characters (怎么 zen me, 便宜 pian yi); elsewhere every reading of the
    character (么 alone: me yao mo ma)."""
    phrases = _phrases()
    out: list[tuple[str, ...]] = []
    i, n = 0, len(text)
    while i < n:
        for size in range(min(MAX_PHRASE, n - i), 1, -1):
            found = phrases.get(text[i : i + size])
            if found is not None and len(found) == size:
                for ch, options in zip(text[i : i + size], found):
                    toneless = tuple(dict.fromkeys(t for t in map(_toneless, options) if t.isalpha()))
                    out.append(toneless or readings(ch))
                i += size
                break
        else:
            out.append(readings(text[i]))
            i += 1
    return tuple(out)


def variants(text: str, full: bool) -> list[tuple[tuple[str, ...], tuple[int, ...]]]:
    """Readings of ``text``: a list of (syllables, index of the character each came from).

    Each character's readings come from ``text_readings``. Every combination of them while there
    are at most MAX_VARIANTS (titles and keywords are short: nearly always); beyond that the most
    common reading of each character, plus each other reading of each character on its own.
    Characters without a reading are skipped (a span over them still maps back to the text)."""
    per_char = text_readings(text)
    if not full:
        per_char = tuple(tuple(dict.fromkeys(r[0] for r in rs)) for rs in per_char)
    chars = list(enumerate(per_char))
    chars = [(i, r) for i, r in chars if r]
    if not chars:
        return []
    index = tuple(i for i, _ in chars)
    options = [r for _, r in chars]
    total = 1
    for r in options:
        total *= len(r)
        if total > MAX_VARIANTS:
            break
    if total <= MAX_VARIANTS:
        return [(combo, index) for combo in itertools.product(*options)]
    base = tuple(r[0] for r in options)
    out = [(base, index)]
    for k, r in enumerate(options):
        for alt in r[1:]:
            out.append((base[:k] + (alt,) + base[k + 1 :], index))
    return out
