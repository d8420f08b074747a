"""Unmatched questions a team lead dismissed from the review queue (待处理).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dismissed_questions",
        sa.Column("norm_key", sa.String(255), nullable=False),
        sa.Column("ts", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("norm_key", name="pk_dismissed_questions"),
    )


def downgrade() -> None:
    op.drop_table("dismissed_questions")
