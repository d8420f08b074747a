"""Background work: loading a library (YAML, jieba, index) and every database call never run on
the GUI thread."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

if TYPE_CHECKING:
    from ..service import AssistService


class _Signals(QObject):
    finished = Signal(object, object, object)  # (path, LoadResult, the service that loaded it)


class LoadJob(QRunnable):
    """Runs ``service.load(path)`` in the thread pool; ``signals.finished`` arrives on the GUI
    thread (queued, because the signals object lives there)."""

    def __init__(self, service: "AssistService | None", path: Path, hold: Callable[[Any, Any], bool] | None = None):
        super().__init__()
        self.setAutoDelete(False)  # Python owns it: kept alive until finished is handled
        self.service = service
        self.path = path
        self.hold = hold  # see AssistService.load
        self.signals = _Signals()

    def run(self) -> None:  # worker thread
        from ..library import LoadResult, Problem  # imported on the worker thread

        try:
            service = self.service
            if service is None:  # the first load: import and build the service here, off the GUI thread
                from ..service import AssistService

                service = self.service = AssistService(background_training=True)  # no NumPy in the sidebar
            result = service.load(self.path, hold=self.hold)
        except Exception as exc:  # noqa: BLE001 - a loader bug must not kill the sidebar
            result = LoadResult(None, (Problem(str(self.path), 0, f"加载失败: {exc}"),))
        self.signals.finished.emit(self.path, result, self.service)
        if service is not None and result.ok:
            # after the library is in use (suggestions never wait for it): the reply rules and
            # their trained model, 0.3-0.7 s to read, here rather than at the first check on the
            # GUI thread (a check meanwhile waits on the service's lock, it does not read twice)
            try:
                service.reply_checker()
            except Exception:  # noqa: BLE001 - the first check reads them and reports the problem
                pass


class _TaskSignals(QObject):
    done = Signal(object, object)  # (task, result)
    failed = Signal(object, str)  # (task, one-line message)


class Task(QRunnable):
    """``fn(*args)`` on a pool thread; ``signals.done``/``failed`` arrive on the GUI thread. The
    result is also kept on the task, so a caller shutting down can pick it up after waiting."""

    def __init__(self, fn: Callable[..., Any], *args: Any, tag: Any = None):
        super().__init__()
        self.setAutoDelete(False)  # Python owns it: the caller keeps it until a signal arrives
        self.fn = fn
        self.args = args
        self.tag = tag
        self.result: Any = None
        self.error: str | None = None
        self.finished = False
        self.signals = _TaskSignals()

    def run(self) -> None:  # worker thread
        try:
            self.result = self.fn(*self.args)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI, never raised in a pool thread
            self.error = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            self.finished = True
            self.signals.failed.emit(self, self.error)
            return
        self.finished = True
        self.signals.done.emit(self, self.result)


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


_DB_POOL: QThreadPool | None = None


def db_pool() -> QThreadPool:
    """Database calls get their own threads: one waiting on an unreachable server must never hold
    up the library loader in the global pool."""
    global _DB_POOL
    if _DB_POOL is None:
        _DB_POOL = QThreadPool()
        _DB_POOL.setMaxThreadCount(3)
        _DB_POOL.setExpiryTimeout(10_000)
    return _DB_POOL


class Background(QObject):
    """One background helper in the manner of Anki's ``QueryOp(op, success, failure)``: ``run``
    calls ``op()`` on a pool thread and ``success(result)`` or ``failure(message)`` on the GUI
    thread, for the latest call only: a result overtaken by a newer call is dropped (a search
    index of a library that has since been reloaded must never replace the newer one), and so is
    a result arriving after the helper was deleted with its parent (a closed editor window's
    widgets are gone)."""

    def __init__(self, parent: QObject | None = None, *, threads: Callable[[], QThreadPool] | None = None):
        super().__init__(parent)
        self._threads = threads or pool
        self._latest: Task | None = None
        self._running: set[Task] = set()  # Python owns the tasks until their signal arrives

    def run(self, op: Callable[[], Any], success: Callable[[Any], None], failure: Callable[[str], None] | None = None) -> None:
        task = Task(op)
        self._latest = task
        self._running.add(task)

        def done(t: Task, result: Any) -> None:
            self._running.discard(t)
            if not isValid(self):  # its owner (a closed window and its widgets) is gone
                return
            if t is self._latest:
                self._latest = None
                success(result)

        def failed(t: Task, message: str) -> None:
            self._running.discard(t)
            if not isValid(self):
                return
            if t is self._latest:
                self._latest = None
                if failure is not None:
                    failure(message)

        task.signals.done.connect(done)
        task.signals.failed.connect(failed)
        self._threads().start(task)
