"""The sidebar's side of the usage history: opens the store's Recorder behind the shown window,
hands its status to the GUI thread, and runs every database read (favourites, recent scripts,
stats) on a worker. SQLAlchemy is only ever imported on a worker thread.

The window plugs :attr:`UsageController.proxy` into the service at once; the proxy buffers the few
events an agent may produce before the Recorder is open, then forwards each call directly (the
Recorder's own ``record_*`` only append a line to its spool file: tens of microseconds)."""
from __future__ import annotations

import logging
import threading
import time
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from .workers import Task, db_pool

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from ..events import CopyEvent
    from ..library import Library
    from ..store.recorder import Recorder

log = logging.getLogger(__name__)

LIST_TIMEOUT_S = 2.0  # favourites / recent wait this long for a connection, then say offline
STATS_CONNECT_TIMEOUT_S = 5.0
CLOSE_TIMEOUT_S = 3.0
MAX_BUFFERED = 10_000
RECENT_LIMIT = 10


class RecorderProxy:
    """A UsageRecorder that forwards to the real Recorder once it is open (GUI thread only)."""

    def __init__(self) -> None:
        self.target: Recorder | None = None
        self._buffer: list[tuple[str, tuple]] = []

    def record_copy(self, event: CopyEvent, agent: str) -> None:
        target = self.target
        if target is not None:
            target.record_copy(event, agent)
        elif len(self._buffer) < MAX_BUFFERED:
            self._buffer.append(("record_copy", (event, agent)))

    def record_unmatched(self, question: str, agent: str) -> None:
        target = self.target
        if target is not None:
            target.record_unmatched(question, agent)
        elif len(self._buffer) < MAX_BUFFERED:
            self._buffer.append(("record_unmatched", (question, agent)))

    def attach(self, target: Recorder) -> None:
        self.target = target
        buffered, self._buffer = self._buffer, []
        for name, args in buffered:
            try:
                getattr(target, name)(*args)
            except Exception:  # usage history never breaks the sidebar
                log.exception("cannot hand a buffered usage event to the recorder")

    def detach(self) -> None:
        self.target = None

    @property
    def buffered(self) -> int:
        return len(self._buffer)


class UsageController(QObject):
    """Owns the Recorder. Signals arrive on the GUI thread."""

    recorderChanged = Signal()  # a recorder was attached (or failed to open)
    statusChanged = Signal(bool)  # online?
    listsLoaded = Signal(list, list)  # favourites, recent (script ids)
    listsFailed = Signal(str)
    favouriteToggled = Signal(str, bool)  # script id, is a favourite now
    favouriteFailed = Signal(str, str)  # script id, message
    statsLoaded = Signal(object)  # the stats() dict
    statsFailed = Signal(str)
    learnedLoaded = Signal(object)  # [(script id, redacted question)] this agent's matcher should know
    learnedBehind = Signal()  # a copy just made was not in the database yet when the examples were read
    _statusFromWriter = Signal(bool)  # emitted on the writer thread, delivered queued

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.proxy = RecorderProxy()
        self.recorder: Recorder | None = None
        self.url: str | None = None
        self.error: str | None = None
        self.started = False
        self._online = True
        self._closed = False
        self._db_arg: str | None = None
        self._open_task: Task | None = None
        self._tasks: set[Task] = set()
        self._list_gen = 0
        self._stats_gen = 0
        self._stats_engine: Engine | None = None  # a read-only engine, made and used on workers
        self._stats_lock = threading.Lock()
        self._statusFromWriter.connect(self._writer_status)

    # -- state ------------------------------------------------------------------------------
    @property
    def online(self) -> bool:
        return self._online

    @property
    def available(self) -> bool:
        """A recorder exists (favourites and stats can be asked for, online or not)."""
        return self.recorder is not None

    @property
    def db_label(self) -> str:
        if not self.url:
            return ""
        from ..store.db import describe  # the store is imported by now (the recorder is open)

        return describe(self.url)

    # -- opening and closing ----------------------------------------------------------------
    def start(self, db: str | None = None) -> None:
        """Resolve the URL (db > $KEFU_ASSIST_DB > settings > embedded SQLite) and open the
        Recorder on a worker. Events recorded meanwhile wait in the proxy."""
        self.started = True
        self._closed = False
        self._db_arg = db
        task = Task(self._open, db)
        task.signals.done.connect(self._opened)
        task.signals.failed.connect(self._open_failed)
        self._open_task = task
        self._run(task)

    def _open(self, db: str | None) -> Recorder:  # worker thread
        from ..store.db import resolve_db_url
        from ..store.recorder import Recorder

        url = resolve_db_url(db)
        self.url = url
        return Recorder(url, on_status=self._writer_callback)

    def _writer_callback(self, online: bool) -> None:  # writer thread
        if self._closed:
            return
        try:
            self._statusFromWriter.emit(online)
        except RuntimeError:  # the controller is gone (window closed): nobody to tell
            pass

    def _opened(self, task: Task, recorder: Recorder) -> None:
        self._tasks.discard(task)
        if task is not self._open_task:  # superseded by a reconnect: close quietly
            self._close_recorder(recorder, background=True)
            return
        self._open_task = None
        if self._closed:
            self._close_recorder(recorder, background=True)
            return
        self.recorder = recorder
        self.error = None
        self.proxy.attach(recorder)
        self._set_online(recorder.online)
        self.recorderChanged.emit()

    def _open_failed(self, task: Task, message: str) -> None:
        self._tasks.discard(task)
        if task is not self._open_task:
            return
        self._open_task = None
        self.error = message
        self._set_online(False)
        self.recorderChanged.emit()

    def _writer_status(self, online: bool) -> None:
        if self.recorder is not None and not online:
            self.error = self.recorder.last_error
        self._set_online(online)

    def _set_online(self, online: bool) -> None:
        if online != self._online:
            self._online = online
            self.statusChanged.emit(online)

    def reconnect(self) -> None:
        """Close the current recorder (its unsent events stay in its spool) and open one on the
        URL as it resolves now (a new setting applies)."""
        if not self.started or self._closed:
            return
        old, self.recorder = self.recorder, None
        self.proxy.detach()
        if old is not None:
            self._close_recorder(old, background=True)
        self._dispose_stats_engine(background=True)
        self.start(self._db_arg)

    def _close_recorder(self, recorder: Recorder, *, background: bool) -> None:
        recorder.on_status = None
        if background:
            self._run(Task(recorder.close, CLOSE_TIMEOUT_S))
        else:
            recorder.close(CLOSE_TIMEOUT_S)

    def _dispose_stats_engine(self, *, background: bool) -> None:
        with self._stats_lock:
            engine, self._stats_engine = self._stats_engine, None
        if engine is not None:
            if background:
                self._run(Task(engine.dispose))
            else:
                engine.dispose()

    def close(self) -> bool:
        """Flush and close the recorder (on quit; blocks for at most a few seconds). True when
        every event reached the database; the rest waits in the spool for the next start."""
        if self._closed:
            return True
        self._closed = True
        self.proxy.detach()
        db_pool().waitForDone(int((CLOSE_TIMEOUT_S + LIST_TIMEOUT_S) * 1000))
        task, self._open_task = self._open_task, None
        recorder, self.recorder = self.recorder, None
        if recorder is None and task is not None and task.finished:
            recorder = task.result  # opened while we were closing: its signal never arrives
        done = True
        if recorder is not None:
            recorder.on_status = None
            done = recorder.close(CLOSE_TIMEOUT_S)
        self._dispose_stats_engine(background=False)
        self._tasks.clear()
        return done

    # -- workers ----------------------------------------------------------------------------
    def _run(self, task: Task) -> None:
        self._tasks.add(task)
        task.signals.done.connect(self._forget)
        task.signals.failed.connect(self._forget)
        db_pool().start(task)

    def _forget(self, task: Task, *_args: object) -> None:
        self._tasks.discard(task)

    # -- favourites and recent ----------------------------------------------------------------
    def load_lists(self, agent: str, *, flush_first: bool = False) -> bool:
        """Favourites and recent scripts of ``agent``; False when there is no recorder."""
        recorder = self.recorder
        if recorder is None:
            return False
        self._list_gen += 1
        task = Task(self._lists, recorder, agent, flush_first, tag=self._list_gen)
        task.signals.done.connect(self._lists_done)
        task.signals.failed.connect(self._lists_failed)
        self._run(task)
        return True

    @staticmethod
    def _lists(recorder: Recorder, agent: str, flush_first: bool) -> tuple[list[str], list[str]]:  # worker thread
        recorder.engine(LIST_TIMEOUT_S)  # DatabaseError at once when offline, not after 10 s
        if flush_first:  # the copy just made is in the spool: let the writer put it in first
            recorder.flush(LIST_TIMEOUT_S)
        return recorder.favourites(agent), recorder.recent(agent, RECENT_LIMIT)

    def _lists_done(self, task: Task, result: tuple[list[str], list[str]]) -> None:
        if task.tag == self._list_gen:
            favourites, recent = result
            self.listsLoaded.emit(list(favourites), list(recent))

    def _lists_failed(self, task: Task, message: str) -> None:
        if task.tag == self._list_gen:
            self.listsFailed.emit(message)

    def toggle_favourite(self, agent: str, script_id: str) -> bool:
        recorder = self.recorder
        if recorder is None:
            return False
        task = Task(self._toggle, recorder, agent, script_id, tag=script_id)
        task.signals.done.connect(self._toggled)
        task.signals.failed.connect(self._toggle_failed)
        self._run(task)
        return True

    @staticmethod
    def _toggle(recorder: Recorder, agent: str, script_id: str) -> bool:  # worker thread
        recorder.engine(LIST_TIMEOUT_S)
        return recorder.toggle_favourite(agent, script_id)

    def _toggled(self, task: Task, now: bool) -> None:
        self.favouriteToggled.emit(task.tag, bool(now))

    def _toggle_failed(self, task: Task, message: str) -> None:
        self.favouriteFailed.emit(task.tag, message)

    # -- learned examples ---------------------------------------------------------------------
    def load_learned(self, agent: str, *, flush_first: bool = False) -> bool:
        """The learned examples for ``agent`` (store.learned.examples_for) on a worker; False
        when there is no recorder. ``flush_first``: a copy just made goes in first."""
        recorder = self.recorder
        if recorder is None:
            return False
        task = Task(self._learned, recorder, agent, flush_first)
        task.signals.done.connect(lambda _task, result: self._learned_done(*result))
        self._run(task)
        return True

    def _learned_done(self, pairs: list[tuple[str, str]], complete: bool) -> None:
        self.learnedLoaded.emit(pairs)
        if not complete:
            self.learnedBehind.emit()

    @staticmethod
    def _learned(recorder: Recorder, agent: str, flush_first: bool) -> tuple[list[tuple[str, str]], bool]:  # worker thread
        """The examples, and False when ``flush_first`` asked for a copy just made and the writer
        had not put it in within LIST_TIMEOUT_S (a loaded machine, a slow database): the caller
        reads again a moment later instead of blocking a worker (and the quit) for longer."""
        from ..store.learned import examples_for

        engine = recorder.engine(LIST_TIMEOUT_S)
        complete = recorder.flush(LIST_TIMEOUT_S) if flush_first else True
        return examples_for(engine, agent), complete

    # -- stats ------------------------------------------------------------------------------
    def load_stats(self, since: date | None, agent: str | None, library: Library | None = None, *, flush_first: bool = False) -> bool:
        """The 统计 figures on a worker; ``flush_first`` lets the writer put the spooled copies in
        first, so that a copy just made is counted."""
        recorder = self.recorder
        if recorder is None:
            return False
        self._stats_gen += 1
        task = Task(self._stats, recorder, since, agent, library, flush_first, tag=self._stats_gen)
        task.signals.done.connect(self._stats_done)
        task.signals.failed.connect(self._stats_failed)
        self._run(task)
        return True

    def _stats(self, recorder: Recorder, since: date | None, agent: str | None, library: Library | None, flush_first: bool = False) -> dict[str, Any]:  # worker thread
        from ..store.db import make_engine
        from ..store.stats import stats

        with self._stats_lock:
            engine = self._stats_engine
            if engine is None:
                recorder.engine(STATS_CONNECT_TIMEOUT_S)  # the writer made the schema current
                engine = self._stats_engine = make_engine(recorder.url, write=False)
        if flush_first:
            recorder.flush(LIST_TIMEOUT_S)
        t0 = time.perf_counter()
        data = stats(engine, since=since, agent=agent or None, library=library, url=recorder.url)
        data["elapsed_s"] = time.perf_counter() - t0
        return data

    def _stats_done(self, task: Task, data: dict[str, Any]) -> None:
        if task.tag == self._stats_gen:
            self.statsLoaded.emit(data)

    def _stats_failed(self, task: Task, message: str) -> None:
        if task.tag == self._stats_gen:
            self.statsFailed.emit(message)
