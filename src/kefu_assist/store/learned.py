"""Learned examples: agents' choices turned into examples for the matcher.

An agent who copies a script for a message the matcher was unsure of (no confident suggestion,
a card other than the first, or a script found in 浏览全部 right after the message) tells us
which script answers that wording. The recorder stores each such copy as a row of
``learned_examples`` (redacted like every stored question); rows with the same normalised
question and script are one learned example:

- it helps the agent who made the choice at once (their own sidebar uses their pending rows);
- it helps the whole team once two different agents made the same choice, or once a team lead
  accepts it (``kefu-assist learned accept N`` also writes it into the library's YAML);
- a rejected one is dropped for good: later copies of the same pair are stored as rejected.

One agent's slip therefore never reaches the team. Everything here runs on the caller's thread
and waits for the database: the sidebar calls it from its background helper.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, insert, select, update

from .models import LearnedExample
from .redact import question_key, redact

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
MAX_QUESTION = 2_000


@dataclass(frozen=True)
class LearnedGroup:
    """One learned example: every row with this question key and script."""

    id: int  # the first row's id: stable, used by ``learned accept N``
    script_id: str
    question: str  # the first wording seen (redacted)
    norm_key: str
    count: int
    agents: tuple[str, ...]
    status: str
    first_seen: datetime
    last_seen: datetime


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _status_of(conn: Connection, norm_key: str, script_id: str) -> str:
    """A pair a team lead decided on keeps that decision for every later copy."""
    decided = conn.execute(
        select(LearnedExample.status)
        .where(LearnedExample.norm_key == norm_key, LearnedExample.script_id == script_id, LearnedExample.status != PENDING)
        .limit(1)
    ).scalar()
    return decided or PENDING


def insert_from_events(conn: Connection, events: list[dict], insert) -> None:
    """Store the copies marked ``learn`` (called inside the recorder's write transaction, with
    its dialect's ``insert``): idempotent by event uuid, like the copy itself."""
    for e in events:
        if e.get("kind") != "copy" or not e.get("learn"):
            continue
        question = (e.get("question") or "").strip()
        key = question_key(question)
        if not key:
            continue
        conn.execute(
            insert(LearnedExample)
            .values(
                event_uuid=e["uuid"], ts=datetime.fromisoformat(e["ts"]), agent=e.get("agent", ""), script_id=e["script_id"],
                question=question[:MAX_QUESTION], norm_key=key, source="copy", status=_status_of(conn, key, e["script_id"]),
            )
            .on_conflict_do_nothing(index_elements=["event_uuid"])
        )


def groups(engine: Engine, *, status: str | None = PENDING) -> list[LearnedGroup]:
    """Learned examples, chosen by most agents and most often first; ``status=None`` lists
    every status. One pass over the rows (a team's learned rows number thousands, not millions)."""
    t = LearnedExample
    with engine.connect() as conn:
        rows = conn.execute(select(t.id, t.norm_key, t.script_id, t.agent, t.status, t.question, t.ts).order_by(t.id)).all()
    pairs: dict[tuple[str, str], list] = {}
    for row in rows:
        pairs.setdefault((row.norm_key, row.script_id), []).append(row)
    out = []
    for (key, script_id), members in pairs.items():
        statuses = {m.status for m in members}
        group_status = ACCEPTED if ACCEPTED in statuses else REJECTED if REJECTED in statuses else PENDING
        if status is not None and group_status != status:
            continue
        out.append(LearnedGroup(
            members[0].id, script_id, members[0].question, key, len(members), tuple(sorted({m.agent for m in members})),
            group_status, min(m.ts for m in members), max(m.ts for m in members),
        ))
    out.sort(key=lambda g: (-len(g.agents), -g.count, g.id))
    return out


def get_group(engine: Engine, group_id: int) -> LearnedGroup | None:
    with engine.connect() as conn:
        row = conn.execute(select(LearnedExample.norm_key, LearnedExample.script_id).where(LearnedExample.id == group_id)).first()
    if row is None:
        return None
    return next((g for g in groups(engine, status=None) if g.norm_key == row.norm_key and g.script_id == row.script_id), None)


def set_status(engine: Engine, group_id: int, status: str) -> LearnedGroup | None:
    """Accept or reject a learned example (every row of its pair); None if there is no such id."""
    group = get_group(engine, group_id)
    if group is None:
        return None
    with engine.begin() as conn:
        conn.execute(
            update(LearnedExample)
            .where(LearnedExample.norm_key == group.norm_key, LearnedExample.script_id == group.script_id)
            .values(status=status)
        )
    return get_group(engine, group_id)


def add_accepted(engine: Engine, script_id: str, questions: list[str], agent: str) -> list[str]:
    """A team lead's examples, accepted at once; returns the redacted wordings stored."""
    stored = []
    with engine.begin() as conn:
        for q in questions:
            text = redact(q).strip()[:MAX_QUESTION]
            key = question_key(text)
            if not key:
                continue
            conn.execute(
                update(LearnedExample)
                .where(LearnedExample.norm_key == key, LearnedExample.script_id == script_id)
                .values(status=ACCEPTED)
            )
            conn.execute(
                insert(LearnedExample).values(
                    event_uuid=str(uuid.uuid4()), ts=_utcnow(), agent=agent, script_id=script_id, question=text,
                    norm_key=key, source="lead", status=ACCEPTED,
                )
            )
            stored.append(text)
    return stored


def examples_for(engine: Engine, agent: str) -> list[tuple[str, str]]:
    """``(script_id, question)`` pairs the matcher of ``agent``'s sidebar should know: the
    team's accepted ones, those two or more agents chose, and this agent's own pending ones."""
    out = []
    for g in groups(engine, status=None):
        if g.status == REJECTED:
            continue
        if g.status == ACCEPTED or len(g.agents) >= 2 or agent in g.agents:
            out.append((g.script_id, g.question))
    return out
