"""Whole-script edits from the editor (update, add, delete) spliced into a team lead's YAML:
the edited script's lines change, every other byte stays, and the file reads back as meant."""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kefu_assist.library import load_library
from kefu_assist.library.writer import (
    WriteError, add_script, delete_script, script_fields, update_script,
)

LIB = """\
# 本店话术（组长维护）
version: 1
placeholders:
  shop: 小店   # 店名
categories:
  after_sale: 售后
scripts:
  # 议价
  - id: bargain.basic
    category: bargain
    title: 议价   # 标题注释
    examples: [能便宜点吗, 少点呗,
      再优惠点]   # 常见说法
    replies:
      - "亲，价格已经很实惠了哦～"

  # 运费
  - id: shipping.free
    category: shipping_fee
    title: '包邮'
    code: by
    examples:
      - 包邮吗
      - "运费多少"   # 带引号
    keywords: [包邮]
    replies: ["亲，全国包邮（偏远地区除外）～"]
  - id: payment.remind
    category: payment
    title: 催付
    replies: ["亲，您的订单还没付款哦～"]
# 文件末尾的注释
"""

IDS = ["bargain.basic", "shipping.free", "payment.remind"]
CODES = {"bargain.basic": "yj", "shipping.free": "by", "payment.remind": "cf"}


def _write(tmp_path: Path, text: str = LIB, name: str = "scripts.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _diff(before: str, after: str) -> tuple[list[str], list[str]]:
    lines = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
             if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    return [x[1:] for x in lines if x[0] == "-"], [x[1:] for x in lines if x[0] == "+"]


def _lib(path: Path):
    result = load_library(path)
    assert result.library is not None and not result.errors, result.problems
    return result.library


def _block(text: str, script_id: str) -> list[str]:
    """The original lines of one script (from its ``- id:`` to the next script or the end)."""
    lines = text.splitlines()
    start = lines.index(f"  - id: {script_id}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id: ") or lines[i].startswith("# 文件")), len(lines))
    return lines[start:end]


def test_changing_one_field_rewrites_only_that_field(tmp_path):
    path = _write(tmp_path)
    fields = script_fields(_lib(path).get("shipping.free"))
    fields["title"] = "包邮说明"
    result = update_script(path, "shipping.free", fields)
    after = path.read_text(encoding="utf-8")
    assert result.action == "updated"
    removed, added = _diff(LIB, after)
    assert removed == ["    title: '包邮'"] and added == ["    title: 包邮说明"]
    assert _lib(path).get("shipping.free").title == "包邮说明"
    assert (tmp_path / "scripts.yaml.bak").read_text(encoding="utf-8") == LIB


def test_changed_lists_keep_their_style_and_comments_elsewhere_stay(tmp_path):
    path = _write(tmp_path)
    fields = script_fields(_lib(path).get("bargain.basic"))
    fields["examples"] = ["能便宜点吗", "再少点"]
    fields["keywords"] = ["便宜"]
    fields["replies"] = ["亲，已经是最低价啦", "亲，小店薄利多销哦"]
    fields["code"] = "yj"
    update_script(path, "bargain.basic", fields)
    after = path.read_text(encoding="utf-8")
    assert "    examples: [能便宜点吗, 再少点]\n" in after  # flow stays flow
    assert "      - 亲，小店薄利多销哦\n" in after  # block stays block
    for comment in ("# 本店话术（组长维护）", "# 店名", "# 议价", "# 标题注释", "# 运费", "# 带引号", "# 文件末尾的注释"):
        assert comment in after
    s = _lib(path).get("bargain.basic")
    assert (s.examples, s.keywords, s.replies, s.code) == (("能便宜点吗", "再少点"), ("便宜",), ("亲，已经是最低价啦", "亲，小店薄利多销哦"), "yj")
    removed, _ = _diff(LIB, after)
    assert set(removed) <= set(_block(LIB, "bargain.basic"))


def test_an_unchanged_script_writes_nothing(tmp_path):
    path = _write(tmp_path)
    fields = script_fields(_lib(path).get("shipping.free"))
    assert update_script(path, "shipping.free", fields).action == "unchanged"
    assert path.read_text(encoding="utf-8") == LIB and not (tmp_path / "scripts.yaml.bak").exists()


def test_renaming_to_a_used_id_is_refused(tmp_path):
    path = _write(tmp_path)
    fields = script_fields(_lib(path).get("shipping.free"))
    fields["id"] = "bargain.basic"
    with pytest.raises(WriteError, match="已被另一条话术使用"):
        update_script(path, "shipping.free", fields)
    assert path.read_text(encoding="utf-8") == LIB


def test_delete_cuts_the_script_and_keeps_the_comments_around_it(tmp_path):
    path = _write(tmp_path)
    delete_script(path, "shipping.free")
    after = path.read_text(encoding="utf-8")
    removed, added = _diff(LIB, after)
    assert added == [] and set(removed) == set(_block(LIB, "shipping.free")) - {""}
    assert "# 运费" in after and [s.id for s in _lib(path).scripts] == ["bargain.basic", "payment.remind"]


def test_deleting_the_last_script_of_a_file_leaves_an_empty_list(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "a.yaml").write_text(LIB, encoding="utf-8")
    (lib / "b.yaml").write_text("version: 1\nscripts:  # 单独一条\n  - id: x.one\n    category: payment\n    title: 一\n    replies: [好的]\n", encoding="utf-8")
    delete_script(lib, "x.one")
    assert (lib / "b.yaml").read_text(encoding="utf-8") == "version: 1\nscripts: []  # 单独一条\n"
    assert _lib(lib).get("x.one") is None


def test_add_goes_to_the_file_of_its_category(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "a.yaml").write_text(LIB, encoding="utf-8")
    other = "# 售后话术\nversion: 1\nscripts:\n  - id: refund.how\n    category: after_sale\n    title: 退款\n    replies: [亲，申请退款即可]\n"
    (lib / "b.yaml").write_text(other, encoding="utf-8")
    new = {"id": "refund.slow", "category": "after_sale", "title": "退款慢", "examples": ["退款怎么还没到"], "replies": ["亲，退款1-3天到账哦"]}
    result = add_script(lib, new)
    assert result.path == lib / "b.yaml"
    assert (lib / "a.yaml").read_text(encoding="utf-8") == LIB
    text = (lib / "b.yaml").read_text(encoding="utf-8")
    assert text.startswith(other)
    s = _lib(lib).get("refund.slow")
    assert (s.title, s.examples, s.replies) == ("退款慢", ("退款怎么还没到",), ("亲，退款1-3天到账哦",))


def test_add_before_trailing_comments_and_to_a_chosen_file(tmp_path):
    path = _write(tmp_path)
    add_script(path, {"id": "new.one", "category": "payment", "title": "新", "replies": ["好的"]})
    after = path.read_text(encoding="utf-8")
    assert after.endswith("  - id: new.one\n    category: payment\n    title: 新\n    replies:\n      - 好的\n# 文件末尾的注释\n")
    empty = tmp_path / "empty.yaml"
    empty.write_text("# 新文件\n", encoding="utf-8")
    add_script(tmp_path, {"id": "new.two", "category": "payment", "title": "二", "replies": ["好"]}, path=empty)
    assert empty.read_text(encoding="utf-8").startswith("# 新文件\nscripts:\n  - id: new.two\n")


def test_add_refuses_a_used_id_and_missing_fields(tmp_path):
    path = _write(tmp_path)
    with pytest.raises(WriteError, match="已被另一条话术使用"):
        add_script(path, {"id": "bargain.basic", "category": "bargain", "title": "x", "replies": ["y"]})
    with pytest.raises(WriteError, match="至少要有一条回复"):
        add_script(path, {"id": "n.x", "category": "bargain", "title": "x", "replies": []})
    with pytest.raises(WriteError, match="标题"):
        add_script(path, {"id": "n.x", "category": "bargain", "title": " ", "replies": ["y"]})
    assert path.read_text(encoding="utf-8") == LIB


def test_crlf_and_bom_files_stay_so(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + LIB.replace("\n", "\r\n").encode("utf-8"))
    fields = script_fields(_lib(path).get("payment.remind"))
    fields["replies"] = ["亲，记得付款哦", "亲，库存不多啦"]
    update_script(path, "payment.remind", fields)
    add_script(path, {"id": "new.one", "category": "payment", "title": "新", "replies": ["好的"]})
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\n" not in raw.replace(b"\r\n", b"")
    assert _lib(path).get("payment.remind").replies == ("亲，记得付款哦", "亲，库存不多啦")


wording = st.lists(
    st.sampled_from(list("包邮吗能便宜点发货亲 ,:#[]{}'\"-!&*?|>%@`~：，\n") + ["yes", "null", "1.5", "0x1F", "true"]),
    min_size=1, max_size=10,
).map("".join).filter(lambda s: s.strip() and s == s.strip())
words = st.lists(wording, max_size=3, unique=True)
reply = wording.filter(lambda s: "{" not in s and "}" not in s)  # braces are placeholders, linted by the loader

edit = st.one_of(
    st.tuples(st.just("update"), st.sampled_from(IDS), st.fixed_dictionaries({
        "title": wording, "examples": words, "keywords": words, "replies": st.lists(reply, min_size=1, max_size=2),
        "code": st.booleans(),  # a code of its own (codes are unique across a library) or none
    })),
    st.tuples(st.just("delete"), st.sampled_from(IDS), st.just({})),
    st.tuples(st.just("add"), st.sampled_from(["n.a", "n.b"]), st.fixed_dictionaries({
        "title": wording, "examples": words, "replies": st.lists(reply, min_size=1, max_size=2)})),
)


@pytest.mark.slow
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(edit, min_size=1, max_size=4))
def test_random_edits_read_back_as_meant_and_leave_the_rest(tmp_path, edits):
    path = _write(tmp_path)
    path.with_name("scripts.yaml.bak").unlink(missing_ok=True)
    path.write_text(LIB, encoding="utf-8")
    meant = {s.id: script_fields(s) for s in _lib(path).scripts}
    for action, script_id, change in edits:
        before = path.read_text(encoding="utf-8")
        try:
            if action == "update":
                if script_id not in meant:
                    continue
                fields = {**meant[script_id], **change, "code": CODES[script_id] if change["code"] else ""}
                update_script(path, script_id, fields)
                meant[script_id] = {k: v for k, v in fields.items() if v not in ("", [], {})}
            elif action == "delete":
                if script_id not in meant:
                    continue
                delete_script(path, script_id)
                del meant[script_id]
            else:
                fields = {"id": script_id, "category": "payment", **change}
                if script_id in meant:
                    with pytest.raises(WriteError):
                        add_script(path, fields)
                    continue
                add_script(path, fields)
                meant[script_id] = {k: v for k, v in fields.items() if v not in ("", [], {})}
        except WriteError:
            assert path.read_text(encoding="utf-8") == before
            continue
        after = path.read_text(encoding="utf-8")
        # everything before the scripts list and every comment between scripts is still there
        assert after.split("scripts:")[0] == before.split("scripts:")[0]
        for comment in ("# 议价", "# 运费", "# 文件末尾的注释"):
            assert comment in after
        if not meant:  # every script deleted: the loader refuses an empty library by design
            assert "a library needs at least one" in str(load_library(path).problems)
            continue
        lib = _lib(path)
        assert {s.id: script_fields(s) for s in lib.scripts} == {k: _norm(v) for k, v in meant.items()}
        assert [s.id for s in lib.scripts] == list(meant)


def _norm(fields: dict) -> dict:
    out = {k: v for k, v in fields.items() if v not in ("", [], {}, None)}
    for key in ("examples", "keywords"):
        if key in out:
            out[key] = list(dict.fromkeys(out[key]))
    return out


def test_the_librarys_last_script_is_not_deleted(tmp_path):
    """A library left with no script is refused by the loader (the sidebar keeps the old one and
    says the file is broken): deleting the last one is refused, the file untouched. The random
    edits above found it (deleting all three scripts)."""
    path = _write(tmp_path)
    delete_script(path, "bargain.basic")
    delete_script(path, "shipping.free")
    before = path.read_text(encoding="utf-8")
    with pytest.raises(WriteError, match="唯一的一条话术"):
        delete_script(path, "payment.remind")
    assert path.read_text(encoding="utf-8") == before and _lib(path).get("payment.remind") is not None
