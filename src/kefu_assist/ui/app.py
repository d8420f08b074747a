"""Starts the sidebar: the window shows at once, the library (YAML, jieba, index) loads behind it.

With KEFU_ASSIST_TRACE_STARTUP=1 the program prints one line per start-up milestone on stderr:
``kefu-assist-trace <event> <unix time> <max RSS kB>`` (events: start, shown, ready), which the
benchmark and the end-to-end test read."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Callable


def _rss_kb() -> int:
    try:
        import resource

        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    except (ImportError, OSError):  # pragma: no cover - Windows
        return 0


def make_tracer() -> Callable[[str], None]:
    if not os.environ.get("KEFU_ASSIST_TRACE_STARTUP"):
        return lambda event: None

    def trace(event: str) -> None:
        print(f"kefu-assist-trace {event} {time.time():.6f} {_rss_kb()}", file=sys.stderr, flush=True)

    return trace


def resolve_library(library: str | os.PathLike | None, configured: str) -> tuple[Path, bool]:
    if library:
        return Path(library), True
    if configured:
        return Path(configured), False
    from ..resources import ResourcesNotFound, default_library_path

    try:
        return default_library_path(), False
    except ResourcesNotFound:
        return Path("scripts.yaml"), False


def install_qt_chinese(app) -> bool:
    """Qt's own words (a text box's right-click menu: 撤销, 粘贴 …; dialog buttons; the file
    dialog) in simplified Chinese, from the catalogue Qt ships; False when it is missing (they
    stay English, nothing else changes)."""
    import PySide6
    from PySide6.QtCore import QLibraryInfo, QTranslator

    package = Path(PySide6.__file__).parent
    # Qt's own idea of its folder; in a PyInstaller bundle the catalogue sits in the package's
    # Qt/translations (Linux, macOS) or translations (Windows)
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(package / "Qt" / "translations"), str(package / "translations")]
    translator = QTranslator(app)
    if not any(translator.load("qtbase_zh_CN", folder) for folder in folders if folder):
        return False
    return app.installTranslator(translator)


def run(library: str | os.PathLike | None = None, db: str | None = None) -> int:
    """Start the sidebar. ``library``: --library; ``db``: --db URL (else $KEFU_ASSIST_DB, the
    db_url setting, or the embedded SQLite file), opened on a worker after the window shows."""
    trace = make_tracer()
    trace("start")
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow
    from .settings import APPLICATION, ORGANISATION, Preferences, open_settings

    trace("imported")

    existing = QApplication.instance()  # a QCoreApplication to the stubs; a QApplication here
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("客服话术助手")
    app.setDesktopFileName("kefu-assist")
    if install_qt_chinese(app):
        trace("qt-chinese")  # the release's smoke test requires it: the catalogue was bundled
    settings = open_settings()
    prefs = Preferences.read(settings)
    path, fixed = resolve_library(library, prefs.library_path)
    # the service is imported and built on the loader thread (None until then)
    window = MainWindow(None, settings, path, library_from_command_line=fixed, trace=trace)
    from .. import __version__

    app.setApplicationVersion(__version__)
    window.setToolTip(f"客服话术助手 {__version__}")  # the version, on hovering any part without a tip of its own
    trace("built")
    window.show()
    window.focus_message()
    QTimer.singleShot(0, lambda: trace("shown"))
    QTimer.singleShot(0, window.start_library)

    # The usage database opens once the library is in: importing SQLAlchemy and checking the
    # schema on a second thread would contend for the GIL with jieba and the index, and delay
    # the first suggestion by half a second. Nothing can be copied before the library is in.
    usage_started = False

    def start_usage(_result: object = None) -> None:
        nonlocal usage_started
        if not usage_started:
            usage_started = True
            window.start_usage(db)

    window.libraryLoaded.connect(start_usage)
    code = app.exec()
    window.usage.close()  # normally done by closeEvent already; flushes the usage recorder
    QThreadPool.globalInstance().waitForDone(5000)
    return code
