"""Search over a library for 浏览全部, ``kefu-assist find`` and the ``/code`` lookup. No Qt.

Built once per library load: each rank's prepared strings (folded text, pinyin) are joined into
one string in the order results are listed (shorter title first, then library order), and the
category names are kept apart (searched once, not once per script). A keystroke then runs
``str.find`` over a rank's joined string (C speed, no Python code per script that does not hit),
maps each hit back to its script by bisection, stops as soon as the limit is certain (at the
first hits in list order for most ranks), and works out highlight spans only for the hits read.
Full-pinyin strings are joined per first letter: a match starts at a syllable, so a query scans
only the strings that start with its letter.

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
from itertools import accumulate
from typing import Callable

from .model import Library, Script
from .pinyin import variants

_SEP = "\x00"  # between the strings of one script in one tier: no query holds it
_SYL = "\x01"  # marks the start of a syllable in full-pinyin strings
_ASCII_QUERY = re.compile(r"^[a-z0-9]+$")
MAX_SUFFIX_SYLLABLES = 6  # full-pinyin matches start at a syllable and run at most this far
_BY_LETTER = ("full", "keyword_full")  # tiers of syllable suffixes (``_SYL`` + pinyin), joined per first letter

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
        # the category names apart (few, shared by many scripts): searched once, not per script
        labels = {c: library.category_label(c) for c in dict.fromkeys(s.category for s in scripts)}
        self._keywords = fold_many([_SEP.join(s.keywords) for s in scripts])
        self._body = fold_many([_SEP.join((*s.replies, *s.examples)) for s in scripts])
        self._id = [s.id.lower() for s in scripts]
        # the shape order: shorter titles first, then library order. Every tier's strings are
        # joined in this order, so that a tier ranked by shape can stop at its first hits.
        self._by_shape = sorted(range(len(scripts)), key=lambda i: (len(self._title[i]), i))
        self._shape_pos = [0] * len(scripts)
        for pos, i in enumerate(self._by_shape):
            self._shape_pos[i] = pos
        self._initials: list[str] = []
        self._full: list[str] = []
        self._keyword_init: list[str] = []
        self._keyword_full: list[str] = []
        for s in scripts:
            inits, full = _pinyin_strings(s.title)
            self._initials.append(inits)
            self._full.append(full)
            parts = [_pinyin_strings(kw) for kw in s.keywords]
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
        # Each tier's strings joined in shape order, and where each starts: a tier is searched
        # with str.find over the joined string (C speed, no Python code per script), and a
        # found offset maps back to its script by bisection.
        by_shape = self._by_shape
        self._whole: dict[str, str] = {}
        self._starts: dict[str, list[int]] = {}
        for name, strings in self._strings.items():
            if name in _BY_LETTER:
                continue
            self._join(name, [strings[i] for i in by_shape])
        # A full-pinyin match starts at a syllable, so its strings (every syllable's suffix, four
        # times the title) are joined per first letter: a query scans the 1/20 that can hold it.
        for name in _BY_LETTER:
            groups: dict[str, dict[int, list[str]]] = {}
            for pos, i in enumerate(by_shape):
                for suffix in self._strings[name][i].split(_SEP):
                    if len(suffix) > 1:
                        groups.setdefault(suffix[1], {}).setdefault(pos, []).append(suffix)
            for letter, per_script in groups.items():
                ordered = [""] * len(by_shape)
                for pos, suffixes in per_script.items():
                    ordered[pos] = _SEP.join(suffixes)
                self._join(f"{name}:{letter}", ordered)
        folded_labels = dict(zip(labels, fold_many(list(labels.values()))))
        self._labels = {c: (folded_labels[c], *_pinyin_strings(label)) for c, label in labels.items()}
        self._in_category: dict[str, list[int]] = {c: [] for c in labels}  # shape positions, ascending
        for pos, i in enumerate(by_shape):
            self._in_category[scripts[i].category].append(pos)

    def _join(self, name: str, ordered: list[str]) -> None:
        """``ordered`` joined, and where each of its strings starts in the joined string."""
        starts = list(accumulate(map((1).__add__, map(len, ordered)), initial=0))
        starts.pop()
        self._whole[name] = _SEP.join(ordered)
        self._starts[name] = starts

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
        # the separators of the joined strings can never be part of a query
        q = "".join(fold(query).split()).replace(_SEP, "").replace(_SYL, "")
        n = len(self.scripts)
        if not q:
            allowed = range(n) if category is None else [i for i in range(n) if self.scripts[i].category == category]
            picked = list(allowed)[:limit] if limit is not None else list(allowed)
            return [Hit(self.scripts[i], RANK_CODE) for i in picked]
        by_shape, shape_pos = self._by_shape, self._shape_pos
        only = None if category is None else set(self._in_category.get(category, ()))
        seen: set[int] = set()  # shape positions already listed (by a better rank)
        ascii_query = bool(_ASCII_QUERY.match(q))
        needle = _SYL + q

        def scan(name: str, text: str, want: int | None, at: bool = False) -> list:
            """Shape positions of the scripts whose ``name`` string holds ``text`` and that are
            not listed yet, ascending; at most ``want``. ``at``: (offset in the script's string,
            position) pairs instead, all of them, for ranks ordered by where the match is."""
            if name in _BY_LETTER:
                name = f"{name}:{text[1]}"
                if name not in self._whole:
                    return []
            whole, starts = self._whole[name], self._starts[name]
            find = whole.find
            out: list = []
            firsts = 0  # hits at the very start of their string (``at``): nothing later beats them
            p = find(text)
            while p != -1:
                k = bisect.bisect_right(starts, p) - 1
                if k not in seen and (only is None or k in only):
                    if at:
                        offset = p - starts[k]
                        out.append((offset, k))
                        firsts += offset == 0
                        if want is not None and firsts >= want:
                            break
                    else:
                        out.append(k)
                        if want is not None and len(out) >= want:
                            break
                if k + 1 >= n:
                    break
                p = find(text, starts[k + 1])
            return out

        def labelled(want: int | None) -> list[int]:
            """Shape positions of the scripts whose category's name matches (text or pinyin)."""
            out: list[int] = []
            for cat, (label, inits, full) in self._labels.items():
                if q in label or (ascii_query and (q in inits or needle in full)):
                    fresh = [k for k in self._in_category[cat] if k not in seen and (only is None or k in only)]
                    out.extend(fresh if want is None else fresh[:want])
            return out

        def codes(exact: bool) -> list[int]:
            return sorted(k for k in map(shape_pos.__getitem__, self._code_range(q, exact=exact)) if k not in seen and (only is None or k in only))

        tiers: list[tuple[int, str, Callable[[int | None], list[int]]]] = [
            (RANK_CODE, "shape", lambda want: codes(True)),
            (RANK_CODE_PREFIX, "shape", lambda want: codes(False)),
            (RANK_TITLE, "at", lambda want: self._by_offset(scan("title", q, want, at=True), want)),
        ]
        if ascii_query:
            tiers += [
                (RANK_INITIALS, "shape", lambda want: scan("initials", q, want)),
                (RANK_PINYIN, "shape", lambda want: scan("full", needle, want)),
                (RANK_KEYWORD, "merge", lambda want: scan("keywords", q, want) + scan("keyword_init", q, want) + scan("keyword_full", needle, want) + labelled(want)),
            ]
        else:
            tiers.append((RANK_KEYWORD, "merge", lambda want: scan("keywords", q, want) + labelled(want)))
        tiers += [
            (RANK_BODY, "at", lambda want: self._by_offset(scan("body", q, want, at=True), want)),
            (RANK_ID, "shape", lambda want: scan("id", q, want)),
        ]
        out: list[Hit] = []
        for rank, how, find in tiers:
            room = None if limit is None else limit - len(out)
            found = find(room)
            if how == "merge":  # several sorted lists, each the best ``room`` of its own
                found = sorted(set(found))
            if room is not None:
                found = found[:room]
            if not found:
                continue
            seen.update(found)
            out.extend(Hit(self.scripts[by_shape[k]], rank, self, q) for k in found)
            if limit is not None and len(out) >= limit:
                break
        return out

    @staticmethod
    def _by_offset(pairs: list[tuple[int, int]], want: int | None) -> list[int]:
        """Positions ordered by where the query stands in the script's string, then shape."""
        best = heapq.nsmallest(want, pairs) if want is not None and want < len(pairs) else sorted(pairs)
        return [k for _, k in best]

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
