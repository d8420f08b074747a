"""Redact buyer information from a message before anything is stored.

Buyer messages carry phone numbers, addresses, names, order and tracking numbers; storing them
is a platform violation. :func:`redact` replaces them with stable markers:

=====================  ======================================
mobile phone           ``138****5678`` (first 3 and last 4 kept, as Taobao shows them)
landline               ``[电话]``
ID card number         ``[身份证号]``
bank card number       ``[银行卡号]``
order number           ``[订单号]``  (after 订单/订单号, and any other run of >= 10 digits)
tracking number        ``[运单号]``  (SF/YT/JT/ZTO… prefixes; 10-15 digits after 快递/运单/单号)
address                ``[地址]``
name                   ``[姓名]``  (after 收件人/收货人/姓名/联系人 …)
e-mail                 ``[邮箱]``
QQ / 微信 id           ``[QQ号]`` / ``[微信号]``
=====================  ======================================

Full-width ASCII (１３８…, ＳＦ, ＠) is NFKC-normalised first, so it is caught too; Chinese
punctuation (，：？) is left as the buyer typed it.
Chinese number words (一三八…) are not recognised. Order of the rules matters: the specific,
context-led ones run before the generic digit runs. Pure function, no state, ~20 us a message.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["redact", "question_key"]

_D = r"(?<![0-9])"  # not preceded by a digit
_ND = r"(?![0-9])"  # not followed by a digit
_SEP = r"[ \-]?"
_CJK = r"\u4e00-\u9fff"

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")

# 订单号：1234…  — the context decides the marker, whatever the length.
ORDER_CTX = re.compile(r"((?:订单编号|订单号码|订单号|订单|order(?:\s*(?:no|id|number))?)\s*(?:是|为|号)?\s*[:：#]?\s*)([0-9][0-9 \-]{4,30}[0-9])", re.I)
TRACKING_PREFIX = re.compile(r"(?<![A-Za-z0-9])(?:SF|YT|JT|JD|JDV|ZTO|STO|YD|YZ|EMS|DPK|DB|KYE|ZJS|TT|HT)[0-9]{8,16}" + _ND, re.I)
TRACKING_CTX = re.compile(r"((?:快递单号|快递单|运单号|运单|物流单号|物流号|物流单|单号|快递号|快递|物流)\s*(?:是|为)?\s*[:：#]?\s*)([0-9]{10,15})" + _ND)
BANK_CTX = re.compile(r"((?:银行卡号?|卡号|账号|帐号|银行账户)\s*(?:是|为)?\s*[:：]?\s*)([0-9]{4}(?:[ \-]?[0-9]{2,4}){2,4}[0-9]{0,3})" + _ND)
ID_CARD = re.compile(_D + r"[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]" + r"(?![0-9A-Za-z])")
ID_CARD_15 = re.compile(r"((?:身份证号?码?|证件号码?)\s*(?:是|为)?\s*[:：]?\s*)([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])")
BANK_GROUPED = re.compile(_D + r"[0-9]{4}[ \-][0-9]{4}[ \-][0-9]{4}[ \-][0-9]{4}(?:[ \-]?[0-9]{1,3})?" + _ND)
MOBILE = re.compile(_D + r"(?:(?:\+|00)?86[ \-]?)?(1[3-9][0-9])" + _SEP + r"([0-9]{4})" + _SEP + r"([0-9]{4})" + _ND)
LANDLINE = re.compile(r"(?:\(0[0-9]{2,3}\)|" + _D + r"0[0-9]{2,3})[ \-]?[2-9][0-9]{2,3}[ \-]?[0-9]{4}" + r"(?:[ \-]?(?:转|ext\.?)[0-9]{1,5})?" + _ND)
QQ = re.compile(r"((?:QQ|qq|Qq|扣扣|企鹅)\s*号?\s*(?:是|为)?\s*[:：]?\s*)([1-9][0-9]{4,11})" + _ND)
WECHAT = re.compile(r"((?:微信|weixin|wechat|vx|wx|V信|v信|薇信|威信)\s*号?\s*(?:是|为)?\s*[:：]?\s*)([A-Za-z][A-Za-z0-9_\-]{5,19}|[0-9]{6,12})(?![A-Za-z0-9_\-])", re.I)
LONG_DIGITS = re.compile(_D + r"[0-9]{10,}" + _ND)
MASKED_MOBILE = re.compile(r"1[3-9][0-9]\*\*\*\*[0-9]{4}")

_NAME_LEAD = r"(?:收件人|收货人|寄件人|联系人|姓名|名字|真名|户名|持卡人)"
_NAME_STOP = r"(?=$|[^" + _CJK + r"]|电话|手机|号码|地址|联系|收货|身份|的|吧|呢|啊|哦|了|吗|谢|麻烦|帮|改|在|住)"
NAME = re.compile(
    r"(" + _NAME_LEAD + r"(?!\s*(?:写错|填错|信息|不对|是谁|电话|手机|号码|地址))\s*(?:是|叫|为|写|改成|改为|换成|填)?\s*[:：]?\s*)"
    r"(?!电话|手机|号码|地址|信息|写错|填错|不对|是谁|姓名|名字|改成|改为|换成|是|叫|为|写|填)"
    r"([" + _CJK + r"·]{2,4}?)" + _NAME_STOP
)
SELF_NAME = re.compile(r"((?:我叫|我的名字是|本人)\s*)([" + _CJK + r"]{2,3}?)" + r"(?=$|[^" + _CJK + r"]|电话|手机|地址|的|吧|呢|啊|哦|了|吗)")

# Addresses: two or more consecutive components each ending in an administrative or street
# marker (浙江省 杭州市 西湖区 文三路 123号 …), or anything after 地址.
_ADDR_MARK = r"(?:特别行政区|自治区|自治州|自治县|省|市|区|县|旗|镇|乡|街道|大道|大街|路|街|巷|弄|胡同|号院|号楼|号|小区|花园|家园|公寓|大厦|广场|中心|苑|村|组|栋|幢|座|单元|室|楼|层)"
_ADDR_PART = r"[" + _CJK + r"A-Za-z0-9\-#]{1,12}?" + _ADDR_MARK
ADDRESS = re.compile(r"(?:" + _ADDR_PART + r"){2,}(?:[0-9]+(?:室|房|号)?)?")
_ADDR_PART_ONLY = re.compile(r"(?:" + _ADDR_PART + r"){2,}(?:[0-9]+(?:室|房|号)?)?")
ADDRESS_CTX = re.compile(r"((?:收货地址|寄件地址|收件地址|详细地址|新地址|地址)\s*(?:是|为|改成|改为|换成|写|填)?\s*[:：]?\s*)([^\s，,。！!？?;；]{4,})")
_LEADING_NOISE = set("我你他她在到去寄发送是的住改成为址给往把请帮麻烦从要能可以吗呢了就还也都想")
_NUMBERISH_ADDR = re.compile(r"^[0-9]+(?:号|楼|层|室|单元|栋|座|组)$")


# NFKC for the full-width ASCII block and the ideographic space only: digits and letters become
# ASCII, while ，：；！？（） stay as typed (they are part of the stored question).
_KEEP = set("，：；！？（）")
_FULLWIDTH = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP}
_FULLWIDTH[0x3000] = " "


def _id_valid(number: str) -> bool:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    try:
        total = sum(int(d) * w for d, w in zip(number[:17], weights))
    except ValueError:
        return False
    return "10X98765432"[total % 11] == number[17].upper()


def _luhn(number: str) -> bool:
    digits = [int(d) for d in number][::-1]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(digits))
    return total % 10 == 0


def _mobile(m: re.Match) -> str:
    return f"{m.group(1)}****{m.group(3)}"


def _address(m: re.Match) -> str:
    span = m.group(0)
    start = 0
    while start < len(span) and span[start] in _LEADING_NOISE:
        start += 1
    body = span[start:]
    # "我在市区" / "3号" alone are not addresses: what is left must still have two components,
    # and not be a bare date-like "5号3楼"-free fragment.
    if not _ADDR_PART_ONLY.fullmatch(body) or _NUMBERISH_ADDR.match(body):
        return span
    return span[:start] + "[地址]"


def _long_digits(m: re.Match) -> str:
    digits = m.group(0)
    if len(digits) == 18 and _id_valid(digits):
        return "[身份证号]"
    if 16 <= len(digits) <= 19 and digits[0] in "456" and _luhn(digits):
        return "[银行卡号]"
    return "[订单号]"


def redact(text: str) -> str:
    """The message with buyer information replaced by markers. Idempotent."""
    if not text:
        return text
    s = text.translate(_FULLWIDTH)
    s = EMAIL.sub("[邮箱]", s)
    s = ORDER_CTX.sub(lambda m: m.group(1) + "[订单号]", s)
    s = TRACKING_PREFIX.sub("[运单号]", s)
    s = TRACKING_CTX.sub(lambda m: m.group(1) + "[运单号]", s)
    s = ID_CARD_15.sub(lambda m: m.group(1) + "[身份证号]", s)
    s = ID_CARD.sub("[身份证号]", s)
    s = BANK_CTX.sub(lambda m: m.group(1) + "[银行卡号]", s)
    s = BANK_GROUPED.sub("[银行卡号]", s)
    s = QQ.sub(lambda m: m.group(1) + "[QQ号]", s)
    s = WECHAT.sub(lambda m: m.group(1) + ("[微信号]" if not MASKED_MOBILE.fullmatch(m.group(2)) else m.group(2)), s)
    s = MOBILE.sub(_mobile, s)
    s = LANDLINE.sub("[电话]", s)
    s = LONG_DIGITS.sub(_long_digits, s)
    s = NAME.sub(lambda m: m.group(1) + "[姓名]", s)
    s = SELF_NAME.sub(lambda m: m.group(1) + "[姓名]", s)
    s = ADDRESS_CTX.sub(lambda m: m.group(1) + "[地址]", s)
    s = ADDRESS.sub(_address, s)
    return s


_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def question_key(redacted: str) -> str:
    """The normalised key unmatched questions are counted by: NFKC, case-folded, without
    spaces or punctuation ("发货了吗？" and "发货了吗" are one question). Migration 0002 holds a
    frozen copy of this function."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", redacted).casefold())[:255]
