"""坏了 after a feeling or a state of the body says 'very' (乐坏了, 高兴坏了, 把我急坏了, 孩子饿坏了), not
that something broke: the fault scripts took such chatter as a confident defect card (normalize._DEGREE_RE).
What breaks goods keeps its fault reading: 摔坏了, 冻坏了, 充气坏了, 收到就坏了. Wordings of our own."""
from __future__ import annotations

import pytest

from kefu_assist.matching.normalize import normalize, normalize_many

DEGREES = [
    "我闺女今天拿了三好学生 把我乐坏了",
    "高兴坏了",
    "周末带娃去动物园 孩子开心坏了",
    "一路跑过来 累坏了",
    "早饭没吃 饿坏了",
    "孙子发烧一晚上 把我急坏了",
    "刚才打雷 狗吓坏了",
]

FAULTS = [
    ("杯子到手摔坏了", "defect"),
    ("橙子冻坏了好几个", "defect"),
    ("游泳圈充气坏了 漏气", "defect"),
    ("收到就坏了", "defect"),
]


@pytest.mark.parametrize("message", DEGREES)
def test_a_degree_after_a_feeling_is_no_fault(matcher, message):
    assert "坏" not in normalize(message)
    assert [s.category for s in matcher.suggest(message) if s.confident and s.category == "defect"] == []


@pytest.mark.parametrize(("message", "category"), FAULTS)
def test_broken_goods_stay_a_fault(matcher, message, category):
    assert "坏" in normalize(message)
    first = next(s for s in matcher.suggest(message) if s.confident)
    assert first.category == category


def test_the_library_and_a_message_read_the_same():
    texts = [m for m in DEGREES] + [m for m, _ in FAULTS]
    assert normalize_many(texts) == [normalize(t) for t in texts]
