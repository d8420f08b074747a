"""Examples written back into a team lead's YAML: only the added text changes, the file stays
valid, and a file that cannot be changed safely is left as it was."""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kefu_assist.library import load_library
from kefu_assist.library.writer import WriteError, add_examples, find_script_file

LIB = """\
# 本店话术（组长维护）
version: 1
placeholders:
  shop: 小店   # 店名
scripts:
  # 议价
  - id: bargain.basic
    category: bargain
    title: 议价
    examples: [能便宜点吗, 少点呗,
      再优惠点]   # 常见说法
    replies:
      - "亲，价格已经很实惠了哦～"
  - id: shipping.free
    category: shipping_fee
    title: 包邮
    examples:
      - 包邮吗
      - "运费多少"   # 带引号
    keywords: [包邮]
    replies: ["亲，全国包邮（偏远地区除外）～"]
  - id: payment.remind
    category: payment
    title: 催付
    replies: ["亲，您的订单还没付款哦～"]
  - id: invoice.basic
    category: invoice
    title: 发票
    examples: []  # 待补充
    replies: ["亲，发票可以开的～"]
"""


def _write(tmp_path: Path, text: str = LIB, name: str = "scripts.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def _examples(path: Path, script_id: str) -> tuple[str, ...]:
    result = load_library(path)
    assert result.library is not None, result.problems
    return result.library.get(script_id).examples


@pytest.mark.parametrize("script_id", ["bargain.basic", "shipping.free", "payment.remind", "invoice.basic"])
def test_adds_to_every_shape_of_examples_and_changes_nothing_else(tmp_path, script_id):
    path = _write(tmp_path)
    before = path.read_text(encoding="utf-8")
    old = _examples(path, script_id)
    result = add_examples(path, script_id, ["能不能再少10块"])
    after = path.read_text(encoding="utf-8")
    assert result.added == ("能不能再少10块",)
    assert _examples(path, script_id) == (*old, "能不能再少10块")
    changed = _changed_lines(before, after)
    # one line replaced or one line added, and every comment is still there
    assert 1 <= len(changed) <= 2, changed
    assert all("能不能再少10块" in line for line in changed if line.startswith("+"))
    for comment in ("# 本店话术（组长维护）", "# 店名", "# 议价", "# 常见说法", "# 带引号", "# 待补充"):
        assert comment in after
    assert (tmp_path / "scripts.yaml.bak").read_text(encoding="utf-8") == before


def test_an_example_already_there_writes_nothing(tmp_path):
    path = _write(tmp_path)
    before = path.read_bytes()
    result = add_examples(path, "shipping.free", ["包邮吗"])
    assert result.added == () and result.present == ("包邮吗",)
    assert path.read_bytes() == before


def test_finds_the_file_of_a_folder_library_that_defines_the_script(tmp_path):
    _write(tmp_path, "version: 1\nscripts:\n  - id: greeting.hi\n    category: greeting\n    title: 问候\n    examples: [在吗]\n    replies: [您好]\n", "10-base.yaml")
    _write(tmp_path, LIB.replace("version: 1\n", ""), "20-season.yaml")
    assert find_script_file(tmp_path, "shipping.free").name == "20-season.yaml"
    add_examples(tmp_path, "greeting.hi", ["有人吗"])
    assert "examples: [在吗, 有人吗]" in (tmp_path / "10-base.yaml").read_text(encoding="utf-8")


def test_unknown_script_and_broken_file_are_refused_and_left_alone(tmp_path):
    path = _write(tmp_path)
    with pytest.raises(WriteError, match="没有 id 为 nope"):
        add_examples(path, "nope", ["在吗"])
    broken = _write(tmp_path, LIB + "  - id: [unclosed\n", "scripts.yaml")
    before = broken.read_bytes()
    with pytest.raises(WriteError):
        add_examples(broken, "shipping.free", ["在吗"])
    assert broken.read_bytes() == before


def test_keeps_a_bom_and_the_file_mode(tmp_path):
    path = tmp_path / "scripts.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + LIB.encode("utf-8"))
    path.chmod(0o640)
    add_examples(path, "bargain.basic", ["砍个价"])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
    assert path.stat().st_mode & 0o777 == 0o640


@pytest.mark.slow
def test_the_shipped_library_stays_a_clean_diff(tmp_path):
    shipped = Path(__file__).resolve().parents[2] / "resources" / "scripts.yaml"
    path = _write(tmp_path, shipped.read_text(encoding="utf-8"))
    before = path.read_text(encoding="utf-8")
    first = load_library(path).library
    for script in first.scripts[:12]:
        add_examples(path, script.id, [f"{script.title}怎么说来着"])
    after = path.read_text(encoding="utf-8")
    assert len([line for line in _changed_lines(before, after) if line.startswith("+")]) <= 12
    second = load_library(path).library
    assert len(second.scripts) == len(first.scripts)
    for a, b in zip(first.scripts[:12], second.scripts[:40]):
        assert b.examples[: len(a.examples)] == a.examples and b.examples[-1] == f"{a.title}怎么说来着"


wording = st.lists(
    st.sampled_from(list("包邮吗能便宜点发货什么时候到亲 ,:#[]{}'\"-!&*?|>%@`~：，") + ["yes", "null", "1.5", "0x1F", "true"]),
    min_size=1, max_size=12,
).map("".join).filter(lambda s: s.strip())


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(wording, min_size=1, max_size=3), script_id=st.sampled_from(["bargain.basic", "shipping.free", "payment.remind", "invoice.basic"]))
def test_any_wording_reads_back_exactly_or_the_file_is_untouched(tmp_path, texts, script_id):
    path = _write(tmp_path)
    old = _examples(path, script_id)
    try:
        result = add_examples(path, script_id, texts)
    except WriteError:
        assert path.read_text(encoding="utf-8") == LIB
        return
    wanted = list(dict.fromkeys(" ".join(t.split()) for t in texts))
    assert _examples(path, script_id) == tuple(old) + tuple(t for t in wanted if t not in old)
    assert result.path == path


@pytest.mark.parametrize("wording", ["包:?", "运费:多少", "a:b"])
def test_a_colon_in_a_flow_list_is_quoted_so_the_loader_reads_it(tmp_path, wording):
    # ruamel.yaml reads [x, 包:?] as a string; the loader's parser (PyYAML) refuses it
    path = _write(tmp_path)
    add_examples(path, "bargain.basic", [wording])
    assert _examples(path, "bargain.basic")[-1] == wording
