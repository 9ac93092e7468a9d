"""Checks of single values read from a file: the database's own rules, applied early.

A bad value is reported as a :class:`RowProblem` in plain words (quoted and cut short,
so a huge cell cannot flood the message); the reader adds the file and line, so the
person sees where it is instead of a failure deep inside SQLite.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime

from selftrust.base import formats
from selftrust.base.i18n import N_, _
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


# The names of the values, for the messages below (``what``): marked here, translated only
# when a message is made (a million check-ins are checked without asking for a word).
# TRANSLATORS: names of values in an imported file, put into messages like "the {what}
# “x” is not a date like 2026-11-24"; words in brackets or with an underscore are the
# file's own names for them.
UID = N_("uid")
DAY = N_("day")
COMMITMENT_ID = N_("commitment id")
NOTE = N_("note")
RECORDED_AT = N_("recorded_at time")
START_DAY = N_("start day (created_on)")
ARCHIVE_DAY = N_("archive day")
WHY = N_("“why”")
POSITION = N_("position")
_PART_TEXTS = {
    "happened": N_("“happened” text"),
    "owning": N_("“owning” text"),
    "friend": N_("“friend” text"),
    "learned": N_("“learned” text"),
    "next_step": N_("“next step” text"),
}


def newer_version(version: object) -> str:
    """What an export written by a newer Self-Trust is told (after its file's name)."""
    return _("was written by a newer Self-Trust (format version {version}); update "
             "Self-Trust to import it").format(version=version)


# --- values --------------------------------------------------------------------------


def check_uid(value: object, what: str = UID) -> str:
    """``what`` (as for every check here): the value's name, marked with ``N_``."""
    if not isinstance(value, str) or not _UID.fullmatch(value):
        raise RowProblem(
            # TRANSLATORS: {what} is the name of a value ("commitment id"), {value} what the
            # file holds.
            _("the {what} {value} is not an id of 1 to 32 letters, digits or . _ -").format(
                what=_(what), value=show(value))
        )
    return value


def check_day(value: object, what: str = DAY) -> date:
    if isinstance(value, str) and _DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise RowProblem(_("the {what} {value} is not a date like 2026-11-24").format(
        what=_(what), value=show(value)))


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
    raise RowProblem(_("the {what} {value} is not a time like 2026-11-24T20:15:00Z").format(
        what=_(what), value=show(value)))


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
        # TRANSLATORS: kept, missed and skipped are written in the file as they are.
        _("the status {value} is not one Self-Trust knows (kept, missed or skipped)").format(
            value=show(value))
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
        raise RowProblem(_("the amount {value} is not a number from 0 up to a billion").format(
            value=show(value)))
    return number


def check_text(value: object, what: str, max_length: int) -> str | None:
    """Free text exactly as written (an export must give back what it holds); empty is None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RowProblem(_("the {what} {value} is not text").format(
            what=_(what), value=show(value)))
    if len(value) > max_length:
        raise RowProblem(
            _("the {what} is {n} characters long; at most {limit} fit").format(
                what=_(what), n=formats.number(len(value)), limit=formats.number(max_length))
        )
    return value


def check_title(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RowProblem(_("the commitment has no title"))
    if len(value) > MAX_TITLE_LENGTH:
        raise RowProblem(
            _("the title “{start}…” is longer than {limit} characters").format(
                start=value[:40], limit=formats.number(MAX_TITLE_LENGTH))
        )
    return value


def check_color(value: object) -> str:
    if isinstance(value, str) and _COLOR.fullmatch(value):
        return value
    raise RowProblem(_("the colour {value} is not a colour like #3f8f6b").format(
        value=show(value)))


def check_int(value: object, what: str, low: int, high: int) -> int:
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and re.fullmatch(r"[+-]?\d{1,12}", value.strip()):
        number = int(value)
    if number is None or not low <= number <= high:
        raise RowProblem(_("the {what} {value} is not a whole number from {low} to {high}").format(
            what=_(what), value=show(value), low=formats.number(low), high=formats.number(high)))
    return number


def check_optional_int(value: object, what: str, low: int, high: int) -> int | None:
    return None if value is None or value == "" else check_int(value, what, low, high)


def check_bool(value: object, what: str) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    # TRANSLATORS: true and false are written in the file as they are.
    raise RowProblem(_("{what} must be true or false, not {value}").format(
        what=_(what), value=show(value)))


def check_feeling(value: object, what: str) -> int | None:
    return check_optional_int(value, what, 1, 5)


def check_reflection_parts(values: dict[str, object]) -> dict[str, str | None]:
    parts = {
        name: check_text(values.get(name), _PART_TEXTS[name], MAX_PART_LENGTH)
        for name in REFLECTION_PARTS
    }
    if not has_writing(*parts.values()):
        raise RowProblem(_("the reflection has no writing in it"))
    return parts


def show(value: object) -> str:
    """A value for a message: quoted and cut short, so a huge cell cannot flood it."""
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:40] + "…"
        return f"“{text}”"
    if value is None:
        # TRANSLATORS: stands for a value missing in an imported file.
        return _("(empty)")
    text = repr(value)
    return text if len(text) <= 40 else text[:40] + "…"
