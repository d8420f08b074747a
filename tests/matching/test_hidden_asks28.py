"""Messages of two questions where one is hidden (issue 10, session 28), each class with a family
of own wordings that failed on main before its fix.

- A second question typed on after the first without a break: after an A-not-A of a two-character
  word (暖和不暖和|还有包不包邮) and before 还有 opening a request (…还有我要开发票):
  normalize.run_on_pieces.
- A fault told as a statement beside a question (helpers._tells_fault, Deciding._faults_told): a
  wrong item told as what came (我要大号的你们发了个小号的过来), what came dead or yellowing (小鸡苗
  死了好几只), what runs hot (用着有点发烫).
"""
from __future__ import annotations

from kefu_assist.matching.helpers import _tells_fault
from kefu_assist.matching.normalize import run_on_pieces


def top3(matcher, message: str) -> list[str]:
    return [s.category for s in matcher.suggest(message) if s.confident][:3]


def misses(matcher, family: list[tuple[str, set[str]]]) -> list[tuple[str, list[str]]]:
    return [(message, got) for message, wanted in family if not wanted <= set(got := top3(matcher, message))]


# Before: 0 of 2 complete (one clause, the second question's card only).
RUN_ON = [
    ("这件羽绒服暖和不暖和还有包不包邮", {"quality", "shipping_fee"}),
    ("电饭煲好用不好用还有我要开发票", {"quality", "invoice"}),
]


def test_a_question_typed_on_after_an_a_not_a_or_before_a_request_gets_its_card(matcher):
    assert misses(matcher, RUN_ON) == []


def test_the_run_on_cuts_leave_whole_what_is_one_question():
    assert run_on_pieces("这个暖和不暖和还有包不包邮") == ["这个暖和不暖和", "还有包不包邮"]
    for clause in ("知道不知道你们在哪发货", "白色还有货吗", "还有我要的那个色吗", "喜欢不喜欢看"):
        assert run_on_pieces(clause) == [clause]


# Before: 0 of 5 complete (the fault's clause read as chatter, no defect card).
FAULTS_TOLD = [
    ("我要大号的你们发了个小号的过来 我要投诉", {"complaint", "defect"}),
    ("我订的白色你们寄了件黑色的来 能换吗", {"return_exchange", "defect"}),
    ("小鸡苗死了好几只 能退吗", {"return_exchange", "defect"}),
    ("虾苗死了好多 我要投诉", {"complaint", "defect"}),
    ("充电器用着有点发烫 保修几年", {"care_warranty", "defect"}),
]


def test_a_fault_told_beside_a_question_gets_the_defect_card(matcher):
    assert misses(matcher, FAULTS_TOLD) == []


def test_what_only_sounds_like_a_fault_is_none():
    for clause in ("笑死了", "累死了", "会不会发烫", "闪电发货", "他们发了个链接给我", "叶子会不会发黄"):
        assert not _tells_fault(clause)


# Before: 0 of 5 complete (the measure or the device told read as chatter, no size card).
FITS_TOLD = [
    ("还有大码的吗 我闺女个头高", {"stock", "size"}),
    ("这款还有货吗 俺孙子个子矮 才一米二", {"stock", "size"}),
    ("不合适可以换吗 我车是朗逸", {"return_exchange", "size"}),
    ("能退吗 我的车是途观", {"return_exchange", "size"}),
    ("有黑色的吗 我的手机是荣耀90", {"stock", "size"}),
]


def test_the_buyers_measure_or_device_told_beside_a_question_gets_the_size_card(matcher):
    assert misses(matcher, FITS_TOLD) == []


def test_no_size_card_for_a_car_told_of_otherwise(matcher):
    for message in ("什么时候发货 我车是新买的", "包邮吗 我车在楼下等着"):
        assert "size" not in top3(matcher, message)
