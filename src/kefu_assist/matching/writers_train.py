"""Training the writers' question model (writers.py) and writing resources/question_model.bin:
``python3 tasks.py questiontrain``. Offline only: NumPy, the library's matcher and the writers'
files of a checkout (benchmarks/eval/matching/writers/*.tsv)."""
from __future__ import annotations

import hashlib
import json
import sys
from array import array
from pathlib import Path
from typing import Sequence

from . import coranker as coranker_module
from .coranker import CoRanker
from .writers import ENDIAN, MAGIC, MODEL_NAME

PRUNE_BELOW = 0.1  # a feature whose every class weight is smaller than this says next to nothing


def read_rows(files: Sequence[Path]) -> list[tuple[str, str, float]]:
    """(raw text, class, weight) rows of labelled question files, read as ``kefu-assist eval``
    reads them (evaluation.read_cases): ``none`` is chatter, ``a|b`` two rows at half weight,
    multi-question lines (a+b) are left out: they are no example of one scenario."""
    from ..evaluation import read_cases

    rows: list[tuple[str, str, float]] = []
    for path in files:
        for case in read_cases(path):
            if case.kind == "multi":
                continue
            classes = [coranker_module.OFFTOPIC] if case.kind == "none" else list(case.categories)
            rows.extend((case.question, label, 1.0 / len(classes)) for label in classes)
    return rows


def samples(files: Sequence[Path]) -> list[tuple[str, str, float]]:
    """(normalised text, class, weight) training rows of labelled question files (read_rows)."""
    from .normalize import normalize_many

    rows = read_rows(files)
    texts = normalize_many([text for text, _, _ in rows])
    return [(t, label, weight) for t, (_, label, weight) in zip(texts, rows) if t]


def train(samples: Sequence[tuple[str, str, float]]) -> CoRanker | None:
    """The co-ranker's model on every sample (no share per class: trained offline), its weak
    features pruned and its weights stored as int16 (CoRanker.scale)."""
    import numpy as np

    model = coranker_module.train(samples, max_rows=len(samples) + 1)
    if model is None:
        return None
    c = len(model.classes)
    weights = np.frombuffer(model.weights, dtype=np.float32).reshape(-1, c)
    keep = np.abs(weights).max(axis=1) >= PRUNE_BELOW
    kept = np.flatnonzero(keep)
    new_id = np.full(len(weights), -1, dtype=np.int64)
    new_id[kept] = np.arange(len(kept))
    keys = np.frombuffer(model.keys, dtype=np.int64)
    ids = np.frombuffer(model.ids, dtype=np.int32)
    on = keep[ids]
    scale = float(np.abs(weights[kept]).max()) / 32767.0 or 1.0
    quantized = np.round(weights[kept] / scale).astype(np.int16)
    idf = np.frombuffer(model.idf, dtype=np.float32)[kept]
    return CoRanker(model.classes, array("q", keys[on].tobytes()), array("i", new_id[ids[on]].astype(np.int32).tobytes()),
                    array("f", idf.tobytes()), array("h", quantized.tobytes()), model.bias, scale=scale)


def save(model: CoRanker, path: Path, sha256: str) -> None:
    header = {"classes": list(model.classes), "grams": len(model.keys), "features": len(model.idf), "scale": model.scale, "sha256": sha256}
    parts = [model.keys, model.ids, model.idf, model.weights, model.bias]
    if sys.byteorder != ENDIAN:
        parts = [array(a.typecode, a) for a in parts]
        for a in parts:
            a.byteswap()
    from ..atomic import write_bytes

    write_bytes(path, MAGIC + json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n" + b"".join(a.tobytes() for a in parts), new_file_mode=0o644)


def training_files(root: Path) -> list[Path]:
    """The writers' labelled question files of a checkout, in a fixed order: the writers' folder
    and the held-out sets once scored (benchmarks/heldout/NN/questions.tsv, development sets)."""
    bench = root / "benchmarks"
    return sorted((bench / "eval" / "matching" / "writers").glob("*.tsv")) + sorted(bench.glob("heldout/*/questions.tsv"))


def training_sha256(root: Path) -> str:
    """What the shipped model was trained on: the writers' files, the library and the chatter corpus."""
    digest = hashlib.sha256()
    for path in [*training_files(root), root / "resources" / "scripts.yaml", root / "resources" / "chatter.txt"]:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def train_shipped(root: Path) -> Path:
    """Train on a checkout's writers' files and shipped library; write resources/question_model.bin."""
    import time

    from ..library import load_library
    from .matcher import build_matcher

    start = time.perf_counter()
    library = load_library(root / "resources" / "scripts.yaml").library
    if library is None:
        raise SystemExit("resources/scripts.yaml does not load: run kefu-assist lint on it")
    matcher = build_matcher(library, config=None)
    theirs = samples(training_files(root))
    ours = matcher._training_samples()
    model = train(ours + theirs)
    if model is None:
        raise SystemExit("nothing to train on")
    out = root / "resources" / MODEL_NAME
    save(model, out, training_sha256(root))
    print(f"{out}: {len(theirs)} writers' rows + {len(ours)} library rows, {len(model.keys)} grams, "
          f"{out.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - start:.1f} s")
    return out


def checkout_root() -> Path:
    """The checkout this module runs from (tasks.py questiontrain)."""
    return Path(__file__).resolve().parents[3]
