"""The reply model as it was held before checker/gramweights.py (commit c364dac): gram -> tuple
of Python floats in a dict, a clause scored by summing the rows of its grams. The reference the
arrays are compared with, in tests/checker/test_replymodel_arrays.py and
benchmarks/bench_replymodel.py."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kefu_assist.checker import gzjson, replymodel


@dataclass(frozen=True)
class TupleModel(replymodel.ReplyModel):
    def __post_init__(self) -> None:
        if self.concepts is None:  # the dict is kept
            object.__setattr__(self, "concepts", any(replymodel._PUA.search(g) for g in self.weights))

    def _clause_scores(self, feats: list[set[str]]) -> list[tuple[float, ...]]:
        w = self.weights
        zero = (0.0,) * len(self.rules)
        out = []
        for clause in feats:
            rows = [w[g] for g in clause if g in w]
            out.append(tuple(map(sum, zip(*rows))) if rows else zero)
        return out


def load_tuples(path: Path) -> TupleModel:
    """load_model as it was."""
    data = gzjson.read(path)
    return TupleModel(
        tuple(str(r) for r in data["rules"]), {str(g): tuple(float(x) for x in row) for g, row in data["weights"].items()},
        tuple(float(x) for x in data["bias"]), tuple(float(x) for x in data["thresholds"]), str(data.get("corpus_sha256", "")),
    )
