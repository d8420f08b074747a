"""Check a reply against the rules: every violation with its span, rule id, severity, a one-line
Chinese explanation and, where one exists, a rewording."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..library.model import Problem
from .replymodel import ReplyModel, shipped_model
from .rules import Rule, RulesResult, fold, load_rules, normalise, team_rules_path
from .scangates import ScanGates, first_chars  # noqa: F401 - first_chars: read here by tests and older callers

_SENTENCE_END = re.compile(r"[。！？!?；;\n～~]")
# Set phrases that hold a negation word but negate nothing a rule is about: an exception (a
# negation that cancels a hit) does not read them as one (不好意思加一下我微信 is no 不加微信).
_NOT_A_NEGATION = re.compile(
    "不好意思|没问题|没事|不客气|不必客气|(别|不用|不要|不必)担心|不着急|不急|没关系|不用谢|不谢|不少|不过|不久|不仅|不管|不如|不断|没想到|不得不|没错"
    # 要不加个扣扣吧 / 要不然您加我微信: a suggestion, no negation
    "|要不然|要不(?=[加拍换试先就这那您你我咱直用去来])"
)
# The same for the gaps of the rules' own patterns, which stop at a negation (包邮没错，西北加十五
# is a surcharge on 包邮): only phrases no rule word contains (跟我没关系 is one).
_NOT_A_NEGATION_IN_HITS = re.compile(
    "不好意思|没问题|没事|不客气|不着急|不急|没错|没有错|没写错|没毛病|不过(?![期敏夜关])"
    # an affirmation (包邮不假，就是新疆要补十块): no negation of a charge
    "|不假|假不了"
    # no problem said at length (货到付款木有问题滴～不过…要收个代收费)
    "|没有问题|没啥问题|没什么问题|没有什么问题"
    # a delivery that cannot reach (快递到不了, 普通快递送不到): no negation of a charge
    "|(?<=[递送寄达])不到|(?<=[到送寄])不了"
    # check6: the same said of a courier (进不去, 不派送, 不配送): no negation of a charge either
    "|(?<=[进])不去|不(?=派送|配送|派件)"
)
# a negation, or the shop as the payer (开票成本我们承担): what an exception says to mean "no charge";
# check8r: also a fraud, a rumour or a mere case named (有人冒充…, 有人说…, 要是快递员多收…)
_NEGATION = re.compile("[不没无别勿未非免]|违规|禁止|严禁|谨防|杜绝|拒绝|冒充|假冒|诈骗|骗子|要是|如果|万一|有人说|别人说|谣言|(我们|本店|店铺|商家|店里|小店)[^,，。]{0,4}(承担|出|付|包)")
# The buyer's question restated (您问刷卡要不要加手续费，不用的哦 / 您说要加我微信？): the agent
# quotes it to answer it, and the answer is checked on its own; a hit starting inside the quoted
# question is not the agent's. Only a question counts (吗, 要不要, 是不是, ？ …): 您说的包邮，新疆要补
# 10元 quotes nothing.
_QUOTED_QUESTION = re.compile(
    # check8r: not 跟你说了 / 和您说过 (the agent's own telling)
    r"(?<![跟和给对])(?:您|你)(?:刚才|刚刚|之前|前面|是)?(?:问|说|提到|想问|想知道|咨询|担心)(?:的|过|的是)?[:：\s]?"
    r"(?P<q>[^,，。！？!?～~；;]{2,30}?)(?P<end>[?？]|(?=[,，。！!～~；;]|$))"
)
_QUESTION_MARK = re.compile(r"吗|嘛|是不是|要不要|能不能|可不可以|会不会|有没有|是否|用不用|需不需要|行不行|可以不|对不对|收不收|加不加|退不退|开不开")


# Words in quotation marks that the reply denies (您说的"售出不退"我们店没有, 不搞"概不退换",
# "加微信领福利"不是我们发的): quoted, not said; the denial is outside the quotes, in the sentence.
_QUOTED = re.compile(r'["“”「『]([^"“”」』\n]{1,40})["”“」』]')
_DENIAL = re.compile("不|没|非|别|勿|违规|谨防|诈骗|冒充|举报|假的|违法")
# check8r: the buyer's own words in quotation marks (您说的"不买就算了"我理解): quoted, not said
_BUYER_SAID = re.compile(r"(您|你)(刚才|刚刚|之前|前面)?(说|讲|提到|写|问)(的|了|过)?[:：,，\s]?$")


def _denied_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` (as typed) inside quotation marks whose sentence denies them."""
    if not any(q in text for q in '"“「『'):
        return []
    spans = []
    for m in _QUOTED.finditer(text):
        sentence = _sentence(text, m.start(), m.end())
        if _DENIAL.search(sentence.replace(m.group(), "")) or _BUYER_SAID.search(text, max(0, m.start() - 8), m.start()):
            spans.append(m.span(1))
    return spans


def _quoted_questions(folded: str) -> list[tuple[int, int]]:
    """The spans of ``folded`` that restate the buyer's question (see ``_QUOTED_QUESTION``)."""
    if "问" not in folded and "说" not in folded and "提到" not in folded and "担心" not in folded and "咨询" not in folded:
        return []
    spans = []
    for m in _QUOTED_QUESTION.finditer(folded):
        if m.group("end") or _QUESTION_MARK.search(m.group("q")):
            spans.append(m.span("q"))
    return spans



def _blank(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: "\u25a1" * len(m.group()), text) if pattern.search(text) else text


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # "block" or "warn"
    start: int  # offsets into the checked text: text[start:end] is what broke the rule
    end: int
    message: str
    suggestion: str | None = None
    replacement: str | None = None  # a word to put at text[start:end] instead ("" = drop it)
    text: str = ""
    source: str = "rules"  # "rules" (a pattern of the rules file) or "model" (the trained reply model)

    @property
    def blocking(self) -> bool:
        return self.severity == "block"

    def as_dict(self) -> dict:
        """The contract fields; a finding of the trained model adds ``"source": "model"``."""
        out = {
            "rule": self.rule,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "suggestion": self.suggestion,
        }
        if self.source != "rules":
            out["source"] = self.source
        return out


def _sentence(folded: str, start: int, end: int) -> str:
    left = start
    while left > 0 and not _SENTENCE_END.match(folded, left - 1):
        left -= 1
    m = _SENTENCE_END.search(folded, end)
    return folded[left : m.start() if m else len(folded)]


def _negated_by_exceptions(rule: Rule, masked: str, index: list[int] | None, text: str, start: int, end: int) -> bool:
    """Whether each clause of ``text[start:end]`` overlaps a match of one of ``rule``'s exceptions
    that holds a negation (matched on ``masked``, the matching copy with set phrases blanked)."""
    spans = []
    for pattern in rule.exceptions:
        for a, b in _exception_spans(pattern, masked):
            if _NEGATION.search(masked, a, b):
                spans.append((index[a], index[b - 1] + 1) if index is not None else (a, b))
    if not spans:
        return False
    # a greeting standing apart (亲 我们没有QQ群) is no clause of its own
    clauses = [(m.start() + start, m.end() + start) for m in _CLAUSE.finditer(text[start:end]) if len(m.group()) > 2]
    return bool(clauses) and all(_overlaps(spans, a, b) for a, b in clauses)


_CLAUSE = re.compile(r"[^，,。！？!?；;～~\s]+")


def _overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _exception_spans(pattern: re.Pattern[str], folded: str) -> list[tuple[int, int]]:
    """Every match, also those starting inside an earlier one (finditer alone would skip
    不用加微信 after 不 of 不不用 ...): search again from each match's start + 1."""
    spans = []
    pos = 0
    while pos <= len(folded):
        m = pattern.search(folded, pos)
        if m is None:
            break
        if m.end() > m.start():
            spans.append(m.span())
        pos = m.start() + 1
    return spans


class Checker:
    """Checks replies against a set of rules. Thread-safe and cheap to call per keystroke."""

    def __init__(self, rules: Iterable[Rule], model: ReplyModel | None = None):
        """``model``: the trained reply model (``replymodel``) that adds findings for the rules'
        ids the patterns miss; None: the rules alone."""
        self.rules: tuple[Rule, ...] = tuple(rules)
        self.model = model
        self._by_id = {r.id: r for r in self.rules}
        # each rule's words as one alternation, longest first (one scan instead of one a word); every
        # scan in one flat list (rule by rule, in order), and the gates (scangates) that tell which
        # of them a reply can wake: some 800 scans, of which a short draft wakes a few dozen
        self._scans: list[tuple[Rule, tuple[tuple[re.Pattern[str], object], ...]]] = []
        self._flat: list[tuple[int, re.Pattern[str], object]] = []
        for n, rule in enumerate(self.rules):
            scans: list[tuple[re.Pattern[str], object]] = list(rule.hits)
            if rule.words:
                replacements = dict(rule.words)
                alternation = "|".join(re.escape(w) for w in sorted(replacements, key=len, reverse=True))
                scans.append((re.compile(alternation), replacements))
            self._scans.append((rule, tuple(scans)))
            self._flat.extend((n, pattern, replacement) for pattern, replacement in scans)
        self._gates: ScanGates | None = ScanGates.of([pattern for _, pattern, _ in self._flat])  # None: every scan, every time

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    def rule(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    def check(self, text: str) -> list[Finding]:
        """Every violation in ``text``, in the order of the text (block before warn at the same
        place). One finding per rule and place: overlapping hits of a rule are merged."""
        if not text:
            return []
        folded, index = normalise(text)
        hits_text = _blank(_NOT_A_NEGATION_IN_HITS, folded)
        findings: list[Finding] = []
        quoted = _quoted_questions(folded)
        denied = _denied_quotes(text)
        masked: str | None = None  # the copy exceptions read: set phrases' negations blanked out
        active = range(len(self._flat)) if self._gates is None else self._gates.wake(hits_text)
        by_rule: dict[int, list[tuple[int, int, str | None]]] = {}
        for k in active:  # the scans' own order: rule by rule, as written
            r, pattern, replacement = self._flat[k]
            for m in pattern.finditer(hits_text):
                if m.end() > m.start():
                    word = replacement.get(m.group()) if isinstance(replacement, dict) else replacement
                    assert word is None or isinstance(word, str)
                    by_rule.setdefault(r, []).append((m.start(), m.end(), word))
        for r in sorted(by_rule):
            rule = self._scans[r][0]
            candidates = by_rule[r]
            exception_spans: list[tuple[int, int]] | None = None
            kept: list[tuple[int, int, str | None]] = []
            for start, end, replacement in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]))):
                if _overlaps(((s, e) for s, e, _ in kept), start, end):
                    continue
                if quoted and any(s <= start < e for s, e in quoted):
                    continue
                # a hit that ends inside a denied quote (评价区说"好评返现"，我们已经举报了) is the quote's; one
                # that starts in it and runs on (我们"全国包邮"不包括新疆，要补运费) says more than the quote
                last = index[end - 1] if index is not None else end - 1
                if denied and any(s <= last < e for s, e in denied):
                    continue
                if rule.exceptions:
                    if exception_spans is None:
                        if masked is None:
                            masked = _blank(_NOT_A_NEGATION, folded)
                        exception_spans = [span for p in rule.exceptions for span in _exception_spans(p, masked)]
                    if _overlaps(exception_spans, start, end):
                        continue
                if rule.unless_sentence:
                    sentence = _sentence(folded, start, end)
                    if any(p.search(sentence) for p in rule.unless_sentence):
                        continue
                kept.append((start, end, replacement))
            for start, end, replacement in kept:
                if index is not None:
                    start, end = index[start], index[end - 1] + 1
                if replacement is None:
                    suggestion = rule.suggestion
                elif replacement:
                    suggestion = f"把「{text[start:end]}」改为「{replacement}」"
                else:
                    suggestion = f"删去「{text[start:end]}」"
                findings.append(Finding(rule.id, rule.severity, start, end, rule.message, suggestion, replacement, text[start:end]))
        if self.model is not None:
            found = {f.rule for f in findings}
            model_text = text
            if quoted or denied:  # the model reads the reply without the buyer's question or denied quotes
                chars = list(text)
                for s, e in quoted:
                    for k in range(s, e):
                        chars[index[k] if index is not None else k] = "\u25a1"
                for s, e in denied:
                    for k in range(s, e):
                        chars[k] = "\u25a1"
                model_text = "".join(chars)
            plain: str | None = None  # fold(text): one character for one, so the model's spans hold
            for hit in self.model.hits(model_text, skip=found):
                by_model = self._by_id.get(hit.rule)
                if by_model is not None and by_model.exceptions:
                    # every clause of the window negated by an exception of the rule (不敢保证一定明天到,
                    # 无需提供身份证号): the rule's own reading says no; an exception without a
                    # negation (百分百纯棉) leaves the words to the model
                    if masked is None:
                        masked = _blank(_NOT_A_NEGATION, folded)
                    if _negated_by_exceptions(by_model, masked, index, text, hit.start, hit.end):
                        continue
                if by_model is not None and by_model.unless_sentence:
                    # a sentence the rule exempts (本店没开通货到付款, 被您取消) is exempt from the model too
                    if plain is None:
                        plain = fold(text)
                    sentence = _sentence(plain, hit.start, hit.end)
                    if any(p.search(sentence) for p in by_model.unless_sentence):
                        continue
                if by_model is not None:
                    findings.append(Finding(by_model.id, by_model.severity, hit.start, hit.end, by_model.message, by_model.suggestion, None, text[hit.start : hit.end], "model"))
        findings.sort(key=lambda f: (f.start, f.severity != "block", f.end, f.rule))
        return findings

    def blocking(self, text: str) -> bool:
        return any(f.blocking for f in self.check(text))


def rewrite(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with every finding that has a replacement word applied (others left as they are)."""
    out = text
    for f in sorted((f for f in findings if f.replacement is not None), key=lambda f: f.start, reverse=True):
        out = out[: f.start] + f.replacement + out[f.end :]  # type: ignore[operator]
    return out


def default_rules_path() -> Path:
    from ..resources import resource_path

    return resource_path("compliance_rules.yaml")


@lru_cache(maxsize=1)
def _default_rules() -> RulesResult:
    return load_rules(default_rules_path())


def load_checker(library_path: str | Path | None = None, extra: str | Path | None = None) -> tuple[Checker, tuple[Problem, ...]]:
    """The shipped rules, extended by the team lead's ``compliance_rules.yaml`` beside the
    library (if there is one) and by ``extra`` (a rules file named on the command line).
    Problems of those files come back with file and line; a broken rule is skipped."""
    base = _default_rules()
    problems = list(base.problems)
    files: list[Path] = []
    team = team_rules_path(library_path)
    default = default_rules_path().resolve()
    if team is not None and team.resolve() != default:
        files.append(team)
    if extra is not None:
        files.append(Path(extra))
    if not files:
        return Checker(base.rules, shipped_model()), tuple(problems)
    result = load_rules(*files, base=base.rules)
    return Checker(result.rules, shipped_model()), tuple(problems) + result.problems


@lru_cache(maxsize=1)
def default_checker() -> Checker:
    """The shipped rules with the shipped reply model (the rules alone if its weights are missing)."""
    return Checker(_default_rules().rules, shipped_model())


def check(text: str) -> list[Finding]:
    """Check one reply against the shipped rules."""
    return default_checker().check(text)
