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
"""
from __future__ import annotations

import codecs
import contextlib
import itertools
import json
import logging
import os
import random
import socket
import threading
import time
import uuid
import weakref
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Sequence

from filelock import FileLock, Timeout
from sqlalchemy import Engine, case, delete, func, select
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError, SQLAlchemyError, StatementError

from ..events import CopyEvent
from .db import DEAD_LETTER_FILE, DatabaseError, dead_letter_files, describe, one_line, open_database, resolve_db_url, spool_dir_for, spool_roots
from .models import CopyEventRow, Favourite, UnmatchedEvent, UnmatchedQuestion
from .learned import insert_from_events as insert_learned
from .redact import question_key, redact

log = logging.getLogger(__name__)

MAX_AGENT = 100
TRUNCATE_BUSY_BYTES = 256 * 1024  # spool size cut while copies keep coming
MAX_SCRIPT = 200
MAX_CATEGORY = 100
MAX_QUESTION = 2_000
WRITE_TIMEOUT_S = 10.0  # a database write taking longer than this is a hang: 离线, connection cut
WATCH_INTERVAL_S = 0.25
SPOOL_RETRY_S = 1.0


_SEGMENT_SEQ = itertools.count()


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


# -- OS file locks (filelock: flock on POSIX, msvcrt on Windows) ----------------------------------
def _try_lock(path: Path) -> FileLock | None:
    """The lock on ``path`` if no one else holds it (another process, or another recorder in
    this one), else None. Not tied to a thread: the writer thread releases what __init__ took."""
    lock = FileLock(path, timeout=0, mode=0o600, thread_local=False)
    try:
        lock.acquire()
    except (Timeout, OSError):
        return None
    return lock


def _unlock(lock: FileLock) -> None:
    try:
        lock.release(force=True)
    except OSError:
        pass


def _read_lines(path: Path, offset: int = 0, limit: int | None = None) -> tuple[list[dict], int]:
    """Up to ``limit`` complete JSON lines from ``offset``; returns them and the offset after
    the last line consumed. A torn last line (no newline yet) is left for later; a damaged
    line is skipped."""
    with open(path, "rb") as fh:
        fh.seek(offset)
        data = fh.read()
    events: list[dict] = []
    pos = 0
    while limit is None or len(events) < limit:
        nl = data.find(b"\n", pos)
        if nl < 0:
            break
        raw = data[pos:nl]
        pos = nl + 1
        if not raw.strip():
            continue
        try:
            events.append(json.loads(raw))
        except ValueError:
            log.warning("skipping a damaged spool line in %s", path)
    return events, offset + pos


# -- writing events --------------------------------------------------------------------------
def _insert(engine_or_conn):
    """The dialect's INSERT (both have ``on_conflict_do_nothing``/``do_update``)."""
    name = engine_or_conn.dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert
    if name == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert
    raise DatabaseError(f"unsupported database {name}: use SQLite or PostgreSQL")  # pragma: no cover


def _ts(value: str) -> datetime:
    return datetime.fromisoformat(value)


def clean_text(value: object) -> str:
    """Text any database can hold, losing as little as possible: a surrogate pair split into
    two code units (as some clipboards and JSON encoders hand them over) becomes the character
    it encodes, a lone surrogate (not valid Unicode, cannot be encoded as UTF-8) becomes
    U+FFFD, and NUL (which PostgreSQL text cannot hold) is dropped. Everything else is kept."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return value.replace("\x00", "") if "\x00" in value else value


def set_statement_timeout(conn, seconds: float) -> None:
    """PostgreSQL: end any statement of the current transaction that runs longer than this
    (a lock wait, a stuck server process) with an error instead of waiting for ever."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {max(1, int(seconds * 1000))}")


def write_events(engine: Engine, events: list[dict], *, statement_timeout: float | None = None) -> None:
    """Write spooled events in order, in one transaction. Idempotent: an event whose uuid is
    already stored is skipped (and an unmatched question is not counted again). Text fields are
    cleaned (:func:`clean_text`) on the way, so spools written by older versions are stored too."""
    if not events:
        return
    with engine.begin() as conn:
        if statement_timeout:
            set_statement_timeout(conn, statement_timeout)
        insert = _insert(conn)
        copies = [
            {
                "event_uuid": e["uuid"], "ts": _ts(e["ts"]), "agent": _text(e["agent"], MAX_AGENT),
                "script_id": _text(e["script_id"], MAX_SCRIPT), "category": _text(e["category"], MAX_CATEGORY),
                "variant": e["variant"], "rank": e["rank"], "score": e["score"],
                "question": _text(e["question"], MAX_QUESTION), "seconds_to_copy": e["seconds_to_copy"], "mood": _stored_mood(e),
            }
            for e in events if e.get("kind") == "copy"
        ]
        if copies:
            conn.execute(insert(CopyEventRow).on_conflict_do_nothing(index_elements=["event_uuid"]), copies)
        for e in events:
            if e.get("kind") != "unmatched":
                continue
            ts = _ts(e["ts"])
            agent = _text(e["agent"], MAX_AGENT)
            question = _text(e["question"], MAX_QUESTION)
            if question is None:
                raise TypeError("an unmatched event without a question")  # malformed: set aside
            key = question_key(question)
            done = conn.execute(
                insert(UnmatchedEvent)
                .values(event_uuid=e["uuid"], ts=ts, agent=agent, norm_key=key, mood=_stored_mood(e))
                .on_conflict_do_nothing(index_elements=["event_uuid"])
                .returning(UnmatchedEvent.id)
            ).scalar()
            if done is None:
                continue  # replayed: counted already (rowcount is not reliable across drivers)
            stmt = insert(UnmatchedQuestion).values(agent=agent, question=question, norm_key=key, count=1, first_seen=ts, last_seen=ts)
            table = UnmatchedQuestion.__table__
            stmt = stmt.on_conflict_do_update(
                index_elements=["agent", "norm_key"],
                set_={
                    "count": table.c.count + 1,
                    "last_seen": case((stmt.excluded.last_seen > table.c.last_seen, stmt.excluded.last_seen), else_=table.c.last_seen),
                    "first_seen": case((stmt.excluded.first_seen < table.c.first_seen, stmt.excluded.first_seen), else_=table.c.first_seen),
                },
            )
            conn.execute(stmt)
        insert_learned(conn, [
            {**e, "agent": clean_text(e.get("agent"))[:MAX_AGENT], "script_id": clean_text(e.get("script_id"))[:MAX_SCRIPT],
             "question": clean_text(e.get("question"))[:MAX_QUESTION]}
            for e in events if e.get("kind") == "copy" and e.get("learn")
        ], insert)


def _stored_mood(event: dict) -> str | None:
    value = event.get("mood")
    return value if value in ("upset", "calm") else None


def _mood(question: str | None, given: str | None) -> str | None:
    """The buyer's mood, read from the raw message before it is redacted (spool lines written
    before moods were recorded have none: ``stats`` leaves those out of the upset share)."""
    if given in ("upset", "calm"):
        return given
    if not question or not question.strip():
        return None
    from ..checker.mood import mood

    return mood(question).label


def _text(value: object, limit: int) -> str | None:
    """A text field as stored: cleaned and cut to its column. ``None`` stays ``None`` (the
    database refuses it for NOT NULL columns: a malformed event, set aside)."""
    return None if value is None else clean_text(value)[:limit]


# PostgreSQL: a character the database's encoding (EUC_CN, GBK, LATIN1 ...) has no code for
UNTRANSLATABLE = {"22P05", "22021"}
TEXT_FIELDS = ("agent", "script_id", "category", "question")


def python_codec(pg_encoding: str | None) -> str | None:
    """The Python codec of a PostgreSQL server encoding (None: unknown, or SQL_ASCII)."""
    name = (pg_encoding or "").strip().lower()
    if not name or name == "sql_ascii":
        return None
    if name.startswith("win") and name[3:].isdigit():
        name = "cp" + name[3:]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def fit_to_codec(event: dict, codec: str) -> dict:
    """The event with every character its database's encoding cannot hold replaced by '?'."""
    fitted = dict(event)
    for key in TEXT_FIELDS:
        value = fitted.get(key)
        if isinstance(value, str):
            fitted[key] = clean_text(value).encode(codec, "replace").decode(codec)
    return fitted


def _sqlstate(exc: BaseException) -> str | None:
    return getattr(getattr(exc, "orig", None), "sqlstate", None)


def _transient(exc: BaseException) -> bool:
    """Worth retrying later: the database is down, unreachable or locked."""
    if isinstance(exc, (OperationalError, DatabaseError)):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def _refused(exc: BaseException) -> bool:
    """The database (or the driver, or this program) refused *these rows*, not the connection:
    a data or integrity error (SQLSTATE classes 22 and 23: a value out of range, a character the
    database's encoding cannot hold, NOT NULL), a value the driver cannot send, or a spool line
    that is not a valid event. Retrying the same rows cannot help; other rows can go in.

    Everything else, including ProgrammingError (a missing table or column is the database's
    schema, not a row) and errors not known here, is treated as an outage: the events wait and
    are retried, which never loses one."""
    if _transient(exc):
        return False
    if isinstance(exc, (DataError, IntegrityError)):
        return True
    if isinstance(exc, DBAPIError):
        return False
    if isinstance(exc, StatementError):  # raised while binding a value, before the database saw it
        return True
    return isinstance(exc, (KeyError, ValueError, TypeError, AttributeError, ArithmeticError))


# -- favourites and recent scripts -----------------------------------------------------------
def toggle_favourite(engine: Engine, agent: str, script_id: str) -> bool:
    """Add or remove a favourite; returns True when it is now a favourite."""
    with engine.begin() as conn:
        gone = conn.execute(
            delete(Favourite).where(Favourite.agent == agent, Favourite.script_id == script_id).returning(Favourite.script_id)
        ).first()
        if gone is not None:
            return False
        insert = _insert(conn)
        conn.execute(insert(Favourite).values(agent=agent, script_id=script_id, created=_utcnow()).on_conflict_do_nothing())
        return True


def favourites(engine: Engine, agent: str) -> list[str]:
    with engine.connect() as conn:
        return list(conn.scalars(select(Favourite.script_id).where(Favourite.agent == agent).order_by(Favourite.created, Favourite.script_id)))


def recent(engine: Engine, agent: str, limit: int = 10) -> list[str]:
    """Scripts the agent copied, most recent first, each once."""
    last = func.max(CopyEventRow.ts).label("last")
    query = (
        select(CopyEventRow.script_id, last)
        .where(CopyEventRow.agent == agent)
        .group_by(CopyEventRow.script_id)
        .order_by(last.desc(), CopyEventRow.script_id)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [row.script_id for row in conn.execute(query)]


# -- the recorder ----------------------------------------------------------------------------
@dataclass
class _Segment:
    """A spool file this recorder appends to (the last one) or drains (the first one)."""

    path: Path
    fd: int
    lock_path: Path
    lock: FileLock
    size: int = 0  # bytes of whole lines appended (under Recorder._lock)
    end: int | None = None  # set when retired (the folder failed): its last byte to drain
    torn: bool = False  # a failed write may have left part of a line after ``size``


@dataclass
class _Orphan:
    spool: Path
    lock_path: Path
    lock: FileLock


class Recorder:
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

    def _open_spool(self, folder: Path) -> _Segment:
        folder.mkdir(parents=True, exist_ok=True)
        # named by creation time, so replays go oldest first (a counter orders one process's
        # segments made within a millisecond)
        name = f"{int(time.time() * 1000):013d}-{os.getpid()}-{next(_SEGMENT_SEQ):06d}-{uuid.uuid4().hex[:8]}"
        spool_path = folder / f"{name}.jsonl"
        lock_path = folder / f"{name}.lock"
        lock = _try_lock(lock_path)
        if lock is None:  # pragma: no cover - a fresh unique name
            raise OSError(f"cannot lock {lock_path}")
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(spool_path, flags, 0o600)
        except OSError:
            _unlock(lock)
            self._remove_quietly(lock_path)
            raise
        return _Segment(spool_path, fd, lock_path, lock)

    def _use_segment(self, segment: _Segment) -> None:
        """Append from now on to ``segment`` (under ``_lock`` once the threads run)."""
        self._segments.append(segment)
        self.spool_path = segment.path
        self.spool_dir = segment.path.parent
        self.dead_letter_path = self.spool_dir / DEAD_LETTER_FILE

    def _say_moved(self, problem: str) -> None:
        """Once per recorder: the spool is not where it should be."""
        if self.spool_notice is None:
            log.warning("cannot keep the usage spool in %s; spooling in %s instead", problem, self.spool_dir)
        self.spool_notice = f"数据文件夹不可写，使用记录暂存在 {self.spool_dir}（{problem}）"

    def _move_spool(self, whole: int, exc: OSError) -> bool:
        """The spool's folder failed mid-run (read-only, full, gone): retire the current segment
        at ``whole`` bytes (its last whole line) and append to a new one in another spool root.
        The writer drains the old segment first, so the order is kept. Under ``_lock``."""
        current = self._segments[-1]
        for root in self._roots:
            folder = spool_dir_for(self.url, root)
            if folder == current.path.parent:
                continue
            try:
                segment = self._open_spool(folder)
            except OSError:
                continue
            current.end = whole
            try:
                os.ftruncate(current.fd, whole)  # best effort: the reader ignores a part-line anyway
            except OSError:
                pass
            self._use_segment(segment)
            self._say_moved(f"{current.path.parent}: {exc.strerror or exc}")
            return True
        return False

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

    def _spool(self, batch: list[tuple]) -> None:
        lines = []
        skipped = 0
        for item in batch:
            try:
                record = self._event_record(*item)
            except Exception:
                log.exception("usage spooler: cannot record an event")
                record = None
            if record is None:
                skipped += 1
                continue
            lines.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
        if skipped:
            self._mark_handled(skipped, written=True)
        if not lines:
            return
        data = b"".join(lines)
        while True:
            with self._lock:
                segment = self._segments[-1]
                done = 0
                try:
                    if segment.torn:  # cut the part-line a failed write left, before appending
                        os.ftruncate(segment.fd, segment.size)
                        segment.torn = False
                    while done < len(data):  # O_APPEND: each write lands at the end of the file
                        done += os.write(segment.fd, data[done:])
                    segment.size += done
                    break
                except OSError as exc:  # read-only, full, gone: another folder, else wait and retry
                    whole = data.rfind(b"\n", 0, done) + 1  # a torn last line is written again in full
                    segment.size += whole
                    segment.torn = True
                    data = data[whole:]
                    if self._move_spool(segment.size, exc):
                        continue
                    problem = exc
            if not self._spool_failing:
                self._spool_failing = True
                log.error("cannot write the usage spool %s (%s); events wait in memory", self.spool_path, problem.strerror or problem)
            if self._stop.wait(SPOOL_RETRY_S):
                log.error("usage spooler: %d events lost, the spool cannot be written", data.count(b"\n"))
                return
        self._spool_failing = False
        self._mark_handled(len(lines), written=False)
        self._wake.set()

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

    @staticmethod
    def _remove_quietly(path: Path) -> None:
        try:
            path.unlink()
        except OSError:
            pass

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

    @staticmethod
    def _sync(segment: _Segment) -> None:
        try:
            os.fsync(segment.fd)
        except OSError:  # pragma: no cover
            pass

    def _write(self, events: list, *, fitted: bool = False) -> None:
        """Write ``events`` in order, setting aside the ones the database refuses (bisecting the
        batch to find them). A row refused only for characters the database's encoding lacks
        is written with those characters as '?'. An outage (or anything not known as a refusal)
        raises: the events stay in the spool and are retried, and what was written already is
        skipped then."""
        events = [e for e in events if not (isinstance(e, dict) and e.get("uuid") in self._dead_uuids)]
        if not events:
            return
        try:
            with self._busy(abortable=True):
                write_events(self._engine, events, statement_timeout=self.write_timeout)  # type: ignore[arg-type]
        except Exception as exc:
            if not _refused(exc):
                raise
            if len(events) == 1:
                if not fitted and isinstance(events[0], dict):
                    codec = self._untranslatable(exc)
                    if codec is not None:
                        self._write([fit_to_codec(events[0], codec)], fitted=True)
                        return
                self._set_aside(events[0], exc)
                return
            middle = len(events) // 2
            self._write(events[:middle])
            self._write(events[middle:])

    def _untranslatable(self, exc: BaseException) -> str | None:
        """The codec of the database's encoding when ``exc`` says a character has no code in
        it: raised by the driver (encoding to the connection's encoding, which libpq takes from
        the database) or by the server (SQLSTATE 22P05 / 22021). None for other refusals."""
        orig = getattr(exc, "orig", None)
        for candidate in (exc, orig):
            if isinstance(candidate, UnicodeEncodeError):
                return python_codec(candidate.encoding)
        if _sqlstate(exc) in UNTRANSLATABLE:
            return self._codec()
        return None

    def _codec(self) -> str | None:
        """The Python codec of the PostgreSQL server's encoding (asked once)."""
        if self._server_codec is False:
            with self._busy(abortable=True), self._engine.connect() as conn:  # type: ignore[union-attr]
                self._server_codec = python_codec(conn.exec_driver_sql("SHOW server_encoding").scalar())
        return self._server_codec  # type: ignore[return-value]

    def _set_aside(self, event, exc: BaseException) -> None:
        error = f"missing field {exc.args[0]!r}" if isinstance(exc, KeyError) else one_line(exc)
        record = {"refused_at": _utcnow().isoformat(), "database": describe(self.url), "error": error, "event": event}
        try:
            line = json.dumps(record, ensure_ascii=False, default=str).encode("utf-8")
        except UnicodeEncodeError:  # a hand-made spool line with a lone surrogate
            line = json.dumps(record, ensure_ascii=True, default=str).encode("ascii")
        fd = os.open(self.dead_letter_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o600)
        try:
            os.write(fd, line + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        if isinstance(event, dict) and isinstance(event.get("uuid"), str):
            self._dead_uuids.add(event["uuid"])
        self._dead_count += 1
        log.warning("usage database %s refused an event (%s); set aside in %s", describe(self.url), record["error"], self.dead_letter_path)

    def _load_dead_letters(self) -> None:
        """The events set aside before (by any recorder of this database): not tried again."""
        count = 0
        for path in dead_letter_files(self.url, self._roots):
            try:
                data = path.read_bytes()
            except OSError:
                continue
            for raw in data.splitlines():
                if not raw.strip():
                    continue
                count += 1
                try:
                    event = json.loads(raw).get("event")
                except (ValueError, AttributeError):
                    continue
                if isinstance(event, dict) and isinstance(event.get("uuid"), str):
                    self._dead_uuids.add(event["uuid"])
        self._dead_count = count

    def _drain_own(self) -> bool:
        """Write the next batch of the own spool; True when more may be waiting."""
        with self._lock:
            segment = self._segments[0]
            retired = segment.end
        limit = self.batch_size
        events, end = _read_lines(segment.path, self._offset, limit)
        if not events:
            self._offset = end  # blank or damaged lines only
            if retired is not None and self._offset >= retired:
                self._drop_first_segment()
                return True
            self._truncate_if_caught_up()
            return False
        self._sync(segment)
        self._write(events)
        self._offset = end
        self._set_online(True)  # before waking flush() waiters: they may check .online
        with self._progress:
            self._written += len(events)
            self._progress.notify_all()
        # While copies keep coming, truncating after every batch makes the writer contend with
        # the spooler for the spool lock (and the GIL): only a large spool is cut at once, a
        # small one when the writer goes idle.
        self._truncate_if_caught_up(min_size=TRUNCATE_BUSY_BYTES)
        return len(events) == self.batch_size or retired is not None

    def _drop_first_segment(self) -> None:
        """A retired segment is drained: its events are in the database, remove it."""
        with self._lock:
            segment = self._segments.pop(0)
            self._offset = 0
        os.close(segment.fd)
        self._remove_quietly(segment.path)
        _unlock(segment.lock)
        self._remove_quietly(segment.lock_path)

    def _truncate_if_caught_up(self, min_size: int = 0) -> None:
        if self._offset == 0 or self._offset < min_size:
            return
        with self._lock:
            if len(self._segments) != 1:
                return
            segment = self._segments[0]
            if os.fstat(segment.fd).st_size == self._offset:
                os.ftruncate(segment.fd, 0)
                segment.size = 0
                self._offset = 0

    def _replay_orphans(self) -> None:
        """Write the spools of recorders that are gone (killed, or closed while offline), in
        every spool root (a spool may have fallen back to another folder)."""
        spools = []
        for root in self._roots:
            folder = spool_dir_for(self.url, root)
            try:
                spools += [p for p in folder.glob("*.jsonl") if p.name != DEAD_LETTER_FILE]
            except OSError:
                continue
        with self._lock:
            own = {segment.path for segment in self._segments}
        for spool in sorted(spools, key=lambda p: p.name):  # named by creation time: oldest first
            if spool in own:
                continue
            orphan = self._claim(spool)
            if orphan is None:
                continue
            try:
                events, _ = _read_lines(orphan.spool)
                for start in range(0, len(events), self.batch_size):
                    self._write(events[start: start + self.batch_size])
                self._remove_quietly(orphan.spool)
            finally:
                _unlock(orphan.lock)
                if not orphan.spool.exists():
                    self._remove_quietly(orphan.lock_path)

    def _claim(self, spool: Path) -> _Orphan | None:
        lock_path = spool.with_suffix(".lock")
        lock = _try_lock(lock_path)
        if lock is None:
            return None
        if not spool.exists():
            _unlock(lock)
            return None
        return _Orphan(spool, lock_path, lock)
