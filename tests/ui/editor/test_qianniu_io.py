"""Qianniu import and export from the editor (qianniu_io.py): the command line's functions,
file dialogs, the report shown, a refused file."""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from kefu_assist.library import load_library
from kefu_assist.ui import file_dialogs

HERE = Path(__file__).resolve().parent

# our own phrases: a quoted field with a comma, doubled quotes and a line break; one without a code
ROWS = [
    ("fhsj", "亲，下午四点前付款当天发货，\r\n之后的第二天发出～", "发货"),
    ("thfs", '亲，退货请选"七天无理由"，运费险会自动理赔哦～', "售后"),
    ("zbj", "直播间的专属价已经自动改好了，亲直接拍就行", "直播间"),
]


def qianniu_csv(path: Path) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(("快捷短语编码", "快捷短语", "快捷短语分组"))
    writer.writerows(ROWS)
    payload = buf.getvalue().encode("gbk")
    path.write_bytes(payload)
    return payload


def rows_of(payload: bytes) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in csv.reader(io.StringIO(payload.decode("gb18030"), newline=""))][1:]  # type: ignore[misc]


def test_import_a_gbk_qianniu_csv_from_the_editor_and_export_it_back(qtbot, open_editor, tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(HERE / "commented_library.yaml", folder / "10-base.yaml")
    source = tmp_path / "千牛导出.csv"
    original = qianniu_csv(source)
    editor = open_editor(folder)
    # 导入千牛短语…: the CSV, then where to write it (offered: a new file in the library folder)
    offered = []
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(source))

    def save_name(_parent, _title, suggested, _filter):
        offered.append(suggested)
        return str(folder / "20-qianniu.yaml")

    monkeypatch.setattr(file_dialogs, "save_file", save_name)
    with qtbot.waitSignal(editor.libraryLoaded, timeout=30000):
        with qtbot.waitSignal(editor.qianniu.finished, timeout=30000):
            qtbot.mouseClick(editor.ui.importButton, Qt.MouseButton.LeftButton)
    assert offered == [str(folder / "千牛导出.yaml")]
    assert editor.ui.banner.isVisible() and "已导入 3 条短语" in editor.ui.bannerLabel.text()
    assert "分组「直播间」→ zhibojian" in editor.ui.bannerDetails.toPlainText()
    imported = load_library(folder / "20-qianniu.yaml").library
    assert [s.replies[0] for s in imported.scripts] == [r[1].replace("\r\n", "\n") for r in ROWS]
    assert {s.id for s in imported.scripts} <= set(editor.list.visible_ids())  # listed for editing at once
    # 导出千牛短语…: the same file the command line writes, and the imported phrases as they came
    target = tmp_path / "回千牛.csv"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(target))
    with qtbot.waitSignal(editor.qianniu.finished, timeout=30000):
        qtbot.mouseClick(editor.ui.exportButton, Qt.MouseButton.LeftButton)
    cli = tmp_path / "cli.csv"
    done = subprocess.run([sys.executable, "-m", "kefu_assist", "export-qianniu", "--library", str(folder), "-o", str(cli)], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    assert target.read_bytes() == cli.read_bytes()
    exported = rows_of(target.read_bytes())
    # (a line break inside a phrase is written as LF, as the import reads it)
    assert [r for r in exported if r[0] in {"fhsj", "thfs", "zbj"}] == [(c, t.replace("\r\n", "\n"), g) for c, t, g in rows_of(original)]
    # scripts without a code were given one, and said so
    report = editor.ui.bannerDetails.toPlainText()
    assert "greeting.hi: 没有快捷编码，导出为" in report
    assert "已导出" in editor.ui.bannerLabel.text()


def test_export_reports_characters_gbk_cannot_hold(qtbot, open_editor, commented, tmp_path):
    text = commented.read_text(encoding="utf-8").replace("质量有保障的哦～", "质量有保障的哦😊")
    commented.write_text(text, encoding="utf-8")
    editor = open_editor(commented)
    target = tmp_path / "out.csv"
    with qtbot.waitSignal(editor.qianniu.finished, timeout=30000):
        editor.qianniu.export_csv(target)
    assert "GBK 无法表示" in editor.ui.bannerLabel.text()
    assert "bargain.price: GBK 无法表示 😊 (U+1F60A)" in editor.ui.bannerDetails.toPlainText()
    assert "😊".encode("gb18030") in target.read_bytes()  # kept, never dropped


def test_a_file_that_is_not_a_qianniu_csv_is_refused_in_the_banner(qtbot, open_editor, commented, tmp_path):
    bad = tmp_path / "not.csv"
    bad.write_text("name,phone\n张三,123\n", encoding="utf-8")
    before = sorted(p.name for p in commented.parent.iterdir())
    editor = open_editor(commented)
    with qtbot.waitSignal(editor.qianniu.failed, timeout=30000):
        editor.qianniu.import_csv(bad, commented.parent / "x.yaml")
    assert editor.ui.banner.isVisible() and editor.ui.bannerLabel.text().startswith("没有完成：")
    assert sorted(p.name for p in commented.parent.iterdir()) == before


def test_the_state_line_drops_the_busy_text_when_an_import_or_export_ends(qtbot, open_editor, commented, tmp_path):
    """Seen in the end-to-end flow's screenshot: after 导出千牛短语… had finished (its report in the
    banner) the line beside 保存 still said 正在导出千牛短语…. Every ending (export done, import
    done outside and inside the library, import refused) gives the line back."""
    editor = open_editor(commented)
    state = editor.ui.stateLabel
    before = state.text()
    source = tmp_path / "qn.csv"
    qianniu_csv(source)
    bad = tmp_path / "not.csv"
    bad.write_text("name,phone\n张三,123\n", encoding="utf-8")
    endings = [
        (editor.qianniu.finished, lambda: editor.qianniu.export_csv(tmp_path / "out.csv")),
        (editor.qianniu.finished, lambda: editor.qianniu.import_csv(source, tmp_path / "elsewhere.yaml")),
        (editor.qianniu.failed, lambda: editor.qianniu.import_csv(bad, tmp_path / "x.yaml")),
        (editor.qianniu.finished, lambda: editor.qianniu.import_csv(source, commented.parent / "qn.yaml")),
    ]
    for signal, start in endings:
        with qtbot.waitSignal(signal, timeout=30000):
            start()
            assert state.text().startswith("正在")
        qtbot.waitUntil(lambda: not state.text().startswith("正在"), timeout=20000)
        assert state.text() == before and not editor.qianniu.busy
