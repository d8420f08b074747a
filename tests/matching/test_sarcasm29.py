"""A fed-up buyer's sarcasm without the word 投诉 (session 29): 呵呵 真行 beside a refund that felt
like begging, 就这 after a week's wait, 人呢 … 不回是吧. The gate read the sarcasm as chatter, or the
card of what the grievance was about (the parcel, the refund, a greeting for 人呢) led; the buyer's
anger is what the agent answers first (telling.grieves, Seconds._grievance_first). Own wordings."""
from __future__ import annotations

from .families import family_misses, first_confident

SARCASM = [
    "呵呵 你们可真行 换个货比登天还难",
    "真行啊 问个尺码跟求你似的",
    "呵呵 等了半个月就这",
    "呵呵 催了三天就这结果",
    "服了 退个款磨磨唧唧的",
    "呵呵 退个钱跟求爷爷告奶奶似的",
    "？？？ 人呢 装死是吧",
    "人呢？？？ 都不回是吧",
    "好样的 问了三遍都没人回",
]

# no grievance against the shop: they keep their own cards
KEPT = [("呵呵 我再考虑考虑", "hesitation"), ("人呢", "greeting"), ("等了三天了还没发货", "logistics"), ("退款怎么还没到账", "return_exchange"),
        ("隔壁店同款枕头才卖五十 你们凭啥卖八十", "bargain")]


def test_sarcasm_at_the_shop_reads_as_a_complaint(matcher):
    wrong = family_misses(matcher, SARCASM, "complaint")
    assert len(wrong) <= 1, wrong


def test_without_the_grievance_the_message_keeps_its_card(matcher):
    got = [(m, first_confident(matcher, m)) for m, _ in KEPT]
    assert got == [(m, c) for m, c in KEPT]
