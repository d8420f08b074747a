"""Fit the matcher's calibration: the logistic map from (matcher score, co-ranker probability of
the script's category) to the probability that the script's category is right. Fitted on the
buyer and tuning sets only (never on the held-out set), over every candidate script of every
question (the right ones as positives, the others and every candidate for small talk as
negatives). Prints the three numbers for MatcherConfig.

    .venv/bin/python benchmarks/calibrate.py      # needs scikit-learn (pip install -e .[bench])
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu_assist.evaluation import read_cases  # noqa: E402
from kefu_assist.library import load_library  # noqa: E402
from kefu_assist.matching import build_matcher  # noqa: E402
from kefu_assist.matching.normalize import clauses, normalize  # noqa: E402

FILES = [ROOT / "benchmarks" / "eval" / "buyer_questions.tsv", ROOT / "benchmarks" / "eval" / "tuning_questions.tsv"]


def main() -> int:
    from sklearn.linear_model import LogisticRegression

    library = load_library(ROOT / "resources" / "scripts.yaml").library
    matcher = build_matcher(library)
    x, y = [], []
    for path in FILES:
        for case in read_cases(path):
            if case.kind == "multi":
                continue
            text = normalize(case.question)
            for part in [text] + (clauses(text) if case.kind == "none" else []):
                best, _ = matcher._score_text(part)
                for s_idx, sc in sorted(best.items(), key=lambda kv: -kv[1].score)[:8]:
                    x.append([sc.raw, sc.p_category])
                    y.append(int(matcher._scripts[s_idx].category in case.categories))
    model = LogisticRegression(C=100.0).fit(x, y)
    (a, b), c = model.coef_[0], model.intercept_[0]
    print(f"{len(y)} candidates, {sum(y)} right")
    print(f"calib_matcher: float = {a:.2f}\ncalib_coranker: float = {b:.2f}\ncalib_bias: float = {c:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
