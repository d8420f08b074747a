"""Is the buyer upset? A label (``upset`` or ``calm``) with the cues that decided it.

Cues are words and patterns with a weight; a message is upset when its cues weigh 1 or more.
Strong cues (投诉, 差评, 12315, 骗子, 退款！, ???, 呵呵) weigh 1 alone; weak ones (到底, 怎么还没,
!!) need company. A cue does not count where the buyer only mentions the word calmly: a
negation or reassurance (放心不会给差评的), a question about the word itself (差评是什么意思),
or a complaint about somebody else (怎么投诉快递员). Repeated asking needs the earlier
messages: pass them as ``history`` (oldest first).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .rules import fold

UPSET_AT = 1.0
_NEG = r"(不会|不给|不打|不想|不要|不打算|没想|没想过|没有|没|不|别|绝不|才不|怎么会|放心|别担心|不用担心|哪会|不至于)"


@dataclass(frozen=True)
class _CueRule:
    id: str
    weight: float
    pattern: re.Pattern[str]
    exceptions: tuple[re.Pattern[str], ...] = ()


def _c(id: str, weight: float, pattern: str, *exceptions: str) -> _CueRule:
    return _CueRule(id, weight, re.compile(pattern, re.I), tuple(re.compile(e, re.I) for e in exceptions))


_CUES: tuple[_CueRule, ...] = (
    _c("complaint", 1.0, r"投诉|举报|(?<!\d)(12315|12345|315)(?!\d)|工商局?|消协|消费者协会|市场监管|曝光|维权|起诉|告你们|律师|报警|法院|(平台|小二)介入|申请介入",
       _NEG + r"[^，。！？就]{0,4}(去)?(投诉|举报|曝光|起诉|维权|报警)",
       r"(投诉|举报)[^。！？]{0,10}(快递|物流|快递员|小哥|派送员|驿站|配送员|司机)",
       r"(投诉|举报|维权|差评)(是什么|什么意思|是啥|啥意思)",
       r"(请问|想问|问一下|问下|问问)[^，。！？]{0,8}(投诉|举报)",
       r"投诉建议|(投诉|举报)[^，。！？]{0,6}(在哪|哪里|怎么提|入口|渠道)"),
    _c("bad_review", 1.0, r"差评|差平|中评|一星|1星|低分|一颗星|追评(说|曝光|写)|(评价|追评)里?[^，。！？]{0,12}(写清楚|写出来|曝光|说说你们|让大家看|所作所为)|所作所为",
       _NEG + r"[^，。！？就]{0,5}(差评|中评|一星|1星|低分)",
       r"(差评|中评)[^，。！？]{0,2}(是什么|什么意思|是啥|啥意思|怎么算|有什么影响|会怎样|影响大吗|怎么删|怎么改|能改|可以改|能删)",
       r"(什么是|啥是|何为|什么叫)(差评|中评)",
       r"(请问|想问|问一下|问下|问问)[^，。！？]{0,8}(差评|中评)",
       r"(差评|中评)[^，。！？]{0,2}(可以|能|能不能|可不可以|怎么|如何)(追加|修改|删|改|追评)",
       r"(差评|中评)[^，。！？]{0,4}(不给|不会给|不打|不写|从来不)",
       r"(朋友|别人|有人|他|她|同事|家人|室友)[^，。！？]{0,3}(给了?|打了?|写了?)[^，。！？]{0,2}(差评|中评)",
       r"(看|看到|看了|有|好多|很多|不少|那些|这些|那条|这条|几个|几条)[^，。！？]{0,4}(差评|中评)",
       r"(差评|中评)(说|讲|提到|里|上说)"),
    _c("insult", 1.0, r"骗子|骗人|骗钱|欺骗|欺诈|诈骗|坑惨|完全不符|货不对板|垃圾|黑店|坑人|坑爹|无良|奸商|恶心|傻逼|(?<![a-z])sb(?![a-z])|去死|妈的|(?<![a-z])tmd?(?![a-z])|卧槽|什么玩意|(什么|这)?破(质量|东西|玩意|店|衣服|鞋|货|服务|客服|快递|产品|态度)|什么破|这破|死哪|烂货|太差|差劲|太烂|气死|无语|敷衍|糊弄|忽悠|耍我|搞什么|什么态度|态度(太|真|好)?差|上当|被坑|坑了|被骗|骗了",
       r"(怕|担心|不怕|以防|防止|免得|会不会|不会)[^，。！？]{0,3}(被)?(骗|坑|上当)",
       r"垃圾(袋|桶|分类|篓|箱)",
       r"(我|你|他|她|老|姑|舅|后)妈的",
       r"(不|没)(坑|骗)",
       r"(?<!是)(不是|不会是|应该不是|没有)[^，。！？]{0,2}(骗子|骗人|黑店)",
       r"(之前|以前|在别家|别家|别的店|其他店)[^。！？]{0,20}(被坑|被骗|上当)|(被坑|被骗|上当)怕了"),
    _c("fake", 0.6, r"假货|假的|山寨|高仿",
       r"(是不是|会不会|不会是|是正品还是|有没有|不是|怕买到|担心)[^，。！？]{0,4}(假货|假的|山寨|高仿)"),
    _c("angry_refund", 1.0, r"退(款|钱|货)[!！]|(马上|立刻|赶紧|立即|必须)[^，。！？]{0,2}(给我)?退(款|钱|货)|还(我)?钱|给(我)?(个)?(说法|解释|交代)|赔(钱|偿)[!！]"),
    _c("question_marks", 1.0, r"[?？]{3,}"),
    _c("question_marks", 0.5, r"(?<![?？])[?？]{2}(?![?？])"),
    _c("exclamations", 0.5, r"[!！]{2,}|(?<![!！])[!！](?![!！])"),
    _c("sarcasm", 1.0, r"(?<!呵)呵呵(?!呵)|(真|可)(行|可以|有你们?的|会玩|够可以|是服了)(啊|呀|哈|哦|了)?(?![吗?？])|好(一个|个)[^，。！？]{1,4}[!！]|服了|醉了"),
    _c("impatience", 0.6, r"到底|究竟|(都|已经)[^，。！？]{0,3}第?(几|好几|\d+|[一二三四五六七八九十两]+)(天|个星期|周|次|遍)(问)?了|(都|现在|已经)(快|有|超过)?[^，。！？]{0,2}(半个月|一个多?月|一周|一个多?星期|好几天|十几天|\d+天)了|(说了|问了)[^，。！？]{0,3}(多少|几|好几|n)(遍|次)|人呐|有人没有|理理我|说话啊|等了[^，。！？]{0,3}(半天|好久|这么久|几天|好几天|\d+天|[一二三四五六七八九十两]+天|一周|一个?星期|一个?月|[一二三四五六七八九十两\d]+个?(小时|钟头))"),
    _c("reproach", 1.0, r"还好意思|(烂|差|破|垃圾)成这样|答非所问|耍(人|我|着)|玩我|好欺负|欺负(人|消费者|我)|倒闭|关门吧|(做什么|怎么做|还做)[^，。！？]{0,2}生意|别跟我(说|来|扯|讲)|能不能(有点|专业|靠谱|负责|长点)|能不能给个(准话|说法|解释|交代)|(马上|立刻|赶紧|立即)给我|差到|差成|极差|这么差|有没有良心|良心不会痛"),
    _c("reproach", 0.6, r"(?<!有)什么服务(?!吗|呢|项目|内容|态度)|机器人吗|(很|好|真|超)差(?!不多)|天天催|一直拖|拖(着|了|到)|赶紧(处理|解决|退|发|回)|这么久(还|都)(不|没)|诚信",
       r"(会不会|是不是|怕|担心|不会|会)[^，。！？]{0,4}(很|好|真|超)差"),
    _c("repeat_trouble", 1.0, r"三番五次|一次又一次|每次都(是|这样|出)|又是这样|总是这样|老是这样|也敢卖|还敢卖|虚假宣传|浪费(我|大家)?的?时间|说不清楚|叫个懂的|(气|急)得我|气死"),
    _c("outrage", 1.0, r"(讨|要|给我)(个)?说法|太过分|霸王条款|店大欺客|等着瞧|走着瞧|你(们)?等着|发(到)?(微博|抖音|小红书|朋友圈)|网上曝光|让大家(都)?看看|啥玩意|什么东西啊|什么垃圾|不要脸|无耻|缺德|黑心|智商税|割韭菜|跑路|(?<![a-z])tm(?![a-z])|特么|我靠|卧槽|艹|(?<!接)受不了|忍无可忍|忍不了|没见过这么|从没见过|害我|耽误我|谁(来)?负责|凭什么|慢死了|劣质|残次"),
    _c("outrage", 1.0, r"什么跟什么|让我(很|非常|特别|挺)?(不舒服|不爽|生气|难受|寒心|心寒)|不爽|寒心|怎么(给我)?发(个|了)?(旧|坏|错|破|用过)|不(处理|解决|退|给我?退)[^，。！？]{0,4}(的话)?(我就|就)|受气|花钱不是来|算不算数|说话不算|(怎么|给个|需要一个|给我一个)解释|(真是|真的|受)够了|亏你们|一问三不知|复制粘贴|又是这(个|句|套)|又来这套|烦不烦|严重不符|(描述|实物|图片)[^，。！？]{0,6}不符|骗鬼"),
    _c("blame", 1.0, r"怎么搞的|搞什么鬼|怎么做事的?|怎么办事的?|会不会做生意|有没有搞错|搞错没有|必须(给我)?(解决|处理|退|赔)|今天(必须|一定要)给我|晕死|吐了|想骂人|吐血|坑死|质量堪忧|粗制滥造|以次充好|货不对版|踢皮球|推卸责任|推来推去|不作为|等到猴年马月|郁闷死|糟心|闹心"),
    _c("broken_trust", 1.0, r"再也不(会|想|要)?[^，。！？]{0,6}(买|来|光顾|相信|信)|欺负|气(到|得|死|炸|坏)了?|(叫|让|要)[^，。！？]{0,3}(店长|老板|领导|主管|经理|负责人)[^，。！？]{0,3}(出来|说话)|(很|够|非常)有耐心了|耐心(用完|没了|有限)|没(人|有人)?给我[^，。！？]{0,4}(答复|回复|说法|解释|交代)|自己说的[^，。！？]{0,12}呢|买了个寂寞|抢钱|(第[二三四五六七八九]次|又|再次)[^，。！？]{0,4}(收到)?[^，。！？]{0,2}(坏|错|破|少|漏)的?|痛快(话|点)|怎么开(的)?店|不(检查|质检|看看)的?吗"),
    _c("broken_trust", 0.6, r"有什么用|只会说|退还是不退|更差|服务(也)?(差|不行)|东西不行|每次(问|找|催)都|我要求|不接受任何|说的[^，。！？]{0,10}呢(?=[?？]?$)"),
    _c("broken_trust", 0.5, r"到现在|全额退款|线头|到处都是"),
    _c("blame", 0.6, r"要等到什么时候|厉害了|郁闷|伤心|难过|无奈|做工粗糙|还要等多久|什么时候才(能|会)|答复呢|头疼|破烂"),
    _c("weak", 0.6, r"给我退(了|掉)|还是发错|又发错|还在路上|不要了|不满意|太慢|急死了|好几次|催了(好|几|多少)|什么情况|不给退"),
    _c("weak", 0.5, r"一点用(都|也)没有|有什么用|没用|你们自己看看|差太多|怎么回事|一动不动|没动静|没(有)?更新|不像话"),
    _c("feeling", 1.0, r"(很|真|太|好|非常|超)?(生气|愤怒|火大|气人|窝火|崩溃|受够)|(太|很|真|非常|一点都|一点也)不(负责|专业|靠谱|像话|讲理|讲信用|诚信)|不负责任|什么鬼|搞笑吧|开什么玩笑|逗我|一而再|再三(地)?出|不(会再|会|再|敢)?(相信|信任)你们|这就是你们的|(你们|你)[^，。！？]{0,6}(也|都|就)?不(管|理|处理|负责|解决)(吗|吧|了|\?|？)|没人管|不管不问"),
    _c("escalation", 1.0, r"(找|叫|让|换)(你们)?的?(领导|主管|经理|负责人|上级)|(领导|主管|经理|负责人)(呢|在哪|出来)"),
    _c("attitude", 1.0, r"(什么|啥|这)(服务)?态度|态度(这么|太|真|好|很)?(差|恶劣)|(怎么|咋)(能)?这样说话|阴阳怪气|(这么|太)冷淡|不耐烦|说话(太|这么)?冲"),
    _c("ignored", 1.0, r"人呢|人(都)?(跑|去)哪|客服(去哪|跑哪|在哪|呢)|(怎么|咋|为什么|为啥)(还)?(不|没)(回|理|说话)|(半天|好久)(都)?没(回复?|人回|人理)|回复(好|太|这么)?慢|(快|赶紧)(点)?回(我|复|个)|回个话|有人回一下|没人(理|回|管|说话)|不理人|(半天|一直|老是|总是)不回|爱答不理|爱理不理|不回(消息|复|话)"),
    _c("impatience", 0.5, r"(怎么|为什么|为啥|咋)(还|都)(没|不)|(一直|总是|老是)(不|没)"),
    _c("broken_promise", 0.6, r"说好的[^，。！？]{0,8}(又|却|怎么|结果|还|没)|(不是|明明)说(好|了)|说了[^，。！？]{1,8}(?=[，,]?(现在|结果|却|都))"),
    _c("annoyed", 0.6, r"离谱|过分|太贵了吧|坑|什么意思啊|搞什么", r"(被坑|被骗|上当)怕了|(之前|以前|在别家|别家|别的店|其他店)[^。！？]{0,20}坑"),
    _c("disappointment", 1.0, r"(太|很|非常|真|好)失望|再也不(买|来|会买|在你)|不会再(来|买)|拉黑|取关"),
    _c("disappointment", 0.6, r"失望|最后一次(买|来)|后悔(买|了)"),
)


_BY_WEIGHT = tuple(sorted(_CUES, key=lambda r: -r.weight))


@dataclass(frozen=True)
class Cue:
    id: str
    text: str
    start: int  # offsets into the message; -1 for a cue from history (repeated asking)
    end: int
    weight: float

    def as_dict(self) -> dict:
        return {"cue": self.id, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Mood:
    label: str  # "upset" or "calm"
    cues: tuple[Cue, ...] = ()
    score: float = 0.0

    @property
    def upset(self) -> bool:
        return self.label == "upset"

    def as_dict(self) -> dict:
        return {"label": self.label, "score": round(self.score, 2), "cues": [c.as_dict() for c in self.cues]}


def _calm_spans(rule: _CueRule, folded: str) -> list[tuple[int, int]]:
    spans = []
    for e in rule.exceptions:
        pos = 0
        while True:
            m = e.search(folded, pos)
            if m is None:
                break
            spans.append(m.span())
            pos = m.start() + 1
    return spans


def _squash(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def _repeated(text: str, history: Sequence[str]) -> bool:
    """The buyer asks again what an earlier message asked (after the agent had a chance to
    answer): the same words, near enough (rapidfuzz ratio >= 85)."""
    now = _squash(text)
    if len(now) < 2:
        return False
    from rapidfuzz import fuzz

    return any(fuzz.ratio(now, _squash(before)) >= 85 for before in history if before and before.strip())


_NUMBER_ONLY = re.compile(r"[\s\d+\-()#.]*\d[\s\d+\-()#.]*")


def mood(text: str, history: Sequence[str] = ()) -> Mood:
    """The buyer's mood for one message; ``history``: the buyer's earlier messages, oldest first."""
    folded = fold(text or "")
    if _NUMBER_ONLY.fullmatch(folded) and "".join(folded.split()) != "12315":
        # a number pasted alone (a phone, an order, even 12345) says nothing about the buyer;
        # 12315 alone is the consumer-complaint line, a threat buyers do send on its own
        return Mood("calm", (), 0.0)
    cues: list[Cue] = []
    for rule in _BY_WEIGHT:  # where cues overlap, the stronger one counts
        calm: list[tuple[int, int]] | None = None
        for m in rule.pattern.finditer(folded):
            start, end = m.span()
            if end <= start:
                continue
            if rule.exceptions:
                if calm is None:
                    calm = _calm_spans(rule, folded)
                if any(s < end and start < e for s, e in calm):
                    continue
            if any(c.start < end and start < c.end for c in cues):
                continue  # one cue per place (退款！ is not also an exclamation)
            cues.append(Cue(rule.id, text[start:end], start, end, rule.weight))
    if history and _repeated(text, history):
        cues.append(Cue("repeated", text.strip()[:20], -1, -1, 1.0))
    cues.sort(key=lambda c: (c.start < 0, c.start))
    score = sum(c.weight for c in cues)
    return Mood("upset" if score >= UPSET_AT else "calm", tuple(cues), score)
