"""Buyer text -> one canonical form: what buyers type is not what the library's author typed.

Steps, each cheap (a few microseconds a message):
- NFKC folds full-width letters, digits and punctuation to their half-width forms;
- OpenCC t2s turns traditional characters into simplified ones (能開發票嗎 -> 能开发票吗);
- chat-client stickers ([微笑]) and emoji become spaces;
- heights and weights in Chinese numerals become digits (一米六五 一百斤 -> 165 100斤);
- Cantonese grammar words read as Mandarin (可唔可以平啲 -> 可不可以便宜点);
- well-known homophone typos of this trade are corrected (包油 -> 包邮);
- punctuation becomes clause breaks, runs of them collapse, letters are lower-cased.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Sequence

from .dialect import as_mandarin

MAX_CHARS = 2000  # longer pastes are cut: no buyer question needs more, and time stays bounded

# Homophone and input-method slips that buyers make all the time. Each maps to what they meant;
# the longer forms come first so that a correction never half-applies.
TYPOS: dict[str, str] = {
    "包油": "包邮",
    "免油": "免邮",
    "优惠卷": "优惠券",
    "代金卷": "代金券",
    "有卷吗": "有券吗",  # not 有卷: 有卷纸吗 is about paper
    "领卷": "领券",
    "用卷": "用券",
    "发漂": "发票",
    "开漂": "开票",
    "顺风快递": "顺丰快递",
    "发顺风": "发顺丰",
    "顺风": "顺丰",
    "在马": "在吗",
    # ... not where 马 begins a word (在马来西亚, 在马路边, 在马上): the longer form is kept as typed
    "在马来": "在马来", "在马路": "在马路", "在马上": "在马上", "在马尔": "在马尔", "在马桶": "在马桶",
    "再吗": "在吗",
    "在嘛": "在吗",
    "在么": "在吗",
    "有人嘛": "有人吗",
    # 或 for 货 (both huo4) in the stock question, as three writers of the dev sets typed it
    # (有或吗 黑色的充电头); only before a question particle: 或者, 有或无 and 有或没有 stay
    "有或吗": "有货吗", "有或不": "有货不",
    "冲码": "尺码",
    "尺吗": "尺码",
    "质亮": "质量",
    "快第": "快递",
    "块递": "快递",
    "物留": "物流",
    "色查": "色差",
    "偏移点": "便宜点",
    "骗宜": "便宜",
    "差平": "差评",
    "头诉": "投诉",
    "片大": "偏大",
    "片小": "偏小",
    "取销": "取消",
    "味到": "味道",
    # 贷 for 货 (one stroke apart, next to each other in handwriting input) in the words buyers
    # ask about stock with; 贷款 and 放贷 are left alone
    "补贷": "补货",
    "现贷": "现货",
    "缺贷": "缺货",
    "断贷": "断货",
    "运废": "运费",
    "邮废": "邮费",
    "腿货": "退货",
    "腿款": "退款",
    # 获 for 货 (same sound) only where the buyer asks about stock; 没有获得, 有收获 stay
    "有获吗": "有货吗",
    "有获么": "有货么",
    "有获嘛": "有货嘛",
    "有获没": "有货没",
    "还有获": "还有货",
    "没获了": "没货了",
    # 保 for 包 and 涩 for 色: neither 保邮 nor 涩差 is a word
    "保邮": "包邮",
    "保秀": "保修",
    # 休 for 修 (both xiu) in the warranty (保休期, 还保休吗); 确保休息 stays as typed
    "保休": "保修", "确保休": "确保休",
    "涩差": "色差",
    # what voice input hears for 发货 and 无理由 (hua/fa, li/li): neither 花货 nor 无礼由 is a word
    "花货": "发货",
    "无礼由": "无理由", "无里由": "无理由",
    # 色差 half typed in pinyin or heard as 色插/色叉 (有色cha吗)
    "色cha": "色差", "色插": "色差", "色叉": "色差",
    # 包邮 heard as 保油 or 保游 (neither a word), 有货 as 有活 where it is asked (有活吗; 有活动吗 and
    # 有活人吗 stay), 到 as 道 in the days it takes (几天道, 能道吗; 能道歉吗 stays)
    "保油": "包邮", "保游": "包邮",
    "有活吗": "有货吗", "有活没": "有货没", "有活不": "有货不",
    "几天道": "几天到", "天能道": "天能到", "能道吗": "能到吗", "能道不": "能到不",
    # 签收 heard as 签手 (显示签手了; not a word)
    "签手": "签收",
    # 己 and 以 for 已 (one stroke apart; same sound) in the news that the order is paid (己付款, 以付款了,
    # 以经拍了): 自己付, 可以付款, 所以经常 … are kept as typed
    "己付": "已付", "己经": "已经", "己下单": "已下单", "己拍": "已拍",
    "自己付": "自己付", "自己经": "自己经", "自己下单": "自己下单", "自己拍": "自己拍",
    "以付款": "已付款", "以经": "已经",
    "可以付款": "可以付款", "所以付款": "所以付款", "难以付款": "难以付款", "予以付款": "予以付款",
    "可以经": "可以经", "所以经": "所以经", "加以经": "加以经", "予以经": "予以经", "难以经": "难以经",
}
_TYPO_RE = re.compile("|".join(sorted(map(re.escape, TYPOS), key=len, reverse=True)))

# Qianniu/Wangwang stickers arrive as [微笑], [哈哈], [OK]; a few clients use /:) codes.
_STICKER_RE = re.compile(r"\[[\u4e00-\u9fffA-Za-z]{1,8}\]|/:[a-z()\-<>@!?*$^&]{1,6}", re.IGNORECASE)
# Clause breaks: sentence punctuation (half-width after NFKC) and whitespace.
# A full stop between digits is a decimal point (1.5的床, 2.5kg): kept, the tokenizer reads 1.5 as
# one number; elsewhere it breaks a clause. (It broke 尺寸拍成1.5的了 俺要1.8的 into 尺寸拍成1, 5的了,
# 俺要1, 8的.)
_BREAK_CHARS = r",;:!?~…。，、；：！？～·|/\\\"'`()<>\[\]{}【】《》“”‘’「」『』()（）_=*#^@&%-"
_DOT_BREAK = r"|(?<!\d)\.|\.(?!\d)"
_BREAK_RE = re.compile(r"(?:[\s" + _BREAK_CHARS + "]" + _DOT_BREAK + ")+")
# Every character str.isspace() accepts except the line break that separates the texts of
# normalize_many (tests check the list against Python's own).
WHITESPACE_BUT_NEWLINE = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_BREAK_LINES_RE = re.compile("(?:[" + WHITESPACE_BUT_NEWLINE + _BREAK_CHARS + "]" + _DOT_BREAK + ")+")
# NFKC leaves ASCII and the CJK unified ideographs as they are, and neither combines with what
# follows; only the other runs (with the character before them, which a mark may combine with)
# need the slow normalisation.
_NFKC_RUN_RE = re.compile(r".?[^\x00-\x7f\u4e00-\u9fff]+")
# (and a link pasted without its scheme, m.tb.cn/h.5abcDE or item.taobao.com/item.htm?id=1: its
# dots and slashes would otherwise become clause breaks around letters that score as words)
_URL_RE = re.compile(r"https?://\S+|www\.\S+|(?<![a-z0-9.@-])(?:[a-z0-9-]+\.)+(?:com|cn|net|org)(?![a-z0-9])(?:[/?#][!-~]*)?", re.IGNORECASE)


# Heights and weights in Chinese numerals (一米六五, 一百二十斤) as the digits the library's
# examples mostly use (165, 120斤), so that they fall into the same number classes.
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMERALS = frozenset("零〇一二两三四五六七八九十百")
_METRE_DIGITS = {**{str(d): d for d in range(10)}, **_CN_DIGITS}
_NOT_A_HEIGHT = ("的床", "床", "宽", "长", "深")  # 一米八的床, 一米五宽
# Both are found by their unit, which is rare, and read backwards: a pattern that starts with the
# numerals would try every 一 of a whole library (一下, 一样), and a character class is searched
# for several times slower than a plain string.
_WEIGHT_UNITS = ("斤", "kg")  # 公斤 ends in 斤
# ... and capacities and lengths (两升, 五百毫升, 二十五公分, 十厘米, 六寸) as the digits the library's
# examples use (2升, 25公分): 一个人住买两升的够吗 is 一个人住买2升的够吗 (fit23)
_MEASURE_UNITS = ("升", "公分", "厘米", "寸")  # 毫升 ends in 升


def _cn_number(text: str) -> int | None:
    """The value of a Chinese numeral up to 999 (九十, 一百六 = 160, 一百零五, 两百), None when it
    is not one."""
    value = 0
    if "百" in text:
        head, _, text = text.partition("百")
        if len(head) > 1 or (head and head not in _CN_DIGITS):
            return None
        value = 100 * (_CN_DIGITS[head] if head else 1)
        if text.startswith(("零", "〇")):
            text = text[1:]
            if len(text) != 1 or text not in _CN_DIGITS:
                return None
            return value + _CN_DIGITS[text]
        if len(text) == 1 and text in _CN_DIGITS:  # 一百六: the tens, said short
            return value + 10 * _CN_DIGITS[text]
    if "十" in text:
        head, _, tail = text.partition("十")
        if len(head) > 1 or (head and head not in _CN_DIGITS) or len(tail) > 1 or (tail and tail not in _CN_DIGITS):
            return None
        return value + 10 * (_CN_DIGITS[head] if head else 1) + (_CN_DIGITS[tail] if tail else 0)
    if not text:
        return value or None
    if len(text) == 1 and text in _CN_DIGITS and not value:
        return _CN_DIGITS[text]
    return None


def _unit_positions(text: str, unit: str):
    i = text.find(unit)
    while i != -1:
        yield i
        i = text.find(unit, i + 1)


def _weights(text: str, units: tuple[str, ...] = _WEIGHT_UNITS) -> str:
    """一百二十斤 -> 120斤, 八十公斤 -> 80公斤, 五十kg -> 50kg (and 两升 -> 2升 with _MEASURE_UNITS)."""
    found = []  # (start, end, value) of each numeral before a unit
    for unit in units:
        for end in _unit_positions(text, unit):
            if (unit == "斤" and text[end - 1 : end] == "公") or (unit == "升" and text[end - 1 : end] == "毫"):
                end -= 1
            start = end
            while start > 0 and end - start < 6 and text[start - 1] in _CN_NUMERALS:
                start -= 1
            value = _cn_number(text[start:end]) if start < end else None
            if value is not None:
                found.append((start, end, value))
    return _replace(text, found)


def _heights(text: str) -> str:
    """一米六五 -> 165, 1米7 -> 170 (centimetres), not 一米八的床 or 21米5."""
    found = []
    for i in _unit_positions(text, "米"):
        if i == 0 or text[i - 1] not in "一1" or (i > 1 and text[i - 2].isdigit()):
            continue
        digits: list[int] = []
        j = i + 1
        while j < len(text) and len(digits) < 2 and text[j] in _METRE_DIGITS and (digits or text[j] not in "0零〇"):
            digits.append(_METRE_DIGITS[text[j]])
            j += 1
        if digits and not text.startswith(_NOT_A_HEIGHT, j):
            found.append((i - 1, j, 100 + 10 * digits[0] + (digits[1] if len(digits) > 1 else 0)))
    return _replace(text, found)


def _replace(text: str, found: list[tuple[int, int, int]]) -> str:
    """text with each (start, end) span replaced by its number."""
    if not found:
        return text
    out: list[str] = []
    done = 0
    for start, end, value in sorted(found):
        if start < done:
            continue
        # 一米五八九十斤 -> 158 90斤, never 15890斤
        glue = " " if start and (text[start - 1].isdigit() or (start == done and out[-1][-1:].isdigit())) else ""
        out += (text[done:start], glue + str(value))
        done = end
    return "".join(out) + text[done:]


# A device's model name typed with spaces (15 pro max, iphone 15 pro, mate 60 pro, xr 2)
# is one name, as iphone15promax is: the spaces would otherwise break it into clauses of
# their own (15 | pro | max能用这个壳吗), none of which asks anything. Joined: a model
# number (digits, with a brand's letters before or a letter or two after) and the edition
# words after it, and a brand buyers type before a model number and that number. A dot
# between a letter and a digit (m.2, 接口是type-c吗 aside) is part of the name too.
_EDITION = r"(?:pro|max|plus|mini|ultra|lite|se|fe|neo|air|promax)(?![a-z])"
_MODEL_EDITION_RE = re.compile(r"(?<![a-z0-9.])([a-z]{0,8}\d{1,4}[a-z]{0,12}) +(?=" + _EDITION + ")")
_BRAND_NUMBER_RE = re.compile(
    r"(?<![a-z])(iphone|ipad|mate|nova|pura|redmi|note|galaxy|pixel|honor|oppo|vivo|reno|find|iqoo|realme|oneplus|"
    r"macbook|thinkpad|airpods|switch|rtx|gtx|xbox|ps) +(?=\d{1,4}(?![\d.]))"
)
_LETTER_DOT_DIGIT_RE = re.compile(r"(?<![a-z])([a-z])\.(?=\d(?!\d*\.\d))")


def model_names(text: str) -> str:
    """15 pro max -> 15promax, iphone 15 pro -> iphone15pro, m.2 -> m2 (lower-case text)."""
    if " " in text:
        text = _BRAND_NUMBER_RE.sub(r"\1", text)
        for _ in range(3):  # 15 pro max: one edition word a pass
            out = _MODEL_EDITION_RE.sub(r"\1", text)
            if out == text:
                break
            text = out
    if "." in text:
        text = _LETTER_DOT_DIGIT_RE.sub(r"\1", text)
    return text


def numbers_as_digits(text: str) -> str:
    """一米六五 一百斤 -> 165 100斤 (simplified, lower-case text)."""
    text = _weights(_heights(text))
    if "升" in text or "公分" in text or "厘米" in text or "寸" in text:
        text = _weights(text, _MEASURE_UNITS)
    return text


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


# Characters that are certainly kept (CJK, ASCII letters and digits, white space, common
# punctuation); only the others are looked up in the Unicode database.
_UNUSUAL_RE = re.compile(r"[^\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9\s\u3000-\u303f\uff01-\uff5e,.!?;:'\"()\[\]{}<>~@#$%^&*+=/\\|_`-]")
# So: emoji and other pictographs; Sk: modifiers (skin tones); Cs: lone surrogates; Cf: zero-width
# joiners and marks; Cc: control characters; Co/Cn: private use and unassigned.
_DROP_CATEGORIES = frozenset(("So", "Sk", "Cs", "Cf", "Cc", "Co", "Cn"))


def _drop_symbol(match: re.Match) -> str:
    ch = match.group(0)
    if ch == "\U0001f44c" and _beside_words(match):  # 👌 says its word beside others (ok 👌: an acknowledgement twice,
        return " ok "  # a thank-you card's); alone it stays a sticker like 👍 (a bare ok is none)
    cat = unicodedata.category(ch)
    if cat in _DROP_CATEGORIES or (cat == "Mn" and not ch.isalnum()):  # Mn: variation selectors
        return " "
    return ch


def _beside_words(match: re.Match) -> bool:
    """Whether the line a symbol stands on holds anything but it and spaces (normalize_many joins texts by line breaks)."""
    text, at = match.string, match.start()
    line = text[text.rfind("\n", 0, at) + 1:(text.find("\n", at) + 1 or len(text) + 1) - 1]
    return bool(line.replace(match.group(0), "").strip())


def _strip_symbols(text: str) -> str:
    return _UNUSUAL_RE.sub(_drop_symbol, text)


def to_simplified(text: str) -> str:
    """OpenCC's t2s, to its fixed point: a few characters convert in two steps (薴 -> 苧 -> 苎),
    and a normalised text must normalise to itself."""
    convert = _converter().convert
    out = convert(text)
    for _ in range(3):
        if out == text:
            break
        text, out = out, convert(out)
    return out


def normalize(text: str) -> str:
    """The canonical form used for matching: simplified, half-width, lower-case, clause breaks
    as single spaces. Never raises on any str."""
    if not text:
        return ""
    text = text[:MAX_CHARS]
    text = _URL_RE.sub(" ", unicodedata.normalize("NFKC", text))
    return _BREAK_RE.sub(" ", _fold(text.replace("\n", " "))).strip()  # (one line, as normalize_many folds it)


# 坏了 after a feeling or a state of the body is a degree complement, not a fault (乐坏了, 高兴坏了,
# 把我急坏了, 孩子饿坏了 = very happy, worried, hungry): read as 得不行. Not after what names a thing
# (充气坏了, 打气坏了, 天然气), nor 冻/热/晒/摔坏了, which do break goods (橙子冻坏了).
_DEGREE_RE = re.compile("(?<![充打漏排燃暖空煤天生])(乐|高兴|开心|激动|气|急|着急|吓|累|饿|渴|困|馋|忙|愁|笑|心疼|担心|羡慕|感动|美)坏(?=了|啦|咯)")


# 到 / 到货 asked after the goods are told to be out of stock (没货了 啥时候到, 断货好久了 多久能到货) is the
# restock, not the parcel's way to the buyer: read as 补货, the word the restock examples use.
_RESTOCK_RE = re.compile("(缺货|断货|没货|无货|卖完|售罄|卖光|断码)([^\n]{0,14}?(?:啥时候|什么时候|多久|几天|哪天|要等多久)(?:能|才|会|可以)?)到货?")


def _fold(text: str) -> str:
    """The steps between NFKC and clause breaks, shared by normalize and normalize_many:
    stickers and symbols out, traditional to simplified (again after a dialect word is read), lower case, numerals, typos corrected,
    degree complements read as degrees."""
    text = _strip_symbols(_STICKER_RE.sub(" ", text))
    simplified = to_simplified(text).lower()
    read = as_mandarin(simplified)
    if read != simplified:  # a dialect word may read as a phrase t2s converts again (唔覆覆 -> 不回覆 -> 不回复)
        read = to_simplified(read)
    text = model_names(numbers_as_digits(read))
    text = _DEGREE_RE.sub(r"\1得不行", _TYPO_RE.sub(lambda m: TYPOS[m.group(0)], text))
    return _RESTOCK_RE.sub(r"\1\2补货", text) if "货" in text or "卖" in text or "码" in text else text


def normalize_many(texts: Sequence[str]) -> list[str]:
    """``[normalize(t) for t in texts]`` (a property test holds it to that), about three times
    faster for a whole library: each step runs once over all the texts joined by line breaks,
    which none of the steps joins or splits across, and NFKC only touches what it can change."""
    if not texts:
        return []
    joined = "\n".join(t[:MAX_CHARS].replace("\n", " ") for t in texts)
    joined = _NFKC_RUN_RE.sub(_nfkc_run, joined)
    if "." in joined:
        joined = _URL_RE.sub(" ", joined)
    joined = _BREAK_LINES_RE.sub(" ", _fold(joined))
    lines = joined.split("\n")
    if len(lines) != len(texts):  # a step made or ate a line break after all: the slow way
        return [normalize(t) for t in texts]
    return [line.strip(" ") for line in lines]


def _nfkc_run(match: re.Match) -> str:
    return unicodedata.normalize("NFKC", match.group(0))


# Where a message typed or dictated without punctuation (voice input sends none) ends one
# question and starts the next: after a question particle (包邮吗|今天能发吗, 有货么|…, 几天到呢|…,
# 能退吧|…, 便宜点呗|…, 发货啊|…) and before a word that only joins what is said next (然后, 还有就是, 另外, 顺便,
# 对了, 再问一下). Not the 么 of 什么, 怎么, 这么, 那么, 多么, 要么, the 吗/嘛 of 干吗/干嘛, 呢子, 酒吧 …;
# not 还有 alone (还有货吗 asks for stock), nor before 还是 (是坏了吗还是正常的 offers two answers
# to one question), nor before what only closes the question (包邮吗老板, 有货吗亲亲, 真的吗呵呵);
# not the 么 that stands for 没 (还么发货, 都么有).
_ADDRESS = "(?:老板|老板娘|亲亲|亲爱的|亲|客服|掌柜的|掌柜|店家|美女|帅哥|小姐姐|小哥哥|宝宝|姐姐|哥哥|[呀啊哈呵嘿嘻哦啦了的嗯]){0,8}$"  # (bounded: a run of them after every particle would be read to the end each time)
_PARTICLE_CUT_RE = re.compile(
    "(?:(?<![干])吗(?!啡)|(?<![什怎这那多要干么还也都])么(?!么)|(?<![干])嘛|呢(?![子绒料])|(?<![酒网贴氧书水])吧(?!台)|(?<!花)呗|啊|呀)"
    "(?![吗么嘛呢吧啊呀哈呵嘿嘻哦啦亲]|还是|" + _ADDRESS + ")"
)
_JOINER_CUT_RE = re.compile(
    # (the joining word must join something: 嗯就是那个然后 ends on it); before the thanks that closes
    # a message (好的付好了谢谢: the news that the order is paid, then the thanks)
    "(?=(?:然后|还有就是|另外|顺便|对了|再问一下|再问下|还想问)..)|(?<=..)(?=(?:谢谢|多谢|谢啦|谢了)[啊呀哈啦了亲你您老板]*$)"
    # a statement closed by 了 or 的 and a question opened after it (快递三天没动了下次能不能换顺丰,
    # 这个是几升的怎么清洗)
    "|(?<=..[了的])(?=(?:下次|你们|请问|那|就)?(?:能不能|可不可以|可以|有没有|怎么|什么时候|多久|几天|要多久)..)"
    "|(?<=..[了的])(?=(?:你们|你|您|恁)看(?:看)?(?:咋|怎么|如何)(?:弄|办|整|处理|解决))"  # (合页是歪的你们看咋弄: the fault, then the remedy asked)
    # the buyer's hesitation and what is asked after it (我再考虑考虑你们双十二有活动吗), and a second
    # order taken up after the first (那单帮我取消就是另一单收到了想退)
    "|(?:(?<=考虑考虑|商量商量|比较比较)|(?<=考虑一下|商量一下)|(?<=再想想|再看看))(?=..)"
    "|(?<=..)(?=(?:就是|还有就是)?(?:另一单|另外一单|另外那单|还有一单|第二单|另一个订单|上一单|上次那单))"
    # 还有 opening a question of its own after a request or a question (帮我改一下还有什么时候发货,
    # 穿多大的还有这个黄色实物会不会很艳, 还有能货到付款吗, 到底啥时候到还有我要开发票); not the 还有 that asks for stock (白色
    # 还有货吗, M码还有吗, 还有没有, 还有几件, 还有这个颜色吗: no question of its own follows)
    "|(?<=..)(?=还有(?:什么时候|啥时候|多久|今天|明天|能不能|可不可以|能|可以|我想|我要(?!的)|想问|问下|问一下|请问|你们|是不是|会不会|怎么|包不包|要不要)..)"
    "|(?<=..)(?=还有(?:这个|那个|这款|那款|这件|那件)[^吗么呢没]{1,8}(?:会不会|能不能|是不是|可不可以|怎么|多久|几天|多少|有没有|吗|么|呢|不|没))"
    # the thanks that opens a message before what is asked next (好的谢谢那个保修卡要留着吗)
    "|(?<=谢谢|多谢|谢啦|谢了)(?=(?:亲|啊|哈|啦)?(?:那个|那|请问|我想问|想问|再问|问下|问一下|还有|另外)..)"
    # a condition opening a second question after a request or a statement (我要取消如果发了就等到了
    # 退回去可以吗, 拿去金店检测如果不是足金能退吗); not after what only leads into the question
    # (想确认一下如果本周三付款…, 请问如果…)
    # a condition closed by 的话 before a question of its own (包邮的话发什么快递, 今天发货的话明天能到吗)
    "|(?<=..的话)(?=(?:那|就)?(?:能|可以|几天|多久|什么|啥|明天|今天|发|有没有|怎么)..)"
    "|(?<=....)(?<!一下)(?<!问下)(?<!问问)(?<!请问)(?<!想问)(?<!确认下)(?<!知道)(?<!就是)(?=(?:如果|万一)..)"
)
# ... and after a question put as A-not-A that needs no object (一升的够不够|能开发票吗, 包不包邮|几天到,
# a two-character word's 暖和不暖和|还有包不包邮, not 知道不知道;
# not 有没有货, 是不是正品, 能不能改, 要不要拍大: what follows is theirs; nor 好不好|看, the A-not-A of 好看)
_A_NOT_A_CUT_RE = re.compile(
    "(?:包不包邮|合不合适|耐不耐用|好不好用|结不结实|划不划算|舒不舒服|方不方便|正不正宗|(?!知道|晓得|认识|记得)([\u4e00-\u9fff]{2})不\\1|([够好行对贵大小多快慢重甜香亮吵烫稳准])不\\2"
    "(?![看用吃穿听闻玩喝实适算服便宗气方]))(?=..)"
)
# ... and before the presumption that closes a change or cancel request (改成四升的|还没发货吧)
_PRESUMED_TAIL_RE = re.compile("(?:应该|应该是|估计)?还?(?:没|没有|未)(?:发|寄)(?:货|出|出去|走)?的?(?:吧|吧亲|对吧|是吧)$")


def run_on_pieces(part: str) -> list[str]:
    """A clause without breaks cut where a typed message would have a comma: after a question
    particle and before a joining word (那个包邮吗然后今天能发不 -> 那个包邮吗, 然后今天能发不).
    The pieces joined give the clause back."""
    cuts = {m.end() for m in _PARTICLE_CUT_RE.finditer(part)}
    cuts.update(m.start() for m in _JOINER_CUT_RE.finditer(part))
    cuts.update(m.end() for m in _A_NOT_A_CUT_RE.finditer(part))
    presumed = _PRESUMED_TAIL_RE.search(part)
    if presumed is not None and presumed.start() >= 2:
        cuts.add(presumed.start())
    cuts.discard(0)
    cuts.discard(len(part))
    if not cuts:
        return [part]
    bounds = [0, *sorted(cuts), len(part)]
    pieces: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        if pieces and _JOINING_WORD_RE.fullmatch(pieces[-1]):
            pieces[-1] += part[a:b]  # (另外|还有一单…: the joining word opens what follows)
        else:
            pieces.append(part[a:b])
    if len(pieces) > 1 and _JOINING_WORD_RE.fullmatch(pieces[-1]):  # 包邮吗然后: it joins nothing
        tail = pieces.pop()
        pieces[-1] += tail
    return pieces


_JOINING_WORD_RE = re.compile("然后|还有就是|另外|顺便|对了|就是|还有|嗯|那个")


def clauses(normalized: str, *, max_clauses: int = 8) -> list[str]:
    """The separate questions of one message (能便宜点吗？包邮吗？ -> two; 能便宜点吗包邮吗 too, cut by
    run_on_pieces). Clauses too short to mean anything on their own are merged into the one before."""
    parts = [q for p in normalized.split(" ") if p for q in run_on_pieces(p)]
    merged: list[str] = []
    named = ""  # a device's model name standing alone (mate60pro+ 能用吗): it opens the next clause
    for part in parts:
        if named:
            part, named = named + part, ""
        elif _MODEL_NAME_RE.fullmatch(part):  # (once: 三星980pro 1tb nvme is a title, not a question)
            named = part
            continue
        if merged and (len(part) < 2 or len(merged[-1]) < 2) and merged[-1] not in _LONE_GREETINGS:
            merged[-1] = merged[-1] + part
        else:
            merged.append(part)
    if named:
        merged.append(named)
    return merged[:max_clauses]


# A greeting of one character, a clause of its own (嗨 你们家橙子甜吗: greeting and quality)
_LONE_GREETINGS = frozenset({"嗨"})


# A clause that only names the buyer's device: a model name (Latin letters and a number of at
# most four digits: mate60pro+, iphone15, y7000p, 3xl; not letters alone, xl, and not a code,
# yt1234567890), after at most six characters saying whose or which (我是, 我的手机是, 小米, 华为)
_MODEL_NAME_RE = re.compile(r"[\u4e00-\u9fff]{0,6}(?![a-z0-9]*\d{5})(?:[a-z]{0,8}\d{1,4}[a-z]|[a-z]{1,8}\d)[a-z0-9]{0,8}\+?")
