"""What buyers type in a hurry, read as what they meant, before matching.

- Latin-letter greetings, goodbyes and thank-yous (hi, hello, bye, thx, 88 as a whole message)
  as the Chinese words the library's examples use (你好, 拜拜, 谢谢), and shopping words typed in
  English (free shipping, credit card, quality) as the library's (包邮, 信用卡, 质量);
- a bare height and weight (高170重140) as the phrase the size examples use (身高170体重140斤);
- pinyin never turned into characters (baoyou ma, fahuo le mei) as the library's own words
  whose reading it is, and input-method homophone slips (诱惑 for 有货): a word the library never
  uses, read the same as one it does, is taken for that word. Both need the readings of the
  library's words, worked out when the index is built and kept with it (``Respeller``).
"""
from __future__ import annotations

import functools
import itertools
import json
import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from pathlib import Path

_GREETINGS = {"hi": "你好", "hello": "你好", "hey": "你好", "hallo": "你好", "helo": "你好", "hellow": "你好", "nihao": "你好", "bye": "拜拜", "byebye": "拜拜", "bb": "拜拜", "baibai": "拜拜",
              # thank-yous typed in Latin letters
              "thx": "谢谢", "thanks": "谢谢", "thank you": "谢谢", "thankyou": "谢谢", "tks": "谢谢", "tnx": "谢谢", "3q": "谢谢",  # 3q: san-q, thank you
              # asking whether anyone is at the desk, in English
              "anyone there": "有人吗", "anybody there": "有人吗", "anyone here": "有人吗", "anybody here": "有人吗",
              "are you there": "在吗", "u there": "在吗", "you there": "在吗",
              # the agent asked about in English (a question about the agent: telling.about_agent), and a human asked for
              "are you a robot": "你是机器人吗", "are you a bot": "你是机器人吗", "r u a bot": "你是机器人吗", "r u a robot": "你是机器人吗",
              "is this a bot": "你是机器人吗", "is this a robot": "你是机器人吗", "are you ai": "你是ai吗", "are you an ai": "你是ai吗", "is this ai": "你是ai吗",
              "are you human": "你是真人吗", "are you a human": "你是真人吗", "are you real": "你是真人吗", "are you a real person": "你是真人吗",
              "real person please": "转人工", "human please": "转人工", "talk to a human": "转人工", "speak to a human": "转人工",
              "transfer to human": "转人工", "want a human": "要人工", "want a real person": "要真人", "human agent": "人工客服", "real person": "真人"}
# Shopping words typed in English inside a Chinese message (能发free shipping吗, quality好吗,
# can I use credit card): the library's word for each. Whole words only, and none that names a
# product (pro, air, max stay as typed).
_SHOPPING = {"free shipping": "包邮", "freeshipping": "包邮", "free delivery": "包邮", "shipping fee": "运费", "shipping cost": "运费",
             "credit card": "信用卡", "creditcard": "信用卡", "cash on delivery": "货到付款", "installment": "分期", "installments": "分期",
             "refund": "退款", "return": "退货", "exchange": "换货", "invoice": "发票", "receipt": "发票", "discount": "折扣",
             "coupon": "优惠券", "coupons": "优惠券", "voucher": "优惠券", "quality": "质量", "size": "尺码", "size chart": "尺码表",
             "in stock": "有货", "out of stock": "缺货", "sold out": "卖完了", "restock": "补货", "tracking number": "快递单号",
             "tracking": "物流", "warranty": "保修", "cheaper": "便宜点", "discount price": "优惠价", "genuine": "正品",
             "authentic": "正品", "original": "正品", "original price": "原价", "fake": "假货", "color difference": "色差", "cancel": "取消",
             # the courier and a parcel sent, in English (SF express ok?, is it shipped yet); not ship
             # (the ship sank), how long or how many days (a film, a holiday as often as a parcel)
             "sf express": "顺丰", "shipped": "发货了"}
_GREETINGS_AND_WORDS = {**_SHOPPING, **_GREETINGS}
_GREETING_RE = re.compile(r"(?<![a-z])(" + "|".join(sorted(_GREETINGS_AND_WORDS, key=len, reverse=True)) + r")(?![a-z])")
_GOODBYE_NUMBERS = re.compile(r"(?:88|886|8888)(?:[啦了哈呀哦亲]{0,2})")
_HEIGHT_RE = re.compile(r"(?<![身\d])高(1\d\d|2[0-2]\d)(?:cm)?")
_WEIGHT_RE = re.compile(r"(?<![体\d])重(\d{2,3})(?![\d斤公kg克g])")

# Single syllables typed for the particles and short words around a question (ma -> 吗). The
# library's own words are read from its examples; these are too short to tell apart that way.
_PARTICLES = {
    "ma": "吗", "le": "了", "mei": "没", "ne": "呢", "ba": "吧", "a": "啊", "you": "有", "bu": "不", "shi": "是",
    "zai": "在", "ni": "你", "wo": "我", "hao": "好", "de": "的", "me": "么", "ke": "可", "yi": "以", "neng": "能",
    "na": "哪", "ji": "几", "tian": "天", "duo": "多", "shao": "少", "qian": "钱", "fa": "发", "dao": "到", "huo": "货",
    "yao": "要", "mai": "买", "jian": "件", "hai": "还", "kai": "开", "gai": "改", "tui": "退", "huan": "换",
    # the polite address and the softening particles buyers add (baoyou ma qin, you huo ya)
    "qin": "亲", "ya": "呀", "la": "啦", "ou": "哦",
}


# Shopping words typed as the initials of their pinyin (by吗 = 包邮吗, yhq在哪领, yfk 尽快发):
# read only as a Latin run of its own inside a Chinese message (by the way, a brand's letters or
# hp, cp and sh, which name a printer, a couple and 上海 as often, stay as typed).
_INITIALS = {"by": "包邮", "yhq": "优惠券", "yfk": "已付款", "fh": "发货", "tk": "退款", "thh": "退换货", "kd": "快递",
             "wl": "物流", "zp": "正品", "sfby": "是否包邮", "qrsh": "确认收货", "dfh": "待发货",
             # ... and the payment and paperwork words young buyers type so (hb能用吗, fp能开吗, zfb付)
             "hb": "花呗", "fp": "发票", "zfb": "支付宝", "kf": "客服"}
_INITIALS_RE = re.compile(r"(?<![a-z0-9])(?<![a-z0-9] )(" + "|".join(sorted(_INITIALS, key=len, reverse=True)) + r")(?![a-z0-9])(?! [a-z0-9])")
_CJK_RE = re.compile("[\u4e00-\u9fff]")


def quick_words(normalized: str) -> str:
    """Latin greetings, goodbyes, pinyin initials and bare heights and weights, on normalised text."""
    stripped = normalized.strip()
    if _GOODBYE_NUMBERS.fullmatch(stripped):
        return "拜拜"
    text = _GREETING_RE.sub(lambda m: " " + _GREETINGS_AND_WORDS[m.group(1)] + " ", normalized) if re.search("[a-z]", normalized) else normalized
    if text is not normalized or re.search("[a-z]", text):
        if _CJK_RE.search(text):
            text = _INITIALS_RE.sub(lambda m: _INITIALS[m.group(1)], text)
    if "高" in text or "重" in text:
        text = _WEIGHT_RE.sub(r"体重\1斤", _HEIGHT_RE.sub(r"身高\1", text))
    return " ".join(text.split()) if text is not normalized else text


def _char_readings() -> dict[str, tuple[str, ...]]:
    """pypinyin's table of the readings of each character, tones dropped. Read from its data
    file rather than imported: importing pypinyin loads its phrase dictionary too (1.2 s). Not
    kept: only an index build needs it, and the Respeller keeps the part it uses."""
    import importlib.util

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:
        return {}
    try:
        raw = json.loads((Path(spec.origin).parent / "pinyin_dict.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    # 41,000 characters share about 1,500 toned readings (and fewer reading lists): each is
    # worked out once (an index build at 10,000 scripts spent 0.2 s here)
    out = {}
    lists: dict[str, tuple[str, ...]] = {}
    for code, readings in raw.items():
        toneless = lists.get(readings)
        if toneless is None:
            plain = list(dict.fromkeys(map(_toneless, readings.split(","))))
            # ü typed as u too (kaolu for 考虑), after the readings themselves
            toneless = lists[readings] = tuple(dict.fromkeys(plain + [r.replace("v", "u") for r in plain if "v" in r]))
        out[chr(int(code))] = toneless
    return out


@functools.cache
def _toneless(reading: str) -> str:
    """A reading without its tone, ü as the v input methods type for it (lǜ -> lv): in NFD the
    diaeresis is a combining mark too, and dropping every mark had read 考虑 as kaolu."""
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def readings(word: str, table: dict[str, tuple[str, ...]], limit: int = 8) -> list[tuple[str, ...]]:
    """The syllable sequences a word can be read as (at most ``limit``)."""
    per_char = []
    for ch in word:
        r = table.get(ch)
        if not r:
            return []
        per_char.append(r[:3])
    return list(itertools.islice(itertools.product(*per_char), limit))


# The slips of pinyin typed by ear, which input methods forgive as 模糊音 (fuzzy pinyin) for
# buyers of the south: a front nasal for a back one and back (nen for neng, xin for xing, pan for
# pang), and a flat initial for a curled one and back (sen for shen, si for shi, zi for zhi, can for chan).
def _slips(syllable: str) -> list[str]:
    out = []
    if syllable.endswith("ng"):
        out.append(syllable[:-1])
    elif syllable.endswith("n"):
        out.append(syllable + "g")
    for flat, curled in (("zh", "z"), ("ch", "c"), ("sh", "s")):
        if syllable.startswith(flat):
            out.append(curled + syllable[2:])
            break
        if syllable.startswith(curled):
            out.append(flat + syllable[1:])
            break
    return out


_CJK_FIRST, _CJK_LAST = 0x4E00, 0x9FFF


@dataclass
class Respeller:
    words: dict[str, str]  # joined syllables -> the library word read so (its most used)
    syllables: frozenset[str]
    # The readings of the characters that can spell a library word, as an index into
    # ``reading_lists`` per code point of the CJK block input methods type (U+4E00-U+9FFF;
    # 0 = none): nearly all of pypinyin's 41,000 characters qualify, and as a dict of
    # one-character strings they took 5 MB of every sidebar's memory (2 MB of it the rare
    # characters of the extension blocks, which no input-method slip produces); this way 42 KB.
    codes: array
    reading_lists: tuple[tuple[str, ...], ...]
    known: frozenset[str]  # the library's words
    # syllable -> the one-character library word read so (its most used): for a syllable no word
    # of two or more characters takes in (mian yunfei, pai le); after the particles
    chars: dict[str, str] = field(default_factory=dict)

    def char_readings(self, char: str) -> tuple[str, ...] | None:
        i = ord(char) - _CJK_FIRST
        return self.reading_lists[self.codes[i]] or None if 0 <= i < len(self.codes) else None

    @classmethod
    def build(cls, frequency: dict[str, int]) -> "Respeller | None":
        """From the library's words and how many examples use each."""
        table = _char_readings()
        if not table:
            return None
        words: dict[str, str] = {}
        best: dict[str, int] = {}
        used: set[str] = set(_PARTICLES)
        chars: dict[str, str] = {}
        best_char: dict[str, tuple[bool, int]] = {}
        for word, n in frequency.items():
            if len(word) == 1 and "\u4e00" <= word <= "\u9fff":
                for k, reading in enumerate((table.get(word) or ())[:3]):
                    # a character's first reading before another's rare one (tai is 太, not a
                    # reading of 能, however much more the library uses 能)
                    rank = (k == 0, n)
                    if len(reading) >= 2 and reading not in _PARTICLES and rank > best_char.get(reading, (False, 0)):
                        best_char[reading], chars[reading] = rank, word
                continue
            if not 2 <= len(word) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in word):
                continue
            for syl in readings(word, table):
                key = "".join(syl)
                if n > best.get(key, 0):
                    best[key], words[key] = n, word
                used.update(syl)
        used.update(chars)
        codes = array("H", bytes(2 * (_CJK_LAST - _CJK_FIRST + 1)))
        lists: dict[tuple[str, ...], int] = {(): 0}
        for c, r in table.items():
            i = ord(c) - _CJK_FIRST
            if 0 <= i < len(codes) and any(x in used for x in r):
                codes[i] = lists.setdefault(r, len(lists))
        return cls(words, frozenset(used), codes, tuple(lists), frozenset(frequency), chars)

    def pinyin(self, normalized: str) -> str:
        """Runs of pinyin replaced by the library's words they spell: baoyou ma -> 包邮 吗."""
        if not re.search("[a-z]{2}", normalized):
            return normalized
        return re.sub(r"[a-z]+(?: [a-z]+)*", self._spell_run, normalized)

    def _spell_run(self, m: re.Match) -> str:
        run = m.group(0)
        sylls: list[str] = []
        slipped = False
        for word in run.split(" "):
            parts = self._syllables(word)
            if parts is None:
                parts = self._syllables(word, fuzzy=True)  # nen bu neng: a nasal slip (_slips)
                slipped = True
            if parts is None:
                return run  # not pinyin (ok, xl, a brand name): left as typed
            sylls.extend(parts)
        # A slip is read only inside a phrase of three syllables or more (nen bu neng, sen me shi
        # hou), not alone (nen, sen: a name as often), and only where the run as typed spells nothing.
        spelled = None if slipped else self._spell(sylls)
        if spelled is None and len(sylls) >= 3:
            spelled = self._spell(sylls, fuzzy=True)
        return run if spelled is None else spelled

    def _spell(self, sylls: list[str], fuzzy: bool = False) -> str | None:
        """The library's words ``sylls`` spell, longest first, or None; with ``fuzzy`` a word
        may be spelled with slips (_fuzzy_word)."""
        out: list[str] = []
        i = 0
        by_char = 0  # pieces read as one-character words (mian in mianyunfei, pai in pai le)
        while i < len(sylls):
            for j in range(min(len(sylls), i + 4), i, -1):
                key = "".join(sylls[i:j])
                hit = self.words.get(key) if j - i > 1 else self.words.get(key) or _PARTICLES.get(key)
                if not hit and fuzzy and j - i > 1:
                    hit = self._fuzzy_word(sylls[i:j])
                if not hit and j - i == 1:
                    hit = self.chars.get(key)
                    by_char += hit is not None
                if hit:
                    out.append(hit)
                    i = j
                    break
            else:
                return None
        # A run that is one-character words alone is no pinyin a buyer typed for a question: AI,
        # fendi, anta (a name, a brand) stay as typed; beside a library word or a particle
        # (mian yunfei, pai le) they are read.
        if by_char == len(out):
            return None
        return "".join(out)

    def _syllables(self, word: str, fuzzy: bool = False) -> list[str] | None:
        """``word`` cut into pinyin syllables (the longest first), None when it cannot be. With
        ``fuzzy``, a piece no library word reads is taken for the syllable its nasal slip stands for
        (nen for neng: _slips)."""
        n = len(word)
        best: list[list[str] | None] = [None] * (n + 1)
        best[0] = []
        for i in range(n):
            if best[i] is None:
                continue
            for j in range(min(n, i + 6), i, -1):
                piece = word[i:j]
                if piece not in self.syllables and fuzzy:
                    piece = next((s for s in _slips(piece) if s in self.syllables), piece)
                if piece in self.syllables and (best[j] is None or len(best[j]) > len(best[i]) + 1):  # type: ignore[arg-type]
                    best[j] = best[i] + [piece]  # type: ignore[operator]
        return best[n]

    def _fuzzy_word(self, sylls: list[str]) -> str | None:
        """The library word read as ``sylls`` with one or more of them slipped (zen me for 怎么 is
        exact; sen me shi hou for 什么时候, xin hao for 型号 are slips): each syllable as typed
        first, then its slips, at most 16 spellings."""
        options = [[s, *_slips(s)] for s in sylls]
        for spelling in itertools.islice(itertools.product(*options), 1, 17):
            hit = self.words.get("".join(spelling))
            if hit:
                return hit
        return None

    def homophones(self, text: str, words: list[str]) -> str:
        """``text`` with each of its ``words`` (as cut) the library never uses replaced by the
        library word read the same (诱惑吗 -> 有货吗)."""
        for word in words:
            hit = self.homophone(word)
            if hit:
                text = text.replace(word, hit)
        return text

    def homophone(self, word: str) -> str | None:
        """The library word read as ``word`` when the library never uses ``word`` itself."""
        if word in self.known or not 2 <= len(word) <= 4:
            return None
        per_char = [self.char_readings(c) for c in word]
        readings = [r for r in per_char if r]
        if len(readings) != len(per_char):
            return None
        for syl in itertools.islice(itertools.product(*(r[:3] for r in readings)), 16):
            hit = self.words.get("".join(syl))
            # each syllable the first reading of the typed character or of the library's: not a
            # rare reading on both sides (股市 is no 鼓包 by 市 fu and 包 fu)
            if hit and hit != word and len(hit) == len(word) and all(s in (r[0], (self.char_readings(c) or (s,))[0]) for s, r, c in zip(syl, readings, hit)):
                return hit
        return None
