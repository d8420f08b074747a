"""Background work: loading a library (YAML, jieba, index) never runs on the GUI thread."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal



class _Signals(QObject):
    finished = Signal(object, object, object)  # (path, LoadResult, the service that loaded it)


class LoadJob(QRunnable):
    """Runs ``service.load(path)`` in the thread pool; ``signals.finished`` arrives on the GUI
    thread (queued, because the signals object lives there)."""

    def __init__(self, service, path: Path):
        super().__init__()
        self.setAutoDelete(False)  # Python owns it: kept alive until finished is handled
        self.service = service
        self.path = path
        self.signals = _Signals()

    def run(self) -> None:  # worker thread
        from ..library import LoadResult, Problem  # noqa: F401 - imported on the worker thread

        try:
            service = self.service
            if not hasattr(service, "load"):  # the stand-in: import and build the real one here
                from ..service import AssistService

                service = self.service = AssistService()
            result = service.load(self.path)
        except Exception as exc:  # noqa: BLE001 - a loader bug must not kill the sidebar
            result = LoadResult(None, (Problem(str(self.path), 0, f"加载失败: {exc}"),))
        self.signals.finished.emit(self.path, result, self.service)


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()
