"""Leave-one-writer-out: how the reply checker does on drafts of a writer it never saw, the figure
that predicts a hidden set.

The independent writers (``replytrain.WRITER_FILES``: people who read only compliance.md) are left
out one at a time. For each writer W the training recipe (``replytrain.fit``) runs on everything
but W — W's drafts are dropped from every training file, and W takes no part in choosing the
thresholds (they come from the other writers' out-of-fold logits) — and the checker with that
model scores W: violating drafts whose every rule is found with the right id, compliant drafts
flagged at all; beside it the rules alone, and the recipe the model was shipped with before
(``--old``: trained on resources/reply_corpus.tsv alone, thresholds on rulemodel_val.tsv, dev4 and
rulemodel_val5.tsv, above every draft that must stay clean; dev4 left out of them for W = dev4).

    .venv/bin/python benchmarks/eval_writers.py [--old] [--writers set6,set7] [--jobs 2] [--no-ceiling]
        [--false-weights 1,1.5,3] [--per-rule] [--cache DIR]

The fold models (28 for seven writers: each without one writer, and without two for the nested
thresholds) are trained once and kept in ``--cache`` (``replytrain.cached``); threshold settings
(``--false-weights``, ``--no-ceiling``) are then scored without training again. Prints one row a
writer, the pooled totals and, with ``--per-rule``, precision and recall per rule pooled over the
writers. The rules themselves were tuned on some of these writers
(dev4, dev5; the rules' helpers may tune on the others): their column is an upper bound.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu_assist.checker.engine import Checker, _default_rules  # noqa: E402
from kefu_assist.checker.replymodel import RULE_IDS, ReplyModel, choose_thresholds, read_corpus, train  # noqa: E402
from kefu_assist.checker.replytrain import FALSE_WEIGHT, Recipe, cached, fit, keep_clean_rows, read_all, rules_finder, trainer, training_files, training_rows, training_sha256  # noqa: E402

OLD_VALIDATION = ("tests/checker/rulemodel_val.tsv", "benchmarks/eval/dev4/compliance_drafts.tsv", "tests/checker/rulemodel_val5.tsv")


@dataclass
class Score:
    violating: int = 0
    found: int = 0
    compliant: int = 0
    flagged: int = 0
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, other: "Score") -> None:
        self.violating += other.violating
        self.found += other.found
        self.compliant += other.compliant
        self.flagged += other.flagged
        self.tp.update(other.tp)
        self.fp.update(other.fp)
        self.fn.update(other.fn)


def score(checker: Checker, rows: list[tuple[frozenset[str], str]]) -> Score:
    s = Score()
    for want, text in rows:
        got = {f.rule for f in checker.check(text)}
        s.tp.update(got & want)
        s.fp.update(got - want)
        s.fn.update(want - got)
        if want:
            s.violating += 1
            s.found += want <= got
        else:
            s.compliant += 1
            s.flagged += bool(got)
    return s


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} % ({a}/{b})" if b else "–"


class _Memo(ReplyModel):
    """A fold model that keeps each draft's logits: every threshold setting scores the same drafts
    with the same fold models."""

    def logits(self, text: str) -> dict[str, float]:
        memo = self.__dict__.setdefault("_memo", {})
        if text not in memo:
            memo[text] = super().logits(text)
        return memo[text]


def _train_without(without: frozenset[str]) -> tuple[frozenset[str], dict, tuple[float, ...]]:
    """The model trained without the writers named, from the cache if it was trained before on the
    same files with the same training settings."""
    model = cached(trainer(BASE, WRITERS, RECIPE), RECIPE, DATA_SHA, CACHE)(without)
    return without, dict(model.weights.items()), model.bias


def main() -> None:
    global WRITERS, BASE, KEEP, FOUND, RECIPE, CACHE, DATA_SHA
    parser = argparse.ArgumentParser()
    parser.add_argument("--old", action="store_true", help="also the recipe the model was shipped with before (corpus alone)")
    parser.add_argument("--writers", help="comma-separated writers to leave out in turn (default: every writer)")
    parser.add_argument("--jobs", type=int, default=1, help="trainings run side by side")
    parser.add_argument("--false-weights", default=str(FALSE_WEIGHT), help="comma-separated: a row for each")
    parser.add_argument("--budgets", default="", help="comma-separated flag budgets (Recipe.flag_budget): a row for each")
    parser.add_argument("--writer-caps", default="1", help="with --budgets, comma-separated Recipe.writer_cap values")
    parser.add_argument("--gaps", default="0", help="with --budgets, comma-separated Recipe.flag_gap values")
    parser.add_argument("--no-ceiling", action="store_true", help="also thresholds not raised above the drafts that must stay clean (measured, never shipped)")
    parser.add_argument("--per-rule", action="store_true", help="pooled precision and recall per rule")
    parser.add_argument("--writer-weight", type=float, default=Recipe().writer_weight, help="an independent writer's draft against one of the corpus's")
    parser.add_argument("--kinds", default=",".join(sorted(Recipe().kinds)), help="the features trained on, comma-separated (replymodel.KINDS)")
    parser.add_argument("--train-clean", action="store_true", help="also train on the drafts that must stay clean (Recipe.train_clean)")
    parser.add_argument("--fast", action="store_true",
                        help="screening: a writer's thresholds from the folds of the other writers alone (models that saw the writer left out; "
                             "optimistic, 13 models instead of 91)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kefu-eval-writers",
                        help="trained fold models kept here between runs (keyed by the training files and settings)")
    args = parser.parse_args()
    RECIPE = replace(Recipe(), writer_weight=args.writer_weight, kinds=frozenset(args.kinds.split(",")), train_clean=args.train_clean or Recipe().train_clean)
    CACHE = args.cache
    DATA_SHA = training_sha256(ROOT)
    corpus, extra, _ = training_files(ROOT)
    BASE, WRITERS = training_rows(ROOT, RECIPE)  # a writer's draft is trained on only as theirs
    every = read_corpus(corpus) + read_all(extra)
    KEEP = keep_clean_rows()
    FOUND = rules_finder()
    rules = _default_rules().rules
    names = args.writers.split(",") if args.writers else list(WRITERS)
    print(f"features: {','.join(sorted(RECIPE.kinds))}{'; FAST (screening: thresholds from models that saw the writer)' if args.fast else ''}")
    print(f"writers: {', '.join(f'{n} ({len(rs)})' for n, rs in WRITERS.items())}; base {len(BASE)} drafts "
          f"({len(every) - len(BASE)} dropped: the same text as a writer's draft)", flush=True)
    # every model the folds need, each trained once: without W (W's final model, and the fold of W
    # in any other writer's thresholds) and without W and V (the fold of V in W's thresholds)
    keys = {frozenset({w}) for w in (WRITERS if args.fast else names)}
    if not args.fast:
        keys |= {frozenset({w, v}) for w in names for v in WRITERS if v != w}
    started = time.perf_counter()
    if args.jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            trained = pool.map(_train_without, sorted(keys, key=sorted))
    else:
        trained = [_train_without(k) for k in sorted(keys, key=sorted)]
    models = {k: _Memo(RULE_IDS, w, b, (0.0,) * len(RULE_IDS)) for k, w, b in trained}
    print(f"{len(models)} models trained in {time.perf_counter() - started:.0f} s ({args.jobs} side by side)", flush=True)

    weights = [float(fw) for fw in args.false_weights.split(",")]
    variants = [(f"recipe, false weight {fw:g}", replace(RECIPE, false_weight=fw)) for fw in weights]
    variants += [(f"recipe, flag budget {b:g}" + (f", gap {g:g}" if g else "") + (f", writer cap {c:g}" if c < 1 else ""),
                  replace(RECIPE, flag_budget=b, flag_gap=g, writer_cap=c))
                 for b in (float(x) for x in args.budgets.split(",") if x) for g in (float(x) for x in args.gaps.split(","))
                 for c in (float(x) for x in args.writer_caps.split(","))]
    if args.no_ceiling:
        variants += [(f"recipe, false weight {fw:g}, no ceiling", replace(RECIPE, false_weight=fw, clean_ceiling=False)) for fw in weights]
    columns = ["rules alone"] + (["old recipe"] if args.old else []) + [name for name, _ in variants]
    results: dict[str, dict[str, Score]] = {}
    old_model = train(read_corpus(corpus)) if args.old else None
    for w in names:
        rows = WRITERS[w]
        out = {"rules alone": score(Checker(rules), rows)}
        others = {n: rs for n, rs in WRITERS.items() if n != w}
        for name, recipe in variants:
            if args.fast:
                model = fit(BASE, others, KEEP, FOUND, recipe, trained=lambda without, w=w: models[without or frozenset({w})])
            else:
                model = fit(BASE, others, KEEP, FOUND, recipe, trained=lambda without, w=w: models[without | {w}])
            out[name] = score(Checker(rules, model), rows)
        if old_model is not None:
            validation = read_all(ROOT / p for p in OLD_VALIDATION if not (w == "dev4" and "dev4" in p))
            thresholds = choose_thresholds(old_model, validation, KEEP, FOUND)
            out["old recipe"] = score(Checker(rules, ReplyModel(old_model.rules, old_model.weights, old_model.bias, thresholds)), rows)
        results[w] = out
        print(f"{w}: " + "; ".join(f"{c} {out[c].found}/{out[c].violating} found, {out[c].flagged}/{out[c].compliant} flagged" for c in columns), flush=True)

    for c in columns:
        print(f"\n{c}\n\n| writer | violations found, right rule | compliant flagged |\n|---|---|---|")
        pooled = Score()
        for w in names:
            s = results[w][c]
            pooled.add(s)
            print(f"| {w} | {_pct(s.found, s.violating)} | {_pct(s.flagged, s.compliant)} |")
        print(f"| **pooled** | {_pct(pooled.found, pooled.violating)} | {_pct(pooled.flagged, pooled.compliant)} |")
        if args.per_rule:
            print("\n| rule | found | wrong flag | missed | precision | recall |\n|---|---|---|---|---|---|")
            for rule in RULE_IDS:
                tp, fp, fn = pooled.tp[rule], pooled.fp[rule], pooled.fn[rule]
                print(f"| {rule} | {tp} | {fp} | {fn} | {_pct(tp, tp + fp)} | {_pct(tp, tp + fn)} |")


WRITERS: dict = {}
BASE: list = []
KEEP: list = []
FOUND = lambda text: set()  # noqa: E731 (set in main)
RECIPE = Recipe()
CACHE = Path()
DATA_SHA = ""

if __name__ == "__main__":
    main()
