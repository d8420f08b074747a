"""Views: the compiled form of each .ui is current and builds the same widgets as QUiLoader; a
.ui edited without recompiling still loads, through QUiLoader."""
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


@pytest.mark.parametrize("name", VIEWS)
def test_compiled_view_matches_what_quiloader_builds(qapp, name):
    digest = uiload.hashlib.sha256(resource_path("ui", name).read_bytes()).hexdigest()
    compiled = uiload._compiled_view(name, digest, None)
    assert compiled is not None, f"{name} has no current compiled form"
    loaded = uiload._loaded_view(resource_path("ui", name), None)
    assert tree(compiled) == tree(loaded)
    assert len(tree(compiled)) > 5
    for label in loaded.findChildren(QLabel):
        if label.objectName():
            assert compiled.findChild(QLabel, label.objectName()).text() == label.text()
    compiled.deleteLater()
    loaded.deleteLater()


def test_a_ui_edited_without_recompiling_still_loads(qapp, tmp_path, monkeypatch):
    ui_dir = tmp_path / "ui"
    shutil.copytree(resource_path("ui"), ui_dir)
    view = ui_dir / "main_window.ui"
    view.write_text(view.read_text(encoding="utf-8").replace("客服话术助手", "客服话术助手（测试版）", 1), encoding="utf-8")
    monkeypatch.setattr(uiload, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    widget = uiload.load_view("main_window.ui")
    assert widget.findChild(QLabel, "titleLabel").text() == "客服话术助手（测试版）"
    widget.deleteLater()


def test_a_missing_view_is_a_clear_error(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(uiload, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(FileNotFoundError, match="main_window.ui"):
        uiload.load_view("main_window.ui")
