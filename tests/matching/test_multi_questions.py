"""Messages of two or three questions whose second or third question missed the first three
confident cards (issue 10, session 23): the classes of wording, each with a family of own
wordings that failed before its fix."""
from __future__ import annotations

from types import SimpleNamespace

from kefu_assist.matching import coranker as coranker_module
from kefu_assist.matching.deciding import Deciding


class _Ranker:
    def __init__(self, proba: dict[str, float]):
        self._proba = proba

    def proba(self, text: str) -> dict[str, float]:
        return dict(self._proba)


def test_the_second_class_asked_is_a_shopping_class_not_chatter():
    # 我是学生只有花呗 能便宜点吗: the clause's classes bargain 0.18, chatter 0.09, payment 0.08;
    # chatter in second place kept payment from counting as asked, and three bargain cards filled
    # the first three
    me = SimpleNamespace(_scripts=[])
    ranker = _Ranker({"bargain": 0.18, coranker_module.OFFTOPIC: 0.09, "payment": 0.08, "stock": 0.01})
    asked = Deciding._asked(me, "我是学生只有花呗", ["我是学生只有花呗"], ranker, {})
    assert {"bargain", "payment"} <= asked
    assert "stock" not in asked
    # a second shopping class far below the first is not asked (ASKED_SHARE)
    ranker = _Ranker({"bargain": 0.60, coranker_module.OFFTOPIC: 0.09, "payment": 0.08})
    assert Deciding._asked(me, "能便宜点吗", ["能便宜点吗"], ranker, {}) == {"bargain"}
