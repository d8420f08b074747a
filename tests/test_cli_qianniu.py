"""`kefu-assist import-qianniu` and `export-qianniu` in process: files written, notes on stderr,
bad input refused with one clear line and a non-zero exit, never a traceback."""
from __future__ import annotations

import os
from pathlib import Path


from kefu_assist.cli import main
from kefu_assist.library import load_library
from kefu_assist.library.qianniu import read_bytes

FIXTURES = Path(__file__).parent / "library" / "qianniu"


def test_import_then_export_through_the_command_line(tmp_path, capsys):
    lib = tmp_path / "shop.yaml"
    assert main(["import-qianniu", str(FIXTURES / "gbk.csv"), "-o", str(lib)]) == 0
    out = capsys.readouterr().out
    assert "7 phrases in 7 groups" in out and "分组 '售后' -> return_exchange" in out
    assert load_library(lib).ok
    csv_path = tmp_path / "back.csv"
    assert main(["export-qianniu", "--library", str(lib), "-o", str(csv_path)]) == 0
    assert "7 phrases from 7 scripts" in capsys.readouterr().out
    original = read_bytes((FIXTURES / "gbk.csv").read_bytes()).phrases
    back = read_bytes(csv_path.read_bytes())
    assert back.encoding == "GBK"
    assert [(p.code, p.text, p.group) for p in back.phrases] == [(p.code, p.text, p.group) for p in original]


def test_import_default_output_is_beside_the_csv_and_never_overwritten(tmp_path, capsys):
    src = tmp_path / "phrases.csv"
    src.write_bytes((FIXTURES / "utf8-bom.csv").read_bytes())
    assert main(["import-qianniu", str(src)]) == 0
    assert (tmp_path / "phrases.yaml").is_file()
    before = (tmp_path / "phrases.yaml").read_bytes()
    assert main(["import-qianniu", str(src)]) == 1
    assert "already exists; pass --force" in capsys.readouterr().err
    assert (tmp_path / "phrases.yaml").read_bytes() == before
    assert main(["import-qianniu", str(src), "--force"]) == 0


def test_export_to_stdout_reports_what_qianniu_cannot_take(tmp_path, capsysbinary):
    lib = tmp_path / "lib.yaml"
    lib.write_text(
        "version: 1\nscripts:\n"
        "  - {id: a, category: greeting, title: 问候, code: zd, replies: ['亲😊在的']}\n"
        "  - {id: b, category: logistics, title: 查物流, replies: ['单号是{tracking_no}']}\n",
        encoding="utf-8",
    )
    assert main(["export-qianniu", "--library", str(lib)]) == 0
    captured = capsysbinary.readouterr()
    rows = read_bytes(captured.out).phrases
    assert [(p.code, p.text) for p in rows] == [("zd", "亲😊在的"), ("cwl", "单号是{tracking_no}")]
    err = captured.err.decode("utf-8")
    assert "a: GBK cannot hold 😊" in err and "b: placeholder {tracking_no} has no value" in err


def test_export_refuses_a_library_with_errors(tmp_path, capsys):
    lib = tmp_path / "lib.yaml"
    lib.write_text("version: 1\nscripts:\n  - {id: a, category: nope, title: x, replies: [y]}\n"
                   "  - {id: b, category: greeting, title: 问候, replies: [您好]}\n", encoding="utf-8")
    assert main(["export-qianniu", "--library", str(lib), "-o", str(tmp_path / "x.csv")]) == 1
    assert "fix them first" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def _bad_inputs(tmp_path: Path):
    yield tmp_path / "missing.csv", "no such file"
    yield tmp_path, "is a folder"
    (tmp_path / "empty.csv").write_bytes(b"")
    yield tmp_path / "empty.csv", "empty"
    (tmp_path / "wrong.csv").write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    yield tmp_path / "wrong.csv", "not a Qianniu phrase header"
    (tmp_path / "bin.csv").write_bytes(bytes(range(256)))
    yield tmp_path / "bin.csv", "binary"
    big = tmp_path / "big.csv"
    with big.open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    yield big, "larger than 20 MB"
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.csv")
        yield tmp_path / "fifo.csv", "not a regular file"


def test_bad_files_fail_cleanly(tmp_path, capsys):
    for path, fragment in _bad_inputs(tmp_path):
        code = main(["import-qianniu", str(path), "-o", str(tmp_path / "out.yaml")])
        err = capsys.readouterr().err
        assert code == 1, (path, err)
        assert fragment in err and "Traceback" not in err, (path, err)
        assert err.count("\n") == 1, err
        assert not (tmp_path / "out.yaml").exists()
