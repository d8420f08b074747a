"""The usage recorder the sidebar plugs into :class:`~kefu_assist.service.AssistService`.

Never lose an event, never block the agent:

- ``record_copy`` / ``record_unmatched`` run on the caller's (GUI) thread and only redact the
  question, give the event a uuid and append one JSON line to this recorder's spool file with a
  single ``os.write`` (tens of microseconds). Once they return, the event is in the kernel's
  page cache: killing the program loses nothing. The writer thread fsyncs the spool before each
  database write, which covers a power cut for all but the last few milliseconds.
- One background writer thread reads the spool in order, writes batches in one transaction each
  (``INSERT … ON CONFLICT (event_uuid) DO NOTHING``, so a replay never duplicates), and
  truncates the spool once it has caught up.
- Database unreachable (PostgreSQL down, network gone, SQLite locked for too long): events stay
  in the spool, the writer retries with exponential backoff, :attr:`Recorder.online` turns
  False and ``on_status(False)`` is called (from the writer thread: a Qt caller must hop to the
  GUI thread, e.g. with a queued signal). When the database is back, the spool is written in
  order, exactly once, and ``on_status(True)`` follows.
- Each recorder owns one spool file ``<data_dir>/spool/<db-hash>/<id>.jsonl``, held by an OS lock
  on ``<id>.lock`` (two sidebars never share a spool). At start-up the writer replays every
  spool of the same database whose lock it can take (a program that was killed or closed
  offline), then deletes it.

The favourites and recent-scripts API (:meth:`Recorder.toggle_favourite`,
:meth:`Recorder.favourites`, :meth:`Recorder.recent`) runs synchronously on the caller's thread
and waits for the database: call it from a worker thread, not the GUI thread.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from sqlalchemy import Engine, case, delete, func, select
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from .. import paths
from ..service import CopyEvent
from .db import DatabaseError, describe, open_database, resolve_db_url
from .models import CopyEventRow, Favourite, UnmatchedEvent, UnmatchedQuestion
from .learned import insert_from_events as insert_learned
from .redact import question_key, redact

log = logging.getLogger(__name__)

MAX_AGENT = 100
TRUNCATE_BUSY_BYTES = 256 * 1024  # spool size cut while copies keep coming
MAX_SCRIPT = 200
MAX_CATEGORY = 100
MAX_QUESTION = 2_000


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


# -- OS file locks (POSIX flock / Windows msvcrt) ----------------------------------------------
if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:
            pass


def spool_dir_for(url: str, base: Path | None = None) -> Path:
    """Spools are kept per database, so a replay never sends events to another database."""
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]
    return (base or paths.data_dir() / "spool") / digest


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
    name = engine_or_conn.dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover
        raise DatabaseError(f"unsupported database {name}: use SQLite or PostgreSQL")
    return insert


def _ts(value: str) -> datetime:
    return datetime.fromisoformat(value)


def write_events(engine: Engine, events: list[dict]) -> None:
    """Write spooled events in order, in one transaction. Idempotent: an event whose uuid is
    already stored is skipped (and an unmatched question is not counted again)."""
    if not events:
        return
    with engine.begin() as conn:
        insert = _insert(conn)
        copies = [
            {
                "event_uuid": e["uuid"], "ts": _ts(e["ts"]), "agent": e["agent"], "script_id": e["script_id"],
                "category": e["category"], "variant": e["variant"], "rank": e["rank"], "score": e["score"],
                "question": e["question"], "seconds_to_copy": e["seconds_to_copy"], "mood": _stored_mood(e),
            }
            for e in events if e.get("kind") == "copy"
        ]
        if copies:
            conn.execute(insert(CopyEventRow).on_conflict_do_nothing(index_elements=["event_uuid"]), copies)
        for e in events:
            if e.get("kind") != "unmatched":
                continue
            ts = _ts(e["ts"])
            key = question_key(e["question"])
            done = conn.execute(
                insert(UnmatchedEvent)
                .values(event_uuid=e["uuid"], ts=ts, agent=e["agent"], norm_key=key, mood=_stored_mood(e))
                .on_conflict_do_nothing(index_elements=["event_uuid"])
                .returning(UnmatchedEvent.id)
            ).scalar()
            if done is None:
                continue  # replayed: counted already (rowcount is not reliable across drivers)
            stmt = insert(UnmatchedQuestion).values(agent=e["agent"], question=e["question"], norm_key=key, count=1, first_seen=ts, last_seen=ts)
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
        insert_learned(conn, events, insert)


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


def _transient(exc: BaseException) -> bool:
    """Worth retrying later: the database is down, unreachable or locked."""
    if isinstance(exc, (OperationalError, DatabaseError)):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


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
class _Orphan:
    spool: Path
    lock: Path
    lock_fd: int


class Recorder:
    """Implements :class:`kefu_assist.service.UsageRecorder`. See the module docstring.

    ``url``: the database (default: :func:`resolve_db_url`). ``spool_root``: where spool
    folders go (default ``<data_dir>/spool``). ``on_status(online: bool)`` is called from the
    writer thread whenever the database becomes reachable or unreachable.
    """

    def __init__(
        self,
        url: str | None = None,
        *,
        spool_root: Path | None = None,
        on_status: Callable[[bool], None] | None = None,
        retry_initial: float = 0.5,
        retry_max: float = 30.0,
        batch_size: int = 500,
        start: bool = True,
    ) -> None:
        self.url = resolve_db_url(url)
        self.on_status = on_status
        self.retry_initial = retry_initial
        self.retry_max = retry_max
        self.batch_size = batch_size
        self.last_error: str | None = None
        self._online = True
        self._engine: Engine | None = None
        self._connected = threading.Event()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()  # spool appends vs truncation
        self._progress = threading.Condition()
        self._appended = 0  # events appended by this recorder (under _lock)
        self._written = 0  # of those, written to the database (under _progress)
        self._closed = False

        self.spool_dir = spool_dir_for(self.url, spool_root)
        self.spool_dir.mkdir(parents=True, exist_ok=True)
        name = f"{int(time.time() * 1000):013d}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.spool_path = self.spool_dir / f"{name}.jsonl"
        self._lock_path = self.spool_dir / f"{name}.lock"
        self._lock_fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(self._lock_fd):  # pragma: no cover - a fresh unique name
            os.close(self._lock_fd)
            raise RuntimeError(f"cannot lock {self._lock_path}")
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        self._fd = os.open(self.spool_path, flags, 0o600)
        self._offset = 0  # bytes of the own spool already in the database (writer thread only)

        self._thread = threading.Thread(target=self._run, name="kefu-assist-usage-writer", daemon=True)
        if start:
            self._thread.start()

    # -- UsageRecorder ------------------------------------------------------------------------
    def record_copy(self, event: CopyEvent, agent: str) -> None:
        self._append({
            "kind": "copy",
            "uuid": str(uuid.uuid4()),
            "ts": _utcnow().isoformat(),
            "agent": (agent or "")[:MAX_AGENT],
            "script_id": event.script_id[:MAX_SCRIPT],
            "category": (event.category or "")[:MAX_CATEGORY],
            "variant": int(event.variant or 0),
            "rank": event.rank,
            "score": None if event.score is None else float(event.score),
            "question": redact(event.question or "")[:MAX_QUESTION],
            "seconds_to_copy": None if event.seconds_to_copy is None else float(event.seconds_to_copy),
            "learn": bool(getattr(event, "learn", False)),
            "mood": _mood(event.question, getattr(event, "mood", None)),
        })

    def record_unmatched(self, question: str, agent: str) -> None:
        text = redact(question or "").strip()[:MAX_QUESTION]
        if not question_key(text):
            return
        self._append({"kind": "unmatched", "uuid": str(uuid.uuid4()), "ts": _utcnow().isoformat(), "agent": (agent or "")[:MAX_AGENT], "question": text, "mood": _mood(question, None)})

    def _append(self, record: dict) -> None:
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        with self._lock:
            if self._closed:
                raise RuntimeError("recorder is closed")
            os.write(self._fd, line)  # one write of a whole line to an O_APPEND file
            self._appended += 1
        self._wake.set()

    # -- status ---------------------------------------------------------------------------------
    @property
    def online(self) -> bool:
        """False while the database is unreachable and events wait in the spool."""
        return self._online

    @property
    def pending(self) -> int:
        """Events this recorder spooled that are not in the database yet."""
        with self._progress:
            return self._appended - self._written

    def _set_online(self, value: bool, error: BaseException | None = None) -> None:
        if error is not None:
            self.last_error = str(error).splitlines()[0] if str(error) else type(error).__name__
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
            except Exception:  # noqa: BLE001 - a UI bug must not stop the writer
                log.exception("on_status callback failed")

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every event recorded so far is in the database. False on timeout."""
        with self._lock:
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
        """Flush what the database accepts within ``timeout`` and stop. Events still pending
        stay in the spool for the next start. True when everything was written."""
        with self._lock:
            if self._closed:
                return self.pending == 0
            self._closed = True
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        if self._thread.is_alive():  # stuck in a database call: leave it the files, it is a daemon
            return False
        done = self.pending == 0
        os.close(self._fd)
        if done:
            self._remove_quietly(self.spool_path)
        _unlock(self._lock_fd)
        os.close(self._lock_fd)
        self._remove_quietly(self._lock_path)
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
                self._engine = open_database(self.url)
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
                    if not _transient(exc):
                        log.exception("usage writer: cannot write events; they stay in the spool")
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
        except Exception:  # noqa: BLE001 - never let the thread die silently
            log.exception("usage writer stopped")

    def _sync(self) -> None:
        try:
            os.fsync(self._fd)
        except OSError:  # pragma: no cover
            pass

    def _drain_own(self) -> bool:
        """Write the next batch of the own spool; True when more may be waiting."""
        events, end = _read_lines(self.spool_path, self._offset, self.batch_size)
        if not events:
            self._offset = end  # blank or damaged lines only
            self._truncate_if_caught_up()
            return False
        self._sync()
        write_events(self._engine, events)  # type: ignore[arg-type]
        self._offset = end
        self._set_online(True)  # before waking flush() waiters: they may check .online
        with self._progress:
            self._written += len(events)
            self._progress.notify_all()
        # While copies keep coming, truncating after every batch makes the writer contend with
        # record_copy for the spool lock (and the GIL): only a large spool is cut at once, a
        # small one when the writer goes idle.
        self._truncate_if_caught_up(min_size=TRUNCATE_BUSY_BYTES)
        return len(events) == self.batch_size

    def _truncate_if_caught_up(self, min_size: int = 0) -> None:
        if self._offset == 0 or self._offset < min_size:
            return
        with self._lock:
            if os.fstat(self._fd).st_size == self._offset:
                os.ftruncate(self._fd, 0)
                self._offset = 0

    def _replay_orphans(self) -> None:
        """Write the spools of recorders that are gone (killed, or closed while offline)."""
        for spool in sorted(self.spool_dir.glob("*.jsonl")):
            if spool == self.spool_path:
                continue
            orphan = self._claim(spool)
            if orphan is None:
                continue
            try:
                events, _ = _read_lines(orphan.spool)
                for start in range(0, len(events), self.batch_size):
                    write_events(self._engine, events[start: start + self.batch_size])  # type: ignore[arg-type]
                self._remove_quietly(orphan.spool)
            finally:
                _unlock(orphan.lock_fd)
                os.close(orphan.lock_fd)
                if not orphan.spool.exists():
                    self._remove_quietly(orphan.lock)

    def _claim(self, spool: Path) -> _Orphan | None:
        lock = spool.with_suffix(".lock")
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return None
        if not _try_lock(fd) or not spool.exists():
            os.close(fd)
            return None
        return _Orphan(spool, lock, fd)
