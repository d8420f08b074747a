"""The reply model's thresholds on one shared budget of compliant drafts flagged (check22m;
``replytrain.Recipe.flag_budget``), beside ``replymodel.thresholds_from_logits`` (one rule at a time,
a fixed price of a false flag). Measured with ``benchmarks/eval_writers.py --budgets``; the
shipped recipe keeps ``thresholds_from_logits`` (NOTES-check22m.md)."""
from __future__ import annotations

import math
from typing import Sequence

from .replymodel import DEFAULT_THRESHOLD, Scored


def thresholds_within_budget(
    rules: Sequence[str], validation: Sequence[Scored], keep_clean: Sequence[Scored] = (),
    budget: float = 0.03, other_weight: float = 0.5, lookahead: int = 25, gap: float = 0.0,
    writers: Sequence[str] | None = None, writer_cap: float = 1.0,
) -> tuple[float, ...]:
    """Each rule's threshold as low as a budget of compliant drafts flagged allows, the budget
    spent where it buys the most violations.

    ``validation``: out-of-fold logits of the writers' drafts. The share of its compliant drafts
    flagged — by the rules (their own findings) or by the model at these thresholds — stays at or
    under ``budget``. Every threshold starts above all of its drafts and is lowered in steps, each
    step the one of any rule that finds the most violations of that rule (not found by the rules) per
    compliant draft newly flagged (a draft already flagged costs nothing more; a violating draft
    given a wrong rule id costs ``other_weight``); free steps first. A step lowers a threshold to just
    under one of the next ``lookahead`` violations. No threshold goes under the drafts of
    ``keep_clean`` without the rule (the shipped library, the suite's development drafts).
    ``gap``: how far into the gap under its lowest violation found each threshold then goes (0 just
    under that violation, 0.5 halfway down to the next draft without the rule or the floor): the
    same drafts of ``validation`` are found and flagged either way. ``writers`` (one name a row of
    ``validation``) and ``writer_cap``: no writer's compliant drafts flagged go over that share
    either (or over what the rules alone flag of them).

    Unlike ``thresholds_from_logits`` (one rule at a time, a fixed price of a false flag), the
    rules share one budget: what the rules already flag is spent, and a rule whose violations lie
    near its compliant drafts gets what the others leave."""
    n_compliant = sum(1 for labels, _, _ in validation if not labels)
    flagged = {i for i, (labels, _, f) in enumerate(validation) if not labels and f}
    # what the rules flag is spent; past the budget already, the model still takes its free steps
    allowed = max(math.floor(budget * n_compliant + 1e-9), len(flagged))
    owner = list(writers) if writers is not None else [""] * len(validation)
    per_writer: dict[str, int] = {}
    count: dict[str, int] = {}
    for i, (labels, _, f) in enumerate(validation):
        if not labels:
            per_writer[owner[i]] = per_writer.get(owner[i], 0) + 1
            count[owner[i]] = count.get(owner[i], 0) + bool(f)
    cap = {w: max(math.floor(writer_cap * n + 1e-9), count[w]) for w, n in per_writer.items()}
    positions: list[list[float]] = []  # a rule's violations the rules miss, highest logit first
    negatives: list[list[tuple[float, int, bool]]] = []  # (logit, row, compliant) highest first
    floors: list[float] = []
    for rule in rules:
        ceiling = max((lg[rule] for labels, lg, f in keep_clean if rule not in labels and rule not in f), default=-math.inf)
        floors.append(ceiling + 1e-3)
        positions.append(sorted((lg[rule] for labels, lg, f in validation if rule in labels and rule not in f), reverse=True))
        negatives.append(sorted(((lg[rule], i, not labels) for i, (labels, lg, f) in enumerate(validation)
                                 if rule not in labels and rule not in f), reverse=True))
    current = [math.inf] * len(rules)
    taken = [0] * len(rules)  # violations of the rule at or above its threshold
    neg_at = [0] * len(rules)  # its drafts without the rule at or above its threshold

    def step(r: int) -> tuple[float, int, int, float] | None:
        """Rule r's best next step: (its price, violations gained, new compliant flags, threshold)."""
        pos, neg = positions[r], negatives[r]
        best = None
        j, new_flags, others, seen, over = neg_at[r], 0, 0.0, set(), False
        added: dict[str, int] = {}
        for k in range(taken[r], min(len(pos), taken[r] + lookahead)):
            t = pos[k] - 1e-6
            if t < floors[r]:
                break
            while j < len(neg) and neg[j][0] >= t:
                _, row, compliant = neg[j]
                if compliant and row not in flagged and row not in seen:
                    seen.add(row)
                    new_flags += 1
                    w = owner[row]
                    added[w] = added.get(w, 0) + 1
                    over = over or count[w] + added[w] > cap[w]
                else:
                    others += 1
                j += 1
            if len(flagged) + new_flags > allowed or over:
                break
            gain = k + 1 - taken[r]
            price = (new_flags + other_weight * others) / gain
            if best is None or price < best[0] or (price == best[0] and gain > best[1]):
                best = (price, gain, new_flags, t)
        return best

    while True:
        moves = [(m, r) for r in range(len(rules)) if (m := step(r)) is not None]
        if not moves:
            break
        (_, gain, _, t), r = min(moves, key=lambda mr: (mr[0][0], -mr[0][1], mr[1]))
        current[r], taken[r] = t, taken[r] + gain
        neg = negatives[r]
        while neg_at[r] < len(neg) and neg[neg_at[r]][0] >= t:
            _, row, compliant = neg[neg_at[r]]
            if compliant and row not in flagged:
                flagged.add(row)
                count[owner[row]] += 1
            neg_at[r] += 1
    out = []
    for r in range(len(rules)):
        if gap and current[r] != math.inf:
            below = max([floors[r], *(x for x, _, _ in negatives[r][neg_at[r]:neg_at[r] + 1])])
            current[r] = max(current[r] - gap * (current[r] - below), floors[r])
            if negatives[r][neg_at[r]:] and current[r] <= negatives[r][neg_at[r]][0]:
                current[r] = negatives[r][neg_at[r]][0] + 1e-6
        if current[r] == math.inf:  # nothing bought: above every draft of the rule, and the ceiling
            every = [lg[rules[r]] for _, lg, _ in validation if math.isfinite(lg[rules[r]])]
            current[r] = max([floors[r], *(x + 1e-3 for x in every)], default=DEFAULT_THRESHOLD)
            if not math.isfinite(current[r]):
                current[r] = DEFAULT_THRESHOLD
        out.append(float(current[r]))
    return tuple(out)
