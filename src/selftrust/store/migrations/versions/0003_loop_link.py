"""The Loop bridge: commitments linked to Loop habits, and what was last merged.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

``loop_link`` pairs a commitment with its Loop Habit Tracker habit by Loop's ``uuid``
(deleting the commitment deletes the pairing), and keeps the habit as Loop described
it at the last pull. ``loop_mark`` keeps every day of that last merged backup, in our
check-in terms, so a pull applies only what changed on the phone since. Two plain new
tables: nothing existing is rebuilt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "loop_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("loop_uuid", sa.String(length=32), nullable=False),
        sa.Column("merged_habit", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loop_link")),
        sa.UniqueConstraint("commitment_id", name=op.f("uq_loop_link_commitment_id")),
        sa.ForeignKeyConstraint(
            ["commitment_id"], ["commitment.id"],
            name=op.f("fk_loop_link_commitment_id_commitment"), ondelete="CASCADE",
        ),
        sa.UniqueConstraint("loop_uuid", name=op.f("uq_loop_link_loop_uuid")),
    )
    op.create_table(
        "loop_mark",
        sa.Column("link_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("link_id", "day", name=op.f("pk_loop_mark")),
        sa.CheckConstraint(
            "status IN ('kept', 'missed', 'skipped')", name=op.f("ck_loop_mark_status")
        ),
        sa.ForeignKeyConstraint(
            ["link_id"], ["loop_link.id"],
            name=op.f("fk_loop_mark_link_id_loop_link"), ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("loop_mark")
    op.drop_table("loop_link")
