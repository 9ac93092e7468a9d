"""Sync: the change log and its triggers, this device's place, caches and conflicts.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

Commitments and reflections already carry a ``uid`` (unique, since 0001): their name
across devices, so nothing is backfilled. New plain tables only: ``sync_change`` (what
changed here since the last pass, filled by SQLite triggers on the synced tables, see
``store/change_log.py``), ``sync_state`` (the folder, this device, the hybrid clock),
``sync_doc`` and ``sync_peer`` (the engine's document cache and read offsets, committed
with the merged records in one transaction), ``sync_waiting`` (records that arrived
before their commitment) and ``sync_conflict`` (texts kept beside the shown one). The
triggers are created last, so nothing written before is noted: the first pass sends the
whole record anyway.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from selftrust.store.change_log import TRIGGER_NAMES, TRIGGERS

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_change",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_change")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("device_name", sa.Text(), nullable=False),
        sa.Column("folder", sa.Text(), nullable=False),
        sa.Column("encrypted", sa.Boolean(), nullable=False),
        sa.Column("joined", sa.Boolean(), nullable=False),
        sa.Column("last_pass", sa.DateTime(), nullable=True),
        sa.Column("clock_ms", sa.Integer(), nullable=False),
        sa.Column("clock_counter", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_state_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_doc",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("state", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sync_doc")),
    )
    op.create_table(
        "sync_peer",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("offset", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_sync_peer")),
    )
    op.create_table(
        "sync_waiting",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "key", name=op.f("pk_sync_waiting")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("other_text", sa.Text(), nullable=True),
        sa.Column("other_device", sa.Text(), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("told", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for name in reversed(TRIGGER_NAMES):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("sync_conflict", "sync_waiting", "sync_peer", "sync_doc", "sync_state",
                  "sync_change"):
        op.drop_table(table)
