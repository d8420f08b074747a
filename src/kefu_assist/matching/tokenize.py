"""jieba segmentation with the library's own words, synonyms folded to one canonical word.

jieba's full dictionary takes ~1.8 s to load on our machines; we ship the frequent part of it
(resources/jieba_dict.txt, see scripts/make_jieba_dict.py), which loads in ~0.3 s, and add each
library's vocabulary and synonym words on top. HMM guessing of unknown words is off: it doubles
the cost of a cut and its guesses are unstable across messages; character bigrams (see matcher)
cover words the dictionary does not know.
"""
from __future__ import annotations

import logging
import math
import re
import threading
from sys import intern
from pathlib import Path
from typing import Iterable, Sequence

_DIGITS_RE = re.compile(r"^\d+(\.\d+)?$")

# Particles and fillers that say nothing about what the buyer wants. They stay in the text for
# bigrams (在吗 is a greeting), but are not tokens of their own.
STOPWORDS = frozenset(
    "的 了 吗 呢 吧 啊 呀 哦 噢 么 嘛 啦 呗 哈 喔 哇 咯 嗯 恩 额 呃 诶 欸 哎 唉 滴 哒 捏 麻 亲 亲亲 请问 一下 这个 那个 就 都 也 还 又 是 有点".split()
)

_jieba_lock = threading.Lock()
_segmenters: dict[Path, "Segmenter"] = {}
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


class Segmenter:
    """jieba's dictionary segmentation without HMM (``Tokenizer.cut(text, HMM=False)``): the same
    maximum-probability route over the same prefix dictionary, with the word log-probabilities
    computed once instead of on every edge of every sentence. About 3x faster than calling jieba,
    which matters when a 50,000-example library is indexed; tests check that it cuts exactly as
    jieba does."""

    def __init__(self, jieba_tokenizer):
        self.jieba = jieba_tokenizer
        freq = jieba_tokenizer.FREQ
        logtotal = math.log(jieba_tokenizer.total)
        self._prefixes = freq
        self._logp = {w: math.log(f) - logtotal for w, f in freq.items() if f}
        self._unknown = -logtotal  # jieba scores an unknown single character as frequency 1

    def cut(self, s: str) -> list[str]:
        n = len(s)
        if n == 0:
            return []
        logp, prefixes, unknown = self._logp, self._prefixes, self._unknown
        best = [0.0] * (n + 1)
        nxt = [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            b = None
            e = i + 1
            j = i + 1
            frag = s[i]
            while j <= n and frag in prefixes:
                lp = logp.get(frag)
                if lp is not None:
                    v = lp + best[j]
                    if b is None or v >= b:  # ties go to the longer word, as in jieba
                        b, e = v, j
                j += 1
                frag = s[i:j]
            if b is None:
                b = unknown + best[i + 1]
                e = i + 1
            best[i] = b
            nxt[i] = e
        out: list[str] = []
        buf = ""
        i = 0
        while i < n:
            e = nxt[i]
            if e == i + 1 and s[i] in _ASCII_ALNUM:
                buf += s[i]
            else:
                if buf:
                    out.append(buf)
                    buf = ""
                out.append(s[i:e])
            i = e
        if buf:
            out.append(buf)
        return out


def _segmenter(dictionary: Path, cache_dir: Path | None) -> Segmenter:
    """One initialised jieba dictionary per file, shared by every Tokenizer: loading it is the
    expensive part, and it is never changed after loading (library words live in an overlay)."""
    with _jieba_lock:
        seg = _segmenters.get(dictionary)
        if seg is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer(str(dictionary))
            if cache_dir is not None:
                cache_dir.mkdir(parents=True, exist_ok=True)
                tk.tmp_dir = str(cache_dir)
            tk.initialize()
            seg = _segmenters[dictionary] = Segmenter(tk)
        return seg


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression that finds the longest of ``words`` at each position, like the
    alternation of the words sorted longest first, but with the words merged into a prefix tree
    (你们|你好 -> 你(?:们|好)): the regex engine then tries one branch per character instead of
    every word, which makes a library of hundreds of words several times faster to scan."""
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word may end here: try the longer ones first, then stop
            return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + body + ")?"
        return body

    return build(trie)


class Tokenizer:
    """Segments normalised text into canonical tokens.

    Library words are kept in an overlay (longest-match first, before jieba sees the text), so
    that loading a new library never mutates the shared jieba dictionary and two libraries in one
    process cannot disturb each other.
    """

    def __init__(self, dictionary: Path, *, words: Iterable[str] = (), synonyms: Sequence[Sequence[str]] = (), cache_dir: Path | None = None):
        from .normalize import normalize

        self._segmenter = _segmenter(dictionary, cache_dir)
        self.canonical: dict[str, str] = {}
        for group in synonyms:
            norm = [normalize(w).replace(" ", "") for w in group]
            norm = [w for w in norm if w]
            if not norm:
                continue
            head = norm[0]
            for w in norm:
                self.canonical.setdefault(w, head)
        overlay = {normalize(w).replace(" ", "") for w in set(words)} | set(self.canonical)
        overlay = {w for w in overlay if len(w) >= 2}
        self._overlay_re = re.compile(trie_pattern(overlay)) if overlay else None
        self._memo: dict[str, tuple[str, ...]] = {}
        self._parts: dict[str, tuple[tuple[tuple[str, str], ...], str]] = {}
        self._chunks: dict[str, tuple[tuple[str, str], ...]] = {}

    def _chunk_pairs(self, chunk: str) -> tuple[tuple[str, str], ...]:
        """The (surface, canonical) tokens jieba cuts from a piece of text between library
        words, stopwords dropped. Remembered: the same pieces recur between different
        library words."""
        hit = self._chunks.get(chunk)
        if hit is not None:
            return hit
        pairs = []
        for token in self._segmenter.cut(chunk):
            if token not in STOPWORDS and token.strip():
                token = intern(token)  # the same words recur in thousands of examples
                pairs.append((token, intern(self.canonical_token(token))))
        hit = tuple(pairs)
        if len(self._chunks) < 200_000:
            self._chunks[chunk] = hit
        return hit

    def analyze_part(self, part: str, *, remember: bool = True) -> tuple[tuple[tuple[str, str], ...], str]:
        """``analyze`` of one clause (normalised text without spaces); remembered, since the
        same clauses (亲, 在吗, 包邮吗) recur across messages (an indexer that keeps its own
        record of each clause passes ``remember=False``)."""
        hit = self._parts.get(part)
        if hit is not None:
            return hit
        pairs: list[tuple[str, str]] = []
        pieces: list[str] = []
        pos = 0
        if self._overlay_re is not None:
            canonical = self.canonical
            for m in self._overlay_re.finditer(part):
                start = m.start()
                if start > pos:
                    chunk = part[pos:start]
                    pieces.append(chunk)
                    pairs.extend(self._chunk_pairs(chunk))
                word = m.group(0)
                if word not in STOPWORDS:
                    word = intern(word)
                    pairs.append((word, intern(self.canonical_token(word))))
                pieces.append(canonical.get(word, word))
                pos = m.end()
        if pos < len(part):
            chunk = part[pos:]
            pieces.append(chunk)
            pairs.extend(self._chunk_pairs(chunk))
        hit = (tuple(pairs), "".join(pieces))
        if remember and len(self._parts) < 200_000:
            self._parts[part] = hit
        return hit

    def analyze(self, normalized: str) -> tuple[tuple[tuple[str, str], ...], str]:
        """One pass over normalised text: the (surface, canonical) token pairs, stopwords and
        spaces removed, and the text with every synonym replaced by its canonical word (for
        bigrams and fuzzy comparison), clause breaks kept as spaces."""
        parts = [self.analyze_part(part) for part in normalized.split(" ") if part]
        if len(parts) == 1:
            return parts[0]
        return tuple(pair for pairs, _ in parts for pair in pairs), " ".join(text for _, text in parts)

    def forget(self) -> None:
        """Drop the remembered segmentations (after indexing a library, most are of its
        examples and would only hold memory)."""
        self._memo.clear()
        self._parts.clear()
        self._chunks.clear()

    def canonical_token(self, token: str) -> str:
        if token[0].isdigit() and _DIGITS_RE.match(token):
            # 155 and 165 (heights) are alike, 12315 (a hotline) is not: keep the size class
            return f"<num{min(len(token), 5)}>"
        return self.canonical.get(token, token)

    def tokens(self, normalized: str) -> tuple[str, ...]:
        """Canonical tokens: synonyms folded to their group's first word, numbers to <num>."""
        hit = self._memo.get(normalized)
        if hit is not None:
            return hit
        result = tuple(canon for _, canon in self.analyze(normalized)[0])
        if len(self._memo) < 200_000:
            self._memo[normalized] = result
        return result
