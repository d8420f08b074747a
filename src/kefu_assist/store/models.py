"""The usage-history schema (SQLAlchemy 2.x declarative, typed).

Timestamps are naive UTC datetimes (SQLite has no time zones; PostgreSQL columns are
``timestamp without time zone`` holding UTC). Every event carries the client-generated uuid it
had in the spool: the UNIQUE constraint on it makes replaying a spool idempotent (exactly once).

The schema changes only through Alembic revisions in ``migrations/versions``; this module always
describes the head revision.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Float, Index, Integer, MetaData, String, Text, UniqueConstraint, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Integer on SQLite so the column is the rowid alias (autoincrement); bigint elsewhere.
BigId = BigInteger().with_variant(Integer(), "sqlite")

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class CopyEventRow(Base):
    """One reply an agent put on the clipboard."""

    __tablename__ = "copy_events"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    event_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    ts: Mapped[datetime] = mapped_column(DateTime())
    agent: Mapped[str] = mapped_column(String(100))
    script_id: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(100))
    variant: Mapped[int] = mapped_column(Integer, default=0)
    rank: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float)
    question: Mapped[str] = mapped_column(Text, default="")  # redacted, never raw
    seconds_to_copy: Mapped[float | None] = mapped_column(Float)  # revision 0002
    mood: Mapped[str | None] = mapped_column(String(10))  # revision 0005: "upset" / "calm", None before

    __table_args__ = (
        Index("ix_copy_events_ts", "ts"),
        Index("ix_copy_events_agent_ts", "agent", "ts"),
        Index("ix_copy_events_script_id_ts", "script_id", "ts"),
        # revision 0004 (replacing 0003's): every query of ``stats`` reads one of these alone,
        # in the order it groups or sorts by, with ``ts`` inside for ``--since``
        Index("ix_copy_events_script_id_category_ts", "script_id", "category", "ts"),
        Index("ix_copy_events_agent_seconds_ts", "agent", "seconds_to_copy", "ts"),
        Index("ix_copy_events_seconds_ts", "seconds_to_copy", "ts"),
    )


# copies per day and category (the 统计 chart), in day order, on an expression index (revision 0004)
Index("ix_copy_events_day_category_ts", func.date(CopyEventRow.ts), CopyEventRow.category, CopyEventRow.ts)
# the share of upset buyers per day (revision 0005)
Index("ix_copy_events_day_mood", func.date(CopyEventRow.ts), CopyEventRow.mood)


class UnmatchedQuestion(Base):
    """A buyer question no script answered confidently, counted per agent and normalised key."""

    __tablename__ = "unmatched_questions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    agent: Mapped[str] = mapped_column(String(100))
    question: Mapped[str] = mapped_column(Text)  # redacted; the first wording seen
    norm_key: Mapped[str] = mapped_column(String(255))  # revision 0002
    count: Mapped[int] = mapped_column(Integer, default=1)
    first_seen: Mapped[datetime] = mapped_column(DateTime())
    last_seen: Mapped[datetime] = mapped_column(DateTime())

    __table_args__ = (UniqueConstraint("agent", "norm_key", name="uq_unmatched_questions_agent_norm_key"),)


class UnmatchedEvent(Base):
    """Each unmatched question as it happened (revision 0002): the uuid makes the count exact
    under replays, and ``stats --since`` counts from here."""

    __tablename__ = "unmatched_events"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    event_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    ts: Mapped[datetime] = mapped_column(DateTime())
    agent: Mapped[str] = mapped_column(String(100))
    norm_key: Mapped[str] = mapped_column(String(255))
    mood: Mapped[str | None] = mapped_column(String(10))  # revision 0005

    __table_args__ = (Index("ix_unmatched_events_ts", "ts"),)


Index("ix_unmatched_events_day_mood", func.date(UnmatchedEvent.ts), UnmatchedEvent.mood)  # revision 0005


class Favourite(Base):
    __tablename__ = "favourites"

    agent: Mapped[str] = mapped_column(String(100), primary_key=True)
    script_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    created: Mapped[datetime] = mapped_column(DateTime())


class DismissedQuestion(Base):
    """An unmatched question (by normalised key) a team lead dismissed from the review queue
    (revision 0007): it stays counted in the usage figures but leaves 待处理 for good."""

    __tablename__ = "dismissed_questions"

    norm_key: Mapped[str] = mapped_column(String(255), primary_key=True)
    ts: Mapped[datetime] = mapped_column(DateTime())


class LearnedExample(Base):
    """A buyer question (redacted) paired with the script an agent chose for it when the matcher
    was not sure (revision 0006). Rows with the same ``(norm_key, script_id)`` are one learned
    example; its status says whether it reaches the whole team:

    - ``pending``: helps the agents who made the choice; it reaches everyone once two different
      agents made it, or a team lead accepts it;
    - ``accepted``: a team lead accepted it (it is also written into the library's YAML);
    - ``rejected``: dropped for good, and later copies of the same pair are ignored.
    """

    __tablename__ = "learned_examples"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    event_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    ts: Mapped[datetime] = mapped_column(DateTime())
    agent: Mapped[str] = mapped_column(String(100))
    script_id: Mapped[str] = mapped_column(String(200))
    question: Mapped[str] = mapped_column(Text)  # redacted, never raw
    norm_key: Mapped[str] = mapped_column(String(255))
    source: Mapped[str] = mapped_column(String(10))  # copy | lead
    status: Mapped[str] = mapped_column(String(10))  # pending | accepted | rejected

    __table_args__ = (
        Index("ix_learned_examples_norm_key_script_id", "norm_key", "script_id"),
        Index("ix_learned_examples_status_ts", "status", "ts"),
    )
