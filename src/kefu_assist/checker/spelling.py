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
    "invoice": "发票", "tax": "税", "free shipping": "包邮", "credit card": "信用卡", "no return": "不退",
    "no refund": "不退", "refund": "退款", "cash back": "返现", "cashback": "返现",
    # check6: the weak rules' words in English or abbreviated (order我cancel了, handling fee, yzm)
    "order": "订单", "cancel": "取消", "cancelled": "取消了", "handling fee": "手续费", "service fee": "服务费",
    "yzm": "验证码",
}
# homophone typos of rule words, one character for one (花贝 → 花呗, 包油 → 包邮, 退欢 → 退换, 返限 → 返现)
# and colloquial forms (木有 → 没有, 自个 → 自己, 掏 as in 掏钱 → 付)
TYPOS = {"花贝": "花呗", "包油": "包邮", "退欢": "退换", "返限": "返现", "返线": "返现", "好坪": "好评", "发漂": "发票",
          "木有": "没有", "自个": "自己", "掏": "付"}
TYPO = re.compile(r"花贝|(?<!面)包油(?![条炸饼])|退欢|返限|返线|好坪|(?<!头)发漂(?![亮白])|木有|自个|掏(?=钱|[\d一二三四五六七八九十两俩仨几]|点|些)|(?<=[多再得您你己儿])掏")
PINYIN = re.compile(
    r"(?<![a-z])(" + "|".join(w.replace(" ", r"\s*") for w in sorted(PINYIN_WORDS, key=len, reverse=True)) + r")(?![a-z])"
    r"|(?<=[个给星五5])hp(?![a-z])|(?<![a-z])hp(?=[返送有给])|(?<=\d)r(?![a-z])"
)


_BY_LETTERS = {word.replace(" ", ""): chinese for word, chinese in PINYIN_WORDS.items()}


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
