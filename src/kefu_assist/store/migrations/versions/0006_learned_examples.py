"""Learned examples: the script an agent chose for a question the matcher was unsure of.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "learned_examples",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("event_uuid", sa.String(36), nullable=False),
        sa.Column("ts", sa.DateTime(), nullable=False),
        sa.Column("agent", sa.String(100), nullable=False),
        sa.Column("script_id", sa.String(200), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("norm_key", sa.String(255), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_learned_examples"),
        sa.UniqueConstraint("event_uuid", name="uq_learned_examples_event_uuid"),
    )
    op.create_index("ix_learned_examples_norm_key_script_id", "learned_examples", ["norm_key", "script_id"])
    op.create_index("ix_learned_examples_status_ts", "learned_examples", ["status", "ts"])


def downgrade() -> None:
    op.drop_index("ix_learned_examples_status_ts", table_name="learned_examples")
    op.drop_index("ix_learned_examples_norm_key_script_id", table_name="learned_examples")
    op.drop_table("learned_examples")
