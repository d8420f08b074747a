"""`kefu-assist find` in process: ranked results with the match marked, JSON with spans, a
clear message and exit 1 when nothing is found."""
from __future__ import annotations

import json

import pytest

from kefu_assist.cli import main

LIB = """\
version: 1
placeholders: {shop: 小店}
scripts:
  - id: shipping_fee.free
    category: shipping_fee
    title: 包邮吗
    code: by
    examples: [包邮吗]
    replies: ["亲，{shop}全国包邮哦"]
  - id: invoice.available
    category: invoice
    title: 能开发票吗
    code: fp
    replies: ["亲，可以开发票的"]
"""


@pytest.fixture()
def lib(tmp_path):
    path = tmp_path / "lib.yaml"
    path.write_text(LIB, encoding="utf-8")
    return str(path)


def test_find_marks_the_match_and_renders_the_reply(lib, capsys):
    assert main(["find", "--library", lib, "baoyou"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "1. [包邮/运费] 【包邮】吗  /by  shipping_fee.free"
    assert "亲，小店全国包邮哦" in out


def test_find_by_code_marks_the_code(lib, capsys):
    assert main(["find", "--library", lib, "fp"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "1. [发票] 能开发票吗  /【fp】  invoice.available"


def test_find_json_has_spans_in_the_text_as_written(lib, capsys):
    assert main(["find", "--library", lib, "--json", "发票"]) == 0
    record = json.loads(capsys.readouterr().out)
    (hit,) = record["results"]
    assert hit["id"] == "invoice.available" and hit["field"] == "title" and hit["matched"] == "title"
    (start, end), = hit["spans"]
    assert hit["text"][start:end] == "发票"


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_nothing_found_says_so_and_exits_1(lib, capsys, extra):
    assert main(["find", "--library", lib, *extra, "没有这种话术"]) == 1
    out = capsys.readouterr().out
    assert ("没有找到" in out) if not extra else json.loads(out)["results"] == []


def test_find_bad_arguments(lib, capsys):
    assert main(["find", "--library", lib, " "]) == 2
    assert main(["find", "--library", lib, "--limit", "0", "by"]) == 2
    assert main(["find", "--library", lib + ".missing", "by"]) == 1
    assert main(["find", "--library", lib, "--category", "nope", "by"]) == 2
    assert main(["find", "--library", lib, "亲" * 20_000]) == 2
    err = capsys.readouterr().err
    assert "the query is empty" in err and "--limit" in err and "no such file" in err
    assert "unknown category 'nope'" in err and "20,000 characters long" in err
    assert "Traceback" not in err


def test_find_within_a_category(lib, capsys):
    assert main(["find", "--library", lib, "--category", "invoice", "亲"]) == 0
    assert capsys.readouterr().out.startswith("1. [发票] 能开发票吗")
