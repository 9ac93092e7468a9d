"""Calendar days as the user lives them.

A check-in belongs to a *day*, never to a timestamp: the day a moment belongs to is
its local wall-clock date after moving the boundary to the user's *day start* hour, so
a night owl's 01:00 check-in counts for "yesterday". Time zones and DST change the
wall clock, not the day a check-in was stored under.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime, timedelta
from enum import StrEnum

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext

DEFAULT_DAY_START_HOUR = 4
MONDAY = 0
SUNDAY = 6
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""The weekdays as typed (schedules, settings, files): English in every language."""
WEEKDAY_TITLES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""The full English names, as typed too; people read ``formats.weekday_name``."""


class Period(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def day_of(moment: datetime, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> date:
    """The day a moment belongs to; an aware moment is first read in local time."""
    if not 0 <= day_start_hour <= 23:
        raise ValueError(_("day start hour must be 0–23, not {hour}").format(
            hour=day_start_hour))
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return (moment.replace(tzinfo=None) - timedelta(hours=day_start_hour)).date()


def next_day_start(moment: datetime, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> datetime:
    """The naive local moment the next day begins (for the UI's rollover timer)."""
    local = moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment
    today = day_of(local, day_start_hour)
    return datetime.combine(today + timedelta(days=1), datetime.min.time()) + timedelta(
        hours=day_start_hour
    )


def week_start_of(day: date, week_start: int = MONDAY) -> date:
    return day - timedelta(days=(day.weekday() - week_start) % 7)


def month_start_of(day: date) -> date:
    return day.replace(day=1)


def month_end_of(day: date) -> date:
    nxt = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return nxt - timedelta(days=1)


def period_bounds(day: date, period: Period, week_start: int = MONDAY) -> tuple[date, date]:
    """First and last day (inclusive) of the calendar period holding ``day``."""
    if period is Period.DAY:
        return day, day
    if period is Period.WEEK:
        first = week_start_of(day, week_start)
        return first, first + timedelta(days=6)
    return month_start_of(day), month_end_of(day)


def period_spans(
    first_day: date, last_day: date, period: Period, week_start: int = MONDAY
) -> list[tuple[date, date]]:
    """The calendar periods (first, last; both included) that hold first_day…last_day.

    Made from ordinals and month lengths, so ten years of weeks cost next to nothing.
    """
    day = date.fromordinal
    if period is Period.MONTH:
        spans = []
        year, month = first_day.year, first_day.month
        while date(year, month, 1) <= last_day:
            spans.append((date(year, month, 1), date(year, month, monthrange(year, month)[1])))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return spans
    step = 7 if period is Period.WEEK else 1
    first = week_start_of(first_day, week_start) if step == 7 else first_day
    return [
        (day(o), day(o + step - 1))
        for o in range(first.toordinal(), last_day.toordinal() + 1, step)
    ]


def period_numbers(
    start: date, size: int, period: Period, week_start: int = MONDAY
) -> list[int]:
    """For each of ``size`` days from ``start``, the number of its calendar period (0, 1, …)."""
    end = start + timedelta(days=size - 1)
    out: list[int] = []
    for number, (first, last) in enumerate(period_spans(start, end, period, week_start)):
        out.extend([number] * ((min(last, end) - max(first, start)).days + 1))
    return out


class NoSuchDay(ValueError):
    """A date written the right way that the calendar does not have (2026-02-30)."""


_ISO_SHAPE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_day(text: str, today: date | None = None) -> date:
    """A day from ISO text or the words today/yesterday/tomorrow; ValueError otherwise,
    NoSuchDay when the text has the shape of a date the calendar does not have, so the
    message can say why ("February 2026 has 28 days") instead of "not a date"."""
    word = text.strip().lower()
    if today is not None:
        named = {"today": 0, "yesterday": -1, "tomorrow": 1}
        if word in named:
            return today + timedelta(days=named[word])
    try:
        return date.fromisoformat(word)
    except ValueError:
        shape = _ISO_SHAPE.match(word)
        if shape:
            raise NoSuchDay(_why_not(word, *map(int, shape.groups()))) from None
        raise ValueError(
            # TRANSLATORS: YYYY-MM-DD is how a date is typed (year, month, day), in every language.
            _("“{text}” is not a date; use YYYY-MM-DD, e.g. 2026-11-24").format(text=text)
        ) from None


def _why_not(text: str, year: int, month: int, day: int) -> str:
    """Why a date-shaped text is no day of the calendar, in words."""
    if not 1 <= month <= 12:
        return _("“{text}” is no day: a year has 12 months").format(text=text)
    if year < 1:
        return _("“{text}” is no day: the calendar starts with the year 1").format(text=text)
    length = monthrange(year, month)[1]
    if day == 0:
        return _("“{text}” is no day: a month starts on its day 1").format(text=text)
    # TRANSLATORS: {month} is a month and its year, e.g. "February 2026".
    return ngettext("“{text}” is no day: {month} has {days} day",
                    "“{text}” is no day: {month} has {days} days", length).format(
        text=text, month=formats.month_year(date(year, month, 1)), days=formats.number(length))


def days_between(first: date, last: date) -> int:
    """Number of days from first to last, both included (0 if last < first)."""
    return max(0, (last - first).days + 1)
