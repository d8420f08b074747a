"""Writing usage events to the database (:func:`write_events`), the favourites and recent
scripts, and the recorder's dead letters: the rows the database refuses, set aside beside the
spool (see :mod:`kefu_assist.store.recorder`)."""
from __future__ import annotations

import contextlib
import json
import logging
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, case, delete, func, select

from .cleaning import MAX_AGENT, MAX_CATEGORY, MAX_QUESTION, MAX_SCRIPT, UNTRANSLATABLE, _refused, _sqlstate, _text, _utcnow, clean_text, fit_to_codec, python_codec
from .db import DatabaseError, dead_letter_files, describe, one_line
from .models import CopyEventRow, Favourite, UnmatchedEvent, UnmatchedQuestion
from .learned import insert_from_events as insert_learned
from .redact import question_key

log = logging.getLogger("kefu_assist.store.recorder")  # one logger for the whole recorder


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
    # the package, not its mood module: an import of the package waits for another thread's
    # (the sidebar's worker reading the reply rules), one of its half-imported module does not
    from .. import checker

    return checker.mood(question).label


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



class DeadLetters:
    """The writer thread's row-by-row fallback of :class:`~kefu_assist.store.recorder.Recorder`:
    bisecting a refused batch, fitting text to the database's encoding, and the dead-letter file."""

    if TYPE_CHECKING:  # set up and defined by Recorder
        url: str
        write_timeout: float
        dead_letter_path: Path
        _roots: list[Path]
        _engine: Engine | None
        _dead_uuids: set[str]
        _dead_count: int
        _server_codec: str | None | bool

        def _busy(self, *, abortable: bool) -> contextlib.AbstractContextManager[None]: ...

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
