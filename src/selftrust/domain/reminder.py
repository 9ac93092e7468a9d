"""A commitment's reminder: a wall-clock time and the weekdays it applies to.

Pure data and arithmetic (no Qt, no I/O): when the reminder for a day falls, so the
scheduler in services/reminders.py and its tests agree on every minute.

A reminder belongs to a *day* the way a check-in does: with a day start of 04:00, a
reminder at 01:30 on Tuesday's day falls in the small hours of Wednesday's calendar
date, still before Tuesday's day ends. The weekday bits name the day (bit 0 = Monday,
as in schedule.weekdays).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from selftrust.base.i18n import _

ALL_DAYS = 0b1111111
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class ReminderError(ValueError):
    """A reminder time or weekday set that cannot be used (the message is for people)."""


def parse_time(text: str) -> time:
    """ "7:05" or "07:05" → 07:05; anything else raises ReminderError."""
    match = _HHMM.match(text.strip())
    if match is None:
        raise ReminderError(
            # TRANSLATORS: HH:MM is how the time is typed (hours and minutes, 24-hour clock).
            _("“{text}” is not a time of day; write it as HH:MM, e.g. 07:30.").format(text=text)
        )
    return time(int(match.group(1)), int(match.group(2)))


def format_time(at: time) -> str:
    """"07:30": the time as it is typed and stored (people read ``formats.time_of_day``)."""
    return f"{at.hour:02d}:{at.minute:02d}"


@dataclass(frozen=True, slots=True)
class Reminder:
    at: time
    days: int = ALL_DAYS  # weekday bitmask, bit 0 = Monday

    def __post_init__(self) -> None:
        if not 1 <= self.days <= ALL_DAYS:
            raise ReminderError(_("A reminder needs at least one weekday."))
        if self.at.second or self.at.microsecond or self.at.tzinfo is not None:
            raise ReminderError(_("A reminder is set to the minute, in local time."))

    @classmethod
    def parse(cls, text: str, days: int = ALL_DAYS) -> Reminder:
        return cls(parse_time(text), days)

    @property
    def text(self) -> str:
        """"07:30", as typed and as scripts read it (``--json``); not for people's eyes."""
        return format_time(self.at)

    def applies_on(self, day: date) -> bool:
        return bool(self.days >> day.weekday() & 1)

    def moment(self, day: date, day_start_hour: int) -> datetime:
        """The naive local moment this reminder falls on for ``day``."""
        return moment_of(self.at, day, day_start_hour)


def moment_of(at: time, day: date, day_start_hour: int) -> datetime:
    """When wall-clock ``at`` falls within ``day`` (which runs from its day-start hour
    to the next day's): before the day-start hour means the next calendar date."""
    moment = datetime.combine(day, at)
    if at.hour < day_start_hour:
        moment += timedelta(days=1)
    return moment
