"""The cards a message gets beside its first question (a mixin of
:class:`~kefu_assist.matching.deciding.Deciding`): a clause the co-ranker clearly reads as another
scenario, a question just under the threshold, a clause that scorns the shop, and the co-ranker's
other reading of the whole message as a confident second card; and which confident categories
besides the co-ranker's count as asked for the first three cards (a second thing named in the
message's own words, a clause the first scenario answers again)."""
from __future__ import annotations

import heapq
import re
from typing import TYPE_CHECKING

from . import coranker as coranker_module
from . import writers as writers_module
from .asking import GRIEVANCE
from .helpers import _is_noise, _questions, _tag_clause, _tells_fault
from .telling import promise_broken, scorns
from .types import DISTINCT_TOP, WHOLE_MAX_CHARS, MatcherConfig, _Scored

if TYPE_CHECKING:
    from ..library.model import Script


# A clause that only scorns the shop (什么破店, 耍我呢, 说话不算数, 磨磨唧唧的, 什么服务): a grievance told
# in words beside a question, whose complaint card scores low (the gate reads the scorn as chatter).
_SCORN_CLAUSE_RE = re.compile(
    "破店|黑店|垃圾店|烂店|什么破|什么(?:服务|态度|店)(?:啊|呀|嘛)?$|说话不算数|说话不算话|说了不算|言而无信|磨磨唧唧|磨磨叽叽|"
    "骗子|坑人|坑爹|耍人|耍我|糊弄|忽悠人|欺负人|虚假发货|太过分|不像话"
)


class Seconds:
    """Cards beside the first question, for :class:`~kefu_assist.matching.matcher.Matcher`."""

    if TYPE_CHECKING:  # set up by Matcher.__init__
        config: MatcherConfig
        _scripts: list[Script]
        _labels: list[str]
        _coranker: coranker_module.CoRanker | None
        _writers: coranker_module.CoRanker | None
        _with_writers: bool

    def _afresh(self) -> coranker_module.CoRanker | None:
        """The co-ranker for a new message (Matcher._suggest), it and the writers' question
        model forgetting the texts they read for the last one: their memo (CoRanker.
        proba_and_gate) serves one message's reading, its clauses read again for the cards
        beside the first and the whole message for the second opinion."""
        ranker = self._coranker
        if ranker is not None:
            ranker.forget()
            writers = self._writers or (writers_module.shipped() if self._with_writers else None)
            if writers is not None:
                writers.forget()
        return ranker

    def _named_beside(self, reads: list[tuple[str, dict[int, _Scored]]], ranker: coranker_module.CoRanker | None, combined: dict[int, _Scored],
                      leaders: dict[int, _Scored], earnest: set[int], excluded: set[str],
                      answers: dict[int, tuple[float, str]] | None = None) -> None:
        """Beside a confident question, a clause the co-ranker clearly reads as another scenario
        (its first shopping class at least ``named_margin`` times as likely as the second, the gate
        under ``beside_offtopic``) whose closest script is of a third one or not confident: that
        class's best script for the clause, scoring at least ``agree_floor``, joins the leaders,
        confident, never above the question (一单好久发 beside 帮我取消: logistics.track nearest at
        0.58, the co-ranker shipping_time 0.35 against 0.08, shipping_time.when at 0.41); down to
        ``named_strong_floor`` when the class is ``named_strong`` times as likely as the second
        (是正版的吧 beside 今天能发不: quality 0.36 against 0.06, quality.authentic at 0.33 for a
        clause a third of the message)."""
        if ranker is None or len(reads) < 2:
            return
        # (a question the message asks: a confident leader, not a card that shares its words, as
        # complaint.slow_reply beside 老板在不在; and no grievance the co-ranker reads into 我要退两盒)
        excluded = excluded | set(self.config.courtesy_grievances)
        # (a thank-you stands for a question asked before: beside it, a question just under the
        # threshold is confident too, 好的谢谢 那油皮用哪个色号; not beside a greeting, which 有人没
        # and 在不 ask after)
        closing = set(self.config.closing_categories)
        for part, scored in reads:
            sure = {self._scripts[k].category for k in leaders if k in earnest} - excluded
            thanked = {self._scripts[k].category for k in leaders if k in earnest} & closing
            if not sure and not thanked:
                return
            if sure and _SCORN_CLAUSE_RE.search(part):
                self._scorned(part, scored, combined, leaders, earnest, sure, answers)
                continue
            proba, off = ranker.proba_and_gate(part)
            proba.pop(coranker_module.OFFTOPIC, None)
            if off >= self.config.beside_offtopic or len(proba) < 2 or _is_noise(part):
                continue
            close = self._close_beside(part, scored, combined, earnest, sure | thanked, excluded)
            if close < 0 and sure and len({self._scripts[k].category for k in earnest}) < DISTINCT_TOP:
                # (not a fourth card: it would push a greeting or a third question out of the first three)
                close = self._repeat_beside(part, reads, combined, earnest, sure, excluded, ranker)
            if close >= 0:
                self._joins(close, part, combined, leaders, earnest, sure or thanked, answers)
                continue
            if not sure:
                continue
            (first, p1), (_, p2) = heapq.nlargest(2, proba.items(), key=lambda item: item[1])
            if any(self._labels[k] == first for k in earnest) or first in excluded:
                continue
            mine = [k for k in scored if self._labels[k] == first and k in combined]
            k = max(mine, key=lambda i: (scored[i].score, -i), default=-1)
            strong = p1 >= self.config.named_strong * p2 and off < self.config.named_strong_offtopic
            if k < 0 or scored[k].score < (self.config.named_strong_floor if strong else self.config.agree_floor):
                continue
            # (by a smaller margin when the class's best is the clause's closest shopping script and
            # close to confident: 苹果甜不甜 beside 颜色一样吗, quality.taste at 0.48, 0.10 against 0.07)
            nearest = max((j for j in scored if self._scripts[j].category not in excluded), key=lambda j: (scored[j].score, -j))
            near = nearest == k and scored[k].score >= self.config.named_near
            if p1 < (1.0 if near else self.config.named_margin) * p2:
                continue
            self._joins(k, part, combined, leaders, earnest, sure, answers)

    def _close_beside(self, part: str, scored: dict[int, _Scored], combined: dict[int, _Scored], earnest: set[int], sure: set[str],
                      excluded: set[str]) -> int:
        """The closest shopping script of a clause that puts a question (helpers._questions; not a
        tag such as 咋整, which leads only when nothing else does) beside a confident question of
        another category, when it scores just under the threshold (at least ``named_close``) and
        is no confident card yet; else -1 (持妆好不好 beside 油皮选哪个号: quality.general at 0.41;
        能给我也减一下吗 beside a coupon question: bargain.general at 0.41)."""
        if not _questions(part) or _tag_clause(part):
            return -1
        shop = [j for j in scored if self._scripts[j].category not in excluded and j in combined]
        nearest = max(shop, key=lambda j: (scored[j].score, -j), default=-1)
        if nearest < 0 or nearest in earnest or scored[nearest].score < self.config.named_close or self._scripts[nearest].category in sure:
            return -1
        return nearest

    def _repeat_beside(self, part: str, reads: list[tuple[str, dict[int, _Scored]]], combined: dict[int, _Scored], earnest: set[int],
                       sure: set[str], excluded: set[str], ranker: coranker_module.CoRanker) -> int:
        """A clause whose closest shopping script is of the confident category another clause's
        closest is of already (退货运费谁出 beside 没拆的能退吗: return_exchange twice; 会不会冻死 beside
        几天到: delivery_time by 寄过来): the clause's best script of a category nothing confident
        stands for, when it scores at least ``agree_floor`` and that category is one of the
        co-ranker's first two shopping classes for the clause (shipping_fee, quality). The shared
        words made the first clause's category nearest; the clause asks something of its own. Of
        the clauses sharing the category, only the one the co-ranker reads most as that other
        class (its probability over the shared class's): 没拆的能退吗 asks for nothing else. Else -1."""
        def nearest(read: dict[int, _Scored]) -> int:
            shop = [j for j in read if self._scripts[j].category not in excluded]
            return max(shop, key=lambda j: (read[j].score, -j), default=-1)

        def other(text: str, read: dict[int, _Scored], shared: str) -> tuple[int, float]:
            proba = ranker.proba(text)
            proba.pop(coranker_module.OFFTOPIC, None)
            classes = heapq.nlargest(2, proba, key=lambda label: proba[label])
            others = [j for j in read if j in combined and self._scripts[j].category not in confident]
            k = max(others, key=lambda j: (read[j].score, -j), default=-1)
            if k < 0 or read[k].score < self.config.agree_floor or self._labels[k] not in classes:
                return -1, 0.0
            return k, proba[self._labels[k]] / max(proba.get(shared, 0.0), 1e-9)

        confident = {self._scripts[j].category for j in earnest} | sure | excluded
        mine = dict(reads).get(part, {})
        k = nearest(mine)
        if k < 0 or self._scripts[k].category not in sure:
            return -1
        shared = self._scripts[k].category
        rivals = [(text, read) for text, read in reads if text != part and (j := nearest(read)) >= 0 and self._scripts[j].category == shared]
        if not rivals:
            return -1
        k, share = other(part, mine, shared)
        if k < 0 or any(other(text, read, shared)[1] > share for text, read in rivals):
            return -1
        return k

    def _joins(self, k: int, part: str, combined: dict[int, _Scored], leaders: dict[int, _Scored], earnest: set[int], sure: set[str],
               answers: dict[int, tuple[float, str]] | None) -> None:
        """Script ``k`` joins the leaders for clause ``part``, confident, never above the questions
        of ``sure``; the card says it answers that clause (the sidebar, and the service keeping an
        upset buyer's other questions in the first three by their clauses)."""
        top = max(combined[j].score for j in earnest if self._scripts[j].category in sure)
        combined[k].score = min(combined[k].score, top - 1e-6)
        leaders[k] = combined[k]
        earnest.add(k)
        if answers is not None:
            answers[k] = (combined[k].score, part)

    def _scorned(self, part: str, scored: dict[int, _Scored], combined: dict[int, _Scored], leaders: dict[int, _Scored], earnest: set[int],
                 sure: set[str], answers: dict[int, tuple[float, str]] | None = None) -> None:
        """A clause scorning the shop beside a confident question (你们到现在都不发货 我不要了给我退款
        什么破店): its best grievance script (``courtesy_grievances``) joins the leaders, confident,
        after the question, unless the message has a confident one already."""
        grievances = set(self.config.courtesy_grievances)
        if any(self._scripts[k].category in grievances for k in earnest):
            return
        # (the clause's own best, else the message's: 耍我呢 alone comes near no example)
        read = scored if any(self._scripts[k].category in grievances for k in scored) else combined
        mine = [k for k in read if self._scripts[k].category in grievances and k in combined]
        if not mine:
            return
        k = max(mine, key=lambda i: (read[i].score, -i))
        self._joins(k, part, combined, leaders, earnest, sure, answers)

    def _grievance_first(self, normalized: str, to: str, order: list[int], combined: dict[int, _Scored], earnest: set[int]) -> list[int]:
        """A grievance against the shop told with sarcasm or scorn, without the word 投诉 (呵呵 真行
        等了一周就这, 人呢 装死是吧, 退个款跟求人似的; asking.GRIEVANCE): the buyer's anger is what the
        agent answers first, so the best complaint script, when it reaches ``agree_floor``, is
        confident and leads; the card of what the grievance is about (the parcel, the refund) follows.
        A price set against another shop's stays the bargain it is. A shipping promise held against
        the days gone by, without sarcasm (不是说48小时发 这都第四天了), presses for the parcel: the best
        logistics script leads from ``beside_floor`` (the gate reads the figures as chatter, and the
        scripts' words meet only 这都…天了)."""
        if to != GRIEVANCE or not order:
            return order
        if scorns(normalized):
            wanted, floor = "complaint", self.config.agree_floor
        elif promise_broken(normalized):
            wanted, floor = "logistics", self.config.beside_floor
        else:
            return order
        mine = [k for k in combined if self._labels[k] == wanted]
        if not mine or (self._labels[order[0]] == wanted and order[0] in earnest):
            return order
        best = max(mine, key=lambda k: (combined[k].score, -k))
        if combined[best].score < floor:
            return order
        earnest.add(best)
        rest = [k for k in order if k != best]
        return [best] + sorted(rest, key=lambda k: k not in earnest)

    def _second_opinion(self, normalized: str, order: list[int], combined: dict[int, _Scored], earnest: set[int],
                        ranker: coranker_module.CoRanker | None) -> list[int]:
        """The co-ranker's other reading as a confident second card: when the first card is
        confident and the co-ranker's likeliest shopping class for the message is another category,
        at least ``agree_margin`` times as likely as the first card's, not among the first three
        confident cards, and its best script reaches ``agree_floor``, that script is confident and
        comes second (记录仪放车里会不会烧坏: care_warranty.storage confident at 0.55, the co-ranker
        reads quality at twice care_warranty's probability, quality.general at 0.30 was a
        fourth card). The first card keeps its place: the two judges disagree, and the agent sees
        both readings. The same margin and floor as agreement (_agreed); measured on the dev sets:
        +13 single questions right in the first three for 5 wrong confident cards more at ranks
        2-3 over 8683 (README, matching)."""
        if ranker is None or not order or order[0] not in earnest:
            return order
        proba = ranker.proba(normalized[:WHOLE_MAX_CHARS])
        proba.pop(coranker_module.OFFTOPIC, None)
        if not proba:
            return order
        wanted = max(proba, key=lambda label: proba[label])
        first = self._labels[order[0]]
        sure = [k for k in order if k in earnest][:DISTINCT_TOP]
        if wanted == first or proba[wanted] < self.config.agree_margin * proba.get(first, 0.0) or any(self._labels[k] == wanted for k in sure):
            return order
        if wanted in self.config.small_talk_categories or wanted in self.config.courtesy_categories:
            return order
        mine = [k for k in combined if self._labels[k] == wanted]
        if not mine:
            return order
        best = max(mine, key=lambda k: (combined[k].score, -k))
        if combined[best].score < self.config.agree_floor:
            return order
        earnest.add(best)
        return [order[0], best, *(k for k in order[1:] if k != best)]

    def _own_words(self, sure: list[int], combined: dict[int, _Scored], asked: set[str]) -> set[str]:
        """The confident categories (of ``sure``, best first) outside ``asked`` whose best card
        matched a word of the message of at least two characters that no confident card of an
        asked category matched: a second thing the message names in its own words, not a card
        that shares the asked one's words (用了优惠券还能开发票吗: promotion.coupon by 优惠券 beside
        invoice's 开发票; 便宜点或者包个邮呗: shipping_fee by 包个邮 beside bargain's 便宜点; not
        return_exchange.postage for 包邮吗, whose 包邮 shipping_fee matched too)."""
        said = {t for k in sure if self._scripts[k].category in asked for t in combined[k].terms}
        own: set[str] = set()
        for k in sure:
            category = self._scripts[k].category
            if category in asked or category in own:
                continue
            if any(len(t) >= 2 and t not in said for t in combined[k].terms):
                own.add(category)
        return own

    def _clause_seconds(self, reads: list[tuple[str, dict[int, _Scored]]], sure: set[int], asked: set[str], seconds: dict[str, str]) -> set[str]:
        """For a clause whose best script is of the category another clause's best is of already
        (不合适能退吗 退货运费我出吗: return_exchange twice), the category of its best confident script
        co-ranker's second class for the clause, when a script of it is confident: the clause asks
        something of its own, and a second card of the first clause's category took its place in
        the first three (shipping_fee.free for the postage)."""
        skip = set(self.config.small_talk_categories) | set(self.config.courtesy_categories)
        seen: set[str] = set()
        out: set[str] = set()
        for part, scored in reads:
            mine = [k for k in scored if self._scripts[k].category not in skip]
            if not mine:
                continue
            best = max(mine, key=lambda k: (scored[k].score, -k))
            category = self._scripts[best].category
            if best not in sure:
                continue
            second = seconds.get(part, "")
            if category in seen and second != category and second not in asked and any(self._labels[k] == second for k in mine if k in sure):
                out.add(second)
            seen.add(category)
        return out

    def _consequences(self, leaders: dict[int, _Scored], earnest: set[int], answers: dict[int, tuple[float, str]], parts: list[str]) -> set[int]:
        """The confident leaders of ``fault_consequence_categories`` matched by a clause that asks
        nothing, beside a fault told in another clause and a confident fault card (置物架少两颗螺丝 装不上:
        the install card on 装不上 follows defect.missing, which scored best on 装不上 too, its examples
        telling both): Deciding._asks_of_fault when no fault card answers the told clause itself."""
        told = [p for p in parts if _tells_fault(p)]
        faults, follows = set(self.config.fault_categories), set(self.config.fault_consequence_categories)
        if not told or not any(k in earnest and self._scripts[k].category in faults for k in leaders):
            return set()
        return {k for k in leaders if k in earnest and self._scripts[k].category in follows and k in answers
                and answers[k][1] not in told and not _questions(answers[k][1])}
