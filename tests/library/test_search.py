"""Search over a library (浏览全部, `kefu-assist find`, the /code lookup): codes, titles, pinyin
with every reading, replies and examples; ranked; spans in the text as written."""
from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kefu_assist.library import Library, Script, load_library
from kefu_assist.library.search import (
    RANK_BODY,
    RANK_CODE,
    RANK_CODE_PREFIX,
    RANK_INITIALS,
    RANK_KEYWORD,
    RANK_PINYIN,
    RANK_TITLE,
    SearchIndex,
    fold,
)

LIB = """\
version: 1
categories: {livestream: 直播间}
scripts:
  - id: shipping_fee.free
    category: shipping_fee
    title: 包邮吗
    code: by
    examples: [包邮吗, 免运费吗]
    replies: ["亲，全国包邮哦"]
  - id: shipping_fee.remote
    category: shipping_fee
    title: 偏远地区运费
    code: byy
    replies: ["亲，新疆西藏需要补邮费哦"]
  - id: invoice.available
    category: invoice
    title: 能開發票嗎
    code: fp
    examples: [能开发票吗]
    replies: ["亲，可以开发票的，下单时填写抬头就好"]
  - id: stock.restock
    category: stock
    title: 还有货吗
    examples: [M码还有吗]
    keywords: [补货]
    replies: ["亲，这款正在补货中，预计三天后到"]
  - id: logistics.resend
    category: logistics
    title: 重发一个
    replies: ["亲，给您重新发一个包裹，单号稍后发您"]
  - id: bargain.cheap
    category: bargain
    title: 别家更便宜
    replies: ["亲，我们的面料更厚实，送您运费险"]
  - id: livestream.hello
    category: livestream
    title: 直播间问好
    replies: ["欢迎来到直播间～"]
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> SearchIndex:
    path = tmp_path_factory.mktemp("lib") / "lib.yaml"
    path.write_text(LIB, encoding="utf-8")
    result = load_library(path)
    assert result.ok, [str(p) for p in result.problems]
    return SearchIndex(result.library)


def ids(hits):
    return [h.script.id for h in hits]


def test_an_exact_code_comes_first_then_longer_codes(index):
    hits = index.search("by")
    assert ids(hits)[:2] == ["shipping_fee.free", "shipping_fee.remote"]
    assert [h.rank for h in hits[:2]] == [RANK_CODE, RANK_CODE_PREFIX]
    assert hits[0].match.field == "code" and hits[0].match.marked() == "【by】"


@pytest.mark.parametrize(
    "query, script_id, rank, marked",
    [
        ("包邮", "shipping_fee.free", RANK_TITLE, "【包邮】吗"),
        ("包郵", "shipping_fee.free", RANK_TITLE, "【包邮】吗"),  # traditional query
        ("发票", "invoice.available", RANK_TITLE, "能開【發票】嗎"),  # traditional title, span in it
        ("ＢＡＯＹＯＵ", "shipping_fee.free", RANK_PINYIN, "【包邮】吗"),  # full width, upper case
        ("baoyou", "shipping_fee.free", RANK_PINYIN, "【包邮】吗"),
        ("baoy", "shipping_fee.free", RANK_PINYIN, "【包邮】吗"),  # last syllable typed in part
        ("bao you", "shipping_fee.free", RANK_PINYIN, "【包邮】吗"),
        ("pyd", "shipping_fee.remote", RANK_INITIALS, "【偏远地】区运费"),
        ("hyhm", "stock.restock", RANK_INITIALS, "【还有货吗】"),
        ("huanyou", "stock.restock", RANK_PINYIN, "【还有】货吗"),  # 还: hai and huan
        ("haiyou", "stock.restock", RANK_PINYIN, "【还有】货吗"),
        ("zf", "logistics.resend", RANK_INITIALS, "【重发】一个"),  # 重: zhong and chong
        ("cf", "logistics.resend", RANK_INITIALS, "【重发】一个"),
        ("pianyi", "bargain.cheap", RANK_PINYIN, "别家更【便宜】"),
        ("buhuo", "stock.restock", RANK_KEYWORD, "【补货】"),
        ("zbj", "livestream.hello", RANK_INITIALS, "【直播间】问好"),
        ("运费险", "bargain.cheap", RANK_BODY, "亲，我们的面料更厚实，送您【运费险】"),
        ("M码", "stock.restock", RANK_BODY, "【M码】还有吗"),
    ],
)
def test_each_way_of_finding_a_script(index, query, script_id, rank, marked):
    hits = index.search(query)
    assert hits, query
    hit = next(h for h in hits if h.script.id == script_id)
    assert hit.rank == rank and hit.match.marked() == marked
    assert hits[0].rank <= hit.rank


def test_a_syllable_is_matched_from_its_start_only(index):
    """aoyo is inside baoyou but starts no syllable: no hit."""
    assert index.search("aoyo") == []


def test_no_hit_is_an_empty_list(index):
    assert index.search("xyzxyz") == [] and index.search("没有这个词") == []


def test_empty_query_lists_a_category_in_library_order(index):
    assert ids(index.search("", category="shipping_fee")) == ["shipping_fee.free", "shipping_fee.remote"]
    assert len(index.search("   ")) == len(index.scripts)
    assert ids(index.search("yunfei", category="bargain")) == []
    assert ids(index.search("by", category="invoice")) == []
    assert ids(index.search("f", category="invoice")) == ["invoice.available"]


def test_limit(index):
    assert len(index.search("亲", limit=2)) == 2
    assert len(index.search("亲", limit=None)) == 6


def test_by_code_and_code_prefix(index):
    assert index.by_code("by").id == "shipping_fee.free"
    assert index.by_code("ＢＹ ").id == "shipping_fee.free"
    assert index.by_code("b") is None
    assert [s.id for s in index.code_prefix("b")] == ["shipping_fee.free", "shipping_fee.remote"]
    assert [s.id for s in index.code_prefix("byy")] == ["shipping_fee.remote"]
    assert index.code_prefix("") == []


# -- against a naive reference ------------------------------------------------------------
WORDS = st.sampled_from(["包邮", "發票", "还有", "货", "重发", "便宜", "Ｍ码", "亲", "运费", "ab", "XL", "～", "长", "了"])
TEXT = st.lists(WORDS, min_size=1, max_size=4).map("".join)
CODE = st.sampled_from([None, "by", "byy", "fp", "b", "hy"])


@st.composite
def libraries(draw):
    n = draw(st.integers(1, 6))
    codes = draw(st.lists(CODE, min_size=n, max_size=n))
    seen: set[str] = set()
    scripts = []
    for k in range(n):
        code = codes[k] if codes[k] not in seen else None
        if code:
            seen.add(code)
        scripts.append(
            Script(
                id=f"s{k}",
                category=draw(st.sampled_from(["shipping_fee", "invoice"])),
                title=draw(TEXT),
                replies=tuple(draw(st.lists(TEXT, min_size=1, max_size=2))),
                examples=tuple(draw(st.lists(TEXT, max_size=2))),
                keywords=tuple(draw(st.lists(TEXT, max_size=1))),
                code=code,
            )
        )
    return Library(tuple(scripts), categories={"shipping_fee": "包邮/运费", "invoice": "发票"})


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(libraries(), st.one_of(TEXT, CODE.filter(bool)))
def test_text_search_agrees_with_a_naive_reference(library, query):
    """Every script holding the query as text (any field) is found; every hit's highlight spells
    the query (text) or is in the title/keyword/category it was found by (pinyin)."""
    index = SearchIndex(library)
    hits = index.search(query, limit=None)
    q = "".join(fold(query).split())
    naive = set()
    for s in library.scripts:
        fields = [s.title, *s.replies, *s.examples, *s.keywords, library.category_label(s.category), s.id, s.code or ""]
        if any(q in fold(f) for f in fields):
            naive.add(s.id)
    found = ids(hits)
    assert len(found) == len(set(found))
    assert naive <= set(found)
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    for h in hits:
        m = h.match
        assert m is not None and m.spans
        if h.rank in (RANK_CODE, RANK_CODE_PREFIX, RANK_TITLE, RANK_BODY):
            assert all(fold(m.text[a:b]) == q or h.rank == RANK_CODE_PREFIX for a, b in m.spans)
    exact = [s.id for s in library.scripts if s.code == q]
    if exact:
        assert found[0] == exact[0]


def test_the_service_builds_the_index_once_per_library(tmp_path):
    from kefu_assist.service import AssistService

    path = tmp_path / "lib.yaml"
    path.write_text(LIB, encoding="utf-8")
    service = AssistService()
    service.load(path)
    first = service.search_index()
    assert service.search_index() is first and first.by_code("fp").id == "invoice.available"
    path.write_text(LIB.replace("code: fp", "code: kp"), encoding="utf-8")
    service.load(path)
    second = service.search_index()
    assert second is not first and second.by_code("fp") is None and second.by_code("kp").id == "invoice.available"


# -- a limit, a category and the order within a rank ----------------------------------------------
PINYIN_QUERIES = st.sampled_from(["b", "ba", "bao", "baoyou", "by", "fp", "you", "y", "a", "h", "hy", "fa", "fapiao", "yunfei", "zhong", "x", "l"])
MANY_WORDS = st.sampled_from(["包邮", "發票", "还有", "货", "重发", "便宜", "运费", "亲", "包", "邮费", "保", "发货", "有", "码", "了"])


@st.composite
def bigger_libraries(draw):
    """Up to 40 scripts of few words: many share a word, so a rank holds more than a limit."""
    n = draw(st.integers(1, 40))
    text = st.lists(MANY_WORDS, min_size=1, max_size=3).map("".join)
    scripts = [
        Script(
            id=f"s{k}",
            category=draw(st.sampled_from(["shipping_fee", "invoice", "other"])),
            title=draw(text),
            replies=tuple(draw(st.lists(text, min_size=1, max_size=2))),
            examples=tuple(draw(st.lists(text, max_size=2))),
            keywords=tuple(draw(st.lists(text, max_size=2))),
            code=draw(st.sampled_from([None, f"b{k}", f"fp{k}"])),
        )
        for k in range(n)
    ]
    return Library(tuple(scripts), categories={"shipping_fee": "包邮/运费", "invoice": "发票", "other": "其他"})


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bigger_libraries(), st.one_of(st.lists(MANY_WORDS, min_size=1, max_size=2).map("".join), PINYIN_QUERIES), st.integers(1, 12),
       st.sampled_from([None, "shipping_fee", "invoice"]))
def test_a_limited_search_is_the_head_of_the_whole_ranking(library, query, limit, category):
    """A search that stops early (a limit, a category) lists exactly the first scripts of the
    whole ranking; within a rank, scripts come by where the query stands (title, reply/example
    ranks), then by a shorter title, then in library order."""
    index = SearchIndex(library)
    whole = index.search(query, limit=None)
    assert [(h.script.id, h.rank) for h in index.search(query, limit=limit)] == [(h.script.id, h.rank) for h in whole[:limit]]
    in_category = [h for h in whole if h.script.category == category] if category else whole
    limited = index.search(query, category=category, limit=limit)
    assert [(h.script.id, h.rank) for h in limited] == [(h.script.id, h.rank) for h in in_category[:limit]]
    q = "".join(fold(query).split())
    order = {s.id: i for i, s in enumerate(library.scripts)}

    def key(h):
        s = h.script
        shape = (len(fold(s.title)), order[s.id])
        if h.rank == RANK_TITLE:
            return (fold(s.title).find(q), *shape)
        if h.rank == RANK_BODY:
            return (fold("\x00".join((*s.replies, *s.examples))).find(q), *shape)
        return shape

    for rank in {h.rank for h in whole}:
        group = [h for h in whole if h.rank == rank]
        assert [h.script.id for h in group] == [h.script.id for h in sorted(group, key=key)]
