"""Search over a library for 浏览全部, ``kefu-assist find`` and the ``/code`` lookup. No Qt.

Built once per library load; a keystroke then tests one prepared string per script and rank with
no Python code per script (``compress``/``map`` over ``operator.contains``), skips a rank whose
joined strings cannot hold the query, stops once the limit is certain, and works out highlight
spans only for the hits that are read.

What a query finds, best first (``Hit.rank``):

0. the script's 快捷编码, exactly            ``by``
1. a 快捷编码 starting with the query          ``b``
2. the title, as text                           ``包邮``, ``包郵`` (traditional and full width fold)
3. the title's pinyin initials                  ``by``, ``fp``
4. the title's full pinyin, from a syllable     ``baoyou``, ``baoy``, ``you``
5. a keyword or the category's name, as text or pinyin
6. a reply or an example, as text
7. the script id, as text

Pinyin covers titles, keywords and category names, with every reading of polyphonic characters
(see ``pinyin.variants`` for the cap); replies and examples are long and matched as text only.
Within a rank, an earlier match comes first, then a shorter title, then library order.
"""
from __future__ import annotations

import bisect
import functools
import heapq
import re
from dataclasses import dataclass
from itertools import compress, repeat
from operator import contains
from typing import Any, Callable

from .model import Library, Script
from .pinyin import variants

_SEP = "\x00"  # between the strings of one script in one tier: no query holds it
_SYL = "\x01"  # marks the start of a syllable in full-pinyin strings
_ASCII_QUERY = re.compile(r"^[a-z0-9]+$")
MAX_SUFFIX_SYLLABLES = 6  # full-pinyin matches start at a syllable and run at most this far

RANK_CODE, RANK_CODE_PREFIX, RANK_TITLE, RANK_INITIALS, RANK_PINYIN, RANK_KEYWORD, RANK_BODY, RANK_ID = range(8)
REASONS = ("code", "code_prefix", "title", "title_initials", "title_pinyin", "keyword", "text", "id")

# Full-width ASCII and the ideographic space to their half-width forms: the only NFKC folds that
# matter for typed queries and that keep one character for one character (spans stay valid).
_WIDE = re.compile("[\uff01-\uff5e\u3000]")


def _narrow(match: re.Match) -> str:
    ch = match.group(0)
    return " " if ch == "\u3000" else chr(ord(ch) - 0xFEE0)


@dataclass(frozen=True)
class Match:
    """Where a query matched: ``field`` is code, title, keyword, category, reply, example or id;
    ``index`` the keyword/reply/example number; ``spans`` (start, end) in ``text`` as written."""

    field: str
    index: int
    text: str
    spans: tuple[tuple[int, int], ...]

    def marked(self, left: str = "【", right: str = "】") -> str:
        out, last = [], 0
        for start, end in self.spans:
            out += [self.text[last:start], left, self.text[start:end], right]
            last = end
        out.append(self.text[last:])
        return "".join(out)


class Hit:
    """One result: the script, its rank (RANK_*, lower is better) and, read on demand, where the
    query matched (``match``; None for an empty query, which lists scripts in order)."""

    __slots__ = ("script", "rank", "_index", "_query", "_match")

    def __init__(self, script: Script, rank: int, index: "SearchIndex | None" = None, query: str = ""):
        self.script = script
        self.rank = rank
        self._index = index
        self._query = query
        self._match: Match | None | bool = False

    @property
    def reason(self) -> str:
        return REASONS[self.rank]

    @property
    def match(self) -> Match | None:
        if self._match is False:
            self._match = self._index._match(self.script, self.rank, self._query) if self._index is not None else None
        return self._match  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"Hit({self.script.id!r}, {self.reason})"


def nothing_found(query: str) -> str:
    """What the sidebar and the command line say when a search finds nothing."""
    return f"没有找到与“{query.strip()}”相关的话术"


def fold_many(texts: list[str]) -> list[str]:
    """Simplified, half-width, lower-case, one character for one character (so a position in
    the folded text is the same position in the text as written)."""
    if not texts:
        return []
    joined = "\n".join(t.replace("\n", " ") for t in texts)
    out = _fold_keep_length(joined)
    lines = out.split("\n")
    if len(lines) != len(texts):  # pragma: no cover - a fold never adds or removes line breaks
        return [_fold_keep_length(t.replace("\n", " ")) for t in texts]
    return lines


def fold(text: str) -> str:
    return _fold_keep_length(text)


def _fold_keep_length(text: str) -> str:
    from ..matching.normalize import to_simplified

    simple = to_simplified(text)
    if len(simple) != len(text):  # a rare phrase conversion changed the length: go char by char
        simple = "".join(c if len(c := to_simplified(ch)) == 1 else ch for ch in text)
    if _WIDE.search(simple):  # rare: str.translate would cost a dictionary hit per character
        simple = _WIDE.sub(_narrow, simple)
    lower = simple.lower()
    if len(lower) != len(simple):
        lower = "".join(c if len(c := ch.lower()) == 1 else ch for ch in simple)
    return lower


@functools.lru_cache(maxsize=65536)
def _pinyin_strings(text: str) -> tuple[str, str]:
    """(initials haystack, full-pinyin haystack) of one title, keyword or category name."""
    inits = _SEP.join(dict.fromkeys("".join(sy) for sy, _ in variants(text, full=False)))
    fulls: dict[str, None] = {}
    for syllables, _ in variants(text, full=True):
        for k in range(len(syllables)):
            fulls[_SYL + "".join(syllables[k : k + MAX_SUFFIX_SYLLABLES])] = None
    return inits, _SEP.join(fulls)


class SearchIndex:
    """Built once per library (``SearchIndex(library)``); ``search`` per keystroke."""

    def __init__(self, library: Library):
        self.library = library
        scripts = self.scripts = library.scripts
        self._order = {s.id: i for i, s in enumerate(scripts)}
        self._codes = {s.code: s for s in scripts if s.code}
        self._sorted_codes = sorted((s.code, i) for i, s in enumerate(scripts) if s.code)
        self._title = fold_many([s.title for s in scripts])
        labels = {c: library.category_label(c) for c in dict.fromkeys(s.category for s in scripts)}
        self._keywords = fold_many([_SEP.join((*s.keywords, labels[s.category])) for s in scripts])
        self._body = fold_many([_SEP.join((*s.replies, *s.examples)) for s in scripts])
        self._id = [s.id.lower() for s in scripts]
        self._shape = [(len(t), i) for i, t in enumerate(self._title)]  # shorter titles first, then library order
        label_py = {c: _pinyin_strings(label) for c, label in labels.items()}
        self._initials: list[str] = []
        self._full: list[str] = []
        self._keyword_init: list[str] = []
        self._keyword_full: list[str] = []
        for s in scripts:
            inits, full = _pinyin_strings(s.title)
            self._initials.append(inits)
            self._full.append(full)
            parts = [_pinyin_strings(kw) for kw in s.keywords] + [label_py[s.category]]
            self._keyword_init.append(_SEP.join(p[0] for p in parts))
            self._keyword_full.append(_SEP.join(p[1] for p in parts))
        self._strings = {
            "title": self._title,
            "keywords": self._keywords,
            "body": self._body,
            "id": self._id,
            "initials": self._initials,
            "full": self._full,
            "keyword_init": self._keyword_init,
            "keyword_full": self._keyword_full,
        }
        # Each tier's strings joined: one C-level scan tells whether a tier can hit at all, so a
        # query that finds little skips most per-script passes.
        self._whole = {name: _SEP.join(strings) for name, strings in self._strings.items()}

    def _code_range(self, q: str, exact: bool = False) -> list[int]:
        """Scripts whose code is ``q`` (or starts with it), by bisection over the sorted codes."""
        codes = self._sorted_codes
        lo = bisect.bisect_left(codes, (q, -1))
        hi = bisect.bisect_left(codes, (q + "\x00", -1) if exact else (q + "\x7f", -1))
        return [i for _, i in codes[lo:hi]]

    # -- the /code lookup ------------------------------------------------------------------
    def by_code(self, code: str) -> Script | None:
        """The script whose 快捷编码 is ``code`` (typed in any case or width), or None."""
        return self._codes.get(fold(code.strip()))

    def code_prefix(self, prefix: str, limit: int = 10) -> list[Script]:
        """Scripts whose code starts with ``prefix``: the exact code first, then shorter codes,
        then library order. What the message box offers after ``/``."""
        p = fold(prefix.strip())
        if not p:
            return []
        found = [self.scripts[i] for i in self._code_range(p)]
        found.sort(key=lambda s: (len(s.code or ""), self._order[s.id]))  # the exact code is the shortest
        return found[:limit]

    # -- search ----------------------------------------------------------------------------
    def search(self, query: str, *, category: str | None = None, limit: int | None = 100) -> list[Hit]:
        """Scripts matching ``query``, best first (see the module doc), at most ``limit``.
        An empty query lists every script (of ``category`` when given) in library order.

        Ranks are tried best first and the search stops once ``limit`` results are certain, so
        the one-letter queries that hit thousands of scripts cost the least; a hit's highlight
        (``Hit.match``) is worked out when it is first read."""
        q = "".join(fold(query).split())
        n = len(self.scripts)
        allowed: range | list[int] = range(n) if category is None else [i for i in range(n) if self.scripts[i].category == category]
        if not q:
            picked = list(allowed)[:limit] if limit is not None else list(allowed)
            return [Hit(self.scripts[i], RANK_CODE) for i in picked]
        title, body = self._title, self._body
        whole = self._whole
        in_category = None if category is None else set(allowed)

        def scan(name: str, needle: str) -> list[int]:
            """Indexes of the scripts whose ``name`` string holds ``needle``: one C-level scan of
            the joined strings, then (if it can hit) a pass with no Python code per script."""
            if needle not in whole[name]:
                return []
            strings = self._strings[name]
            if in_category is None:
                return list(compress(range(n), map(contains, strings, repeat(needle))))
            return [i for i in allowed if needle in strings[i]]

        def codes(exact: bool) -> list[int]:
            found = self._code_range(q, exact=exact)
            return found if in_category is None else [i for i in found if i in in_category]

        specs: list[tuple[int, Callable[[], list[int]]]] = [
            (RANK_CODE, lambda: codes(True)),
            (RANK_CODE_PREFIX, lambda: codes(False)),
            (RANK_TITLE, lambda: scan("title", q)),
        ]
        if _ASCII_QUERY.match(q):
            needle = _SYL + q
            specs += [
                (RANK_INITIALS, lambda: scan("initials", q)),
                (RANK_PINYIN, lambda: scan("full", needle)),
                (RANK_KEYWORD, lambda: scan("keywords", q) + scan("keyword_init", q) + scan("keyword_full", needle)),
            ]
        else:
            specs.append((RANK_KEYWORD, lambda: scan("keywords", q)))
        specs += [(RANK_BODY, lambda: scan("body", q)), (RANK_ID, lambda: scan("id", q))]
        tiers = specs
        out: list[Hit] = []
        seen: set[int] = set()
        shape = self._shape
        for rank, find in tiers:
            found = [i for i in dict.fromkeys(find()) if i not in seen]
            if not found:
                continue
            seen.update(found)
            key: Callable[[int], Any]
            if rank == RANK_TITLE:
                key = lambda i: (title[i].find(q), shape[i])  # noqa: E731
            elif rank == RANK_BODY:
                key = lambda i: (body[i].find(q), shape[i])  # noqa: E731
            else:
                key = shape.__getitem__
            room = None if limit is None else limit - len(out)
            ordered = heapq.nsmallest(room, found, key=key) if room is not None and room < len(found) else sorted(found, key=key)
            out.extend(Hit(self.scripts[i], rank, self, q) for i in ordered)
            if limit is not None and len(out) >= limit:
                break
        return out

    # -- spans, for the results shown only -------------------------------------------------
    def _match(self, s: Script, rank: int, q: str) -> Match:
        if rank in (RANK_CODE, RANK_CODE_PREFIX):
            assert s.code is not None
            return Match("code", 0, s.code, ((0, len(q)),))
        if rank == RANK_TITLE:
            return _literal("title", 0, s.title, q)  # type: ignore[return-value]
        if rank in (RANK_INITIALS, RANK_PINYIN):
            found = _pinyin_span(s.title, q, full=rank == RANK_PINYIN)
            if found is not None:
                return Match("title", 0, s.title, (found,))
        if rank == RANK_KEYWORD:
            label = self.library.category_label(s.category)
            fields = [("keyword", k, kw) for k, kw in enumerate(s.keywords)] + [("category", 0, label)]
            for field, k, text in fields:
                m = _literal(field, k, text, q)
                if m is not None:
                    return m
            if _ASCII_QUERY.match(q):
                for full in (False, True):
                    for field, k, text in fields:
                        found = _pinyin_span(text, q, full=full)
                        if found is not None:
                            return Match(field, k, text, (found,))
        if rank == RANK_BODY:
            fields = [("reply", k, r) for k, r in enumerate(s.replies)] + [("example", k, e) for k, e in enumerate(s.examples)]
            for field, k, text in fields:
                m = _literal(field, k, text, q)
                if m is not None:
                    return m
        m = _literal("id", 0, s.id, q)
        return m if m is not None else Match("title", 0, s.title, ())


def _literal(field: str, index: int, text: str, q: str) -> Match | None:
    folded = fold(text)
    spans = []
    start = folded.find(q)
    while start != -1:
        spans.append((start, start + len(q)))
        start = folded.find(q, start + len(q))
    return Match(field, index, text, tuple(spans)) if spans else None


def _pinyin_span(text: str, q: str, *, full: bool) -> tuple[int, int] | None:
    """The characters of ``text`` whose readings spell ``q`` (from a syllable start, the last
    syllable possibly typed only in part), earliest first."""
    best: tuple[int, int] | None = None
    for syllables, index in variants(text, full=full):
        joined = "".join(syllables)
        starts, pos = [], 0
        for sy in syllables:
            starts.append(pos)
            pos += len(sy)
        for k, start in enumerate(starts):
            if joined.startswith(q, start):
                end = start + len(q)
                last = k
                while last + 1 < len(starts) and starts[last + 1] < end:
                    last += 1
                span = (index[k], index[last] + 1)
                if best is None or span < best:
                    best = span
                break
    return best
