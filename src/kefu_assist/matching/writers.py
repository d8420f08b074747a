"""The writers' question model: which scenario a buyer message asks about, learned from many
independent writers' labelled buyer questions, not only from the library's examples.

The co-ranker (coranker.py) learns at index build from the library a shop keeps, a few thousand
examples written by few hands. Independent writers, each with their own goods and buyers, wrote
about 10,000 labelled questions for the project's development sets (benchmarks/eval/matching/
writers/*.tsv). The same model (character n-grams, multinomial logistic regression,
coranker.train) trained offline on those and the shipped library's training rows is shipped as
resources/question_model.bin, and the matcher mixes its category probabilities into the
co-ranker's (MatcherConfig.writers_mix): P = (1 - mix) * P_library + mix * P_writers, for the
categories the model knows (the scenario ids of ../shared/scenarios.md); a shop's own categories
keep the co-ranker's alone. Its chatter class and gate are not used: the library's gate decides
what is chatter.

Measured with benchmarks/writers_model.py, six folds of development sets each held out of the
model's training in turn (2,684 questions), at the shipped mix of 0.3: top-1 2,551 -> 2,563, top-3
2,596 -> 2,601, several questions complete 461 -> 463 of 479, small talk 1,027 -> 1,028 of 1,065.

The file: one JSON header line (classes, counts, weight scale, the training data's SHA-256),
then the arrays' raw bytes (little-endian): gram keys (q), feature ids (i), idf (f), weights
(h: int16, times the scale), bias (f). Features whose largest weight is under 0.1 are
left out (78,000 grams -> 25,000; 1.6 MB in memory). Loading takes a few milliseconds and no NumPy.

    python3 tasks.py questiontrain      # after editing the writers' files, the library or the chatter corpus

Training and writing the file: writers_train.py (NumPy; nothing the program runs imports it).
"""
from __future__ import annotations

import json
import sys
from array import array
from functools import lru_cache
from pathlib import Path

from .coranker import CoRanker

MODEL_NAME = "question_model.bin"
MAGIC = b"kefu-assist question model 1\n"
ENDIAN = "little"


def load(path: Path) -> tuple[CoRanker, str]:
    """The model in a file and the SHA-256 of what it was trained on; ValueError for a file that
    is not one (cut short, another format)."""
    data = path.read_bytes()
    if not data.startswith(MAGIC):
        raise ValueError(f"{path}: not a question model")
    end = data.index(b"\n", len(MAGIC))
    header = json.loads(data[len(MAGIC) : end])
    classes = tuple(str(c) for c in header["classes"])
    grams, features, c = int(header["grams"]), int(header["features"]), len(classes)
    arrays = []
    offset = end + 1
    for code, count in (("q", grams), ("i", grams), ("f", features), ("h", features * c), ("f", c)):
        a = array(code)
        size = a.itemsize * count
        if offset + size > len(data):
            raise ValueError(f"{path}: cut short")
        a.frombytes(data[offset : offset + size])
        if sys.byteorder != ENDIAN:
            a.byteswap()
        arrays.append(a)
        offset += size
    if offset != len(data):
        raise ValueError(f"{path}: {len(data) - offset} bytes too many")
    keys, ids, idf, weights, bias = arrays
    return CoRanker(classes, keys, ids, idf, weights, bias, scale=float(header["scale"])), str(header.get("sha256", ""))


@lru_cache(maxsize=1)
def shipped() -> CoRanker | None:
    """The shipped model (None when its file is missing or broken: the co-ranker then decides
    alone, as before the twelfth session)."""
    from ..resources import resource_path

    try:
        return load(resource_path(MODEL_NAME))[0]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def mix(ours: dict[str, float], theirs: dict[str, float], weight: float) -> dict[str, float]:
    """The co-ranker's class probabilities with the writers' model's mixed in at ``weight``, for
    the classes the writers' model knows; a shop's own categories keep the co-ranker's."""
    return {label: (1.0 - weight) * p + weight * theirs.get(label, p) for label, p in ours.items()}
