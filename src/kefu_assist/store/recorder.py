"""The usage recorder the sidebar plugs into :class:`~kefu_assist.service.AssistService`.

Never lose an event, never leak buyer data, never block the agent:

- ``record_copy`` / ``record_unmatched`` run on the caller's (GUI) thread and only give the
  event a uuid and a timestamp and put it on an in-memory queue (a few microseconds, whatever
  the message's length). The raw buyer text never reaches the disk.
- One *spooler* thread takes the queue in order, redacts each question, cleans every text field
  of what a database cannot hold (:func:`clean_text`: NULs dropped, lone surrogates made U+FFFD),
  and appends the events to this recorder's spool file, one JSON line each (``os.write``). From
  then on a kill loses nothing: the event is in the kernel's page cache. What a kill *can* lose
  is the queue: events recorded in the last few milliseconds, not redacted yet (a typical
  message is redacted in tens of microseconds). :meth:`Recorder.close` drains the queue first.
  The writer thread fsyncs the spool before each database write, which covers a power cut for
  all but the last few milliseconds.
- One background *writer* thread reads the spool in order, writes batches in one transaction
  each (``INSERT … ON CONFLICT (event_uuid) DO NOTHING``, so a replay never duplicates), and
  truncates the spool once it has caught up.
- The database is down (PostgreSQL stopped, network gone, SQLite locked for too long: the
  driver's OperationalError and kin): events stay in the spool, the writer retries with
  exponential backoff, :attr:`Recorder.online` turns False and ``on_status(False)`` is called
  (from a background thread: a Qt caller must hop to the GUI thread, e.g. with a queued
  signal). When the database is back, the spool is written in order, exactly once, and
  ``on_status(True)`` follows.
- The database hangs (a frozen server that keeps the connection open but never answers): a
  write that takes longer than ``write_timeout`` marks the recorder offline at once, and its
  PostgreSQL connections are cut so that the writer retries (PostgreSQL statements also carry
  ``statement_timeout``; connecting has ``connect_timeout``). It recovers by itself.
- The database *refuses* a row (a data or integrity error, or a spool line that is not a valid
  event): that is not an outage. The writer bisects the batch, writes every other row, and sets
  the refused ones aside in ``dead-letter.jsonl`` beside the spool (redacted, with the error),
  counted in ``kefu-assist stats`` and the sidebar's 统计 view. Nothing waits behind them. A row
  refused only for characters the database's encoding has no code for (an EUC_CN or GBK
  PostgreSQL database and an emoji) is written with '?' for those characters instead.
- Each recorder owns one spool file ``<spool root>/<db-hash>/<id>.jsonl``, held by an OS lock
  on ``<id>.lock`` (two sidebars never share a spool). The spool root is ``<data_dir>/spool``;
  when no spool can be made there (a read-only data folder) the recorder falls back to
  ``<cache_dir>/spool``, then to a per-user folder under the system's temporary folder, logs
  one warning and sets :attr:`Recorder.spool_notice` (for the UI to show). At start-up the
  writer replays every spool of the same database, in every one of those roots, whose lock it
  can take (a program that was killed or closed offline), oldest first, then deletes it.
- A spool folder that stops taking writes mid-run (disk full, remounted read-only): the spool
  goes on in a new file in another of those roots (the writer drains the old one first, so the
  order is kept; a line torn by the failed write is written again in full in the new one). Only
  when no root takes a write do events wait in memory, retried every second.

The favourites and recent-scripts API (:meth:`Recorder.toggle_favourite`,
:meth:`Recorder.favourites`, :meth:`Recorder.recent`) runs synchronously on the caller's thread
and waits for the database: call it from a worker thread, not the GUI thread.

The code is in four modules: this one (the :class:`Recorder`, its threads and status),
:mod:`.spool` (spool files, segments, orphans), :mod:`.writing` (:func:`write_events`, the
favourites, the dead letters) and :mod:`.cleaning` (text cleaning, database error classes).
"""
from __future__ import annotations

import contextlib
import logging
import os
import random
import socket
import threading
import time
import uuid
import weakref
from datetime import datetime
from pathlib import Path
from typing import Callable, Sequence

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from ..events import CopyEvent
from .cleaning import MAX_AGENT, MAX_CATEGORY, MAX_QUESTION, MAX_SCRIPT, _transient, _utcnow, clean_text
from .db import DatabaseError, describe, one_line, open_database, resolve_db_url, spool_dir_for, spool_roots
from .redact import question_key, redact
from .spool import SpoolFiles, _Segment, _unlock
from .writing import DeadLetters, _mood, favourites, recent, toggle_favourite

# moved to cleaning.py / writing.py / spool.py; still importable from here
from .cleaning import TEXT_FIELDS as TEXT_FIELDS, UNTRANSLATABLE as UNTRANSLATABLE, fit_to_codec as fit_to_codec
from .cleaning import python_codec as python_codec
from .spool import SPOOL_RETRY_S as SPOOL_RETRY_S, TRUNCATE_BUSY_BYTES as TRUNCATE_BUSY_BYTES
from .writing import set_statement_timeout as set_statement_timeout, write_events as write_events

log = logging.getLogger(__name__)

WRITE_TIMEOUT_S = 10.0  # a database write taking longer than this is a hang: 离线, connection cut
WATCH_INTERVAL_S = 0.25


# -- the recorder ----------------------------------------------------------------------------
class Recorder(SpoolFiles, DeadLetters):
    """Implements :class:`kefu_assist.events.UsageRecorder`. See the module docstring.

    ``url``: the database (default: :func:`resolve_db_url`). ``spool_root``: where spool
    folders go (default ``<data_dir>/spool``); ``fallback_roots``: where they go when that
    folder cannot be written (default: ``<cache_dir>/spool``, then the temporary folder).
    ``on_status(online: bool)`` is called from a background thread whenever the database
    becomes reachable or unreachable. ``write_timeout``: seconds a database write may take
    before the database counts as hung (offline).
    """

    def __init__(
        self,
        url: str | None = None,
        *,
        spool_root: Path | None = None,
        fallback_roots: Sequence[Path] | None = None,
        on_status: Callable[[bool], None] | None = None,
        retry_initial: float = 0.5,
        retry_max: float = 30.0,
        batch_size: int = 500,
        write_timeout: float = WRITE_TIMEOUT_S,
        start: bool = True,
    ) -> None:
        self.url = resolve_db_url(url)
        self.on_status = on_status
        self.retry_initial = retry_initial
        self.retry_max = retry_max
        self.batch_size = batch_size
        self.write_timeout = write_timeout
        self.last_error: str | None = None
        self.spool_notice: str | None = None  # set once when the spool had to leave the data folder
        self._online = True
        self._status_lock = threading.RLock()
        self._engine: Engine | None = None
        self._connected = threading.Event()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()  # spool appends vs truncation
        self._queue: list[tuple] = []  # events waiting for redaction (memory only)
        self._queue_cv = threading.Condition()
        self._closing = False
        self._progress = threading.Condition()
        self._appended = 0  # events recorded by this recorder (under _queue_cv)
        self._handled = 0  # of those, in the spool or skipped (under _progress)
        self._written = 0  # of those, in the database or skipped (under _progress)
        self._spool_failing = False
        self._busy_since: float | None = None  # when the writer's current database call began
        self._busy_abortable = False
        self._hang_reported = False
        self._connections: weakref.WeakSet = weakref.WeakSet()  # the writer engine's DBAPI connections
        self._dead_uuids: set[str] = set()
        self._dead_count = 0
        self._server_codec: str | None | bool = False  # False: not asked yet

        self._roots = spool_roots(spool_root, list(fallback_roots) if fallback_roots is not None else None)
        problems = []
        self._segments: list[_Segment] = []  # [draining, ..., appending]; usually one
        self._offset = 0  # bytes of the first segment already in the database (writer thread only)
        for root in self._roots:
            try:
                self._use_segment(self._open_spool(spool_dir_for(self.url, root)))
                break
            except OSError as exc:
                problems.append(f"{root}: {exc.strerror or exc}")
        else:
            raise DatabaseError("no folder to keep usage events in: " + "; ".join(problems))
        if problems:
            self._say_moved(problems[0])
        self._load_dead_letters()

        self._spooler = threading.Thread(target=self._spool_loop, name="kefu-assist-usage-spooler", daemon=True)
        self._spooler.start()
        self._thread = threading.Thread(target=self._run, name="kefu-assist-usage-writer", daemon=True)
        if start:
            self._thread.start()

    # -- UsageRecorder (caller's thread: no redaction, no I/O) ----------------------------------
    def record_copy(self, event: CopyEvent, agent: str) -> None:
        self._enqueue(("copy", str(uuid.uuid4()), _utcnow(), event, agent))

    def record_unmatched(self, question: str, agent: str) -> None:
        self._enqueue(("unmatched", str(uuid.uuid4()), _utcnow(), question, agent))

    def _enqueue(self, item: tuple) -> None:
        with self._queue_cv:
            if self._closing:
                raise RuntimeError("recorder is closed")
            self._queue.append(item)
            self._appended += 1
            self._queue_cv.notify()

    # -- the spooler thread: redact, clean, append to the spool ----------------------------------
    @staticmethod
    def _event_record(kind: str, event_uuid: str, ts: datetime, payload, agent: str) -> dict | None:
        """The spool line of a queued event; None for an unmatched question with no words."""
        agent = clean_text(agent or "")[:MAX_AGENT]
        if kind == "copy":
            e = payload
            return {
                "kind": "copy",
                "uuid": event_uuid,
                "ts": ts.isoformat(),
                "agent": agent,
                "script_id": clean_text(e.script_id)[:MAX_SCRIPT],
                "category": clean_text(e.category or "")[:MAX_CATEGORY],
                "variant": int(e.variant or 0),
                "rank": e.rank,
                "score": None if e.score is None else float(e.score),
                "question": clean_text(redact(clean_text(e.question or "")))[:MAX_QUESTION],
                "seconds_to_copy": None if e.seconds_to_copy is None else float(e.seconds_to_copy),
                "learn": bool(getattr(e, "learn", False)),
                "mood": _mood(e.question, getattr(e, "mood", None)),
            }
        text = clean_text(redact(clean_text(payload or ""))).strip()[:MAX_QUESTION]
        if not question_key(text):
            return None
        return {"kind": "unmatched", "uuid": event_uuid, "ts": ts.isoformat(), "agent": agent, "question": text, "mood": _mood(payload, None)}

    def _spool_loop(self) -> None:
        while True:
            with self._queue_cv:
                if not self._queue and not self._closing:
                    self._queue_cv.wait(WATCH_INTERVAL_S)
                batch, self._queue = self._queue, []
                closing = self._closing
            if batch:
                try:
                    self._spool(batch)
                except Exception:
                    log.exception("usage spooler: %d events could not be spooled", len(batch))
                    self._mark_handled(len(batch), written=True)
            elif closing:
                return
            self._watch()

    def _mark_handled(self, n: int, *, written: bool) -> None:
        with self._progress:
            self._handled += n
            if written:
                self._written += n
            self._progress.notify_all()

    def wait_spooled(self, timeout: float | None = None) -> bool:
        """Wait until every event recorded so far is redacted and in the spool file (from then
        on a kill loses none of them). False on timeout."""
        with self._queue_cv:
            target = self._appended
        with self._progress:
            return self._progress.wait_for(lambda: self._handled >= target, timeout)

    # -- status ---------------------------------------------------------------------------------
    @property
    def online(self) -> bool:
        """False while the database is unreachable or hung and events wait in the spool."""
        return self._online

    @property
    def pending(self) -> int:
        """Events this recorder was given that are not in the database yet."""
        with self._queue_cv:
            appended = self._appended
        with self._progress:
            return appended - self._written

    @property
    def dead_letters(self) -> int:
        """Events of this database set aside because the database refused them (all dead-letter
        files of this database, from every recorder)."""
        return self._dead_count

    def _set_online(self, value: bool, error: BaseException | str | None = None) -> None:
        with self._status_lock:
            if error is not None:
                self.last_error = error if isinstance(error, str) else one_line(error)
            if value == self._online:
                return
            self._online = value
            if value:
                log.info("usage database %s reachable again", describe(self.url))
            else:
                log.warning("usage database %s unreachable, spooling: %s", describe(self.url), self.last_error)
            callback = self.on_status
            if callback is not None:
                try:
                    callback(value)
                except Exception:
                    log.exception("on_status callback failed")

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every event recorded so far is in the database. False on timeout."""
        with self._queue_cv:
            target = self._appended
        self._wake.set()
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._progress:
            while self._written < target:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._progress.wait(remaining if remaining is not None else 1.0)
        return True

    # -- favourites / recent (synchronous: call from a worker thread) ---------------------------
    def engine(self, timeout: float = 10.0) -> Engine:
        """The writer's engine, once connected; DatabaseError when offline past ``timeout``."""
        if not self._connected.wait(timeout) or self._engine is None:
            raise DatabaseError(f"usage database {describe(self.url)} unreachable: {self.last_error or 'not connected yet'}")
        return self._engine

    def toggle_favourite(self, agent: str, script_id: str) -> bool:
        return toggle_favourite(self.engine(), agent, script_id)

    def favourites(self, agent: str) -> list[str]:
        return favourites(self.engine(), agent)

    def recent(self, agent: str, limit: int = 10) -> list[str]:
        return recent(self.engine(), agent, limit)

    # -- shutting down ------------------------------------------------------------------------
    def close(self, timeout: float = 5.0) -> bool:
        """Spool every queued event (always: redaction is quick and local), flush what the
        database accepts within ``timeout`` and stop. Events still pending stay in the spool
        for the next start. True when everything was written."""
        with self._queue_cv:
            if self._closing:
                return self.pending == 0
            self._closing = True
            self._queue_cv.notify_all()
        self._spooler.join(timeout)
        while self._spooler.is_alive() and not self._spool_failing:
            self._spooler.join(1.0)  # still redacting a backlog: finish it, never drop it
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        if self._thread.is_alive() or self._spooler.is_alive():  # stuck in a database call: leave it the files
            return False
        done = self.pending == 0
        for segment in self._segments:
            os.close(segment.fd)
            if done:
                self._remove_quietly(segment.path)
            _unlock(segment.lock)
            self._remove_quietly(segment.lock_path)
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        return done

    def __enter__(self) -> "Recorder":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- hangs --------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _busy(self, *, abortable: bool):
        """Around each database call of the writer: the spooler thread watches the clock."""
        self._hang_reported = False
        self._busy_abortable = abortable
        self._busy_since = time.monotonic()
        try:
            yield
        finally:
            self._busy_since = None

    def _watch(self) -> None:
        """A writer call older than ``write_timeout`` is a hung database: say 离线 now and,
        for an event write, cut the connections so the writer retries (connecting and schema
        upgrades are only reported: a long migration must not be cut)."""
        since = self._busy_since
        if since is None or self._hang_reported:
            return
        waited = time.monotonic() - since
        if waited < self.write_timeout:
            return
        self._hang_reported = True
        self._set_online(False, f"数据库 {waited:.0f} 秒无响应（usage database not answering）")
        if self._busy_abortable:
            self._abort_connections()

    def _track(self, dbapi_connection, _record=None) -> None:
        try:
            self._connections.add(dbapi_connection)
        except TypeError:  # pragma: no cover - a driver connection without weak references
            pass

    def _abort_connections(self) -> None:
        """Shut the sockets of the writer engine's PostgreSQL connections: a call blocked on a
        server that never answers fails at once ("server closed the connection"), the pool
        invalidates the connection and the writer retries on a new one. SQLite has no socket:
        its busy timeout ends a lock wait."""
        for conn in list(self._connections):
            pgconn = getattr(conn, "pgconn", None)
            if pgconn is None:
                continue
            try:
                fd = os.dup(pgconn.socket)
            except Exception:  # noqa: BLE001 - closed already, or a platform without dup for sockets
                continue
            try:
                with socket.socket(fileno=fd) as sock:
                    sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    # -- the writer thread ----------------------------------------------------------------------
    def _backoff(self, attempt: int) -> bool:
        """Wait before retrying; False when the recorder is closing (do not wait then)."""
        if self._stop.is_set():
            return False
        delay = min(self.retry_max, self.retry_initial * (2 ** min(attempt, 20)))
        self._stop.wait(delay * (0.8 + 0.4 * random.random()))
        return not self._stop.is_set()

    def _connect(self) -> bool:
        attempt = 0
        while True:
            try:
                with self._busy(abortable=False):
                    self._engine = open_database(self.url, on_connect=self._track)
                self._connected.set()
                self._set_online(True)
                return True
            except (DatabaseError, SQLAlchemyError) as exc:
                self._set_online(False, exc)
            if not self._backoff(attempt):
                return False
            attempt += 1

    def _run(self) -> None:
        try:
            if not self._connect():
                return
            orphans_done = False
            attempt = 0
            last_logged = None
            while True:
                self._wake.clear()
                stopping = self._stop.is_set()
                try:
                    if not orphans_done:
                        self._replay_orphans()
                        orphans_done = True
                    more = self._drain_own()
                    self._set_online(True)
                    attempt = 0
                except Exception as exc:  # noqa: BLE001
                    message = one_line(exc)
                    if not _transient(exc) and message != last_logged:
                        log.error("usage writer: cannot write events, they stay in the spool: %s", message)
                        last_logged = message
                    self._set_online(False, exc)
                    if stopping or not self._backoff(attempt):
                        return
                    attempt += 1
                    continue
                if more:
                    continue
                if stopping:
                    return
                self._truncate_if_caught_up()
                self._wake.wait(1.0)
        except Exception:
            log.exception("usage writer stopped")
