"""Calendar days as the user lives them.

A check-in belongs to a *day*, never to a timestamp: the day a moment belongs to is
its local wall-clock date after moving the boundary to the user's *day start* hour, so
a night owl's 01:00 check-in counts for "yesterday". Time zones and DST change the
wall clock, not the day a check-in was stored under.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum

DEFAULT_DAY_START_HOUR = 4
MONDAY = 0
SUNDAY = 6
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_TITLES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Period(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def day_of(moment: datetime, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> date:
    """The day a moment belongs to; an aware moment is first read in local time."""
    if not 0 <= day_start_hour <= 23:
        raise ValueError(f"day start hour must be 0–23, not {day_start_hour}")
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


def parse_day(text: str, today: date | None = None) -> date:
    """A day from ISO text or the words today/yesterday/tomorrow; ValueError otherwise."""
    word = text.strip().lower()
    if today is not None:
        named = {"today": 0, "yesterday": -1, "tomorrow": 1}
        if word in named:
            return today + timedelta(days=named[word])
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise ValueError(f"“{text}” is not a date; use YYYY-MM-DD, e.g. 2026-11-24") from None


def days_between(first: date, last: date) -> int:
    """Number of days from first to last, both included (0 if last < first)."""
    return max(0, (last - first).days + 1)
