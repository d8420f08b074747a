"""check22m: the reply model's thresholds share one budget of compliant drafts flagged
(``replybudget.thresholds_within_budget``, ``Recipe.flag_budget``): on the writers' out-of-fold
logits, the rules' flags and the model's together stay within the budget, every threshold stays
above the drafts that must stay clean, and a threshold is no higher than the budget needs."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import replybudget, replytrain
from kefu_assist.checker.replymodel import ReplyModel

_LOGIT = st.floats(-8, 8, allow_nan=False).map(lambda x: round(x, 2))
_ROWS = st.lists(st.tuples(st.sets(st.sampled_from("ab")), _LOGIT, _LOGIT, st.sets(st.sampled_from("ab"))), max_size=30)
_CLEAN = st.lists(st.tuples(_LOGIT, _LOGIT), max_size=3)


def _scored(rows, clean_rows):
    val = [(frozenset(labels), {"a": la, "b": lb}, set(found)) for labels, la, lb, found in rows]
    clean = [(frozenset(), {"a": la, "b": lb}, set()) for la, lb in clean_rows]
    return val, clean


def _flagged(val, thresholds):
    """Compliant drafts the rules or the model flag at ``thresholds``, and violations found."""
    flagged = found = 0
    for labels, lg, f in val:
        got = set(f) | {rule for rule, t in zip("ab", thresholds) if lg[rule] >= t}
        if labels:
            found += labels <= got
        else:
            flagged += bool(got)
    return flagged, found


@settings(max_examples=200, deadline=None)
@given(_ROWS, _CLEAN, st.sampled_from([0.0, 0.05, 0.1, 0.25, 0.5]))
def test_the_flags_stay_within_the_budget_and_above_the_clean_drafts(rows, clean_rows, budget):
    val, clean = _scored(rows, clean_rows)
    thresholds = replybudget.thresholds_within_budget(("a", "b"), val, clean, budget)
    compliant = sum(1 for labels, _, _ in val if not labels)
    by_rules = sum(1 for labels, _, f in val if not labels and f)
    flagged, _ = _flagged(val, thresholds)
    assert flagged <= max(by_rules, math.floor(budget * compliant + 1e-9))
    for rule, t in zip("ab", thresholds):
        assert all(lg[rule] < t for _, lg, _ in clean)


@settings(max_examples=200, deadline=None)
@given(_ROWS, _CLEAN)
def test_with_no_budget_a_threshold_is_just_above_the_compliant_drafts_the_rules_leave(rows, clean_rows):
    """Budget 0: no compliant draft the rules leave is flagged, and every violation the rules miss
    that scores above all of those (and above the clean drafts) is found: no higher than needed."""
    val, clean = _scored(rows, clean_rows)
    thresholds = replybudget.thresholds_within_budget(("a", "b"), val, clean, 0.0)
    for rule, t in zip("ab", thresholds):
        bar = max((lg[rule] for labels, lg, f in val if not labels and not f), default=-math.inf)
        floor = max((lg[rule] for _, lg, _ in clean), default=-math.inf) + 1e-3
        for labels, lg, f in val:
            if rule in labels and rule not in f:
                assert (lg[rule] >= t) == (lg[rule] > bar and lg[rule] - 1e-6 >= floor), (rule, lg, t, bar, floor)


@settings(max_examples=100, deadline=None)
@given(_ROWS)
def test_with_the_whole_budget_every_violation_is_found(rows):
    val, _ = _scored(rows, [])
    thresholds = replybudget.thresholds_within_budget(("a", "b"), val, (), 1.0)
    for labels, lg, f in val:
        for rule, t in zip("ab", thresholds):
            if rule in labels and rule not in f:
                assert lg[rule] >= t


def test_the_budget_goes_where_it_buys_most():
    """Two rules, room for one compliant draft flagged: it goes to the rule whose one false flag
    buys three violations, not to the one whose false flag buys one."""
    val = [(frozenset({"a"}), {"a": 5.0, "b": -9.0}, set()), (frozenset(), {"a": 6.0, "b": -9.0}, set()),
           *[(frozenset({"b"}), {"a": -9.0, "b": x}, set()) for x in (3.0, 2.9, 2.8)], (frozenset(), {"a": -9.0, "b": 4.0}, set()),
           *[(frozenset(), {"a": -9.0, "b": -9.0}, set()) for _ in range(18)]]
    ta, tb = replybudget.thresholds_within_budget(("a", "b"), val, (), 0.05)  # 20 compliant: 1 allowed
    assert ta > 6.0 and tb <= 2.8


def test_the_recipe_uses_the_budget_when_given():
    def trained(without):
        return ReplyModel(("abuse",), {"烦": (1.0,), "滚": (0.6,)}, (0.0,), (2.0,))

    # the compliant 烦 scores above the violation 滚: only a budget of one flag finds it
    writers = {"w1": [(frozenset({"abuse"}), "滚")], "w2": [(frozenset(), "不烦")] + [(frozenset(), "稍等")] * 9}
    strict = replytrain.fit([], writers, [], lambda text: set(), replytrain.Recipe(flag_budget=0.0), trained=trained)
    assert strict.thresholds[0] > 1.0
    loose = replytrain.fit([], writers, [], lambda text: set(), replytrain.Recipe(flag_budget=0.1), trained=trained)
    assert loose.thresholds[0] <= 0.6


@settings(max_examples=200, deadline=None)
@given(_ROWS, _CLEAN, st.sampled_from([0.0, 0.1, 0.3]), st.sampled_from([0.25, 0.5, 0.9]))
def test_going_into_the_gap_changes_no_draft_of_the_budget(rows, clean_rows, budget, gap):
    """Thresholds lowered into the gap under each rule's lowest violation found flag and find the
    same drafts (and stay above the clean ones); only a new writer's drafts in the gap differ."""
    val, clean = _scored(rows, clean_rows)
    tight = replybudget.thresholds_within_budget(("a", "b"), val, clean, budget)
    loose = replybudget.thresholds_within_budget(("a", "b"), val, clean, budget, gap=gap)
    assert all(b <= a for a, b in zip(tight, loose))
    for _labels, lg, f in val:
        for rule, a, b in zip("ab", tight, loose):
            if rule not in f:
                assert (lg[rule] >= a) == (lg[rule] >= b), (rule, lg, a, b)
    for rule, t in zip("ab", loose):
        assert all(lg[rule] < t for _, lg, _ in clean)


@settings(max_examples=200, deadline=None)
@given(_ROWS, st.lists(st.sampled_from("xyz"), min_size=30, max_size=30), st.sampled_from([0.1, 0.3, 1.0]), st.sampled_from([0.0, 0.1, 0.25]))
def test_no_writer_goes_over_its_cap(rows, owners, budget, cap):
    """With ``writers``: no writer's compliant drafts are flagged over the cap, or over what the
    rules alone flag of them."""
    val, _ = _scored(rows, [])
    names = owners[: len(val)]
    thresholds = replybudget.thresholds_within_budget(("a", "b"), val, (), budget, writers=names, writer_cap=cap)
    for w in set(names):
        mine = [row for row, name in zip(val, names) if name == w]
        compliant = sum(1 for labels, _, _ in mine if not labels)
        by_rules = sum(1 for labels, _, f in mine if not labels and f)
        flagged, _ = _flagged(mine, thresholds)
        assert flagged <= max(by_rules, math.floor(cap * compliant + 1e-9)), w
