"""The command line as a team lead or a script would run it: cli.main in-process with its own
standard streams (fast), and once end to end in a subprocess (``python -m kefu_assist``)."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SMALL_LIBRARY = """\
version: 1
placeholders: {shop: 小店, agent: 小美}
synonyms:
  - [包邮, 免邮, 包快递]
scripts:
  - id: bargain.general
    category: bargain
    title: 砍价
    examples: [能便宜点吗, 可以优惠一点吗, 打个折吧]
    keywords: [便宜]
    replies: ["亲，{shop}的价格已经很实在了，送您一份小礼物好吗？"]
  - id: shipping_fee.free
    category: shipping_fee
    title: 包邮
    examples: [包邮吗, 能包快递吗, 运费多少]
    keywords: [包邮, 运费]
    replies: ["亲，本店全国包邮哦（偏远地区除外）"]
  - id: greeting.hello
    category: greeting
    title: 问候
    examples: [在吗, 有人吗, 你好]
    replies: ["亲，{agent}在的，请问有什么可以帮您？"]
"""


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """cli.main(args) in this process, its standard streams bytes in and out as a subprocess's."""
    from kefu_assist import cli

    streams = {name: io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="") for name in ("stdout", "stderr")}
    streams["stdin"] = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    saved = {name: getattr(sys, name) for name in streams}
    here = os.getcwd()
    try:
        for name, stream in streams.items():
            setattr(sys, name, stream)
        if cwd is not None:
            os.chdir(cwd)
        try:
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    finally:
        os.chdir(here)
        for name, stream in saved.items():
            setattr(sys, name, stream)
    out = []
    for name in ("stdout", "stderr"):
        streams[name].flush()
        out.append(streams[name].buffer.getvalue())
    return subprocess.CompletedProcess(["kefu-assist", *args], code, *out)


def run_process(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "kefu_assist", *args],
        input=stdin,
        capture_output=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture()
def small_library(tmp_path) -> Path:
    path = tmp_path / "lib.yaml"
    path.write_text(SMALL_LIBRARY, encoding="utf-8")
    return path


def assert_clean_failure(proc: subprocess.CompletedProcess, fragment: str) -> None:
    err = proc.stderr.decode("utf-8")
    assert proc.returncode != 0
    assert "Traceback" not in err, err
    assert fragment in err, err


@pytest.mark.parametrize("runner", [run, run_process], ids=["in-process", "subprocess"])
def test_match_json_one_line_per_question(small_library, runner):
    proc = runner("match", "--library", str(small_library), "--json", "能便宜点吗？包邮吗？", "今天天气真好")
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode("utf-8").splitlines()
    first, second = (json.loads(line) for line in lines)
    assert first["question"] == "能便宜点吗？包邮吗？"
    assert {s["category"] for s in first["suggestions"][:3]} >= {"bargain", "shipping_fee"}
    top = first["suggestions"][0]
    assert set(top) == {"id", "category", "title", "score", "reply"}
    assert "{shop}" not in top["reply"] and "小店" in json.dumps(first, ensure_ascii=False)
    assert second == {"question": "今天天气真好", "mood": "calm", "mood_cues": [], "suggestions": []}


def test_match_reads_stdin_one_question_a_line(small_library):
    stdin = "在吗\n\n能包油吗\n能開發票嗎\n".encode("utf-8")
    proc = run("match", "--library", str(small_library), "--json", "--limit", "1", stdin=stdin)
    assert proc.returncode == 0
    records = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [r["question"] for r in records] == ["在吗", "能包油吗", "能開發票嗎"]
    assert records[0]["suggestions"][0]["id"] == "greeting.hello"
    assert records[1]["suggestions"][0]["id"] == "shipping_fee.free"
    assert all(len(r["suggestions"]) <= 1 for r in records)


def test_match_human_output(small_library):
    proc = run("match", "--library", str(small_library), "在吗")
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0 and "[问候]" in out and "小美在的" in out


def test_match_with_the_shipped_library_from_another_folder(tmp_path):
    proc = run("match", "--json", "能开发票吗", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(proc.stdout.decode("utf-8"))
    assert record["suggestions"][0]["category"] == "invoice"


def test_empty_stdin_is_an_error(small_library):
    assert_clean_failure(run("match", "--library", str(small_library), stdin=b"\n  \n"), "empty input")


def test_not_utf8_line_is_refused_and_the_rest_answered(small_library):
    stdin = "在吗\n".encode("utf-8") + "能开发票吗\n".encode("gbk") + "包邮吗\n".encode("utf-8")
    proc = run("match", "--library", str(small_library), "--json", stdin=stdin)
    assert_clean_failure(proc, "line 2 is not UTF-8 text")
    assert len(proc.stdout.decode("utf-8").splitlines()) == 2


def test_a_1mb_line_is_refused(small_library):
    stdin = ("便" * 1_048_576 + "\n在吗\n").encode("utf-8")
    proc = run("match", "--library", str(small_library), "--json", stdin=stdin)
    assert_clean_failure(proc, "line 1 is 1,048,576 characters long")
    assert len(proc.stdout.decode("utf-8").splitlines()) == 1


def test_missing_library_file(tmp_path):
    assert_clean_failure(run("match", "--library", str(tmp_path / "nope.yaml"), "在吗"), "no such file")


def test_unparseable_library(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nscripts: [\n", encoding="utf-8")
    assert_clean_failure(run("match", "--library", str(bad), "在吗"), "YAML syntax error")


def test_bad_limit(small_library):
    assert_clean_failure(run("match", "--library", str(small_library), "--limit", "0", "在吗"), "--limit")


def test_lint_clean_library(small_library):
    proc = run("lint", str(small_library))
    assert proc.returncode == 0
    assert ": ok: 3 scripts" in proc.stdout.decode("utf-8")


def test_lint_reports_file_line_message_and_exits_1(tmp_path, small_library):
    broken = tmp_path / "broken.yaml"
    broken.write_text(small_library.read_text(encoding="utf-8").replace("category: greeting", "category: greetings"), encoding="utf-8")
    proc = run("lint", str(broken))
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 1
    assert f"{broken}:19: unknown category 'greetings' (did you mean 'greeting'?) [greeting.hello]" in out


def test_lint_not_utf8(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("version: 1\n# 中文注释\n".encode("gbk"))
    proc = run("lint", str(path))
    assert proc.returncode == 1 and f"{path}:2: file is not UTF-8 text" in proc.stdout.decode("utf-8")


def test_eval_prints_figures_and_every_miss(tmp_path, small_library):
    tsv = tmp_path / "q.tsv"
    tsv.write_text("# comment\nbargain\t便宜点行吗\ngreeting\t有人在吗\nshipping_fee\t能开发票吗\nnone\t哈哈哈\nbargain+shipping_fee\t便宜点 包邮吗\n", encoding="utf-8")
    proc = run("eval", str(tsv), "--library", str(small_library))
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, proc.stderr.decode()
    assert "top-1 accuracy: 66.7% (2/3)" in out
    assert "multi-question complete in top 3: 1/1" in out
    assert "small talk rejected: 1/1" in out
    assert "line 4: 能开发票吗\texpected shipping_fee" in out


def test_eval_bad_file(tmp_path, small_library):
    tsv = tmp_path / "q.tsv"
    tsv.write_text("bargain 便宜点\n", encoding="utf-8")
    assert_clean_failure(run("eval", str(tsv), "--library", str(small_library)), "q.tsv:1: expected 'category<TAB>question'")
    tsv.write_text("bargian\t便宜点\n", encoding="utf-8")
    assert_clean_failure(run("eval", str(tsv), "--library", str(small_library)), "unknown category 'bargian'")
    assert_clean_failure(run("eval", str(tmp_path / "none.tsv"), "--library", str(small_library)), "no such file")
