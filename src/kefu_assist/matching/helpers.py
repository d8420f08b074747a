"""Text helpers of the matcher (matcher.py): character bigrams, noise and negation tests,
keyword runs, the shipped chatter corpus."""
from __future__ import annotations

import functools
import re
from array import array
from bisect import bisect_left
from collections import deque
from typing import Any, Callable, Iterable, Sequence

from . import coranker as coranker_module

consume: Callable[[Iterable[Any]], None] = deque(maxlen=0).extend  # runs an iterator to its end in C


def _bigrams(text: str) -> Iterable[str]:
    for part in text.split(" "):
        yield from _part_bigrams(part)


def _part_bigrams(part: str) -> Iterable[str]:
    """The character bigrams of a clause (the character itself when it has only one)."""
    return map(str.__add__, part, part[1:]) if len(part) > 1 else (part,) if part else ()


# (a courier's code or name before the tracking number, ZTO 75412398765, 韵达 4312345678, is part
# of the number)
_CODE = r"(?:no|tel|id|sn|order|phone|mobile|sf|jd|jdl|yt|yto|zto|sto|ems|yd|yunda|jt|jtsd|db|dbl|best|htky|zjs|ane|顺丰|韵达|中通|圆通|申通|极兔|京东|邮政|德邦|百世|宅急送|[a-z]{0,4}\d[0-9a-z.\-]*|https?://[!-~]*|www\.[!-~]*|[!-~]*\.(?:com|cn|net)\b[!-~]*)"
_NOISE_RE = re.compile(f"{_CODE}(?: {_CODE})*", re.ASCII)
# What a buyer types before an identifier pasted alone (订单号 2026113012345678901, 手机：138…,
# 我的单号是SF…, 这是我的手机号 139…): the label names the number and asks nothing more than the number does.
_LABEL = (
    r"(?:这是|这个是|这就是)?(?:我的|我|我们的)?(?:订单编号|订单号码|订单号|订单|快递单号|物流单号|运单号|快递号|单号|手机号码|手机号|手机|电话号码|"
    r"联系电话|电话|联系方式|收件人电话|号码|编号|会员号|账号|旺旺号|旺旺|淘宝号|id)(?:是|为|是这个)?"
)
_LABELLED_RE = re.compile(f"(?:{_LABEL} ?)?{_CODE}(?: (?:{_LABEL} ?)?{_CODE})*", re.ASCII)
_LABELLED_DIGITS = 5  # a label before a number this long at least: 手机 5g is a phone, not a number


def _listed(example: str, text: str) -> bool:
    """Whether a message is word for word one of the library's examples, or that example typed twice
    (hello hello, 你好 你好: a greeting repeated to be seen is still the greeting; issue 10, session 28)."""
    return bool(example) and (text == example or text == example * 2)


def _is_noise(normalized: str) -> bool:
    """A text of nothing but numbers, codes with digits (SF1234567890) and links, or such an
    identifier with its label (订单号 2026113012345678901, 手机13812345678): it asks nothing,
    whatever its digits happen to look like."""
    text = normalized.strip()
    if _NOISE_RE.fullmatch(text):
        return any(c.isdigit() or c == "." for c in text)
    return bool(_LABELLED_RE.fullmatch(text)) and sum(c.isdigit() for c in text) >= _LABELLED_DIGITS


@functools.cache
def _shipped_chatter() -> tuple[str, ...]:
    from ..resources import resource_path

    try:
        with resource_path("chatter.txt").open(encoding="utf-8") as fh:
            return tuple(coranker_module.read_corpus(fh))
    except OSError:  # a bundle without it still matches; only the gate is weaker
        return ()


_NEGATORS = "没不未别"


def _negated_words(text: str, tokens: Sequence[str]) -> tuple[str, ...]:
    """The words of two or more characters that ``text`` negates (没拒收, 不要发票 has none: 要 is
    one character)."""
    out = []
    for t in tokens:
        if len(t) < 2 or t[0] in _NEGATORS:
            continue
        i = text.find(t)
        while i != -1:
            one = i > 0 and text[i - 1] in _NEGATORS and text[i - 2 : i - 1] != t[0]  # 发不发货 asks
            two = text[max(0, i - 2) : i] == "没有" and text[i - 3 : i - 2] != "有"  # 有没有红包 asks
            if one or two:
                out.append(t)
                break
            i = text.find(t, i + 1)
    return tuple(out)


def _asserts(example: str, words: Sequence[str]) -> bool:
    """Whether ``example`` holds one of ``words`` without a negation before it."""
    for w in words:
        i = example.find(w)
        while i != -1:
            if (i == 0 or example[i - 1] not in _NEGATORS) and example[max(0, i - 2) : i] != "没有":
                return True
            i = example.find(w, i + 1)
    return False


_LATIN_NAME_RE = re.compile(r"[a-z0-9.+\-]+", re.ASCII)


def _is_latin_name(text: str) -> bool:
    return bool(_LATIN_NAME_RE.fullmatch(text))


def _contains(sorted_ids: array, value: int) -> bool:
    i = bisect_left(sorted_ids, value)
    return i < len(sorted_ids) and sorted_ids[i] == value


def _contains_run(tokens: Sequence[str], run: Sequence[str]) -> bool:
    """Whether ``run`` appears as consecutive tokens: 运费 is a keyword hit in 运费多少 but not
    in 退货运费 (a word of its own)."""
    n = len(run)
    if n == 1:
        return run[0] in tokens
    return any(tuple(tokens[i : i + n]) == tuple(run) for i in range(len(tokens) - n + 1))


def _distinct_first(items: Sequence[Any], key: Callable[[Any], Any], n: int, wanted: Callable[[Any], bool] = lambda key: True) -> list[Any]:
    """``items`` (best first) with the first ``n`` covering as many distinct keys as the items
    hold among the ``wanted`` ones: the first item stays first, each next place goes to the best
    item of a wanted key not yet shown, while there is one; the rest keep their order. Three
    cards of one category (质量不好能退吗 是正品不: quality three times) leave no room for the
    other thing asked (return_exchange at rank 4): the agent now sees each asked category's best
    script first and the second script of a category one place lower."""
    rest = list(items)
    head: list[Any] = rest[:1] if n > 0 else []  # the best card stays first, whatever its key
    del rest[: len(head)]
    seen: set[Any] = {key(item) for item in head}
    while rest and len(head) < n:
        i = next((j for j, item in enumerate(rest) if key(item) not in seen and wanted(key(item))), 0)
        item = rest.pop(i)
        head.append(item)
        seen.add(key(item))
    return head + rest


# Words that join two requests inside one clause, typed without a break: 要么改地址要么取消,
# 换货或者退款, 能开发票吗顺便问下发什么快递, 包邮吗另外有赠品吗. 还是 is left out: it mostly
# offers two answers to one question (M还是L, 大一号还是正常码).
_JOINERS_RE = re.compile("要么|或者|顺便问一下|顺便问下|顺便问问|顺便|另外")


# A word that only opens the next question of a message (对了面膜一周敷几次, 还有就是七天能退吧,
# 然后发什么快递): it asks nothing, and scored with the clause it pulled the clause's best script
# down (还有就是七天能退吧 0.75 against 0.97 for 七天能退吧) or to another scenario (对了 is no
# word of any example). Not 还有 alone (还有货吗 asks for stock) nor 就是 (就是想问下).
_LEADING_JOINER_RE = re.compile("(?:然后|还有就是|另外|顺便(?:问一下|问下|问问|说一下|说下)?|对了|再问一下|再问下|还想问一下|还想问下|还想问|嗯+)(?:就是)?")


def _unjoined(clause: str) -> str:
    """``clause`` without the joining word that opens it, when at least two characters remain."""
    m = _LEADING_JOINER_RE.match(clause)
    if m is None or len(clause) - m.end() < 2:
        return clause
    return clause[m.end() :]


def _questions(clause: str) -> bool:
    """Whether ``clause`` puts a question (水壶怎么除水垢啊, 手长19用中号行不), not only a request or
    the words that lead into one (想问问车厘子, 这回俺想问问: asking.asks counts those)."""
    from .asking import _QUESTION_RE

    return _QUESTION_RE.search(clause) is not None


def _sub_clauses(clause: str) -> list[str]:
    """The requests a clause joins with 要么, 或者, 顺便, 另外, those of two characters or more
    (a lone 改 in 地址填错了要么改要么取消 asks nothing by itself); none for a clause without a
    joining word."""
    parts = _JOINERS_RE.split(clause)
    if len(parts) < 2:
        return []
    return [p for p in parts if len(p) >= 2]


# A request for a return or an exchange a clause ends on, after what the buyer found
# (颜色和照片差挺多能退吗, 面料有点扎可以换吗): a second question typed without a break.
_RETURN_TAIL_RE = re.compile("(?:能不能|可不可以|可以|能|可否|包)(?:退|换)(?:货|款|换|掉|个|一个)?(?:吗|么|嘛|不|呢)?$")


# A stock question a clause ends on after naming the variant or product (20000毫安的充电宝没货了,
# 童装120的还剩几件, 磨砂黑的壳还有木有): the spec and the product's name are words the library never
# saw, which left the question under the threshold. Only what asks for stock whatever precedes it
# (not 有吗 or 没了: 发票有吗, 优惠没了).
_STOCK_TAIL_RE = re.compile(
    "(?:没货|缺货|断货|卖完|卖光|没有了|还有货|有货|有没有货|还有没有|还有木有|还有没|还有吗|还有么|还剩几(?:件|个|套|盒|双|瓶|包|条|只|台|张|箱|袋|罐)?)"
    "(?:了|啦|的)?(?:吗|么|嘛|呢|啊|呀|吧|没|不)?(?:亲)?$"
)


# ... told as a statement (没货了, 卖光了), it asks only after a variant named before it (20000毫安的,
# 66码的, 2015年的): 演唱会的票一秒就卖光了 and 超市的鸡蛋又卖光了 ask nothing.
# (没有了吗 asks of anything, 优惠没有了吗: of stock only after a variant)
_STOCK_ASKED_RE = re.compile("^(?!没有了)(?:.*(?:还有|还剩|有没有|有货|吗|么|嘛|呢|没$|不$))")
_VARIANT_RE = re.compile(r"\d|码|号|色|款|寸|克|毫升|毫安|斤|装|规格|尺寸|型号|[红橙黄绿青蓝紫黑白灰粉棕金银]")


def _stock_tail(clause: str) -> str:
    """The stock question ``clause`` ends on after at least two characters of its own, or ''."""
    m = _STOCK_TAIL_RE.search(clause)
    if m is None or m.start() < 2:
        return ""
    if _STOCK_ASKED_RE.search(m.group(0)) is None and _VARIANT_RE.search(clause, 0, m.start()) is None:
        return ""
    return m.group(0)


def _request_tail(clause: str) -> str:
    """The return or exchange request ``clause`` ends on after at least two characters of its
    own (能退吗 of 颜色和照片差挺多能退吗), or ''. A clause that is only the request has none."""
    m = _RETURN_TAIL_RE.search(clause)
    if m is None or m.start() < 2:
        return ""
    return m.group(0)


# A message that opens on the product it is about (这款…, 那个…, 你家那个…, 买的…): the words
# naming it are the product's, not the question's.
_PRODUCT_LEAD_RE = re.compile("(?:你们家|你家|你们)?(?:的)?(?:这|那)(?:个|款|件|双|套|只|台|条|种|瓶|盒|把|张|顶|本|支|块|袋|箱|副|对|颗|包|床|根|片|组)")


def _names_a_product(text: str) -> bool:
    """Whether ``text`` opens on a demonstrative and a measure word (那个奶油风羊羔绒斗篷…)."""
    return _PRODUCT_LEAD_RE.match(text) is not None


def _gate_text(text: str) -> str:
    """The second reading the co-ranker and its off-topic gate take of a message that names a
    product first (_names_a_product, matcher.Matcher._read): the text after its demonstrative and
    measure word, since chatter opens on them as often as a question about an item does
    (那个明星好帅, 那个斗篷几天发走). Any other text, or nothing after the lead, as it is."""
    m = _PRODUCT_LEAD_RE.match(text)
    if m is None:
        return text
    return text[m.end() :].strip() or text


# Where a long spoken message turns from its story to the shop (我下个礼拜要去杭州看女儿 … 请问这个礼盒有多大,
# 我们公司要给客户送 … 想问一下几号开始发货): a buyer on voice input or in dialect tells first and asks
# last, without a break the clause split sees. The words that put the question to the shop.
_ASK_LEAD_RE = re.compile("请问|(?:我?想|来)?问(?:一下|下|问)|想问|我想知道|想了解|贵店|(?:你们|你家)家?的?(?:这|那)[个款种批]")
# ... read only after a story at least this long (老板这个几天发 is read whole)
_STORY_MIN = 8


def _ask_tail(text: str) -> str:
    """The part of a clause ``text`` from its last words that put the question to the shop
    (_ASK_LEAD_RE: 想问一下你们这个…), when a story of at least _STORY_MIN characters comes before
    them and two characters or more follow; else ``text`` itself."""
    if " " in text:  # clauses apart: each is read on its own
        return text
    found = [m for m in _ASK_LEAD_RE.finditer(text) if len(text) - m.start() >= 4]
    if not found:
        return text
    start = found[-1].start()
    for m in reversed(found[:-1]):  # the words leading into it too (问一下你们那个…)
        if m.end() < start - 1:
            break
        start = m.start()
    return text[start:] if start >= _STORY_MIN else text


# A clause that only says the buyer has something to ask (我想问问, 问你个事儿, 想咨询一下, 请教个问题),
# beside a greeting or the question itself: it asks nothing, and scored alone it read as hesitation
# (问问 of 我问问我老公) or as a complaint, ahead of the greeting (老板在吗 想问问). Not 我问问 or 问一下
# alone, which answer an offer (I will ask someone), and not a lead-in with its object (想问问车厘子).
_BARE_ASK_RE = re.compile(
    "(?:我|俺)?(?:就|是|还)?(?:(?:想|来)(?:问|咨询|打听|请教)(?:问|一下|下)?(?:你|您)?(?:个|点|一个|几个)?(?:事|事儿|事情|问题|东西)?"
    "|(?:来|就)?(?:问|咨询|打听|请教)(?:你|您)?(?:个|点|一个|几个|一下|下)(?:事|事儿|事情|问题|东西)|(?:咨询|请教)(?:一下|下)"
    # ... or that someone sent the buyer to ask (我妈让我问问, 我老公叫我来问一下)
    "|[^ ]{0,4}(?:让|叫)(?:我|俺)(?:来)?(?:问问|问一下|问下|咨询一下|咨询下))"
    "[啊呀哈呢哦嘛吧哈亲]*"
)


def _told_then_asked(parts: list[str]) -> list[str]:
    """``parts`` with each clause that tells a story and then puts its question to the shop without a
    break (_ask_tail) cut in two: the question is scored, and read by the gate, on its own; a clause
    that only says there is something to ask (_BARE_ASK_RE) is left out when another clause remains."""
    if len(parts) > 1 and any(_BARE_ASK_RE.fullmatch(p) is None for p in parts):
        parts = [p for p in parts if _BARE_ASK_RE.fullmatch(p) is None]
    out: list[str] = []
    for part in parts:
        tail = _ask_tail(part)
        if tail != part:
            out.append(part[: len(part) - len(tail)].strip())
        out.append(tail)
    return out


def _two_readings(normalized: str, ranker: coranker_module.CoRanker) -> tuple[dict[str, float], float]:
    """A model's class probabilities and chatter probability for a text. A message that names a
    product first (那个奶油风羊羔绒斗篷几天发走) is read with and without its demonstrative and
    measure word (_gate_text): chatter opens on them as often as a question about an item, and the
    gate's chatter corpus taught them as chatter (那个几天发走 0.43, 几天发走 0.20), while beside a
    price they speak for bargaining (这个沙发再少两百我马上拍). Each class keeps the likelier of the
    two readings, the gate the less likely chatter (Matcher._read)."""
    proba, p_off = ranker.proba_and_gate(normalized)
    rest = _gate_text(normalized)
    if rest != normalized:
        other, other_off = ranker.proba_and_gate(rest)
        proba = {label: max(p, other.get(label, 0.0)) for label, p in proba.items()}
        p_off = min(p_off, other_off)
    tail = _ask_tail(normalized)
    if tail != normalized:
        other, other_off = ranker.proba_and_gate(tail)
        proba = {label: max(p, other.get(label, 0.0)) for label, p in proba.items()}
        p_off = min(p_off, other_off)
    return proba, p_off


# A clause that only presumes the order has not left yet (还没发吧, 应该还没发货吧, 没寄出吧): beside
# a change or cancel request it is the request's condition, not a question about the parcel
# (猫砂拍成混合的了 要改成原味 还没发吧 asks for the change).
_PRESUMES_UNSHIPPED_RE = re.compile(
    "(?:应该|应该是|估计|我想|我猜|大概|现在|目前|那单|这单|订单)?(?:是)?还?(?:没|没有|未)(?:发|寄|出)(?:货|出|出去|走)?(?:的)?(?:吧|吧亲|对吧|是吧|呢吧|的吧|呢|哈)?"
)


# A tag that only presses the point of the clause before it (价格这么高还不让砍 什么意思, 三天没动了 怎么
# 回事): the buyer's question is in that clause.
_REMEDY_TAG_RE = re.compile("(?:这|那|这个|那)?(?:该|要)?(?:怎么办|咋办|怎么处理|如何处理|怎么解决|咋整|怎么整|咋弄|怎么弄|咋搞|怎么搞)(?:啊|呀|呢|吧|哦)?")
# A bare remedy question after what the buyer found or was told (收到的茶叶有霉味 怎么办, 这怎么处理,
# 快递员说找不到地址 咋办) leans on that clause the same way: the card is that clause's, not 不会装怎么办's.
_PRESSING_TAG_RE = re.compile("(?:这是|你们这是|到底)?(?:什么|啥|几个)意思(?:啊|呀|呢|嘛)?|(?:这是)?怎么回事(?:啊|呀|呢)?|(?:什么|啥)情况(?:啊|呀|呢)?"
                              "|" + _REMEDY_TAG_RE.pattern)


def _untagged(normalized: str, parts: list[str]) -> str:
    """The message without a bare remedy question closing it (收到的苹果烂了两个 怎么处理 -> 收到的苹果烂了
    两个), as the whole message is read: 怎么处理 alone is care_warranty's (新买的要先怎么处理), and it
    made the whole read care_warranty too. The clause is still scored on its own, as a tag."""
    if len(parts) < 2 or _REMEDY_TAG_RE.fullmatch(parts[-1]) is None:
        return normalized
    return normalized[: normalized.rfind(parts[-1])].strip() or normalized


def _presumes_unshipped(clause: str) -> bool:
    """Whether ``clause`` is nothing but the buyer presuming the order has not shipped yet."""
    return _PRESUMES_UNSHIPPED_RE.fullmatch(clause) is not None


# The plan the buyer had, told before what went wrong (本来想着周末家里有人好安装, 结果到现在物流还停在济南;
# 本来寻思赶在降温前盖上): the background of the grievance that follows, not what the message asks.
_PLAN_RE = re.compile("(?:本来|原本)(?:是)?(?:想着|想|寻思|打算|准备|计划|以为)|本想|原想|本打算|原打算")


def _plan(clause: str) -> bool:
    """Whether ``clause`` opens on the plan the buyer had (本来想着周末安装)."""
    return _PLAN_RE.match(clause) is not None


def _tag_clause(clause: str) -> bool:
    """Whether ``clause`` only leans on another one: the order presumed not shipped (还没发吧, the
    condition of a change or cancel request) or a tag pressing the point (什么意思, 怎么回事)."""
    return _presumes_unshipped(clause) or _PRESSING_TAG_RE.fullmatch(clause) is not None


# A request for haste that asks nothing (快点发哦, 麻烦尽快安排, 记得早点发): beside the news that the
# order is placed or paid (付了 快点发哦) it is what the announcement's card answers already.
_HASTE_RE = re.compile("快点|快些|尽快|早点|尽早|赶紧|抓紧|赶快|安排|记得")
_ASKS_RE = re.compile("吗|么|嘛|呢|几|什么|多久|啥时|哪天|能不能|可不可以|是不是|会不会|多少|怎么|咋")
# ... unless the buyer needs the goods by a time (下单了 快点发 急用): that is the urgent-shipping request
_NEED_RE = re.compile("急用|着急|急着|很急|挺急|等着用|要用|赶时间")


def _haste(clause: str, parts: Sequence[str] = ()) -> bool:
    """Whether ``clause`` asks for haste without a question (快点发哦; not 能快点发吗, nor 快点发 急用:
    the need told in it or in another of the message's ``parts``)."""
    return _HASTE_RE.search(clause) is not None and _ASKS_RE.search(clause) is None and not any(_NEED_RE.search(p) for p in [clause, *parts])


# A detail told beside the news that the order is placed, asking for nothing (地址是公司的, 收货地址写的
# 单位, 电话号码是新的那个): the announcement's card (see the order, check the address) answers it; a change
# asked for (地址写错了 帮我改下, 改成蓝色) keeps its own card first.
_CHANGE_ASKED_RE = re.compile("改|换|错|修改|变更|不要|取消|帮|麻烦|能|可以|想|请|别|给我|发")


_ORDER_DETAIL_RE = re.compile("地址|电话|手机号|号码|收货人|收件人|姓名|名字")


def _detail_told(clause: str) -> bool:
    """Whether ``clause`` only tells a detail of the order (地址是公司的), asking and requesting nothing."""
    return _ORDER_DETAIL_RE.search(clause) is not None and _CHANGE_ASKED_RE.search(clause) is None and _ASKS_RE.search(clause) is None and "哪" not in clause


# A fault the buyer found in what arrived, told as a statement (茶饼都碎成渣了, 笔芯漏油了, 本子全是皱的,
# 充电宝发烫鼓包了, 碗是碎的): beside a complaint, a return or a parcel question it is a question of
# its own (matching.Deciding._faults_told). Not a fault denied (没坏), a size (宽松) or stock (断货).
_FAULT_TOLD_RE = re.compile(
    "(?<![不没无别])(?:坏|破|裂|碎|渣|洞|磕|凹|瘪|划痕|划伤|污渍|霉|虫|皱|鼓包|开线|开胶|脱胶|脱线|漏(?:水|油|气|液|发|了)|瑕疵|变形"
    "|少了|少发|发错|错发|异响|不亮|没反应|写不出|用不了|不能用|过期|变质|馊|化了|烂了|稀烂|歪(?:的|了)|松(?:了|动|的)"
    "|断(?:了|开|成|裂)|摔断|折断|脏(?:了|的)"
    # a part bent (滑轨是弯的, 支架压弯了; not a style: 有弯的款吗)
    "|是弯的|弯了|变弯|压弯"
    # parts missing, counted (少两颗螺丝, 缺个合页, 少了一根横杆; not money: 少两块)
    "|(?:少|缺)了?(?:一|两|二|三|四|五|几|好几)?(?:颗|个|根|只|件|片|条|样|套|把|粒|张)(?!人)"
    # what wobbles (桌腿晃得厉害, 椅子有点摇晃) and what came opened or used (面霜是开过封的, 盒子被拆过,
    # 有使用痕迹, 像是二手的)
    "|晃(?:得|动|了|来晃去|悠|$)|摇晃|摇摇晃晃|开过封|拆过|被拆|拆封过|封口(?:是)?(?:开|破)|用过的|使用痕迹|二手"
    # a part told to be faulty in so many words (对焦有问题, 屏幕出了问题, 按键有毛病, 云台就抖)
    "|(?:有|出|出了)问题(?!再|的话|随时|就|找|联系|可以)|有毛病|出毛病|失灵|(?<![发颤])抖(?:动|得|个不停|$)"
    # a gadget's or a brush's own faults (刷毛用两天就掉毛, 空格键不回弹, 屏幕有暗斑, 开机就黑屏)
    "|掉毛|不回弹|卡键|暗斑|坏点|黑屏|花屏|死机|闪屏|掉漆|断连"
    # a wrong item told as what came (我订的大号你们寄了个小号来, 发成了黑色的), what came dead or
    # withering (死了一半, 叶子发黄, 苗都蔫了; not 笑死了, 累死了), what runs hot or flickers (有点发烫, 灯一直闪)
    "|(?:寄|发)了(?:个|一个|件|一件|双|一双)[^ ]{1,8}(?:来|过来)$|(?:寄|发)成了?|寄错|(?<![笑累热冷气饿困烦急忙吓渴痒疼痛])死(?:了|掉)"
    "|枯(?:了|死)|蔫(?:了|巴)|发黄|黄了|有点黄|烂根|发烫|烫手|(?:一直|老是|总是)闪|闪(?:烁|个不停|$))"
)


# (几 of 十几颗 and 好几个 counts what is broken: it asks nothing here)
_FAULT_ASKS_RE = re.compile("吗|么|嘛|呢|什么|多久|啥时|哪天|能不能|可不可以|是不是|会不会|多少|怎么|咋")


def _tells_fault(clause: str) -> bool:
    """Whether ``clause`` tells of a fault found in the item, without asking (会不会坏 asks)."""
    return _FAULT_TOLD_RE.search(clause) is not None and _FAULT_ASKS_RE.search(clause) is None
