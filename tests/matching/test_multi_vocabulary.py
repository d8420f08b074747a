"""Messages of two or three questions whose second question spoke words the library had no
example for (issue 10, session 25): a shade chosen for the buyer's skin type (油皮, 干性, 暗黄:
size, as the shade for a skin tone was), how long a mask stays on (敷) or how a new pot is seasoned
(开锅), a bed's or a hand's measure beside a stock question, and 黑心棉 feared. Own wordings; before
the library examples, 2 of these 13 missed a category asked (被芯别是黑心棉吧 beside 再看看吧
still misses its quality card: 黑心 reads upset, so the example asks 会不会是黑心棉 after a question)."""
from __future__ import annotations

from .test_multi_questions import misses

SECOND_QUESTION_WORDS = [
    ("在吗 请问敏感肌偏黄用哪个色号的气垫", {"greeting", "size"}),
    ("你好 我皮肤偏白 粉底液拿哪个色号合适", {"greeting", "size"}),
    ("黄黑皮涂哪个号的粉底不假白 谢谢啦", {"size", "thanks"}),
    ("我脸有点暗黄 遮瑕膏挑哪个色号 有现货吗", {"size", "stock"}),
    ("这个粉底液是正品吗 我油皮该拿哪个色号", {"quality", "size"}),
    ("隔离霜紫的绿的我混油皮该选哪个 先考虑下", {"size", "hesitation"}),
    ("谢谢亲 新买的铁锅要怎么开锅", {"thanks", "care_warranty"}),
    ("好的谢谢 这片面膜敷完要不要洗脸", {"thanks", "care_warranty"}),
    ("一米八的炕用哪个规格的床笠 还有货没", {"size", "stock"}),
    ("两米的床配多大的被罩 灰色还有吗", {"size", "stock"}),
    ("我手掌长十七厘米 这款鼠标握着大不大 有现货吗", {"size", "stock"}),
    ("手比较小 这个鼠标会不会太大 不合适能换吗", {"size", "return_exchange"}),
    ("还在想 就怕被子里填的是黑心棉", {"hesitation", "quality"}),
]


def test_a_second_question_in_words_of_skin_masks_pots_beds_and_hands_reaches_the_first_three(matcher):
    assert not misses(matcher, SECOND_QUESTION_WORDS)


# A remote address's extra charge asked as 要加钱不 beside the courier or the days: the clause alone
# is as close to an invoice's extra charge (开票要加钱吗), and invoice.extra_fee took the third place.
# Before the examples (寄那么远的地方要加钱不 …), 寄青海格尔木 走什么快递 要加钱不 多久能到 missed; it is
# not in the family: alone it gets its shipping_fee card (0.71) but the invoice card sits a hair
# below, and in the whole test run it flips (state some earlier test leaves in the process); these
# five neighbours must not lose the card.
REMOTE_CHARGE_BESIDE = [
    ("发到西藏那曲 用哪家快递 得多收钱吗", {"courier", "shipping_fee"}),
    ("我在内蒙古 要加钱不 几天能到", {"shipping_fee", "delivery_time"}),
    ("寄海南三沙要加钱不 发什么快递", {"shipping_fee", "courier"}),
    ("能发顺丰吗 那边偏远要另外收钱吗", {"courier", "shipping_fee"}),
    ("新疆喀什 要加钱不 啥时候发货", {"shipping_fee", "shipping_time"}),
]


def test_a_remote_addresss_extra_charge_beside_the_courier_or_the_days_reaches_the_first_three(matcher):
    assert not misses(matcher, REMOTE_CHARGE_BESIDE)
