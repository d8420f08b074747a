"""Loading a library the way a team lead writes it: every kind of mistake is reported with its
file, line and script id, a broken script is skipped, an unparseable file leaves nothing."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kefu_assist.library import CATEGORIES, load_library

GOOD_SCRIPT = """\
  - id: bargain.student
    category: bargain
    title: 学生党砍价
    examples: [我是学生能便宜点吗, 学生党有优惠吗]
    keywords: [学生]
    replies:
      - "亲，{shop}的价格对每位顾客都一样哦"
"""


def write(tmp_path: Path, body: str, name: str = "lib.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def lib_with(tmp_path: Path, scripts: str, head: str = "version: 1\n") -> Path:
    return write(tmp_path, head + "scripts:\n" + GOOD_SCRIPT + textwrap.indent(textwrap.dedent(scripts), "  "))


def only_error(result):
    assert result.library is not None
    assert len(result.errors) == 1, [str(p) for p in result.errors]
    return result.errors[0]


def test_a_valid_library_loads_every_field(tmp_path):
    path = write(
        tmp_path,
        """\
        version: 1
        placeholders:
          shop: 小店
          agent: 小美
        vocabulary: [七天无理由, 运费险]
        synonyms:
          - [包邮, 免邮, 包快递]
        scripts:
          - id: bargain.student
            category: bargain
            title: 学生党砍价
            examples: [我是学生能便宜点吗]
            keywords: [学生]
            replies: ["亲，{shop}的价格都一样哦", "第二种说法"]
          - id: payment.remind
            category: payment
            title: 催付
            replies: ["亲，您的订单还没付款哦"]
        """,
    )
    result = load_library(path)
    assert result.ok and not result.problems
    lib = result.library
    assert lib.placeholders == {"shop": "小店", "agent": "小美"}
    assert lib.vocabulary == ("七天无理由", "运费险")
    assert lib.synonyms == (("包邮", "免邮", "包快递"),)
    student = lib.get("bargain.student")
    assert student.replies == ("亲，{shop}的价格都一样哦", "第二种说法")
    assert student.line == 9 and student.file == str(path)
    remind = lib.get("payment.remind")
    assert remind.agent_initiated and remind not in lib.matchable


def test_unknown_key_names_line_and_suggests_the_right_one(tmp_path):
    path = lib_with(
        tmp_path,
        """\
          - id: invoice.free
            category: invoice
            title: 发票
            exmaples: [能开发票吗]
            replies: ["可以的"]
        """,
    )
    err = only_error(load_library(path))
    assert err.line == 13 and err.script_id == "invoice.free"
    assert "unknown key 'exmaples'" in err.message and "did you mean 'examples'" in err.message
    assert str(err).startswith(f"{path}:13: ")


def test_unknown_top_level_key(tmp_path):
    path = write(tmp_path, "version: 1\nsynonym:\n  - [a, b]\nscripts:\n" + GOOD_SCRIPT)
    err = only_error(load_library(path))
    assert err.line == 2 and "did you mean 'synonyms'" in err.message


def test_missing_field_skips_only_that_script(tmp_path):
    path = lib_with(
        tmp_path,
        """\
          - id: invoice.free
            category: invoice
            replies: ["可以的"]
        """,
    )
    result = load_library(path)
    err = only_error(result)
    assert err.line == 10 and "missing 'title'" in err.message and err.script_id == "invoice.free"
    assert [s.id for s in result.library.scripts] == ["bargain.student"]


def test_duplicate_id_points_at_both_places(tmp_path):
    path = lib_with(
        tmp_path,
        """\
          - id: bargain.student
            category: bargain
            title: 又一个
            replies: ["好的"]
        """,
    )
    err = only_error(load_library(path))
    assert err.line == 10 and "duplicate script id 'bargain.student'" in err.message and f"{path}:3)" in err.message


def test_duplicate_id_across_files_of_a_folder(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    write(folder, "version: 1\nscripts:\n" + GOOD_SCRIPT, "10-base.yaml")
    write(folder, "version: 1\nscripts:\n" + GOOD_SCRIPT, "20-shop.yaml")
    result = load_library(folder)
    err = only_error(result)
    assert err.file.endswith("20-shop.yaml") and err.line == 3
    assert "10-base.yaml:3" in err.message


def test_folder_merges_files_in_name_order(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    write(folder, "version: 1\nplaceholders: {shop: B店}\nscripts:\n" + GOOD_SCRIPT.replace("bargain.student", "b.two"), "b.yaml")
    write(folder, "version: 1\nplaceholders: {shop: A店, agent: 小王}\nscripts:\n" + GOOD_SCRIPT, "a.yml")
    (folder / "notes.txt").write_text("not a library", encoding="utf-8")
    result = load_library(folder)
    assert result.ok
    assert [s.id for s in result.library.scripts] == ["bargain.student", "b.two"]
    assert result.library.placeholders == {"shop": "B店", "agent": "小王"}


def test_unknown_category_with_hint(tmp_path):
    path = lib_with(
        tmp_path,
        """\
          - id: ship.when
            category: shiping_time
            title: 几时发货
            replies: ["今天发"]
        """,
    )
    err = only_error(load_library(path))
    assert err.line == 11 and "unknown category 'shiping_time'" in err.message and "shipping_time" in err.message


def test_a_library_may_declare_its_own_categories(tmp_path):
    path = write(
        tmp_path,
        """\
        version: 1
        categories:
          livestream: 直播间
        scripts:
          - id: livestream.when
            category: livestream
            title: 直播时间
            examples: [今晚几点直播]
            replies: ["亲，今晚八点开播哦"]
        """,
    )
    result = load_library(path)
    assert result.ok and result.library.category_label("livestream") == "直播间"
    assert set(CATEGORIES) <= set(result.library.categories)


@pytest.mark.parametrize(
    ("replies", "line", "fragment"),
    [
        ("replies: []", 13, "replies is empty"),
        ("replies: ['  ']", 13, "an entry of replies is empty"),
        ("replies:", 13, "replies is empty"),
    ],
)
def test_empty_replies(tmp_path, replies, line, fragment):
    path = lib_with(
        tmp_path,
        """\
          - id: invoice.free
            category: invoice
            title: 发票
            REPLIES
        """.replace("REPLIES", replies),
    )
    err = only_error(load_library(path))
    assert err.line == line and fragment in err.message and err.script_id == "invoice.free"


@pytest.mark.parametrize(
    ("template", "fragment"),
    [
        ("{shop.__class__}", "attribute, index and format access are not allowed"),
        ("{items[0]}", "attribute, index and format access are not allowed"),
        ("{0}", "positional placeholder"),
        ("{}", "empty placeholder"),
        ("亲 {shop", "unclosed '{'"),
        ("亲 shop}", "unmatched '}'"),
        ("{店名}", "not a valid name"),
    ],
)
def test_malformed_placeholder(tmp_path, template, fragment):
    path = lib_with(
        tmp_path,
        f"""\
          - id: invoice.free
            category: invoice
            title: 发票
            replies:
              - "好的"
              - "{template}"
        """,
    )
    err = only_error(load_library(path))
    assert err.line == 15 and fragment in err.message and err.script_id == "invoice.free"


def test_yaml_syntax_error_is_fatal_with_line(tmp_path):
    path = write(tmp_path, "version: 1\nscripts:\n  - id: a\n    title: [unclosed\n    category: bargain\n")
    result = load_library(path)
    assert result.library is None
    [err] = result.errors
    assert "YAML syntax error" in err.message and err.line >= 4


def test_tab_indentation_is_a_syntax_error(tmp_path):
    path = write(tmp_path, "version: 1\nscripts:\n\t- id: a\n")
    result = load_library(path)
    assert result.library is None and result.errors[0].line == 3


def test_not_utf8_is_fatal(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("version: 1\nscripts:\n  - id: 发票\n".encode("gbk"))
    result = load_library(path)
    assert result.library is None
    assert "not UTF-8" in result.errors[0].message and result.errors[0].line == 3


def test_missing_file(tmp_path):
    result = load_library(tmp_path / "nope.yaml")
    assert result.library is None and "no such file" in result.errors[0].message


def test_one_broken_file_in_a_folder_refuses_the_whole_load(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    write(folder, "version: 1\nscripts:\n" + GOOD_SCRIPT, "a.yaml")
    write(folder, "version: 1\nscripts: [\n", "b.yaml")
    result = load_library(folder)
    assert result.library is None and result.errors[0].file.endswith("b.yaml")


def test_wrong_version_and_missing_version(tmp_path):
    err = only_error(load_library(write(tmp_path, "version: 2\nscripts:\n" + GOOD_SCRIPT)))
    assert err.line == 1 and "unsupported version" in err.message
    err = only_error(load_library(write(tmp_path, "scripts:\n" + GOOD_SCRIPT, "b.yaml")))
    assert "missing 'version'" in err.message


def test_wrong_types(tmp_path):
    path = lib_with(
        tmp_path,
        """\
          - id: invoice.free
            category: invoice
            title: 发票
            examples: 能开发票吗
            replies: ["可以"]
        """,
    )
    err = only_error(load_library(path))
    assert err.line == 13 and "examples must be a list" in err.message


def test_every_problem_is_collected_not_just_the_first(tmp_path):
    path = lib_with(
        tmp_path,
        """\
          - id: a.one
            category: nope
            title: 一
            replies: ["{0}"]
          - id: a.two
            titel: 二
            category: bargain
            replies: ["好"]
        """,
    )
    result = load_library(path)
    lines = sorted(p.line for p in result.errors)
    assert lines == [11, 13, 14, 15], [str(p) for p in result.errors]
    assert [s.id for s in result.library.scripts] == ["bargain.student"]


def test_same_example_in_two_categories_is_a_warning(tmp_path):
    path = lib_with(
        tmp_path,
        """\
          - id: promotion.student
            category: promotion
            title: 学生优惠
            examples: [学生党有优惠吗]
            replies: ["好"]
        """,
    )
    result = load_library(path)
    assert result.ok and len(result.warnings) == 1
    assert "bargain.student" in result.warnings[0].message


def test_an_empty_file_beside_good_ones_is_a_warning(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    write(folder, "version: 1\nscripts:\n" + GOOD_SCRIPT, "10-base.yaml")
    write(folder, "", "20-season.yaml")
    result = load_library(folder)
    assert result.library is not None and not result.errors
    assert [str(p) for p in result.warnings] == [f"{folder / '20-season.yaml'}: warning: file is empty"]


@pytest.mark.parametrize(
    "body",
    ["", "# only a comment\n", "version: 1\n", "version: 1\nscripts: []\n", "version: 1\nscripts:\n", "version: 1\nscripts:\n  - id: a.b\n    category: bargain\n"],
    ids=["empty", "comments", "no-scripts-key", "empty-list", "null-list", "cut-in-the-first-script"],
)
def test_a_library_with_no_usable_scripts_is_refused(tmp_path, body):
    """An empty save or a file cut off early must not replace a working library with nothing."""
    path = write(tmp_path, body)
    result = load_library(path)
    assert result.library is None and not result.ok
    assert any(str(p).startswith(f"{path}: the library has no usable scripts") for p in result.errors)


def test_shrink_ratio_counts_scripts_a_reload_drops(tmp_path):
    from kefu_assist.library import shrink_ratio

    two = load_library(write(tmp_path, "version: 1\nscripts:\n" + GOOD_SCRIPT + GOOD_SCRIPT.replace("bargain.student", "bargain.other"), "two.yaml")).library
    one = load_library(write(tmp_path, "version: 1\nscripts:\n" + GOOD_SCRIPT, "one.yaml")).library
    assert shrink_ratio(two, one) == 0.5
    assert shrink_ratio(one, two) == 0.0 and shrink_ratio(two, two) == 0.0


def test_top_level_not_a_mapping(tmp_path):
    result = load_library(write(tmp_path, "- just\n- a list\n"))
    assert result.errors and result.errors[0].line == 1
