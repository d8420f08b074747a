"""Fit the matcher's calibration: the logistic map from the matcher's own score and the
co-ranker's probability of the script's category to the probability that the first suggestion's
category is right (Platt scaling). Fitted on the dev, buyer and tuning sets only, never on the
held-out set: every single-question line's first suggestion, right or wrong, and every small-talk
line's first suggestion as wrong.

The direction (how much the matcher counts against the co-ranker) is MatcherConfig's; this fits
the scale and offset along it, so that of the suggestions shown with score s about s are right
(the reliability table of benchmarks/ablation.py).

    .venv/bin/python benchmarks/calibrate.py      # needs scikit-learn (pip install -e .[bench])
    .venv/bin/python benchmarks/calibrate.py --plain

--plain fits the map used while the co-ranker still trains in the background (the sidebar's first
start after a library edit): the matcher's own score alone, sigmoid(a * score + b).
"""
from __future__ import annotations

import dataclasses
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu_assist.evaluation import read_cases  # noqa: E402
from kefu_assist.library import load_library  # noqa: E402
from kefu_assist.matching import build_matcher  # noqa: E402

FILES = [
    ROOT.parent / "shared" / "eval" / "dev_questions.tsv",
    ROOT / "benchmarks" / "eval" / "buyer_questions.tsv",
    ROOT / "benchmarks" / "eval" / "tuning_questions.tsv",
]


def main() -> int:
    from sklearn.linear_model import LogisticRegression

    library = load_library(ROOT / "resources" / "scripts.yaml").library
    if "--plain" in sys.argv[1:]:
        return fit_plain(library, LogisticRegression)
    matcher = build_matcher(library)
    cfg = matcher.config
    # read z = logit(score) back from the shown score, with a threshold of 0 so every first
    # suggestion is kept
    matcher.threshold = 0.0
    z, y = [], []
    for path in FILES:
        for case in read_cases(path):
            if case.kind == "multi":
                continue
            out = matcher.suggest(case.question, limit=1)
            if not out:
                continue
            p = min(max(out[0].score, 1e-6), 1 - 1e-6)
            z.append([math.log(p / (1 - p))])
            y.append(int(case.kind == "single" and out[0].category in case.categories))
    model = LogisticRegression(C=1e4).fit(z, y)
    alpha, beta = float(model.coef_[0][0]), float(model.intercept_[0])
    new = dataclasses.replace(cfg, calib_matcher=cfg.calib_matcher * alpha, calib_coranker=cfg.calib_coranker * alpha, calib_bias=cfg.calib_bias * alpha + beta)
    print(f"{len(y)} first suggestions, {sum(y)} right; scale {alpha:.3f}, offset {beta:.3f}")
    print(f"calib_matcher: float = {new.calib_matcher:.2f}\ncalib_coranker: float = {new.calib_coranker:.2f}\ncalib_bias: float = {new.calib_bias:.2f}")
    return 0


def fit_plain(library, LogisticRegression) -> int:
    from kefu_assist.matching import MatcherConfig

    matcher = build_matcher(library, config=MatcherConfig(coranker=False, threshold=0.0))
    x, y = [], []
    for path in FILES:
        for case in read_cases(path):
            if case.kind == "multi":
                continue
            out = matcher.suggest(case.question, limit=1)
            if not out:
                continue
            x.append([out[0].score])
            y.append(int(case.kind == "single" and out[0].category in case.categories))
    model = LogisticRegression(C=1e4).fit(x, y)
    a, b = float(model.coef_[0][0]), float(model.intercept_[0])
    print(f"{len(y)} first suggestions, {sum(y)} right; confident (p >= 0.5) from score {-b / a:.3f}")
    print(f"plain_calib_matcher: float = {a:.2f}\nplain_calib_bias: float = {b:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
