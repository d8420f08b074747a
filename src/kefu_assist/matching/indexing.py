"""The index build of :class:`~kefu_assist.matching.matcher.Matcher` (a mixin): features per
example, IDF weights, postings, script centroids, and the co-ranker's training samples and its
background training. What the build computes (``_INDEX_STATE``) is saved and restored as a whole
by index_cache."""
from __future__ import annotations

import math
import pickle
import subprocess
import threading
from array import array
from itertools import chain, repeat
from operator import add, itemgetter, mul
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence, cast

from ..library.model import Script
from . import coranker as coranker_module
from . import hurry
from . import index_cache
from .helpers import _bigrams, consume
from .normalize import normalize, normalize_many
from .tokenize import Tokenizer
from .types import MatcherConfig

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


class Indexing:
    """Builds the index :class:`~kefu_assist.matching.matcher.Matcher` queries."""

    if TYPE_CHECKING:  # set up by Matcher.__init__
        config: MatcherConfig
        tokenizer: Tokenizer
        _scripts: list[Script]
        _feature_ids: dict[str, int]
        _fweight: list[float]
        _postings: list[array]
        _common: set[int]
        _common_df: int
        _ex_script: array
        _ex_inv_norm: array
        _ex_weight: array
        _ex_text: list[str]
        _ex_original: list[str]
        _ex_normalized: list[str]  # between _build and _training_samples only
        _keywords: list[tuple[tuple[str, tuple[str, ...]], ...]]
        _script_tokens: list[set[str]]
        _script_examples: array
        _centroid_inv_norm: array
        _default_idf: float
        _chatter: tuple[str, ...]
        _extra: tuple[tuple[str, str, float], ...]
        _coranker: coranker_module.CoRanker | None
        _respeller: hurry.Respeller | None
        _trained: threading.Event

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
            found = list(map(piece_get, pieces))
            if None in found:
                found = [info or describe_piece(text) for info, text in zip(found, pieces)]
            infos = cast("list[Piece]", found)
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
        # Each example's normalised text, kept for the co-ranker's training samples
        # (_training_samples takes it and drops it): the same text, not normalised twice.
        ex_normalized: list[str] = []
        if self.config.coranker:
            self._ex_normalized = ex_normalized
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
                    fids, part_toks, text = part_info.get(normalized) or describe(normalized)
                    vocab.update(*part_toks)
                else:
                    f, part_toks, texts = zip(*[part_info.get(part) or describe(part) for part in parts])
                    fids = tuple(union(*f))  # a feature found in two clauses counts once
                    text = "".join(texts)
                    vocab.update(*chain.from_iterable(part_toks))
                consume(map(list.append, map(postings.__getitem__, fids), repeat(e_idx)))  # postings[fid].append(e_idx)
                per_example.append(fids)
                ex_script.append(s_idx)
                ex_text.append(text)
                ex_original.append(example)
                ex_weight.append(example_weight)
                ex_normalized.append(normalized)
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
        # Per example, its features' weighted values are added to the centroid in C (map over
        # the example's distinct feature ids); the same additions in the same order as a loop
        # over each feature, so the same sums to the last bit.
        centroid_inv = [1.0] * n_scripts
        weight_of = weights.__getitem__
        zeros = repeat(0.0)
        for s_idx in range(n_scripts):
            lo, hi = starts[s_idx], starts[s_idx + 1]
            if lo == hi:
                continue
            fids = per_example[lo]
            c: dict[int, float] = dict(zip(fids, map(mul, map(weight_of, fids), repeat(inv_norms[lo]))))
            get = c.get
            for e_idx in range(lo + 1, hi):
                fids = per_example[e_idx]
                c.update(zip(fids, map(add, map(get, fids, zeros), map(mul, map(weight_of, fids), repeat(inv_norms[e_idx])))))
            values = list(c.values())
            centroid_inv[s_idx] = 1.0 / (math.sqrt(sum(map(mul, values, values))) or 1.0)
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
        # The examples the co-ranker trains on (a share of each class in a large library,
        # coranker.MAX_ROWS) as _build normalised them; normalised again only without those.
        known: list[str] | None = self.__dict__.pop("_ex_normalized", None)
        per_class: dict[str, list[int]] = {}
        for e_idx, s_idx in enumerate(self._ex_script):
            per_class.setdefault(labels[s_idx], []).append(e_idx)
        share = coranker_module.class_share({label: len(ids) for label, ids in per_class.items()})
        chosen = sorted(i for ids in per_class.values() for i in coranker_module.thin(ids, share))
        if known is not None and len(known) == len(self._ex_original):
            norm = [known[i] for i in chosen] + normalize_many([*self._chatter, *(t for _, t, _ in self._extra)])
        else:
            norm = normalize_many([*(self._ex_original[i] for i in chosen), *self._chatter, *(t for _, t, _ in self._extra)])
        n_ex, n_ch = len(chosen), len(self._chatter)
        samples = [(t, labels[self._ex_script[i]], 1.0) for i, t in zip(chosen, norm)]
        samples += [(t, off, 1.0) for t in norm[n_ex : n_ex + n_ch]]
        samples += [(t, labels[by_id[sid]], w) for (sid, _, w), t in zip(self._extra, norm[n_ex + n_ch :])]
        return samples
