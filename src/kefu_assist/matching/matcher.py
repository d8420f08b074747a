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
   right, and the co-ranker's off-topic class keeps chit-chat and noise from being confident
   (how sure it has to be depends on whom the message is for: asking.py); a message that names a
   product first is read with and without its demonstrative (Matcher._read);
6. for a message of several clauses, score each clause as well and make sure the best script of
   each clause reaches the top of the list, so that 能便宜点吗？包邮吗？ surfaces both; requests
   joined with 要么, 或者, 顺便, 另外 and a return request ending a statement (颜色和照片差挺多能退吗)
   count as clauses for a category nothing else made confident, never above a confident leader
   (a stock question ending a clause, 20000毫安的充电宝没货了, only when nothing is confident);
7. a shopping question nothing is confident for, or a clause of one, gets its closest script
   when the co-ranker's first class agrees with it (Matcher._agreed), and a fault told in a
   clause beside a confident question its best defect script (Deciding._faults_told);
8. the first three confident cards are of distinct categories while more than one the message
   asks for is confident: each category's best first, a second of one after them (Matcher._asked).

The code is in five modules: this one (the :class:`Matcher`: construction, the index cache, the
query), :mod:`.indexing` (the index build and the co-ranker's training, a mixin), :mod:`.deciding`
(what is confident beyond the threshold, the first cards' categories, a mixin too), :mod:`.types` (:class:`MatcherConfig`, :class:`Suggestion`, the constants) and :mod:`.helpers`
(bigrams, noise and negation tests, keyword runs, the chatter corpus); :mod:`.asking` tells whom a
message is for. The index cache key digests every module of this package (code_id).
"""
from __future__ import annotations

import heapq
import math
import threading
from array import array
from pathlib import Path
from typing import Sequence

from rapidfuzz import fuzz

from ..code_id import code_id
from ..library.model import Library, Script
from . import coranker as coranker_module
from . import writers as writers_module
from . import hurry
from . import index_cache
from .asking import TOLD, address, asks_the_shop, small_talk_yields, veto
from .helpers import _asserts, _contains, _listed, _contains_run, _distinct_first, _gate_text, _is_latin_name, _two_readings, _is_noise, _names_a_product, _negated_words, _shipped_chatter, _tag_clause, _told_then_asked, _unjoined, _untagged
from .deciding import Deciding
from .declining import undeclined
from .indexing import _INDEX_STATE, Indexing
from .normalize import clauses as split_clauses, normalize
from .tokenize import Tokenizer
from .types import CLAUSE_MAX_CHARS, DEFAULT_THRESHOLD, DISTINCT_TOP, PRESELECT, RERANK, WHOLE_MAX_CHARS, MatcherConfig, Suggestion, _Query, _Scored

__all__ = ["CLAUSE_MAX_CHARS", "DEFAULT_THRESHOLD", "PRESELECT", "RERANK", "WHOLE_MAX_CHARS", "Matcher", "MatcherConfig", "Suggestion", "build_matcher"]


class Matcher(Indexing, Deciding):
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
        # the writers' question model: loaded on first use, after the index build's peak (writers.shipped)
        self._writers: coranker_module.CoRanker | None = None  # another model in its place (benchmarks)
        self._with_writers = config.coranker and config.writers_mix > 0
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

    @property
    def example_count(self) -> int:
        return len(self._ex_text)

    # -- query ----------------------------------------------------------------------------
    def _query(self, normalized: str) -> _Query:
        feats, pairs, canonical = self._raw_features(normalized)
        rest = _gate_text(normalized)
        if rest != normalized:
            # A product the library does not know named after the demonstrative (这只柯基狗狗牵引绳
            # 几天发走): the demonstrative and measure word count toward no script; 这 of 这只 made
            # the small-talk example 这几天一直在降温 the closest. Before known words only (这本书看完了)
            # nothing says a product is meant, and the message is read whole.
            r_feats, r_pairs, r_canonical = self._raw_features(rest)
            if any(f[:2] == "t:" and f not in self._feature_ids and not _is_latin_name(f[2:]) for f in r_feats):
                feats, pairs, canonical = r_feats, r_pairs, r_canonical
        out: dict[int, float] = {}
        for f in feats:
            fid = self._feature_ids.get(f)
            if fid is not None:
                out[fid] = self._fweight[fid]
        # Features the library never saw still make the message less like any example, except
        # product and model names in Latin letters and digits (AirPods Pro 2, iPhone15 Pro Max):
        # what the buyer asks about them is in the other words.
        factor = self.config.product_unseen_weight if _names_a_product(normalized) else 1.0
        unseen = sum((w * self._default_idf * factor) ** 2 for f, w in feats.items() if f not in self._feature_ids and not _is_latin_name(f[2:]))
        norm = math.sqrt(sum(v * v for v in out.values()) + unseen) or 1.0
        return _Query(normalized, out, norm, pairs, canonical, factor)

    def _category_label(self, s_idx: int) -> str:
        return self._labels[s_idx]

    def _score_text(self, normalized: str, *, generic_ok: bool = True, ranker: coranker_module.CoRanker | None = None, plain: bool = False) -> tuple[dict[int, _Scored], float]:
        """Best score per script index for one text. With ``generic_ok`` False, a text made
        only of very common words (a clause such as 老板 or 在吗 in a longer message) is not
        scored: it would walk a large part of the index and tell the whole message's score
        nothing new. Also returns the co-ranker's probability that the text is chatter or noise."""
        proba, p_off = self._read(normalized, ranker) if ranker is not None else (None, 0.0)
        if proba is not None and coranker_module.OFFTOPIC in proba:
            # the small-talk scripts' category is the off-topic class: the gate speaks for it
            proba[coranker_module.OFFTOPIC] = p_off
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
        token_idf = [weights[ids["t:" + t]] if "t:" + t in ids else self._default_idf * q.unseen for t in q_tokens]
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

    def _read(self, normalized: str, ranker: coranker_module.CoRanker) -> tuple[dict[str, float], float]:
        """The co-ranker's class probabilities and chatter probability for a text, read with and
        without a leading demonstrative (helpers._two_readings), the writers' question model's
        mixed into the classes it knows (writers.mix); the chatter probability stays the gate's."""
        proba, p_off = _two_readings(normalized, ranker)
        writers = self._writers or (writers_module.shipped() if self._with_writers else None)
        if writers is not None:
            proba = writers_module.mix(proba, _two_readings(normalized, writers)[0], self.config.writers_mix)
        return proba, p_off

    def is_chatter(self, message: str) -> bool:
        """Whether the off-topic gate calls a buyer message chatter or noise, as ``suggest`` reads
        it (the service invents no apology card for chatter the mood reads as upset)."""
        normalized = self._respell(normalize(message))
        return bool(normalized) and (_is_noise(normalized) or self._is_chatter(normalized))

    def is_story(self, message: str) -> bool:
        """Whether a buyer message tells of others and asks the shop nothing (asking.py)."""
        return address(self._respell(normalize(message))) in TOLD

    def _is_chatter(self, normalized: str) -> bool:
        """Whether the co-ranker's gate calls the whole text chatter or noise."""
        ranker = self._coranker
        return ranker is not None and self._off_topic(self._read(normalized[:WHOLE_MAX_CHARS], ranker)[1], self._veto(address(normalized)))

    def _veto(self, to: str) -> float:
        """The chatter probability at which the gate vetoes confidence for a message and its
        clauses, by whom the message is for (asking.address, asking.veto)."""
        return veto(to, self.config)

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
        return respeller.homophones(normalized, [surface for surface, _ in self.tokenizer.analyze(normalized)[0]])

    def suggest(self, message: str, *, limit: int = 5) -> list[Suggestion]:
        """Suggestions for a buyer message, best first. Confident ones (score >= threshold) come
        first; the rest are the closest scripts, for the agent to glance at."""
        normalized = self._respell(normalize(message))
        if not normalized or not self._ex_text or limit <= 0:
            return []
        out = self._suggest(undeclined(normalized), limit)  # (不要发票 便宜点吧: declining.py)
        if not any(s.confident for s in out) and not self._is_chatter(normalized):
            # (a text the gate calls chatter stays chatter: 再见 is no slip for 在见)
            corrected = self._homophones(normalized)
            if corrected != normalized:
                again = self._suggest(corrected, limit)
                if any(s.confident and not s.chit_chat for s in again):
                    return again
        return out

    def _suggest(self, normalized: str, limit: int) -> list[Suggestion]:
        parts = _told_then_asked(split_clauses(normalized, max_clauses=64))  # (a story, then 请问…: two clauses)
        if len(parts) > 8:  # a long paste: the questions tend to be at its start and its end
            parts = parts[:4] + parts[-4:]
        parts = [(_unjoined(p) if len(parts) > 1 else p)[:CLAUSE_MAX_CHARS] for p in parts]  # (对了面膜一周敷几次: what follows 对了)
        if _is_noise(normalized):  # only numbers, codes and links: an order or phone number on its own
            return []
        pending = not self._trained.is_set()  # read before the weights: see _train_in_background
        ranker = self._afresh()  # (the co-ranker's memo: this message's texts only)
        plain = pending and ranker is None
        whole, whole_off = self._score_text(_untagged(normalized, parts)[:WHOLE_MAX_CHARS], ranker=ranker, plain=plain)
        to = address(normalized)
        told = to in TOLD
        veto = self._veto(to)
        combined: dict[int, _Scored] = dict(whole)
        small_talk = set(self.config.small_talk_categories)
        leaders: dict[int, _Scored] = {}
        main = -1  # what the message as a whole is about
        if whole:
            main = max(whole, key=lambda k: whole[k].score)
            leaders[main] = whole[main]
        answers: dict[int, tuple[float, str]] = {}  # which part of the message each script answers best, for the agent to see
        agreed_parts: list[tuple[int, str, dict[int, _Scored]]] = []  # clauses whose best script is close, not confident
        beside_parts: list[tuple[int, str, dict[int, _Scored]]] = []  # ... asking, agreed on only beside a confident question
        statements: set[int] = set()  # leaders of clauses that ask the shop nothing (asking.asks_the_shop)
        fault_parts: list[int] = []  # the best fault scripts of clauses telling of a fault (Deciding._fault_script)
        total_chars = sum(len(p) for p in parts)
        conditions: dict[int, _Scored] = {}  # the best scripts of tag clauses (helpers._tag_clause)
        reads: list[tuple[str, dict[int, _Scored]]] = []  # each clause and its scripts (seconds.Seconds._named_beside)
        if len(parts) > 1 and self.config.clauses:
            for part in parts:
                if part.isdigit():  # 160 in 160 100斤穿什么码 says nothing on its own (not 618 either)
                    continue
                scored, part_off = self._score_text(part, generic_ok=False, ranker=ranker, plain=plain)
                if not scored:
                    continue
                reads.append((part, scored))
                factor = 1.0 - self.config.clause_discount * (1.0 - len(part) / total_chars)
                for s_idx, sc in scored.items():
                    sc.score *= factor
                    if s_idx not in answers or sc.score > answers[s_idx][0]:
                        answers[s_idx] = (sc.score, part)
                    if s_idx not in combined or sc.score > combined[s_idx].score:
                        combined[s_idx] = sc
                s_idx = max(scored, key=lambda k: scored[k].score - (2.0 if self._scripts[k].category in small_talk and small_talk_yields(part, whole_off, to, self.config, clause=True) else 0.0))
                fault_parts += [f for f in [self._fault_script(part, scored, combined)] if f >= 0]
                if _tag_clause(part):  # 还没发吧 after 要改成原味, 什么意思: it leads only if nothing else does
                    if scored[s_idx].score >= self.threshold and not self._off_topic(part_off, veto):
                        conditions.setdefault(s_idx, combined[s_idx])
                    continue
                if scored[s_idx].score >= self.threshold and self._scripts[s_idx].category not in small_talk and not self._off_topic(part_off, veto) and not _is_noise(part):
                    covered = {self._scripts[i].category for i in leaders}
                    if self._scripts[s_idx].category not in covered:
                        leaders[s_idx] = combined[s_idx]
                        if not asks_the_shop(part, normalized):
                            statements.add(s_idx)
                elif (ranker is not None and self.config.agree_floor <= scored[s_idx].score and part_off < self._agree_band(part)
                      and self._scripts[s_idx].category not in small_talk and not _is_noise(part)):
                    agreed_parts.append((s_idx, part, scored))
                elif ranker is not None and (beside := self._beside_part(part, scored, part_off)) is not None:
                    beside_parts.append(beside)
        courtesy = set(self.config.courtesy_categories) if len(parts) > 1 else set()
        if conditions and not any(self._scripts[k].category not in courtesy and combined[k].score >= self.threshold for k in leaders):
            leaders.update(conditions)
        if self.config.clauses:
            self._joined_requests(parts, total_chars, combined, leaders, answers, ranker, plain, veto)
            self._tail_requests(parts, total_chars, combined, leaders, answers, ranker, plain, veto, told or self._off_topic(whole_off, veto))
        # What may be confident: not chit-chat, and when the message as a whole is most like
        # chit-chat, only what one of its clauses asks for in earnest (今天好冷 包邮吗).
        # A message that is word for word one of the library's examples (你好, and hi once read
        # as it) is what the library files it under: the gate's doubt does not veto it.
        listed = main >= 0 and _listed(self._ex_text[whole[main].example], self.tokenizer.analyze(normalized[:WHOLE_MAX_CHARS])[1].replace(" ", ""))
        if main >= 0 and ((self._scripts[main].category in small_talk and not small_talk_yields(normalized, whole_off, to, self.config)) or (self._off_topic(whole_off, veto) and not listed)):
            # (a message that asks nothing has no clause asking in earnest either, and a clause that neither asks,
            # speaks to the shop nor tells of the buyer's order is part of the chatter: 我司年底统一开票 财务忙死了;
            # nor a greeting or thank-you clause, which opens or closes the chatter: 你好 今天天气真好)
            earnest = set() if told else {k for k in leaders if k != main and self._scripts[k].category not in small_talk | courtesy and k not in statements}
        else:
            earnest = {k for k, sc in combined.items() if sc.score >= self.threshold and self._scripts[k].category not in small_talk}
        # (agreement stands in for a question the scores missed: a story asks none)
        if not earnest and ranker is not None and whole_off < self._agree_band(normalized) and not told:
            earnest = self._agreed(normalized, combined, ranker, to, whole_off)
        if agreed_parts and ranker is not None and not told:
            # a clause asking for a scenario nothing confident stands for, both judges agreeing
            # (真丝能手洗吗 beside 包邮吗): its best script joins the leaders, confident
            for nearest, part, scored in agreed_parts:
                s_idx = self._clause_agreeing(part, ranker, scored, nearest, (sure := {self._scripts[k].category for k in earnest}) - courtesy - small_talk)
                if s_idx >= 0 and self._scripts[s_idx].category not in sure:
                    leaders[s_idx] = combined[s_idx]
                    earnest.add(s_idx)
        if beside_parts and ranker is not None and not told:
            self._agreed_beside(beside_parts, ranker, combined, leaders, earnest, courtesy | small_talk)
        self._named_beside(reads, ranker if not told else None, combined, leaders, earnest, courtesy | small_talk, answers)
        self._news_beside(fault_parts, leaders, combined, earnest, courtesy, told, parts)  # 茶饼都碎成渣了 我要投诉; 我刚拍了… 地址写错了
        self._courteous(leaders, earnest, courtesy, answers)
        self._how_to(parts, combined, answers, leaders, earnest, ranker)  # 想退 怎么操作
        substantive = any(self._scripts[k].category not in courtesy for k in earnest)

        def rank_key(k: int) -> tuple[bool, bool, float, int]:
            # A sub-question (还没发货吧 after 帮我把M改成L) does not outrank what the whole message asks for, when confident.
            polite = substantive and self._scripts[k].category in courtesy
            secondary = k != main or whole[main].score < self.threshold
            return (polite, secondary, -combined[k].score, k)

        ranked = sorted(combined, key=rank_key)
        lead = self._lead(leaders, combined, earnest, answers, main, courtesy if substantive else set(), parts)
        order = lead + [k for k in ranked if k not in leaders]
        # Confident first (keeping the order within each group), then the first three confident cards of
        # distinct categories while another the message asks for is confident (DISTINCT_TOP, ASKED_SHARE)
        order.sort(key=lambda k: k not in earnest)
        n_sure = sum(1 for k in order if k in earnest)
        if len({self._scripts[k].category for k in order[:n_sure]}) > 1:
            asked = self._asked(normalized, parts, ranker, leaders, order[:n_sure], combined, reads)
            order = _distinct_first(order[:n_sure], lambda k: self._scripts[k].category, DISTINCT_TOP, asked.__contains__) + order[n_sure:]
        order = self._grievance_first(normalized, to, self._second_opinion(normalized, order, combined, earnest, ranker), combined, earnest)  # the co-ranker's other reading second; a grievance's complaint first
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
        return out


def build_matcher(
    library: Library,
    *,
    cache_dir: Path | None = None,
    config: MatcherConfig | None = None,
    extra_examples: Sequence[tuple[str, str, float]] = (),
    background_training: bool = False,
) -> Matcher:
    from ..resources import resource_path
    from .gc_pause import gc_paused

    with gc_paused():  # a build allocates a million long-lived objects and no cycles (gc_pause.py)
        return Matcher(library, dictionary=resource_path("jieba_dict.txt"), cache_dir=cache_dir, config=config, extra_examples=extra_examples, background_training=background_training)
