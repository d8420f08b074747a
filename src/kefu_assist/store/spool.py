"""The usage recorder's spool files (see :mod:`kefu_assist.store.recorder`): OS locks, reading
spool lines, the segments a recorder appends to and drains, moving to another spool root when a
folder fails, and replaying the spools of recorders that are gone."""
from __future__ import annotations

import itertools
import json
import logging
import os
import time
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout

from .db import DEAD_LETTER_FILE, spool_dir_for

log = logging.getLogger("kefu_assist.store.recorder")  # one logger for the whole recorder

TRUNCATE_BUSY_BYTES = 256 * 1024  # spool size cut while copies keep coming
SPOOL_RETRY_S = 1.0


_SEGMENT_SEQ = itertools.count()


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


class SpoolFiles:
    """The spool-file half of :class:`~kefu_assist.store.recorder.Recorder` (its state is set up
    in ``Recorder.__init__``)."""

    if TYPE_CHECKING:  # set up and defined by Recorder
        url: str
        batch_size: int
        spool_notice: str | None
        spool_path: Path
        spool_dir: Path
        dead_letter_path: Path
        _roots: list[Path]
        _segments: list[_Segment]
        _offset: int
        _lock: threading.Lock
        _progress: threading.Condition
        _written: int
        _spool_failing: bool
        _stop: threading.Event
        _wake: threading.Event

        def _event_record(self, kind: str, event_uuid: str, ts: datetime, payload, agent: str) -> dict | None: ...
        def _mark_handled(self, n: int, *, written: bool) -> None: ...
        def _set_online(self, value: bool, error: BaseException | str | None = None) -> None: ...
        def _write(self, events: list, *, fitted: bool = False) -> None: ...

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

    @staticmethod
    def _remove_quietly(path: Path) -> None:
        try:
            path.unlink()
        except OSError:
            pass

    @staticmethod
    def _sync(segment: _Segment) -> None:
        try:
            os.fsync(segment.fd)
        except OSError:  # pragma: no cover
            pass

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
