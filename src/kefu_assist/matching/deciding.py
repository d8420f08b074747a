"""What the matcher decides beyond each script's score (a mixin of
:class:`~kefu_assist.matching.matcher.Matcher`): the requests a clause joins without a break, the
agreement of the nearest script with the co-ranker that makes a close script confident, the
categories a message asks for, which the first cards show one each; the cards beside the first
question are in :mod:`.seconds`."""
from __future__ import annotations

import heapq
import re
from typing import TYPE_CHECKING

from . import coranker as coranker_module
from .asking import SHOP
from .seconds import Seconds
from .helpers import _ASKS_RE, _CHANGE_ASKED_RE, _REMEDY_TAG_RE, _detail_told, _haste, _is_noise, _plan, _questions, _request_tail, _stock_tail, _sub_clauses, _tells_fault
from .types import ASKED_SHARE, WHOLE_MAX_CHARS, MatcherConfig, _Scored

if TYPE_CHECKING:
    from ..library.model import Script


# A decision that hangs on a condition (不少的话我就不要了, 改不了就取消, 不行就算了).
_CONDITION_RE = re.compile("的话|就|要是|如果|否则|不然")
# ... or asks the shop to act (帮我问问 after 物流一直停在广州: no decision of the buyer's)
_ASKS_HELP_RE = re.compile("帮我|帮忙|麻烦|给我|你们|您")
# A how-to question on its own (怎么操作, 如何申请, 咋弄): how to do what the clause before asks for.
_HOW_TO_RE = re.compile("(?:那|那我|我)?(?:该|要)?(?:怎么|如何|咋)(?:操作|申请|办理|弄|搞)(?:呢|啊|呀|哦)?")
# A fault feared, not found (会不会用两天就坏, 别用两天就坏了, 怕摔裂): a question about durability, whose
# defect card comes after the other questions of the message.
_FEARED_FAULT_RE = re.compile("(?:会不会|会|怕|别|万一|担心|不会)[^ ]{0,8}(?:坏|裂|断|漏|掉色|变形|开胶|起球)")
# A fault of another item or another time (我之前买的两个月就断了, 去年在别家买的烂了一半, 评论说轮子容易坏,
# 我耳洞小), or feared (别走一半松了, 怕用两天就漏): the buyer's reason to ask about durability, not a
# fault found in this parcel.
_ELSEWHERE_RE = re.compile("之前|以前|上次|上回|去年|前年|别家|别的店|评论|评价|听说|买家秀|网上说|那台|那个牌子|耳洞|容易|别|怕|万一|担心")
# The parcel told of as arrived or opened: a fault found then is the shop's business.
_RECEIVED_RE = re.compile("收到|到货|到了|拆开|打开|寄来|发来|送来|刚到")
# A clause opening on the buyer's news that the order is placed or paid (我刚拍了一个炒锅, 已经付款了
# 地址…): not 刚拍的那单 (the order a request is about), 刚付款就后悔了 (a cancellation's reason)
# nor 刚拍错了 (a mistake to put right).
_PLACED_RE = re.compile("(?:我|俺)?(?:刚刚?|已经?)(?:拍|下单|付款|付)(?:了|好了|下了|过了)")
# A receipt told (东西收到了, 货到了, 到手了), not 收到 alone (_RECEIVED_RE's word for it too): that
# acknowledges what the agent said.
_RECEIPT_TOLD_RE = re.compile("(?:收到|到)了|到手|签收")
# The buyer's (or the wearer's) measure or device told (个头高, 身高158, 90斤, 我车是朗逸, 我的手机是…)
_FIT_TOLD_RE = re.compile(r"身高|个头|个子|体重|腰围|胸围|脚长|头围|手腕|\d{2,3}(?:斤|公斤|kg)|(?:我|俺|我家|俺家)的?(?:车|手机|电脑|平板)(?:是|型号是)(?!新|刚|旧|二手|昨|今|去年|前|在|不|没|我|俺|他|她)")
# Words that thank, agree or praise (谢谢, 好的, 满意, 辛苦了): a clause with none of them that puts a
# question (你们收到了吗, 几号能收到呢) is answered by no thank-you card.
_THANKS_WORD_RE = re.compile("谢|感谢|感恩|辛苦|麻烦(?:你|您|了)|了解|么么|好的|好嘞|好滴|好哒|ok|OK|嗯|行|收到收到|知道了|明白|懂了|满意|喜欢|不错|好评|好用|好看|回购|棒|赞")

# Sympathy for the people at work (发货员是不是很辛苦啊, 客服累不累): a question about them, not the shop's goods.
_SYMPATHY_RE = re.compile("辛苦|不容易|累不累|累吗|忙不忙|忙吗")


class Deciding(Seconds):
    """Decisions of :class:`~kefu_assist.matching.matcher.Matcher` over scored scripts."""

    if TYPE_CHECKING:  # set up by Matcher.__init__ and defined by Matcher
        config: MatcherConfig
        threshold: float
        _scripts: list[Script]
        _labels: list[str]

        def _score_text(self, normalized: str, *, generic_ok: bool = True, ranker: coranker_module.CoRanker | None = None, plain: bool = False) -> tuple[dict[int, _Scored], float]: ...

    @staticmethod
    def _off_topic(p_off: float, veto: float) -> bool:
        """Whether a text is chatter: the co-ranker's off-topic gate reaches the veto."""
        return p_off >= veto

    def _beside_part(self, part: str, scored: dict[int, _Scored], part_off: float) -> tuple[int, str, dict[int, _Scored]] | None:
        """A clause that puts a question (helpers._questions) but is read as chatter more than
        agreement allows or comes closer than ``agree_floor`` to no script: its best shopping script
        (not small talk), the clause and its shopping scores, to be agreed on beside a confident
        question only (_agreed_beside); None when the gate or that script's score rules it out."""
        if part_off >= self.config.beside_offtopic or not _questions(part) or _is_noise(part):
            return None
        small_talk = set(self.config.small_talk_categories)
        shop = {k: sc for k, sc in scored.items() if self._scripts[k].category not in small_talk}
        if not shop:
            return None
        best = max(shop, key=lambda k: (shop[k].score, -k))
        return (best, part, shop) if shop[best].score >= self.config.beside_floor else None

    def _agreed_beside(self, beside_parts: list[tuple[int, str, dict[int, _Scored]]], ranker: coranker_module.CoRanker, combined: dict[int, _Scored],
                       leaders: dict[int, _Scored], earnest: set[int], excluded: set[str]) -> None:
        """Each clause of ``beside_parts`` beside a confident question of another category (not of
        ``excluded``: pleasantries, small talk): its script both judges name (_agreeing, by
        ``beside_margin``) joins the leaders, confident, never above that question (水壶怎么除水垢啊
        beside 七天能退吧: the gate 0.64, care_warranty 0.32)."""
        for nearest, part, scored in beside_parts:
            sure = {self._scripts[k].category for k in earnest} - excluded
            if not sure:
                return
            s_idx = self._agreeing(part, ranker, scored, nearest, self.config.beside_margin)
            if s_idx >= 0 and self._scripts[s_idx].category not in sure:
                top = max(combined[k].score for k in earnest if self._scripts[k].category in sure)
                combined[s_idx].score = min(combined[s_idx].score, top - 1e-6)
                leaders[s_idx] = combined[s_idx]
                earnest.add(s_idx)

    def _best_piece(self, piece: str, total_chars: int, ranker: coranker_module.CoRanker | None, plain: bool, *,
                    generic_ok: bool = True) -> tuple[int, _Scored, float] | None:
        """The best script for a piece of a message scored on its own, its score weighed by the
        piece's share of the message (``clause_discount``), and the gate's chatter probability
        for the piece; None when nothing scores."""
        scored, off = self._score_text(piece, generic_ok=generic_ok, ranker=ranker, plain=plain)
        if not scored:
            return None
        s_idx = max(scored, key=lambda k: scored[k].score)
        sc = scored[s_idx]
        sc.score *= 1.0 - self.config.clause_discount * (1.0 - len(piece) / total_chars)
        return s_idx, sc, off

    def _joined_requests(self, parts: list[str], total_chars: int, combined: dict[int, _Scored], leaders: dict[int, _Scored],
                         answers: dict[int, tuple[float, str]], ranker: coranker_module.CoRanker | None, plain: bool, veto: float,
                       chatter: bool = False) -> None:
        """The requests a clause joins without a break (要么改地址要么取消, 改成L码或者退款):
        each is scored as a clause of its own, its weight measured against the whole message, and
        its best script joins the leaders when it is confident and of a category nothing confident
        stands for yet. Only that script: the other scripts a two-character request comes close to
        (取消, 退掉) would be noise, and a category already confident keeps its own ranking."""
        subs = [sub for part in parts for sub in _sub_clauses(part)]
        if not subs:
            return
        small_talk = set(self.config.small_talk_categories)
        for sub in subs:
            best = self._best_piece(sub, total_chars, ranker, plain, generic_ok=False)
            if best is None:
                continue
            s_idx, sc, sub_off = best
            category = self._scripts[s_idx].category
            confident = {self._scripts[k].category for k, c in combined.items() if c.score >= self.threshold}
            confident.update(self._scripts[k].category for k in leaders)
            if sc.score < self.threshold or category in small_talk or category in confident or self._off_topic(sub_off, veto) or _is_noise(sub):
                continue
            combined[s_idx] = leaders[s_idx] = sc
            answers[s_idx] = (sc.score, sub)

    def _tail_requests(self, parts: list[str], total_chars: int, combined: dict[int, _Scored], leaders: dict[int, _Scored],
                       answers: dict[int, tuple[float, str]], ranker: coranker_module.CoRanker | None, plain: bool, veto: float,
                       chatter: bool = False) -> None:
        """A return or exchange request a clause ends on after a statement (颜色和照片差挺多能退吗):
        the request is scored as a clause of its own, its weight measured against the whole
        message, and its best script joins the leaders when it is confident and no confident leader
        stands for its category yet, so that the card reaches the first three beside the
        statement's (three color_difference cards used to leave return_exchange fourth, or
        unconfident). It never outranks a confident leader: the statement says what the buyer
        found. A stock question a clause ends on after naming the variant (20000毫安的充电宝没货了,
        童装120的还剩几件) is scored the same way, but only for a message nothing is confident for
        and the gate does not call ``chatter`` (演唱会门票还有吗)."""
        small_talk = set(self.config.small_talk_categories)
        for part in parts:
            tail = _request_tail(part)
            if not tail and not chatter and not any(c.score >= self.threshold for c in leaders.values()):
                tail = _stock_tail(part)
            if not tail:
                continue
            best = self._best_piece(tail, total_chars, ranker, plain)
            if best is None:
                continue
            s_idx, sc, tail_off = best
            category = self._scripts[s_idx].category
            if sc.score < self.threshold or category in small_talk or self._off_topic(tail_off, veto):
                continue
            sure = {k: c.score for k, c in leaders.items() if c.score >= self.threshold}
            if any(self._scripts[k].category == category for k in sure):
                continue
            if sure:
                sc.score = min(sc.score, max(sure.values()) - 1e-6)
            if s_idx not in combined or sc.score > combined[s_idx].score:
                combined[s_idx] = sc
                answers[s_idx] = (sc.score, tail)
            leaders[s_idx] = combined[s_idx]

    def _fault_script(self, part: str, scored: dict[int, _Scored], combined: dict[int, _Scored] | None = None) -> int:
        """The best script of ``fault_categories`` for a clause that tells of a fault found
        (helpers._tells_fault), or -1. When none of their examples came near the clause (桌腿晃得
        厉害: 晃 is no word of theirs), the nearest for the message so far (``combined``: the whole
        message and the clauses before)."""
        faults = set(self.config.fault_categories)
        if not faults or not _tells_fault(part):
            return -1
        for pool in (scored, combined or {}):
            mine = [k for k in pool if self._scripts[k].category in faults]
            if mine:
                return max(mine, key=lambda k: (pool[k].score, -k))
        return -1

    def _faults_told(self, fault_parts: list[int], leaders: dict[int, _Scored], combined: dict[int, _Scored], earnest: set[int],
                     courtesy: set[str], told: bool, parts: list[str]) -> None:
        """A fault told in one clause beside a confident question of another category (茶饼都碎成渣了
        你们怎么包装的 我要投诉; 笔芯漏油了 能退吗; 东西还没到 另外上次那单的碗是碎的): the clause's best
        fault script joins the leaders, confident, unless a fault script is confident already. The
        clause alone reads as chatter to the gate (a statement naming the product) and scored
        0.2-0.35; the question beside it shows that the message is the buyer's business, and so
        does a bare remedy question when the message tells of the parcel arriving (快递到了 … 拆开一看
        把手是松的 … 这咋整啊; not 孩子把碗摔碎了 怎么办, a mishap at home). Not in a story about others
        (``told``), which asks nothing."""
        faults = set(self.config.fault_categories)
        sure = {self._scripts[k].category for k in earnest}
        remedy = any(_REMEDY_TAG_RE.fullmatch(part) for part in parts) and any(_RECEIVED_RE.search(part) for part in parts)
        if told or not fault_parts or sure & faults or not (remedy or sure - faults - courtesy - set(self.config.small_talk_categories)):
            return
        s_idx = max(fault_parts, key=lambda k: (combined[k].score, -k))
        leaders[s_idx] = combined[s_idx]
        earnest.add(s_idx)

    def _news_beside(self, fault_parts: list[int], leaders: dict[int, _Scored], combined: dict[int, _Scored], earnest: set[int],
                     courtesy: set[str], told: bool, parts: list[str]) -> None:
        """What the buyer tells beside a confident question of another category: a fault found
        (_faults_told) and the news that the order is placed (_placed_told)."""
        self._faults_told(fault_parts, leaders, combined, earnest, courtesy, told, parts)
        self._placed_told(leaders, combined, earnest, courtesy, told, parts)
        self._fit_told(leaders, combined, earnest, courtesy, told, parts)

    def _fit_told(self, leaders: dict[int, _Scored], combined: dict[int, _Scored], earnest: set[int], courtesy: set[str], told: bool,
                  parts: list[str]) -> None:
        """A clause that asks nothing and tells the buyer's measure or device (_FIT_TOLD_RE: 俺孙子个头高,
        我车是思域) beside a confident question of another category (书包有大号的没, 不合适能换吗): the
        best script of ``fit_categories`` for the message joins the leaders, confident, after the
        question. The buyer tells it for the agent to say which fits; alone the clause reads as
        chatter (small_talk.chat 0.9 for 我车是思域)."""
        fits = set(self.config.fit_categories)
        if told or not fits or not any(_FIT_TOLD_RE.search(part) and not _questions(part) for part in parts):
            return
        sure = {self._scripts[k].category for k in earnest}
        if sure & fits or not sure - fits - courtesy - set(self.config.small_talk_categories):
            return
        mine = [k for k in combined if self._scripts[k].category in fits]
        if mine:
            k = max(mine, key=lambda i: (combined[i].score, -i))
            top = max(combined[j].score for j in earnest)
            combined[k].score = min(combined[k].score, top - 1e-6)
            leaders[k] = combined[k]
            earnest.add(k)

    def _placed_told(self, leaders: dict[int, _Scored], combined: dict[int, _Scored], earnest: set[int], courtesy: set[str], told: bool,
                     parts: list[str]) -> None:
        """A clause (or a message of one clause) opening on the news that the order is placed
        (_PLACED_RE: 我刚拍了一套茶具 地址填错了 帮我改下; 我刚付款了但是拍重了 取消一单) beside a confident
        request of another category: the best script of ``announce_categories`` for the message
        joins the leaders, confident. Alone the clause names the product and reads as chatter
        (small_talk.chat 0.39 against order_placed.paid 0.38), while the agent's first answer to the
        news is that it is seen."""
        announced = set(self.config.announce_categories)
        if told or not announced or not any(_PLACED_RE.match(part) for part in parts):
            return
        sure = {self._scripts[k].category for k in earnest}
        if sure & announced or not sure - announced - courtesy - set(self.config.small_talk_categories):
            return
        mine = [k for k in combined if self._scripts[k].category in announced]
        if mine:
            k = max(mine, key=lambda i: (combined[i].score, -i))
            leaders[k] = combined[k]
            earnest.add(k)

    def _agree_band(self, text: str) -> float:
        """The gate's chatter probability under which both judges agreeing makes a close script
        confident (_agreed, _clause_agreeing): ``agree_offtopic``, or ``agree_offtopic_asked`` for a
        text that puts a question (helpers._questions: 咖啡机的水箱咋清洗啊 at 0.42, care_warranty for both
        judges). A remark or statement keeps the lower band: chatter that names household things
        (热水器该换个新的了) reads at 0.35-0.5 as often as a shop question does."""
        return self.config.agree_offtopic_asked if _questions(text) else self.config.agree_offtopic

    def _agreed(self, normalized: str, combined: dict[int, _Scored], ranker: coranker_module.CoRanker, to: str = "", p_off: float = 1.0) -> set[int]:
        """For a message nothing is confident for and the gate finds no chatter in: the closest
        script, when the co-ranker's likeliest class is that script's category (by
        ``agree_margin`` over its second), it reaches ``agree_floor`` and no small-talk script is
        closer. Two judges that read the text differently (nearest examples, character n-grams)
        naming the same scenario are right far more often than the calibrated score of either
        says (真丝能手洗吗: care_warranty at 0.48, the co-ranker's first class too). A question put
        to the shop (asking.SHOP, helpers._questions) that the gate reads as shopping, under
        ``agree_shop_offtopic`` (p_off), needs only ``agree_shop_floor``, however close a small-talk
        script comes: the buyer's own words around it (俺闺女, 客厅开间3米6) are what the small-talk
        examples share, the question is the shop's (_shop_question)."""
        small_talk = set(self.config.small_talk_categories)
        if self._shop_question(normalized, to, p_off):
            shop = {k: sc for k, sc in combined.items() if self._scripts[k].category not in small_talk}
            best = max(shop, key=lambda k: (shop[k].score, -k), default=-1)
            if best < 0 or shop[best].score < self.config.agree_shop_floor:
                return set()
            agreed = self._agreeing(normalized[:WHOLE_MAX_CHARS], ranker, shop, best, self.config.agree_shop_margin)
            return {agreed} if agreed >= 0 else set()
        best, chat = -1, 0.0
        for k, sc in combined.items():
            if self._scripts[k].category in small_talk:
                chat = max(chat, sc.score)
            elif best < 0 or (sc.score, -k) > (combined[best].score, -best):
                best = k
        if best < 0 or combined[best].score < self.config.agree_floor or chat >= combined[best].score:
            return set()
        agreed = self._agreeing(normalized[:WHOLE_MAX_CHARS], ranker, {k: sc for k, sc in combined.items() if self._scripts[k].category not in small_talk}, best)
        return {agreed} if agreed >= 0 else set()

    def _shop_question(self, normalized: str, to: str, p_off: float) -> bool:
        """Whether a message puts a question to the shop (asking.SHOP, helpers._questions) and the
        gate reads it as shopping, under ``agree_shop_offtopic``."""
        return to == SHOP and p_off < self.config.agree_shop_offtopic and _questions(normalized) and not _SYMPATHY_RE.search(normalized)

    def _agreeing(self, text: str, ranker: coranker_module.CoRanker, scored: dict[int, _Scored], nearest: int, margin: float | None = None,
                  gate: bool = False) -> int:
        """The script both judges name for ``text``, or -1: the nearest script when its category
        is the co-ranker's first class, at least ``agree_margin`` times as likely as its second
        (电影票多少钱 is invoice at 0.15 against bargain at 0.12: a guess between two readings),
        else the best script of that class when it scores within ``agree_tie`` of the nearest. Two scripts within a hair of each other are
        a tie the matcher breaks by accident (这件衣服多大了能穿: size.recommend and
        return_exchange.exchange both at 0.52, an IDF shift apart); the co-ranker breaks it.
        ``margin`` replaces ``agree_margin`` (_clause_agreeing). With ``gate``, the chatter class
        is left out: the gate has read the text as shopping already."""
        proba = ranker.proba(text)
        if gate:
            proba.pop(coranker_module.OFFTOPIC, None)
        first, second = heapq.nlargest(2, proba.items(), key=lambda item: item[1]) if len(proba) > 1 else (*proba.items(), ("", 0.0))
        if first[1] < (self.config.agree_margin if margin is None else margin) * second[1]:
            return -1
        if self._labels[nearest] == first[0]:
            return nearest
        mine = [k for k in scored if self._labels[k] == first[0]]
        if not mine:
            return -1
        k = max(mine, key=lambda i: (scored[i].score, -i))
        floor = max(self.config.agree_floor, scored[nearest].score - self.config.agree_tie)
        return k if scored[k].score >= floor else -1

    def _clause_agreeing(self, part: str, ranker: coranker_module.CoRanker, scored: dict[int, _Scored], nearest: int, asked: set[str]) -> int:
        """The script a clause's close best script (``nearest``) makes confident by agreement
        (_agreeing), or -1: beside
        a question of another category the message asks confidently (``asked``), with the smaller
        margin ``agree_margin_beside``. A message that asks one shop question in earnest is a
        shopping message, and its other clause a second question more often than a guess between
        two readings (一个人用一点五升的够吗包邮吗: size at 0.10 against 0.07 for the clause alone).
        There, chatter is as likely as the gate says: the co-ranker's chatter class reads a short
        clause of specs and numbers as chatter (2280能装吗: 0.20 against 0.19 for size) where the
        gate, trained for that, reads it as shopping (0.09), and the clause came here only as
        shopping (``agree_offtopic``)."""
        agreed = self._agreeing(part, ranker, scored, nearest, gate=True)
        if agreed < 0 and asked:
            agreed = self._agreeing(part, ranker, scored, nearest, self.config.agree_margin_beside, gate=True)
        return agreed

    def _asked(self, normalized: str, parts: list[str], ranker: coranker_module.CoRanker | None, leaders: dict[int, _Scored],
               sure: list[int] | None = None, combined: dict[int, _Scored] | None = None,
               reads: list[tuple[str, dict[int, _Scored]]] | None = None) -> set[str]:
        """The categories the message asks for in earnest: the co-ranker's first class for the
        message and for each of its clauses, its second too when that has at least ASKED_SHARE
        of the first's probability (色差大的话能退吗: color_difference, then return_exchange), and
        the categories of the leaders (the best script of the message and of each clause).
        Another confident category outside them is a script that shares words with the message
        (包邮吗 and 退货包邮吗), not a question of it: it keeps its rank, after the asked
        categories' second scripts."""
        asked = {self._scripts[k].category for k in leaders}
        seconds: dict[str, str] = {}  # each text's second shopping class (Seconds._clause_seconds)
        if ranker is not None:
            for text in dict.fromkeys([normalized[:WHOLE_MAX_CHARS], *parts]):
                # the second class is the next shopping one: chatter in second place (我是学生只有花呗:
                # bargain 0.18, chatter 0.09, payment 0.08) took the place of the payment question
                ranked = heapq.nlargest(3, ranker.proba(text).items(), key=lambda item: item[1])
                ranked = ranked[:1] + [item for item in ranked[1:] if item[0] != coranker_module.OFFTOPIC][:1]
                asked.update(label for label, p in ranked if p >= ASKED_SHARE * ranked[0][1])
                if len(ranked) > 1:
                    seconds[text] = ranked[1][0]
        if sure and combined is not None:
            asked |= self._own_words(sure, combined, asked)
            asked |= self._clause_seconds(reads or [], set(sure), asked, seconds)
        return asked

    def _reasons(self, leaders: dict[int, _Scored], earnest: set[int], answers: dict[int, tuple[float, str]], parts: list[str]) -> set[int]:
        """In a message that puts no question (helpers._questions), the confident leaders of the
        clause told just before the buyer's decision closing it (``decision_categories``, without a
        condition: 价格有点高 我再比比, 家里人已经买了 我这单撤了吧, 别家找到更便宜的了 这单不要了): the reason,
        which the decision's card comes before when it leads it by less than ``decision_edge`` (催一下发货
        at 0.94 is no reason for 拍了两天了, a cancellation at 0.66). Beside a question (双十二有活动没 想等等, 能改吗) the
        question leads, a decision that hangs on a condition (不少的话我就不要了) is a bargain, and a
        request for the shop to act (帮我问问) is no decision."""
        if len(parts) < 2 or any(_questions(p) for p in parts) or _CONDITION_RE.search(parts[-1]) or _ASKS_HELP_RE.search(parts[-1]):
            return set()
        decisions = set(self.config.decision_categories)
        last = [k for k in leaders if k in earnest and answers.get(k, (0.0, ""))[1] == parts[-1]]
        decided = [leaders[k].score for k in last if self._scripts[k].category in decisions]
        if not decided:
            return set()
        edge = max(decided) + self.config.decision_edge
        return {k for k in leaders if k in earnest and answers.get(k, (0.0, ""))[1] == parts[-2] and self._scripts[k].category not in decisions and leaders[k].score < edge}

    def _courteous(self, leaders: dict[int, _Scored], earnest: set[int], courtesy: set[str], answers: dict[int, tuple[float, str]]) -> None:
        """In a message of pleasantries only (every leader a greeting or thanks: 好的谢谢, hello 有客服吗),
        the cards of other categories the pleasantries came near (好的: bargain.too_expensive
        and invoice.delivery at 0.50; 有客服吗: quality.authentic) are not confident: the message asks
        nothing, and they took the places of the pleasantry's own cards. A grievance card
        (``courtesy_grievances``: 在吗在吗, 喂喂 人呢 -> complaint.slow_reply) stays: a buyer kept
        waiting is what it answers. In a message of several clauses, a thank-you card
        (``closing_categories``) whose clause puts a question and has no word of thanks, agreement
        or praise (_THANKS_WORD_RE: 你们收到了吗 beside 什么时候退款) is not confident: the clause asks
        the shop something, and the card took a place of the first three."""
        closing = set(self.config.closing_categories) & courtesy
        for k in [k for k in earnest if self._scripts[k].category in closing and k in answers]:
            clause = answers[k][1]
            # (nor a bare receipt beside what the buyer found wrong: 东西收到了 盖子是裂的)
            beside = _RECEIPT_TOLD_RE.search(clause) is not None and any(self._scripts[j].category not in courtesy and j in earnest for j in leaders)
            pleased = beside and any(_THANKS_WORD_RE.search(part) for _, part in answers.values())  # (收到了 很喜欢 还有别的色吗)
            if (_questions(clause) or (beside and not pleased)) and not _THANKS_WORD_RE.search(clause):
                earnest.discard(k)
        if not courtesy or not leaders or any(self._scripts[k].category not in courtesy for k in leaders):
            return
        kept = courtesy | set(self.config.courtesy_grievances)
        earnest.difference_update([k for k in earnest if self._scripts[k].category not in kept])

    def _how_to(self, parts: list[str], combined: dict[int, _Scored], answers: dict[int, tuple[float, str]], leaders: dict[int, _Scored],
                earnest: set[int], ranker: coranker_module.CoRanker | None) -> None:
        """A how-to question closing a message after the request it is about (鞋子不合脚 想退 怎么操作,
        想换个大一号的圈口，怎么操作): alone, 怎么操作 is care_warranty's (how to use the product, 0.83)
        while the buyer asks how to do what the clause before asks for (return_exchange.how_to
        at 0.75 for it). Its confident script of the co-ranker's first class for that clause
        (chatter left out) takes the place of its own best among the leaders."""
        if ranker is None or len(parts) < 2 or _HOW_TO_RE.fullmatch(parts[-1]) is None:
            return
        proba = ranker.proba(parts[-2])
        proba.pop(coranker_module.OFFTOPIC, None)
        if not proba:
            return
        wanted = max(proba, key=lambda label: proba[label])
        mine = [k for k, (_, part) in answers.items() if part == parts[-1] and k in earnest]
        better = [k for k in mine if self._labels[k] == wanted]
        if not better:
            return
        for k in mine:
            if self._labels[k] != wanted:
                leaders.pop(k, None)
        if not any(self._labels[k] == wanted for k in leaders):
            k = max(better, key=lambda i: (combined[i].score, -i))
            leaders[k] = combined[k]

    def _lead(self, leaders: dict[int, _Scored], combined: dict[int, _Scored], earnest: set[int], answers: dict[int, tuple[float, str]],
              main: int, courtesy: set[str], parts: list[str] | None = None) -> list[int]:
        """The order of the leaders (the best script of the message and of each clause): the
        questions of a message follow their scores (我要投诉 at 0.82 above a 0.49 card), pleasantries
        (``courtesy``) last, with two exceptions. The news that the order is placed comes before a
        bare request for haste beside it (付了 快点发哦: the announcement's scripts promise the haste;
        a question, 什么时候发, keeps its rank), and the whole message's confident best wins a near
        tie with a clause's best (``main_edge``: the whole read has the context)."""
        for k in [k for k in leaders if k not in earnest and self._scripts[k].category not in courtesy]:
            # a question whose best script is not confident stands by its confident second one
            # (是彻底下架了还是过几天会有: stock.in_stock 0.48, stock.variant_available 0.55)
            same = [j for j in earnest if j not in leaders and self._scripts[j].category == self._scripts[k].category]
            if same:
                best = max(same, key=lambda j: (combined[j].score, -j))
                leaders[best] = combined[best]
        announced = set(self.config.announce_categories)
        placed = any(self._scripts[k].category in announced and k in earnest for k in leaders)
        reasons = self._reasons(leaders, earnest, answers, parts or [])
        faults = set(self.config.fault_categories)
        fears = [k for k in leaders if self._scripts[k].category in faults and k in answers and _FEARED_FAULT_RE.search(answers[k][1])]
        if fears and not any(k in earnest and self._scripts[k].category not in faults | courtesy for k in leaders):
            # a fault feared (会不会用两天就坏) beside a durability question only its second script
            # answers: the best confident script of the fear's clause not of a fault stands for it
            said = {answers[k][1] for k in fears}
            others = [k for k in earnest if self._scripts[k].category not in faults | courtesy and answers.get(k, (0.0, ""))[1] in said]
            if others:
                best = max(others, key=lambda j: (combined[j].score, -j))
                leaders[best] = combined[best]
        asks_of_fault = self._asks_of_fault(leaders, combined, earnest, answers, parts or [])
        # what went wrong, told in the clause after the buyer's plan (本来想着周末安装, 结果物流还停在济南)
        after = {b for a, b in zip(parts or [], (parts or [])[1:]) if _plan(a)}
        overturned = [k for k in leaders if k in earnest and answers.get(k, (0.0, ""))[1] in after]

        closing = set(self.config.closing_categories)
        last = parts[-1] if parts and len(parts) > 1 else None
        # (a detail told follows the news only if nothing is asked: 付款了 … 打快递电话也查不到 … 麻烦帮我看看)
        requested = any(_CHANGE_ASKED_RE.search(p) or _ASKS_RE.search(p) for p in parts or [])

        def key(k: int) -> tuple[bool, bool, bool, bool, bool, bool, float, int]:
            category = self._scripts[k].category
            hurried = placed and category not in announced and k in answers and (_haste(answers[k][1], parts or []) or (_detail_told(answers[k][1]) and not requested))
            edge = self.config.main_edge if k == main and combined[k].score >= self.threshold else 0.0
            planned = k in answers and _plan(answers[k][1]) and bool(overturned)
            feared = k in fears and len(leaders) > 1
            # (of the pleasantries, a thanks closing the message after the greeting: 您好 … 满多少包邮 …
            # 谢谢, where a third card has room for one of them; not 3Q 客服, whose thanks leads)
            closes = category in courtesy and category in closing and k in answers and answers[k][1] == last
            return (category in courtesy, closes, hurried, planned or feared, k in reasons, k in asks_of_fault, -combined[k].score - edge, k)

        return sorted(leaders, key=key)

    def _asks_of_fault(self, leaders: dict[int, _Scored], combined: dict[int, _Scored], earnest: set[int],
                       answers: dict[int, tuple[float, str]], parts: list[str]) -> set[int]:
        """The confident leaders of ``fault_question_categories`` asked beside a fault told in another
        clause (奶粉罐子瘪了一块 里面会不会有问题), once the told clause's best confident fault script has
        joined the leaders: they follow it."""
        faults = set(self.config.fault_categories)
        if any(_FEARED_FAULT_RE.search(p) or _ELSEWHERE_RE.search(p) for p in parts):
            return set()
        told = [k for k in earnest if self._scripts[k].category in faults and k in answers and _tells_fault(answers[k][1]) and not _questions(answers[k][1])]
        if not told:
            return self._consequences(leaders, earnest, answers, parts)
        fault = max(told, key=lambda k: (combined[k].score, -k))
        asking, follows = set(self.config.fault_question_categories), set(self.config.fault_consequence_categories)
        out = {k for k in leaders if k in earnest and answers.get(k, (0.0, ""))[1] != answers[fault][1] and (self._scripts[k].category in asking or (self._scripts[k].category in follows and not _questions(answers.get(k, (0.0, ""))[1])))}
        if out:
            leaders[fault] = combined[fault]
        return out
