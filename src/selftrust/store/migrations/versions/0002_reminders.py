"""Reminders: a time of day and weekdays on each commitment.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

SQLite cannot add a CHECK constraint to a table, so the commitment table is rebuilt:
the old one is renamed aside, the new one is created with exactly the text
``METADATA.create_all`` writes (tests/store compares the two), the rows are copied
with their ids, and the AUTOINCREMENT high-water mark is carried over so an id that
was ever used is still never handed out again. ``legacy_alter_table`` keeps SQLite
from pointing the foreign keys of pauses, check-ins and reflections at the renamed
old table while it exists. Foreign keys are off during migrations (see migrate.py),
so dropping the old table cascades into nothing.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

OLD_COLUMNS = (
    "id", "uid", "title", "why", "kind", "unit", "target", "target_per", "at_most",
    "schedule_kind", "schedule_times", "schedule_days", "weekdays", "once_on", "color",
    "position", "created_on", "archived_on",
)
ASIDE = "_commitment_before_0002"


def _commitment_columns() -> list[sa.Column[Any]]:
    return [
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
    ]


def _commitment_checks() -> list[sa.CheckConstraint]:
    return [
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
    ]


def _rebuild(columns: list[sa.Column[Any]], checks: list[sa.CheckConstraint]) -> None:
    """Rename commitment aside, create it anew, copy the rows and the id high-water mark.

    Only the columns both versions share are copied; new ones take their defaults."""
    op.execute("PRAGMA legacy_alter_table = ON")
    try:
        op.execute(f"ALTER TABLE commitment RENAME TO {ASIDE}")
        op.create_table(
            "commitment",
            *columns,
            sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment")),
            *checks,
            sa.UniqueConstraint("uid", name=op.f("uq_commitment_uid")),
            sqlite_autoincrement=True,
        )
        names = ", ".join(OLD_COLUMNS)
        op.execute(f"INSERT INTO commitment ({names}) SELECT {names} FROM {ASIDE}")
        # The renamed table took its sqlite_sequence row along; give it back.
        op.execute("DELETE FROM sqlite_sequence WHERE name = 'commitment'")
        op.execute(
            f"UPDATE sqlite_sequence SET name = 'commitment' WHERE name = '{ASIDE}'"
        )
        op.execute(f"DROP TABLE {ASIDE}")
    finally:
        op.execute("PRAGMA legacy_alter_table = OFF")


def upgrade() -> None:
    _rebuild(
        [
            *_commitment_columns(),
            sa.Column("reminder_time", sa.String(length=5), nullable=True),
            sa.Column("reminder_days", sa.Integer(), server_default=sa.text("127"),
                      nullable=False),
        ],
        [
            *_commitment_checks(),
            sa.CheckConstraint(
                "reminder_time IS NULL OR reminder_time GLOB '[0-2][0-9]:[0-5][0-9]'",
                name=op.f("ck_commitment_reminder_time"),
            ),
            sa.CheckConstraint(
                "reminder_days BETWEEN 1 AND 127", name=op.f("ck_commitment_reminder_days")
            ),
        ],
    )


def downgrade() -> None:
    _rebuild(_commitment_columns(), _commitment_checks())
