"""jieba segmentation with the library's own words, synonyms folded to one canonical word.

jieba's full dictionary takes ~1.8 s to load on our machines; we ship the frequent part of it
(resources/jieba_dict.txt, see scripts/make_jieba_dict.py), which loads in ~0.05 s from our
cache and ~0.3 s without, and add each
library's vocabulary and synonym words on top. HMM guessing of unknown words is off: it doubles
the cost of a cut and its guesses are unstable across messages; character bigrams (see matcher)
cover words the dictionary does not know.
"""
from __future__ import annotations

import hashlib
import marshal
import math
import re
import threading
import zlib
from array import array
from bisect import bisect_left
from itertools import repeat
from operator import itemgetter, sub
from pathlib import Path
from sys import intern
from typing import Iterable, Sequence

from .. import sealed
from ..atomic import write_bytes
from ..paths import file_key, shipped_cache_dir

_DIGITS_RE = re.compile(r"^\d+(\.\d+)?$")
# Clothing sizes as buyers type them (after normalising: lower case, half-width): s, m, l, xl,
# xxl, 3xl, xs. Which size does not change what the buyer asks (XXL还是3XL and M还是L alike).
_SIZE_RE = CLOTHING_SIZE_RE = re.compile(r"(?:x{0,4}[sl]|m|[2-7]x[sl])")
# ... and the sizes of bags, straps, cages and gloves said in words (大号, 中号, 小号 …): 手长19用中号行不
# asks what 手长19用M行不 asks, 大号还有吗 what L还有吗 asks. Words of their own for the segmenter
# (it cut 中号 into 中 and 号, and 大码 into 大 and 码).
SIZE_WORDS = frozenset("大号 中号 小号 加大号 特大号 超大号 大码 中码 小码".split())

# A device's model number as buyers type it (14pro, iphone15promax, mate60pro, y7000p, a7m4, k70,
# m2, nc20): Latin letters and digits together in one word. Which model does not change what the
# buyer asks (14pro能装吗 and mate60能用吗 alike), so every one reads as one token, <model>. Not a
# clothing size (3xl: <size>), not a quantity with its unit (30ml, 25cm: below),
# and not a tracking or order code: no run of more than four digits (yt1234567890 stays a code).
MODEL_RE = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])(?![a-z]*\d{5})(?:[a-z]+\d{1,4}|\d{1,4}[a-z]+)(?:[a-z0-9]{0,8})")
MODEL_TOKEN = "<model>"
# A number with a Latin unit glued to it (30ml, 25cm, 65w, 500mah), or a lens's aperture (f2.8,
# f1.8), is a quantity, not a model: it stays the word it is (a variant named, 50ml的还有吗, as often
# as a capacity asked about; 24-70 f2.8 成像怎么样 asks about the picture, not the fit).
QUANTITY_RE = re.compile(r"\d+(?:\.\d+)?(?:ml|l|cm|mm|m|kg|g|mg|mah|w|v|kb|mb|gb|tb|mbs|hz|mhz|ghz|fps|k|p|t)|f\d{1,2}(?:\.\d)?")

# Particles and fillers that say nothing about what the buyer wants. They stay in the text for
# bigrams (在吗 is a greeting), but are not tokens of their own. 想问, 问问 and 问下 are lead-ins like
# 请问 (老板在不在呀 想问问车厘子 was hesitation.ask_family's 问问我老公 by that token; the person asked
# keeps that script its own).
STOPWORDS = frozenset(
    "的 了 吗 呢 吧 啊 呀 哦 噢 么 嘛 啦 呗 哈 喔 哇 咯 嗯 恩 额 呃 诶 欸 哎 唉 滴 哒 捏 麻 亲 亲亲 请问 想问 问问 问下 一下 这个 那个 就 都 也 还 又 是 有点".split()
)

# a line of jieba's dictionary: word, frequency, optional part-of-speech tag
_DICT_LINE_RE = re.compile(r"^[ \t]*(\S+) (\d+)(?: [^\n]*)?[ \t\r]*$", re.MULTILINE)

_segmenter_lock = threading.Lock()
_segmenters: dict[Path, "Segmenter"] = {}
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


class Segmenter:
    """jieba's dictionary segmentation without HMM (``Tokenizer.cut(text, HMM=False)``): the same
    maximum-probability route over the same prefix dictionary, with the word log-probabilities
    computed once instead of on every edge of every sentence. About 3x faster than calling jieba,
    which matters when a 50,000-example library is indexed; tests check that it cuts exactly as
    jieba does.

    The dictionary is read straight from jieba's text format (``word frequency [tag]`` a line)
    and kept in a cache file of our own: a word list and an array of log-probabilities, which
    load in a few hundredths of a second where jieba's marshalled prefix dictionary takes a
    quarter of one (start-up of the sidebar waits for it).

    The frozen build ships the cache file of its own dictionary, compressed (``SHIPPED_SUFFIX``),
    in its read-only cache folder (paths.shipped_cache_dir()): when the user's cache has no table,
    the shipped one is inflated into it (a first start need not build it, 0.4 s) and read from
    there. paths.file_key keys the bundle's dictionary by its place in the bundle, so the name is
    the same wherever the bundle was unpacked."""

    CACHE_FORMAT = 2  # 2: sealed files (sealed.py)
    SHIPPED_SUFFIX = ".zlib"  # after the cache file's name (1.2 MB -> 0.5 MB)

    def __init__(self, logp: dict[str, float | None], logtotal: float):
        # every word with its log-probability, and every proper prefix of a word with None
        self._prefixes = self._logp = logp
        self._unknown = -logtotal  # jieba scores an unknown single character as frequency 1

    @classmethod
    def from_dictionary(cls, dictionary: Path, cache_dir: Path | None = None) -> "Segmenter":
        cache = cls._cache_file(dictionary, cache_dir) if cache_dir is not None else None
        if cache is not None:
            loaded = cls._read_cache(cache)
            if loaded is None and cls._inflate_shipped(cache, shipped_cache_dir()):
                loaded = cls._read_cache(cache)
            if loaded is not None:
                return loaded
        text = dictionary.read_bytes().decode("utf-8-sig")
        entries = _DICT_LINE_RE.findall(text)
        lines = text.count("\n") + (not text.endswith("\n"))
        if len(entries) != lines and len(entries) != sum(1 for line in text.splitlines() if line.strip()):
            for lineno, line in enumerate(text.splitlines(), 1):
                if line.strip() and not _DICT_LINE_RE.fullmatch(line.strip()):
                    raise ValueError(f"{dictionary}:{lineno}: not 'word frequency [tag]': {line.strip()!r}")
        # Every step runs in C: this is on the way to the first suggestion after an install.
        counts = list(map(int, map(itemgetter(1), entries)))
        freq = dict(zip(map(itemgetter(0), entries), counts))  # a repeated word keeps its last count,
        total = sum(counts)  # and the total counts every line, as in jieba
        logtotal = math.log(total) if total > 0 else 0.0
        words = [w for w, f in freq.items() if f]
        logps = array("d", map(sub, map(math.log, map(freq.__getitem__, words)), repeat(logtotal)))
        prefixes = _all_prefixes(freq).difference(words)
        if cache is not None:
            cls._write_cache(cache, (cls.CACHE_FORMAT, "\n".join(words), logps.tobytes(), "\n".join(prefixes), logtotal))
        return cls._assemble(words, logps, prefixes, logtotal)

    @classmethod
    def _assemble(cls, words, logps, prefixes, logtotal: float) -> "Segmenter":
        logp: dict[str, float | None] = dict.fromkeys(prefixes)
        logp.update(zip(words, logps))
        return cls(logp, logtotal)

    @classmethod
    def _cache_file(cls, dictionary: Path, cache_dir: Path) -> Path:
        key = hashlib.sha256(f"{cls.CACHE_FORMAT}|{file_key(dictionary)}".encode()).hexdigest()[:24]
        return cache_dir / f"dictionary-{key}.bin"

    @classmethod
    def _inflate_shipped(cls, cache: Path, shipped: Path | None) -> bool:
        """Write the table shipped in the read-only folder ``shipped`` under ``cache``'s name
        into the user's cache file ``cache``; False when there is none or it cannot be (then
        the table is built from the dictionary, as without a shipped copy). A shipped table
        that is damaged is written, read back as None by _read_cache and rebuilt over."""
        if shipped is None:
            return False
        try:
            table = zlib.decompress((shipped / (cache.name + cls.SHIPPED_SUFFIX)).read_bytes())
            cache.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(cache, table, durable=False)
        except (OSError, zlib.error):
            return False
        return True

    @classmethod
    def _read_cache(cls, path: Path) -> "Segmenter | None":
        try:
            payload = sealed.unseal(path.read_bytes())
            if payload is None:  # another format, truncated or damaged: built again
                return None
            fmt, words, logps, prefixes, logtotal = marshal.loads(payload)
            if fmt != cls.CACHE_FORMAT:
                return None
            values = array("d")
            values.frombytes(logps)
            words_list = words.split("\n") if words else []
            if len(values) != len(words_list):
                return None
            return cls._assemble(words_list, values, prefixes.split("\n") if prefixes else [], logtotal)
        except (OSError, EOFError, ValueError, TypeError):  # missing, truncated, foreign: rebuild
            return None

    @staticmethod
    def _write_cache(path: Path, payload: tuple) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(path, sealed.seal(marshal.dumps(payload)), durable=False)
        except OSError:  # a read-only cache folder only costs the next start its speed
            pass

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


def _all_prefixes(words: Iterable[str]) -> set[str]:
    """Every word and every prefix of one (包邮 -> 包, 包邮), slicing in C one length at a time."""
    by_length = sorted(words, key=len, reverse=True)
    out = set(by_length)
    lengths = list(map(len, by_length))
    for size in range(1, lengths[0] if lengths else 0):
        longer = len(lengths) - bisect_left(lengths[::-1], size + 1)  # words longer than size
        out.update(map(itemgetter(slice(0, size)), by_length[:longer]))
    return out


def _segmenter(dictionary: Path, cache_dir: Path | None) -> Segmenter:
    """One loaded dictionary per file, shared by every Tokenizer: loading it is the expensive
    part, and it is never changed after loading (library words live in an overlay)."""
    with _segmenter_lock:
        seg = _segmenters.get(dictionary)
        if seg is None:
            seg = _segmenters[dictionary] = Segmenter.from_dictionary(dictionary, cache_dir)
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
        overlay = {normalize(w).replace(" ", "") for w in set(words)} | set(self.canonical) | SIZE_WORDS
        overlay = {w for w in overlay if len(w) >= 2}
        self.words = frozenset(overlay)
        # re.split with one group: [text, word, text, word, ..., text], texts possibly empty
        self._overlay_split = re.compile(f"({trie_pattern(overlay)})").split if overlay else None
        self._memo: dict[str, tuple[str, ...]] = {}
        self._parts: dict[str, tuple[tuple[tuple[str, str], ...], str]] = {}
        self._chunks: dict[str, tuple[tuple[str, str], ...]] = {}
        self._words: dict[str, tuple[tuple[tuple[str, str], ...], str]] = {}

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

    def split(self, part: str) -> list[str]:
        """A clause split into the library's words (longest first) and the text between them,
        in order, nothing empty. A piece of text between words is never itself a library word
        (the scan would have matched it), so ``piece in self.words`` tells the two apart."""
        if self._overlay_split is None:
            return [part]
        return list(filter(None, self._overlay_split(part)))

    def piece(self, text: str) -> tuple[tuple[tuple[str, str], ...], str]:
        """The (surface, canonical) tokens of one piece of ``split`` and its canonical text (a
        synonym replaced by its group's first word)."""
        if text not in self.words:
            return self._chunk_pairs(text), text
        hit = self._words.get(text)
        if hit is None:
            word = intern(text)
            pairs = () if word in STOPWORDS else ((word, intern(self.canonical_token(word))),)
            hit = self._words[text] = (pairs, self.canonical.get(word, word))
        return hit

    def analyze_part(self, part: str) -> tuple[tuple[tuple[str, str], ...], str]:
        """``analyze`` of one clause (normalised text without spaces); remembered, since the
        same clauses (亲, 在吗, 包邮吗) recur across messages."""
        hit = self._parts.get(part)
        if hit is not None:
            return hit
        pieces = [self.piece(text) for text in self.split(part)]
        if len(pieces) == 1:
            hit = pieces[0]
        else:
            hit = (tuple(pair for pairs, _ in pieces for pair in pairs), "".join(text for _, text in pieces))
        if len(self._parts) < 200_000:
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
        self._words.clear()

    def canonical_token(self, token: str) -> str:
        if token[0].isdigit() and _DIGITS_RE.match(token):
            # 155 and 165 (heights) are alike, 12315 (a hotline) is not: keep the size class
            return f"<num{min(len(token), 5)}>"
        if token[0] in "smlx2345678" and _SIZE_RE.fullmatch(token):
            return "<size>"
        if token in SIZE_WORDS:
            return "<size>"
        if token[0] in _ASCII_ALNUM and MODEL_RE.fullmatch(token) and not QUANTITY_RE.fullmatch(token) and token not in self.canonical:
            return MODEL_TOKEN
        return self.canonical.get(token, token)

    def tokens(self, normalized: str) -> tuple[str, ...]:
        """Canonical tokens: synonyms folded to their group's first word, numbers to <num>, clothing
        sizes to <size>."""
        hit = self._memo.get(normalized)
        if hit is not None:
            return hit
        result = tuple(canon for _, canon in self.analyze(normalized)[0])
        if len(self._memo) < 200_000:
            self._memo[normalized] = result
        return result
