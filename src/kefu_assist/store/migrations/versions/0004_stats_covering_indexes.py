"""Covering indexes for ``stats``, ``--since`` and the per-day chart included.

Revision 0003's indexes served whole-history figures only: with ``--since`` every copy's row was
read to check its time (the figures got slower than without the indexes). Each index below ends
with ``ts``, so a ``--since`` filter is checked inside the index, and each is in the order its
query groups or sorts by, so nothing is sorted:

- ``(script_id, category, ts)``: copies per script and per category, last use per script;
- ``(agent, seconds_to_copy, ts)`` and ``(seconds_to_copy, ts)``: copies per agent, and the
  medians by seeking to the middle entry instead of sorting every copy;
- ``(date(ts), category, ts)``, an expression index: copies per day and category.

They replace 0003's three, which they cover as prefixes. Data is not touched.

SQLAlchemy cannot reflect an expression index on SQLite: a later migration that rebuilds
``copy_events`` with ``batch_alter_table`` must create ``ix_copy_events_day_category_ts`` again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_copy_events_seconds", table_name="copy_events")
    op.drop_index("ix_copy_events_agent_seconds", table_name="copy_events")
    op.drop_index("ix_copy_events_script_id_category", table_name="copy_events")
    op.create_index("ix_copy_events_script_id_category_ts", "copy_events", ["script_id", "category", "ts"])
    op.create_index("ix_copy_events_agent_seconds_ts", "copy_events", ["agent", "seconds_to_copy", "ts"])
    op.create_index("ix_copy_events_seconds_ts", "copy_events", ["seconds_to_copy", "ts"])
    op.create_index("ix_copy_events_day_category_ts", "copy_events", [sa.func.date(sa.column("ts")), "category", "ts"])


def downgrade() -> None:
    op.drop_index("ix_copy_events_day_category_ts", table_name="copy_events")
    op.drop_index("ix_copy_events_seconds_ts", table_name="copy_events")
    op.drop_index("ix_copy_events_agent_seconds_ts", table_name="copy_events")
    op.drop_index("ix_copy_events_script_id_category_ts", table_name="copy_events")
    op.create_index("ix_copy_events_script_id_category", "copy_events", ["script_id", "category"])
    op.create_index("ix_copy_events_agent_seconds", "copy_events", ["agent", "seconds_to_copy"])
    op.create_index("ix_copy_events_seconds", "copy_events", ["seconds_to_copy"])
