"""A clause that asks the shop whether it has something (你们收到了吗) beside another question got
a thank-you card, confident, in the first three (thanks.satisfied at 0.6-0.7 for 收到了): the card
answers no question of the message (issue 10, session 25). Own wordings; before, 4 of these 6 showed
a thanks card."""
from __future__ import annotations

ASKED_WHETHER_RECEIVED = [
    "退回去的鞋 你们收到了吗 钱什么时候退",
    "换货的包裹寄出去四天了 你们收到了没 新的什么时候发",
    "我寄回的那件 你们那边收到了吗 退款几天到账",
    "退的货已经签收了 你们收到了吗 怎么还没退钱",
    "我把发票寄回去了 你们收到了吗 重开的什么时候寄",
    "照片发过去了 你们收到了吗 能补发吗",
]

# a clause that thanks or agrees keeps its card beside the question
THANKED_BESIDE_A_QUESTION = [
    "好的谢谢 那几号能到",
    "收到了 很满意 还有同款别的颜色吗",
    "好的 知道了 那什么时候发货",
]


def sure(matcher, message: str) -> list[str]:
    return [s.category for s in matcher.suggest(message) if s.confident]


def test_a_clause_asking_whether_the_shop_received_something_gets_no_thank_you_card(matcher):
    shown = [(message, got) for message in ASKED_WHETHER_RECEIVED if "thanks" in (got := sure(matcher, message))]
    assert not shown


def test_a_clause_that_thanks_beside_a_question_keeps_its_card(matcher):
    lost = [(message, got) for message in THANKED_BESIDE_A_QUESTION if "thanks" not in (got := sure(matcher, message))[:3]]
    assert not lost


# A bare receipt is where the buyer found the fault, not a thank-you (session 27: 东西收到了 盖子是裂的
# showed thanks.satisfied, 收到很满意, confident at Ctrl+2 beside the defect card). Own wordings.
RECEIVED_AND_FOUND_WRONG = [
    "东西收到了 盖子是裂的",
    "收到了 有点色差",
    "货到了 少了一个配件",
    "快递到了 外箱都压扁了 里面的碗碎了两个",
    "收到了 怎么跟图片上的不一样",
    "到了到了 尺码发错了 我要的是L",
]

# the same receipt with thanks or praise keeps its card
RECEIVED_AND_PLEASED = [
    "收到了 谢谢 那发票什么时候开",
    "东西收到了 很喜欢 还有别的颜色吗",
]


def test_a_bare_receipt_beside_a_fault_gets_no_thank_you_card(matcher):
    shown = [(message, got) for message in RECEIVED_AND_FOUND_WRONG if "thanks" in (got := sure(matcher, message)) or not got]
    assert not shown


def test_a_receipt_with_thanks_beside_a_question_keeps_its_card(matcher):
    missing = [(message, got) for message in RECEIVED_AND_PLEASED if "thanks" not in (got := sure(matcher, message))]
    assert not missing
