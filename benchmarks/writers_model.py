"""What the writers' question model (matching/writers.py) adds, on question files held out of its
training (README, "The twelfth session").

The co-ranker (matching/coranker.py) learns from the library's examples when the index is built.
The writers' model is the same model trained offline, by the shipped recipe (writers_train.train), on the
library's training rows plus every labelled question of the given writers' files (none -> chatter;
a|b -> both, half weight each; multi-question lines left out); the matcher mixes its category
probabilities into the co-ranker's: P = (1 - mix) * P_library + mix * P_writers. Here the model is
trained on the --train files only (not the shipped one), and the test files are scored as
`kefu-assist eval` scores them (the service, confident cards only), totals only, never a line.

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
from kefu_assist.matching import MatcherConfig, writers_train  # noqa: E402
from kefu_assist.service import AssistService  # noqa: E402

KEYS = ("top1", "top3", "single", "multi_complete", "multi", "small_talk_rejected", "small_talk")


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
    services = {}
    for mix in mixes:
        services[mix] = service = AssistService(config=MatcherConfig(writers_mix=mix))
        service.load(ROOT / "resources" / "scripts.yaml")
        service._require().matcher.wait_trained()
    library_rows = services[mixes[0]]._require().matcher._training_samples()
    categories = list(services[mixes[0]].library.categories)
    try:
        cases = {p: read_cases(p, categories) for _, test in plan for p in test}
    except EvalFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    totals = {mix: dict.fromkeys(KEYS, 0) for mix in mixes}
    for fit_on, test in plan:
        start = time.perf_counter()
        rows = writers_train.samples(fit_on)
        model = writers_train.train(library_rows + rows)
        assert model is not None
        weights_mb = (len(model.weights) * model.weights.itemsize + len(model.keys) * 12 + len(model.idf) * 4) / 1e6
        print(f"writers' model: {len(fit_on)} files, {len(rows)} writer rows + {len(library_rows)} library rows, "
              f"{len(model.keys)} grams, {weights_mb:.1f} MB of arrays, trained in {time.perf_counter() - start:.1f} s", flush=True)
        for mix, service in services.items():
            matcher = service._require().matcher
            matcher._writers = model if mix > 0 else None  # this fold's model, not the shipped one
            for path in test:
                report = evaluate(cases[path], lambda q, s=service: [v.script.category for v in s.suggest(q, limit=5, confident_only=True)]).as_dict()
                for key in KEYS:
                    totals[mix][key] += report[key]
    for mix, t in totals.items():
        print(f"mix {mix:.2f}: top-1 {t['top1']}/{t['single']} ({100 * t['top1'] / max(t['single'], 1):.1f} %), "
              f"top-3 {t['top3']} ({100 * t['top3'] / max(t['single'], 1):.1f} %), several complete {t['multi_complete']}/{t['multi']}, "
              f"small talk {t['small_talk_rejected']}/{t['small_talk']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
