"""Redact buyer information from a message before anything is stored.

Buyer messages carry phone numbers, addresses, names, order and tracking numbers; storing them
is a platform violation. :func:`redact` replaces them with stable markers:

=====================  ======================================
mobile phone           ``138****5678`` (first 3 and last 4 kept, as Taobao shows them)
landline               ``[电话]``
ID card number         ``[身份证号]``
passport, permits      ``[证件号]``  (after 护照/通行证/台胞证 …)
bank card number       ``[银行卡号]``
order number           ``[订单号]``  (after 订单/订单号, and any other run of >= 10 digits)
tracking number        ``[运单号]``  (SF/YT/JT/ZTO… prefixes; after 快递/运单/单号/顺丰/中通 …;
                       a UPU parcel number EA123456789CN anywhere)
address                ``[地址]``  (components may stand apart: 沈阳市 铁西区 兴华南街 58-3号 3单元 6-2)
name                   ``[姓名]``  (after 收件人/收货人/姓名/寄给我老公 …, Chinese or Latin; a common
                       surname and 1-2 characters after 我老公/寄给/我是…的/抬头, spaced or
                       not, or alone beside a phone number; 王先生 → [姓名]先生)
e-mail                 ``[邮箱]``  (also ``name at 163 dot com``, ``（at）``, ``艾特…点com``)
QQ / 微信 id           ``[QQ号]`` / ``[微信号]`` (after QQ/q/扣扣/企鹅, 微信/V/vx/wx/v信/绿泡泡 …,
                       also with words between: 微信昵称叫小鱼儿，号是 xyr_1314)
=====================  ======================================

How buyers write numbers: full-width ASCII (１３８…, ＳＦ, ＠) is NFKC-normalised first;
Chinese numerals (一三九…, 幺, 壹贰叁, 兩/陸/參, 洞) count as digits; digits may be split by
spaces, dots, dashes, brackets, emoji or line breaks (``139.5731.6284``, ``（139）5731-6284``,
``1 3 9 5 7 3 1 6 2 8 4``). A masked mobile is written in ASCII digits whatever the buyer typed.
Chinese punctuation (，：？) is left as the buyer typed it.

Linear time: every pattern here either starts with a literal or a small character set, or is
applied to short spans only, and none can backtrack over more than a bounded window (no nested
unbounded repeats). Numbers are found in one pass (:data:`_RUN`) and classified in Python from
their digit groups and the words just before them (:func:`_lead`); addresses are found on the
reversed text, where every component starts with its marker (路, 号, 单元 …).

One module on purpose, over 500 lines: its patterns are tuned together (the digit classes, the
numerals and the separators are shared by numbers and addresses, and the order of the passes in
:func:`redact` decides what each pattern sees), and ``benchmarks/bench_redact.py --old COMMIT``
times a past version by running that commit's ``store/redact.py`` alone, which works only while
the file stands alone (it imports nothing of the project).
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["redact", "question_key"]

# --- characters ----------------------------------------------------------------------------

# NFKC for the full-width ASCII block and the ideographic space only: digits and letters become
# ASCII, while ，：；！？（） stay as typed (they are part of the stored question).
_KEEP = set("，：；！？（）")
_FULLWIDTH = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP}
_FULLWIDTH[0x3000] = " "
# str.translate walks the whole text through a dict (16 ms at 100k characters); translating only
# the runs that hold full-width characters costs nothing for ordinary text.
_FULLWIDTH_RUN = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_FULLWIDTH)) + "]+")

_NUMERALS = {
    "0": "〇零○洞", "1": "一幺壹", "2": "二两兩贰貳", "3": "三叁參", "4": "四肆", "5": "五伍",
    "6": "六陆陸", "7": "七柒", "8": "八捌", "9": "九玖",
}
_TO_ASCII = {ord(ch): d for d, chars in _NUMERALS.items() for ch in chars}
_DIGIT_CHARS = "0-9" + "".join(chars for chars in _NUMERALS.values())
# what may stand between the digits of one number: at most 3 of these
_SEP_CHARS = r" \t\r\n.\-_·•~～—–()（）\[\]【】+\u200d\ufe0f\u2600-\u27bf\U0001f000-\U0001faff"

# A number: an optional opening bracket or +, then >= 5 digits with <= 3 separators between
# two digits. Starts with a character set, so the scan skips ordinary text at C speed.
_RUN = re.compile(r"[(（+" + _DIGIT_CHARS + r"](?:[" + _SEP_CHARS + r"]{0,3}[" + _DIGIT_CHARS + r"]){4,}")
_GROUP = re.compile("[" + _DIGIT_CHARS + "]+")

# The words just before a number say what it is (订单号：…, 加我q …, 顺丰 …). Looked up in a
# dict, longest word first, after stepping back over spaces, colons and 是/号/码 (a regex search
# over the window before every number cost more than all the rest of the redaction).
_LEAD_WORDS: dict[str, str] = {}
for _kind, _words in {
    "order": "订单编号 订单号码 订单号 订单 這單號 這單 这单号 这单 order order号 orderid order-id order_no",
    "tracking": "快递单号 快遞單號 快递单 快递号 快递 快遞 运单号 運單號 运单 物流单号 物流号 物流单 物流 单号 單號 包裹 "
                "顺丰 順豐 中通 圆通 圓通 韵达 韻達 申通 极兔 極兔 京东 京東 邮政 郵政 EMS ems 德邦 百世",
    "id": "身份证号码 身份证号 身份证 身份證號碼 身份證號 身份證 证件号码 证件号 證件號碼 證件號",
    "bank": "银行卡号 银行卡 銀行卡 卡号 卡號 账号 帐号 賬號 帳號 银行账户 卡",
    "qq": "QQ群 qq群 Q群 q群 QQ qq Qq qQ 扣扣 企鹅 企鵝 Q q",
    "wechat": "微信 薇信 威信 V信 v信 VX Vx vX vx WX Wx wX wx weixin wechat WeChat V v",
    # 前三位135 后面是8820 7714: the rest of a phone given in parts
    # public numbers of a product or a firm (条码 6901234567892, 国药准字H…, 浙械注准…, 税号): no one's data
    "public": "条码 條碼 条形码 條形碼 准字 注准 文号 文號 注册证号 注册号 註冊號 批号 批號 货号 貨號 款号 款號 型号 型號 税号 稅號 信用代码 信用代碼",
    "phone": "电话 電話 手机 手機 拨打 撥打 打 座机 座機 固话 固話 号码 號碼 联系方式 聯繫方式 tel Tel TEL 后面 後面 后八位 後八位 后8位 後8位",
}.items():
    for _word in _words.split():
        _LEAD_WORDS[_word] = _kind
for _word in ("order id", "order no", "order number", "order ID", "Order ID", "Order No"):
    _LEAD_WORDS[_word] = "order"
for _word in ("扣 扣", "Q Q", "q q"):
    _LEAD_WORDS[_word] = "qq"
# by last character, longest first: most characters before a number end no lead word at all
_LEADS_BY_LAST: dict[str, list[tuple[str, str]]] = {}
for _word, _kind in sorted(_LEAD_WORDS.items(), key=lambda item: -len(item[0])):
    _LEADS_BY_LAST.setdefault(_word[-1], []).append((_word, _kind))
_LEAD_FILL = frozenset(" \t\r\n\u3000\xa0:：#是为為写寫号號码碼.")
_COURIERS = frozenset("SF YT JT JDV JD ZTO STO YD YZ EMS DPK DB KYE ZJS TT HT".split())


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _lead(s: str, lo: int, start: int) -> str | None:
    """What the words just before s[start] say the number is, if anything."""
    k = start
    while k > lo:
        for word, kind in _LEADS_BY_LAST.get(s[k - 1], ()):
            at = k - len(word)
            if at >= lo and s.startswith(word, at) and not (_is_latin(word[0]) and at > 0 and _is_latin(s[at - 1])):
                return kind
        if s[k - 1] not in _LEAD_FILL:
            return None
        k -= 1
    return None


def _courier(s: str, lo: int, start: int) -> int | None:
    """Where a courier prefix (SF, YT, ZTO …) glued to the number starts, if there is one."""
    j = start - 1 if start > lo and s[start - 1] in " -\n" else start  # SF 1403…, SF-1389-…, SF⏎1403…
    i = j
    while i > max(lo, j - 3) and _is_latin(s[i - 1]):
        i -= 1
    if i < j and s[i:j].upper() in _COURIERS and not (i > 0 and _is_latin(s[i - 1])):
        return i
    return None


def _id_valid(number: str) -> bool:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    try:
        total = sum(int(d) * w for d, w in zip(number[:17], weights))
    except ValueError:
        return False
    return "10X98765432"[total % 11] == number[17].upper()


def _id_shaped(number: str) -> bool:
    """Region, 19xx/20xx birth year, month and day where an ID card number has them."""
    return (
        number[0] != "0" and number[6:8] in ("19", "20")
        and "01" <= number[10:12] <= "12" and "01" <= number[12:14] <= "31"
    )


def _luhn(number: str) -> bool:
    digits = [int(d) for d in number][::-1]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(digits))
    return total % 10 == 0


def _mobile_core(digits: str) -> str | None:
    """The 11-digit mobile number in digits (with or without 86/0086 in front), else None."""
    for prefix in ("", "86", "0086"):
        if len(digits) == 11 + len(prefix) and digits.startswith(prefix):
            core = digits[len(prefix):]
            if core[0] == "1" and core[1] in "3456789":
                return core
    return None


def _masked(core: str) -> str:
    return f"{core[:3]}****{core[7:]}"


def _landline(digits: str) -> bool:
    if not digits.startswith("0") or len(digits) < 10:
        return False
    area = 3 if digits[1] in "12" else 4
    local = digits[area:]
    return len(local) in (7, 8) and local[0] in "23456789"


def _long_digits(digits: str) -> str:
    """A contiguous run of >= 10 digits with no context."""
    if len(digits) == 18 and _id_shaped(digits) and _id_valid(digits):
        return "[身份证号]"
    if 16 <= len(digits) <= 19 and digits[0] in "3456" and _luhn(digits):
        return "[银行卡号]"
    if _landline(digits):
        return "[电话]"
    return "[订单号]"


# how buyers group the 11 digits of a mobile (139 5731 6284, 139 57316284 …); other groupings
# of 11 digits are more likely several numbers (189 2026-11-11 is a price and a date)
_MOBILE_SHAPES = {(11,), (3, 4, 4), (3, 8), (7, 4), (4, 3, 4), (4, 4, 3), (3, 3, 5), (3, 4, 1, 3)}


def _window(groups: list[tuple[int, int, str]], i: int, x_after: bool) -> tuple[int, str] | None:
    """The longest number starting at group i that is personal by its shape alone, as
    (index of its last group, marker)."""
    best = None
    digits = ""
    sizes: list[int] = []
    for j in range(i, len(groups)):
        digits += groups[j][2]
        sizes.append(len(groups[j][2]))
        n = len(digits)
        if n > 19:
            if j == i:
                best = (j, _long_digits(digits))
            break
        if n < 10:
            continue
        single = j == i
        if n in (11, 13, 15):
            core = _mobile_core(digits)
            if core:
                shape = tuple(sizes)
                if n > 11:  # 86 / 0086 in front, as a group of its own or glued to the first
                    cut = n - 11
                    shape = shape[1:] if sizes[0] == cut else (sizes[0] - cut, *sizes[1:])
                if single or shape in _MOBILE_SHAPES or all(size == 1 for size in shape):
                    best = (j, _masked(core))
        if n == 18 and _id_shaped(digits) and _id_valid(digits):
            best = (j, "[身份证号]")
        elif n == 17 and x_after and j == len(groups) - 1 and _id_shaped(digits) and _id_valid(digits + "X"):
            best = (j, "[身份证号]+X")
        elif n >= 16 and digits[0] in "3456" and (
            _luhn(digits) or (digits.startswith("62") and all(size == 4 for size in sizes[:-1]))
        ):
            best = (j, "[银行卡号]")
        if n <= 12 and digits[0] == "0" and _landline(digits) and (single or sizes[0] in (3, 4) or all(size == 1 for size in sizes)):
            best = (j, "[电话]")
        if single and best is None:
            best = (j, _long_digits(digits))
    return best


_MAX_GROUPS = 40


def _is_date(s: str, groups: list[tuple[int, int, str]]) -> bool:
    """Whether the number starts with a year, month and day joined by - or . (2026-11-11)."""
    if len(groups) < 3:
        return False
    (_, y_end, year), (m_start, m_end, month), (d_start, _, day) = groups[:3]
    return (
        len(year) == 4 and year[:2] in ("19", "20") and len(month) <= 2 and 1 <= int(month) <= 12
        and len(day) <= 2 and 1 <= int(day) <= 31 and s[y_end:m_start] in ("-", ".") and s[m_end:d_start] in ("-", ".")
    )


def _is_price_row(s: str, groups: list[tuple[int, int, str]]) -> bool:
    """Whether the number is a row of prices (199 299 399 499, 59 69 79): three or more groups of
    2-5 ASCII digits of one length, each larger than the one before and all ending in the same
    digit as prices end (9, 8, 5, 0), with at most one Chinese numeral after them (…499 四个价位).
    A tracking, order or phone number typed in groups is almost never so (1234 5678 9012; 139 2345
    6789 has groups of two lengths and is a mobile)."""
    texts = [s[a:b] for a, b, _ in groups]
    if texts and not texts[-1].isascii():
        last = texts[-1][:-1] if texts[-1][:-1].isascii() else ""
        texts = texts[:-1] + ([last] if last else [])
    if len(texts) < 3 or not all(t.isascii() and t.isdigit() for t in texts):
        return False
    if len({len(t) for t in texts}) != 1 or not 2 <= len(texts[0]) <= 5 or len({t[-1] for t in texts}) != 1 or texts[0][-1] not in "9850":
        return False
    values = [int(t) for t in texts]
    return texts[0][0] != "0" and all(x < y for x, y in zip(values, values[1:])) and _mobile_core("".join(texts)) is None


# a QQ word a little before a bare number, whatever stands between on the line
_QQ_NEAR = re.compile(r"(?:QQ|qq|Qq|扣扣|企鹅|企鵝|(?<![A-Za-z])[Qq](?=号|號|多少|是|吗|嗎|[:：]))[^\n]*$")


def _classify(s: str, start: int, end: int, last: int) -> tuple[list[tuple[int, int, str]], bool]:
    """Replacements (start, end, marker) for the number in s[start:end] ([] if it is not
    personal), and whether the words before it decided."""
    run = s[start:end]
    if len(run) > 2 * _MAX_GROUPS and len(_GROUP.findall(run)) > _MAX_GROUPS:
        # a soup of many numbers: nothing in it is kept, and no time is spent taking it apart
        return [(start, end, "[订单号]")], False
    groups = [(g.start() + start, g.end() + start, g.group().translate(_TO_ASCII)) for g in _GROUP.finditer(run)]
    digits = "".join(g[2] for g in groups)
    n = len(digits)
    # an opening bracket (or +) in front belongs to the number only if it is closed inside it
    if run[0] in "(（" and not any(c in run for c in ")）"):
        start = groups[0][0]
    x_after = end < len(s) and s[end] in "Xx" and not (end + 1 < len(s) and s[end + 1].isascii() and s[end + 1].isalnum())
    # a date (2026-11-11, 2026.11.11-2026.11.15) is no order or tracking number, whatever is before it
    kind = None if _is_date(s, groups) else _lead(s, max(last, start - 24), start)
    if kind in (None, "tracking", "order", "public") and _is_price_row(s, groups):
        # nor is a row of prices (你们发什么快递 199 299 399 499 四个价位都有吗), nor anything in it;
        # after a phone, ID, bank or QQ word the words decide
        return [], False
    courier = _courier(s, last, start)
    if courier is not None:
        kind, start = "tracking", courier
    if kind is None and 5 <= n <= 12 and _QQ_NEAR.search(s, max(last, start - 16), start):
        kind = "qq"  # 你们客服q多少？我的是 845217396
    repl = None
    if kind == "order" and n >= 5:
        repl = "[订单号]"
    elif kind == "tracking" and n >= 8:
        repl = "[运单号]"
    elif kind == "qq" and 5 <= n <= 12:
        repl = "[QQ号]"
    elif kind == "wechat" and 6 <= n <= 20:
        core = _mobile_core(digits)
        repl = _masked(core) if core else "[微信号]"
    elif kind == "id" and (n in (15, 18) or (n == 17 and x_after)):
        repl = "[身份证号]"
        if n == 17:
            end += 1
    elif kind == "bank" and 12 <= n <= 19:
        repl = "[银行卡号]"
    elif kind == "phone" and 7 <= n <= 14:
        core = _mobile_core(digits)
        repl = _masked(core) if core else "[电话]"
    if repl is not None:
        return [(start, end, repl)], True
    # no telling context: what the digit groups are by their shape
    found: list[tuple[int, int, str]] = []
    if n < 10:
        return found, False
    sizes = [len(g[2]) for g in groups]
    if n >= 14 and len(sizes) >= 3 and all(size == 4 for size in sizes[:-1]) and sizes[-1] <= 4:
        # 3365 4789 0123 4567 890: one long number in fours (a card, an order), not several
        return [(start, end, _long_digits(digits))], False
    seps = {s[a_end:b_start] for (_, a_end, _), (b_start, _, _) in zip(groups, groups[1:])}
    scripts = {s[g_start:g_end].isascii() for g_start, g_end, _ in groups}
    if n >= 16 and len(sizes) >= 4 and len(seps) == 1 and seps <= {"-", " "} and len(scripts) == 1:
        # 178-6622-0134-5598-021: one number with one separator throughout, not a mobile and more
        # (written in one kind of numeral: 189 199 299 399 499 四个价位 is four prices and a word)
        return [(start, end, _long_digits(digits))], False
    i = 0
    while i < len(groups):
        hit = _window(groups, i, x_after)
        if hit is None:
            i += 1
            continue
        j, marker = hit
        a, b = (start if i == 0 else groups[i][0]), groups[j][1]
        if marker.endswith("+X"):
            marker, b = marker[:-2], end + 1
        found.append((a, b, marker))
        i = j + 1
    if not found and n >= 14 and len(groups) > 1 and all(len(g[2]) >= 4 for g in groups):
        found.append((start, end, "[订单号]"))  # a long number written in chunks: an order number
    if not found and run[0] == "+" and 9 <= n <= 15:
        found.append((start, end, "[电话]"))  # +852 9134 2207: a phone abroad
    if kind == "public":  # a product's or a firm's number, unless it is shaped like a person's
        return [f for f in found if f[2] not in ("[订单号]", "[电话]")], True
    return found, False


_ASCII_DIGITS = frozenset("0123456789")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _numbers(s: str) -> str:
    out: list[str] = []
    last = 0
    for m in _RUN.finditer(s):
        start, end = m.span()
        # 6284一直 / 查一139…: a Chinese numeral glued to ASCII digits and to a word is more likely
        # part of the word; try the number without it first, with it if that finds nothing
        b = end
        while b > max(start, end - 2) and ord(s[b - 1]) in _TO_ASCII:
            b -= 1
        if b == end or s[b - 1] not in _ASCII_DIGITS or end >= len(s) or not _is_cjk(s[end]):
            b = end
        a = start
        while a < min(b, start + 2) and ord(s[a]) in _TO_ASCII:
            a += 1
        if a == start or a >= b or s[a] not in _ASCII_DIGITS or start == 0 or not _is_cjk(s[start - 1]):
            a = start
        found, by_context = _classify(s, start, end, last)
        if (a, b) != (start, end):
            trimmed, trimmed_by_context = _classify(s, a, b, last)
            if trimmed_by_context or not (by_context or any(f[2] in ("[身份证号]", "[银行卡号]") for f in found)):
                found = trimmed or found
        for a, b, marker in found:
            if a < last:
                continue
            out.append(s[last:a])
            out.append(marker)
            last = b
    out.append(s[last:])
    return "".join(out)


# --- other papers and post ------------------------------------------------------------------

# passports and travel permits (护照 E58213369, 港澳通行证 C10293847): letters and digits after
# the paper's name; a UPU parcel number (EA123456789CN) anywhere
_PAPERS = re.compile(
    r"((?:护照|護照|通行证|通行證|回乡证|回鄉證|台胞证|台胞證|军官证|軍官證|居留证|居留證)(?:号码|號碼|号|號)?"
    r"[^\S\n]*(?:是|为|為)?[^\S\n]*[:：]?[^\S\n]*)[A-Za-z]{1,2}[0-9]{7,10}(?![0-9A-Za-z])"
)
_HK_TW_ID = re.compile(
    r"((?:身份证|身份證|身分證|身分证)(?:字號|字号|號碼|号码|號|号)?[^\S\n]*(?:是|為|为)?[^\S\n]*[:：]?[^\S\n]*)"
    r"(?:[A-Z][12][0-9]{8}|[A-Z]{1,2}[0-9]{6}[(（]?[0-9A][)）]?)(?![0-9A-Za-z])"
)
_UPU = re.compile(r"[A-Z]{2}[0-9]{9}[A-Z]{2}(?![A-Za-z0-9])")


# --- e-mail --------------------------------------------------------------------------------

_TLDS = r"(?:com|cn|net|org|edu|gov|io|me|top|vip|cc|hk|tw|info|biz|co|xyz|COM|CN|NET|ORG|Com|Cn|Net)"
_DOT = r"(?:[^\S\n]*[.。][^\S\n]*|[^\S\n]*[(\[（【][^\S\n]*dot[^\S\n]*[)\]）】][^\S\n]*|[^\S\n]+dot[^\S\n]+|[^\S\n]*点[^\S\n]*)"
# the @ (or how buyers spell it) and the domain; the local part is walked back from the @ in
# Python (a pattern starting with the local part would retry it at every letter of a long word)
_EMAIL_AT = re.compile(
    r"(?=[@# \t\r\f\v(\[（【艾小圈\u3000\xa0])(?:[^\S\n]*[@#][^\S\n]*|[^\S\n]*[(\[（【][^\S\n]*(?:at|AT)[^\S\n]*[)\]）】][^\S\n]*"
    r"|[^\S\n]+(?:at|AT|At)[^\S\n]+|[^\S\n]*(?:艾特|小老鼠|圈[aA])[^\S\n]*)"
    r"[A-Za-z0-9\-]+(?:" + _DOT + r"[A-Za-z0-9\-]+)*" + _DOT + _TLDS + r"(?![A-Za-z0-9])"
)
_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-_")


def _emails(s: str) -> str:
    if "@" not in s and "at" not in s and "AT" not in s and "At" not in s and "艾特" not in s and "#" not in s and "小老鼠" not in s and "圈" not in s:
        return s
    out: list[str] = []
    last = 0
    for m in _EMAIL_AT.finditer(s):
        a = m.start()
        floor = max(last, a - 64)
        while a > floor and s[a - 1] in _LOCAL_CHARS:
            a -= 1
        if a == m.start() or (a < m.start() and not s[a:m.start()].strip("._%+-")) or (
            m.group().lstrip()[0] == "#" and not any(ch.isalpha() for ch in s[a:m.start()])  # #123.com: a tag, not a mailbox
        ):
            continue
        out.append(s[last:a])
        out.append("[邮箱]")
        last = m.end()
    out.append(s[last:])
    return "".join(out)


# --- WeChat ids with letters (numeric ones go through _numbers) -----------------------------

_WECHAT = re.compile(
    r"(?=[微薇威VvWw加])((?:微信|薇信|威信|[Vv]信|[Vv][Xx]|[Ww][Xx]|weixin|wechat|WeChat|加(?:个|我)?[Vv]|[Vv](?=[^\S\n]*[:：]))"
    r"[^\S\n]*(?:号|號|id|ID)?[^\S\n]*(?:是|为|為)?[^\S\n]*[:：]?[^\S\n]*)"
    r"([A-Za-z][A-Za-z0-9_\-]{5,19})(?![A-Za-z0-9_\-])"
)


def _wechat(m: re.Match) -> str:
    lead = m.group(1)
    # "vx" inside an English word is not a lead
    if lead[0] in "VvWw" and m.start() > 0 and m.string[m.start() - 1].isascii() and m.string[m.start() - 1].isalpha():
        return m.group(0)
    return lead + "[微信号]"


# An id shaped like a WeChat id (a letter, then 5-19 letters, digits, _ or -, with a digit, _ or -
# in it: not an English word) a little after a WeChat word, whatever stands between (加个微信吧
# Sunny_Z2020, vx 木木 mumu_88, 微信昵称叫小鱼儿，号是 xyr_1314, 绿泡泡 aa_baobei2019).
_WECHAT_WORD = re.compile(
    r"微信|薇信|威信|徽信|V信|v信|绿泡泡|綠泡泡|卫星号|衛星號|微.信|微 信|\+[Vv]|加[Vv]|加微|"
    + "|".join(f"{v}{x}" for v in "VvWw" for x in ("X", "x", " X", " x")) + r"|weixin|wechat|WeChat"
    r"|薇(?=[^\S\n]*[:：]?[^\S\n]*[A-Za-z])|威(?=[^\S\n]*[:：]?[^\S\n]*[A-Za-z])"
)
_SENTENCE_BREAK = re.compile(r"[\n。！!？?]|吗|嗎|呢")
_WECHAT_ID = re.compile(r"(?<![A-Za-z0-9_\-@.])[A-Za-z](?=[A-Za-z0-9_\-]{0,18}[0-9_\-])[A-Za-z0-9_\-]{5,19}(?![A-Za-z0-9_\-@])")


def _wechat_ids(s: str) -> str:
    out: list[str] = []
    last = 0
    for lead in _WECHAT_WORD.finditer(s):
        word = lead.group()
        if lead.end() < last or (_is_latin(word[0]) and (
            (lead.start() and _is_latin(s[lead.start() - 1])) or (lead.end() < len(s) and _is_latin(s[lead.end()]))
        )):
            continue  # vx inside an English word
        m = _WECHAT_ID.search(s, lead.end(), lead.end() + 30)
        # the id belongs to the lead only within its sentence (a line break right after 微信： is
        # no new sentence); a model number in capitals (KFR-35GW) is no id
        if m is None or _SENTENCE_BREAK.search(s[lead.end():m.start()].lstrip(" :：\n")) or m.group().upper() == m.group():
            continue
        out.append(s[last:m.start()])
        out.append("[微信号]")
        last = m.end()
    out.append(s[last:])
    return "".join(out)


# --- names ---------------------------------------------------------------------------------

_CJK = r"\u4e00-\u9fff"
_RELATIVE = r"(?:姑父|姑丈|姨父|姨丈|舅妈|舅媽|姑妈|姑媽|姨妈|姨媽|外公|儿媳妇|儿媳|兒媳|女婿|闺女|閨女|孙子|孫子|孙女|孫女|外孙女|外孫女|外孙|外孫|舅舅|姑姑|阿姨|叔叔|伯伯|婶婶|嬸嬸|嫂子|姐夫|妹夫|公公|岳母|岳父|丈母娘|老妈|老媽|老爸|室友|舍友|领导|領導|老板|老闆|同学|同學|老师|老師|表哥|表姐|表妹|表弟|堂哥|堂姐|老公|老婆|媳妇|爱人|愛人|妈妈|媽媽|妈|媽|爸爸|爸|父亲|母亲|儿子|兒子|女儿|女兒|朋友|同事|闺蜜|閨蜜|男朋友|女朋友|哥哥|哥|姐姐|姐|弟弟|弟|妹妹|妹|家人|奶奶|爷爷|爺爺|外婆|婆婆)"
_NAME_LEAD = (
    r"(?:收件人|收货人|收貨人|寄件人|联系人|聯繫人|签收人|簽收人|取件人|姓名|名字|真名|户名|戶名|持卡人"
    r"|收花人|收礼人|收禮人|落款|署名|机主|機主|中文名|英文名|用药人|用藥人|收票人|对接人|對接人|经办人|經辦人|负责人|負責人|代收人"
    r"|寄给我?" + _RELATIVE + r"|寄給我?" + _RELATIVE + r"|给我" + _RELATIVE + r"|給我" + _RELATIVE + r")"
)
_NOT_NAME = r"(?!写错|填错|寫錯|错|錯|真实|真實|联系|聯系|聯繫|汇款|匯款|邮编|郵編|性别|性別|年龄|年齡|身份|和|並|并|及|与|與|或|等|、|信息|資訊|不对|不對|是谁|是誰|电话|電話|手机|手機|号码|號碼|地址|姓名|名字|改成|改为|换成|是|叫|为|写|填|在|的|不|没|要|能|可以|会|一样|一致|哪|怎么|什么|呢|吗|嗎|吧|啊|了|都|也|我|俺|那里|那裡|那边|那邊|这里|這裡|这边|這邊|那儿|这儿|那个|這個|这个|那個|确认|確認|核对|核對|一下|身高|体重|體重|尺码|尺碼)"
_NAME_STOP = (
    r"(?=$|[^" + _CJK + r"·]|电话|電話|手机|手機|号码|號碼|地址|联系|收货|身份|的|吧|呢|啊|哦|了|吗|嗎|谢|謝|麻烦|麻煩"
    r"|帮|幫|改|在|住|明天|今天|后天|就|到|他|她|你|我|收|寄|电|快|先生|女士|小姐)"
)
_NAME = re.compile(
    r"(" + _NAME_LEAD + r"[^\S\n]*(?:是|叫|为|為|写|寫|改成|改为|换成|填)?[^\S\n]*[:：]?[^\S\n]*)" + _NOT_NAME
    + r"([A-Za-z]+(?:[ .·][A-Z][a-z]+|[ .·][a-z]+(?![A-Za-z]))?(?![A-Za-z])"
    r"|[" + _CJK + r"·]{2,10}?" + _NAME_STOP + r"|[" + _CJK + r"]{2,3})"
)
_SELF_NAME = re.compile(
    r"((?:我叫|我的名字是|我的名字叫|本人叫|她叫|他叫|全名|全名是|全名叫)[^\S\n]*)" + _NOT_NAME
    + r"([A-Za-z]+(?:[ .·][A-Z][a-z]+|[ .·][a-z]+(?![A-Za-z]))?(?![A-Za-z])|[" + _CJK + r"]{2,4}?" + _NAME_STOP + r")"
)


# Names without a lead word (刘洋 186****0987, 寄给 司马云飞, 帮我老公陈志强改下): a surname of the
# common ones starts them, 1-2 characters follow (a space may stand between), and a boundary ends
# them. Only where something says a person is meant: a relative (我老公, 帮我老婆), 寄给/给亲爱的,
# 我是…的, 我姓, 抬头, or the name standing alone beside a phone number or an address.
_SURNAMES = (
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅高郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭"
    "田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方邹鄒"
    "孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢"
    "安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童"
    "凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農"
    "司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔"
    "苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊"
    "乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強帅帥"
    "屠豆朴盖蓋练練廉禹井祖漆巴丰風支卿国國狄平计計索宣晋晉相初门門云雲容敬来來扈晁芮都普阙闕浦戈伏鹿薄邸"
    "雍辜羊阿乌烏母裘亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇公哈湛宾賓戎勾茅利於呼居揭干但尉"
    "冶斯元束檀衣信展阴陰昝智幸奉植衡富尧堯闭閉由白"
)
_COMPOUND_SURNAMES = "司马|司馬|欧阳|歐陽|上官|诸葛|諸葛|东方|東方|皇甫|尉迟|尉遲|公孙|公孫|慕容|长孙|長孫|宇文|司徒|夏侯|令狐|端木|独孤|獨孤|南宫|南宮|西门|西門"
# words that start with a surname but name nobody (周末, 马上, 高兴 …)
_NOT_A_NAME = (
    r"(?!包包|方式|方法|方面|方向|方案|谢谢|謝謝|谢了|謝了|谢啦|麻烦|麻煩|周末|周[一二三四五六日天]|马上|馬上|高兴|高興|方便|白色|黄色|黃色|金色|石头|石頭|明天|明年|时间|時間|和我|和你|和他|和她|和您"
    r"|全部|全家|全是|全都|安全|安装|安裝|平时|平時|平常|常用|常常|文件|成功|成本|张口|向你|向您|于是|原来|原來|原因|关于|關於|关键|關鍵"
    r"|应该|應該|应当|都是|都要|都行|那个|那個|那边|那邊|那里|那裡|都可以|那就|来了|來了|来的|來的|信息|快递|快遞|卫生|衛生|包装|包裝|包邮|包郵"
    r"|海报|海報|花费|花費|国外|國外|国内|國內|国产|國產|万一|萬一|路上|路费|计划|計劃|印象|房子|房间|房間|宁可|寧可|初次|初中|门口|門口|商品|商家|和田)"
)
_PERSON = (
    r"(?:" + _COMPOUND_SURNAMES + r"|" + _NOT_A_NAME + r"[" + _SURNAMES + r"])"
    r"(?:[^\S\n]?(?![的了在是和有不我你他她这那吗呢吧啊也都就要说說這嗎给給把被])[" + _CJK + r"]){1,2}"
)
# the same without spaces inside, where no lead word says a name comes (程 一 帆 only after 收件人：)
_PERSON_TIGHT = _PERSON.replace(r"[^\S\n]?", "")
# where a name ends: not inside a word (a following character that could go on the name)
_PERSON_END = r"(?=$|[^" + _CJK + r"]|不是|不对|不對|的|改|下|就|收|说|說|买|買|要|在|住|生日|电话|電話|手机|手機|先生|女士|小姐|家属|家屬|帮|幫|吧|呢|啊|哦|了|吗|嗎)"
_RELATIVE_NAME = re.compile(
    r"((?:我|俺)[的家]?" + _RELATIVE + r"(?:是|叫)?[^\S\n]{0,2})" + _PERSON + _PERSON_END
)
# 宝宝叫孙美玲 / 朵朵妈妈林晨 / 我外婆董秀云今年82了 / 采购何晓东下的单: a family word or a role
# right before a name (no 我 needed), the name ending where a name can end (not 孩子王的店)
_ROLE_NAME = re.compile(
    r"((?:" + _RELATIVE + r"|宝宝|寶寶|孩子|小孩|小朋友|采购|採購|助理|会计|會計|出纳|出納|司机|司機|保姆|邻居|鄰居|房东|房東)(?:是|叫)?[^\S\n]{0,2})"
    + _PERSON + _PERSON_END[:-1] + r"|今年|今天|已经|已經|一直|过生日|過生日|下的|下单|下單|这|這|那|也|都|又|还|還|现在|現在|最近)"
)
_TO_NAME = re.compile(
    r"((?:寄给|寄給|发给|發給|送给|送給|转交|轉交|前台转|前台轉|交给|交給|给亲爱的|給親愛的|亲爱的|親愛的|"
    + "|".join(f"{w}{on}{v}" for w in ("快递", "快遞", "面单", "面單", "单子", "單子", "发票", "發票") for on in ("上", "") for v in "写寫填")
    + r")[^\S\n]{0,2}[:：]?[^\S\n]{0,2})"
    + _PERSON + _PERSON_END
)
_SPACED_AFTER_LEAD = re.compile(
    r"(" + _NAME_LEAD + r"[^\S\n]*(?:是|叫|为|為|写|寫|改成|改为|换成|填)?[^\S\n]*[:：]?\s{0,2})" + _NOT_NAME + _PERSON + _PERSON_END
)
_I_AM = re.compile(r"((?:我是|我姓[" + _SURNAMES + r"][，,\s]{0,2}|本人|我是[^\s，,。！!？?]{1,5}[^\S\n]+))" + _PERSON + r"(?<=\S\S\S)" + _PERSON_END)
_PAY_TO = re.compile(
    r"((?:退到|退给|退給|退回|打到|打给|打給|转到|轉到|转给|轉給|汇到|匯到|汇给|匯給|打)[^\S\n]?)" + _PERSON
    + r"(?=的?(?:卡|账户|賬戶|帳戶|账号|賬號|帳號|银行卡|銀行卡|支付宝|支付寶|[农農工建中交招]行卡|邮储卡|郵儲卡))"
)
_TITLE_NAME = re.compile(r"(抬头[^\S\n]*(?:写|寫|是|为|為)?[^\S\n]*[:：]?[^\S\n]*(?:个人|個人)?[^\S\n]*[:：]?[^\S\n]*)" + _PERSON + _PERSON_END)
_HONORIFIC = re.compile(r"先生|女士|小姐(?!姐)")
_SURNAME_SET = frozenset(_SURNAMES)
_COMPOUND_SET = frozenset(_COMPOUND_SURNAMES.split("|"))


def _honorific(s: str) -> str:
    """王先生 → [姓名]先生 (a surname alone before 先生/女士/小姐, not 小王先生)."""
    out: list[str] = []
    last = 0
    for m in _HONORIFIC.finditer(s):
        a = m.start()
        for size in (2, 1):
            b = a - size
            if b >= last and (s[b:a] in _COMPOUND_SET if size == 2 else s[b] in _SURNAME_SET) and not (b and _is_cjk(s[b - 1])):
                out.append(s[last:b])
                out.append("[姓名]")
                last = a
                break
    out.append(s[last:])
    return "".join(out)
# a name standing alone (line, space or comma on both sides) beside a phone number or other contact
_ALONE = re.compile(r"(?<![^\s，,：:/|])" + _PERSON_TIGHT + r"(?=$|[\s，,/|]|[0-9]{3}\*{4})")
# a masked mobile (its first 3 digits before), a landline, or the buyer's other contact details
_ALONE_END = re.compile(r"$|[\s，,/|]|[0-9]{3}\*{4}")
_BESIDE = re.compile(r"(?:\*\*\*\*[0-9]{4}|\[(?:电话|邮箱|QQ号|微信号|身份证号|银行卡号)\])")
# 名字写错了，不是吴海波，是吴海涛: with a name word in the message, 是/叫/成 + a name
_NAME_WORD = re.compile(r"名字|姓名|收件人|收货人|收貨人|联系人|聯繫人|寄件人|签收人|簽收人|收花人|落款|署名")
# a name before a title (刘芳阿姨, 赵明轩老师, 孙浩然经理, 郑雨萱同学)
_TITLED = re.compile(
    _PERSON_TIGHT + r"(?=收(?:[，,。！!\s]|$)|老师|老師|阿姨|经理|經理|同学|同學|医生|醫生|大夫|主任|师傅|師傅|护士长|護士長|教授|律师|律師|老板|老闆|总监|總監|女士|小姐(?!姐)|先生)"
)
# 罗建平是我舅舅 / 邓翠花 收 是我婶婶: a clause that starts with a name and says who it is
_IS_MY = re.compile(
    r"(?<![^\s，,：:。！!？?])" + _PERSON_TIGHT + r"(?=[^\S\n]*(?:收[^\S\n]*)?[，,]?是(?:我|俺)的?" + _RELATIVE
    + r"|的(?:件|快递|快遞|包裹|单子|單子|订单|訂單))"
)
# a weak lead (给, 找, 联系, ——) takes a name only when a boundary, a number or a title follows
_WEAK_LEAD = re.compile(
    r"((?:给|給|找|联系|聯繫|联络|聯絡|送给|送給|转交|轉交|致|——|—|--|护士长|護士長|医生|醫生|老师|老師|经理|經理|主任)[^\S\n]?)"
    + _PERSON + r"(?=$|[0-9\s，,。（(：:、]|老师|老師|阿姨|经理|經理|同学|同學|医生|醫生|签收|簽收|收$|送|就)"
)
# 送给Cherry Zhang / 写 Zhou Yutong / 英文名Jason Chen: a Latin name of two capitalised words
_LATIN_NAME = re.compile(r"((?:送给|送給|写|寫|英文名|名字是|叫)[^\S\n]*[:：]?[^\S\n]*)([A-Z][a-z]+(?:[ ·.][A-Z][a-z]+){1,2})(?![A-Za-z])")
# (one of its words a surname in pinyin or Cantonese spelling: Zhou Yutong, Cherry Zhang, not Happy Birthday)
_PINYIN_SURNAMES = frozenset(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie song tang han feng deng cao "
    "peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng su wei lu ding ren shen yao cui zhong tan fan jin shi liao jia xia fu "
    "fang zou meng xiong qin qiu yin xue yan duan lei hou long tao gu mao hao gong shao wan qian kong bai mo "
    "chan wong lee cheung lau leung ng tsang chow ho lam yip kwok tse fung lai tsui chu law mak"
    .split()
)
# a line that is only a name, in a message about names (黄子涵⏎（新收花人）)
_NAME_LINE = re.compile(r"(?m)^([^\S\n]*)" + _PERSON + r"(?=[^\S\n]*$)")
_IS_NAME = re.compile(r"((?:不是|是|叫|成|为|為)[^\S\n]?)" + _PERSON + r"(?<=\S\S\S)" + _PERSON_END)


def _lead_and_name(m: re.Match, found: set[str]) -> str:
    """A match of a lead (group 1) and a name after it: the lead and the marker; the name is
    remembered so that it is masked wherever else the message repeats it (我叫谢永康 … 发票写谢永康)."""
    found.add(m.group()[len(m.group(1)):])
    return m.group(1) + "[姓名]"


def _remembered(name: str, found: set[str]) -> str:
    found.add(name)
    return "[姓名]"


def _people(s: str, found: set[str]) -> str:
    """Names the lead-word passes leave (see ``_SURNAMES``)."""
    for pattern in (_SPACED_AFTER_LEAD, _RELATIVE_NAME, _ROLE_NAME, _TO_NAME, _I_AM, _TITLE_NAME, _PAY_TO):
        s = pattern.sub(lambda m: _lead_and_name(m, found), s)
    s = _WEAK_LEAD.sub(lambda m: _lead_and_name(m, found), s)
    s = _LATIN_NAME.sub(lambda m: _lead_and_name(m, found) if any(w.casefold() in _PINYIN_SURNAMES for w in re.split("[ ·.]", m.group(2))) else m.group(), s)
    s = _TITLED.sub(lambda m: _remembered(m.group(), found), s)
    s = _IS_MY.sub(lambda m: _remembered(m.group(), found), s)
    if _NAME_WORD.search(s):
        s = _IS_NAME.sub(lambda m: _lead_and_name(m, found), s)
        s = _NAME_LINE.sub(lambda m: _lead_and_name(m, found), s)
    s = _honorific(s)
    spans: list[tuple[int, int]] = []
    for phone in _BESIDE.finditer(s):
        a = phone.start() - (3 if phone.group()[0] == "*" else 0)
        lo = max(a - 24, spans[-1][1] if spans else 0)
        # a window around the phone (searching on to the next name would make this quadratic);
        # at the window's end $ matches inside a word, so the end is checked on the whole text
        for m in _ALONE.finditer(s, lo, phone.end() + 24):
            if (m.start() >= phone.end() or m.end() <= a) and _ALONE_END.match(s, m.end()):
                spans.append(m.span())
    if spans:
        out: list[str] = []
        last = 0
        for a, b in sorted(set(spans)):
            if a >= last:
                found.add(s[a:b])
                out.append(s[last:a])
                out.append("[姓名]")
                last = b
        out.append(s[last:])
        s = "".join(out)
    return s


# --- addresses -----------------------------------------------------------------------------

# Components end with a marker; numbered ones (88号, 3单元, 5栋) need a number before it.
_NAMED_MARKS = [
    "特别行政区", "自治区", "自治州", "自治县", "街道", "大道", "大街", "胡同", "小区", "社区", "新村", "花园", "家园", "公寓",
    "大厦", "大廈", "广场", "廣場", "省", "市", "区", "區", "县", "縣", "镇", "鎮", "乡", "鄉", "旗", "街", "巷",
    "弄", "段", "苑", "村", "园", "園", "院",
]
_NUMBERED_MARKS = ["号院", "号楼", "號樓", "单元", "單元", "号", "號", "栋", "棟", "幢", "座", "室", "层", "層", "楼", "樓", "房", "组", "組"]
_STOPS = "的是吗呢吧么什怎哪我你他她这那了啊哦呀嘛把被请麻烦帮寄送到在住去给和跟与或及要想会就也还很太没个嗎這給买買卖賣打折件们們离離"
_NUM_BODY = r"[0-9A-Za-z\-" + "".join(_NUMERALS.values()) + "十百]"
# 道 is a road (高新南七道) unless it is 知道/味道/难道 …
_DAO_REV = r"道(?![知味难難一顺順渠频頻通管报報地霸厚人说說轨軌车車街大过過走])"
# 路 is a road (解放路) unless it is 走路/思路/线路/一路 …
_LU_REV = r"路(?![走思线線网網套出退一带帶半迷让讓开開领領引回来來去赶趕上下问問])"


def _alt_rev(marks: list[str]) -> str:
    return "|".join(re.escape(m[::-1]) for m in sorted(marks, key=len, reverse=True))


_MARK_ENDS = "".join(sorted({m[-1] for m in _NAMED_MARKS + _NUMBERED_MARKS} | {"道", "路"}))
# A marker that starts a word is no marker: 路线/路过 (route, pass by), 道歉/道理, 区别/区域,
# 市场. On the reversed text the character after it in the message is the one just before it.
_NOT_BEFORE = {"路": "线線程费費过過途径徑况況由灯燈人子数數", "道": "歉理具路德", "区": "别別域间間分", "區": "別域間分", "市": "场場面值"}


def _guarded(mark_rev: str) -> str:
    after = _NOT_BEFORE.get(mark_rev[0])
    return f"(?<![{after}]){mark_rev}" if after else mark_rev


_NAMED_REV = (
    r"(?:" + "|".join(_guarded(re.escape(m[::-1])) for m in sorted(_NAMED_MARKS, key=len, reverse=True))
    + r"|" + _guarded(_DAO_REV) + r"|" + _guarded(_LU_REV) + r")"
)
_NUMBERED_REV = r"(?:" + _alt_rev(_NUMBERED_MARKS) + r")"
# where the next component starts (on the reversed text): a named marker, or a numbered one
# with its number; one character set rules out most characters first
_START = r"(?=[" + _MARK_ENDS + r"])(?:" + _NAMED_REV + r"|" + _NUMBERED_REV + _NUM_BODY + r")"
# a character of a name: a word character, not a stop word (的, 到, 在 …: 寄到 and 我在 are not
# part of the address), and not where the next component starts
_NAME_CHAR = r"(?:(?!" + _START + r")[^\W_" + _STOPS + r"])"

# On the reversed text each component is "marker, then its name or number", so a match can only
# start at a marker (checked first with one character set). A name stops where the next
# component starts, so the text splits into components one way only, and every quantifier is
# possessive: the engine never backtracks, and time is linear in the length of the text.
_COMPONENT_REV = (
    r"(?:(?P<numbered>" + _NUMBERED_REV + r")" + _NUM_BODY + r"{1,6}+(?P<tail>" + _NAME_CHAR + r"{0,6}+)"  # 金融港B座
    r"|(?P<named>" + _NAMED_REV + r")(?P<name>" + _NAME_CHAR + r"{0,40}+))"
)
# (no capturing groups inside the possessive repeat: CPython 3.11 mis-tracks their spans)
# components may stand apart by a space or two (沈阳市 铁西区 兴华南街 58-3号), taken only when
# another component starts after them
_ADDRESS_REV = re.compile(
    r"(?=[" + _MARK_ENDS + r"])(?:" + re.sub(r"\(\?P<\w+>", "(?:", _COMPONENT_REV)
    + r"(?:[^\S\n]{1,2}+(?=[" + _MARK_ENDS + r"]))?){2,}+" + r"(?:(?![0-9])" + _NAME_CHAR + r"){0,12}+"
)
_COMPONENT = re.compile(_COMPONENT_REV)
_ROOM = re.compile(r"[0-9]{1,5}(?:室|房|号|號)?")
_ADDRESS_CTX = re.compile(
    r"((?:收货地址|收貨地址|寄件地址|收件地址|详细地址|詳細地址|新地址|地址)"
    # the address follows a colon, 是/改成 …, or a space: 地址变更 / 地址和电话 are not one
    r"(?:[^\S\n]*(?:是|为|為|改成|改为|換成|换成|写|寫|填)[^\S\n]*[:：]?\s*|[^\S\n]*[:：]\s*|\s+))"
    r"(?!是哪|在哪|写哪|寫哪|哪|呢|吗|嗎|不对|不對|错|錯|写错|填错)"
    r"([^\s，,。！!？?;；、]{4,}|[^\s，,。！!？?;；、]{1,3}[村镇鎮乡鄉组組屯])"
)


def _addresses(s: str) -> str:
    rev = s[::-1]
    n = len(s)
    spans = []
    for m in _ADDRESS_REV.finditer(rev):
        a, b = n - m.end(), n - m.start()
        # 我在市区, 3号5号 (dates) are not addresses: two components with a name or number, and
        # one of them named (路, 小区 …) or a building (栋, 单元, 室 …)
        parts = named = building = 0
        # (a chain this long has enough parts; counting them would read it twice)
        comps = list(_COMPONENT.finditer(rev, m.start(), m.end() if b - a <= 40 else m.start()))
        for k, c in enumerate(comps):
            if c.group("numbered"):
                # a bare 号 is a door number only right after a named road or estate (解放路88号);
                # 11月3号 and 上海市区3号 are days, 二号色 a colour
                if c.group("numbered") in ("号", "號") and not (
                    not c.group("tail") and k + 1 < len(comps) and not rev[c.end():comps[k + 1].start()].strip(" \t") and comps[k + 1].group("name")
                ):
                    continue
                parts += 1
                building += c.group("numbered") not in ("号", "號", "楼", "樓", "层", "層")
            elif c.group("name"):
                parts += 1
                named += 1
        if b - a <= 40 and (parts < 2 or not (named or building)):
            continue
        room = _ROOM.match(s, b)
        if room:
            b = room.end()
        if s.startswith("****", a - 4):  # 白建设136****4705内蒙古…: the mask's last digits are the phone's
            a += 4
        spans.append((a, b))
    if not spans:
        return s
    out: list[str] = []
    last = 0
    for a, b in reversed(spans):  # found right to left
        if a <= last and out:  # touching the one before: one address
            last = max(last, b)
            continue
        out.append(s[last:a])
        out.append("[地址]")
        last = b
    out.append(s[last:])
    return "".join(out)


# What follows an address after a space (碧桂园 7座 1503, 绿地蓝海 A座 1606, 后庄 16号): tokens
# taken one by one while each is part of an address; a plain word only when such a part follows.
_TAIL_TOKEN = re.compile(r"[^\S\n]{1,2}([^\s，,。！!？?；;、]{1,12})")
_TAIL_NUMBERED = re.compile(
    r"[0-9A-Za-z\-" + "".join(_NUMERALS.values()) + r"十百东西南北中]{1,6}(?:" + "|".join(_NUMBERED_MARKS) + r")"
)
_TAIL_ROOM = re.compile(r"[A-Za-z]?[0-9]{1,5}(?:-[0-9]{1,4})?(?:室|房)?")
_TAIL_NAMED = re.compile(r"[^\W_" + _STOPS + r"]{1,10}(?:" + "|".join(sorted(_NAMED_MARKS + ["路", "道"], key=len, reverse=True)) + r")")
_TAIL_WORD = re.compile(r"[" + _CJK + r"]{2,6}")


_NEXT_LINE = re.compile(r"[^\S\n]*\n[^\S\n]*([^\n，,。！!？?]{2,12})[^\S\n]*(?=\n|$)")
_LINE_PART = re.compile(r"\[地址\]|[村组組社屯庄莊巷弄栋棟幢单元單元室]|[0-9一二三四五六七八九十]号|[0-9一二三四五六七八九十]號|门口|門口|东头|西头|第[一二三四五六七八九十0-9]+家")


def _tail_part(token: str) -> bool:
    return bool(
        token == "[地址]" or _TAIL_NUMBERED.fullmatch(token) or _TAIL_ROOM.fullmatch(token) or _TAIL_NAMED.fullmatch(token)
    )


def _address_tails(s: str) -> str:
    if "[地址]" not in s:
        return s
    out: list[str] = []
    last = 0
    at = s.find("[地址]")
    while at >= 0:
        end = at + 4
        while True:
            m = _TAIL_TOKEN.match(s, end)
            if not m:
                break
            token = m.group(1)
            if _tail_part(token):
                end = m.end()
                continue
            after = _TAIL_TOKEN.match(s, m.end())
            if _TAIL_WORD.fullmatch(token) and after and _tail_part(after.group(1)) and after.group(1) != "[地址]":
                end = after.end()
                continue
            break
        line = _NEXT_LINE.match(s, end)
        if line and _LINE_PART.search(line.group(1)):
            end = line.end()  # 吉林省松原市前郭县查干花镇\n查干花村二社: the address goes on below
        out.append(s[last:at])
        out.append("[地址]")
        last = end
        at = s.find("[地址]", end)
    out.append(s[last:])
    return "".join(out)


def redact(text: str) -> str:
    """The message with buyer information replaced by markers. Idempotent; linear in the
    length of the text."""
    if not text:
        return text
    s = _FULLWIDTH_RUN.sub(lambda m: m.group().translate(_FULLWIDTH), text)
    s = _emails(s)
    s = _PAPERS.sub(lambda m: m.group(1) + "[证件号]", s)
    s = _HK_TW_ID.sub(lambda m: m.group(1) + "[身份证号]", s)
    s = _UPU.sub(lambda m: m.group() if m.start() and m.string[m.start() - 1].isascii() and m.string[m.start() - 1].isalnum() else "[运单号]", s)
    s = _WECHAT.sub(_wechat, s)
    s = _wechat_ids(s)
    s = _numbers(s)
    names: set[str] = set()
    s = _NAME.sub(lambda m: _lead_and_name(m, names), s)
    s = _SELF_NAME.sub(lambda m: _lead_and_name(m, names), s)
    s = _people(s, names)
    # a name found once is masked wherever else the message repeats it (何美玲 … 何美玲收)
    names |= {name[:3] for name in names if len(name) > 3 and name[0] in _SURNAME_SET and _is_cjk(name[2])}
    for name in sorted(names, key=len, reverse=True):
        if len(name.replace(" ", "")) >= 2 and name in s and "[" not in name:
            s = s.replace(name, "[姓名]")
    s = _ADDRESS_CTX.sub(lambda m: m.group(1) + "[地址]", s)
    s = _addresses(s)
    s = _address_tails(s)
    return s


_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def question_key(redacted: str) -> str:
    """The normalised key unmatched questions are counted by: NFKC, case-folded, without
    spaces or punctuation ("发货了吗？" and "发货了吗" are one question). The text is redacted
    again first (a no-op for redacted text), so a key never holds what redaction removes even
    when a caller passes raw text. Migration 0002 holds a frozen copy of this function."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", redact(redacted)).casefold())[:255]
