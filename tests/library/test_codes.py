"""The optional `code` key (Qianniu 快捷编码) of a script: valid codes load, every invalid or
duplicate one is reported with file, line and script id."""
from __future__ import annotations

import textwrap

import pytest
from hypothesis import example, given, strategies as st

from kefu_assist.library import load_library
from kefu_assist.library.codes import CODE_RE, code_problem, fold_code


def lib(tmp_path, *scripts: str):
    body = "version: 1\nscripts:\n" + "".join(textwrap.indent(textwrap.dedent(s), "  ") for s in scripts)
    path = tmp_path / "lib.yaml"
    path.write_text(body, encoding="utf-8")
    return load_library(path)


def script(sid: str, code: str | None) -> str:
    line = f"  code: {code}\n" if code is not None else ""
    return f"- id: {sid}\n  category: shipping_fee\n  title: 包邮\n  replies: [亲，包邮哦]\n{line}"


def test_a_valid_code_is_kept(tmp_path):
    result = lib(tmp_path, script("a", "by"), script("b", "fp2x"), script("c", None))
    assert result.ok, [str(p) for p in result.problems]
    assert [s.code for s in result.library.scripts] == ["by", "fp2x", None]


@pytest.mark.parametrize(
    "code, fragment",
    [
        ("By", "write 'by'"),
        ("ｂｙ", "write 'by'"),
        ("1by", "digit"),
        ("by1", "digit"),
        ("7", "digit"),
        ("b-y", "a-z"),
        ("包邮", "a-z"),
        ("'b y'", "write 'by'"),
        ("'x'", None),
        ("abcdefghijklmnopqrstu", "longer than 20"),
        ("''", "empty"),
    ],
)
def test_an_invalid_code_is_an_error_naming_the_script(tmp_path, code, fragment):
    result = lib(tmp_path, script("ok", "ok"), script("bad", code))
    if fragment is None:
        assert result.ok
        return
    assert [s.id for s in result.library.scripts] == ["ok"]
    (error,) = result.errors
    assert error.script_id == "bad" and error.line == 12 and fragment in error.message, str(error)


def test_codes_are_unique_across_files_of_a_folder(tmp_path):
    (tmp_path / "10-a.yaml").write_text("version: 1\nscripts:\n" + textwrap.indent(script("a", "by"), "  "), encoding="utf-8")
    (tmp_path / "20-b.yaml").write_text("version: 1\nscripts:\n" + textwrap.indent(script("b", "by"), "  "), encoding="utf-8")
    result = load_library(tmp_path)
    (error,) = result.errors
    assert error.script_id == "b" and "duplicate code 'by'" in error.message and "10-a.yaml:3" in error.message
    assert [s.id for s in result.library.scripts] == ["a"]


@given(st.text(max_size=25))
@example("a\n")  # `$` matched before a final line break: a code ending in one passed as valid
@example("by\n")
def test_code_problem_agrees_with_the_rule(code):
    """Valid exactly when ASCII lower-case letters/digits, letter first and last, at most 20."""
    ok = bool(code) and len(code) <= 20 and code.isascii() and all(c.islower() or c.isdigit() for c in code) and code[0].isalpha() and code[-1].isalpha()
    assert (code_problem(code) is None) == ok
    assert (CODE_RE.match(code) is not None and len(code) <= 20) == ok


def test_fold_code_turns_typed_codes_into_valid_ones():
    assert fold_code("ＢＹ ") == "by"
    assert fold_code("Fp") == "fp"
