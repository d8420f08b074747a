"""What each part of the matcher contributes: the eval figures with one part switched off at a
time, on every labelled question file we have, side by side with the plain baseline (rapidfuzz
WRatio nearest example, confident at the same rank threshold a team would pick for it).

    .venv/bin/python benchmarks/ablation.py [--thresholds 0.35,0.4,0.45]

Question files: ../shared/eval/*.tsv (the project's dev and seed sets) and benchmarks/eval/*.tsv
(written independently of the library, to check that tuning generalises).
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import importlib  # noqa: E402

from rapidfuzz import fuzz, process  # noqa: E402

from kefu_assist.evaluation import evaluate, read_cases  # noqa: E402
from kefu_assist.library import load_library  # noqa: E402
from kefu_assist.matching import MatcherConfig, build_matcher  # noqa: E402

normalize_module = importlib.import_module("kefu_assist.matching.normalize")
EVAL_FILES = sorted((ROOT.parent / "shared" / "eval").glob("*.tsv")) + sorted((ROOT / "benchmarks" / "eval").glob("*.tsv"))

VARIANTS: dict[str, MatcherConfig] = {
    "shipped": MatcherConfig(),
    "no bigrams": MatcherConfig(bigram_weight=0.0),
    "no synonyms": MatcherConfig(synonyms=False),
    "no rapidfuzz re-rank": MatcherConfig(fuzz_weight=0.0),
    "no coverage": MatcherConfig(coverage_weight=0.0),
    "no keywords": MatcherConfig(keyword_bonus=0.0),
    "no clause split": MatcherConfig(clauses=False),
    "no centroid": MatcherConfig(centroid_weight=0.0),
    "chit-chat scripts as any other": MatcherConfig(small_talk_categories=()),
    "no number or size classes": None,
}


def row(report) -> str:
    return (
        f"{report.pct(report.top1, report.single):5.1f} | {report.pct(report.top3, report.single):5.1f} | "
        f"{report.multi_complete}/{report.multi} | {report.rejected}/{report.none}"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--thresholds", default="", help="comma-separated thresholds to sweep with the shipped config")
    parser.add_argument("--baseline-cutoff", type=float, default=70.0, help="WRatio score a baseline suggestion needs")
    args = parser.parse_args()
    library = load_library(ROOT / "resources" / "scripts.yaml").library
    files = [(f, read_cases(f)) for f in EVAL_FILES]
    header = "| variant | " + " | ".join(f"{f.name}: top-1 % | top-3 % | multi | small talk" for f, _ in files) + " |"
    print(header)
    print("|" + "---|" * (1 + 4 * len(files)))

    variants = dict(VARIANTS)
    for t in filter(None, args.thresholds.split(",")):
        variants[f"threshold {t}"] = dataclasses.replace(MatcherConfig(), threshold=float(t))
    tokenize_module = importlib.import_module("kefu_assist.matching.tokenize")
    for name, config in variants.items():
        if config is None:  # numbers as one token, whatever their length; sizes as typed
            original = tokenize_module.Tokenizer.canonical_token
            tokenize_module.Tokenizer.canonical_token = lambda self, t: "<num>" if t[0].isdigit() and t.isdigit() else self.canonical.get(t, t)
            try:
                matcher = build_matcher(library)
                cells = [row(evaluate(cases, lambda q: [s.category for s in matcher.suggest(q, limit=5) if s.confident])) for _, cases in files]
            finally:
                tokenize_module.Tokenizer.canonical_token = original
            print(f"| {name} | " + " | ".join(cells) + " |")
            continue
        matcher = build_matcher(library, config=config)
        cells = []
        for _, cases in files:
            report = evaluate(cases, lambda q: [s.category for s in matcher.suggest(q, limit=5) if s.confident])
            cells.append(row(report))
        print(f"| {name} | " + " | ".join(cells) + " |")

    typos = dict(normalize_module.TYPOS)
    normalize_module.TYPOS.clear()
    normalize_module._TYPO_RE = normalize_module.re.compile("(?!x)x")
    matcher = build_matcher(library)
    cells = [row(evaluate(cases, lambda q: [s.category for s in matcher.suggest(q, limit=5) if s.confident])) for _, cases in files]
    print("| no typo table | " + " | ".join(cells) + " |")
    normalize_module.TYPOS.update(typos)

    examples, owners = [], []
    for script in library.matchable:
        for e in script.examples:
            examples.append(e)
            owners.append(script.category)

    def baseline(q: str) -> list[str]:
        hits = process.extract(q, examples, scorer=fuzz.WRatio, limit=20, score_cutoff=args.baseline_cutoff)
        return list(dict.fromkeys(owners[i] for _, _, i in hits))

    cells = [row(evaluate(cases, baseline)) for _, cases in files]
    print(f"| baseline WRatio >= {args.baseline_cutoff:g} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
