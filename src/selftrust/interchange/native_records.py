"""The records every importer produces and every exporter consumes, and their checks.

Self-Trust's JSON, its CSV zip and Loop Habit Tracker's files all turn into the same
few plain records, so the service that writes them into the database is written once
and one merge rule holds for every source. The checks here are the database's own
rules (lengths, ranges, known words) applied early, so a bad row is reported with its
file and line instead of failing deep inside SQLite with a message nobody can act on.

Check-ins travel as tuples rather than objects: an import may carry a million of them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from selftrust.domain.coach import MAX_PART_LENGTH, has_writing
from selftrust.domain.commitment import (
    MAX_TARGET,
    MAX_TITLE_LENGTH,
    MAX_UNIT_LENGTH,
    Pause,
    Rules,
    Target,
    TargetError,
)
from selftrust.domain.days import WEEKDAY_NAMES, Period
from selftrust.domain.reminder import ALL_DAYS, Reminder, ReminderError
from selftrust.domain.schedule import ALL_WEEKDAYS, Schedule, ScheduleError, ScheduleKind

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

_UID = re.compile(r"[A-Za-z0-9_.-]{1,32}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
_MOMENT = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?")


class RowProblem(ValueError):
    """One value that does not fit; the reader adds the file and line."""


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


# --- values --------------------------------------------------------------------------


def check_uid(value: object, what: str = "uid") -> str:
    if not isinstance(value, str) or not _UID.fullmatch(value):
        raise RowProblem(
            f"the {what} {_show(value)} is not an id of 1 to 32 letters, digits or . _ -"
        )
    return value


def check_day(value: object, what: str = "day") -> date:
    if isinstance(value, str) and _DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise RowProblem(f"the {what} {_show(value)} is not a date like 2026-11-24")


def check_optional_day(value: object, what: str) -> date | None:
    return None if value is None or value == "" else check_day(value, what)


def check_moment(value: object, what: str) -> datetime:
    """An ISO date-time; with an offset it is converted to UTC, without one it is UTC."""
    if isinstance(value, str):
        m = _MOMENT.fullmatch(value)
        if m is not None:
            try:
                moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                moment = None
            if moment is not None:
                if moment.tzinfo is not None:
                    moment = moment.astimezone(UTC).replace(tzinfo=None)
                return moment
    raise RowProblem(f"the {what} {_show(value)} is not a time like 2026-11-24T20:15:00Z")


def stored_moment(moment: datetime) -> str:
    """The text SQLite holds for a time stamp (SQLAlchemy's own layout)."""
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}.{moment.microsecond:06d}"
    )


def check_moment_text(value: object, what: str) -> str:
    """A time stamp straight to its stored text (the fast path for a million check-ins)."""
    if isinstance(value, str) and len(value) == 20 and value[10] == "T" and value[19] == "Z":
        m = _MOMENT.fullmatch(value)
        if m is not None and m.group(3) is None:
            try:
                datetime.fromisoformat(value[:19])
            except ValueError:
                pass
            else:
                return f"{value[:10]} {value[11:19]}.000000"
    return stored_moment(check_moment(value, what))


def moment_text(stored: str | datetime) -> str:
    """A stored time stamp as ISO 8601 in UTC: 2026-11-24T20:15:00Z (micro-seconds if any)."""
    if isinstance(stored, datetime):
        stored = stored_moment(stored)
    fraction = stored[19:]
    if fraction in ("", ".000000", ".0"):
        fraction = ""
    return f"{stored[:10]}T{stored[11:19]}{fraction}Z"


def check_status(value: object) -> str:
    if value in STATUSES:
        return value  # type: ignore[return-value]
    raise RowProblem(
        f"the status {_show(value)} is not one Self-Trust knows (kept, missed or skipped)"
    )


def check_value(value: object) -> float | None:
    if value is None or value == "":
        return None
    number: float
    if isinstance(value, bool):
        number = math.nan
    elif isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            number = math.nan
    else:
        number = math.nan
    if not math.isfinite(number) or not 0 <= number <= MAX_VALUE:
        raise RowProblem(f"the amount {_show(value)} is not a number from 0 up to a billion")
    return number


def check_text(value: object, what: str, max_length: int) -> str | None:
    """Free text exactly as written (an export must give back what it holds); empty is None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RowProblem(f"the {what} {_show(value)} is not text")
    if len(value) > max_length:
        raise RowProblem(
            f"the {what} is {len(value):,} characters long; at most {max_length:,} fit"
        )
    return value


def check_title(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RowProblem("the commitment has no title")
    if len(value) > MAX_TITLE_LENGTH:
        raise RowProblem(
            f"the title “{value[:40]}…” is longer than {MAX_TITLE_LENGTH} characters"
        )
    return value


def check_color(value: object) -> str:
    if isinstance(value, str) and _COLOR.fullmatch(value):
        return value
    raise RowProblem(f"the colour {_show(value)} is not a colour like #3f8f6b")


def check_int(value: object, what: str, low: int, high: int) -> int:
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and re.fullmatch(r"[+-]?\d{1,12}", value.strip()):
        number = int(value)
    if number is None or not low <= number <= high:
        raise RowProblem(f"the {what} {_show(value)} is not a whole number from {low} to {high}")
    return number


def check_optional_int(value: object, what: str, low: int, high: int) -> int | None:
    return None if value is None or value == "" else check_int(value, what, low, high)


def check_bool(value: object, what: str) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise RowProblem(f"{what} must be true or false, not {_show(value)}")


# --- schedules, targets, pauses --------------------------------------------------------


def weekday_names(mask: int) -> list[str]:
    return [n for i, n in enumerate(WEEKDAY_NAMES) if mask >> i & 1]


def check_weekdays(value: object) -> int:
    """["mon", "wed"] (JSON) or "mon,wed" (CSV) → the bit mask (bit 0 = Monday)."""
    names: list[object]
    if isinstance(value, str):
        names = [n.strip() for n in value.split(",") if n.strip()]
    elif isinstance(value, list):
        names = value
    else:
        names = [value]
    mask = 0
    for name in names:
        if name not in WEEKDAY_NAMES:
            raise RowProblem(
                f"the weekday {_show(name)} is not one of {', '.join(WEEKDAY_NAMES)}"
            )
        mask |= 1 << WEEKDAY_NAMES.index(name)  # type: ignore[arg-type]
    if not 0 < mask <= ALL_WEEKDAYS:
        raise RowProblem("the schedule names no weekdays")
    return mask


def make_rules(
    *,
    kind: object,
    times: object,
    days: object,
    weekdays: object,
    on: object,
    target: tuple[object, object, object, object] | None,
    pauses: list[tuple[date, date]],
) -> Rules:
    """A commitment's rules from the parts a file stores; RowProblem if they do not fit."""
    kinds = [k.value for k in ScheduleKind]
    if kind not in kinds:
        raise RowProblem(f"the schedule {_show(kind)} is not one of {', '.join(kinds)}")
    try:
        schedule = Schedule(
            kind=ScheduleKind(kind),
            times=check_int(times, "number of times", 1, 365),
            days=check_int(days, "number of days", 1, 365),
            weekdays=check_weekdays(weekdays),
            on=check_optional_day(on, "day of the one-time promise"),
        )
        goal = None
        if target is not None:
            amount, unit, per, at_most = target
            number = check_value(amount)
            if number is None or not 0 < number <= MAX_TARGET:
                raise RowProblem(f"the target {_show(amount)} is not a number above 0")
            if unit is not None and not isinstance(unit, str):
                raise RowProblem(f"the unit {_show(unit)} is not text")
            if isinstance(unit, str) and len(unit) > MAX_UNIT_LENGTH:
                raise RowProblem(f"the unit “{unit}” is longer than {MAX_UNIT_LENGTH} characters")
            periods = [p.value for p in Period]
            if per not in periods:
                raise RowProblem(f"the target period {_show(per)} is not day, week or month")
            goal = Target(number, unit or "", Period(per), check_bool(at_most, "“at most”"))
        made = []
        for first, last in pauses:
            if last < first:
                raise RowProblem(f"the pause {first} to {last} ends before it starts")
            made.append(Pause(first, last))
        return Rules(schedule, goal, tuple(sorted(made, key=lambda p: p.start)))
    except (ScheduleError, TargetError) as exc:
        raise RowProblem(f"the schedule does not fit: {exc}") from None


def schedule_fields(rules: Rules) -> dict[str, Any]:
    s = rules.schedule
    return {
        "kind": s.kind.value,
        "times": s.times,
        "days": s.days,
        "weekdays": weekday_names(s.weekdays),
        "on": s.on.isoformat() if s.on else None,
    }


def check_reminder(time: object, weekdays: object) -> Reminder:
    """A reminder from its time ("07:30") and weekdays (as for a schedule; none given
    means every day)."""
    if time is None or time == "":
        raise RowProblem("the reminder has no time (write it as HH:MM, e.g. 07:30)")
    if not isinstance(time, str):
        raise RowProblem(f"the reminder time {_show(time)} is not a time like 07:30")
    mask = ALL_DAYS
    if weekdays is not None and weekdays != "":
        if weekdays == []:
            raise RowProblem("the reminder needs at least one weekday")
        try:
            mask = check_weekdays(weekdays)
        except RowProblem as exc:
            raise RowProblem(str(exc).replace("the schedule", "the reminder")) from None
    try:
        return Reminder.parse(time, mask)
    except ReminderError as exc:
        raise RowProblem(f"the reminder does not fit: {exc}") from None


def reminder_fields(reminder: Reminder | None) -> dict[str, Any] | None:
    if reminder is None:
        return None
    return {"time": reminder.text, "weekdays": weekday_names(reminder.days)}


def check_feeling(value: object, what: str) -> int | None:
    return check_optional_int(value, what, 1, 5)


def check_reflection_parts(values: dict[str, object]) -> dict[str, str | None]:
    parts = {
        name: check_text(values.get(name), f"“{name.replace('_', ' ')}” text", MAX_PART_LENGTH)
        for name in REFLECTION_PARTS
    }
    if not has_writing(*parts.values()):
        raise RowProblem("the reflection has no writing in it")
    return parts


def _show(value: object) -> str:
    """A value for a message: quoted and cut short, so a huge cell cannot flood it."""
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:40] + "…"
        return f"“{text}”"
    if value is None:
        return "(empty)"
    text = repr(value)
    return text if len(text) <= 40 else text[:40] + "…"
