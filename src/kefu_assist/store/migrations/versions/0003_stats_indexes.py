"""Indexes that let ``stats`` answer from indexes alone at 100,000 copies and more.

- ``(script_id, category)``: copies per script and per category without reading the rows;
- ``(agent, seconds_to_copy)`` and ``(seconds_to_copy)``: medians by seeking to the middle of
  an ordered index instead of sorting every copy.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""
from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_copy_events_script_id_category", "copy_events", ["script_id", "category"])
    op.create_index("ix_copy_events_agent_seconds", "copy_events", ["agent", "seconds_to_copy"])
    op.create_index("ix_copy_events_seconds", "copy_events", ["seconds_to_copy"])


def downgrade() -> None:
    op.drop_index("ix_copy_events_seconds", table_name="copy_events")
    op.drop_index("ix_copy_events_agent_seconds", table_name="copy_events")
    op.drop_index("ix_copy_events_script_id_category", table_name="copy_events")
