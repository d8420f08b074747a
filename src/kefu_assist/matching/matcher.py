"""Buyer message -> ranked script suggestions. Pure Python, no Qt, no I/O after construction.

How a message is scored against the library:
1. normalise it (normalize.py) and split it into clauses, one per question;
2. describe each text as a sparse vector of features, each weighted by its IDF over all examples:
   jieba tokens with synonyms folded (weight 1) and character bigrams of the canonical text
   (weight ``bigram_weight``), which catch words the dictionary cuts differently and typos jieba
   does not know;
3. find candidate examples through an inverted index and take the cosine similarity;
4. re-rank the best candidates with rapidfuzz's character-level ratio, add a bonus for the
   script's keywords found in the message, and keep each script's best example;
5. for a message of several clauses, score each clause as well and make sure the best script of
   each clause reaches the top of the list, so that 能便宜点吗？包邮吗？ surfaces both.
"""
from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from ..library.model import Library, Script
from .normalize import clauses as split_clauses
from .normalize import normalize
from .tokenize import Tokenizer

DEFAULT_THRESHOLD = 0.45
RERANK = 60  # candidates re-scored with rapidfuzz per text
WHOLE_MAX_CHARS = 160  # the whole-message pass looks at this much; clauses cover the rest
CLAUSE_MAX_CHARS = 60


@dataclass(frozen=True)
class MatcherConfig:
    """The matcher's knobs. The defaults are what ships; the switches exist so that
    benchmarks/ablation.py can measure what each part contributes."""

    threshold: float = DEFAULT_THRESHOLD
    bigram_weight: float = 0.6  # 0 turns character bigrams off
    fuzz_weight: float = 0.3  # share of rapidfuzz's ratio in the example similarity; 0 turns it off
    coverage_weight: float = 0.4  # share of "how much of the message the script's words cover"
    keyword_bonus: float = 0.15
    keyword_bonus_max: float = 0.3
    synonyms: bool = True
    clauses: bool = True
    # A clause's score counts less the smaller its part of the message: 谢谢啦 closing a long
    # message is not what the message is about.
    clause_discount: float = 0.25
    # Pleasantries come after the real question when a message holds both (老板你好，能开发票吗).
    courtesy_categories: tuple[str, ...] = ("greeting", "thanks")


@dataclass(frozen=True)
class Suggestion:
    script_id: str
    category: str
    title: str
    score: float
    confident: bool
    matched_terms: tuple[str, ...] = ()
    example: str = ""  # the library example that matched best
    clause: str = ""  # the part of the message it answers


@dataclass(frozen=True)
class _Example:
    script: int
    text: str  # canonical text without spaces, for rapidfuzz
    original: str
    features: dict[int, float]
    norm: float


@dataclass
class _Scored:
    score: float = 0.0
    example: int = -1
    terms: tuple[str, ...] = ()
    clause: str = ""


@dataclass(frozen=True)
class _Query:
    text: str
    features: dict[int, float]
    norm: float
    surface: tuple[tuple[str, str], ...]  # (surface token, canonical token)
    canonical: str = field(default="")


def _bigrams(text: str) -> Iterable[str]:
    for part in text.split(" "):
        if len(part) == 1:
            yield part
        for i in range(len(part) - 1):
            yield part[i : i + 2]


class Matcher:
    """An index over one library. Build it off the GUI thread (it segments every example);
    ``suggest`` is then cheap and safe to call from any thread."""

    def __init__(self, library: Library, *, dictionary: Path, cache_dir: Path | None = None, config: MatcherConfig | None = None):
        self.library = library
        self.config = config = config or MatcherConfig()
        self.threshold = config.threshold
        words = list(library.vocabulary)
        for script in library.scripts:
            words.extend(script.keywords)
        self.tokenizer = Tokenizer(dictionary, words=words, synonyms=library.synonyms if config.synonyms else (), cache_dir=cache_dir)
        self._scripts: list[Script] = list(library.matchable)
        self._feature_ids: dict[str, int] = {}
        self._postings: dict[int, list[int]] = defaultdict(list)
        self._examples: list[_Example] = []
        self._keywords: list[tuple[tuple[str, tuple[str, ...]], ...]] = []
        self._script_tokens: list[set[str]] = []
        self._build()

    # -- index ----------------------------------------------------------------------------
    def _raw_features(self, normalized: str) -> tuple[dict[str, float], tuple[tuple[str, str], ...], str]:
        surface = self.tokenizer.surface_tokens(normalized)
        pairs = tuple((t, self.tokenizer.canonical_token(t)) for t in surface)
        canonical = self.tokenizer.canonical_text(normalized)
        feats: dict[str, float] = {}
        for _, tok in pairs:
            feats["t:" + tok] = 1.0
        if self.config.bigram_weight > 0:
            for bg in _bigrams(canonical):
                feats.setdefault("b:" + bg, self.config.bigram_weight)
        return feats, pairs, canonical

    def _build(self) -> None:
        raw: list[tuple[int, dict[str, float], str, str]] = []
        df: dict[str, int] = defaultdict(int)
        for s_idx, script in enumerate(self._scripts):
            kws = []
            vocab: set[str] = set()
            for kw in script.keywords:
                toks = self.tokenizer.tokens(normalize(kw))
                if toks:
                    kws.append((kw, toks))
                    vocab.update(toks)
            self._keywords.append(tuple(kws))
            for example in script.examples:
                normalized = normalize(example)
                if not normalized:
                    continue
                feats, pairs, canonical = self._raw_features(normalized)
                vocab.update(tok for _, tok in pairs)
                raw.append((s_idx, feats, canonical.replace(" ", ""), example))
                for f in feats:
                    df[f] += 1
            self._script_tokens.append(vocab)
        n_docs = max(1, len(raw))
        self._idf = {f: math.log(1.0 + n_docs / d) for f, d in df.items()}
        self._default_idf = math.log(1.0 + n_docs)
        ids = self._feature_ids
        for s_idx, feats, text, original in raw:
            weighted: dict[int, float] = {}
            for f, w in feats.items():
                fid = ids.setdefault(f, len(ids))
                weighted[fid] = w * self._idf[f]
            norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
            e_idx = len(self._examples)
            self._examples.append(_Example(s_idx, text, original, weighted, norm))
            for fid in weighted:
                self._postings[fid].append(e_idx)
        # Very common features (in more than this many examples) are not walked through the
        # index; they only add to candidates found by rarer ones. Keeps big libraries fast.
        self._common_df = max(400, n_docs // 20)

    @property
    def example_count(self) -> int:
        return len(self._examples)

    # -- query ----------------------------------------------------------------------------
    def _query(self, normalized: str) -> _Query:
        feats, pairs, canonical = self._raw_features(normalized)
        out: dict[int, float] = {}
        for f, w in feats.items():
            fid = self._feature_ids.get(f)
            if fid is not None:
                out[fid] = w * self._idf[f]
        # Features the library never saw still make the message less like any example.
        unseen = sum((w * self._default_idf) ** 2 for f, w in feats.items() if f not in self._feature_ids)
        norm = math.sqrt(sum(v * v for v in out.values()) + unseen) or 1.0
        return _Query(normalized, out, norm, pairs, canonical)

    def _score_text(self, normalized: str) -> dict[int, _Scored]:
        """Best score per script index for one text."""
        q = self._query(normalized)
        if not q.features:
            return {}
        acc: dict[int, float] = defaultdict(float)
        common = []
        for fid, w in q.features.items():
            posting = self._postings[fid]
            if len(posting) > self._common_df:
                common.append((fid, w))
                continue
            for e_idx in posting:
                acc[e_idx] += w * self._examples[e_idx].features[fid]
        if not acc and common:
            # Only common features: walk the rarest of them after all.
            fid, w = min(common, key=lambda fw: len(self._postings[fw[0]]))
            common.remove((fid, w))
            for e_idx in self._postings[fid]:
                acc[e_idx] += w * self._examples[e_idx].features[fid]
        for fid, w in common:
            for e_idx in acc:
                v = self._examples[e_idx].features.get(fid)
                if v:
                    acc[e_idx] += w * v
        if not acc:
            return {}
        top = heapq.nlargest(RERANK, acc.items(), key=lambda kv: kv[1] / self._examples[kv[0]].norm)
        q_text = q.canonical.replace(" ", "")
        fuzz_weight = self.config.fuzz_weight
        best: dict[int, _Scored] = {}
        for e_idx, dot in top:
            ex = self._examples[e_idx]
            cosine = dot / (q.norm * ex.norm)
            similarity = (1.0 - fuzz_weight) * cosine
            if fuzz_weight:
                similarity += fuzz_weight * fuzz.ratio(q_text, ex.text) / 100.0
            cur = best.get(ex.script)
            if cur is None or similarity > cur.score:
                best[ex.script] = _Scored(similarity, e_idx)
        q_tokens = list(dict.fromkeys(tok for _, tok in q.surface))
        token_idf = [self._idf.get("t:" + t, self._default_idf) for t in q_tokens]
        total_idf = sum(token_idf)
        cw = self.config.coverage_weight
        for s_idx, scored in best.items():
            vocab = self._script_tokens[s_idx]
            if total_idf > 0:
                coverage = sum(w for t, w in zip(q_tokens, token_idf) if t in vocab) / total_idf
            else:  # nothing but particles: the example similarity has to speak for itself
                coverage = scored.score
            hits = [kw for kw, toks in self._keywords[s_idx] if _contains_run(q_tokens, toks)]
            bonus = min(self.config.keyword_bonus_max, self.config.keyword_bonus * len(hits))
            scored.score = min(1.0, (1.0 - cw) * scored.score + cw * coverage + bonus)
            terms = [surf for surf, canon in q.surface if canon in vocab]
            scored.terms = tuple(dict.fromkeys(terms + hits))
            scored.clause = normalized
        return best

    def suggest(self, message: str, *, limit: int = 5) -> list[Suggestion]:
        """Suggestions for a buyer message, best first. Confident ones (score >= threshold) come
        first; the rest are the closest scripts, for the agent to glance at."""
        normalized = normalize(message)
        if not normalized or not self._examples or limit <= 0:
            return []
        parts = split_clauses(normalized, max_clauses=64)
        if len(parts) > 8:  # a long paste: the questions tend to be at its start and its end
            parts = parts[:4] + parts[-4:]
        parts = [p[:CLAUSE_MAX_CHARS] for p in parts]
        whole = self._score_text(normalized[:WHOLE_MAX_CHARS])
        combined: dict[int, _Scored] = dict(whole)
        leaders: dict[int, _Scored] = {}
        if whole:
            s_idx = max(whole, key=lambda k: whole[k].score)
            leaders[s_idx] = whole[s_idx]
        if len(parts) > 1 and self.config.clauses:
            total_chars = sum(len(p) for p in parts)
            for part in parts:
                scored = self._score_text(part)
                if not scored:
                    continue
                factor = 1.0 - self.config.clause_discount * (1.0 - len(part) / total_chars)
                for s_idx, sc in scored.items():
                    sc.score *= factor
                    if s_idx not in combined or sc.score > combined[s_idx].score:
                        combined[s_idx] = sc
                s_idx = max(scored, key=lambda k: scored[k].score)
                if scored[s_idx].score >= self.threshold:
                    covered = {self._scripts[i].category for i in leaders}
                    if self._scripts[s_idx].category not in covered:
                        leaders[s_idx] = combined[s_idx]
        courtesy = set(self.config.courtesy_categories) if len(parts) > 1 else set()
        substantive = any(
            sc.score >= self.threshold and self._scripts[k].category not in courtesy for k, sc in combined.items()
        )

        def rank_key(k: int) -> tuple[bool, float, int]:
            polite = substantive and self._scripts[k].category in courtesy
            return (polite, -combined[k].score, k)

        ranked = sorted(combined, key=rank_key)
        lead = sorted(leaders, key=rank_key)
        order = lead + [k for k in ranked if k not in leaders]
        out: list[Suggestion] = []
        for s_idx in order[:limit]:
            sc = combined[s_idx]
            script = self._scripts[s_idx]
            out.append(
                Suggestion(
                    script_id=script.id,
                    category=script.category,
                    title=script.title,
                    score=round(sc.score, 4),
                    confident=sc.score >= self.threshold,
                    matched_terms=sc.terms,
                    example=self._examples[sc.example].original,
                    clause=sc.clause,
                )
            )
        # confident first, keeping the order within each group
        out.sort(key=lambda s: not s.confident)
        return out


def _contains_run(tokens: Sequence[str], run: Sequence[str]) -> bool:
    """Whether ``run`` appears as consecutive tokens: 运费 is a keyword hit in 运费多少 but not
    in 退货运费 (a word of its own)."""
    n = len(run)
    if n == 1:
        return run[0] in tokens
    return any(tuple(tokens[i : i + n]) == tuple(run) for i in range(len(tokens) - n + 1))


def build_matcher(library: Library, *, cache_dir: Path | None = None, config: MatcherConfig | None = None) -> Matcher:
    from ..resources import resource_path

    return Matcher(library, dictionary=resource_path("jieba_dict.txt"), cache_dir=cache_dir, config=config)


def categories_of(suggestions: Sequence[Suggestion]) -> list[str]:
    return [s.category for s in suggestions]
