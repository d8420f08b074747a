"""Words typed other ways than the rules spell them, read back as the rule words in the rules'
matching copy (``rules.normalise``): pinyin, chat abbreviations and English (fapiao, 给个hp, 5r,
free shipping), homophone typos and colloquial forms (花贝, 包油, 木有, 掏钱). Each reading keeps a map
to the text as typed, so spans still point into it."""
from __future__ import annotations

import re

# rule words typed in pinyin or chat abbreviations (fapiao, baoyou, 给个hp, 返5r, zfb) read as the
# words; a whole ASCII word only, so "hp打印机" and "5rmb" keep their letters
PINYIN_WORDS = {
    "fapiao": "发票", "kaipiao": "开票", "baoyou": "包邮", "haoping": "好评", "chaping": "差评", "fanxian": "返现",
    "hongbao": "红包", "huabei": "花呗", "xinyongka": "信用卡", "fenqi": "分期", "tuihuo": "退货", "tuikuan": "退款",
    "tuihuan": "退换", "yunfei": "运费", "youfei": "邮费", "shouxufei": "手续费", "zhifubao": "支付宝", "zfb": "支付宝",
    "xyk": "信用卡", "zhuanzhang": "转账", "mima": "密码", "yanzhengma": "验证码", "shenfenzheng": "身份证",
    # cod reads 货到付 (three letters, three characters: the map into the text stays one to one and
    # increasing; every COD pattern names 货到付 beside 货到付款)
    "huodaofukuan": "货到付款", "daofu": "到付", "cod": "货到付",
    # English in a Chinese reply (a space inside reads as any spacing: free shipping, freeshipping)
    "invoice": "发票", "tax": "税", "free shipping": "包邮", "free ship": "包邮", "credit card": "信用卡", "no return": "不退",
    "no refund": "不退", "refund": "退款", "cash back": "返现", "cashback": "返现",
    # check6: the weak rules' words in English or abbreviated (order我cancel了, handling fee, yzm)
    "order": "订单", "cancel": "取消", "cancelled": "取消了", "handling fee": "手续费", "service fee": "服务费",
    "yzm": "验证码",
    # check25: the ID card's initials and an order closed in English (sfz发我, 单我close了)
    "sfz": "身份证", "close": "关闭", "closed": "关闭了", "idk": "不知道", "no idea": "不知道", "out of stock": "缺货",
    "sold out": "卖完了",
}
# check11r: the terse chat abbreviations of the money rules' words (fp 发票, yf 运费, hb 花呗, hdfk 货到付款,
# xj 现金; wx 微信 is the contact rule's own word); HB before a pencil (HB铅笔, hb笔芯) is its hardness and stays letters
PINYIN_WORDS.update({"fp": "发票", "yf": "运费", "hb": "花呗", "hdfk": "货到付款", "xj": "现金"})
_NOT_BEFORE = {"hb": r"(?!\s*(铅|笔|芯|素描))"}
# homophone typos of rule words, one character for one (好平 → 好评 (check8r), 花贝 → 花呗, 包油 → 包邮, 退欢 → 退换, 返限 → 返现)
# and colloquial forms (木有 → 没有, 自个 → 自己, 掏 as in 掏钱 → 付)
TYPOS = {"好平": "好评", "花贝": "花呗", "包油": "包邮", "退欢": "退换", "返限": "返现", "返线": "返现", "好坪": "好评", "发漂": "发票",
          "木有": "没有", "自个": "自己", "掏": "付"}
TYPO = re.compile(r"好(?<![很真挺太好不较更]好)平(?![整稳滑坦衡安常])|花贝|(?<!面)包油(?![条炸饼])|退欢|返限|返线|好坪|(?<!头)发漂(?![亮白])|木有|自个|掏(?=钱|[\d一二三四五六七八九十两俩仨几]|点|些)|(?<=[多再得您你己儿])掏")
# check11r: Cantonese negations read as the Mandarin ones, one character for one (唔使加钱 不用加钱, 唔好 不要, 冇 没)
TYPOS.update({"唔使": "不用", "唔驶": "不用", "唔好": "不要", "冇": "没"})
TYPO = re.compile(TYPO.pattern + "|唔使|唔驶|唔好(?!意思)|冇")
# check22rb: speech-recogniser homophones of the review rule's words (好评反现 好评返现, 洪包 红包; not 反现实 / 反现象),
# and the northern 俺 read as 我 (俺不晓得 我不晓得, 俺们 我们); one character for one
TYPOS.update({"反现": "返现", "洪包": "红包", "俺": "我"})
TYPO = re.compile(TYPO.pattern + r"|反现(?![实象代])|洪包|俺")
# check23rb: homophone slips of the wording rules' words, one character for one: the app after 加/搜/我
# (加我危信, 加个魏信 微信; not 为信任), 支付包 支付宝 (not 支付包装), 反 before a sum after a review (晒图反5块),
# 保正 保证, 决对 绝对, 百分之白, 肯订 肯定, 没版法 没办法, 我布能 我不能, 蜜码 密码,
# 验正码 验证码, 身分证 身份证
TYPOS.update({"危信": "微信", "魏信": "微信", "胃信": "微信", "维信": "微信", "为信": "微信", "支付包": "支付宝", "反": "返",
              "保正": "保证", "决对": "绝对", "百分之白": "百分之百", "肯订": "肯定", "没版法": "没办法", "布": "不", "蜜码": "密码",
              "验正码": "验证码", "身分证": "身份证"})
TYPO = re.compile(
    TYPO.pattern
    + r"|(?<=[加搜留个我的])(危|魏|胃|维|为)信(?![任用誉息心赖仰])|支付包(?![装邮裹])|(?<=[评图单星])反(?=\d|[一二三四五六七八九十两]|红包|钱)"
    + r"|保正|决对|百分之白|肯订|没版法|(?<=[我也就都])布(?=能|会|行|可以|知道)|蜜码|验正码|身分证"
)
# check23rb: 卷 after 返/送/领 is 券 (好评返卷); Cantonese forms of the wording rules' words, one character for one: 畀/俾
# give (畀個好評 给个好评), 蚊 after a sum (返你十蚊 十元), 甩色 掉色, 唔知 不知, 係 (folded 系) as 是 after a person
# (买家係北京嘅 买家是北京的; not 联系, 系统)
TYPOS.update({"卷": "券", "畀": "给", "俾": "给", "蚊": "元", "甩色": "掉色", "唔知": "不知", "系": "是"})
TYPO = re.compile(
    TYPO.pattern
    + r"|(?<=[返送领])卷|畀|(?<![使])俾(?![使])|(?<=[\d一二三四五六七八九十两百几])蚊|甩色|唔知|(?<=[家户人她他你我佢])系(?![统列数])"
)
# check13ra: Cantonese 唔 before a verb of the money rules is 不 (唔开发票 不开发票, 唔提供, 唔收, 唔包); not 唔该
# (thanks), and not before 退/换/得, which the no_return rule reads in Cantonese itself (唔退, 退货唔得)
TYPOS["唔"] = "不"
TYPO = re.compile(TYPO.pattern + "|唔(?=[开出提收加包支做接发给补寄派送到会是可能用准])")
# check13ra: dialect particles and forms: 咯/喽/嘞 after a verb of the money rules read 了 (单子给你取消嘞, 订单撤销喽),
# 滴 ending a word reads 的 (包邮滴), 么得 reads 没得 (发票么得), 花b reads 花呗, Cantonese 我哋 reads 我们 and 嘅 的;
# one character for one
TYPOS.update({"咯": "了", "喽": "了", "嘞": "了", "滴": "的", "么得": "没得", "花b": "花呗", "哋": "们", "嘅": "的"})
TYPO = re.compile(TYPO.pattern + r"|(?<=[消销闭关掉撤废删退换补加收开发付])[咯喽嘞]|(?<=[\u4e00-\u9fff])(?<![一点水滴油])滴(?=[，,。！!～~\s哦哈呀啦]|$)|(?<![怎什这那多])么得|花b(?![a-z])|(?<=[我你佢])哋|嘅")
# check23ra: terse buyers' and agents' homophone slips of the money rules' words, one character for one:
# 信用咔 信用卡, 退获 退货, 包由 包邮 (only ending a clause or before a particle: 这个包由顺丰发 is a parcel),
# and Cantonese 碌卡 (swiping a card) read 刷卡
TYPOS.update({"信用咔": "信用卡", "退获": "退货", "包由": "包邮", "碌卡": "刷卡"})
TYPO = re.compile(TYPO.pattern + r"|信用咔|退获|碌卡|包由(?=[的哦哈呀啊吗呢嘛滴,，。！!～~\s]|$)")
PINYIN = re.compile(
    r"(?<![a-z])(" + "|".join(w.replace(" ", r"\s*") + _NOT_BEFORE.get(w, "") for w in sorted(PINYIN_WORDS, key=len, reverse=True)) + r")(?![a-z])"
    r"|(?<=[个给星五5])hp(?![a-z])|(?<![a-z])hp(?=[返送有给])|(?<=\d)r(?![a-z])"
)


_BY_LETTERS = {word.replace(" ", ""): chinese for word, chinese in PINYIN_WORDS.items()}
# check22ra: by, young buyers' initials of 包邮 (集美 by的), read only right before a Chinese character:
# between English words (pay by card) it is the English word
# check25: also with one space before the Chinese word, or before a tilde, when no English word stands before it (by 新疆除外, by～),
# so pay by 花呗 keeps its English by
PINYIN = re.compile(PINYIN.pattern + r"|(?<![a-z])(?<![a-z]\s)by(?=\s?[\u4e00-\u9fff]|[～~])")
_BY_LETTERS["by"] = "包邮"


def read_pinyin(text: str, index: list[int]) -> tuple[str, list[int]]:
    chars: list[str] = []
    keep: list[int] = []
    pos = 0
    for m in PINYIN.finditer(text):
        word = m.group()
        chinese = _BY_LETTERS.get("".join(word.split())) or ("好评" if word == "hp" else "元")
        chars.append(text[pos : m.start()])
        keep.extend(index[pos : m.start()])
        chars.append(chinese)
        # the last character maps to the word's last letter, so a span covers the whole word
        keep.extend(index[m.start() + k] if k < len(chinese) - 1 else index[m.end() - 1] for k in range(len(chinese)))
        pos = m.end()
    chars.append(text[pos:])
    keep.extend(index[pos:])
    return "".join(chars), keep


# -- pinyin typed syllable by syllable ------------------------------------------------------------
# check8: writers spell a rule word out in pinyin with spaces (bao you, xin yong ka, hao ping fan
# xian), with tone marks (包yóu), or only part of it (开fa票, 货到fu款, 返xian). A word is read when
# its syllables follow each other (spaces between them allowed), each typed as the syllable or as
# its own character, at least one as a syllable. One syllable alone is read only beside a sum
# (6 kuai, jia 5): elsewhere it is too often an English word.
SPOKEN_WORDS = {
    "发票": "fa piao", "开票": "kai piao", "开发票": "kai fa piao", "包邮": "bao you", "运费": "yun fei", "邮费": "you fei",
    "好评": "hao ping", "差评": "cha ping", "中评": "zhong ping", "返现": "fan xian", "红包": "hong bao",
    "信用卡": "xin yong ka", "花呗": "hua bei", "分期": "fen qi", "手续费": "shou xu fei", "加钱": "jia qian",
    "货到付款": "huo dao fu kuan", "到付": "dao fu", "退货": "tui huo", "退款": "tui kuan", "退换": "tui huan",
    "不退": "bu tui", "不支持": "bu zhi chi", "无理由": "wu li you", "七天": "qi tian", "密码": "mi ma",
    "验证码": "yan zheng ma", "身份证": "shen fen zheng", "银行卡": "yin hang ka",
    "支付宝": "zhi fu bao", "转账": "zhuan zhang", "订单": "ding dan", "已经": "yi jing", "取消": "qu xiao",
    "取消了": "qu xiao le", "关闭": "guan bi", "关闭了": "guan bi le", "关了": "guan le", "帮你": "bang ni",
    "帮您": "bang nin", "保证": "bao zheng", "绝对": "jue dui", "肯定": "ken ding", "百分百": "bai fen bai",
    "爱买不买": "ai mai bu mai", "我不能": "wo bu neng", "我不会": "wo bu hui", "没办法": "mei ban fa",
    "神经病": "shen jing bing", "闭嘴": "bi zui", "再补": "zai bu", "私下": "si xia",
    # check8r (trainset c): 不退不换, 你的 / 您的 (guan le ni de dingdan)
    "不退不换": "bu tui bu huan", "你的": "ni de", "您的": "nin de",
}
# one syllable read beside a sum: after it (6 kuai, 5 yuan, 2 ge dian) or before it (jia 5, bu 6)
_AFTER_SUM = {"kuai": "块", "yuan": "元", "kuai qian": "块钱", "ge dian": "个点", "dian": "点"}
_BEFORE_SUM = {"jia": "加", "bu": "补", "fan": "返", "shou": "收", "duo shou": "多收"}
# particles and glue typed between the words read (yao jia 6 dian o): they only help cut the letters
_GLUE = ("o", "a", "e", "ya", "la", "ne", "ba", "ha", "de", "ma", "yao", "qing", "zai", "hai", "dou", "jiu")
_SPOKEN = {tuple(s.split()): w for w, s in SPOKEN_WORDS.items()}
_SYLLABLES = frozenset(s for words in (SPOKEN_WORDS.values(), _AFTER_SUM, _BEFORE_SUM, _GLUE) for w in words for s in w.split())
_LONGEST_SYLLABLE = max(map(len, _SYLLABLES))
_LONGEST_WORD = max(map(len, _SPOKEN))
SPOKEN_CUE = re.compile(r"[a-z]{2}")
_LETTER_RUN = re.compile(r"[a-z]+")
_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?| +|.", re.S)


def _syllables(letters: str) -> list[str] | None:
    """``letters`` cut into syllables of the readings (longest first), or None if they are not."""
    out: list[str] = []
    i = 0
    while i < len(letters):
        for n in range(min(_LONGEST_SYLLABLE, len(letters) - i), 0, -1):
            if letters[i : i + n] in _SYLLABLES:
                out.append(letters[i : i + n])
                i += n
                break
        else:
            return None
    return out


def read_spoken(text: str, index: list[int]) -> tuple[str, list[int]]:
    """``text`` with rule words typed as pinyin syllables read as their characters (see above);
    the spaces between the syllables of a phrase so read go, so that a rule's gap spans it."""
    if not any(_syllables(run) is not None for run in _LETTER_RUN.findall(text)):
        return text, index  # no letters that are syllables of a reading: nothing to read (most replies)
    # units: (kind, text, start, end) with kind "syl" (one syllable), "lat" (other letters), "cjk",
    # "num", "sp" (spaces), "other"
    units: list[tuple[str, str, int, int]] = []
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok[0].isascii() and tok[0].isalpha():
            cut = _syllables(tok)
            if cut is None:
                units.append(("lat", tok, m.start(), m.end()))
                continue
            pos = m.start()
            for syl in cut:
                units.append(("syl", syl, pos, pos + len(syl)))
                pos += len(syl)
        elif tok[0].isdigit():
            units.append(("num", tok, m.start(), m.end()))
        elif tok[0] == " ":
            units.append(("sp", tok, m.start(), m.end()))
        else:
            units.append(("cjk" if "\u4e00" <= tok <= "\u9fff" else "other", tok, m.start(), m.end()))
    if not any(u[0] == "syl" for u in units):
        return text, index
    solid = [k for k, u in enumerate(units) if u[0] != "sp"]  # positions of the units that are not spaces
    reading: dict[int, str] = {}  # unit position -> the characters it reads as
    joined: set[int] = set()  # unit positions of spaces inside a phrase read
    ends: set[int] = set()  # the last unit of each word read: its character maps to the last letter

    def take(ks: list[int], chars: list[str]) -> None:
        for k, ch in zip(ks, chars):
            if units[k][0] == "syl":
                reading[k] = ch
        ends.add(ks[-1])
        joined.update(range(ks[0] + 1, ks[-1]))

    j = 0
    while j < len(solid):
        matched = 0
        for n in range(min(_LONGEST_WORD, len(solid) - j), 0, -1):
            ks = solid[j : j + n]
            if any(units[b][0] == "sp" and len(units[b][1]) > 1 for a, b in zip(ks, ks[1:]) for b in range(a + 1, b)):
                continue  # two spaces or more: a break
            # a reading word whose every syllable is typed as the syllable or as its character
            word = next((w for key, w in _SPOKEN.items() if len(key) == n and any(units[k][0] == "syl" for k in ks) and all(
                (units[k][0] == "syl" and units[k][1] == key[i]) or (units[k][0] == "cjk" and units[k][1] == w[i])
                for i, k in enumerate(ks))), None) if n > 1 else None
            if word is not None:
                take(ks, list(word))
                matched = n
                break
        if matched:
            j += matched
            continue
        k = solid[j]
        if units[k][0] == "syl":
            for table, side in ((_AFTER_SUM, -1), (_BEFORE_SUM, 1)):
                for syls, said in table.items():
                    parts = syls.split()
                    ks = solid[j : j + len(parts)]
                    if len(ks) < len(parts) or any(units[q][0] != "syl" or units[q][1] != p for q, p in zip(ks, parts)):
                        continue
                    near = j - 1 if side < 0 else j + len(parts)
                    if 0 <= near < len(solid) and units[solid[near]][0] == "num":
                        pair = [solid[near], *ks] if side < 0 else [*ks, solid[near]]
                        joined.update(range(pair[0] + 1, pair[-1]))
                        if len(parts) == 1:
                            reading[ks[0]] = said
                        else:
                            reading[ks[0]] = said[0]
                            reading[ks[1]] = said[1:]
                        ends.add(ks[-1])
                        matched = len(parts)
                        break
                if matched:
                    break
        j += matched or 1
    if not reading:
        return text, index
    # a space beside a word read goes too (亲 xin yong ka 要加, huo dao fu kuan yao jia 5 kuai): spaces
    # around letters in a Chinese reply set the letters apart, they end no clause
    for k, u in enumerate(units):
        if u[0] == "sp" and len(u[1]) == 1 and 0 < k < len(units) - 1:
            left, right = k - 1, k + 1
            if (left in reading or right in reading) and {units[left][0], units[right][0]} <= {"syl", "num", "lat", "cjk"}:
                joined.add(k)
    chars: list[str] = []
    keep: list[int] = []
    for k, (kind, tok, a, b) in enumerate(units):
        if k in joined and kind == "sp":
            continue
        if k in reading:
            # a character maps to its syllable's first letter, the last of a word to its last letter,
            # so a span over the word covers what was typed and the map keeps increasing
            chars.append(reading[k])
            keep.append(index[b - 1] if k in ends else index[a])
            continue
        chars.append(tok)
        keep.extend(index[a:b])
    return "".join(chars), keep


# pinyin typed with its tone marks (包yóu, bǎo yóu) reads as the bare letters, one for one
_TONE_MARKS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü", "aaaaeeeeiiiioooouuuuvvvvv")
_TONED = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]")


def untone(text: str) -> str:
    return text.translate(_TONE_MARKS) if _TONED.search(text) is not None else text


def read_letters(text: str, index: list[int]) -> tuple[str, list[int]]:
    """Rule words typed in letters read as their characters: whole words (fapiao, cod, free
    shipping), then pinyin syllable by syllable (bao you, 开fa票)."""
    if PINYIN.search(text) is not None:
        text, index = read_pinyin(text, index)
    if SPOKEN_CUE.search(text) is not None:
        text, index = read_spoken(text, index)
    return text, index


# check13rb: Cantonese function words read as the Mandarin ones, one character for one, so the
# rules' frames read a reply typed in Cantonese (我哋唔會叫你私下轉賬 我们不会…, 佢地址係… 他地址是…,
# 買唔起就唔好問 买不起就不要问, 冇計 没辙, 發俾我 发给我, 揾我 找我). 唔 is 不 only before a character
# (唔，好的 is a hum), 唔該 is thanks, 係 is 是 only where Cantonese puts it (就係, 唔係, 地址係 …):
# 联系, 系统 keep their 系 (check28: also after such a word: 地址系统, 号码系列)
_CANTONESE = {"唔该": "谢谢", "冇计": "没辙", "唔": "不", "哋": "们", "咗": "了", "佢": "他", "喺": "在", "嘅": "的",
              "\U00020bb6": "那", "嗰": "那", "啲": "些", "咁": "这", "俾": "给", "畀": "给", "睇": "看", "嚟": "来",
              "揾": "找", "咩": "啥", "系": "是"}
TYPOS.update(_CANTONESE)
# check13rb: the plus sign typed as an emoji (➕我卫星, ➕V) reads 加 before a contact word
TYPOS["\u2795"] = "加"
TYPO = re.compile(r"唔该|冇计|" + TYPO.pattern + r"|唔(?!好意思)(?=[\u4e00-\u9fff])|[哋咗佢喺嘅\U00020bb6嗰啲咁俾畀睇嚟揾咩]"
                  r"|(?<=[就都唔不也真梗即址话名码])系(?![统列数])|系(?=[咪咁])|\u2795(?=\s*[我个微薇威卫vq扣好])")
# check25: a money emoji (money bag, banknotes, red envelope) reads as 钱 and a gift emoji as 礼, one character
# for one: 好评返💰 is 好评返钱, 好评送🎁 is 好评送礼
_MONEY_EMOJI = "\U0001f4b0\U0001f4b4\U0001f4b5\U0001f4b6\U0001f4b7\U0001f4b8\U0001f9e7"
TYPOS.update(dict.fromkeys(_MONEY_EMOJI, "钱"))
TYPOS["\U0001f381"] = "礼"
TYPO = re.compile(TYPO.pattern + "|[" + _MONEY_EMOJI + "\U0001f381]")
# check25: a no-entry or cross emoji typed for 不 right before a verb (拆了🚫退, ❌退款)
TYPOS.update(dict.fromkeys("\u274c\U0001f6ab", "不"))
TYPO = re.compile(TYPO.pattern + "|[\u274c\U0001f6ab](?=[\u4e00-\u9fff])")
# check25: 免运, young agents' short form of 包邮 (免运 但新疆补差), not 免运费 (read as it is)
TYPOS["免运"] = "包邮"
TYPO = re.compile(TYPO.pattern + "|免运(?!费|险)")
