"""The reply model's weights in memory: gram -> one weight per rule, held as the co-ranker holds
its n-grams (matching/coranker.py): integer keys and typed arrays, not a dict of tuples of floats.

The shipped model has 16,369 grams x 12 rules. As a dict of tuples of Python floats they kept
8.6 MB of every sidebar after load (tracemalloc, benchmarks/bench_replymodel.py); here 0.8 MB:
each gram is one integer (``gram_key``) in an open-addressing table of ``array('q')`` whose slots
point to the gram's row of weights, and the weights of all grams are one typed array, row after
row. The file keeps its format (``reply_model.json.gz``): the arrays are built when it is read.

Two choices differ from the co-ranker, both measured (benchmarks/bench_replymodel.py):

- The weights are written rounded to thousandths (``replymodel.train``), so they are kept as whole
  thousandths (``array('h')``, two bytes a weight; ``array('i')`` when one is past 32.767) and a
  clause's score is their integer sum divided by 1000: the same number as before to 1e-14,
  whatever order the grams come in. float32 would move a window's score by up to 4e-7, and the
  rules' thresholds are set 1e-6 from drafts of their validation files. A file whose weights are
  not all whole thousandths is kept as float64 (``array('d')``).
- A gram is found by hashing its key into the table (1.5 probes on average at half load), not by
  bisecting sorted keys: with bisection the p99 of each reply's median ``check`` time was 0.909 ms,
  hashed 0.824 ms, the dict 0.719 ms (one run of the benchmark, the same machine state).
"""
from __future__ import annotations

from array import array
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from itertools import repeat
from operator import truediv

SCALE = 1000  # weights in thousandths
_BITS = 21  # per character: every code point + 1 fits
_MASK = (1 << _BITS) - 1
MAX_GRAM = 3  # characters: three keys of 21 bits stay below 2**63


def gram_key(gram: str) -> int:
    """One gram of at most three characters as one integer below 2**63: each character's code
    point plus one in 21 bits, so no character is 0 and grams of different lengths never share a
    key (the co-ranker's ``gram_key`` gives ``\\0a`` the key of ``a``; a reply may hold a NUL)."""
    key = 0
    for ch in gram:
        key = key << _BITS | (ord(ch) + 1)
    return key


def gram_of(key: int) -> str:
    """The gram of a ``gram_key``."""
    chars = []
    while key:
        chars.append(chr((key & _MASK) - 1))
        key >>= _BITS
    return "".join(reversed(chars))


def _typed(rows: Iterable[Sequence[float]], width: int) -> tuple[array[int] | array[float], int]:
    """The weights of ``rows``, one row after another, as a typed array and the scale they are
    held at (see the module's docstring): built without a list of them on the way (196,428
    floats in a list would add 6 MB to the load's peak)."""
    for typecode, lo, hi in (("h", -(2**15), 2**15), ("i", -(2**31), 2**31)):
        out = array(typecode)
        for row in rows:
            if len(row) != width:
                raise ValueError(f"a gram has {len(row)} weights, not one for each of the {width} rules")
            for x in row:
                s = round(float(x) * SCALE)
                if not (lo <= s < hi and s / SCALE == x):
                    break
                out.append(s)
            else:
                continue
            break
        else:
            return out, SCALE
    floats = array("d")
    for row in rows:
        if len(row) != width:
            raise ValueError(f"a gram has {len(row)} weights, not one for each of the {width} rules")
        floats.extend(float(x) for x in row)
    return floats, 1


def _table_size(n: int) -> int:
    """A prime at least twice ``n`` (keys are spread by their remainder)."""
    size = 2 * n + 1
    while any(size % d == 0 for d in range(3, int(size**0.5) + 1, 2)):
        size += 2
    return size


class GramWeights(Mapping[str, tuple[float, ...]]):
    """gram -> one weight per rule (read-only). ``sums(positions(grams))`` scores a clause."""

    __slots__ = ("width", "_slots", "_rows", "_size", "_weights", "_scale", "_other", "_count")

    def __init__(self, rows: Mapping[str, Sequence[float]], width: int):
        """``rows``: gram -> ``width`` weights."""
        grams = list(rows)
        self.width = width
        self._count = len(grams)
        self._weights, self._scale = _typed(rows.values(), width)
        self._size = size = _table_size(len(grams))
        slots = array("q", bytes(8 * size))  # 0: empty (no gram's key is 0)
        where = array("h" if len(grams) < 2**15 else "i", bytes((2 if len(grams) < 2**15 else 4) * size))
        # grams whose key is not below 2**63 (longer than three characters, or empty): none of a
        # clause's grams (replymodel._clause_grams) is, so this stays empty for a trained model
        self._other: dict[str, int] = {}
        for row, gram in enumerate(grams):
            if not 0 < len(gram) <= MAX_GRAM:
                self._other[gram] = row
                continue
            key = gram_key(gram)
            at = key % size
            while at < len(slots) and slots[at]:
                at += 1
            if at == len(slots):
                slots.append(0)
                where.append(0)
            slots[at] = key
            where[at] = row
        slots.append(0)  # a probe always ends on an empty slot
        where.append(0)
        self._slots, self._rows = slots, where

    def positions(self, grams: Collection[str]) -> list[int]:
        """The row of each of ``grams`` that has weights (grams without weights are left out)."""
        slots, where, size = self._slots, self._rows, self._size
        out = []
        for gram in grams:
            key = 0
            for ch in gram:  # gram_key, inline: this loop is most of a check's time in the model
                key = key << _BITS | (ord(ch) + 1)
            at = key % size
            while True:
                found = slots[at]
                if not found:
                    break
                if found == key:
                    out.append(where[at])
                    break
                at += 1
        if self._other:
            out.extend(self._other[g] for g in grams if g in self._other)
        return out

    def sums(self, positions: Sequence[int]) -> tuple[float, ...]:
        """Each rule's sum of the weights of the rows at ``positions``."""
        k, w, scale = self.width, self._weights, self._scale
        if not positions:
            return (0.0,) * k
        return tuple(map(truediv, map(sum, zip(*[w[p * k : p * k + k] for p in positions])), repeat(scale)))

    def __getitem__(self, gram: str) -> tuple[float, ...]:
        found = self.positions([gram])
        if not found:
            raise KeyError(gram)
        return self.sums(found)

    def __iter__(self) -> Iterator[str]:
        yield from (gram_of(key) for key in self._slots if key)
        yield from self._other

    def __len__(self) -> int:
        return self._count

    def nbytes(self) -> int:
        """Bytes of the arrays' buffers."""
        return sum(a.itemsize * len(a) for a in (self._slots, self._rows, self._weights))
