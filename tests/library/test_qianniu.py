"""Qianniu 快捷短语 files: reading every variant of the format, turning phrases into a library,
writing a file Qianniu accepts, and import -> export -> import losing nothing."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kefu_assist.library import CATEGORIES, Library, Script, load_library
from kefu_assist.library.codes import code_problem
from kefu_assist.library.qianniu import (
    HEADER,
    LONG_PHRASE,
    UNGROUPED_ID,
    Phrase,
    QianniuError,
    dump_library,
    import_file,
    library_to_phrases,
    map_group,
    phrases_to_library,
    read_bytes,
    read_file,
)

HERE = Path(__file__).parent / "qianniu"
EXPECTED = [
    ("hy", "亲，欢迎光临小店～有什么可以帮您的吗？", "欢迎语"),
    ("by", "亲，全店满99元包邮，新疆、西藏等偏远地区需补差价哦", "运费"),
    ("fp", '亲，可以开发票的，下单后在订单页点"申请开票"就好', "发票相关"),
    ("th", "亲，退换货请在订单页申请，\n七天无理由退货，来回运费看原因哦", "售后"),
    ("cf", "亲，您的订单还没付款哦，今天下午4点前付款当天发货", "催付"),
    ("zbj", "直播间下单备注暗号，送小礼品一份", "直播间活动"),
    ("zd", "好的亲，有问题随时找我～", ""),
]


@pytest.mark.parametrize(
    "name, encoding",
    [("gbk.csv", "GBK"), ("utf8-bom.csv", "UTF-8 (BOM)"), ("utf8.csv", "UTF-8"), ("old-header.csv", "GBK")],
)
def test_every_variant_of_the_format_reads_the_same(name, encoding):
    """GBK, UTF-8 with and without BOM, the older header, CRLF and LF, a multi-line quoted
    phrase, doubled quotes, Excel's leading tab, an empty group."""
    result = read_file(HERE / name)
    assert result.encoding == encoding
    assert [(p.code, p.text, p.group) for p in result.phrases] == EXPECTED
    assert result.notes == []
    assert [p.line for p in result.phrases][:5] == [2, 3, 4, 5, 7]  # the multi-line phrase takes lines 5-6


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_tab_or_semicolon_separated_files_read_too(delimiter):
    raw = (HERE / "utf8.csv").read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    result = read_bytes(buf.getvalue().encode("utf-8"))
    assert [(p.code, p.text, p.group) for p in result.phrases] == EXPECTED


def test_groups_map_to_the_23_only_where_the_name_says_so():
    assert map_group("售后") == "return_exchange"
    assert map_group("退换货") == "return_exchange"
    assert map_group("物流") == "logistics"
    assert map_group("物流问题") == "logistics"
    assert map_group("快递") == "courier"
    assert map_group("发票相关") == "invoice"
    assert map_group("质量问题") == "defect"  # not quality: 质量问题 is a damaged item
    assert map_group("包邮/运费") == "shipping_fee"  # the built-in labels themselves
    assert map_group("invoice") == "invoice"
    assert map_group(" 欢迎语 ") == "greeting"
    for own in ("直播间活动", "退款", "新品", "物流快递", "售后服务卡", ""):
        assert map_group(own) is None, own
    # every built-in label maps to its id
    assert all(map_group(label) == cid for cid, label in CATEGORIES.items())


def test_import_writes_a_library_that_loads(tmp_path):
    out = tmp_path / "qn.yaml"
    read, imported = import_file(HERE / "gbk.csv", out)
    result = load_library(out)
    assert result.ok, [str(p) for p in result.problems]
    lib = result.library
    by_code = {s.code: s for s in lib.scripts}
    assert by_code["by"].category == "shipping_fee" and by_code["by"].id == "shipping_fee.by"
    assert by_code["th"].category == "return_exchange" and by_code["th"].replies == (EXPECTED[3][1],)
    assert by_code["cf"].category == "payment"
    assert by_code["zd"].category == UNGROUPED_ID and lib.category_label(UNGROUPED_ID) == "未分组"
    own = by_code["zbj"].category
    assert own not in CATEGORIES and lib.category_label(own) == "直播间活动" and own.isascii()
    assert lib.category_label("shipping_fee") == "运费"  # the shop's own name for a built-in category
    assert all(s.agent_initiated for s in lib.scripts)  # no examples until someone adds them
    assert by_code["fp"].title == '亲，可以开发票的，下单后在订单页点"申…' and len(by_code["fp"].title) == 20


def test_import_refuses_to_overwrite_and_writes_atomically(tmp_path):
    out = tmp_path / "qn.yaml"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(QianniuError, match="already exists"):
        import_file(HERE / "gbk.csv", out)
    assert out.read_text(encoding="utf-8") == "keep me"
    import_file(HERE / "gbk.csv", out, force=True)
    assert load_library(out).ok
    assert [p.name for p in tmp_path.iterdir()] == ["qn.yaml"]  # no temporary file left


def csv_bytes(*rows, header=HEADER, encoding="gbk") -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode(encoding)


def test_codes_are_made_valid_and_unique_and_every_change_is_reported():
    phrases = read_bytes(csv_bytes(("BY", "包邮哦", ""), ("by", "也包邮", ""), ("1", "在的亲", ""), ("", "好的", ""), ("a1", "收到", ""), ("ｆｐ", "发票", ""))).phrases
    imported = phrases_to_library(phrases, "f.csv")
    codes = [s["code"] for s in imported.data["scripts"]]
    assert codes[0] == "by" and codes[5] == "fp"
    assert len(set(codes)) == len(codes) and all(code_problem(c) is None for c in codes)
    text = "\n".join(map(str, imported.notes))
    for line, fragment in ((2, "written as 'by'"), (3, "used by an earlier phrase"), (4, "digit"), (5, "has no code"), (6, "digit")):
        assert f"f.csv:{line}:" in text and fragment in text, (line, fragment, text)


def test_long_phrases_are_reported_never_cut():
    long = "亲" * (LONG_PHRASE + 10)
    result = read_bytes(csv_bytes(("cc", long, "")), "f.csv")
    assert result.phrases[0].text == long
    assert any("long" in n.message and n.where == "f.csv:2" for n in result.notes)


def test_an_empty_phrase_is_reported_and_skipped():
    result = read_bytes(csv_bytes(("aa", "  ", "x"), ("bb", "有内容", "x")), "f.csv")
    assert [p.code for p in result.phrases] == ["bb"]
    assert "f.csv:2: no phrase text" in str(result.notes[0])


@pytest.mark.parametrize(
    "raw, fragment",
    [
        (b"", "empty"),
        (b"\r\n\r\n", "empty"),
        ("名字,电话\r\n张三,138\r\n".encode("gbk"), "not a Qianniu phrase header"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"PK\x03\x04\x14\x00", "Excel workbook"),
        ("快捷短语编码,快捷短语,快捷短语分组\r\n".encode("utf-16"), "UTF-16"),
        (b"\x81\x30\x81\xff\xff\xfe", "neither GBK nor UTF-8"),
        (b"\xef\xbb\xbf\xe5\xbf\xab\xff", "not UTF-8"),
        (HEADER[0].encode("gbk") + b"\r\n", "not a Qianniu phrase header"),
    ],
)
def test_bad_files_get_a_clear_message(raw, fragment):
    with pytest.raises(QianniuError, match=fragment):
        read_bytes(raw, "bad.csv")


def test_a_header_without_phrases_is_refused(tmp_path):
    path = tmp_path / "h.csv"
    path.write_bytes(",".join(HEADER).encode("gbk") + b"\r\n")
    with pytest.raises(QianniuError, match="no phrases"):
        import_file(path, tmp_path / "out.yaml")


def test_files_that_are_not_regular_files_are_refused_without_blocking(tmp_path):
    with pytest.raises(QianniuError, match="no such file"):
        read_file(tmp_path / "missing.csv")
    with pytest.raises(QianniuError, match="folder"):
        read_file(tmp_path)
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.csv"
        os.mkfifo(fifo)
        with pytest.raises(QianniuError, match="not a regular file"):
            read_file(fifo)
    big = tmp_path / "big.csv"
    with big.open("wb") as fh:
        fh.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(QianniuError, match="larger than 20 MB"):
        read_file(big)


# -- export ----------------------------------------------------------------------------------
def test_export_writes_every_variant_with_unique_valid_codes_in_gbk():
    lib = Library(
        (
            Script("a.free", "shipping_fee", "包邮吗", ("亲，{shop}包邮", "第二种说法"), code="by"),
            Script("a.remote", "shipping_fee", "包邮吗", ("偏远地区{unknown}补差价",)),  # no code: from the title, not 'by'
            Script("b.x", "ungrouped", "7天无理由", ("七天无理由退货",)),
            Script("b.emoji", "greeting", "问候", ("亲😊在的", "{{花括号}}")),
        ),
        placeholders={"shop": "小店"},
        categories={**CATEGORIES, "ungrouped": "未分组"},
    )
    exported = library_to_phrases(lib)
    codes = [r[0] for r in exported.rows]
    assert len(set(codes)) == len(codes) and all(code_problem(c) is None for c in codes), codes
    assert exported.rows[0] == ("by", "亲，小店包邮", "包邮/运费")
    assert exported.rows[1][0] != "by" and exported.rows[1][1] == "第二种说法"
    assert exported.rows[3] == (codes[3], "七天无理由退货", "")  # ungrouped is an empty group
    assert codes[3] == "twly"  # the digit is skipped, never at either end
    assert exported.rows[5][1] == "{花括号}"
    notes = "\n".join(map(str, exported.notes))
    assert "a.remote: placeholder {unknown} has no value" in notes
    assert "b.emoji: GBK cannot hold 😊 (U+1F60A)" in notes
    payload = exported.encode()
    back = read_bytes(payload, "out.csv")
    assert back.encoding == "GB18030"  # the emoji kept, not dropped
    assert [(p.code, p.text, p.group) for p in back.phrases] == exported.rows
    assert payload.startswith(",".join(HEADER).encode("gbk") + b"\r\n")


def test_a_gbk_only_export_is_plain_gbk():
    lib = Library((Script("a", "greeting", "问候", ("亲，在的",), code="zd"),), categories=CATEGORIES)
    payload = library_to_phrases(lib).encode()
    assert read_bytes(payload).encoding == "GBK"
    assert payload.decode("gbk").splitlines()[1] == "zd,亲，在的,问候"


def test_the_shipped_library_exports_completely(shipped_library_path):
    lib = load_library(shipped_library_path).library
    exported = library_to_phrases(lib)
    assert len(exported.rows) == sum(len(s.replies) for s in lib.scripts)
    codes = [r[0] for r in exported.rows]
    assert len(set(codes)) == len(codes) and all(code_problem(c) is None for c in codes)
    back = read_bytes(exported.encode())
    assert len(back.phrases) == len(exported.rows)


# -- round trip ------------------------------------------------------------------------------
def library_of(tmp_path: Path, raw: bytes, name: str) -> Library:
    (tmp_path / f"{name}.csv").write_bytes(raw)
    import_file(tmp_path / f"{name}.csv", tmp_path / f"{name}.yaml", force=True)
    result = load_library(tmp_path / f"{name}.yaml")
    assert result.ok, [str(p) for p in result.problems]
    return result.library


def comparable(lib: Library):
    return (
        [(s.id, s.category, s.title, s.code, s.replies, s.examples) for s in lib.scripts],
        {c: lib.category_label(c) for c in {s.category for s in lib.scripts}},
    )


GROUPS = st.sampled_from(["", "售后", "退换货", "运费", "包邮/运费", "直播间", "新品 上架", "VIP客户", "物流", "ungrouped", "未分组", "发票"])
CODES = st.one_of(st.just(""), st.sampled_from(["by", "BY", "fp", "1", "a1", "th", "x"]), st.from_regex(r"[a-z][a-z0-9]{0,4}", fullmatch=True))
PHRASE = st.text(min_size=1, max_size=60).filter(lambda t: t.strip())


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(CODES, PHRASE, GROUPS), min_size=1, max_size=12), st.sampled_from(["gbk", "utf-8", "utf-8-sig"]))
def test_import_export_import_loses_nothing(tmp_path, rows, encoding):
    """Any phrases, codes and groups: the library from the re-imported export equals the
    library from the first import, and exporting it again gives the same file."""
    rows = [(c, t, g) for c, t, g in rows]
    try:
        raw = csv_bytes(*rows, encoding=encoding)
    except UnicodeEncodeError:
        raw = csv_bytes(*rows, encoding="gb18030")
    try:
        first_read = read_bytes(raw)
    except QianniuError as exc:  # only when every phrase is blank after cleaning
        assert "empty" in str(exc) or "binary" in str(exc)
        return
    if not first_read.phrases:
        return
    first = library_of(tmp_path, raw, "first")
    # phrases and codes survive the first import exactly (bar control characters and the
    # surrounding white space the library never keeps)
    assert [s.replies[0].replace("{{", "{").replace("}}", "}") for s in first.scripts] == [p.text for p in first_read.phrases]
    exported = library_to_phrases(first)
    second = library_of(tmp_path, exported.encode(), "second")
    assert comparable(second) == comparable(first)
    assert library_to_phrases(second).encode() == exported.encode()
    groups = {p.group for p in first_read.phrases}
    if len({map_group(g) for g in groups if map_group(g)}) == len([g for g in groups if map_group(g)]):
        # no two groups merged into one category: every group name comes back as written
        assert {r[2] for r in exported.rows} == groups


def test_dump_library_keeps_multi_line_replies_readable():
    imported = phrases_to_library([Phrase("ab", "第一行\n第二行", "", 2)])
    text = dump_library(imported.data, "x.csv")
    assert "  - |-\n    第一行\n    第二行\n" in text


@pytest.mark.slow
@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["", "a", "qnh", "abcdefghijklmnopqrst"]), st.integers(690, 760))
def test_unique_code_always_finds_a_free_valid_code(base, crowd):
    """Past the 703 one- and two-letter suffixes of one base too (a file of phrases that all
    start alike)."""
    from kefu_assist.library.qianniu import unique_code

    taken: set[str] = set()
    for _ in range(crowd):
        taken.add(unique_code(base, taken))
    code = unique_code(base, taken)
    assert code not in taken and code_problem(code) is None
