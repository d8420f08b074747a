"""Reply rules as data: YAML -> validated, compiled rules, every problem with file and line.

A rules file (the shipped ``resources/compliance_rules.yaml``, or a team lead's
``compliance_rules.yaml`` beside the library) looks like::

    version: 1
    rules:
      - id: absolute_claim            # the contract id (../shared/compliance.md)
        severity: warn                # block: costs points or money; warn: the manuals' style
        message: 绝对化用语违反广告法    # one line of Chinese shown with every finding
        suggestion: 用"一般""尽量"代替绝对承诺   # optional: a rewording for the whole rule
        words:                        # literal words; "word: replacement" offers a replacement
          - 保证: 尽量
          - 百分百
        patterns: ['今天一定(发|到)']    # regular expressions (Python re)
        exceptions: ['不(能|敢)保证']    # a match of one of these that overlaps a hit cancels it
        unless_sentence: ['定制']        # one of these anywhere in the hit's sentence cancels it

A team lead's file may add rules with new ids, or name an existing id to add words, patterns
and exceptions to it (and to change its message, suggestion or severity); the shipped rules
cannot be removed: every id of compliance.md is always checked.

Matching is done on a folded copy of the text (full-width to half-width, lower case, traditional to
simplified where that keeps the length), so ``ＶＸ`` and ``Vx`` are ``vx``; spans point into the text."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..library.model import Problem
from .spelling import PINYIN, SPOKEN_CUE, TYPO, TYPOS, read_letters, read_spoken, untone

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

SEVERITIES = ("block", "warn")
RULE_KEYS = ("id", "severity", "message", "suggestion", "words", "patterns", "exceptions", "unless_sentence")
TOP_KEYS = ("version", "rules")
ID_RE = re.compile(r"^[a-z0-9_][a-z0-9_.\-]*$")
SUPPORTED_VERSION = 1
MAX_FILE_BYTES = 2 * 1024 * 1024
# the name of a team lead's rules file beside the library (the library loader skips it)
TEAM_RULES_NAME = "compliance_rules.yaml"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    message: str
    suggestion: str | None = None
    # (compiled pattern, replacement for the matched words or None)
    hits: tuple[tuple[re.Pattern[str], str | None], ...] = ()
    # the literal words (folded) with their replacements; the engine scans them as one pattern
    words: tuple[tuple[str, str | None], ...] = ()
    exceptions: tuple[re.Pattern[str], ...] = ()
    unless_sentence: tuple[re.Pattern[str], ...] = ()
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class RulesResult:
    rules: tuple[Rule, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


def fold(text: str) -> str:
    """Full-width to half-width and lower case, one character for one character, so that
    offsets in the folded text are offsets in the original."""
    out = []
    for ch in text:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        elif o == 0x3000:
            ch = " "
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    folded = "".join(out)
    folded = untone(folded)
    try:
        from ..matching.normalize import to_simplified

        simplified = to_simplified(folded)
    except Exception:  # noqa: BLE001 - opencc missing or broken: match the text as written
        return folded
    return simplified if len(simplified) == len(folded) else folded


# -- the matching copy: what a reply says, whatever way it is typed -------------------------------
# Invisible characters vanish; clause marks that the rules' gaps do not name (；…, a line break,
# an emoji, a full stop typed as ".") become 。 so that a gap (and a negation's reach) ends there;
# a separator typed inside a word (微·信, v-x, 加*我) vanishes; spaced-out characters (加 我 微 信)
# close up; Chinese digits read out one by one (一三八…, an id or a phone number) become digits.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\ufe0f\ufe0e")
_CLAUSE_TO_STOP = frozenset(";\n\r\u2026\u2028\u2029")
_IN_WORD_SEPARATORS = frozenset("·•.-_*|/\\^`'\"—–+=#@")
_CN_DIGIT_RUN = re.compile(r"[零〇一二三四五六七八九幺两]{5,}")
_CN_DIGIT = str.maketrans("零〇一二三四五六七八九幺两", "0012345678912")
# a sum in financial numerals (拾伍元, 贰个点) reads as ordinary numerals (十五元)
_FIN_DIGIT_RUN = re.compile(r"[壹贰貳叁參肆伍陆陸柒捌玖拾佰俩倆仨]+(?=\s*[元块塊圆圓个個点點%])")
_FIN_DIGIT = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾佰俩倆仨", "一二二三三四五六六七八九十百两两三")
# check8r: a plus sign reads as a word: 加 before a sum (花呗+2个点, 货到付款 + 10元), 和 between two
# Chinese words (银行卡号+密码); an equals sign between them reads 得 (好评+晒图=红包)
_SUM_START = frozenset("0123456789一二三四五六七八九十两几半")
# a star after a numeral is 星 (五⭐好评, 5★); an emoji typed between the two characters of a word
# (花🌸呗, 微🌸信, 好🌟评) is no clause mark: it goes, unless a particle before it ends a clause (好的哦😊加)
_STARS = frozenset("\u2b50\u2605\u2606\U0001f31f")
_NUMERAL = frozenset("0123456789一二三四五六七八九十两")
_CLAUSE_PARTICLES = frozenset("哦噢喔呢啦哈呀吧啊嘛的了么哟呐嗯～~")
_NEEDS_NORMALISING = re.compile(
    r"[\s;\u2026\u2028\u2029\u200b-\u200f\u2060\ufeff\u00ad\ufe0e\ufe0f·•.\-_*|/\\^`'\"—–+=#@"
    r"\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff壹贰貳叁參肆伍陆陸柒捌玖拾佰俩倆仨]|[零〇一二三四五六七八九幺两]{5}"
)


def _is_emoji(ch: str) -> bool:
    o = ord(ch)
    return 0x1F000 <= o <= 0x1FAFF or 0x2600 <= o <= 0x27BF or 0x2B00 <= o <= 0x2BFF


def _inside_mixed_word(before: str, after: str) -> bool:
    """An emoji between a Latin letter and a Chinese character (v❤号, 微❤x): inside one word."""
    return bool(before and after) and ((before.isascii() and before.isalpha() and _is_cjk(after)) or (_is_cjk(before) and before not in _CLAUSE_PARTICLES and after.isascii() and after.isalpha()))


def _is_cjk(ch: str) -> bool:
    return len(ch) == 1 and "\u4e00" <= ch <= "\u9fff"


def _next_visible(text: str, i: int) -> str:
    """The first character of ``text`` from ``i`` on that is not invisible (a variation selector
    after an emoji, a zero-width space)."""
    while i < len(text) and text[i] in _INVISIBLE:
        i += 1
    return text[i] if i < len(text) else ""


def _next_solid(text: str, i: int) -> str:
    """The first character of ``text`` from ``i`` on that is neither invisible nor a space."""
    while i < len(text) and (text[i] in _INVISIBLE or text[i] == " "):
        i += 1
    return text[i] if i < len(text) else ""


def _wordish(ch: str) -> bool:
    return ch.isalnum() and not ch.isspace()


@lru_cache(maxsize=16)  # a check reads each draft's copy twice (rules, reply model); callers share the list: never change it
def normalise(text: str) -> tuple[str, list[int] | None]:
    """The copy of ``text`` the rules are matched on, and where each of its characters comes from
    in ``text`` (``None``: the copy is ``fold(text)``, one character for one). Spans found in the
    copy map back through the list: ``start -> index[start]``, ``end -> index[end - 1] + 1``."""
    folded = fold(text)
    if TYPO.search(folded) is not None:
        folded = TYPO.sub(lambda m: TYPOS[m.group()], folded)
    if not _NEEDS_NORMALISING.search(folded):
        if not PINYIN.search(folded):
            if SPOKEN_CUE.search(folded) is None:
                return folded, None
            spoken, where = read_spoken(folded, list(range(len(folded))))
            return (folded, None) if spoken == folded else (spoken, where)
        return read_letters(folded, list(range(len(folded))))
    chars: list[str] = []
    index: list[int] = []
    n = len(folded)
    for i, ch in enumerate(folded):
        if ch in _INVISIBLE:
            continue
        if _is_emoji(ch):
            before = chars[-1] if chars else ""
            if ch in _STARS and before in _NUMERAL:
                ch = "星"
            elif _is_cjk(before) and before not in _CLAUSE_PARTICLES and _is_cjk(_next_visible(folded, i + 1)):
                continue  # 花🌸呗: an emoji inside a word
            elif _inside_mixed_word(before, _next_visible(folded, i + 1)):
                continue  # check8r: v❤号, 微❤x: a letter and a character of one word
            elif before == " " and len(chars) > 1 and _is_cjk(chars[-2]) and chars[-2] not in _CLAUSE_PARTICLES and _is_cjk(_next_solid(folded, i + 1)):
                chars.pop()  # check8r: 微 ❤ 信: spaced out around the emoji; one space stays, to close up later
                index.pop()
                continue
            else:
                ch = "\u3002"
        elif ch in _CLAUSE_TO_STOP:
            ch = "\u3002"
        elif ch in _IN_WORD_SEPARATORS:
            before = chars[-1] if chars else ""
            after = folded[i + 1] if i + 1 < n else ""
            solid_before = next((c for c in reversed(chars) if c != " "), "")
            solid_after = _next_solid(folded, i + 1)
            if ch == "+" and (_is_cjk(solid_before) or solid_before.isalpha()) and solid_after in _SUM_START:
                ch = "加"
            elif ch in "+=" and _is_cjk(solid_before) and _is_cjk(solid_after):
                ch = "和" if ch == "+" else "得"
            elif ch == "." and before.isdigit() and after.isdigit():
                pass  # 1.5%
            elif ch == "." and not (before.isascii() and after.isascii()):
                ch = "\u3002"  # a full stop typed as . (不掉色.加我微信 is two clauses)
            elif before and after and _wordish(before) and _wordish(after) and (before.isascii() == after.isascii()) and not (before.isdigit() and after.isdigit()):
                continue  # 微·信, v-x: a separator inside a word
            elif ch == ".":
                ch = "\u3002"  # a full stop typed as .
        chars.append(ch)
        index.append(i)
    out = "".join(chars)
    if any(c.isspace() for c in out):
        out, index = _close_spaced(out, index)
    if _FIN_DIGIT_RUN.search(out) is not None:
        out = _FIN_DIGIT_RUN.sub(lambda m: m.group().translate(_FIN_DIGIT), out)
    m = _CN_DIGIT_RUN.search(out)
    if m is not None:
        out = _CN_DIGIT_RUN.sub(lambda m: m.group().translate(_CN_DIGIT) if not set(m.group()) <= {"一"} else m.group(), out)
    if PINYIN.search(out) is not None or SPOKEN_CUE.search(out) is not None:
        return read_letters(out, index)
    return out, index


def _close_spaced(text: str, index: list[int]) -> tuple[str, list[int]]:
    """Spaces beside a lone character go (加 我 微 信, 加我 v x, 微 信): nobody writes a one-
    character clause between spaces; a space between words stays a clause break (好的 我看看)."""
    tokens = text.split(" ") if "\t" not in text and "\u3000" not in text else re.split(r"[ \t\u3000]", text)
    if len(tokens) < 2:
        return text, index
    chars: list[str] = []
    keep: list[int] = []
    pos = 0
    def english(k: int) -> bool:
        # check8r: a one-letter word or a figure between two English words (pay with a card, an
        # extra 8 yuan) is a word of an English sentence, not a character spaced out
        return (
            0 < k < len(tokens) - 1
            and len(tokens[k]) == 1
            and tokens[k].isascii()
            and all(len(w) > 1 and w.isascii() and w.isalpha() for w in (tokens[k - 1], tokens[k + 1]))
        )

    for k, token in enumerate(tokens):
        if k:
            prev = tokens[k - 1]
            lone = (len(prev) == 1 and _wordish(prev) and not english(k - 1)) or (len(token) == 1 and _wordish(token) and not english(k))
            if not lone or not prev or not token:
                chars.append(" ")
                keep.append(index[pos - 1])
        chars.extend(token)
        keep.extend(index[pos : pos + len(token)])
        pos += len(token) + 1
    return "".join(chars), keep


_FULL_TO_HALF = {"，": ",", "！": "!", "？": "?", "；": ";", "：": ":"}
_NEGATED_CLASS = re.compile(r"\[\^((?:\\.|[^\]\\])*)\]")


def widen_negated_classes(source: str) -> str:
    """A gap like ``[^，。！？]`` in a rule means "within one clause"; the text is matched folded, where
    the full-width ，！？；： are already half-width, so each negated class that names one of them
    also gets its half-width twin (``[^，,。！!？?]``), and a class that stops at ， stops at a space too
    (chat writes 好的 我看看 for 好的，我看看). Without this a gap ran across clauses."""

    def widen(m: re.Match[str]) -> str:
        body = m.group(1)
        extra = "".join(half for full, half in _FULL_TO_HALF.items() if full in body and half not in body)
        if "，" in body and " " not in body:
            extra += " "  # chat writes a space for a comma: 没上架 你转账给我 is two clauses
        return "[^" + body + extra + "]" if extra else m.group(0)

    return _NEGATED_CLASS.sub(widen, source)


def _line(node: Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 0


class _Reader:
    def __init__(self, file: str, problems: list[Problem]):
        self.file = file
        self.problems = problems

    def error(self, node: Node | None, message: str, rule_id: str | None = None) -> None:
        self.problems.append(Problem(self.file, _line(node), message, rule_id))

    def text(self, node: Node, what: str, rule_id: str | None) -> str | None:
        if not isinstance(node, ScalarNode) or node.tag.endswith(":null"):
            self.error(node, f"{what} must be text", rule_id)
            return None
        value = str(node.value).strip()
        if not value:
            self.error(node, f"{what} is empty", rule_id)
            return None
        return value

    def regex(self, node: Node, what: str, rule_id: str | None) -> re.Pattern[str] | None:
        source = self.text(node, what, rule_id)
        if source is None:
            return None
        try:
            pattern = re.compile(widen_negated_classes(source), re.IGNORECASE)
        except re.error as exc:
            self.error(node, f"{what} '{source}' is not a valid regular expression: {exc}", rule_id)
            return None
        if pattern.search("") is not None:
            self.error(node, f"{what} '{source}' matches empty text: it would flag every reply", rule_id)
            return None
        return pattern

    def seq(self, node: Node, what: str, rule_id: str | None) -> list[Node]:
        if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
            return []
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what} must be a list", rule_id)
            return []
        return list(node.value)

    def words(self, node: Node, rule_id: str | None) -> list[tuple[str, str | None]]:
        out = []
        for item in self.seq(node, "words", rule_id):
            replacement = None
            if isinstance(item, MappingNode) and len(item.value) == 1:
                key_node, value_node = item.value[0]
                word = self.text(key_node, "a word", rule_id)
                if isinstance(value_node, ScalarNode) and value_node.tag.endswith(":null"):
                    replacement = ""  # "晕:" = drop the word
                else:
                    replacement = self.text(value_node, f"the replacement of '{word}'", rule_id)
                    if replacement is None:
                        continue
            else:
                word = self.text(item, "a word", rule_id)
            if word is None:
                continue
            out.append((fold(word), replacement))
        return out

    def rule(self, node: Node, known: dict[str, Rule]) -> Rule | None:
        if not isinstance(node, MappingNode):
            self.error(node, "each rule must be a mapping with id, severity and message")
            return None
        id_node = next((v for k, v in node.value if getattr(k, "value", None) == "id"), None)
        rule_id = str(id_node.value).strip() if isinstance(id_node, ScalarNode) and id_node.value else None
        before = len(self.problems)
        fields: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(getattr(key_node, "value", ""))
            if key not in RULE_KEYS:
                close = difflib.get_close_matches(key, RULE_KEYS, n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.error(key_node, f"unknown key '{key}' in rule{hint}", rule_id)
            elif key in fields:
                self.error(key_node, f"duplicate key '{key}' in rule", rule_id)
            else:
                fields[key] = value_node
        if rule_id is None:
            self.error(node, "rule is missing 'id'")
            return None
        if not ID_RE.match(rule_id):
            self.error(id_node, f"rule id '{rule_id}' may hold only lower-case letters, digits, _ . -", rule_id)
        base = known.get(rule_id)
        if base is None:
            for required in ("severity", "message"):
                if required not in fields:
                    self.error(node, f"rule is missing '{required}'", rule_id)
        severity = base.severity if base else "warn"
        if "severity" in fields:
            value = self.text(fields["severity"], "severity", rule_id)
            if value is not None and value not in SEVERITIES:
                self.error(fields["severity"], f"severity '{value}' must be one of: {', '.join(SEVERITIES)}", rule_id)
            elif value is not None:
                severity = value
        message = self.text(fields["message"], "message", rule_id) if "message" in fields else (base.message if base else None)
        suggestion = base.suggestion if base else None
        if "suggestion" in fields:
            suggestion = self.text(fields["suggestion"], "suggestion", rule_id)
        hits = list(base.hits) if base else []
        words = dict(base.words) if base else {}
        if "words" in fields:
            words.update(self.words(fields["words"], rule_id))
        if "patterns" in fields:
            for item in self.seq(fields["patterns"], "patterns", rule_id):
                pattern = self.regex(item, "pattern", rule_id)
                if pattern is not None:
                    hits.append((pattern, None))
        lists = {}
        for key in ("exceptions", "unless_sentence"):
            compiled = list(getattr(base, key)) if base else []
            if key in fields:
                for item in self.seq(fields[key], key, rule_id):
                    pattern = self.regex(item, "an entry of " + key, rule_id)
                    if pattern is not None:
                        compiled.append(pattern)
            lists[key] = tuple(compiled)
        if not hits and not words and not any(p.severity == "error" for p in self.problems[before:]):
            self.error(node, "rule has no words and no patterns: it can never fire", rule_id)
        if any(p.severity == "error" for p in self.problems[before:]) or message is None:
            return None
        return Rule(
            id=rule_id,
            severity=severity,
            message=message,
            suggestion=suggestion,
            hits=tuple(hits),
            words=tuple(words.items()),
            exceptions=lists["exceptions"],
            unless_sentence=lists["unless_sentence"],
            file=self.file,
            line=_line(node),
        )


def _read(path: Path, problems: list[Problem]) -> Node | None | bool:
    name = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(Problem(name, 0, "file is larger than 2 MB; is this really a rules file?"))
            return False
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        problems.append(Problem(name, 0, "no such file"))
        return False
    except UnicodeDecodeError:
        problems.append(Problem(name, 0, "file is not UTF-8 text: save it as UTF-8"))
        return False
    except OSError as exc:
        problems.append(Problem(name, 0, f"cannot read: {exc.strerror or exc}"))
        return False
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problems.append(Problem(name, mark.line + 1 if mark else 0, f"YAML syntax error: {exc.problem or 'invalid YAML'}"))
    except yaml.YAMLError as exc:
        problems.append(Problem(name, 0, f"YAML syntax error: {exc}"))
    return False


def load_rules(*paths: str | Path, base: tuple[Rule, ...] = ()) -> RulesResult:
    """Read rules files in order; each may add rules or extend those read before it (``base``
    first). A broken rule is reported and skipped; the others still load."""
    problems: list[Problem] = []
    known: dict[str, Rule] = {r.id: r for r in base}
    for path in paths:
        path = Path(path)
        root = _read(path, problems)
        if root is False:
            continue
        reader = _Reader(str(path), problems)
        if root is None:
            problems.append(Problem(str(path), 0, "file is empty", severity="warning"))
            continue
        if not isinstance(root, MappingNode):
            reader.error(root if isinstance(root, Node) else None, "a rules file must be a mapping with 'version' and 'rules'")
            continue
        top: dict[str, Node] = {}
        for key_node, value_node in root.value:
            key = str(getattr(key_node, "value", ""))
            if key not in TOP_KEYS:
                close = difflib.get_close_matches(key, TOP_KEYS, n=1, cutoff=0.6)
                reader.error(key_node, f"unknown key '{key}' in the rules file" + (f" (did you mean '{close[0]}'?)" if close else ""))
            else:
                top[key] = value_node
        version = top.get("version")
        if version is None:
            reader.error(root, f"missing 'version' (add 'version: {SUPPORTED_VERSION}' at the top)")
        elif not (isinstance(version, ScalarNode) and str(version.value).strip() == str(SUPPORTED_VERSION)):
            reader.error(version, f"unsupported version '{getattr(version, 'value', '?')}': this kefu-assist reads version {SUPPORTED_VERSION}")
        seen_here: dict[str, int] = {}
        for node in reader.seq(top["rules"], "rules", None) if "rules" in top else []:
            rule = reader.rule(node, known)
            if rule is None:
                continue
            if rule.id in seen_here:
                reader.error(node, f"rule '{rule.id}' is defined twice in this file (first at line {seen_here[rule.id]})", rule.id)
                continue
            seen_here[rule.id] = rule.line
            known[rule.id] = rule if rule.id not in known else replace(rule, file=known[rule.id].file, line=known[rule.id].line)
    return RulesResult(tuple(known.values()), tuple(problems))


def team_rules_path(library_path: str | Path | None) -> Path | None:
    """Where a team lead's rules live for a library: ``compliance_rules.yaml`` in the library
    folder, or beside a one-file library. None when there is none."""
    if library_path is None:
        return None
    path = Path(library_path)
    folder = path if path.is_dir() else path.parent
    candidate = folder / TEAM_RULES_NAME
    return candidate if candidate.is_file() else None
