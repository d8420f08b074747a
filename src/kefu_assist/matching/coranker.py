"""A trained co-ranker: which category a buyer message belongs to, as probabilities, with one class
more than the library has, "chatter and noise" (the off-topic gate).

A character n-gram linear model (multinomial logistic regression over TF-IDF character 1-3-grams
of the normalised text, each clause padded with a boundary mark, digits folded to one) is trained
on the library's examples, its small-talk examples and the chatter corpus (resources/chatter.txt)
when the index is built, and saved with the index, so an unchanged library never trains again.
On the shipped library such a model ranks the right category first far more often than nearest-
example matching does (benchmarks/ablation.py), and its probabilities say how sure it is: the
matcher mixes them into each script's score and lets the off-topic class veto confidence.

Training uses NumPy (imports in ~0.1 s), scoring plain Python over the cached weights; scikit-learn's LinearSVC ranks as well
but costs 1.4-2.2 s and 113-122 MB to import, and ~210 MB installed (NOTES-matching-gate.md).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from array import array
from itertools import repeat
from operator import add, mul
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from .tokenize import CLOTHING_SIZE_RE, MODEL_RE, QUANTITY_RE, SIZE_WORDS

OFFTOPIC = "__chatter__"
MEMO_SIZE = 256  # texts whose probabilities a CoRanker keeps (proba_and_gate)
NGRAMS = (1, 2, 3)
# Training examples at most: the chatter corpus whole, the rest shared out among the library's
# classes (each keeps all of its examples up to an equal share): training costs about the same for
# a library of 100 scripts as for one of 10,000 (the shipped library, 2,363 examples and 887
# chatter lines, trains whole, with room for examples agents teach it). 3,400 until the corpus
# learned stories that name shop things (issue 10): 3,600 keeps the library's share at 10,000
# scripts what it was (2,794 rows then, 2,713 now). 3,700 since the thirteenth session's examples
# (2,646 library rows and 879 chatter lines: 3,525, the 100 rows kept for learned examples gone).
MAX_ROWS = 3700
EPOCHS = 25
INIT_SCALE = 8.0
L2 = 2e-4  # weight decay per epoch, relative to the learning rate
LEARNING_RATE = 0.25
_DIGITS = str.maketrans("0123456789", "0000000000")
# Clothing sizes fold to one mark, as the tokenizer folds them to one token (3XL还有吗 is M码还有吗,
# 大号还有吗 too)
_SIZE_RE = re.compile(r"(?<![a-z])(?:\d?x{1,4}[sl]|[sml])(?![a-z])|" + "|".join(sorted(SIZE_WORDS, key=len, reverse=True)))
SIZE_MARK = "\u24c8"
# ... and a device's model number to another (14pro能装吗 is mate60能装吗), as the tokenizer folds
# it to <model>; a quantity with its unit (30ml) keeps its letters
_MODEL_WORD_RE = re.compile(r"(?<![a-z0-9])[a-z0-9]*(?:[a-z]\d|\d[a-z])[a-z0-9]*(?![a-z0-9])")
MODEL_MARK = "\u24c2"


def _model_mark(match: re.Match) -> str:
    word = match.group(0)
    return MODEL_MARK if MODEL_RE.fullmatch(word) and not QUANTITY_RE.fullmatch(word) and not CLOTHING_SIZE_RE.fullmatch(word) else word


def grams(normalized: str) -> list[str]:
    """The character n-grams of a normalised text: per clause, with a boundary mark either side
    (so 吗 at a clause's end differs from 吗 inside one), digits folded to 0 (an order number is
    an order number, whatever its digits)."""
    out: list[str] = []
    text = normalized
    if _MODEL_WORD_RE.search(text) is not None:
        text = _MODEL_WORD_RE.sub(_model_mark, text)
    text = _SIZE_RE.sub(SIZE_MARK, text)
    for clause in text.translate(_DIGITS).split(" "):
        if not clause:
            continue
        padded = f"<{clause}>"
        out.extend(clause)  # unigrams without the marks
        for n in NGRAMS[1:]:
            out.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


@dataclass
class CoRanker:
    """The trained weights, in plain arrays: scoring a message needs no NumPy (a cached index
    starts without importing it) and takes a few dozen microseconds."""

    classes: tuple[str, ...]
    # The n-grams, each as one integer (gram_key), sorted, and the feature id of each: a dict
    # of 19,000 short strings took 2.5 MB of every sidebar's memory, these two arrays 0.2 MB.
    keys: array  # "q"
    ids: array  # "i"
    idf: array  # per feature
    weights: array  # features x classes, row-major
    bias: array  # per class
    # The off-topic gate: a binary model (chatter and noise or not) on the same features. The
    # multinomial model spreads its probability over two dozen classes, so that even a chatter
    # line it trained on (拜拜) got 0.16 for chatter; one decision trained alone is sharp.
    gate: array = field(default_factory=lambda: array("f"))  # per feature
    gate_bias: float = 0.0
    # what one unit of ``weights`` is worth: 1 for float weights ("f"), the quantisation step for
    # the writers' question model's int16 ones (writers.py)
    scale: float = 1.0

    @property
    def offtopic(self) -> int:
        return self.classes.index(OFFTOPIC)

    def proba(self, normalized: str) -> dict[str, float]:
        """Probability of each class for one normalised text (all classes, summing to 1)."""
        return self.proba_and_gate(normalized)[0]

    def proba_and_gate(self, normalized: str) -> tuple[dict[str, float], float]:
        """The class probabilities and the off-topic gate's probability that the text is
        chatter or noise (the off-topic class's probability for a model without a gate).

        A message's reading asks for the same texts more than once (a clause read for the
        message's scores, then again for a card beside the first; the whole message for the
        scores and for a second opinion: 706 calls for 416 texts over the benchmark's 125
        messages), so the texts read since :meth:`forget` (Matcher._suggest, at each message)
        are kept, at most ``MEMO_SIZE``. Each call gets its own dict (callers pop the chatter
        class from it); the memo is not pickled with the weights."""
        memo = self.__dict__.get("_memo")
        if memo is None:
            memo = self.__dict__["_memo"] = {}
        found = memo.get(normalized)
        if found is None:
            if len(memo) >= MEMO_SIZE:
                memo.clear()  # (a bound, not an LRU: a message's texts come together)
            found = memo[normalized] = self._proba_and_gate(normalized)
        return dict(found[0]), found[1]

    def forget(self) -> None:
        """Drop the kept answers: a new message's reading starts afresh (a benchmark's repeated
        messages are read again, not remembered)."""
        self.__dict__.pop("_memo", None)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_memo", None)
        return state

    def _proba_and_gate(self, normalized: str) -> tuple[dict[str, float], float]:
        counts = self._counts(normalized)
        logits = list(self.bias)
        vals: list[tuple[int, float]] = []
        if counts:
            idf, weights, c = self.idf, self.weights, len(self.classes)
            vals = [(fid, (1.0 + math.log(n)) * idf[fid]) for fid, n in counts.items()]
            norm = math.sqrt(sum(v * v for _, v in vals)) or 1.0
            vals = [(fid, v / norm) for fid, v in vals]
            scale = self.scale
            for fid, v in vals:
                logits = list(map(add, logits, map(mul, weights[fid * c : fid * c + c], repeat(v * scale))))
        top = max(logits)
        exp = [math.exp(z - top) for z in logits]
        total = sum(exp)
        out = {label: e / total for label, e in zip(self.classes, exp)}
        if not len(self.gate):
            return out, out.get(OFFTOPIC, 0.0)
        gate = self.gate
        z = self.gate_bias + sum(gate[fid] * v for fid, v in vals)
        return out, 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def _counts(self, normalized: str) -> dict[int, int]:
        counts: dict[int, int] = {}
        keys, ids, n = self.keys, self.ids, len(self.keys)
        for key in map(gram_key, grams(normalized)):
            pos = bisect_left(keys, key)
            if pos < n and keys[pos] == key:
                fid = ids[pos]
                counts[fid] = counts.get(fid, 0) + 1
        return counts

    @staticmethod
    def index(vocab: dict[str, int]) -> tuple[array, array]:
        """(keys, ids) of a gram -> feature id table."""
        pairs = sorted((gram_key(g), fid) for g, fid in vocab.items())
        return array("q", [k for k, _ in pairs]), array("i", [fid for _, fid in pairs])


def gram_key(gram: str) -> int:
    """One n-gram (at most three characters, none of them NUL) as one integer below 2**63: 21
    bits a character, so that grams of different lengths never share a key."""
    key = 0
    for ch in gram:
        key = key << 21 | ord(ch)
    return key


def train(samples: Sequence[tuple[str, str, float]], max_rows: int | None = None) -> CoRanker | None:
    """Train on (normalised text, class, weight) samples; None when there is nothing to learn
    from (fewer than two classes). ``max_rows``: the budget of rows, MAX_ROWS unless given (the
    writers' question model, trained offline, takes every row)."""
    import numpy as np

    by_class: dict[str, list[tuple[str, float]]] = {}
    for text, label, weight in samples:
        if text and weight > 0:
            by_class.setdefault(label, []).append((text, weight))
    if len(by_class) < 2:
        return None
    classes = tuple(sorted(by_class))
    rows: list[tuple[list[str], int, float]] = []
    # The chatter corpus is shipped and bounded: it trains whole, and the library's classes (and
    # the examples agents taught it) share what is left. Thinning it as the largest class let a
    # library grown by a few hundred examples turn 886 and 早上好呀 confident again.
    reserved = len(dict.fromkeys(by_class.get(OFFTOPIC, ())))
    share = class_share({label: len(items) for label, items in by_class.items() if label != OFFTOPIC}, max((MAX_ROWS if max_rows is None else max_rows) - reserved, len(by_class)))
    for c_idx, label in enumerate(classes):
        items = list(dict.fromkeys(by_class[label]))
        if label != OFFTOPIC:
            items = thin(items, share)
        rows.extend((grams(text), c_idx, weight) for text, weight in items)
    vocab: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    counts: list[int] = []
    for gs, _, _ in rows:
        row: dict[int, int] = {}
        for g in gs:
            fid = vocab.setdefault(g, len(vocab))
            row[fid] = row.get(fid, 0) + 1
        indices.extend(row.keys())
        counts.extend(row.values())
        indptr.append(len(indices))
    n, f, c = len(rows), len(vocab), len(classes)
    ind = np.asarray(indices, dtype=np.int64)
    ptr = np.asarray(indptr, dtype=np.int64)
    del indices, indptr
    df = np.bincount(ind, minlength=f).astype(np.float64)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    data = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * idf[ind]
    del counts
    row_of = np.repeat(np.arange(n), np.diff(ptr))
    norms = np.sqrt(np.bincount(row_of, weights=data * data, minlength=n))
    data /= np.where(norms > 0, norms, 1.0)[row_of]
    y = np.asarray([r[1] for r in rows], dtype=np.int64)
    sample_w = np.asarray([r[2] for r in rows], dtype=np.float64)
    del rows
    # Classes count alike, whatever their number of examples (the chatter corpus is large).
    class_n = np.bincount(y, weights=sample_w, minlength=c)
    sample_w = sample_w * (sample_w.sum() / (c * class_n[y]))
    sample_w /= sample_w.sum()
    data = data.astype(np.float32)
    sample_w = sample_w.astype(np.float32)
    onehot = np.zeros((n, c), dtype=np.float32)
    onehot[np.arange(n), y] = 1.0
    # X^T G as a sum over the non-zeros sorted by feature (every feature occurs in some row: the
    # vocabulary is the rows' grams, so the features' runs are 0 .. f-1 in order)
    order = np.argsort(ind, kind="stable")
    row_sorted, data_sorted = row_of[order], data[order]
    by_feature = np.append(np.flatnonzero(np.r_[True, np.diff(ind[order]) != 0]), len(ind))
    del order
    nonempty = np.diff(ptr) > 0
    # The non-zeros x classes products are formed a block of rows (or of features) at a time,
    # each block's sums the same additions in the same order as over the whole: the same
    # weights to the last bit, without the 11 MB temporaries a 10,000-script library's rows
    # made at once (which decided the build's peak memory).
    block = max(1, BLOCK_VALUES // c)
    row_blocks = _blocks(ptr, block)
    feature_blocks = _blocks(by_feature, block)
    # Start from the classes' centroids (Rocchio), which already rank well, so that a few dozen
    # full-batch steps reach what a cold start needs hundreds for.
    w = np.zeros((f, c), dtype=np.float32)
    for j0, j1 in feature_blocks:
        lo, hi = by_feature[j0], by_feature[j1]
        w[j0:j1] = np.add.reduceat(onehot[row_sorted[lo:hi]] * data_sorted[lo:hi, None], by_feature[j0:j1] - lo, axis=0)
    w /= np.maximum(np.sqrt((w * w).sum(axis=0)), 1e-9)
    w *= INIT_SCALE
    b = np.zeros(c, dtype=np.float32)
    m_w, v_w = np.zeros_like(w), np.zeros_like(w)
    m_b, v_b = np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    logits = np.zeros((n, c), dtype=np.float32)
    # Full-batch Adam on the weighted cross-entropy, in place, a block of features at a time:
    # a feature's gradient needs only the rows' logits (computed first, from the weights before
    # the step) and its own weights, so each block takes its step as soon as its gradient is known.
    for t in range(1, EPOCHS + 1):
        logits.fill(0.0)
        for r0, r1 in row_blocks:
            lo, hi = ptr[r0], ptr[r1]
            if lo == hi:
                continue
            filled = nonempty[r0:r1]
            contrib = w[ind[lo:hi]]
            contrib *= data[lo:hi, None]
            logits[r0:r1][filled] = np.add.reduceat(contrib, ptr[r0:r1][filled] - lo, axis=0)
        logits += b
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=1, keepdims=True)
        logits -= onehot
        logits *= sample_w[:, None]  # now the gradient of each row's logits
        g_b = logits.sum(axis=0)
        lr = LEARNING_RATE * math.sqrt(1 - beta2**t) / (1 - beta1**t)
        for j0, j1 in feature_blocks:
            lo, hi = by_feature[j0], by_feature[j1]
            spread = logits[row_sorted[lo:hi]]
            spread *= data_sorted[lo:hi, None]
            g_w = np.add.reduceat(spread, by_feature[j0:j1] - lo, axis=0)
            del spread
            w_j, m_j, v_j = w[j0:j1], m_w[j0:j1], v_w[j0:j1]
            g_w += L2 * w_j
            m_j *= beta1
            m_j += (1 - beta1) * g_w
            g_w *= g_w
            v_j *= beta2
            v_j += (1 - beta2) * g_w
            step = np.sqrt(v_j, out=g_w)
            step += eps
            np.divide(m_j, step, out=step)
            step *= lr
            w_j -= step
        m_b = beta1 * m_b + (1 - beta1) * g_b
        v_b = beta2 * v_b + (1 - beta2) * g_b * g_b
        b -= lr * m_b / (np.sqrt(v_b) + eps)
    del m_w, v_w, logits, onehot, row_sorted, data_sorted  # before the gate's arrays and the result's copies
    gate, gate_bias = array("f"), 0.0
    if OFFTOPIC in classes:
        is_off = (y == classes.index(OFFTOPIC)).astype(np.float32)
        # Digits say nothing to the gate: bare numbers, codes and links never reach it
        # (matcher._is_noise), and 175 65kg or 别家才89 are shopping questions.
        words = np.fromiter(("0" not in g for g in vocab), dtype=np.float32, count=f)
        g, gate_bias = _train_gate(ind, data * words[ind], ptr, nonempty, is_off, f)
        gate = _floats(g)
    return CoRanker(classes, *CoRanker.index(vocab), _floats(idf), _floats(w), _floats(b), gate, gate_bias)


def _floats(values) -> array:
    """A NumPy array's values as an array("f"), copied once (float32 weights are not converted)."""
    import numpy as np

    out = array("f")
    out.frombytes(np.ascontiguousarray(values, dtype=np.float32).data.cast("B"))
    return out


BLOCK_VALUES = 1 << 18  # float32 values of one block's non-zeros x classes products (1 MB)


def _blocks(bounds, size: int) -> list[tuple[int, int]]:
    """Consecutive runs [i, j) of the segments bounds[k] .. bounds[k + 1] (rows, or features)
    holding at most ``size`` values each; a longer segment makes a run alone."""
    import numpy as np

    out: list[tuple[int, int]] = []
    i, last = 0, len(bounds) - 1
    while i < last:
        j = min(max(int(np.searchsorted(bounds, bounds[i] + size, side="right")) - 1, i + 1), last)
        out.append((i, j))
        i = j
    return out


GATE_EPOCHS = 60
GATE_LEARNING_RATE = 0.3
GATE_L2 = 1e-4


def _train_gate(ind, data, ptr, nonempty, is_off, f: int):
    """Logistic regression, chatter and noise against everything else, the two sides weighted
    alike, full-batch Adam from zero: a vector per feature, so each epoch costs a fraction of
    one of the multinomial model's."""
    import numpy as np

    n = len(is_off)
    pos = float(is_off.sum())
    if pos == 0 or pos == n:
        return np.zeros(f, dtype=np.float32), 0.0
    sw = np.where(is_off > 0, 0.5 / pos, 0.5 / (n - pos)).astype(np.float32)
    starts_rows = ptr[:-1][nonempty]
    w = np.zeros(f, dtype=np.float32)
    b = 0.0
    m_w, v_w = np.zeros_like(w), np.zeros_like(w)
    m_b = v_b = 0.0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    row_of = np.repeat(np.arange(n), np.diff(ptr))
    for t in range(1, GATE_EPOCHS + 1):
        z = np.full(n, b, dtype=np.float32)
        z[nonempty] += np.add.reduceat(w[ind] * data, starts_rows)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g_rows = (p - is_off) * sw
        g_w = np.bincount(ind, weights=g_rows[row_of] * data, minlength=f).astype(np.float32) + GATE_L2 * w
        g_b = float(g_rows.sum())
        m_w *= beta1
        m_w += (1 - beta1) * g_w
        v_w *= beta2
        v_w += (1 - beta2) * g_w * g_w
        m_b = beta1 * m_b + (1 - beta1) * g_b
        v_b = beta2 * v_b + (1 - beta2) * g_b * g_b
        lr = GATE_LEARNING_RATE * math.sqrt(1 - beta2**t) / (1 - beta1**t)
        w -= lr * m_w / (np.sqrt(v_w) + eps)
        b -= lr * m_b / (math.sqrt(v_b) + eps)
    return w, b


def class_share(sizes: dict[str, int], total: int | None = None) -> int:
    """The most examples any one class keeps so that all of them together stay within
    ``total`` (MAX_ROWS): small classes keep everything, large ones share what is left."""
    total = MAX_ROWS if total is None else total
    if sum(sizes.values()) <= total:
        return max(sizes.values(), default=0)
    lo, hi = 1, max(sizes.values())
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(min(n, mid) for n in sizes.values()) <= total:
            lo = mid
        else:
            hi = mid - 1
    return lo


def thin(items: list, keep: int) -> list:
    """At most ``keep`` of ``items``, evenly spaced (so every script of a class is sampled)."""
    if len(items) <= keep:
        return items
    step = len(items) / keep
    return [items[int(i * step)] for i in range(keep)]


def read_corpus(lines: Iterable[str]) -> list[str]:
    """The messages of a chatter file: one a line, # comments and blank lines skipped."""
    return [s for s in (line.strip() for line in lines) if s and not s.startswith("#")]
