"""The editor's tests: a library with comments copied per test, and the editor opened on it as a
team lead opens it (shown, the library read on its worker)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.fixture
def commented(tmp_path) -> Path:
    path = tmp_path / "lib" / "scripts.yaml"
    path.parent.mkdir()
    shutil.copy(HERE / "commented_library.yaml", path)
    return path


@pytest.fixture
def open_editor(qtbot):
    from kefu_assist.ui.editor.window import EditorWindow

    def open_(path: Path) -> EditorWindow:
        editor = EditorWindow(path)
        # closing must not ask about an edit a test left unsaved
        qtbot.addWidget(editor, before_close_func=lambda w: w.form.clear())
        with qtbot.waitSignal(editor.libraryLoaded, timeout=20000):
            editor.show()
        qtbot.waitExposed(editor)
        return editor

    yield open_
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(20000)


@pytest.fixture(autouse=True)
def no_unexpected_questions(monkeypatch):
    """A question no test answers would wait for a click forever: fail instead."""
    from PySide6.QtWidgets import QMessageBox

    def question(_parent, title, text, *_args, **_kw):
        raise AssertionError(f"unexpected question: {title}: {text}")

    monkeypatch.setattr(QMessageBox, "question", question)


@pytest.fixture
def answer(monkeypatch):
    """Answer the editor's questions (delete? unsaved changes?) as the team lead would click:
    ``answer("Yes")`` for every question from then on; records what was asked."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def set_(button: str) -> list[str]:
        def question(_parent, title, text, *_args, **_kw):
            asked.append(f"{title}: {text}")
            return getattr(QMessageBox.StandardButton, button)

        monkeypatch.setattr(QMessageBox, "question", question)
        return asked

    return set_
