"""A small trained reading of a buyer's tone, beside the cues: logistic regression over character
1-3-grams of the message (each clause padded with a boundary mark, digits folded to 0), its tone
marks, its length and the ids of the cues found in it, trained on ``resources/mood_corpus.tsv``
(buyer messages labelled upset or calm, written for it).

The cues (``mood.py``) name words and frames; many upset buyers use none of them (等了十天了还没
动静, 问了三遍没人理) and many calm ones mention them innocently (12315是什么, 上次退款很快谢谢). The
model reads the whole message; ``mood.mood`` combines the two, and the cues still give the
explanation (the model only adds a ``tone`` cue naming the clause that weighed most).

The weights ship trained (``resources/mood_model.json.gz``, gzip-compressed JSON, with the corpus's SHA-256): scoring is a
few dictionary look-ups in plain Python, no NumPy, about as cheap as the cues. After editing the
corpus, train again (NumPy, a few seconds)::

    .venv/bin/python -m kefu_assist.checker.mood

(the cues live in ``mood.py``, which imports this module: the cue ids are passed in, never
imported from here.)
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

from . import gzjson
from .rules import fold

NGRAMS = (1, 2, 3)
# trained to near convergence with a light penalty: on the validation messages (NOTES-mood2.md) the
# earlier 400 epochs at rate 0.5 and L2 1e-3 left the weights small and the tone timid
EPOCHS = 1500
LEARNING_RATE = 2.0
L2 = 1e-4
MESSAGE_FEATURES = True
MIN_COUNT = 2  # grams seen in fewer messages of the corpus are left out (they generalise to nothing)
CORPUS_NAME = "mood_corpus.tsv"
MODEL_NAME = "mood_model.json.gz"  # gzip of the JSON (gzjson.py)
_CLAUSE = re.compile(r"[\s,，.。!！?？;；:：~～、…\"'“”()（）\[\]【】]+")
_DIGITS = str.maketrans("0123456789", "0000000000")
# Marks that carry tone on their own (？？？, ！！) are kept as grams of their clause's end.
_MARKS = re.compile(r"[?？]{2,}|[!！]{2,}|[?？]|[!！]")


def clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of ``text`` as spans (between punctuation and spaces)."""
    spans = []
    pos = 0
    for m in _CLAUSE.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _clause_grams(clause: str) -> list[str]:
    padded = f"<{clause}>"
    out = list(clause)
    for n in NGRAMS[1:]:
        out.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


# A clause that only greets or calls the agent says nothing of the buyer's mood (你好，??? 怎么回事
# reads as ??? 怎么回事): it is left out.
_GREETING = re.compile(r"(你好|您好|亲亲?|在吗|在么|在不在|老板|客服|店家|掌柜|hi|hello|哈喽|嗨|喂)+(呀|啊|哈|哦|呢)?")


def _length(folded: str) -> str:
    n = sum(ch.isalnum() for ch in folded)
    return "#len:s" if n < 8 else "#len:m" if n < 20 else "#len:l"


def grams(text: str, cue_ids: Iterable[str] = ()) -> list[str]:
    """The features of a message: each clause's character n-grams, its tone marks, its length
    (short, middling, long) and the ids of the cues found in it (``mood.cue_ids``: the model
    learns how far each kind of cue goes, 呵呵 less than 我要投诉)."""
    from .moodcanto import as_read  # canto28: written Cantonese read as the Mandarin the corpus mostly is

    folded = as_read(fold(text)).translate(_DIGITS)
    out: list[str] = []
    for start, end in clauses(folded):
        if _GREETING.fullmatch(folded, start, end):
            continue
        out.extend(_clause_grams(folded[start:end]))
    for m in _MARKS.finditer(folded):
        mark = m.group()
        out.append("!" * min(len(mark), 3) if mark[0] in "!！" else "?" * min(len(mark), 3))
    if MESSAGE_FEATURES:
        out.append(_length(folded))
        out.extend(f"#cue:{c}" for c in cue_ids)
    return out


@dataclass(frozen=True)
class MoodModel:
    weights: dict[str, float]
    bias: float
    corpus_sha256: str = ""

    def logit(self, text: str, cue_ids: Iterable[str] = ()) -> float:
        """``cue_ids``: the ids of the cues found in ``text`` (``mood.cue_ids``; ``mood`` passes
        the ones it found)."""
        w = self.weights
        feats = set(grams(text, cue_ids))
        return self.bias + sum(w.get(g, 0.0) for g in feats)

    def prob(self, text: str) -> float:
        """The model's probability that the buyer is upset."""
        z = self.logit(text)
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def strongest_clause(self, text: str) -> tuple[int, int] | None:
        """The clause whose grams push hardest towards upset (offsets into ``text``), or None."""
        folded = fold(text).translate(_DIGITS)
        best, best_span = 0.0, None
        for start, end in clauses(folded):
            score = sum(self.weights.get(g, 0.0) for g in set(_clause_grams(folded[start:end])))
            if score > best:
                best, best_span = score, (start, end)
        return best_span

    def as_json(self) -> str:
        ordered = {g: round(v, 4) for g, v in sorted(self.weights.items()) if round(v, 4) != 0.0}
        return json.dumps({"corpus_sha256": self.corpus_sha256, "bias": round(self.bias, 4), "weights": ordered},
                          ensure_ascii=False, indent=0, sort_keys=False)


def read_corpus(path: Path) -> list[tuple[str, str]]:
    """``label<TAB>message`` rows (label upset or calm); # lines and blank lines skipped."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        label, sep, text = line.partition("\t")
        if not sep or label not in ("upset", "calm") or not text.strip():
            raise ValueError(f"{path}:{number}: expected upset|calm<TAB>message")
        rows.append((label, text))
    return rows


def corpus_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _no_cues(text: str) -> list[str]:
    return []


def train(rows: Sequence[tuple[str, str]], sha256: str = "", cue_ids: Callable[[str], Iterable[str]] = _no_cues) -> MoodModel:
    """Logistic regression by full-batch gradient descent (deterministic: the same rows give the
    same weights). Binary features: does the message hold the gram. The matrix is kept sparse
    (the rows' gram columns), so a pass costs the corpus's grams, not messages x vocabulary."""
    import numpy as np

    docs = [sorted(set(grams(text, cue_ids(text)))) for _, text in rows]
    counts: dict[str, int] = {}
    for doc in docs:
        for g in doc:
            counts[g] = counts.get(g, 0) + 1
    vocab = sorted(g for g, c in counts.items() if c >= MIN_COUNT)
    column = {g: i for i, g in enumerate(vocab)}
    row_of, col_of = [], []
    for r, doc in enumerate(docs):
        for g in doc:
            if g in column:
                row_of.append(r)
                col_of.append(column[g])
    rows_ix = np.array(row_of, dtype=np.int64)
    cols_ix = np.array(col_of, dtype=np.int64)
    n, v = len(rows), len(vocab)
    y = np.array([1.0 if label == "upset" else 0.0 for label, _ in rows])
    # each class weighs the same, however many rows it has
    share = np.where(y == 1.0, 0.5 / max(y.sum(), 1.0), 0.5 / max((1 - y).sum(), 1.0))
    w = np.zeros(len(vocab))
    b = 0.0
    for _ in range(EPOCHS):
        z = np.clip(np.bincount(rows_ix, weights=w[cols_ix], minlength=n) + b, -30, 30)
        p = 1.0 / (1.0 + np.exp(-z))
        err = (p - y) * share
        w -= LEARNING_RATE * (np.bincount(cols_ix, weights=err[rows_ix], minlength=v) + L2 * w)
        b -= LEARNING_RATE * float(err.sum())
    return MoodModel({g: float(v) for g, v in zip(vocab, w)}, float(b), sha256)


def _resources() -> Path:
    from ..resources import resource_path

    return resource_path(CORPUS_NAME).parent


@lru_cache(maxsize=1)
def shipped_model() -> MoodModel | None:
    """The trained weights shipped with the program (None if the file is missing or broken:
    the cues then decide alone)."""
    try:
        data = gzjson.read(_resources() / MODEL_NAME)
        return MoodModel({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]), str(data.get("corpus_sha256", "")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def train_shipped(cue_ids: Callable[[str], Iterable[str]]) -> None:
    """Train on the shipped corpus and write the shipped weights (``mood.py`` runs this with its
    cues: ``python -m kefu_assist.checker.mood``)."""
    corpus = _resources() / CORPUS_NAME
    model = train(read_corpus(corpus), corpus_sha256(corpus), cue_ids)
    out = _resources() / MODEL_NAME
    gzjson.write(out, model.as_json() + "\n")
    print(f"{out}: {len(model.weights)} features, trained on {corpus}")
