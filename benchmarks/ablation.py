"""What each part of the matcher contributes: the eval figures with one part switched off at a
time, on every labelled question file we have, side by side with the plain baseline (rapidfuzz
WRatio nearest example, confident at the same rank threshold a team would pick for it).

    .venv/bin/python benchmarks/ablation.py [--thresholds 0.35,0.4,0.45] [--only-baselines] [--no-sklearn] [--sets FILE ...]

The scikit-learn baselines need `pip install -e .[bench]`.

Question files: ../shared/eval/*.tsv (the project's dev and seed sets) and benchmarks/eval/*.tsv
(written independently of the library, to check that tuning generalises), or the files given
with ``--sets`` (a session's held-out sets: only totals are printed, never a line).
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

from kefu_assist.evaluation import EvalFileError, evaluate, read_cases  # noqa: E402
from kefu_assist.library import load_library  # noqa: E402
from kefu_assist.matching import MatcherConfig, build_matcher  # noqa: E402

normalize_module = importlib.import_module("kefu_assist.matching.normalize")
LR_C = 3.0  # the logistic regression baseline's inverse regularisation (1.0: 75 % held out; 10: 95 %, but half the multi-question lines)
# the question sets (the buyer-mood sets, *_messages.tsv, label upset|calm and are eval_check.py's)
EVAL_FILES = sorted((ROOT.parent / "shared" / "eval").glob("*.tsv")) + sorted(
    p for p in (ROOT / "benchmarks" / "eval").glob("*.tsv") if not p.name.endswith("_messages.tsv"))

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
    # the matcher alone, as on main (its own score, confident at 0.40)
    "no co-ranker (matcher score, >= 0.40)": MatcherConfig(coranker=False, threshold=0.40),
    "no hurry (pinyin, homophones, hi/88, 高170重140)": MatcherConfig(hurry=False),
    "no negation": MatcherConfig(negation=0.0),
    "no chatter corpus": MatcherConfig(chatter=False),
    "no writers' question model": MatcherConfig(writers_mix=0.0),
}


def _label(path: Path) -> str:
    # a set's questions.tsv is named by its folder: evalsets17, trainsets23/a
    if path.name != "questions.tsv":
        return path.name
    folder = path.parent
    return f"{folder.parent.name}/{folder.name}" if len(folder.name) == 1 else folder.name  # trainsets23/a, evalsets17


def row(report) -> str:
    return (
        f"{report.pct(report.top1, report.single):5.1f} | {report.pct(report.top3, report.single):5.1f} | "
        f"{report.multi_complete}/{report.multi} | {report.rejected}/{report.none}"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--thresholds", default="", help="comma-separated thresholds to sweep with the shipped config")
    parser.add_argument("--baseline-cutoff", type=float, default=70.0, help="WRatio score a baseline suggestion needs")
    parser.add_argument("--no-sklearn", action="store_true", help="skip the scikit-learn baselines (they need it installed)")
    parser.add_argument("--only-baselines", action="store_true", help="print the shipped row and the baselines, no ablation")
    parser.add_argument("--sets", nargs="+", type=Path, metavar="FILE", help="question files to score instead of the project's own")
    args = parser.parse_args()
    library = load_library(ROOT / "resources" / "scripts.yaml").library
    try:
        files = [(f, read_cases(f, list(library.categories))) for f in (args.sets or EVAL_FILES)]
    except EvalFileError as exc:
        print(f"ablation: {exc}", file=sys.stderr)
        return 2
    header = "| variant | " + " | ".join(f"{_label(f)}: top-1 % | top-3 % | multi | small talk" for f, _ in files) + " |"
    print(header)
    print("|" + "---|" * (1 + 4 * len(files)))

    variants = {"shipped": VARIANTS["shipped"]} if args.only_baselines else dict(VARIANTS)
    for t in filter(None, args.thresholds.split(",")):
        variants[f"threshold {t}"] = dataclasses.replace(MatcherConfig(), threshold=float(t))
    tokenize_module = importlib.import_module("kefu_assist.matching.tokenize")
    for name, config in variants.items():
        if config is None:  # numbers as one token, whatever their length; sizes as typed
            original = tokenize_module.Tokenizer.canonical_token
            tokenize_module.Tokenizer.canonical_token = lambda self, t: "<num>" if t[0].isdigit() and t.isdigit() else self.canonical.get(t, t)
            try:
                matcher = build_matcher(library)
                cells = [row(evaluate(cases, lambda q, matcher=matcher: [s.category for s in matcher.suggest(q, limit=5) if s.confident])) for _, cases in files]
            finally:
                tokenize_module.Tokenizer.canonical_token = original
            print(f"| {name} | " + " | ".join(cells) + " |")
            continue
        matcher = build_matcher(library, config=config)
        cells = []
        for _, cases in files:
            report = evaluate(cases, lambda q, matcher=matcher: [s.category for s in matcher.suggest(q, limit=5) if s.confident])
            cells.append(row(report))
        print(f"| {name} | " + " | ".join(cells) + " |")

    # The ranking alone: every suggestion counts, confident or not; a message whose first
    # suggestion is a chit-chat script counts as rejected small talk.
    matcher = build_matcher(library)

    def ranked(q: str) -> list[str]:
        out = matcher.suggest(q, limit=5)
        return [] if not out or out[0].chit_chat else [s.category for s in out]

    print("| kefu-assist ranking, threshold ignored | " + " | ".join(row(evaluate(cases, ranked)) for _, cases in files) + " |")
    for name, fn in baselines(library, no_sklearn=args.no_sklearn):
        print(f"| {name} | " + " | ".join(row(evaluate(cases, fn)) for _, cases in files) + " |")
    reliability(matcher, files)
    if args.only_baselines:
        return 0

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


def reliability(matcher, files) -> None:
    """Of the confident suggestions shown first with score s, how many are right: per score band,
    over the single-question lines of each set (counts only: the held-out set is never read
    line by line)."""
    bands = [(0.5, 0.7), (0.7, 0.9), (0.9, 0.99), (0.99, 1.01)]
    print()
    print("| set | " + " | ".join(f"score {lo:.2f}-{min(hi, 1):.2f}: right / shown (mean score)" for lo, hi in bands) + " |")
    print("|---|" + "---|" * len(bands))
    for path, cases in files:
        cells = []
        for lo, hi in bands:
            right = shown = 0
            total = 0.0
            for case in cases:
                if case.kind != "single":
                    continue
                top = [s for s in matcher.suggest(case.question, limit=1) if s.confident]
                if top and lo <= top[0].score < hi:
                    shown += 1
                    total += top[0].score
                    right += top[0].category in case.categories
            cells.append(f"{right}/{shown} = {100 * right / shown:.0f} % ({total / shown:.2f})" if shown else "-")
        print(f"| {_label(path)} | " + " | ".join(cells) + " |")
    print()


def baselines(library, *, no_sklearn: bool):
    """Plain classifiers over the same examples (category labels, small talk its own class): what
    an off-the-shelf model makes of the library. A message whose best class is small talk is
    rejected."""
    from kefu_assist.matching.normalize import normalize

    small_talk = set(MatcherConfig().small_talk_categories)
    texts, labels = [], []
    for script in library.matchable:
        for e in script.examples:
            texts.append(normalize(e))
            labels.append(script.category)
    out = []
    if not no_sklearn:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.svm import LinearSVC

        vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True)
        x = vec.fit_transform(texts)
        svc = LinearSVC(C=1.0).fit(x, labels)
        lr = LogisticRegression(C=LR_C, max_iter=2000).fit(x, labels)

        def svc_rank(q: str) -> list[str]:
            scores = svc.decision_function(vec.transform([normalize(q)]))[0]
            order = [svc.classes_[i] for i in scores.argsort()[::-1][:5]]
            return [] if order[0] in small_talk else order

        def lr_rank(q: str, cut: float = 0.18) -> list[str]:
            p = lr.predict_proba(vec.transform([normalize(q)]))[0]
            order = [(p[i], lr.classes_[i]) for i in p.argsort()[::-1][:5]]
            if order[0][1] in small_talk:
                return []
            return [c for pr, c in order if pr >= cut and c not in small_talk]

        out += [("TF-IDF char 1-3-grams + LinearSVC, no threshold", svc_rank), ("TF-IDF char 1-3-grams + LogisticRegression, p >= 0.18", lr_rank)]

    # BM25 over words (the matcher's own jieba tokens, traditional folded to simplified by the
    # normaliser) and character unigrams and bigrams; a script's best example, no threshold.
    tokenizer = build_matcher(library).tokenizer

    def terms(text: str) -> list[str]:
        norm = normalize(text)
        words = ["w:" + t for t in tokenizer.tokens(norm)]
        chars = norm.replace(" ", "")
        return words + ["c:" + c for c in chars] + ["b:" + a + b for a, b in zip(chars, chars[1:])]

    import math
    from collections import Counter

    docs = [Counter(terms(t)) for t in texts]
    avg = sum(sum(d.values()) for d in docs) / len(docs)
    df = Counter(t for d in docs for t in d)
    n = len(docs)
    idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
    postings: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        for t in d:
            postings.setdefault(t, []).append(i)
    lengths = [sum(d.values()) for d in docs]

    def bm25_rank(q: str, k1: float = 1.2, b: float = 0.75) -> list[str]:
        acc: dict[int, float] = {}
        for t in set(terms(q)):
            for i in postings.get(t, ()):
                f = docs[i][t]
                acc[i] = acc.get(i, 0.0) + idf[t] * f * (k1 + 1) / (f + k1 * (1 - b + b * lengths[i] / avg))
        order = list(dict.fromkeys(labels[i] for i in sorted(acc, key=acc.get, reverse=True)[:50]))[:5]
        return [] if not order or order[0] in small_talk else order

    out.append(("BM25, words + char 1/2-grams, trad->simp, no threshold", bm25_rank))
    return out


if __name__ == "__main__":
    sys.exit(main())
