"""Bad buyer input for `match` and `match --json`: each gets a clear outcome (answered, or one
line on stderr and a non-zero exit), bounded memory, JSON that stays one object a line, and
nothing that steers the terminal. Most run in-process; a few in a subprocess for real stdin
and real argv bytes."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kefu_assist import cli

LIBRARY = """\
version: 1
placeholders: {shop: 小店}
scripts:
  - id: bargain.general
    category: bargain
    title: 砍价
    examples: [能便宜点吗, 可以优惠一点吗]
    replies: ["亲，{shop}的价格已经很实在了"]
  - id: greeting.hello
    category: greeting
    title: 问候
    examples: [在吗, 有人吗]
    replies: ["亲，在的"]
"""
STEERING = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u2028", "\u2029", "\x85")


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("lib") / "lib.yaml"
    path.write_text(LIBRARY, encoding="utf-8")
    return path


class Endless(io.RawIOBase):
    """A stream that never ends (as /dev/zero or `yes` do), counting what was read from it."""

    def __init__(self, byte: bytes):
        self.byte = byte
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = len(buffer)
        buffer[:n] = self.byte * n
        self.read_bytes += n
        return n


def run_match(monkeypatch, capsys, library: Path, stdin: bytes | io.RawIOBase | None, *args: str) -> tuple[int, str, str]:
    if stdin is not None:
        raw = io.BytesIO(stdin) if isinstance(stdin, bytes) else stdin
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw) if isinstance(raw, io.RawIOBase) else raw, encoding="utf-8"))
    code = cli.main(["match", "--library", str(library), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@dataclass
class Input:
    id: str
    stdin: bytes | Callable[[], io.RawIOBase] | None
    code: int
    stderr: str = ""  # a fragment of the one stderr line; "" for none
    args: tuple[str, ...] = ()
    answered: list[str] = field(default_factory=list)  # questions that got a record, in order


STDIN_CASES = [
    Input("dev-zero-like", lambda: Endless(b"\0"), 1, "line 1 of standard input has no end within 20 MB"),
    Input("endless-line", lambda: Endless(b"a"), 1, "line 1 of standard input has no end within 20 MB"),
    Input("nul-in-a-line", "在吗\n能便\0宜点吗\n有人吗\n".encode(), 1, "line 2 holds NUL bytes", answered=["在吗", "有人吗"]),
    Input("lone-surrogate-bytes", b"\xed\xa0\x80\n\xe5\x9c\xa8\xe5\x90\x97\n", 1, "line 1 is not UTF-8 text", answered=["在吗"]),
    Input("invalid-utf8", b"\xff\xfe\xfd\n", 1, "line 1 is not UTF-8 text"),
    Input("gbk-line", "在吗\n".encode() + "能便宜点吗\n".encode("gbk"), 1, "line 2 is not UTF-8 text", answered=["在吗"]),
    Input("line-10001-chars", ("便" * 10_001 + "\n在吗\n").encode(), 1, "line 1 is 10,001 characters long; a buyer message is at most 10,000", answered=["在吗"]),
    Input("line-10000-chars-is-fine", ("便" * 10_000 + "\n").encode(), 0, answered=["便" * 10_000]),
    Input("line-1mb-ascii", (b"a" * 1_048_576) + b"\n", 1, "line 1 is 1,048,576 characters long"),
    Input("empty", b"", 2, "empty input"),
    Input("only-whitespace", b" \n\t\n\r\n\xe3\x80\x80\n", 2, "empty input"),
    Input("binary-garbage", bytes(range(256)) * 8, 1, "not UTF-8 text"),
    Input("utf8-bom-first-line", "\ufeff在吗\n".encode(), 0, answered=["在吗"]),
    Input("crlf", "在吗\r\n能便宜点吗\r\n".encode(), 0, answered=["在吗", "能便宜点吗"]),
    Input("line-separators", "在\u2028吗\n能\u2029便宜\x85点吗\n".encode(), 0, answered=["在\u2028吗", "能\u2029便宜\x85点吗"]),
    Input("ansi-escapes", "\x1b[31m在吗\x1b[0m\x1b]0;title\x07\n".encode(), 0, answered=["\x1b[31m在吗\x1b[0m\x1b]0;title\x07"]),
    Input("rtl-override", "能\u202e吗点宜便\n".encode(), 0, answered=["能\u202e吗点宜便"]),
    Input("c1-controls", "在吗\x9b31m\n".encode(), 0, answered=["在吗\x9b31m"]),
]


@pytest.mark.parametrize("json_out", [True, False], ids=["json", "plain"])
@pytest.mark.parametrize("case", STDIN_CASES, ids=[c.id for c in STDIN_CASES])
def test_bad_stdin_gets_a_clear_outcome(case, json_out, library, monkeypatch, capsys):
    stream = case.stdin() if callable(case.stdin) else case.stdin
    code, out, err = run_match(monkeypatch, capsys, library, stream, *(("--json",) if json_out else ()), *case.args)
    assert code == case.code, err
    if case.stderr:
        assert case.stderr in err and err.startswith("kefu-assist: "), err
    else:
        assert err == ""
    # JSON keeps the question exactly (bidi marks included: json.loads gives them back) but holds
    # no raw control character or line separator; plain output holds none of them at all
    for ch in STEERING if not json_out else [c for c in STEERING if c not in "\u202e\u2066"]:
        assert ch not in out, f"{ch!r} reached the output"
    if json_out:
        # every line a reader splits off (str.splitlines splits at U+2028, U+0085 …) is one object
        records = [json.loads(line) for line in out.splitlines()]
        assert [r["question"] for r in records] == case.answered
    else:
        assert out.count("\n  ") >= len(case.answered)
    if isinstance(stream, Endless):
        assert stream.read_bytes <= 22 * 1024 * 1024, "read far past the cap"


def test_plain_output_shows_what_it_hid(library, monkeypatch, capsys):
    code, out, _ = run_match(monkeypatch, capsys, library, "\x1b[31m在吗\u202e\n".encode())
    assert code == 0 and out.splitlines()[0] == "\\x1b[31m在吗\\u202e"


ARG_CASES = [
    Input("arg-10001-chars", None, 1, "question is 10,001 characters long", args=("便" * 10_001,)),
    Input("arg-empty", None, 2, "the question is empty", args=("",)),
    Input("arg-whitespace", None, 2, "the question is empty", args=("  \t",)),
    Input("arg-ansi", None, 0, args=("\x1b[2J在吗",), answered=["\x1b[2J在吗"]),
    Input("arg-line-separator", None, 0, args=("在吗\u2028能便宜点吗",), answered=["在吗\u2028能便宜点吗"]),
    Input("arg-surrogate-escaped-bytes", None, 2, "command-line argument 5 is not UTF-8 text (\\xff\\xfe", args=("\udcff\udcfe在吗",)),
]


@pytest.mark.parametrize("case", ARG_CASES, ids=[c.id for c in ARG_CASES])
def test_bad_arguments_get_a_clear_outcome(case, library, monkeypatch, capsys):
    code, out, err = run_match(monkeypatch, capsys, library, None, "--json", *case.args)
    assert code == case.code, err
    if case.stderr:
        assert case.stderr in err and err.startswith("kefu-assist: "), err
    assert [json.loads(line)["question"] for line in out.splitlines()] == case.answered
    assert "?" not in out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(max_size=80).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_stdin_bytes_give_json_lines_and_no_traceback(library, monkeypatch, capsys, data):
    code, out, err = run_match(monkeypatch, capsys, library, data, "--json")
    assert code in (0, 1, 2)
    records = [json.loads(line) for line in out.splitlines()]  # raises if a record was split
    assert all(isinstance(r["question"], str) for r in records)
    assert len(err.splitlines()) <= data.count(b"\n") + 1


# -- real processes: real stdin devices and argv bytes ---------------------------------------
def run(args: list, stdin=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "kefu_assist", *args], stdin=stdin, capture_output=True, env=env, timeout=120)


def test_match_from_dev_zero_stops_with_a_clear_line(library):
    with open("/dev/zero", "rb") as zero:
        proc = run(["match", "--json", "--library", str(library)], stdin=zero)
    assert proc.returncode == 1 and proc.stdout == b""
    assert proc.stderr.decode() == "kefu-assist: line 1 of standard input has no end within 20 MB: is this binary data? stopped reading\n"


@pytest.mark.parametrize("bad", [b"\xff\xfe\xe5\x9c\xa8", b"\xed\xa0\x80", b"\xe5\x9c"], ids=["invalid", "lone-surrogate", "cut-character"])
def test_non_utf8_argv_bytes_are_refused(library, bad):
    proc = run([b"match", b"--library", os.fsencode(library), bad])
    err = proc.stderr.decode()
    assert proc.returncode == 2 and proc.stdout == b""
    assert err.startswith("kefu-assist: command-line argument 4 is not UTF-8 text (") and "Traceback" not in err


def test_lint_of_a_fifo_returns_at_once(tmp_path):
    fifo = tmp_path / "lib.yaml"
    os.mkfifo(fifo)
    proc = run(["lint", str(fifo)])  # hung for ever before: the timeout would fail this test
    assert proc.returncode == 1
    assert f"{fifo}: is a named pipe (FIFO), not a regular file" in proc.stdout.decode()


def test_library_problems_on_stderr_steer_nothing(tmp_path, monkeypatch, capsys):
    """match prints the library's errors on stderr; a key written with escape codes stays inert."""
    path = tmp_path / "lib.yaml"
    path.write_text(LIBRARY + '  - {id: x.y, category: bargain, title: t, replies: [好], "\\e[2Jexamples": [a]}\n', encoding="utf-8")
    code, out, err = run_match(monkeypatch, capsys, path, None, "在吗")
    assert code == 0 and "unknown key '\\x1b[2Jexamples'" in err
    assert "\x1b" not in err


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "too-big"])
def test_eval_refuses_what_it_cannot_read_to_the_end(kind, library, tmp_path, capsys):
    if kind == "fifo":
        path = tmp_path / "q.tsv"
        os.mkfifo(path)  # hung for ever before
    elif kind == "dev-zero":
        path = Path("/dev/zero")  # MemoryError before
    else:
        path = tmp_path / "q.tsv"
        with path.open("wb") as fh:
            fh.truncate(20 * 1024 * 1024 + 1)
    code = cli.main(["eval", str(path), "--library", str(library)])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith(f"kefu-assist: {path}: is ") and "Traceback" not in err
