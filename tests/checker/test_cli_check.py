"""`kefu-assist check`, the reply findings of `lint` and the mood of `match --json`, in process."""
from __future__ import annotations

import io
import json
import sys

import pytest

from kefu_assist.cli import main


@pytest.fixture()
def stdin(monkeypatch):
    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return feed


def test_check_arguments_exit_1_on_a_block_finding(capsys):
    assert main(["check", "亲，加我微信，好评返现5元"]) == 1
    out = capsys.readouterr().out
    assert "off_platform" in out and "review_bribe" in out and "「加我微信」" in out and "建议" in out


def test_check_warn_only_and_clean_replies_exit_0(capsys):
    assert main(["check", "保证明天发", "亲，一般48小时内发货哦"]) == 0
    out = capsys.readouterr().out
    assert "absolute_claim" in out and "没有发现问题" in out


def test_check_json_lines(capsys, stdin):
    stdin("加我VX\n\n支持七天无理由退换\n".encode())
    assert main(["check", "--json"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["text"] for r in lines] == ["加我VX", "支持七天无理由退换"]
    assert lines[0]["findings"] == [
        {"rule": "off_platform", "severity": "block", "start": 0, "end": 4, "message": lines[0]["findings"][0]["message"],
         "suggestion": lines[0]["findings"][0]["suggestion"]}
    ]
    assert lines[1]["findings"] == []


def test_check_refuses_bad_lines_and_goes_on(capsys, stdin):
    stdin(b"\xff\xfe\n" + "好的亲\n".encode() + ("啊" * 20_000).encode() + b"\n")
    assert main(["check", "--json"]) == 1
    captured = capsys.readouterr()
    assert [json.loads(line)["text"] for line in captured.out.splitlines()] == ["好的亲"]
    assert "line 1 is not UTF-8" in captured.err and "line 3 is 20,000 characters" in captured.err
    assert "Traceback" not in captured.err


def test_check_empty_input_is_a_usage_error(capsys, stdin):
    stdin(b"\n\n")
    assert main(["check"]) == 2
    assert "empty input" in capsys.readouterr().err


def test_check_with_a_broken_rules_file_says_where(capsys, tmp_path):
    rules = tmp_path / "r.yaml"
    rules.write_text("version: 1\nrules:\n  - id: x\n    severity: block\n    message: 甲\n    patterns: ['(']\n", encoding="utf-8")
    assert main(["check", "--rules", str(rules), "你好"]) == 1
    err = capsys.readouterr().err
    assert f"{rules}:6:" in err and "not a valid regular expression" in err and "Traceback" not in err


def test_check_uses_extra_rules(capsys, tmp_path):
    rules = tmp_path / "r.yaml"
    rules.write_text("version: 1\nrules:\n  - id: competitor\n    severity: block\n    message: 不提竞品\n    words: [拼夕夕]\n", encoding="utf-8")
    assert main(["check", "--rules", str(rules), "拼夕夕更便宜"]) == 1
    assert "competitor" in capsys.readouterr().out


LIB = """\
version: 1
scripts:
  - id: a.contact
    category: greeting
    title: 联系
    examples: [在吗]
    replies:
      - "亲，在的"
      - "有事加我微信"
  - id: b.promise
    category: delivery_time
    title: 到货
    examples: [几天到]
    replies: ["保证明天到"]
"""


def _lib(tmp_path, text: str):
    path = tmp_path / "lib.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_lint_reports_reply_findings_at_the_reply_line(capsys, tmp_path):
    path = _lib(tmp_path, LIB)
    assert main(["lint", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:9: reply 2 breaks rule off_platform (block)" in out
    assert f"{path}:14: warning: reply breaks rule absolute_claim (warn)" in out
    assert "1 errors, 1 warnings" in out


def test_lint_accepts_reviewed_rules_and_warns_about_stale_or_unknown_ones(capsys, tmp_path):
    text = LIB.replace("    title: 联系\n", "    title: 联系\n    reviewed: {off_platform: 只发给线下门店的老顾客}\n")
    text = text.replace("    title: 到货\n", "    title: 到货\n    reviewed: {absolute_claim: 顺丰次日达有合同, privacy: 多余, no_such_rule: 拼错}\n")
    path = _lib(tmp_path, text)
    assert main(["lint", str(path)]) == 0
    out = capsys.readouterr().out
    assert "reviewed 'privacy' but no reply breaks it" in out
    assert "unknown rule 'no_such_rule'" in out
    assert "0 errors, 2 warnings, 2 reviewed reply findings" in out


def test_lint_rejects_a_malformed_reviewed_entry(capsys, tmp_path):
    path = _lib(tmp_path, LIB.replace("    title: 到货\n", "    title: 到货\n    reviewed: [absolute_claim]\n"))
    assert main(["lint", str(path)]) == 1
    assert f"{path}:13: reviewed must be a mapping of rule id: reason" in capsys.readouterr().out


def test_lint_of_the_shipped_library_finds_no_reply_problem(capsys, shipped_library_path):
    assert main(["lint", str(shipped_library_path)]) == 0
    out = capsys.readouterr().out
    assert "breaks rule" not in out and "0 errors, 0 warnings" in out


def test_lint_reads_the_team_rules_file_beside_the_library(capsys, tmp_path):
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "10-base.yaml").write_text(LIB.replace("有事加我微信", "拼夕夕更便宜"), encoding="utf-8")
    (folder / "compliance_rules.yaml").write_text(
        "version: 1\nrules:\n  - id: competitor\n    severity: block\n    message: 不提竞品\n    words: [拼夕夕]\n", encoding="utf-8"
    )
    assert main(["lint", str(folder)]) == 1
    assert "breaks rule competitor (block)" in capsys.readouterr().out


def test_match_json_carries_the_mood_and_its_cues(capsys, shipped_library_path):
    assert main(["match", "--json", "--library", str(shipped_library_path), "你们这什么破质量 我要投诉 差评", "包邮吗"]) == 0
    upset, calm = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert upset["mood"] == "upset" and [c["text"] for c in upset["mood_cues"]] == ["什么破质量", "投诉", "差评"]
    assert upset["suggestions"][0]["category"] == "complaint"
    assert calm["mood"] == "calm" and calm["mood_cues"] == []


def test_match_conversation_counts_repeated_asking(capsys, stdin, shipped_library_path):
    stdin("什么时候发货\n什么时候发货啊\n".encode())
    assert main(["match", "--json", "--conversation", "--library", str(shipped_library_path)]) == 0
    first, second = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert first["mood"] == "calm" and second["mood"] == "upset"
    assert second["mood_cues"][-1]["cue"] == "repeated"


def test_check_with_a_missing_library_or_rules_file_says_so(capsys, tmp_path):
    assert main(["check", "--library", str(tmp_path / "nope"), "你好"]) == 2
    assert "no such library" in capsys.readouterr().err
    assert main(["check", "--rules", str(tmp_path / "none.yaml"), "你好"]) == 1
    err = capsys.readouterr().err
    assert "none.yaml: no such file" in err and "Traceback" not in err
