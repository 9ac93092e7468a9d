"""The first schema: commitments, pauses, check-ins, reflections and settings.

Revision ID: 0001
Revises:
Create Date: 2026-01-01

Constraints are written out here (not imported from tables.py) because a migration
must keep meaning what it meant on the day it was written; tests/store checks that
the result still equals the tables. Constraint order follows tables.py so that the
stored CREATE TABLE text is identical to ``METADATA.create_all``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPLICATION_ID = 0x536C6654
"""b"SlfT" in the SQLite header: marks the file as Self-Trust's (see migrate.py)."""


def upgrade() -> None:
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    op.create_table(
        "commitment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("why", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("unit", sa.String(length=24), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("target_per", sa.String(length=8), nullable=True),
        sa.Column("at_most", sa.Boolean(), nullable=False),
        sa.Column("schedule_kind", sa.String(length=16), nullable=False),
        sa.Column("schedule_times", sa.Integer(), nullable=False),
        sa.Column("schedule_days", sa.Integer(), nullable=False),
        sa.Column("weekdays", sa.Integer(), nullable=False),
        sa.Column("once_on", sa.Date(), nullable=True),
        sa.Column("color", sa.String(length=7), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("archived_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment")),
        sa.CheckConstraint(
            "length(trim(title)) > 0 AND length(title) <= 120", name=op.f("ck_commitment_title")
        ),
        sa.CheckConstraint("why IS NULL OR length(why) <= 2000", name=op.f("ck_commitment_why")),
        sa.CheckConstraint("kind IN ('yes_no', 'measurable')", name=op.f("ck_commitment_kind")),
        sa.CheckConstraint(
            "(kind = 'yes_no' AND target IS NULL AND target_per IS NULL) OR "
            "(kind = 'measurable' AND target IS NOT NULL AND target > 0 AND "
            "target_per IS NOT NULL AND target_per IN ('day', 'week', 'month'))",
            name=op.f("ck_commitment_measurable"),
        ),
        sa.CheckConstraint(
            "unit IS NULL OR length(unit) <= 24", name=op.f("ck_commitment_unit")
        ),
        sa.CheckConstraint(
            "schedule_kind IN ('daily', 'weekdays', 'per_week', 'per_month', 'in_days', 'once')",
            name=op.f("ck_commitment_schedule_kind"),
        ),
        sa.CheckConstraint(
            "schedule_times BETWEEN 1 AND 365", name=op.f("ck_commitment_schedule_times")
        ),
        sa.CheckConstraint(
            "schedule_days BETWEEN 1 AND 365", name=op.f("ck_commitment_schedule_days")
        ),
        sa.CheckConstraint("weekdays BETWEEN 1 AND 127", name=op.f("ck_commitment_weekdays")),
        sa.CheckConstraint(
            "(schedule_kind = 'once') = (once_on IS NOT NULL)", name=op.f("ck_commitment_once_on")
        ),
        sa.CheckConstraint(
            "color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'",
            name=op.f("ck_commitment_color"),
        ),
        sa.CheckConstraint(
            "archived_on IS NULL OR archived_on >= created_on", name=op.f("ck_commitment_archived")
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_commitment_uid")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "pause",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pause")),
        sa.CheckConstraint("last_day >= first_day", name=op.f("ck_pause_range")),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitment.id"],
            name=op.f("fk_pause_commitment_id_commitment"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(op.f("ix_pause_commitment_id"), "pause", ["commitment_id"], unique=False)
    op.create_table(
        "checkin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin")),
        sa.UniqueConstraint("commitment_id", "day", name="uq_checkin_commitment_day"),
        sa.CheckConstraint(
            "status IN ('kept', 'missed', 'skipped')", name=op.f("ck_checkin_status")
        ),
        sa.CheckConstraint(
            "value IS NULL OR (value >= 0 AND value <= 1e12)", name=op.f("ck_checkin_value")
        ),
        sa.CheckConstraint(
            "note IS NULL OR length(note) <= 2000", name=op.f("ck_checkin_note")
        ),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitment.id"],
            name=op.f("fk_checkin_commitment_id_commitment"),
            ondelete="CASCADE",
        ),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_checkin_day", "checkin", ["day"], unique=False)
    op.create_table(
        "reflection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=True),
        sa.Column("checkin_id", sa.Integer(), nullable=True),
        sa.Column("happened", sa.Text(), nullable=True),
        sa.Column("owning", sa.Text(), nullable=True),
        sa.Column("friend", sa.Text(), nullable=True),
        sa.Column("learned", sa.Text(), nullable=True),
        sa.Column("next_step", sa.Text(), nullable=True),
        sa.Column("feeling_before", sa.Integer(), nullable=True),
        sa.Column("feeling_after", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reflection")),
        sa.CheckConstraint(
            "length(trim(coalesce(happened, '') || coalesce(owning, '') || "
            "coalesce(friend, '') || coalesce(learned, '') || coalesce(next_step, ''), "
            "char(32, 9, 10, 11, 12, 13))) > 0",
            name=op.f("ck_reflection_written"),
        ),
        sa.CheckConstraint(
            "feeling_before IS NULL OR feeling_before BETWEEN 1 AND 5",
            name=op.f("ck_reflection_feeling_before"),
        ),
        sa.CheckConstraint(
            "feeling_after IS NULL OR feeling_after BETWEEN 1 AND 5",
            name=op.f("ck_reflection_feeling_after"),
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_reflection_uid")),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitment.id"],
            name=op.f("fk_reflection_commitment_id_commitment"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["checkin.id"],
            name=op.f("fk_reflection_checkin_id_checkin"),
            ondelete="SET NULL",
        ),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_reflection_commitment_id"), "reflection", ["commitment_id"], unique=False
    )
    op.create_index(op.f("ix_reflection_checkin_id"), "reflection", ["checkin_id"], unique=False)
    op.create_index("ix_reflection_day", "reflection", ["day"], unique=False)
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )


def downgrade() -> None:
    op.drop_table("setting")
    op.drop_index("ix_reflection_day", table_name="reflection")
    op.drop_index(op.f("ix_reflection_checkin_id"), table_name="reflection")
    op.drop_index(op.f("ix_reflection_commitment_id"), table_name="reflection")
    op.drop_table("reflection")
    op.drop_index("ix_checkin_day", table_name="checkin")
    op.drop_table("checkin")
    op.drop_index(op.f("ix_pause_commitment_id"), table_name="pause")
    op.drop_table("pause")
    op.drop_table("commitment")
    op.execute("PRAGMA application_id = 0")
