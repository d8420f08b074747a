"""Views: the compiled form of each .ui is current and builds the same widgets as QUiLoader reading
the .ui; a .ui edited without recompiling fails the check."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from kefu_assist.resources import resource_path
from kefu_assist.ui import uiload

REPO = Path(__file__).resolve().parents[2]
VIEWS = sorted(p.name for p in resource_path("ui").glob("*.ui"))


def tree(widget: QWidget) -> list[tuple[str, str]]:
    return sorted((child.metaObject().className(), child.objectName()) for child in widget.findChildren(QWidget) if child.objectName())


def test_compiled_views_are_up_to_date():
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "compile_ui.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def quiloader_view(path: Path) -> QWidget:
    """The .ui read at run time, as Designer means it (only the tests still use QUiLoader)."""
    from PySide6.QtCore import QFile, QIODevice
    from PySide6.QtUiTools import QUiLoader

    file = QFile(str(path))
    assert file.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        return QUiLoader().load(file, None)
    finally:
        file.close()


@pytest.mark.parametrize("name", VIEWS)
def test_compiled_view_matches_what_quiloader_builds(qapp, name):
    compiled = uiload.load_view(name)
    loaded = quiloader_view(resource_path("ui", name))
    assert tree(compiled) == tree(loaded)
    assert len(tree(compiled)) > 5
    for label in loaded.findChildren(QLabel):
        if label.objectName():
            assert compiled.findChild(QLabel, label.objectName()).text() == label.text()
    compiled.deleteLater()
    loaded.deleteLater()


def test_a_ui_edited_without_recompiling_fails_the_check(tmp_path, monkeypatch, capsys):
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import compile_ui
    finally:
        sys.path.remove(str(REPO / "scripts"))
    ui_dir, out_dir = tmp_path / "ui", tmp_path / "compiled"
    ui_dir.mkdir()
    shutil.copytree(REPO / "src" / "kefu_assist" / "ui" / "compiled", out_dir)
    for view in resource_path("ui").glob("*.ui"):
        shutil.copy(view, ui_dir / view.name)
    monkeypatch.setattr(compile_ui, "UI_DIR", ui_dir)
    monkeypatch.setattr(compile_ui, "OUT_DIR", out_dir)
    monkeypatch.setattr(compile_ui, "ROOT", tmp_path)
    monkeypatch.setattr(sys, "argv", ["compile_ui.py", "--check"])
    assert compile_ui.main() == 0
    view = ui_dir / "main_window.ui"
    view.write_text(view.read_text(encoding="utf-8").replace("客服话术助手", "客服话术助手（测试版）", 1), encoding="utf-8")
    assert compile_ui.main() == 1
    assert "main_window_ui.py" in capsys.readouterr().err


def test_a_missing_compiled_view_is_a_clear_error(qapp):
    with pytest.raises(FileNotFoundError, match="no_such_view.ui"):
        uiload.load_view("no_such_view.ui")
