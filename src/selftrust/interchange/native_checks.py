"""Checks of single values read from a file: the database's own rules, applied early.

A bad value is reported as a :class:`RowProblem` in plain words (quoted and cut short,
so a huge cell cannot flood the message); the reader adds the file and line, so the
person sees where it is instead of a failure deep inside SQLite.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime

from selftrust.domain.coach import MAX_PART_LENGTH, has_writing
from selftrust.domain.commitment import MAX_TITLE_LENGTH
from selftrust.interchange.native_records import (
    MAX_VALUE,
    REFLECTION_PARTS,
    STATUSES,
    stored_moment,
)

_UID = re.compile(r"[A-Za-z0-9_.-]{1,32}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
_MOMENT = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?")


class RowProblem(ValueError):
    """One value that does not fit; the reader adds the file and line."""


# --- values --------------------------------------------------------------------------


def check_uid(value: object, what: str = "uid") -> str:
    if not isinstance(value, str) or not _UID.fullmatch(value):
        raise RowProblem(
            f"the {what} {show(value)} is not an id of 1 to 32 letters, digits or . _ -"
        )
    return value


def check_day(value: object, what: str = "day") -> date:
    if isinstance(value, str) and _DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise RowProblem(f"the {what} {show(value)} is not a date like 2026-11-24")


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
    raise RowProblem(f"the {what} {show(value)} is not a time like 2026-11-24T20:15:00Z")


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


def check_status(value: object) -> str:
    if value in STATUSES:
        return value
    raise RowProblem(
        f"the status {show(value)} is not one Self-Trust knows (kept, missed or skipped)"
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
        raise RowProblem(f"the amount {show(value)} is not a number from 0 up to a billion")
    return number


def check_text(value: object, what: str, max_length: int) -> str | None:
    """Free text exactly as written (an export must give back what it holds); empty is None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RowProblem(f"the {what} {show(value)} is not text")
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
    raise RowProblem(f"the colour {show(value)} is not a colour like #3f8f6b")


def check_int(value: object, what: str, low: int, high: int) -> int:
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and re.fullmatch(r"[+-]?\d{1,12}", value.strip()):
        number = int(value)
    if number is None or not low <= number <= high:
        raise RowProblem(f"the {what} {show(value)} is not a whole number from {low} to {high}")
    return number


def check_optional_int(value: object, what: str, low: int, high: int) -> int | None:
    return None if value is None or value == "" else check_int(value, what, low, high)


def check_bool(value: object, what: str) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise RowProblem(f"{what} must be true or false, not {show(value)}")


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


def show(value: object) -> str:
    """A value for a message: quoted and cut short, so a huge cell cannot flood it."""
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:40] + "…"
        return f"“{text}”"
    if value is None:
        return "(empty)"
    text = repr(value)
    return text if len(text) <= 40 else text[:40] + "…"
