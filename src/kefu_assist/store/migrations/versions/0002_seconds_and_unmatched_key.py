"""Seconds to copy; unmatched questions keyed by a normalised text, counted exactly once.

- ``copy_events.seconds_to_copy`` (nullable: older rows never measured it);
- ``unmatched_questions.norm_key``: backfilled from the stored (already redacted) question,
  rows of one agent with the same key merged (counts summed, first/last seen widened), then
  UNIQUE (agent, norm_key);
- ``unmatched_events``: one row per unmatched question with its client uuid, so a replayed
  spool never counts a question twice.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-20
"""
from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# A frozen copy of kefu_assist.store.redact.question_key as of this revision: a migration must
# not change meaning when the application code moves on.
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def _key(text: str) -> str:
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())[:255]


def upgrade() -> None:
    with op.batch_alter_table("copy_events") as batch:
        batch.add_column(sa.Column("seconds_to_copy", sa.Float(), nullable=True))

    with op.batch_alter_table("unmatched_questions") as batch:
        batch.add_column(sa.Column("norm_key", sa.String(255), nullable=True))

    conn = op.get_bind()
    uq = sa.table(
        "unmatched_questions",
        sa.column("id", sa.Integer), sa.column("agent", sa.String), sa.column("question", sa.Text),
        sa.column("norm_key", sa.String), sa.column("count", sa.Integer),
        sa.column("first_seen", sa.DateTime), sa.column("last_seen", sa.DateTime),
    )
    rows = conn.execute(sa.select(uq.c.id, uq.c.agent, uq.c.question, uq.c.count, uq.c.first_seen, uq.c.last_seen).order_by(uq.c.id)).all()
    keep: dict[tuple[str, str], dict] = {}
    drop: list[int] = []
    for row in rows:
        key = (row.agent, _key(row.question))
        kept = keep.get(key)
        if kept is None:
            keep[key] = {"id": row.id, "count": row.count, "first_seen": row.first_seen, "last_seen": row.last_seen, "norm_key": key[1]}
        else:
            kept["count"] += row.count
            kept["first_seen"] = min(kept["first_seen"], row.first_seen)
            kept["last_seen"] = max(kept["last_seen"], row.last_seen)
            drop.append(row.id)
    for kept in keep.values():
        conn.execute(
            uq.update().where(uq.c.id == kept["id"]).values(
                norm_key=kept["norm_key"], count=kept["count"], first_seen=kept["first_seen"], last_seen=kept["last_seen"]
            )
        )
    if drop:
        conn.execute(uq.delete().where(uq.c.id.in_(drop)))

    with op.batch_alter_table("unmatched_questions") as batch:
        batch.alter_column("norm_key", existing_type=sa.String(255), nullable=False)
        batch.create_unique_constraint("uq_unmatched_questions_agent_norm_key", ["agent", "norm_key"])

    op.create_table(
        "unmatched_events",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("event_uuid", sa.String(36), nullable=False),
        sa.Column("ts", sa.DateTime(), nullable=False),
        sa.Column("agent", sa.String(100), nullable=False),
        sa.Column("norm_key", sa.String(255), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_unmatched_events"),
        sa.UniqueConstraint("event_uuid", name="uq_unmatched_events_event_uuid"),
    )
    op.create_index("ix_unmatched_events_ts", "unmatched_events", ["ts"])


def downgrade() -> None:
    op.drop_index("ix_unmatched_events_ts", table_name="unmatched_events")
    op.drop_table("unmatched_events")
    with op.batch_alter_table("unmatched_questions") as batch:
        batch.drop_constraint("uq_unmatched_questions_agent_norm_key", type_="unique")
        batch.drop_column("norm_key")
    with op.batch_alter_table("copy_events") as batch:
        batch.drop_column("seconds_to_copy")
