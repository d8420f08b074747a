"""A trained reading of agent replies beside the rules: one logistic regression per rule id
(one-vs-rest) over character 1-3-grams of the reply's clauses, trained on
``resources/reply_corpus.tsv`` (agent drafts labelled with the rule ids they break, or ``ok``,
written for it) and the development drafts of the repository, the independent writers' among them
(``replytrain``).

The hand-written patterns of ``compliance_rules.yaml`` find the wordings they were written for;
a new wording of the same idea (信用卡走一下要多出一个点, 这单帮您撤了) slips through. The model
reads every clause of the reply (and every pair of neighbouring clauses, for ideas told in two:
包邮的哦，您那边要补十块) and scores it for each rule; a window above the rule's threshold is a
finding with that rule's id, message and suggestion, marked ``source="model"``. Where the rules
already found a rule in the reply, they stay its explanation and the model adds nothing for it.

Features are read on the rules' own normalised copy (``rules.normalise``: full width, traditional,
spacing, read-out digits), numbers folded (10元, 十块, 百分之六 read alike). The weights ship
trained (``resources/reply_model.json.gz``, gzip-compressed JSON, with the SHA-256 of its training files and each
rule's threshold);
scoring is plain Python, one table look-up a gram (gramweights.py). After editing a training file,
train again by the recipe (NumPy, minutes: ``replytrain``'s docstring)::

    .venv/bin/python -m kefu_assist.checker.replytrain

(``replytrain``: the training command and its recipe, apart so that this module needs nothing of
the engine; ``replyfit``: the fitting itself.) Thresholds are chosen by the recipe on writers the
fold's model never saw (``thresholds_from_logits``), then raised above the shipped library's
replies and the suite's development drafts, which stay free of new findings.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from . import concepts, gzjson
from .gramweights import GramWeights
from .rules import normalise

log = logging.getLogger(__name__)

RULE_IDS = (
    "invoice_refusal", "card_fee", "shipping_fee_breach", "cod", "off_platform", "review_bribe",
    "absolute_claim", "negative_phrasing", "abuse", "privacy", "close_order", "no_return",
)
EPOCHS = 500
LEARNING_RATE = 4.0
L2 = 1e-4
MIN_COUNT = 2  # grams seen in fewer drafts of the corpus are left out
CORPUS_NAME = "reply_corpus.tsv"
MODEL_NAME = "reply_model.json.gz"  # gzip of the JSON (gzjson.py)
DEFAULT_THRESHOLD = 2.0  # a rule whose threshold no validation file chose
PAIRS = True  # score pairs of neighbouring clauses too

# clause ends: the engine's sentence ends, commas, enumeration commas and spaces (normalise keeps a
# space only where it separates words)
_CLAUSE = re.compile(r"[。！？!?；;\n～~，,、\s…:：()（）\"“”【】\[\]]+")
# numbers read alike: 10, 1.5, 十, 二十, 百分之六, 两 (before a unit) all become 0
_NUMBER = re.compile(
    r"百分之[零一二两三四五六七八九十百点0-9.]+|[0-9]+(?:\.[0-9]+)?|[零一二两三四五六七八九十百千]+(?=[块元个点毛成倍期件天单斤次])"
)


# private-use characters mark the concept features (concepts.py); a reply's own are dropped
_PUA = re.compile("[\ue000-\uf8ff]")
CONCEPT_MARK = 0xE100  # concept i is the character CONCEPT_MARK + i
IN_CLAUSE = "\ue001"  # + two concepts' marks: both in one clause
ACROSS = "\ue002"  # + two concepts' marks: one in a clause, one in the next (a pair window)
# which features a model is trained on (``train``'s ``kinds``): character grams, the concepts
# (each present, each pair in a clause, each pair across two clauses) and the concept-marked grams
# (the clause with each form replaced by its concept's mark: 花呗要加0块 -> ⟨CREDIT⟩要⟨CHARGE⟩块)
KINDS = frozenset({"grams", "concepts", "marked"})


# written Cantonese read as the Mandarin it stands for, one character for one (so that the rules'
# offsets still hold), on the rules' normalised copy (traditional already simplified): 唔开发票 is
# 不开发票, 闩咗张单 关了张单, 买唔起 买不起. Only characters that are Cantonese
# and nothing else in a shop's Mandarin (not 系, 边, 讲, 点, 仲, 晒, 咪: 系统, 旁边, 讲究, 一点, 仲裁, 晒图, 猫咪)
CANTONESE = str.maketrans({
    "唔": "不", "咗": "了", "嘅": "的", "哋": "们", "佢": "他", "喺": "在", "畀": "给", "俾": "给", "嚟": "来", "睇": "看",
    "咩": "啥", "乜": "啥", "嗰": "那", "\U00020bb6": "那", "闩": "关", "啲": "些", "咁": "这", "攞": "拿", "冇": "没", "揾": "找",
    "嬲": "气", "唞": "歇",
})


def model_copy(text: str) -> tuple[str, list[int] | None]:
    """The rules' normalised copy of ``text`` (and its offsets into ``text``), as the model reads it:
    written Cantonese folded (``CANTONESE``), private-use characters kept for ``_PUA`` to drop."""
    folded, index = normalise(text)
    return folded.translate(CANTONESE), index


def fold_clause(text: str) -> str:
    """``text`` as the model reads a clause: the rules' normalised copy, Cantonese read as Mandarin,
    numbers folded to 0."""
    return _NUMBER.sub("0", _PUA.sub("", model_copy(text)[0]))


def _clause_grams(clause: str) -> set[str]:
    padded = f"<{clause}>"
    out = set(clause)
    for n in (2, 3):
        out.update(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


def _concept_grams(clause: str) -> tuple[set[str], frozenset[int]]:
    """A clause's concept features and its concepts: each concept (its mark), each pair of
    concepts in the clause, and the marked clause's grams that hold a mark."""
    found = concepts.find(clause, fold_clause)
    if not found:
        return set(), frozenset()
    present = frozenset(c for _, _, cs in found for c in cs)
    marks = {c: chr(CONCEPT_MARK + c) for c in present}
    out = set(marks.values())
    ordered = sorted(present)
    out.update(IN_CLAUSE + marks[a] + marks[b] for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    parts, last = ["<"], 0
    for start, end, cs in found:
        parts.append(clause[last:start])
        parts.append(marks[cs[0]])
        last = end
    parts.append(clause[last:])
    padded = "".join(parts) + ">"
    # the marked clause's grams of two and three characters that hold a mark
    for p, ch in enumerate(padded):
        if ch in out:
            out.update((padded[p - 1 : p + 1], padded[p : p + 2], padded[max(p - 2, 0) : p + 1], padded[p - 1 : p + 2], padded[p : p + 3]))
    return out, present


def across(first: frozenset[int], second: frozenset[int]) -> set[str]:
    """The features of two neighbouring clauses' concepts together (a pair window's own)."""
    return {ACROSS + chr(CONCEPT_MARK + a) + chr(CONCEPT_MARK + b) for a in first for b in second}


def kind_of(feature: str) -> str:
    """Which of ``KINDS`` a feature is."""
    if not _PUA.search(feature):
        return "grams"
    if feature[0] in (IN_CLAUSE, ACROSS) or len(feature) == 1:
        return "concepts"
    return "marked"


_SENTENCE_END = re.compile(r"[。！？!?；;\n～~…]")


def clause_parts(text: str, with_concepts: bool = True) -> tuple[list[tuple[int, int]], list[set[str]], list[bool], list[frozenset[int]]]:
    """The clauses of ``text`` as spans of ``text`` itself, each clause's features, for each
    clause but the last whether it shares a sentence with the next (only a comma or a space
    between them: 包邮的哦，您那边要补十块), and each clause's concepts (none, and no concept
    features, without ``with_concepts``: a model trained on the grams alone)."""
    folded, index = model_copy(text)
    spans: list[tuple[int, int]] = []
    feats: list[set[str]] = []
    joins: list[bool] = []
    found: list[frozenset[int]] = []
    pos = 0
    separator = ""
    for m in list(_CLAUSE.finditer(folded)) + [None]:
        end = m.start() if m else len(folded)
        if end > pos:
            clause = _NUMBER.sub("0", _PUA.sub("", folded[pos:end]))
            if clause:
                if spans:
                    joins.append(not _SENTENCE_END.search(separator))
                start, stop = (index[pos], index[end - 1] + 1) if index is not None else (pos, end)
                spans.append((start, stop))
                grams = _clause_grams(clause)
                if with_concepts:
                    marked, present = _concept_grams(clause)
                    grams |= marked
                else:
                    present = frozenset()
                feats.append(grams)
                found.append(present)
                separator = ""
        if m is None:
            break
        separator += m.group()
        pos = m.end()
    return spans, feats, joins, found


def clause_windows(text: str) -> tuple[list[tuple[int, int]], list[set[str]], list[bool]]:
    """``clause_parts`` without the concepts."""
    spans, feats, joins, _ = clause_parts(text)
    return spans, feats, joins


def features(text: str, kinds: frozenset[str] = KINDS) -> list[str]:
    """A draft's features for training: each clause's (a feature in two clauses counts twice, so
    that a window's score is the sum of its clauses' scores) and each joined pair's concepts
    across, of the ``kinds`` asked for."""
    _, feats, joins, found = clause_parts(text)
    out = [g for clause in feats for g in clause]
    out.extend(g for i, joined in enumerate(joins) if joined for g in across(found[i], found[i + 1]))
    return out if kinds == KINDS else [g for g in out if kind_of(g) in kinds]


@dataclass(frozen=True)
class ModelHit:
    rule: str
    start: int  # offsets into the checked text
    end: int
    logit: float


@dataclass(frozen=True)
class ReplyModel:
    rules: tuple[str, ...]
    # gram -> one weight per rule of ``rules``: a dict given is kept as GramWeights (integer keys
    # and typed arrays: 0.75 MB of the sidebar's memory where the dict of tuples took 8.6 MB)
    weights: Mapping[str, Sequence[float]]
    bias: tuple[float, ...]
    thresholds: tuple[float, ...]
    corpus_sha256: str = ""
    # whether any weight is a concept feature (None: read from the weights): a model of the grams
    # alone does not look for concepts
    concepts: bool | None = None

    def __post_init__(self) -> None:
        if self.concepts is None:
            object.__setattr__(self, "concepts", any(_PUA.search(g) for g in self.weights))
        if not isinstance(self.weights, GramWeights):
            object.__setattr__(self, "weights", GramWeights(self.weights, len(self.rules)))

    def _clause_scores(self, feats: list[set[str]]) -> list[tuple[float, ...]]:
        w = self.weights
        assert isinstance(w, GramWeights)
        return [w.sums(w.positions(clause)) for clause in feats]

    def windows(self, text: str) -> list[tuple[int, int, tuple[float, ...]]]:
        """Every clause and every pair of neighbouring clauses of ``text``: span and one logit a rule."""
        spans, feats, joins, found = clause_parts(text, bool(self.concepts))
        scores = self._clause_scores(feats)
        b = self.bias
        out = [(s, e, tuple(x + y for x, y in zip(b, sc))) for (s, e), sc in zip(spans, scores)]
        for i in range(len(spans) - 1 if PAIRS else 0):
            if not joins[i]:
                continue
            pair = tuple(x + y + z for x, y, z in zip(b, scores[i], scores[i + 1]))
            if found[i] and found[i + 1]:  # the two clauses' concepts together
                pair = tuple(x + y for x, y in zip(pair, self._clause_scores([across(found[i], found[i + 1])])[0]))
            out.append((spans[i][0], spans[i + 1][1], pair))
        return out

    def hits(self, text: str, skip: Iterable[str] = ()) -> list[ModelHit]:
        """One hit per rule (not in ``skip``) whose best window scores at or above its threshold:
        the best window, or the best single clause inside it when that clause alone is above too."""
        skipped = set(skip)
        windows = self.windows(text)
        if not windows:
            return []
        out = []
        for r, rule in enumerate(self.rules):
            if rule in skipped:
                continue
            threshold = self.thresholds[r]
            # the first of the windows that tie for the best score: a clause said twice scores the
            # same twice up to the order of a float sum (set order, the hash seed), which must not
            # decide where the finding is
            top = max(w[2][r] for w in windows)
            if top < threshold:
                continue
            best = next(w for w in windows if w[2][r] >= top - 1e-9)
            inner = [w for w in windows if best[0] <= w[0] and w[1] <= best[1] and w[2][r] >= threshold]
            start, end, scores = min(inner, key=lambda w: w[1] - w[0])
            out.append(ModelHit(rule, start, end, scores[r]))
        return out

    def logits(self, text: str) -> dict[str, float]:
        """Each rule's best window logit (for choosing thresholds and for tests)."""
        windows = self.windows(text)
        return {rule: max((w[2][r] for w in windows), default=-math.inf) for r, rule in enumerate(self.rules)}

    def as_json(self) -> str:
        weights = {}
        for g, row in sorted(self.weights.items()):
            weights[g] = list(row)
        return json.dumps(
            {"corpus_sha256": self.corpus_sha256, "rules": list(self.rules), "bias": list(self.bias),
             "thresholds": list(self.thresholds), "weights": weights},
            ensure_ascii=False, separators=(",", ":"),
        ).replace('],"', '],\n"')


def read_corpus(path: Path) -> list[tuple[frozenset[str], str]]:
    """``label<TAB>draft`` rows (label: rule ids, comma-separated, or ok / -); # lines and blank
    lines skipped."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        label, sep, text = line.partition("\t")
        labels = frozenset() if label.strip() in ("ok", "-") else frozenset(x.strip() for x in label.split(","))
        if not sep or not text.strip() or not labels <= set(RULE_IDS):
            raise ValueError(f"{path}:{number}: expected rule ids or ok<TAB>draft")
        rows.append((labels, text))
    return rows


def corpus_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(
    rows: Sequence[tuple[frozenset[str], str]], sha256: str = "", rules: Sequence[str] = RULE_IDS,
    *, epochs: int = EPOCHS, l2: float = L2, momentum: float = 0.0, row_weights: Sequence[float] | None = None,
    kinds: frozenset[str] = KINDS,
) -> ReplyModel:
    """One-vs-rest logistic regressions by full-batch gradient descent on sparse counts
    (deterministic; ``replyfit``), with Nesterov ``momentum`` if not 0. Each rule's positives and
    negatives weigh the same in its loss; ``row_weights`` (one per row, default 1) weigh rows
    within their class; ``kinds``: the features trained on (``KINDS``: all)."""
    from .replyfit import fit

    docs = [features(text, kinds) for _, text in rows]
    counts: dict[str, int] = {}
    for doc in docs:
        for g in set(doc):
            counts[g] = counts.get(g, 0) + 1
    vocab = sorted(g for g, c in counts.items() if c >= MIN_COUNT)
    w, b = fit(docs, [labels for labels, _ in rows], rules, vocab, epochs=epochs, rate=LEARNING_RATE, l2=l2,
               momentum=momentum, row_weights=row_weights)
    # rounded as shipped (3 decimals), so that thresholds chosen on this model hold for the file
    weights = {g: tuple(round(float(x), 3) for x in w[i]) for i, g in enumerate(vocab)}
    weights = {g: row for g, row in weights.items() if any(row)}
    return ReplyModel(tuple(rules), weights, tuple(float(x) for x in b), (DEFAULT_THRESHOLD,) * len(rules), sha256)


Scored = tuple[frozenset[str], Mapping[str, float], set[str]]  # labels, each rule's logit, rules' own findings


def choose_thresholds(
    model: ReplyModel,
    validation: Sequence[tuple[frozenset[str], str]],
    keep_clean: Sequence[tuple[frozenset[str], str]] = (),
    found_by_rules: Callable[[str], set[str]] | None = None,
    false_weight: float = 3.0,
    floor: float = 0.0,
) -> tuple[float, ...]:
    """Each rule's threshold, ``thresholds_from_logits`` on ``model``'s logits of ``validation``
    and ``keep_clean``. ``found_by_rules(text)`` gives the rule ids the rules already find (the
    model is not asked about those)."""
    found: Callable[[str], set[str]] = found_by_rules or (lambda text: set())
    val = [(labels, model.logits(text), found(text)) for labels, text in validation]
    clean = [(labels, model.logits(text), found(text)) for labels, text in keep_clean]
    return thresholds_from_logits(model.rules, val, clean, false_weight, floor)


def thresholds_from_logits(
    rules: Sequence[str], validation: Sequence[Scored], keep_clean: Sequence[Scored] = (),
    false_weight: float = 3.0, floor: float = 0.0,
) -> tuple[float, ...]:
    """Each rule's threshold: on ``validation``, the logit that minimises (violations of the rule the
    rules miss and the model would miss) + ``false_weight`` × (drafts without the rule the model
    would flag with it), at least ``floor``; and above every draft of ``keep_clean`` that does not
    carry the rule (the shipped library, the suite's development drafts). Drafts whose rule the
    rules already find count for neither side."""
    out = []
    for rule in rules:
        ceiling = max((lg[rule] for labels, lg, f in keep_clean if rule not in labels and rule not in f), default=-math.inf)
        pos = sorted(lg[rule] for labels, lg, f in validation if rule in labels and rule not in f)
        neg = sorted(lg[rule] for labels, lg, f in validation if rule not in labels and rule not in f)
        best_t, best_cost = None, math.inf
        # scores are sums in set order, which changes with the interpreter's hash seed: a margin of
        # 1e-6 below a violation and 1e-3 above the cleanest draft that must stay clean
        for t in sorted({p - 1e-6 for p in pos} | {q + 1e-6 for q in neg} | {floor}):
            t = max(t, floor, ceiling + 1e-3)
            # misses: violations below t; false flags: drafts without the rule at or above t
            cost = bisect.bisect_left(pos, t) + false_weight * (len(neg) - bisect.bisect_left(neg, t))
            if cost < best_cost:
                best_t, best_cost = t, cost
        t = best_t if best_t is not None else max(floor, DEFAULT_THRESHOLD)
        out.append(float(t))  # kept exact: a draft scoring t is found, the clean ones just below are not
    return tuple(out)


def _resources() -> Path:
    from ..resources import resource_path

    return resource_path(CORPUS_NAME).parent


def load_model(path: Path) -> ReplyModel:
    data = gzjson.read(path)
    rules = tuple(str(r) for r in data["rules"])
    k = len(rules)
    bias = tuple(float(x) for x in data["bias"])
    thresholds = tuple(float(x) for x in data["thresholds"])
    if len(bias) != k or len(thresholds) != k:
        raise ValueError(f"{path}: weights do not match the {k} rules")
    try:  # straight from the parsed JSON into arrays: no dict of tuples on the way
        weights = GramWeights({str(g): row for g, row in data["weights"].items()}, k)
    except ValueError as exc:
        raise ValueError(f"{path}: weights do not match the {k} rules ({exc})") from None
    concepts = any(_PUA.search(str(g)) for g in data["weights"])
    return ReplyModel(rules, weights, bias, thresholds, str(data.get("corpus_sha256", "")), concepts)


@lru_cache(maxsize=1)
def shipped_model() -> ReplyModel | None:
    """The trained weights shipped with the program, or None (with a logged warning) if the file is
    missing or broken: the rules then check alone."""
    try:
        return load_model(_resources() / MODEL_NAME)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("reply model not loaded (%s); the rules check alone", exc)
        return None
