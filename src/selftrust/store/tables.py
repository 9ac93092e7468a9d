"""The database tables, with their rules enforced by SQLite itself.

Constraints live in the schema, not only in Python, so no code path (an importer, a
future version, a hand edit) can store a check-in for a day twice or a status the app
does not know. Every change here needs an Alembic migration (tests compare the two).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from selftrust.store.change_log import TRIGGERS

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING

SCHEDULE_KINDS = ("daily", "weekdays", "per_week", "per_month", "in_days", "once")
STATUSES = ("kept", "missed", "skipped")
PERIODS = ("day", "week", "month")


def new_uid() -> str:
    """A record's stable name across devices: a uuid4 in hex (32 characters)."""
    return uuid.uuid4().hex


def _uid_column() -> Any:
    """``uid`` is filled for every new row that does not bring one (a Python-side
    default: the schema text stays the migrations')."""
    return Field(sa_column=sa.Column(sa.String(32), nullable=False, unique=True,
                                     default=new_uid))


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Commitment(SQLModel, table=True):
    __tablename__ = "commitment"
    __table_args__ = (
        sa.CheckConstraint("length(trim(title)) > 0 AND length(title) <= 120", name="title"),
        sa.CheckConstraint("why IS NULL OR length(why) <= 2000", name="why"),
        sa.CheckConstraint(_in("kind", ("yes_no", "measurable")), name="kind"),
        # SQLite lets a CHECK pass when it evaluates to NULL, so a missing target or
        # period must be ruled out with IS NOT NULL, not only by "target > 0".
        sa.CheckConstraint(
            "(kind = 'yes_no' AND target IS NULL AND target_per IS NULL) OR "
            "(kind = 'measurable' AND target IS NOT NULL AND target > 0 AND "
            "target_per IS NOT NULL AND " + _in("target_per", PERIODS) + ")",
            name="measurable",
        ),
        sa.CheckConstraint("unit IS NULL OR length(unit) <= 24", name="unit"),
        sa.CheckConstraint(_in("schedule_kind", SCHEDULE_KINDS), name="schedule_kind"),
        sa.CheckConstraint("schedule_times BETWEEN 1 AND 365", name="schedule_times"),
        sa.CheckConstraint("schedule_days BETWEEN 1 AND 365", name="schedule_days"),
        sa.CheckConstraint("weekdays BETWEEN 1 AND 127", name="weekdays"),
        sa.CheckConstraint(
            "(schedule_kind = 'once') = (once_on IS NOT NULL)", name="once_on"
        ),
        sa.CheckConstraint("color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]"
                           "[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'", name="color"),
        sa.CheckConstraint("archived_on IS NULL OR archived_on >= created_on", name="archived"),
        sa.CheckConstraint(
            "reminder_time IS NULL OR reminder_time GLOB '[0-2][0-9]:[0-5][0-9]'",
            name="reminder_time",
        ),
        sa.CheckConstraint("reminder_days BETWEEN 1 AND 127", name="reminder_days"),
        # Ids are never reused, so undo can put a deleted row back under its old id.
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid_column()
    title: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    why: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    kind: str = Field(default="yes_no", sa_column=sa.Column(sa.String(16), nullable=False))
    unit: str | None = Field(default=None, sa_column=sa.Column(sa.String(24), nullable=True))
    target: float | None = Field(default=None, sa_column=sa.Column(sa.Float, nullable=True))
    target_per: str | None = Field(
        default=None, sa_column=sa.Column(sa.String(8), nullable=True)
    )
    at_most: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False))
    schedule_kind: str = Field(
        default="daily", sa_column=sa.Column(sa.String(16), nullable=False)
    )
    schedule_times: int = Field(default=1, sa_column=sa.Column(sa.Integer, nullable=False))
    schedule_days: int = Field(default=1, sa_column=sa.Column(sa.Integer, nullable=False))
    weekdays: int = Field(default=127, sa_column=sa.Column(sa.Integer, nullable=False))
    once_on: date | None = Field(default=None, sa_column=sa.Column(sa.Date, nullable=True))
    color: str = Field(sa_column=sa.Column(sa.String(7), nullable=False))
    position: int = Field(sa_column=sa.Column(sa.Integer, nullable=False))
    created_on: date = Field(sa_column=sa.Column(sa.Date, nullable=False))
    archived_on: date | None = Field(default=None, sa_column=sa.Column(sa.Date, nullable=True))
    # "HH:MM" local wall-clock time of a reminder (NULL: none), and its weekday bitmask.
    reminder_time: str | None = Field(
        default=None, sa_column=sa.Column(sa.String(5), nullable=True)
    )
    reminder_days: int = Field(
        default=127,
        sa_column=sa.Column(sa.Integer, nullable=False, server_default=sa.text("127")),
    )


class Pause(SQLModel, table=True):
    __tablename__ = "pause"
    __table_args__ = (sa.CheckConstraint("last_day >= first_day", name="range"),)

    id: int | None = Field(default=None, primary_key=True)
    commitment_id: int = Field(
        sa_column=sa.Column(
            sa.Integer,
            sa.ForeignKey("commitment.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        )
    )
    first_day: date = Field(sa_column=sa.Column(sa.Date, nullable=False))
    last_day: date = Field(sa_column=sa.Column(sa.Date, nullable=False))


class Checkin(SQLModel, table=True):
    __tablename__ = "checkin"
    __table_args__ = (
        sa.UniqueConstraint("commitment_id", "day", name="uq_checkin_commitment_day"),
        sa.CheckConstraint(_in("status", STATUSES), name="status"),
        sa.CheckConstraint("value IS NULL OR (value >= 0 AND value <= 1e12)", name="value"),
        sa.CheckConstraint("note IS NULL OR length(note) <= 2000", name="note"),
        sa.Index("ix_checkin_day", "day"),
        # Ids are never reused, so undo can put a deleted row back under its old id.
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    commitment_id: int = Field(
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("commitment.id", ondelete="CASCADE"), nullable=False
        )
    )
    day: date = Field(sa_column=sa.Column(sa.Date, nullable=False))
    status: str = Field(sa_column=sa.Column(sa.String(8), nullable=False))
    value: float | None = Field(default=None, sa_column=sa.Column(sa.Float, nullable=True))
    note: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    recorded_at: datetime = Field(sa_column=sa.Column(sa.DateTime, nullable=False))


def _optional_link(target: str) -> Any:
    """A link its row can outlive: deleting the target empties it (a reflection stays)."""
    return Field(
        default=None,
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey(target, ondelete="SET NULL"), nullable=True, index=True
        ),
    )


class Reflection(SQLModel, table=True):
    __tablename__ = "reflection"
    __table_args__ = (
        # trim() alone strips only spaces; strip tabs and line breaks too, so the
        # schema agrees with domain.coach.has_writing about what counts as writing.
        sa.CheckConstraint(
            "length(trim(coalesce(happened, '') || coalesce(owning, '') || "
            "coalesce(friend, '') || coalesce(learned, '') || coalesce(next_step, ''), "
            "char(32, 9, 10, 11, 12, 13))) > 0",
            name="written",
        ),
        sa.CheckConstraint(
            "feeling_before IS NULL OR feeling_before BETWEEN 1 AND 5", name="feeling_before"
        ),
        sa.CheckConstraint(
            "feeling_after IS NULL OR feeling_after BETWEEN 1 AND 5", name="feeling_after"
        ),
        sa.Index("ix_reflection_day", "day"),
        # Ids are never reused, so undo can put a deleted row back under its old id.
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid_column()
    created_at: datetime = Field(sa_column=sa.Column(sa.DateTime, nullable=False))
    updated_at: datetime = Field(sa_column=sa.Column(sa.DateTime, nullable=False))
    day: date = Field(sa_column=sa.Column(sa.Date, nullable=False))
    commitment_id: int | None = _optional_link("commitment.id")
    checkin_id: int | None = _optional_link("checkin.id")
    happened: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    owning: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    friend: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    learned: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    next_step: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    feeling_before: int | None = Field(
        default=None, sa_column=sa.Column(sa.Integer, nullable=True)
    )
    feeling_after: int | None = Field(
        default=None, sa_column=sa.Column(sa.Integer, nullable=True)
    )


class Setting(SQLModel, table=True):
    __tablename__ = "setting"

    key: str = Field(sa_column=sa.Column(sa.String(64), primary_key=True))
    value: str = Field(sa_column=sa.Column(sa.Text, nullable=False))


def _owned_by(target: str, **column: Any) -> Any:
    """A link its row cannot outlive: deleting the target deletes the row."""
    return Field(sa_column=sa.Column(sa.Integer, sa.ForeignKey(target, ondelete="CASCADE"),
                                     **column))


class LoopLink(SQLModel, table=True):
    """A commitment paired with its Loop Habit Tracker habit, by Loop's own ``uuid``.

    ``merged_habit`` is the habit as Loop described it at the last pull (JSON), so the
    next pull can tell an edit made on the phone from one made here.
    """

    __tablename__ = "loop_link"

    id: int | None = Field(default=None, primary_key=True)
    commitment_id: int = _owned_by("commitment.id", nullable=False, unique=True)
    loop_uuid: str = Field(sa_column=sa.Column(sa.String(32), nullable=False, unique=True))
    merged_habit: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))


class LoopMark(SQLModel, table=True):
    """One day of a linked habit as the last merged Loop backup had it (mapped to our
    check-in terms), so a pull applies only what changed on the phone since."""

    __tablename__ = "loop_mark"
    __table_args__ = (sa.CheckConstraint(_in("status", STATUSES), name="status"),)

    link_id: int = _owned_by("loop_link.id", primary_key=True)
    day: date = Field(sa_column=sa.Column(sa.Date, primary_key=True))
    status: str = Field(sa_column=sa.Column(sa.String(8), nullable=False))
    value: float | None = Field(default=None, sa_column=sa.Column(sa.Float, nullable=True))
    note: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))


class SyncChange(SQLModel, table=True):
    """A record changed here and not yet sent: written by the triggers of change_log.py,
    consumed by a sync pass. ``changed_at`` is real-clock ms (the trigger's own clock)."""

    __tablename__ = "sync_change"
    __table_args__ = ({"sqlite_autoincrement": True},)

    seq: int | None = Field(default=None, primary_key=True)
    kind: str = Field(sa_column=sa.Column(sa.String(16), nullable=False))
    key: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    changed_at: int = Field(sa_column=sa.Column(sa.Integer, nullable=False))


class SyncState(SQLModel, table=True):
    """This device in its sync folder (one row, or none while sync is off), with the
    hybrid clock's last stamp so stamps only grow, even when the wall clock steps back."""

    __tablename__ = "sync_state"
    __table_args__ = (sa.CheckConstraint("id = 1", name="one_row"),)

    id: int = Field(default=1, sa_column=sa.Column(sa.Integer, primary_key=True))
    device_id: str = Field(sa_column=sa.Column(sa.String(32), nullable=False))
    device_name: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    folder: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    encrypted: bool = Field(sa_column=sa.Column(sa.Boolean, nullable=False))
    joined: bool = Field(sa_column=sa.Column(sa.Boolean, nullable=False))
    last_pass: datetime | None = Field(
        default=None, sa_column=sa.Column(sa.DateTime, nullable=True)
    )
    clock_ms: int = Field(sa_column=sa.Column(sa.Integer, nullable=False))
    clock_counter: int = Field(sa_column=sa.Column(sa.Integer, nullable=False))


class SyncDoc(SQLModel, table=True):
    """A CRDT document's state as of the last pass (the engine's cache)."""

    __tablename__ = "sync_doc"

    name: str = Field(sa_column=sa.Column(sa.Text, primary_key=True))
    state: bytes = Field(sa_column=sa.Column(sa.LargeBinary, nullable=False))


class SyncPeer(SQLModel, table=True):
    """How far this device has read another device's log."""

    __tablename__ = "sync_peer"

    device_id: str = Field(sa_column=sa.Column(sa.String(64), primary_key=True))
    generation: int = Field(sa_column=sa.Column(sa.Integer, nullable=False))
    offset: int = Field(sa_column=sa.Column(sa.Integer, nullable=False))


class SyncWaiting(SQLModel, table=True):
    """A check-in or reflection that arrived before its commitment (a log cut between
    them): written again once the commitment is here."""

    __tablename__ = "sync_waiting"

    kind: str = Field(sa_column=sa.Column(sa.String(16), primary_key=True))
    key: str = Field(sa_column=sa.Column(sa.Text, primary_key=True))


class SyncConflict(SQLModel, table=True):
    """A text changed on two devices while apart: the one not shown is kept here."""

    __tablename__ = "sync_conflict"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(sa_column=sa.Column(sa.String(16), nullable=False))
    key: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    field: str = Field(sa_column=sa.Column(sa.String(32), nullable=False))
    other_text: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    other_device: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    found_at: datetime = Field(sa_column=sa.Column(sa.DateTime, nullable=False))
    told: bool = Field(sa_column=sa.Column(sa.Boolean, nullable=False))


METADATA = SQLModel.metadata
for _statement in TRIGGERS:
    # sa.DDL's __init__ carries no annotations in SQLAlchemy's own stubs.
    sa.event.listen(METADATA, "after_create",
                    sa.DDL(_statement))  # type: ignore[no-untyped-call]  # untyped upstream
