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
5. mix in the trained co-ranker (coranker.py): the probability that the text belongs to the
   script's category, from a character n-gram model trained on the library's examples and a
   corpus of chatter; the two become one calibrated score, a probability that the script is
   right, and the co-ranker's off-topic class keeps chit-chat and noise from being confident;
6. for a message of several clauses, score each clause as well and make sure the best script of
   each clause reaches the top of the list, so that 能便宜点吗？包邮吗？ surfaces both.
"""
from __future__ import annotations

import functools
import heapq
import math
import pickle
import re
import subprocess
import threading
from array import array
from bisect import bisect_left
from collections import deque
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from ..code_id import code_id
from ..library.model import Library, Script
from . import coranker as coranker_module
from . import hurry
from . import index_cache
from .normalize import clauses as split_clauses
from .normalize import normalize, normalize_many
from .tokenize import Tokenizer

DEFAULT_THRESHOLD = 0.50  # a calibrated probability: confident when more likely right than not
PRESELECT = 300  # candidates whose exact cosine is computed, per text
RERANK = 60  # of those, the ones re-scored with rapidfuzz
WHOLE_MAX_CHARS = 160  # the whole-message pass looks at this much; clauses cover the rest
CLAUSE_MAX_CHARS = 60


@dataclass(frozen=True)
class MatcherConfig:
    """The matcher's knobs. The defaults are what ships; the switches exist so that
    benchmarks/ablation.py can measure what each part contributes."""

    threshold: float = DEFAULT_THRESHOLD
    bigram_weight: float = 0.6  # 0 turns character bigrams off
    fuzz_weight: float = 0.3  # share of rapidfuzz's ratio in the example similarity; 0 turns it off
    coverage_weight: float = 0.3  # share of "how much of the message the script's words cover"
    centroid_weight: float = 0.2  # share of the cosine with the mean of the script's examples
    keyword_bonus: float = 0.15
    keyword_bonus_max: float = 0.3
    synonyms: bool = True
    clauses: bool = True
    # A clause's score counts less the smaller its part of the message: 谢谢啦 closing a long
    # message is not what the message is about.
    clause_discount: float = 0.25
    # Pleasantries come after the real question when a message holds both (老板你好，能开发票吗).
    courtesy_categories: tuple[str, ...] = ("greeting", "thanks")
    # Chit-chat a library may describe with examples (今天好冷, 你几岁了): a message most like
    # them is not a question about shopping, so nothing is confident for it, and their own
    # scripts (a friendly way back to business) are shown but never confident.
    small_talk_categories: tuple[str, ...] = ("small_talk",)
    # The trained co-ranker and the calibration that turns (matcher score, co-ranker
    # probability of the script's category) into the probability of being right: logistic,
    # fitted on the buyer and tuning sets (benchmarks/calibrate.py), never on the held-out one.
    coranker: bool = True
    negation: float = 0.5  # factor for an example asserting what the message negates; 0 turns it off
    hurry: bool = True  # hi/88/高170重140, pinyin (baoyou ma) and homophone slips (诱惑 for 有货)
    chatter: bool = True  # train the off-topic class on resources/chatter.txt too
    # a text whose chatter probability reaches this is off-topic: nothing is confident for it
    # except what one of its clauses asks in earnest
    offtopic_veto: float = 0.4  # chosen on the dev, buyer and tuning sets (0.5 let 你们老板帅吗 through; 0.35 cost a question)
    calib_matcher: float = 7.04
    calib_coranker: float = 5.03
    calib_bias: float = -3.13
    # While the co-ranker trains in the background (Matcher(background_training=True), the
    # sidebar's first start after a library edit), the matcher's own score alone, calibrated the
    # same way on the same sets (benchmarks/calibrate.py --plain).
    plain_calib_matcher: float = 8.87
    plain_calib_bias: float = -2.75


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
    chit_chat: bool = False  # a script of a small-talk category (never confident)


@dataclass
class _Scored:
    score: float = 0.0
    example: int = -1
    terms: tuple[str, ...] = ()
    clause: str = ""
    raw: float = 0.0  # the matcher's own score, before calibration (benchmarks/calibrate.py)
    p_category: float = 0.0  # the co-ranker's probability of the script's category


@dataclass(frozen=True)
class _Query:
    text: str
    features: dict[int, float]
    norm: float
    surface: tuple[tuple[str, str], ...]  # (surface token, canonical token)
    canonical: str = field(default="")


consume = deque(maxlen=0).extend  # runs an iterator to its end in C


def _bigrams(text: str) -> Iterable[str]:
    for part in text.split(" "):
        yield from _part_bigrams(part)


def _part_bigrams(part: str) -> Iterable[str]:
    """The character bigrams of a clause (the character itself when it has only one)."""
    return map(str.__add__, part, part[1:]) if len(part) > 1 else (part,) if part else ()


# What _build computes: saved and restored as a whole by index_cache.
_INDEX_STATE = (
    "_feature_ids",
    "_fweight",
    "_postings",
    "_common",
    "_common_df",
    "_ex_script",
    "_ex_inv_norm",
    "_ex_weight",
    "_ex_text",
    "_ex_original",
    "_keywords",
    "_script_tokens",
    "_centroid_inv_norm",
    "_script_examples",
    "_default_idf",
    "_coranker",
    "_respeller",
)


class Matcher:
    """An index over one library. Build it off the GUI thread (it segments every example);
    ``suggest`` is then cheap and safe to call from any thread. With a ``cache_dir``, jieba's
    prefix dictionary and the built index are kept there between runs."""

    def __init__(
        self,
        library: Library,
        *,
        dictionary: Path,
        cache_dir: Path | None = None,
        config: MatcherConfig | None = None,
        extra_examples: Sequence[tuple[str, str, float]] = (),
        chatter: Sequence[str] | None = None,
        background_training: bool = False,
    ):
        """``extra_examples``: (script id, buyer text, weight in (0, 1]) the co-ranker learns
        beside the library's own examples (the hook for examples learned from agents' copies);
        ``chatter``: off-topic messages, by default resources/chatter.txt.
        ``background_training``: when the index is not cached, train the co-ranker in a child
        process (train_child.py) and answer with the matcher alone until its weights arrive
        (:attr:`training`, :meth:`wait_trained`); the index is saved once they have."""
        self.library = library
        self.config = config = config or MatcherConfig()
        self.threshold = config.threshold
        words = list(library.vocabulary)
        for script in library.scripts:
            words.extend(script.keywords)
        self.tokenizer = Tokenizer(dictionary, words=words, synonyms=library.synonyms if config.synonyms else (), cache_dir=cache_dir / "jieba" if cache_dir is not None else None)
        self._scripts: list[Script] = list(library.matchable)
        self._feature_ids: dict[str, int] = {}
        self._fweight: list[float] = []  # IDF x kind weight per feature id (tf is binary)
        self._postings: list[array] = []  # feature id -> example indexes
        self._common: set[int] = set()  # features too frequent to walk
        self._ex_script = array("i")
        self._ex_inv_norm = array("d")
        self._ex_weight = array("d")  # 1 for the library's examples, below 1 for learned ones
        self._ex_text: list[str] = []  # canonical text without spaces, for rapidfuzz
        self._ex_original: list[str] = []
        self._keywords: list[tuple[tuple[str, tuple[str, ...]], ...]] = []
        self._script_tokens: list[set[str]] = []
        self.from_cache = False
        if chatter is None:
            chatter = _shipped_chatter() if config.chatter else ()
        self._chatter = tuple(chatter)
        known = {sc.id for sc in self._scripts}
        self._extra = tuple((sid, text, float(w)) for sid, text, w in extra_examples if sid in known and text and 0 < w <= 1)
        self._coranker: coranker_module.CoRanker | None = None
        self._respeller: hurry.Respeller | None = None
        # the co-ranker's class of each script: its category, or chatter for small talk
        self._labels = [coranker_module.OFFTOPIC if sc.category in config.small_talk_categories else sc.category for sc in self._scripts]
        index_dir = cache_dir / "index" if cache_dir is not None else None
        extra = repr((self._chatter if config.coranker else (), self._extra))  # learned examples are indexed too
        key = index_cache.digest(library, dictionary, config, code_id(__file__), extra=extra)
        self._trained = threading.Event()
        self._trained.set()
        state = index_cache.load(index_dir, key)
        if state is not None:
            for name in _INDEX_STATE:
                setattr(self, name, state[name])
            self.from_cache = True
        else:
            self._build()
            frequency = {key[2:]: len(self._postings[fid]) for key, fid in self._feature_ids.items() if key.startswith("t:")} if config.hurry else None
            if config.coranker and background_training:
                # the readings for hurry.py come with the weights: until then, as typed
                self._trained.clear()
                samples = self._training_samples()
                threading.Thread(target=self._train_in_background, args=(samples, frequency, index_dir, key), name="kefu-coranker", daemon=True).start()
                return
            if frequency is not None:
                self._respeller = hurry.Respeller.build(frequency)
            if config.coranker:
                self._coranker = coranker_module.train(self._training_samples())
            index_cache.save(index_dir, key, {name: getattr(self, name) for name in _INDEX_STATE})

    @property
    def training(self) -> bool:
        """True while the co-ranker trains in the background (the matcher alone answers)."""
        return not self._trained.is_set()

    def wait_trained(self, timeout: float | None = None) -> bool:
        """Wait for a background training to end; True when it has (or there was none)."""
        return self._trained.wait(timeout)

    def _train_in_background(self, samples: list, frequency: dict[str, int] | None, index_dir: Path | None, key: str) -> None:
        from . import train_child

        try:
            try:
                ranker, respeller = train_child.train_in_child(samples, frequency)
            except (OSError, RuntimeError, ValueError, EOFError, subprocess.SubprocessError, pickle.UnpicklingError):
                # no child to be had: here, then
                ranker = coranker_module.train(samples)
                respeller = hurry.Respeller.build(frequency) if frequency is not None else None
            self._respeller = respeller
            self._coranker = ranker  # one assignment: a message in flight sees old or new
            index_cache.save(index_dir, key, {name: getattr(self, name) for name in _INDEX_STATE})
        finally:
            self._trained.set()

    # -- index ----------------------------------------------------------------------------
    def _raw_features(self, normalized: str) -> tuple[dict[str, float], tuple[tuple[str, str], ...], str]:
        pairs, canonical = self.tokenizer.analyze(normalized)
        feats: dict[str, float] = {"t:" + tok: 1.0 for _, tok in pairs}
        bigram_weight = self.config.bigram_weight
        if bigram_weight > 0:
            for bg in _bigrams(canonical):
                feats.setdefault("b:" + bg, bigram_weight)
        return feats, pairs, canonical

    def _build(self) -> None:
        postings: list[list[int]] = []
        kinds: list[float] = []
        per_example: list[tuple[int, ...]] = []
        keyword_tokens: dict[str, tuple[str, ...]] = {}
        bigram_weight = self.config.bigram_weight
        token_ids: dict[str, int] = {}
        bigram_ids: dict[str, int] = {}

        def ids_of(keys: Sequence[str], table: dict[str, int], kind: float) -> list[int]:
            fids = list(map(table.get, keys))
            if None in fids:  # features not seen before (keys are distinct)
                i = fids.index(None)
                while True:
                    fid = table[keys[i]] = len(postings)
                    postings.append([])
                    kinds.append(kind)
                    fids[i] = fid
                    try:
                        i = fids.index(None, i + 1)
                    except ValueError:
                        break
            return fids  # type: ignore[return-value]

        # Features are worked out per piece (a library word, or the text between two), since
        # pieces recur far more than whole clauses (10,000 scripts: 30,000 distinct clauses,
        # 9,000 distinct pieces); a clause adds only the bigrams across its pieces' borders,
        # which gives exactly the features of its canonical text (a test holds it to that).
        # Per piece: (feature ids, canonical tokens, canonical text, its first and last character)
        Piece = tuple[tuple[int, ...], tuple[str, ...], str, str, str]
        piece = self.tokenizer.piece
        piece_info: dict[str, Piece] = {}
        piece_get = piece_info.get

        def describe_piece(text: str) -> Piece:
            pairs, canonical = piece(text)
            tokens = tuple(map(itemgetter(1), pairs))
            fids = ids_of(list(dict.fromkeys(tokens)), token_ids, 1.0)
            if bigram_weight > 0 and len(canonical) > 1:
                fids += ids_of(list(dict.fromkeys(map(str.__add__, canonical, canonical[1:]))), bigram_ids, bigram_weight)
            info = piece_info[text] = (tuple(fids), tokens, canonical, canonical[0], canonical[-1])
            return info

        # A clause's features depend on the clause alone, and clauses recur (亲, 在吗, whole
        # sentences shared by scripts for different products): each is described once.
        # Per clause: (feature ids, the tokens of each piece, canonical text)
        part_info: dict[str, tuple[tuple[int, ...], tuple[tuple[str, ...], ...], str]] = {}
        split = self.tokenizer.split

        def describe(part: str) -> tuple[tuple[int, ...], tuple[tuple[str, ...], ...], str]:
            pieces = split(part)
            infos = list(map(piece_get, pieces))
            if None in infos:
                infos = [info or describe_piece(text) for info, text in zip(infos, pieces)]
            if len(infos) == 1:
                fids, tokens, canonical = infos[0][:3]
                if bigram_weight > 0 and len(canonical) == 1:  # a one-character clause is its own "bigram"
                    fids = fids + tuple(ids_of([canonical], bigram_ids, bigram_weight))
                info = part_info[part] = (fids, (tokens,), canonical)
                return info
            f, toks, texts, firsts, lasts = zip(*infos)
            all_fids: Iterable[int] = chain.from_iterable(f)
            if bigram_weight > 0:
                borders = list(dict.fromkeys(map(str.__add__, lasts[:-1], firsts[1:])))
                all_fids = chain(all_fids, ids_of(borders, bigram_ids, bigram_weight))
            info = part_info[part] = (tuple(dict.fromkeys(all_fids)), toks, "".join(texts))
            return info

        # Learned examples (agents' choices) join their script's own, each with its weight: a
        # learned wording counts for less than one the library's authors wrote.
        learned: dict[str, list[tuple[str, float]]] = {}
        for sid, text, weight in self._extra:
            learned.setdefault(sid, []).append((text, weight))
        own = [set(script.examples) for script in self._scripts]
        per_script = [
            [(example, 1.0) for example in script.examples]
            + [(text, w) for text, w in learned.get(script.id, ()) if text not in own[s_idx]]
            for s_idx, script in enumerate(self._scripts)
        ]
        examples = [example for items in per_script for example, _ in items]
        normalized_examples = iter(normalize_many(examples))
        ex_script, ex_text, ex_original, ex_weight = self._ex_script, self._ex_text, self._ex_original, self._ex_weight
        union = frozenset().union
        for s_idx, script in enumerate(self._scripts):
            kws = []
            vocab: set[str] = set()
            for kw in script.keywords:
                toks = keyword_tokens.get(kw)
                if toks is None:
                    toks = keyword_tokens[kw] = self.tokenizer.tokens(normalize(kw))
                if toks:
                    kws.append((kw, toks))
                    vocab.update(toks)
            self._keywords.append(tuple(kws))
            for example, example_weight in per_script[s_idx]:
                normalized = next(normalized_examples)
                if not normalized:
                    continue
                e_idx = len(ex_text)
                parts = normalized.split(" ")
                if len(parts) == 1:
                    fids, toks, text = part_info.get(normalized) or describe(normalized)
                    vocab.update(*toks)
                else:
                    f, toks, texts = zip(*[part_info.get(part) or describe(part) for part in parts])
                    fids = tuple(union(*f))  # a feature found in two clauses counts once
                    text = "".join(texts)
                    vocab.update(*chain.from_iterable(toks))
                consume(map(list.append, map(postings.__getitem__, fids), repeat(e_idx)))  # postings[fid].append(e_idx)
                per_example.append(fids)
                ex_script.append(s_idx)
                ex_text.append(text)
                ex_original.append(example)
                ex_weight.append(example_weight)
            self._script_tokens.append(vocab)
        part_info.clear()
        piece_info.clear()
        self.tokenizer.forget()  # what indexing taught it is not what buyers will type
        self._feature_ids = {"t:" + key: fid for key, fid in token_ids.items()}
        self._feature_ids.update(("b:" + key, fid) for key, fid in bigram_ids.items())
        n_docs = max(1, len(per_example))
        self._default_idf = math.log(1.0 + n_docs)
        self._fweight = weights = [kind * math.log(1.0 + n_docs / len(posting)) for kind, posting in zip(kinds, postings)]
        squares = [w * w for w in weights]
        self._ex_inv_norm = inv_norms = array("d", (1.0 / (math.sqrt(sum(map(squares.__getitem__, fids))) or 1.0) for fids in per_example))
        # Each script's centroid: the mean of its examples' unit vectors (nearest-centroid
        # classification generalises better than the single nearest example on short texts).
        # Only the centroid's norm is kept: its dot product with a message is the sum of the
        # message's dot products with the script's examples, which the query already computes.
        n_scripts = len(self._scripts)
        starts = [0] * (n_scripts + 1)  # where each script's examples start, plus the end
        for s_idx in ex_script:
            starts[s_idx + 1] += 1
        for i in range(n_scripts):
            starts[i + 1] += starts[i]
        self._script_examples = array("i", starts)
        centroid_inv = [1.0] * n_scripts
        for s_idx in range(n_scripts):
            lo, hi = starts[s_idx], starts[s_idx + 1]
            if lo == hi:
                continue
            c: dict[int, float] = {}
            get = c.get
            for e_idx in range(lo, hi):
                inv = inv_norms[e_idx]
                for fid in per_example[e_idx]:
                    c[fid] = get(fid, 0.0) + weights[fid] * inv
            centroid_inv[s_idx] = 1.0 / (math.sqrt(sum([v * v for v in c.values()])) or 1.0)
        self._centroid_inv_norm = array("d", centroid_inv)
        # Features found in very many examples (particles, 亲, 吗 bigrams) are not walked through
        # the index: they only add to the candidates that rarer features found. This keeps a
        # 50,000-example library within a few milliseconds a question.
        self._common_df = max(500, n_docs // 100)
        self._common = {fid for fid, p in enumerate(postings) if len(p) > self._common_df}
        for fid, posting in enumerate(postings):  # in place: never both forms of every list at once
            postings[fid] = array("i", posting)  # type: ignore[call-overload]
        self._postings = postings  # type: ignore[assignment]

    def _training_samples(self) -> list[tuple[str, str, float]]:
        small_talk = set(self.config.small_talk_categories)
        off = coranker_module.OFFTOPIC
        labels = [off if sc.category in small_talk else sc.category for sc in self._scripts]
        by_id = {sc.id: i for i, sc in enumerate(self._scripts)}
        # Only the examples the co-ranker will train on are normalised again (a share of each
        # class in a large library, coranker.MAX_ROWS).
        per_class: dict[str, list[int]] = {}
        for e_idx, s_idx in enumerate(self._ex_script):
            per_class.setdefault(labels[s_idx], []).append(e_idx)
        share = coranker_module.class_share({label: len(ids) for label, ids in per_class.items()})
        chosen = sorted(i for ids in per_class.values() for i in coranker_module.thin(ids, share))
        texts = [*(self._ex_original[i] for i in chosen), *self._chatter, *(t for _, t, _ in self._extra)]
        norm = normalize_many(texts)
        n_ex, n_ch = len(chosen), len(self._chatter)
        samples = [(t, labels[self._ex_script[i]], 1.0) for i, t in zip(chosen, norm)]
        samples += [(t, off, 1.0) for t in norm[n_ex : n_ex + n_ch]]
        samples += [(t, labels[by_id[sid]], w) for (sid, _, w), t in zip(self._extra, norm[n_ex + n_ch :])]
        return samples

    @property
    def example_count(self) -> int:
        return len(self._ex_text)

    # -- query ----------------------------------------------------------------------------
    def _query(self, normalized: str) -> _Query:
        feats, pairs, canonical = self._raw_features(normalized)
        out: dict[int, float] = {}
        for f in feats:
            fid = self._feature_ids.get(f)
            if fid is not None:
                out[fid] = self._fweight[fid]
        # Features the library never saw still make the message less like any example, except
        # product and model names in Latin letters and digits (AirPods Pro 2, iPhone15 Pro Max):
        # what the buyer asks about them is in the other words.
        unseen = sum((w * self._default_idf) ** 2 for f, w in feats.items() if f not in self._feature_ids and not _is_latin_name(f[2:]))
        norm = math.sqrt(sum(v * v for v in out.values()) + unseen) or 1.0
        return _Query(normalized, out, norm, pairs, canonical)

    def _category_label(self, s_idx: int) -> str:
        return self._labels[s_idx]

    def _score_text(self, normalized: str, *, generic_ok: bool = True, ranker: coranker_module.CoRanker | None = None, plain: bool = False) -> tuple[dict[int, _Scored], float]:
        """Best score per script index for one text. With ``generic_ok`` False, a text made
        only of very common words (a clause such as 老板 or 在吗 in a longer message) is not
        scored: it would walk a large part of the index and tell the whole message's score
        nothing new. Also returns the co-ranker's probability that the text is chatter or noise."""
        proba = ranker.proba(normalized) if ranker is not None else None
        p_off = proba.get(coranker_module.OFFTOPIC, 0.0) if proba else 0.0
        q = self._query(normalized)
        if not q.features:
            return {}, p_off
        weights, postings = self._fweight, self._postings
        common = [fid for fid in q.features if fid in self._common]
        walk = sorted((fid for fid in q.features if fid not in self._common), key=lambda f: len(postings[f]))
        if not walk and common and generic_ok:
            # Only common features: walk the rarest of them after all.
            fid = min(common, key=lambda f: len(postings[f]))
            common.remove(fid)
            walk = [fid]
        if not walk:
            return {}, p_off
        # The longest posting first, filled in one C call; the others added on top.
        first = walk.pop()
        acc: dict[int, float] = dict.fromkeys(postings[first], q.features[first] * weights[first])
        get = acc.get
        for fid in walk:
            c = q.features[fid] * weights[fid]
            for e_idx in postings[fid]:
                acc[e_idx] = get(e_idx, 0.0) + c
        inv = self._ex_inv_norm
        shortlist = heapq.nlargest(PRESELECT, [(v * inv[e], e) for e, v in acc.items()]) if len(acc) > PRESELECT else [(0.0, e) for e in acc]
        scored_examples = []
        for _, e_idx in shortlist:
            dot = acc[e_idx]
            for fid in common:
                if _contains(postings[fid], e_idx):
                    dot += q.features[fid] * weights[fid]
            scored_examples.append((dot * inv[e_idx] / q.norm, e_idx))
        top = heapq.nlargest(RERANK, scored_examples)
        if proba:
            # A category the co-ranker favours still gets its nearest script considered when
            # no example of it made the re-rank cut (a wording the examples never used).
            labels, ex_script = self._labels, self._ex_script
            wanted = {c for c, pc in proba.items() if pc >= 0.2}.difference([labels[ex_script[e]] for _, e in top])
            if wanted:
                nearest: dict[str, tuple[float, int]] = {}
                for item in scored_examples:
                    label = labels[ex_script[item[1]]]
                    if label in wanted and (label not in nearest or item > nearest[label]):
                        nearest[label] = item
                top.extend(nearest.values())
        q_text = q.canonical.replace(" ", "")
        fuzz_weight = self.config.fuzz_weight
        best: dict[int, _Scored] = {}
        for cosine, e_idx in top:
            similarity = (1.0 - fuzz_weight) * cosine
            if fuzz_weight:
                similarity += fuzz_weight * fuzz.ratio(q_text, self._ex_text[e_idx]) / 100.0
            similarity *= self._ex_weight[e_idx]
            s_idx = self._ex_script[e_idx]
            cur = best.get(s_idx)
            if cur is None or similarity > cur.score:
                best[s_idx] = _Scored(similarity, e_idx)
        ids, weights = self._feature_ids, self._fweight
        q_tokens = [t for t in dict.fromkeys(tok for _, tok in q.surface) if "t:" + t in ids or not _is_latin_name(t)]
        token_idf = [weights[ids["t:" + t]] if "t:" + t in ids else self._default_idf for t in q_tokens]
        total_idf = sum(token_idf)
        cw = self.config.coverage_weight
        ccw = self.config.centroid_weight
        negated = _negated_words(q_text, q_tokens) if self.config.negation else ()
        for s_idx, scored in best.items():
            vocab = self._script_tokens[s_idx]
            if total_idf > 0:
                coverage = sum(w for t, w in zip(q_tokens, token_idf) if t in vocab) / total_idf
            else:  # nothing but particles: the example similarity has to speak for itself
                coverage = scored.score
            hits = [kw for kw, toks in self._keywords[s_idx] if _contains_run(q_tokens, toks)]
            bonus = min(self.config.keyword_bonus_max, self.config.keyword_bonus * len(hits))
            centroid = 0.0
            if ccw:  # the centroid's dot product is the sum over the script's examples
                lo, hi = self._script_examples[s_idx], self._script_examples[s_idx + 1]
                dots = sum(acc.get(e_idx, 0.0) * inv[e_idx] for e_idx in range(lo, hi))
                centroid = dots * self._centroid_inv_norm[s_idx] / q.norm
            scored.score = min(1.0, (1.0 - cw - ccw) * scored.score + cw * coverage + ccw * centroid + bonus)
            if negated and _asserts(self._ex_text[scored.example], negated):
                # 我都没拒收 is not 拒收可以吗: a word the buyer negates counts against the
                # script whose example asserts it
                scored.score *= self.config.negation
            if proba is not None:
                cfg = self.config
                scored.raw, scored.p_category = scored.score, proba.get(self._category_label(s_idx), 0.0)
                z = cfg.calib_matcher * scored.raw + cfg.calib_coranker * scored.p_category + cfg.calib_bias
                scored.score = 1.0 / (1.0 + math.exp(-z))
            elif plain:  # the co-ranker is still training: the matcher alone, calibrated for that
                cfg = self.config
                scored.raw = scored.score
                scored.score = 1.0 / (1.0 + math.exp(-(cfg.plain_calib_matcher * scored.raw + cfg.plain_calib_bias)))
            terms = [surf for surf, canon in q.surface if canon in vocab]
            scored.terms = tuple(dict.fromkeys(terms + hits))
            scored.clause = normalized
        return best, p_off

    def _respell(self, normalized: str) -> str:
        """What a buyer in a hurry typed, as the library's words (hurry.py)."""
        if not self.config.hurry or not normalized:
            return normalized
        text = hurry.quick_words(normalized)
        respeller = self._respeller
        if respeller is None:
            return text
        text = respeller.pinyin(text)
        return text

    def _homophones(self, normalized: str) -> str:
        """The text with each word the library never uses replaced by the library word read the
        same (诱惑吗 -> 有货吗). Tried only when the text as typed finds nothing confident:
        most unknown words are just words (每次 is not a slip for 没事)."""
        respeller = self._respeller
        if respeller is None or not self.config.hurry:
            return normalized
        text = normalized
        pairs, _ = self.tokenizer.analyze(normalized)
        for surface, _canonical in pairs:
            hit = respeller.homophone(surface)
            if hit:
                text = text.replace(surface, hit)
        return text

    def suggest(self, message: str, *, limit: int = 5) -> list[Suggestion]:
        """Suggestions for a buyer message, best first. Confident ones (score >= threshold) come
        first; the rest are the closest scripts, for the agent to glance at."""
        normalized = self._respell(normalize(message))
        if not normalized or not self._ex_text or limit <= 0:
            return []
        out = self._suggest(normalized, limit)
        if not any(s.confident for s in out):
            corrected = self._homophones(normalized)
            if corrected != normalized:
                again = self._suggest(corrected, limit)
                if any(s.confident and not s.chit_chat for s in again):
                    return again
        return out

    def _suggest(self, normalized: str, limit: int) -> list[Suggestion]:
        parts = split_clauses(normalized, max_clauses=64)
        if len(parts) > 8:  # a long paste: the questions tend to be at its start and its end
            parts = parts[:4] + parts[-4:]
        parts = [p[:CLAUSE_MAX_CHARS] for p in parts]
        if _is_noise(normalized):  # only numbers, codes and links: an order or phone number on its own
            return []
        pending = not self._trained.is_set()  # read before the weights: see _train_in_background
        ranker = self._coranker
        plain = pending and ranker is None
        whole, whole_off = self._score_text(normalized[:WHOLE_MAX_CHARS], ranker=ranker, plain=plain)
        combined: dict[int, _Scored] = dict(whole)
        small_talk = set(self.config.small_talk_categories)
        leaders: dict[int, _Scored] = {}
        main = -1  # what the message as a whole is about
        if whole:
            main = max(whole, key=lambda k: whole[k].score)
            leaders[main] = whole[main]
        # Which part of the message each script answers best, for the agent to see.
        answers: dict[int, tuple[float, str]] = {}
        if len(parts) > 1 and self.config.clauses:
            total_chars = sum(len(p) for p in parts)
            for part in parts:
                if part.isdigit():  # 160 in 160 100斤穿什么码 says nothing on its own (not 618 either)
                    continue
                scored, part_off = self._score_text(part, generic_ok=False, ranker=ranker, plain=plain)
                if not scored:
                    continue
                factor = 1.0 - self.config.clause_discount * (1.0 - len(part) / total_chars)
                for s_idx, sc in scored.items():
                    sc.score *= factor
                    if s_idx not in answers or sc.score > answers[s_idx][0]:
                        answers[s_idx] = (sc.score, part)
                    if s_idx not in combined or sc.score > combined[s_idx].score:
                        combined[s_idx] = sc
                s_idx = max(scored, key=lambda k: scored[k].score)
                if scored[s_idx].score >= self.threshold and self._scripts[s_idx].category not in small_talk and part_off < self.config.offtopic_veto and not _is_noise(part):
                    covered = {self._scripts[i].category for i in leaders}
                    if self._scripts[s_idx].category not in covered:
                        leaders[s_idx] = combined[s_idx]
        courtesy = set(self.config.courtesy_categories) if len(parts) > 1 else set()
        # What may be confident: not chit-chat, and when the message as a whole is most like
        # chit-chat, only what one of its clauses asks for in earnest (今天好冷 包邮吗).
        if main >= 0 and (self._scripts[main].category in small_talk or whole_off >= self.config.offtopic_veto):
            earnest = {k for k in leaders if k != main and self._scripts[k].category not in small_talk}
        else:
            earnest = {k for k, sc in combined.items() if sc.score >= self.threshold and self._scripts[k].category not in small_talk}
        substantive = any(self._scripts[k].category not in courtesy for k in earnest)

        def rank_key(k: int) -> tuple[bool, bool, float, int]:
            # A sub-question (还没发货吧 after 帮我把M改成L) does not outrank what the whole
            # message asks for, when that is confident.
            polite = substantive and self._scripts[k].category in courtesy
            secondary = k != main or whole[main].score < self.threshold
            return (polite, secondary, -combined[k].score, k)

        ranked = sorted(combined, key=rank_key)
        # The questions of a message follow their scores (我要投诉 at 0.82 above a 0.49 card).
        lead = sorted(leaders, key=lambda k: (substantive and self._scripts[k].category in courtesy, -combined[k].score, k))
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
                    confident=s_idx in earnest,
                    matched_terms=sc.terms,
                    example=self._ex_original[sc.example],
                    clause=answers[s_idx][1] if s_idx in answers else sc.clause,
                    chit_chat=script.category in small_talk,
                )
            )
        # confident first, keeping the order within each group
        out.sort(key=lambda s: not s.confident)
        return out


_CODE = r"(?:no|tel|id|sn|order|phone|mobile|[a-z]{0,4}\d[0-9a-z.\-]*|https?://[!-~]*|www\.[!-~]*|[!-~]*\.(?:com|cn|net)\b[!-~]*)"
_NOISE_RE = re.compile(f"{_CODE}(?: {_CODE})*", re.ASCII)


def _is_noise(normalized: str) -> bool:
    """A text of nothing but numbers, codes with digits (SF1234567890) and links: it asks nothing,
    whatever its digits happen to look like."""
    text = normalized.strip()
    return bool(_NOISE_RE.fullmatch(text)) and any(c.isdigit() or c == "." for c in text)


@functools.cache
def _shipped_chatter() -> tuple[str, ...]:
    from ..resources import resource_path

    try:
        with resource_path("chatter.txt").open(encoding="utf-8") as fh:
            return tuple(coranker_module.read_corpus(fh))
    except OSError:  # a bundle without it still matches; only the gate is weaker
        return ()


_NEGATORS = "没不未别"


def _negated_words(text: str, tokens: Sequence[str]) -> tuple[str, ...]:
    """The words of two or more characters that ``text`` negates (没拒收, 不要发票 has none: 要 is
    one character)."""
    out = []
    for t in tokens:
        if len(t) < 2 or t[0] in _NEGATORS:
            continue
        i = text.find(t)
        while i != -1:
            one = i > 0 and text[i - 1] in _NEGATORS and text[i - 2 : i - 1] != t[0]  # 发不发货 asks
            two = text[max(0, i - 2) : i] == "没有" and text[i - 3 : i - 2] != "有"  # 有没有红包 asks
            if one or two:
                out.append(t)
                break
            i = text.find(t, i + 1)
    return tuple(out)


def _asserts(example: str, words: Sequence[str]) -> bool:
    """Whether ``example`` holds one of ``words`` without a negation before it."""
    for w in words:
        i = example.find(w)
        while i != -1:
            if (i == 0 or example[i - 1] not in _NEGATORS) and example[max(0, i - 2) : i] != "没有":
                return True
            i = example.find(w, i + 1)
    return False


_LATIN_NAME_RE = re.compile(r"[a-z0-9.+\-]+", re.ASCII)


def _is_latin_name(text: str) -> bool:
    return bool(_LATIN_NAME_RE.fullmatch(text))


def _contains(sorted_ids: array, value: int) -> bool:
    i = bisect_left(sorted_ids, value)
    return i < len(sorted_ids) and sorted_ids[i] == value


def _contains_run(tokens: Sequence[str], run: Sequence[str]) -> bool:
    """Whether ``run`` appears as consecutive tokens: 运费 is a keyword hit in 运费多少 but not
    in 退货运费 (a word of its own)."""
    n = len(run)
    if n == 1:
        return run[0] in tokens
    return any(tuple(tokens[i : i + n]) == tuple(run) for i in range(len(tokens) - n + 1))


def build_matcher(
    library: Library,
    *,
    cache_dir: Path | None = None,
    config: MatcherConfig | None = None,
    extra_examples: Sequence[tuple[str, str, float]] = (),
    background_training: bool = False,
) -> Matcher:
    from ..resources import resource_path

    return Matcher(library, dictionary=resource_path("jieba_dict.txt"), cache_dir=cache_dir, config=config, extra_examples=extra_examples, background_training=background_training)


def categories_of(suggestions: Sequence[Suggestion]) -> list[str]:
    return [s.category for s in suggestions]
