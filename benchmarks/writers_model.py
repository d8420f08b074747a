"""Would a question model trained on many writers' labelled questions help the matcher? Measured,
not shipped (README, "The twelfth session").

The co-ranker (matching/coranker.py) learns from the library's examples when the index is built.
This benchmark trains the same model offline on the library's training rows plus every labelled
question of the given writers' files (none -> chatter; a|b -> both, half weight each; multi-question
lines left out) and mixes its category probabilities into the co-ranker's before the calibrated
score: P = (1 - mix) * P_library + mix * P_writers. The test files are scored as `kefu-assist eval`
scores them (the service, confident cards only), totals only, never a line.

    .venv/bin/python benchmarks/writers_model.py --train DIR/questions.tsv ... --test FILE ... [--mix 0,0.5,0.7]
    .venv/bin/python benchmarks/writers_model.py --train ... --folds "A,B;C,D" [--mix ...]

With ``--folds``, each fold's files are held out of the model's training in turn (they must be
among ``--train``) and the totals are summed over the folds.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu_assist.evaluation import EvalFileError, evaluate, read_cases  # noqa: E402
from kefu_assist.matching import coranker  # noqa: E402
from kefu_assist.matching.matcher import Matcher  # noqa: E402
from kefu_assist.matching.normalize import normalize_many  # noqa: E402
from kefu_assist.service import AssistService  # noqa: E402

KEYS = ("top1", "top3", "single", "multi_complete", "multi", "small_talk_rejected", "small_talk")


def writer_rows(files: list[Path]) -> list[tuple[str, str, float]]:
    """(normalised text, class, weight) rows of labelled question files."""
    texts: list[str] = []
    labels: list[tuple[str, float]] = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or "\t" not in line:
                continue
            expected, question = (part.strip() for part in line.split("\t", 1))
            if "+" in expected:
                continue
            classes = [coranker.OFFTOPIC] if expected == "none" else expected.split("|")
            for label in classes:
                texts.append(question)
                labels.append((label, 1.0 / len(classes)))
    return [(text, label, weight) for text, (label, weight) in zip(normalize_many(texts), labels) if text]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", nargs="+", type=Path, required=True, metavar="FILE", help="labelled question files the writers' model learns from")
    parser.add_argument("--test", nargs="+", type=Path, default=[], metavar="FILE", help="question files to score (not in --train)")
    parser.add_argument("--folds", default="", help="';'-separated folds of ','-separated --train files, each held out in turn")
    parser.add_argument("--mix", default="0,0.5,0.7", help="comma-separated weights of the writers' model (0: the shipped matcher)")
    args = parser.parse_args()
    try:
        mixes = [float(m) for m in args.mix.split(",")]
    except ValueError:
        parser.error(f"--mix: not a comma-separated list of numbers: {args.mix}")
    train = [p.resolve() for p in args.train]
    if args.folds:
        folds = [[Path(p).resolve() for p in fold.split(",") if p] for fold in args.folds.split(";")]
        unknown = [p for fold in folds for p in fold if p not in train]
        if unknown:
            parser.error(f"--folds: {unknown[0]} is not among the --train files")
        plan = [([p for p in train if p not in fold], fold) for fold in folds]
    elif args.test:
        plan = [(train, [p.resolve() for p in args.test])]
    else:
        parser.error("give --test files or --folds")
    service = AssistService()
    service.load(ROOT / "resources" / "scripts.yaml")
    matcher = service._require().matcher
    matcher.wait_trained()
    library_rows = matcher._training_samples()
    categories = list(service.library.categories)
    try:
        cases = {p: read_cases(p, categories) for _, test in plan for p in test}
    except EvalFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    shipped_read = Matcher._read
    state: dict = {"mix": 0.0, "model": None}

    def mixed_read(normalized: str, ranker: coranker.CoRanker):
        proba, p_off = shipped_read(normalized, ranker)
        model, mix = state["model"], state["mix"]
        if model is None or mix <= 0:
            return proba, p_off
        writers, _ = shipped_read(normalized, model)
        return {label: (1 - mix) * p + mix * writers.get(label, p) for label, p in proba.items()}, p_off

    Matcher._read = staticmethod(mixed_read)
    coranker.MAX_ROWS = 10**7  # offline: every row, no share per class
    totals = {mix: dict.fromkeys(KEYS, 0) for mix in mixes}
    for fit_on, test in plan:
        start = time.perf_counter()
        rows = writer_rows(fit_on)
        state["model"] = model = coranker.train(library_rows + rows)
        assert model is not None
        weights_mb = (len(model.weights) * 4 + len(model.keys) * 12) / 1e6
        print(f"writers' model: {len(fit_on)} files, {len(rows)} writer rows + {len(library_rows)} library rows, "
              f"{len(model.keys)} grams, {weights_mb:.1f} MB of weights, trained in {time.perf_counter() - start:.1f} s", flush=True)
        for mix in mixes:
            state["mix"] = mix
            for path in test:
                report = evaluate(cases[path], lambda q: [v.script.category for v in service.suggest(q, limit=5, confident_only=True)]).as_dict()
                for key in KEYS:
                    totals[mix][key] += report[key]
    for mix, t in totals.items():
        print(f"mix {mix:.2f}: top-1 {t['top1']}/{t['single']} ({100 * t['top1'] / max(t['single'], 1):.1f} %), "
              f"top-3 {t['top3']} ({100 * t['top3'] / max(t['single'], 1):.1f} %), several complete {t['multi_complete']}/{t['multi']}, "
              f"small talk {t['small_talk_rejected']}/{t['small_talk']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
