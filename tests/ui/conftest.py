"""Sidebar tests: offscreen Qt (set in tests/conftest.py before Qt loads), a fresh config folder per
test so QSettings never leaks between tests, and a window factory that waits for the library."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixture_library.yaml"


@pytest.fixture(autouse=True)
def fresh_config(tmp_path, monkeypatch):
    config = tmp_path / "config"
    monkeypatch.setenv("KEFU_ASSIST_CONFIG_DIR", str(config))
    return config


@pytest.fixture
def library_file(tmp_path) -> Path:
    path = tmp_path / "lib" / "scripts.yaml"
    path.parent.mkdir()
    shutil.copy(FIXTURE, path)
    return path


class FakeRecorder:
    def __init__(self):
        self.copies = []
        self.unmatched = []

    def record_copy(self, event, agent):
        self.copies.append((event, agent))

    def record_unmatched(self, question, agent):
        self.unmatched.append((question, agent))


@pytest.fixture
def make_window(qtbot):
    from kefu_assist.service import AssistService
    from kefu_assist.ui.main_window import MainWindow
    from kefu_assist.ui.settings import open_settings

    windows = []

    def make(path: Path, *, wait: bool = True, show: bool = True):
        service = AssistService()
        service.recorder = FakeRecorder()
        window = MainWindow(service, open_settings(), Path(path))
        qtbot.addWidget(window)
        windows.append(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
        if wait:
            with qtbot.waitSignal(window.libraryLoaded, timeout=15000):
                window.start_library()
        return window

    yield make
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)


@pytest.fixture
def type_message(qtbot):
    """Type as the agent does; waits until the debounced update ran."""

    def type_(window, text: str) -> None:
        window.ui.messageEdit.setFocus()
        window.ui.messageEdit.clear()
        window.ui.messageEdit.insertPlainText(text)
        qtbot.waitUntil(lambda: not window.suggest.debounce.isActive(), timeout=2000)

    return type_


@pytest.fixture
def usage_window(qtbot):
    """A window with the real AssistService and a Recorder on ``url``, library loaded and the
    recorder open (or its opening reported)."""
    from kefu_assist.service import AssistService
    from kefu_assist.ui.main_window import MainWindow
    from kefu_assist.ui.settings import open_settings

    windows = []

    def make(path: Path, url: str, *, wait_lists: bool = True):
        window = MainWindow(AssistService(), open_settings(), Path(path))
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignal(window.usage.recorderChanged, timeout=60000):
            window.start_usage(url)
        if wait_lists and window.usage.online:
            with qtbot.waitSignals([window.libraryLoaded, window.usage.listsLoaded], timeout=60000):
                window.start_library()
        else:
            with qtbot.waitSignal(window.libraryLoaded, timeout=60000):
                window.start_library()
        return window

    yield make
    from PySide6.QtCore import QThreadPool

    from kefu_assist.ui.workers import db_pool

    for w in windows:
        w.usage.close()
    QThreadPool.globalInstance().waitForDone(10000)
    db_pool().waitForDone(10000)


@pytest.fixture
def form(qtbot):
    """The sidebar's compiled form on a bare host widget: what a panel tested alone is built on."""
    from PySide6.QtWidgets import QWidget

    from kefu_assist.ui.compiled.main_window_ui import Ui_SidebarView

    host = QWidget()
    qtbot.addWidget(host)
    ui = Ui_SidebarView()
    ui.setupUi(host)
    host.resize(360, 760)
    host.show()
    ui.host = host  # keep the widgets alive as long as the form
    return ui
