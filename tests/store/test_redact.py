from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kefu_assist.store.redact import question_key, redact

CORPUS = Path(__file__).with_name("redaction_corpus.tsv")


def _corpus() -> list[tuple[str, str]]:
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        raw, expected = line.split("\t")
        rows.append((raw, expected))
    return rows


def test_corpus_is_big_enough():
    assert len(_corpus()) >= 40


@pytest.mark.parametrize("raw,expected", _corpus())
def test_corpus(raw, expected):
    assert redact(raw) == expected


@pytest.mark.parametrize("raw,expected", _corpus())
def test_idempotent(raw, expected):
    assert redact(expected) == expected


def test_full_width_digits_and_letters():
    assert redact("电话１３９１２３４５６７８") == "电话139****5678"
    assert redact("ＳＦ１２３４５６７８９０１２３到哪了") == "[运单号]到哪了"


def test_key_ignores_punctuation_and_case():
    assert question_key("发货了吗？") == question_key("发货 了吗") == "发货了吗"
    assert question_key("XL码有吗") == question_key("xl码有吗!")


# text around the phone: Chinese, letters and punctuation, no digits
_around = st.text(alphabet=st.sampled_from(list("的我你好吗在发货快递电话手机号码联系收件人地址abcXYZ：:，, -+()")), max_size=12)


@st.composite
def phones(draw):
    second = draw(st.sampled_from("3456789"))
    rest = draw(st.text(alphabet="0123456789", min_size=9, max_size=9))
    digits = "1" + second + rest
    style = draw(st.sampled_from(["plain", "space", "dash", "+86", "86", "fullwidth"]))
    if style == "plain":
        text = digits
    elif style == "space":
        text = f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    elif style == "dash":
        text = f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    elif style == "+86":
        text = "+86 " + digits
    elif style == "86":
        text = "86" + digits
    else:
        text = digits.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    return digits, text


@settings(max_examples=400, deadline=None)
@given(before=_around, phone=phones(), after=_around)
def test_generated_phone_never_survives(before, phone, after):
    digits, text = phone
    out = redact(before + text + after)
    assert digits not in re.sub(r"\D", "", out)
    assert f"{digits[:3]}****{digits[7:]}" in out or "[" in out  # masked, or inside a redacted span


def test_store_does_not_import_qt():
    code = (
        "import sys, kefu_assist.store, kefu_assist.store.recorder, kefu_assist.store.stats, "
        "kefu_assist.store.cli, kefu_assist.store.db, kefu_assist.store.models;"
        "bad=[m for m in sys.modules if m.startswith(('PySide6','PyQt'))]; assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- the corpus folder: one file a kind, with what must not survive --------------------------

CORPUS_DIR = Path(__file__).with_name("redaction_corpus")
KINDS = ("mobile", "landline", "id_card", "bank_card", "email", "qq", "wechat", "address", "name", "order", "tracking")

# Every way a buyer writes a digit, independent of the code under test: a leak in 一三九… is a leak.
_DIGIT_FORMS = {
    "0": "0０〇零○洞", "1": "1１一幺壹", "2": "2２二两兩贰貳", "3": "3３三叁參", "4": "4４四肆",
    "5": "5５五伍", "6": "6６六陆陸", "7": "7７七柒", "8": "8８八捌", "9": "9９九玖",
}
_TO_DIGIT = {ord(form): d for d, forms in _DIGIT_FORMS.items() for form in forms}


def _digits(text: str) -> str:
    """Only the digits of a text, Chinese numerals read as digits."""
    return re.sub(r"\D", "", text.translate(_TO_DIGIT))


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _numbers_in(text: str) -> list[str]:
    """The digits of each number in a text: digits stay one number across spaces, punctuation,
    emoji and markers ([订单号] left in the middle of a number does not split it), and a word
    (letters or Chinese characters other than numerals) ends it: in 型号 XR-2000 和 XR-3000 the
    2000 and the 3000 are two numbers, not 20003000."""
    text = re.sub(r"\[[^\[\]\s]{1,8}\]", "", text.translate(_TO_DIGIT))
    return [_digits(chunk) for chunk in re.split(r"[^\W\d_]+", text)]


def leaks(secret: str, out: str, typed_around: str = "") -> bool:
    """True if the secret survives in the output: 7 of its digits in order within one number (a
    masked mobile keeps 3 + 4 by design, never 7 together), all of a short number, or any other
    secret whole. ``typed_around``: ordinary text typed beside the secret, which comes out as
    typed: 7 digits the secret shares with a number of its own (a card number holding 3456789,
    beside 浙械注准20213456789) are not the secret's."""
    if re.fullmatch(r"[0-9]+", secret):
        own = _numbers_in(typed_around)
        windows = [secret[i:i + 7] for i in range(len(secret) - 6)]
        windows = [w for w in windows if not any(w in digits for digits in own)]
        for digits in _numbers_in(re.sub(r"[0-9]{3}\*{4}[0-9]{4}", "#", out)):  # a masked mobile keeps 3 + 4 by design
            if len(secret) == 11:
                digits = digits.replace(secret[:3] + secret[7:], "#")  # the same mask in a key, without the *
            if secret in digits if len(secret) < 7 else any(w in digits for w in windows):
                return True
        return False
    return _squash(secret) in _squash(out)


def _unescape(field: str) -> str:
    return field.replace("\\n", "\n")


def _kind_rows(kind: str) -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in (CORPUS_DIR / f"{kind}.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        raw, expected, secrets = line.split("\t")
        rows.append((_unescape(raw), _unescape(expected), secrets.split("|")))
    return rows


def _negatives() -> list[str]:
    lines = (CORPUS_DIR / "negatives.tsv").read_text(encoding="utf-8").splitlines()
    return [_unescape(line) for line in lines if line.strip() and not line.startswith("#")]


_POSITIVES = [pytest.param(raw, expected, secrets, id=f"{kind}-{i}") for kind in KINDS for i, (raw, expected, secrets) in enumerate(_kind_rows(kind))]


@pytest.mark.parametrize("kind", KINDS)
def test_corpus_has_ten_forms_of_each_kind(kind):
    assert len(_kind_rows(kind)) >= 10


def test_negative_corpus_is_big_enough():
    assert len(_negatives()) >= 40


def test_leak_check_can_fail():
    assert leaks("13957316284", "电话一三九五七三一6284")
    assert not leaks("13957316284", "电话139****6284")
    assert leaks("zhao_liu", "微信 ZHAO_LIU")
    # one number across separators, numerals and a marker left inside it
    assert leaks("13957316284", "电话 139 5731😊6284")
    assert leaks("13957316284", "13957[订单号]316284")
    assert leaks("13957316284", "一三九，五七三一 6284")
    # digits of separate words are not one number
    assert not leaks("30000020000104000", "[身份证号]，型号 XR-2000 和 XR-3000 有什么区别，型号 XR-2000 和 XR-3000 有什么区别")
    assert not leaks("30000020000104000", "身份证号型号xr2000和xr3000有什么区别型号xr2000和xr3000有什么区别")
    # digits a number typed beside the secret shares with it are that number's, the rest still count
    assert not leaks("6210000034567894", "[银行卡号]，浙械注准20213456789", "浙械注准20213456789")
    assert leaks("6210000034567894", "6210000034567894，浙械注准20213456789", "浙械注准20213456789")


@pytest.mark.parametrize("raw,expected,secrets", _POSITIVES)
def test_kind_corpus_does_not_leak(raw, expected, secrets):
    out = redact(raw)
    for secret in secrets:
        assert not leaks(secret, out), out
        assert not leaks(secret, question_key(out)), question_key(out)


@pytest.mark.parametrize("raw,expected", [
    ("你们发什么快递 59 69 79 三种都有吗", "你们发什么快递 59 69 79 三种都有吗"),  # a row of prices after a courier word
    ("单号 299 399 499 哪个划算", "单号 299 399 499 哪个划算"),
    ("快递单号 1234 5678 9012", "快递单号 [运单号]"),  # grouped, but not prices: still a tracking number
    ("快递单号 1299 1399 14990", "快递单号 [运单号]"),  # groups of two lengths
    ("我的电话 139 2345 6789", "我的电话 139****6789"),  # a mobile in 3-4-4 is never a row of prices
    ("电话 1359 2359 3359", "电话 [电话]"),  # after a phone word the words decide
])
def test_rows_of_prices(raw, expected):
    assert redact(raw) == expected


@pytest.mark.parametrize("raw,expected,secrets", _POSITIVES)
def test_kind_corpus_exact(raw, expected, secrets):
    assert redact(raw) == expected


@pytest.mark.parametrize("raw,expected,secrets", _POSITIVES)
def test_kind_corpus_idempotent(raw, expected, secrets):
    assert redact(expected) == expected


@pytest.mark.parametrize("raw", _negatives())
def test_negatives_untouched(raw):
    assert redact(raw) == raw
    assert question_key(redact(raw)) == question_key(raw)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_negatives()), min_size=1, max_size=6), st.sampled_from(["，", " ", "。", "\n", ""]))
@example(parts=["什么时候能到上海市区", "按规定路线送吗"], joiner="")  # 上海市区按规定路 is no address
@example(parts=["什么时候能到上海市区", "11月3号能到吗"], joiner="")  # 3号 is a day
@example(parts=["什么时候能到上海市区", "3号发货5号能到吗"], joiner="")  # 上海市区3号 neither
@example(parts=["这个有三种颜色，我要二号色", "小区门口有快递柜吗"], joiner="")  # 二号色小区 is no address
@example(parts=["什么时候能到上海市区", "买2件打几折", "小区门口有快递柜吗"], joiner="")  # 买2件打几折小区 neither
@example(parts=["你们发什么快递", "2026-11-11 10:30 前下单能发吗"], joiner="\n")  # a date after 快递 is no tracking number
@example(parts=["你们发什么快递", "2026.11.11-2026.11.15 的活动价还有吗"], joiner="")
@example(parts=["这款和那款有什么区别", "给老师送什么花比较好"], joiner="")  # 区别给 before 老师 is no name: 给 starts no given name
@example(parts=["我妈妈周末来拿", "给老师送什么花比较好"], joiner="")
@example(parts=["价格199.9还是189 199 299 399 499", "四个价位都有吗"], joiner=" ")  # prices in a row and a Chinese numeral: no one number
@example(parts=["你们发什么快递", "199 299 399 499 四个价位都有吗"], joiner=" ")  # prices after 快递 are no tracking number
@example(parts=["你们发什么快递", "199 299 399 499 四个价位都有吗"], joiner="")
def test_negatives_joined_stay_untouched(parts, joiner):
    text = joiner.join(parts)
    assert redact(text) == text


# --- property tests: each kind, written in varied forms, inside random Chinese text ---------

# surrounding text: ordinary Chinese and punctuation, no digits, numerals or Latin letters
_CJK_AROUND = list("的我你好吗发货快递亲在么什时候能到收件地方麻烦帮看下这个谢啦呀吧哦嗯东西衣服颜色大小合适包邮退换今天明天")
_around_cn = st.text(alphabet=st.sampled_from(_CJK_AROUND + list("，。！？ ～")), max_size=10)
_NUMERAL_SETS = [
    "0123456789", "零一二三四五六七八九", "〇幺二三四五六七八九", "零壹贰叁肆伍陆柒捌玖", "零壹貳參肆伍陸柒捌玖",
    "０１２３４５６７８９", "洞幺两三四五六七八九",
]
# ("/" is not one: 4999/5999 are two prices)
_SEPARATORS = ["", " ", "-", ".", "  ", " - ", "\n", "😊", "·", "－", "—"]


@st.composite
def written(draw, digits: str, groups: list[int] | None = None, numerals: bool = True):
    """The digits as a buyer might type them: one numeral set or a mix, grouped by a separator
    (or every digit apart), brackets round the first group."""
    sets = _NUMERAL_SETS if numerals else ["0123456789", "０１２３４５６７８９"]
    mix = draw(st.booleans())
    chosen = draw(st.sampled_from(sets))
    chars = [(draw(st.sampled_from(sets)) if mix else chosen)[int(d)] for d in digits]
    style = draw(st.sampled_from(["groups", "each", "plain"])) if groups else draw(st.sampled_from(["each", "plain"]))
    sep = draw(st.sampled_from(_SEPARATORS))
    if style == "plain" or not sep:
        return "".join(chars)
    if style == "each":
        return sep.join(chars)
    out, at = [], 0
    for size in groups:
        out.append("".join(chars[at:at + size]))
        at += size
    if at < len(chars):
        out.append("".join(chars[at:]))
    if draw(st.booleans()) and sep.strip() not in ("", "\n"):
        return f"({out[0]}){''.join(out[1:])}" if draw(st.booleans()) else f"（{out[0]}）" + sep.join(out[1:])
    return sep.join(out)


def _check(text: str, secret: str) -> None:
    out = redact(text)
    assert not leaks(secret, out), (text, out)
    assert not leaks(secret, question_key(out)), (text, question_key(out))
    assert redact(out) == out


@st.composite
def mobiles(draw):
    digits = "1" + draw(st.sampled_from("3456789")) + draw(st.text(alphabet="0123456789", min_size=9, max_size=9))
    lead = draw(st.sampled_from(["", "手机", "电话：", "我的号码是", "打这个 ", "手機號", "+86 ", "86", "联系方式"]))
    return digits, lead + draw(written(digits, [3, 4, 4]))


@settings(max_examples=300, deadline=None)
@given(before=_around_cn, phone=mobiles(), after=_around_cn)
def test_property_mobile(before, phone, after):
    _check(before + phone[1] + after, phone[0])


@st.composite
def landlines(draw):
    area = draw(st.sampled_from(["010", "021", "020", "022", "0571", "0755", "0731", "0512", "0351", "028"]))
    local = draw(st.sampled_from("2345678")) + draw(st.text(alphabet="0123456789", min_size=6 if len(area) == 4 else 7, max_size=7))
    lead = draw(st.sampled_from(["", "座机", "固话：", "办公室电话 ", "家里电话是", "電話"]))
    if draw(st.booleans()):
        return area + local, lead + draw(written(area + local, [len(area), 4]))
    return area + local, lead + f"({area})" + draw(written(local, [4], numerals=False))


@settings(max_examples=300, deadline=None)
@given(before=_around_cn, phone=landlines(), after=_around_cn)
def test_property_landline(before, phone, after):
    _check(before + phone[1] + after, phone[0])


def _id_check(first17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


@st.composite
def id_numbers(draw):
    region = draw(st.sampled_from("123456")) + draw(st.text(alphabet="0123456789", min_size=5, max_size=5))
    born = draw(st.dates(min_value=__import__("datetime").date(1940, 1, 1), max_value=__import__("datetime").date(2012, 12, 31)))
    first17 = region + born.strftime("%Y%m%d") + draw(st.text(alphabet="0123456789", min_size=3, max_size=3))
    check = _id_check(first17)
    lead = draw(st.sampled_from(["", "身份证", "身份证号：", "证件号码 ", "身份證號", "清关用 "]))
    body = draw(written(first17 + (check if check != "X" else ""), [6, 8, 4] if draw(st.booleans()) else [4, 4, 4, 4]))
    if check == "X":
        body += draw(st.sampled_from(["X", "x"]))
    return first17, lead + body


@settings(max_examples=300, deadline=None)
@given(before=_around_cn, number=id_numbers(), after=_around_cn)
def test_property_id_card(before, number, after):
    _check(before + number[1] + after, number[0])


def _luhn_digit(partial: str) -> str:
    for d in "0123456789":
        digits = [int(c) for c in partial + d][::-1]
        if sum(x if i % 2 == 0 else (x * 2 - 9 if x > 4 else x * 2) for i, x in enumerate(digits)) % 10 == 0:
            return d
    raise AssertionError


@st.composite
def bank_cards(draw):
    length = draw(st.integers(16, 19))
    partial = draw(st.sampled_from(["62", "621", "622", "623", "4", "5"]))
    partial += draw(st.text(alphabet="0123456789", min_size=length - 1 - len(partial), max_size=length - 1 - len(partial)))
    number = partial + _luhn_digit(partial)
    lead = draw(st.sampled_from(["", "卡号", "银行卡：", "退到这张卡 ", "账号是", "卡號"]))
    # Chinese numerals only after a lead: without one, a run of 一二三… is not known to be a card
    return number, lead + draw(written(number, [4, 4, 4, 4], numerals=bool(lead)))


@settings(max_examples=300, deadline=None)
@given(before=_around_cn, card=bank_cards(), after=_around_cn)
def test_property_bank_card(before, card, after):
    _check(before + card[1] + after, card[0])


@st.composite
def emails(draw):
    local = draw(st.from_regex(r"[a-z][a-z0-9]{2,8}(?:[._][a-z0-9]{1,6})?", fullmatch=True))
    if draw(st.booleans()):
        local = local.upper() if draw(st.booleans()) else local
    domain = draw(st.sampled_from([["163", "com"], ["qq", "com"], ["gmail", "com"], ["126", "com"], ["sina", "com", "cn"], ["foxmail", "com"], ["shop", "net"]]))
    at = draw(st.sampled_from(["@", "＠", " at ", "(at)", "（at）", " [at] ", "艾特", " @ "]))
    dot = draw(st.sampled_from([".", " dot ", "(dot)", "点", " . "]))
    lead = draw(st.sampled_from(["", "邮箱", "邮箱：", "发票发到 ", "email "]))
    return local, lead + local + at + dot.join(domain)


@settings(max_examples=300, deadline=None)
@given(before=_around_cn, email=emails(), after=_around_cn)
def test_property_email(before, email, after):
    _check(before + email[1] + after, email[0])


@st.composite
def qq_numbers(draw):
    number = draw(st.sampled_from("123456789")) + draw(st.text(alphabet="0123456789", min_size=4, max_size=10))
    lead = draw(st.sampled_from(["QQ", "qq号", "加我q", "我的Q:", "Q：", "扣扣", "企鹅号是", "加我扣扣：", "QQ是 ", "q群"]))
    return number, lead + draw(st.sampled_from(["", " "])) + draw(written(number, [4, 4]))


@settings(max_examples=300, deadline=None)
@given(before=_around_cn, qq=qq_numbers(), after=_around_cn)
def test_property_qq(before, qq, after):
    _check(before + qq[1] + after, qq[0])


@st.composite
def wechat_ids(draw):
    wid = draw(st.from_regex(r"[a-zA-Z][a-zA-Z0-9_\-]{5,15}", fullmatch=True))
    lead = draw(st.sampled_from(["微信", "微信号：", "加个V：", "加我V ", "vx:", "VX ", "wx号是", "薇信", "v信", "加我微信 ", "wechat "]))
    return wid, lead + wid


@settings(max_examples=300, deadline=None)
@given(before=_around_cn, wid=wechat_ids(), after=_around_cn)
def test_property_wechat(before, wid, after):
    _check(before + wid[1] + after, wid[0])


_ROAD_NAMES = ["高新南七", "幸福", "解放", "人民", "建设", "长江", "中山北", "光明", "星湖", "文三", "科技", "阜通东", "青年", "滨江"]
_ROAD_KINDS = ["路", "街", "道", "大道", "大街", "巷"]
_ESTATES = ["阳光", "万科城", "华清嘉", "金色家", "紫金", "翠苑", "锦绣", "碧桂"]
_ESTATE_KINDS = ["小区", "花园", "家园", "公寓", "大厦", "苑"]


@st.composite
def addresses(draw):
    parts, secrets = [], []
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["浙江省杭州市西湖区", "西安市雁塔区", "广东省深圳市南山区", "朝阳区", "江苏省苏州市工业园区"])))
    if draw(st.booleans()):
        road = draw(st.sampled_from(_ROAD_NAMES)) + draw(st.sampled_from(_ROAD_KINDS))
        number = str(draw(st.integers(1, 999)))
        if draw(st.booleans()):
            number = number.translate(str.maketrans("0123456789", "零一二三四五六七八九"))
        parts.append(road + number + "号")
        secrets.append(road)
    if draw(st.booleans()) or not secrets:
        estate = draw(st.sampled_from(_ESTATES)) + draw(st.sampled_from(_ESTATE_KINDS))
        parts.append(estate)
        secrets.append(estate)
        parts.append(str(draw(st.integers(1, 40))) + draw(st.sampled_from(["栋", "幢", "号楼"])))
        if draw(st.booleans()):
            parts.append(str(draw(st.integers(1, 6))) + "单元" + draw(st.sampled_from(["", str(draw(st.integers(101, 2505))), f"{draw(st.integers(101, 2505))}室"])))
    lead = draw(st.sampled_from(["", "寄到", "送到", "地址：", "收货地址改成 ", "麻烦寄到", "我家在", "住在"]))
    return secrets, lead + "".join(parts)


@settings(max_examples=300, deadline=None)
@given(before=_around_cn, address=addresses(), after=_around_cn)
def test_property_address(before, address, after):
    secrets, text = address
    for secret in secrets:
        _check(before + "，" + text + "，" + after, secret)


_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "欧阳", "司马", "林", "郭"]
_GIVEN = list("伟芳娜秀英敏静丽强磊军洋艳勇杰娟涛明超霞平刚桂建国美晓雯")


@st.composite
def names(draw):
    if draw(st.integers(0, 4)) == 0:
        name = draw(st.sampled_from(["Zhang Wei", "Lily Chen", "Tom Lee", "li na", "Wang Fang", "Jack"]))
    else:
        name = draw(st.sampled_from(_SURNAMES)) + "".join(draw(st.lists(st.sampled_from(_GIVEN), min_size=1, max_size=2)))
    lead = draw(st.sampled_from(["收件人", "收件人是", "收件人：", "收货人", "收货人写 ", "寄给我老公", "寄给我老婆", "寄给我妈", "联系人：", "我叫", "签收人是", "姓名：", "收件人改成"]))
    return name, lead + name


@settings(max_examples=300, deadline=None)
@given(before=_around_cn, name=names(), after=st.sampled_from(["", "，谢谢", " 电话在下面", "，明天在家", "吧", "。"]))
def test_property_name(before, name, after):
    _check(before + name[1] + after, name[0])


@st.composite
def orders(draw):
    number = draw(st.sampled_from("123456789")) + draw(st.text(alphabet="0123456789", min_size=11, max_size=19))
    lead = draw(st.sampled_from(["订单号", "订单号：", "订单编号 ", "我的订单是", "订单：", "order id "]))
    return number, lead + draw(written(number, [4, 4, 4, 4]))


@settings(max_examples=300, deadline=None)
@given(before=_around_cn, order=orders(), after=_around_cn)
def test_property_order(before, order, after):
    _check(before + order[1] + after, order[0])


@settings(max_examples=200, deadline=None)
@given(before=_around_cn, number=st.text(alphabet="0123456789", min_size=10, max_size=22), after=_around_cn)
def test_property_any_long_digit_run(before, number, after):
    _check(before + number + after, number)


@st.composite
def tracking_numbers(draw):
    number = draw(st.text(alphabet="0123456789", min_size=10, max_size=15))
    if draw(st.booleans()):
        prefix = draw(st.sampled_from(["SF", "YT", "JT", "ZTO", "sf", "yt", "JD"]))
        return number, prefix + draw(st.sampled_from(["", " "])) + draw(written(number, [4, 4, 4], numerals=False))
    lead = draw(st.sampled_from(["快递单号", "运单号：", "单号 ", "物流单号是", "中通", "顺丰 ", "韵达", "圓通 "]))
    return number, lead + draw(written(number, [4, 4, 4]))


@settings(max_examples=300, deadline=None)
@given(before=_around_cn, tracking=tracking_numbers(), after=_around_cn)
def test_property_tracking(before, tracking, after):
    _check(before + tracking[1] + after, tracking[0])


# --- size: adversarial inputs of 100,000 characters complete with a sane answer --------------

_ADVERSARIAL = {
    "digits and separators": ("1 2-3.4" * 15000)[:100_000],
    "at signs": "a@" * 50_000,
    "one long local part": "a" * 100_000,
    "long digit run": "1" * 100_000,
    "address markers": "省市区号" * 25_000,
    "road and number": "幸福路88号" * 16_000,
    "chinese numerals": "一三九五七三一六二八四 " * 8_000,
    "name leads": "收件人" * 33_000,
    "dots and words": "a.b c.d at e dot " * 6_000,
}


@pytest.mark.parametrize("kind", list(_ADVERSARIAL))
def test_adversarial_large_input(kind):
    text = _ADVERSARIAL[kind]
    out = redact(text)
    assert isinstance(out, str) and out
    assert not re.search(r"[0-9]{11}", out)  # no phone-length digit run survives
    assert question_key(out) is not None


# --- personal data among ordinary questions with their own numbers (sizes, prices, dates) ----

_SECRETS = st.one_of(mobiles(), landlines(), id_numbers(), bank_cards(), qq_numbers(), orders(), tracking_numbers(), emails(), wechat_ids())


@settings(max_examples=300, deadline=None)
@given(
    before=st.lists(st.sampled_from(_negatives()), max_size=2),
    secret=_SECRETS.filter(lambda pair: not pair[0].isdigit() or len(set(pair[0])) >= 5),
    after=st.lists(st.sampled_from(_negatives()), max_size=2),
)
# the ID card is gone; XR-2000 和 XR-3000 twice is no 7 digits of it
@example(before=[], secret=("30000020000104000", "300000200001040002"), after=["型号 XR-2000 和 XR-3000 有什么区别"] * 2)
# a card number sharing 3456789 with a registration number typed beside it: those digits are the question's
@example(before=[], secret=("6210000034567894", "6210000034567894"), after=["浙械注准20213456789"])
def test_property_secret_among_ordinary_questions(before, secret, after):
    value, written_form = secret
    text = "，".join([*before, written_form, *after])
    out = redact(text)
    typed = "，".join([*before, *after])
    assert not leaks(value, out, typed), (text, out)
    assert not leaks(value, question_key(out), typed), (text, question_key(out))
    for question in before + after:  # the ordinary questions around it come out as typed
        assert question in out, (text, out)
