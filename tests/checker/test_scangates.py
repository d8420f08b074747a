"""The scans' gates (checker/scangates.py, issue 12): the literal strings every match of a rule's
pattern holds are read from the pattern itself, a reply lacking them skips the scan, and the
findings are those of trying every scan; the gates are cached beside the matcher's index."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kefu_assist.checker import Checker, default_checker, load_rules
from kefu_assist.checker import scangates
from kefu_assist.checker.scangates import SUFFIX, ScanGates, gates, requirements

HERE = Path(__file__).parent


def _ungated(checker: Checker) -> Checker:
    plain = Checker(checker.rules, checker.model)
    plain._gates = None  # every scan tried on every reply
    return plain


def _found(checker: Checker, text: str) -> list[dict]:
    return [f.as_dict() | {"replacement": f.replacement} for f in checker.check(text)]


# -- what a pattern requires ------------------------------------------------------------------------
@pytest.mark.parametrize(("pattern", "wanted"), [
    (r"(开|做|出|给)不(了|出)(发票|票)", {("不",), ("票",)}),  # 发票 holds 票: 票 alone says as much
    (r"(?<!不)包邮", {("包邮",)}),  # a lookbehind requires nothing
    (r"(微信|vx|v信|qq)号", {("号",)}),  # vx and qq have case twins: no set that needs them
    (r"v信|微信", {("信",)}),  # only the letter-free part of v信 is required
    (r"(a|b)c", set()),
    (r"(发票)?包邮", {("包邮",)}),  # an optional group requires nothing
    (r"[^，]{0,3}加钱", {("加钱",)}),
    (r"(好评){1,2}返", {("好评",), ("返",)}),
    (r"(好评)*返", {("返",)}),
    (r"不(要|开)(发)?票[^，]{0,8}(便宜|优惠)", {("不",), ("优惠", "便宜")}),
])
def test_the_strings_a_pattern_requires(pattern, wanted):
    got = requirements(re.compile(pattern, re.IGNORECASE))
    assert set(got) <= wanted and len(got) == min(len(wanted), scangates.MAX_SETS)


_PIECES = ["发票", "票", "不", "开", "包邮", "v", "x", "K", "k", "\u212a", "s", "\u017f", "S", "号", "微信", "加", "10", "元", "，"]


@st.composite
def _patterns(draw, depth: int = 0) -> str:
    """Small regular expressions over the pieces: runs, groups, alternations, classes, repeats,
    lookarounds."""
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["lit", "lit", "class", "group", "any"] if depth < 2 else ["lit", "class", "any"]))
        if kind == "lit":
            part = re.escape(draw(st.sampled_from(_PIECES)))
        elif kind == "class":
            part = "[" + draw(st.sampled_from(["^，", "发开", "0-9", "a-z", "kK"])) + "]"
        elif kind == "any":
            part = "."
        else:
            branches = draw(st.lists(_patterns(depth + 1), min_size=1, max_size=3))
            part = "(" + draw(st.sampled_from(["", "?:", "?<!", "?="])) + "|".join(branches) + ")"
        part += draw(st.sampled_from(["", "", "?", "*", "+", "{0,2}", "{1,3}", "??"]))
        parts.append(part)
    return "".join(parts)


@given(_patterns(), st.lists(st.sampled_from(_PIECES) | st.text(max_size=2), max_size=8).map("".join), st.booleans())
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_text_missing_a_required_string_never_matches(source, text, ignore_case):
    """Soundness on any pattern: where the pattern matches, each of its sets has a string in the
    text (letters' case twins included: K, the Kelvin sign and k; s and ſ under IGNORECASE)."""
    try:
        pattern = re.compile(source, re.IGNORECASE if ignore_case else 0)
    except re.error:
        return
    if pattern.search(text) is None:
        return
    for literals in scangates.gate(pattern):
        assert any(lit in text for lit in literals), (source, text, literals)


def test_case_twins_never_hide_a_match():
    pattern = re.compile("sk号|kk发票", re.IGNORECASE)
    assert pattern.search("\u017f\u212a号")  # ſK号: re reads it as sk号
    gates_ = ScanGates([scangates.gate(pattern)])
    assert gates_.wake("\u017f\u212a号") == [0]


# -- the findings stay those of every scan ------------------------------------------------------------
def _rule_strings() -> list[str]:
    """Strings the shipped rules' gates are made of, and the rules' own words: texts made of them
    wake many scans, and their gaps and negations test what the gates skip."""
    checker = default_checker()
    out = {lit for sets in gates([p for _, p, _ in checker._flat]) for s in sets for lit in s if len(lit) > 1}
    out |= {w for rule in checker.rules for w, _ in rule.words}
    return sorted(out)


RULE_STRINGS = _rule_strings()
GLUE = ["，", "。", "您", "亲", "我们", "不", "没", "要", "加", "10元", "的", " ", "？", "～", "哦", "😊", "“", "”", "vx", "V X"]


@given(st.lists(st.sampled_from(RULE_STRINGS) | st.sampled_from(GLUE) | st.text(max_size=2), min_size=1, max_size=12).map("".join))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_gated_and_ungated_checking_agree_on_texts_of_rule_words(text):
    gated = default_checker()
    assert _found(gated, text) == _found(_ungated(gated), text)


def test_gated_and_ungated_checking_agree_on_the_suites_drafts():
    gated = default_checker()
    plain = _ungated(gated)
    texts = [line.split("\t", 1)[-1] for path in sorted(HERE.glob("*_drafts.tsv"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    assert len(texts) > 1000
    assert [_found(gated, t) for t in texts] == [_found(plain, t) for t in texts]


def test_a_rule_file_of_new_classes_is_gated_by_its_own_patterns(tmp_path):
    """Gates come from whatever rules exist: a team lead's rule is gated by its own strings."""
    extra = tmp_path / "compliance_rules.yaml"
    extra.write_text(
        "version: 1\nrules:\n  - id: team_gift\n    severity: warn\n    message: 不要承诺赠品\n"
        "    patterns: ['(送|赠)[^，。]{0,3}(保温杯|茶宠)']\n", encoding="utf-8")
    result = load_rules(extra, base=default_checker().rules)
    assert not result.errors
    checker = Checker(result.rules)
    k = next(k for k, (r, _, _) in enumerate(checker._flat) if checker.rules[r].id == "team_gift")
    assert checker._gates is not None
    assert k not in checker._gates.wake("包邮的哦，送您一个杯子")
    assert k in checker._gates.wake("下单送您一个保温杯")
    assert [f.rule for f in checker.check("下单就送您保温杯")] == ["team_gift"]


# -- the cache ----------------------------------------------------------------------------------------
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (r"(发票|开票)[^，]{0,4}加", r"包邮", r"(微信|vx)号", r"[^，]{0,3}x")]


def _no_parsing(monkeypatch):
    def refuse(pattern):
        raise AssertionError(f"parsed {pattern.pattern} again")

    monkeypatch.setattr(scangates, "gate", refuse)


def test_gates_are_read_back_from_the_cache_folder(tmp_path, monkeypatch):
    first = gates(PATTERNS, tmp_path)
    files = list(tmp_path.glob(f"*{SUFFIX}"))
    assert len(files) == 1
    _no_parsing(monkeypatch)
    assert gates(PATTERNS, tmp_path) == first


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],  # cut short
    lambda text: "not json at all",
    lambda text: "\udcff",  # not UTF-8 once written with surrogateescape
    lambda text: json.dumps({**json.loads(text), "key": "another"}),
    lambda text: json.dumps({**json.loads(text), "gates": json.loads(text)["gates"][:-1]}),
    lambda text: json.dumps({**json.loads(text), "gates": [[[1, 2]]] * len(json.loads(text)["gates"])}),
    lambda text: json.dumps({**json.loads(text), "gates": [[[""]]] * len(json.loads(text)["gates"])}),
    lambda text: json.dumps([1, 2, 3]),
])
def test_a_damaged_cache_file_is_read_again_and_rewritten(tmp_path, damage):
    good = gates(PATTERNS, tmp_path)
    path = next(tmp_path.glob(f"*{SUFFIX}"))
    path.write_bytes(damage(path.read_text(encoding="utf-8")).encode("utf-8", "surrogateescape"))
    assert gates(PATTERNS, tmp_path) == good
    assert json.loads(path.read_text(encoding="utf-8"))["gates"] == [[list(s) for s in g] for g in good]


def test_other_patterns_get_their_own_file_and_old_ones_are_pruned(tmp_path):
    for n in range(scangates.KEEP + 3):
        gates(PATTERNS + [re.compile(f"退款{n}")], tmp_path)
    assert len(list(tmp_path.glob(f"*{SUFFIX}"))) == scangates.KEEP


def test_a_cache_folder_that_cannot_be_written_costs_nothing_but_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    assert gates(PATTERNS, blocked / "index") == [scangates.gate(p) for p in PATTERNS]


def test_a_checker_reads_its_gates_from_the_cache_folder(tmp_path, monkeypatch):
    """A new process (the memory emptied) builds the shipped rules' checker without parsing."""
    monkeypatch.setenv("KEFU_ASSIST_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(scangates, "_built", {})
    rules = default_checker().rules
    before = Checker(rules)
    assert list((tmp_path / "index").glob(f"*{SUFFIX}"))
    monkeypatch.setattr(scangates, "_built", {})
    _no_parsing(monkeypatch)
    after = Checker(rules)
    text = "开发票要加6个点，加我vx号细聊，包邮哦"
    assert _found(after, text) == _found(before, text) != []


def test_the_case_twins_of_ascii_letters_are_those_re_reads_alike():
    every = re.compile("[a-z]", re.IGNORECASE)
    matched = {chr(cp) for cp in range(0x110000) if every.fullmatch(chr(cp))}
    listed = {t for c in "abcdefghijklmnopqrstuvwxyz" for t in {c, c.upper(), *scangates._ODD_TWINS.get(c, "")}}
    assert matched == listed


@pytest.mark.parametrize(("pattern", "text"), [("sk号", "\u017f\u212a号"), ("in", "\u0130n"), ("in", "\u0131N"), ("(?i:k)a", "\u212aa"), ("ω", "\u2126")])
def test_a_pattern_starting_with_a_letter_wakes_for_its_twins(pattern, text):
    compiled = re.compile(pattern, re.IGNORECASE)
    assert compiled.search(text)
    assert ScanGates([scangates.gate(compiled)]).wake(text) == [0]


def test_a_caseless_character_is_matched_by_itself_alone():
    """Checked against re's own tables: no other character lowercases to a caseless one, or is
    listed as its extra twin."""
    import _sre

    lowered: dict[int, int] = {}
    for cp in range(0x110000):
        low = _sre.unicode_tolower(cp)
        if low != cp:
            lowered[low] = lowered.get(low, 0) + 1
    for cp in range(0x110000):
        ch = chr(cp)
        if scangates._caseless(ch):
            assert _sre.unicode_tolower(cp) == cp and cp not in lowered, hex(cp)


# -- the draft's matching copy, read once -------------------------------------------------------------
@given(st.lists(st.sampled_from(RULE_STRINGS) | st.sampled_from(GLUE + ["微 信", "v-x", "一三八一二三四五六七八", "bao you", "😊"]), min_size=1, max_size=10).map("".join))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_checking_leaves_the_cached_copy_of_a_draft_as_it_was(text):
    """rules.normalise is cached (a check and its reply model read the same draft): no reader may
    change the shared copy or its index."""
    from kefu_assist.checker.rules import normalise

    default_checker().check(text)
    assert normalise(text) == normalise.__wrapped__(text)
