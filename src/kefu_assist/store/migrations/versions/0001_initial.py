"""Initial schema: copy events, unmatched questions, favourites.

Revision ID: 0001
Revises:
Create Date: 2026-11-20
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "copy_events",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("event_uuid", sa.String(36), nullable=False),
        sa.Column("ts", sa.DateTime(), nullable=False),
        sa.Column("agent", sa.String(100), nullable=False),
        sa.Column("script_id", sa.String(200), nullable=False),
        sa.Column("category", sa.String(100), nullable=False),
        sa.Column("variant", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("question", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_copy_events"),
        sa.UniqueConstraint("event_uuid", name="uq_copy_events_event_uuid"),
    )
    op.create_index("ix_copy_events_ts", "copy_events", ["ts"])
    op.create_index("ix_copy_events_agent_ts", "copy_events", ["agent", "ts"])
    op.create_index("ix_copy_events_script_id_ts", "copy_events", ["script_id", "ts"])
    op.create_table(
        "unmatched_questions",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("agent", sa.String(100), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_unmatched_questions"),
    )
    op.create_table(
        "favourites",
        sa.Column("agent", sa.String(100), nullable=False),
        sa.Column("script_id", sa.String(200), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("agent", "script_id", name="pk_favourites"),
    )


def downgrade() -> None:
    op.drop_table("favourites")
    op.drop_table("unmatched_questions")
    op.drop_index("ix_copy_events_script_id_ts", table_name="copy_events")
    op.drop_index("ix_copy_events_agent_ts", table_name="copy_events")
    op.drop_index("ix_copy_events_ts", table_name="copy_events")
    op.drop_table("copy_events")
