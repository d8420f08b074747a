"""The buyer's mood with every copy and unmatched question, for the share of upset buyers a day.

- ``copy_events.mood`` and ``unmatched_events.mood``: "upset" or "calm" as
  ``kefu_assist.checker.mood`` read the buyer's message when it was recorded; nullable, since
  rows written before this revision were never read for mood (``stats`` leaves them out of the
  share rather than counting them calm);
- ``(date(ts), mood)`` expression indexes on both tables: ``stats``' upset share per day reads
  them alone, in their order.

Columns are added in place (no table rebuild), so 0004's expression index stays.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("copy_events", sa.Column("mood", sa.String(10), nullable=True))
    op.add_column("unmatched_events", sa.Column("mood", sa.String(10), nullable=True))
    op.create_index("ix_copy_events_day_mood", "copy_events", [sa.func.date(sa.column("ts")), "mood"])
    op.create_index("ix_unmatched_events_day_mood", "unmatched_events", [sa.func.date(sa.column("ts")), "mood"])


def downgrade() -> None:
    op.drop_index("ix_unmatched_events_day_mood", table_name="unmatched_events")
    op.drop_index("ix_copy_events_day_mood", table_name="copy_events")
    with op.batch_alter_table("unmatched_events") as batch:
        batch.drop_column("mood")
    with op.batch_alter_table("copy_events") as batch:
        batch.drop_column("mood")
    # the rebuild of copy_events drops 0004's expression index (SQLAlchemy cannot reflect it)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.create_index("ix_copy_events_day_category_ts", "copy_events", [sa.func.date(sa.column("ts")), "category", "ts"], if_not_exists=True)
