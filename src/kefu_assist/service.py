"""The one object both the sidebar and the command line drive.

It owns the current library and its matcher, renders replies with the right placeholder values,
and swaps in a new library only when the new one loaded: a team lead's broken save never takes
the agent's working library away. No Qt here; the UI calls ``load`` from a worker thread.
"""
from __future__ import annotations

import gc
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from .library import Library, LoadResult, Problem, Script, load_library, render
from .library.placeholders import Rendered, parse
from .matching import Matcher, MatcherConfig, Suggestion, build_matcher
from .matching.normalize import normalize
from .matching.types import DISTINCT_TOP
from .matching.asking import of_the_shop
from . import paths
from .events import CopyEvent as CopyEvent  # re-exported: the sidebar and benchmarks import it from here
from .events import UsageRecorder as UsageRecorder

if TYPE_CHECKING:  # imported on first use: building the search index is optional
    from .library.search import SearchIndex
    from .checker.mood import Mood

# The checker package is imported on first use from two threads: the sidebar's worker (reply_checker, after a load) imports
# kefu_assist.checker, whose __init__ imports checker.mood, while the UI thread may import checker.mood for the buyer's mood.
# Each thread then holds one module's import lock and waits for the other's; CPython breaks the deadlock by failing one
# import, and the other sees KeyError('kefu_assist.checker') (seen in tests/ui/test_e2e_xvfb.py). One lock serialises them.
_CHECKER_IMPORT = threading.Lock()


@dataclass(frozen=True)
class SuggestionView:
    """A suggestion with everything a view needs: the script and its rendered replies."""

    suggestion: Suggestion
    script: Script
    replies: tuple[Rendered, ...]

    @property
    def reply(self) -> str:
        return self.replies[0].text


# a learned example counts for this much of one the library's authors wrote
LEARNED_WEIGHT = 0.8


_SOOTHE_LOOKAHEAD = 10  # for an upset buyer, look this much further down the ranking for a soothing script


def _chatting(ranked: Sequence[Suggestion], threshold: float) -> bool:
    """Whether the matcher found nothing confident and put a small-talk script first at or above
    the threshold: the message is chit-chat (the matcher never makes small talk confident)."""
    return bool(ranked) and not any(s.confident for s in ranked) and ranked[0].chit_chat and ranked[0].score >= threshold


# A bare cry: one interjection typed over and over and nothing else (啊啊啊啊, 呜呜呜, 嗷嗷嗷). The
# mood may read it as a meltdown, but it names no grievance for an apology to answer.
_BARE_CRY_RE = re.compile(r"([啊呜嗷哇呀哎唉嘤嗯哦呃额])\1{2,}")


def _bare_cry(message: str) -> bool:
    """Whether a buyer message is nothing but one interjection repeated (啊啊啊啊; not 嗯嗯, 啊啊啊 又没到),
    or nothing but emoji and stickers (😤😤, [怒]: issue 10 counts them as noise; the mood still reads them).
    Bare marks (！！, ？？？) are not: an impatient buyer's, they keep their soothing card."""
    text = normalize(message).replace(" ", "")
    return (not text and not re.search(r"[?？!！]", message)) or _BARE_CRY_RE.fullmatch(text) is not None


# How close the card of a scenario told in one clause may score below a complaint card answering
# another clause and still be the scenario the complaint is about (service._threatened_over).
# Writers of the dev sets file a threat beside a scenario under complaint when the complaint
# leads clearly (给你们差评，等了一周还没到: 0.15 apart; 垃圾 退款！！！ 0.015); a tie closer than
# this is the matcher unable to tell the two apart (快递三天不动了 我要投诉: 0.002, swapped by a few
# examples added elsewhere).
_SCENARIO_TIE = 0.01


def _threatened_over(ranked: Sequence[Suggestion], top: Suggestion, library) -> Suggestion | None:
    """For a first card that soothes already (a complaint): the confident card of another scenario
    that answers another clause of the message (快递三天不动了 beside 我要投诉) and scores within
    _SCENARIO_TIE of it, the scenario the threat is about; None when the complaint leads clearly or
    is the whole message (什么态度 问三遍不回)."""
    for s in ranked:
        if not s.confident or s.chit_chat or s.category == top.category or s.clause == top.clause or s.score < top.score - _SCENARIO_TIE:
            continue
        script = library.get(s.script_id)
        if script is not None and not _soothes(script):
            return s
    return None


def _vents_elsewhere(matcher: Matcher, message: str, buyer: "Mood") -> bool:
    """Whether an upset message is cross with something other than the shop: the matcher's gate
    calls it chatter, and what it says beside the mood's cue words is chatter too (刚看完球赛 气死了,
    我家猫把耳机线咬断了 气死, 唉 又是周一). A bare 气死了 says nothing beside its cue: not this."""
    if of_the_shop(normalize(message)) or not matcher.is_chatter(message):
        return False
    if not buyer.cues:  # the mood given without its reading (no words of the message to set apart)
        return False
    # (a cue of tone alone, weight 0, is the whole sentence read as a sigh: 唉 又是周一)
    cues = sorted((c for c in buyer.cues if c.start >= 0 and c.weight > 0), key=lambda c: c.start, reverse=True)
    rest = message
    for cue in cues:
        rest = rest[: cue.start] + " " + rest[cue.end :]
    return len(normalize(rest).replace(" ", "")) >= 3 and matcher.is_chatter(rest)


def _room_for(views: list[SuggestionView], categories: Sequence[str]) -> list[SuggestionView]:
    """``views`` with a card of each of ``categories`` (the matcher's first confident ones) among
    the first DISTINCT_TOP, as far as the second cards of a category there make room: such a card
    moves just after them. Nothing else moves: a soothing card put first takes no other question's
    place (收到就是坏的 我要退货 太坑了: defect's soothing card, defect's best, complaint, and
    return_exchange fourth)."""
    head, rest = views[:DISTINCT_TOP], views[DISTINCT_TOP:]
    for category in categories:
        cats = [v.script.category for v in head]
        j = next((i for i, v in enumerate(rest) if v.script.category == category), None)
        dup = next((i for i in range(len(head) - 1, 0, -1) if cats[i] in cats[:i]), None)
        if category in cats or j is None or dup is None:
            continue
        card = rest.pop(j)
        rest.insert(0, head.pop(dup))
        head.append(card)
    return head + rest


def _soothes(script: Script) -> bool:
    """A script for an upset buyer: marked ``tone: soothe``, or of the complaint category."""
    return script.tone == "soothe" or (script.category == "complaint" and script.tone != "defend")


@dataclass(frozen=True)
class _State:
    library: Library
    matcher: Matcher
    path: Path


class LibraryUnavailable(RuntimeError):
    """Raised when a service is used before any library could be loaded."""

    def __init__(self, result: LoadResult):
        self.result = result
        first = result.errors[0] if result.errors else None
        super().__init__(str(first) if first else "no library loaded")


class AssistService:
    def __init__(self, *, config: MatcherConfig | None = None, overrides: Mapping[str, str] | None = None, background_training: bool = False):
        """``background_training``: a library whose index is not cached answers at once with the
        matcher alone while its co-ranker trains in a child process (the sidebar: no NumPy and
        no training on its loader thread); the CLI keeps training in-process, once."""
        self.config = config
        self.background_training = background_training
        self._overrides: dict[str, str] = dict(overrides or {})
        self._state: _State | None = None
        self._learned: tuple[tuple[str, str, float], ...] = ()
        self._held: _State | None = None  # a loaded library kept back until the caller accepts it
        self._load_lock = threading.Lock()
        self.last_result: LoadResult | None = None
        self.recorder: UsageRecorder | None = None
        self.agent: str = ""
        self._checker: tuple[Path | None, object, tuple[Problem, ...]] | None = None
        self._checker_lock = threading.Lock()  # the sidebar reads the rules on a worker after a load; a check meanwhile waits for it
        self._search: SearchIndex | None = None  # of the current library, built on first use
        self._search_lock = threading.Lock()

    # -- library --------------------------------------------------------------------------
    def load(self, path: str | Path, *, hold: Callable[[Library, Library], bool] | None = None) -> LoadResult:
        """Load and index a library. On success it replaces the current one; on a fatal
        problem, or when it has no scripts at all, the current library stays in use. With
        ``hold(current, new)`` true the new library is kept back instead (:attr:`held`) until
        :meth:`adopt_held`. Returns what the load found either way."""
        path = Path(path)
        with self._load_lock:
            result = load_library(path, cache_dir=paths.cache_dir() / "library")
            self.last_result = result
            self._held = None
            if result.library is not None and result.library.scripts:
                matcher = build_matcher(result.library, cache_dir=paths.cache_dir(), config=self.config, extra_examples=self._learned, background_training=self.background_training)
                state = _State(result.library, matcher, path)
                current = self._state
                if hold is not None and current is not None and hold(current.library, result.library):
                    self._held = state
                    return result
                self._state = state  # one assignment: readers see old or new
                self._checker = None  # the team lead's rules file may have changed with the library
                # The index is millions of long-lived objects: keep the cyclic collector from
                # rescanning them in the middle of a keystroke.
                gc.collect()
                gc.freeze()
            return result

    def set_learned(self, pairs: Sequence[tuple[str, str]]) -> bool:
        """Examples learned from agents' choices, as ``(script id, redacted buyer question)``
        (the store's ``learned.examples_for``): the matcher is rebuilt with them as examples of
        their scripts, counting for less than the library's own. Builds an index: call it off
        the GUI thread. Returns True when they changed (and the matcher was rebuilt)."""
        extras = tuple(sorted({(sid, q, LEARNED_WEIGHT) for sid, q in pairs if sid and q.strip()}))
        with self._load_lock:
            if extras == self._learned:
                return False
            self._learned = extras
            state = self._state
            if state is None:
                return True
            matcher = build_matcher(state.library, cache_dir=paths.cache_dir(), config=self.config, extra_examples=extras, background_training=self.background_training)
            self._state = _State(state.library, matcher, state.path)
            gc.collect()
            gc.freeze()
            return True

    @property
    def learned_count(self) -> int:
        return len(self._learned)

    @property
    def held(self) -> Library | None:
        """The library the last load kept back (see ``hold``), if any."""
        return self._held.library if self._held else None

    def adopt_held(self) -> bool:
        """Use the library held back by the last load; False if there is none (any more)."""
        with self._load_lock:
            held, self._held = self._held, None
            if held is None:
                return False
            self._state = held
            self._checker = None
            return True

    def drop_held(self) -> None:
        self._held = None

    @property
    def ready(self) -> bool:
        return self._state is not None

    def _require(self) -> _State:
        state = self._state
        if state is None:
            raise LibraryUnavailable(self.last_result or LoadResult(None, (Problem("", 0, "no library loaded"),)))
        return state

    @property
    def library(self) -> Library:
        return self._require().library

    @property
    def library_path(self) -> Path | None:
        return self._state.path if self._state else None

    # -- placeholders ---------------------------------------------------------------------
    def set_overrides(self, overrides: Mapping[str, str]) -> None:
        """Values from the sidebar's settings (shop, agent …) win over the library's defaults."""
        self._overrides = {k: v for k, v in overrides.items() if v not in (None, "")}

    def placeholder_values(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        values = dict(self.library.placeholders)
        values.update(self._overrides)
        if extra:
            values.update({k: v for k, v in extra.items() if v not in (None, "")})
        return values

    def render(self, script_id: str, variant: int = 0, extra: Mapping[str, str] | None = None) -> Rendered:
        script = self.library.get(script_id)
        if script is None:
            raise KeyError(script_id)
        template = script.replies[variant % len(script.replies)]
        return render(template, self.placeholder_values(extra))

    def missing_placeholders(self, script_id: str, variant: int = 0) -> tuple[str, ...]:
        return self.render(script_id, variant).missing

    # -- matching -------------------------------------------------------------------------
    def suggest(self, message: str, *, limit: int = 5, confident_only: bool = False, history: Sequence[str] = (),
                buyer: "Mood | None" = None) -> list[SuggestionView]:
        """Suggestions, best first. For an upset buyer (``mood``; ``history`` = the buyer's
        earlier messages) a soothing script comes first and scripts that argue (``tone:
        defend``) come after every other suggestion. ``buyer``: the mood already read for this
        message and history (the sidebar shows it too), so it is not read twice."""
        state = self._require()
        values = self.placeholder_values()
        if buyer is None:
            buyer = self.mood(message, history)
        ranked = state.matcher.suggest(message, limit=limit + _SOOTHE_LOOKAHEAD if buyer.upset else limit)
        out = []
        for s in ranked:
            if confident_only and not s.confident:
                continue
            script = state.library.get(s.script_id)
            if script is None:  # cannot happen: the matcher was built from this library
                continue
            out.append(SuggestionView(s, script, tuple(render(r, values) for r in script.replies)))
        if buyer.upset:
            out = self._soothe_first(out, ranked, buyer, values, limit, message)
        return out[:limit]

    @staticmethod
    def mood(message: str, history: Sequence[str] = ()):
        """The buyer's mood (``kefu_assist.checker.Mood``: label and cues)."""
        with _CHECKER_IMPORT:
            from .checker.mood import mood

        return mood(message, history)

    def _soothe_first(self, views: list[SuggestionView], ranked, buyer, values, limit: int, message: str = "") -> list[SuggestionView]:
        """The first card for an upset buyer. When the matcher is confident the message is about
        a scenario (我要退货！, 到底什么时候发货！！！), that scenario's soothing script (``tone:
        soothe`` in its category) comes first, then the scenario's own cards: the buyer is upset
        about something, and a soothing answer to it beats a general apology. A complaint script
        comes first only when the message is a complaint itself, no scenario matched, or the
        scenario has no soothing script. Scripts that argue (``tone: defend``) come last."""
        library = self._require().library
        first = self._scenario_soothing(ranked, buyer, values)
        if first is None:
            # a confident soothing card only: an unconfident one is decided below, as when the
            # caller asked for confident cards alone (the sidebar and `match` agree on the first card)
            first = next((v for v in views if _soothes(v.script) and v.suggestion.confident), None)
        if first is None:
            # the best-ranked soothing script even if not confident, else the library's first one
            pick = next((s for s in ranked if (sc := library.get(s.script_id)) is not None and _soothes(sc)), None)
            threshold = self._require().matcher.threshold
            matcher = self._require().matcher
            # a story about others the gate calls chatter (打车司机绕路了 气死我了): the buyer is
            # cross with someone else, however close a complaint script's words are
            story = not any(s.confident for s in ranked) and matcher.is_story(message) and matcher.is_chatter(message)
            # a bare cry (啊啊啊啊) the matcher found nothing for: no grievance to apologise for
            cry = not ranked and _bare_cry(message)
            # upset words beside chatter (王者荣耀又输了 队友太坑): cross with something else
            vent = not any(s.confident for s in ranked) and _vents_elsewhere(matcher, message, buyer)
            # upset by the tone alone (退休后每天就是买菜做饭, 这周末车展有人去不): no word of the
            # message names a grievance and the matcher found nothing it asks: no apology is owed
            unfounded = not any(s.confident for s in ranked) and bool(buyer.cues) and not buyer.worded
            if story or cry or vent or unfounded or (_chatting(ranked, threshold) and (pick is None or pick.score < threshold)):
                # nothing confident, the message most like small talk (给我讲个笑话) and no
                # soothing script close to it: the mood read chatter as upset; no card is invented
                return [v for v in views if v.script.tone != "defend"][:limit] + [v for v in views if v.script.tone == "defend"]
            script = library.get(pick.script_id) if pick else next((sc for sc in library.matchable if _soothes(sc)), None)
            if script is None:  # a library with nothing soothing: only demote the arguing scripts
                return [v for v in views if v.script.tone != "defend"][:limit] + [v for v in views if v.script.tone == "defend"]
            terms = tuple(c.text for c in buyer.cues if c.start >= 0)
            suggestion = Suggestion(script.id, script.category, script.title, pick.score if pick else 0.0, True, terms, for_mood=True)
            first = SuggestionView(suggestion, script, tuple(render(r, values) for r in script.replies))
        rest = [v for v in views if v is not first and v.script.id != first.script.id]
        # The soothing card stands for its category: the other categories among the matcher's first
        # confident cards that answer another clause of the message keep their place in the first
        # three (收到就是坏的 我要退货 太坑了: defect's soothing card, its best, then complaint and
        # return_exchange before defect's second card); not the stray second cards of a one-clause
        # message (怎么还没到: care_warranty), which its own answers keep following
        top = [s for s in ranked if s.confident][:DISTINCT_TOP]
        shown = list(dict.fromkeys(s.category for s in top[1:] if s.clause and s.clause != top[0].clause))
        kept = _room_for([first, *(v for v in rest if v.script.tone != "defend")], shown)[1:limit]
        argues = [v for v in rest if v.script.tone == "defend"]
        return [first, *kept, *argues]

    def _scenario_soothing(self, ranked: Sequence[Suggestion], buyer, values) -> SuggestionView | None:
        """The soothing script of the scenario the matcher put first with confidence, as a card
        standing for that suggestion (its score, its matched words and the mood's cues); None
        when the first confident suggestion soothes already (a complaint), is chit-chat, or its
        category has no soothing script."""
        library = self._require().library
        top = next((s for s in ranked if s.confident and not s.chit_chat), None)
        script = library.get(top.script_id) if top is not None else None
        if top is not None and script is not None and _soothes(script):
            top = _threatened_over(ranked, top, library)
            script = library.get(top.script_id) if top is not None else None
        if top is None or script is None or _soothes(script):
            return None
        soothing = next((sc for sc in library.in_category(script.category) if sc.tone == "soothe"), None)
        if soothing is None:
            return None
        cues = tuple(c.text for c in buyer.cues if c.start >= 0)
        suggestion = Suggestion(soothing.id, soothing.category, soothing.title, top.score, True, tuple(dict.fromkeys(top.matched_terms + cues)), top.example, top.clause)
        return SuggestionView(suggestion, soothing, tuple(render(r, values) for r in soothing.replies))

    # -- reply checking -------------------------------------------------------------------
    def reply_checker(self):
        """The reply rules for the current library: the shipped ones and the team lead's
        ``compliance_rules.yaml`` beside the library (``kefu_assist.checker.Checker``), read
        once per library path. Problems of the team file: ``reply_rule_problems``."""
        with self._checker_lock:
            path = self.library_path
            cached = self._checker
            if cached is None or cached[0] != path:
                with _CHECKER_IMPORT:
                    from .checker import load_checker

                checker, problems = load_checker(path)
                cached = self._checker = (path, checker, problems)
            return cached[1]

    @property
    def reply_rule_problems(self) -> tuple[Problem, ...]:
        self.reply_checker()
        return self._checker[2] if self._checker else ()

    def check_reply(self, text: str):
        """Every rule the reply breaks (``kefu_assist.checker.Finding``: rule, severity, span,
        message, suggestion), in text order. For the copy flow: a ``block`` finding costs the
        shop points or money."""
        return self.reply_checker().check(text)

    def browse(self, category: str | None = None, query: str = "") -> list[Script]:
        """Every script (agent-initiated ones too), filtered by category and by a text query over
        title, replies, examples and keywords (simplified or traditional both work)."""
        library = self.library
        needle = normalize(query).replace(" ", "")
        out = []
        for script in library.scripts:
            if category and script.category != category:
                continue
            if needle:
                hay = normalize(" ".join((script.id, script.title, *script.replies, *script.examples, *script.keywords))).replace(" ", "")
                if needle not in hay:
                    continue
            out.append(script)
        return out

    def search_index(self):
        """The search index (``library.search.SearchIndex``: ``search``, ``by_code``,
        ``code_prefix``) of the current library, built on first use and kept until the library
        changes. A build takes 1-2 s at 10,000 scripts: call it off the GUI thread."""
        from .library.search import SearchIndex

        library = self.library
        with self._search_lock:
            if self._search is None or self._search.library is not library:
                self._search = SearchIndex(library)
                # As after a load: pypinyin's dictionaries and the index are long-lived, keep
                # the cyclic collector from rescanning them in the middle of a keystroke.
                gc.collect()
                gc.freeze()
            return self._search

    @staticmethod
    def placeholders_in(template: str) -> tuple[str, ...]:
        return parse(template).names

    # -- usage ----------------------------------------------------------------------------
    def copied(self, event: CopyEvent) -> None:
        """Tell the recorder (if any) that a reply was copied. Never raises, never blocks."""
        if self.recorder is not None:
            try:
                self.recorder.record_copy(event, self.agent)
            except Exception:  # noqa: BLE001 - usage history must never break a copy
                pass

    def unmatched(self, question: str) -> None:
        """Tell the recorder a buyer question found no confident script (a library gap)."""
        if self.recorder is not None and question.strip():
            try:
                self.recorder.record_unmatched(question, self.agent)
            except Exception:  # noqa: BLE001
                pass
