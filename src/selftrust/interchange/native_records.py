"""The records every importer produces and every exporter consumes.

Self-Trust's JSON, its CSV zip and Loop Habit Tracker's files all turn into the same
few plain records, so the service that writes them into the database is written once
and one merge rule holds for every source. The checks of their values are in
``native_checks`` and ``native_rules``; ``native_build`` puts checked values together.

Check-ins travel as tuples rather than objects: an import may carry a million of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from selftrust.domain.commitment import Rules
from selftrust.domain.reminder import Reminder

JSON_FORMAT = "selftrust"
CSV_FORMAT = "selftrust-csv"
FORMAT_VERSION = 1
"""The version this code writes and the newest it reads."""

PORTABLE_SETTINGS = (
    "day_start_hour", "week_start", "jar_kept_gain", "jar_miss_cost", "jar_repair_return",
    "welcomed",
)  # fmt: skip
"""Settings that travel with an export. Per-machine ones (the auto-export folder) do not."""

STATUSES = ("kept", "missed", "skipped")
REFLECTION_PARTS = ("happened", "owning", "friend", "learned", "next_step")
MAX_WHY_LENGTH = 2000
MAX_NOTE_LENGTH = 2000
MAX_VALUE = 1_000_000_000.0
MAX_POSITION = 1_000_000_000


# --- the records ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CommitmentRecord:
    """A commitment as a file describes it.

    ``aliases`` are other uids that mean the same commitment (a Loop habit is matched
    by its own uuid and by one derived from its name and first day). ``created_on``
    None means "today" and ``archived_today`` "archived today" (a Loop habit without
    any entries has no day of its own).
    """

    uid: str
    title: str
    why: str | None
    rules: Rules
    color: str
    position: int
    created_on: date | None
    archived_on: date | None = None
    archived_today: bool = False
    aliases: tuple[str, ...] = ()
    reminder: Reminder | None = None
    file: str = ""
    line: int | None = None


CheckinRow = tuple[str, str, str, float | None, str | None, str, int, int]
"""(commitment uid, ISO day, status, value, note, recorded_at as stored, newer_wins, line).

``newer_wins`` is 1 when the row's time stamp is real, so the row replaces a local
check-in recorded earlier; 0 when the source has no time stamps (Loop) and the row
only fills days that have nothing recorded.
"""


@dataclass(frozen=True, slots=True)
class CheckinBatch:
    """Some check-ins of one file, in file order."""

    rows: list[CheckinRow]
    file: str


@dataclass(frozen=True, slots=True)
class ReflectionRecord:
    uid: str
    created_at: datetime  # naive UTC, as stored
    updated_at: datetime
    day: date
    commitment_uid: str | None
    repairs: tuple[str, date] | None  # the check-in it repairs: (commitment uid, day)
    parts: dict[str, str | None] = field(default_factory=dict)
    feeling_before: int | None = None
    feeling_after: int | None = None
    file: str = ""
    line: int | None = None


@dataclass(frozen=True, slots=True)
class SettingsRecord:
    values: dict[str, Any]
    file: str = ""
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the person should know about the import (not an error)."""

    text: str


@dataclass(frozen=True, slots=True)
class ReadProgress:
    """How far reading the source has come, in units of the source (bytes, rows)."""

    done: int
    total: int


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything an export writes, read in one transaction.

    ``checkins`` streams (uid, ISO day, status, value, note, recorded_at as stored),
    ordered by commitment then day; ``checkin_count`` says how many will come.
    """

    settings: dict[str, Any]
    commitments: list[CommitmentRecord]
    checkin_count: int
    checkins: Iterable[tuple[str, str, str, float | None, str | None, str]]
    reflections: list[ReflectionRecord]


Item = CommitmentRecord | CheckinBatch | ReflectionRecord | SettingsRecord | Notice | ReadProgress


# --- time stamps ----------------------------------------------------------------------


def stored_moment(moment: datetime) -> str:
    """The text SQLite holds for a time stamp (SQLAlchemy's own layout)."""
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}.{moment.microsecond:06d}"
    )


def moment_text(stored: str | datetime) -> str:
    """A stored time stamp as ISO 8601 in UTC: 2026-11-24T20:15:00Z (micro-seconds if any)."""
    if isinstance(stored, datetime):
        stored = stored_moment(stored)
    fraction = stored[19:]
    if fraction in ("", ".000000", ".0"):
        fraction = ""
    return f"{stored[:10]}T{stored[11:19]}{fraction}Z"
