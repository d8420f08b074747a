"""A greeting followed by a clause that only says the buyer has something to ask (想问问, 问您个事,
想咨询一下, 我爸叫我来问一下): the greeting card comes first (rank28, issue 10). Scored alone the
bare lead-in read as hesitation (问问 of 我问问我老公) or a complaint and was shown ahead of it.
Own wordings, none a line of an evaluation set."""
from __future__ import annotations

import pytest

from kefu_assist.matching.helpers import _BARE_ASK_RE, _told_then_asked

from .families import family_misses

GREETING_THEN_BARE_ASK = [
    "掌柜的在不在 想问问",
    "亲 在不 想咨询一下",
    "有人没 请教个问题",
    "客服在吗 打听个事",
    "你好呀 问您个事",
    "老板娘在么 我爸叫我来问一下",
]


@pytest.mark.parametrize("message", GREETING_THEN_BARE_ASK)
def test_a_greeting_with_a_bare_lead_in_is_a_greeting(matcher, message):
    assert family_misses(matcher, [message], "greeting") == []


# asking someone else before deciding is still hesitation, and a lead-in with its question keeps it
@pytest.mark.parametrize(("message", "category"), [
    ("好的 我问问我老公", "hesitation"),
    ("行 我问一下家里人再说", "hesitation"),
    ("在吗 想问问这个有货吗", "stock"),
])
def test_asking_someone_else_or_with_an_object_is_kept(matcher, message, category):
    assert family_misses(matcher, [message], category) == []


def test_only_bare_lead_ins_are_left_out():
    for bare in ["想问问", "我想问一下", "问你个事儿", "想咨询下", "请教个问题", "我妈让我问问"]:
        assert _BARE_ASK_RE.fullmatch(bare), bare
    for kept in ["我问问", "问一下", "问问", "我问问我老公", "想问问车厘子", "我老公让我问问能不能便宜"]:
        assert not _BARE_ASK_RE.fullmatch(kept), kept
    assert _told_then_asked(["在吗", "想问问"]) == ["在吗"]
    assert _told_then_asked(["想问问"]) == ["想问问"]
