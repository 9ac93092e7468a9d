"""What each chart draws, as plain dates and numbers (numpy arrays, no drawing).

Dates are ``datetime64[D]`` arrays so ten years of days go to a plot without
converting 3,650 ``date`` objects per line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

import numpy as np

DAY = np.timedelta64(1, "D")


def day64(day: date) -> np.datetime64:
    return np.datetime64(day, "D")


def as_date(value: np.datetime64) -> date:
    return cast(date, value.astype("datetime64[D]").item())  # numpy returns Any


def day_range(first: date, last: date) -> np.ndarray:
    """Every day from first to last, both included."""
    return np.arange(day64(first), day64(last) + DAY, DAY)


@dataclass(frozen=True, slots=True, eq=False)
class Growth:
    """The marble jar and overall strength, day by day over the range."""

    days: np.ndarray  # datetime64[D], every day of the range
    marbles: np.ndarray  # int64: the jar at the end of each day
    strength: np.ndarray  # float 0–1: average of the commitments active that day (NaN: none)
    repair_days: np.ndarray  # datetime64[D]: days whose misses a reflection repaired
    repairs: np.ndarray  # int64: how many misses of that day were repaired

    @property
    def size(self) -> int:
        return int(self.days.size)


@dataclass(frozen=True, slots=True, eq=False)
class StrengthLine:
    commitment_id: int
    title: str
    color: str
    days: np.ndarray  # datetime64[D]
    values: np.ndarray  # float 0–1


@dataclass(frozen=True, slots=True, eq=False)
class KeptRate:
    """Kept and due occasions per week or month, one row per commitment."""

    unit: str  # "week" or "month"
    starts: np.ndarray  # datetime64[D]: first day of each bucket (whole weeks or months;
    ends: np.ndarray  # datetime64[D]: last day of each bucket   only days in range count)
    ids: tuple[int, ...]
    titles: tuple[str, ...]
    colors: tuple[str, ...]
    kept: np.ndarray  # int64, shape (commitments, buckets)
    due: np.ndarray  # int64, shape (commitments, buckets)

    def rates(self) -> np.ndarray:
        """Each commitment's kept share per bucket (NaN where nothing was due)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.due > 0, self.kept / np.maximum(self.due, 1), np.nan)

    def total_rate(self) -> np.ndarray:
        due = self.due.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(due > 0, self.kept.sum(axis=0) / np.maximum(due, 1), np.nan)


@dataclass(frozen=True, slots=True, eq=False)
class Calendar:
    """Days laid out in whole weeks for a heat map (one column per week)."""

    first: date  # the first day drawn (a week start)
    last: date  # the last day drawn (the range's last day)
    range_first: date  # days before this are outside the range (drawn empty)
    week_start: int
    kept: np.ndarray  # int64 per day from first to last: kept occasions
    due: np.ndarray  # int64 per day: occasions owed (kept, partly, missed, unmarked)
    states: np.ndarray | None  # one commitment: its DayState per day (0 before it began)
    color: str | None  # one commitment: its colour
    title: str | None  # one commitment: its title

    @property
    def days(self) -> np.ndarray:
        return day_range(self.first, self.last)


@dataclass(frozen=True, slots=True, eq=False)
class Weekdays:
    """Kept and missed occasions by weekday, in the user's week order."""

    labels: tuple[str, ...]  # "Monday"… starting on the week start, in the person's language
    kept: np.ndarray  # int64, 7
    missed: np.ndarray  # int64, 7 (repaired misses included)
    repaired: np.ndarray  # int64, 7
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)  # which weekday each is (0 = Monday),
    # for names of another width (formats.weekday_name(day, "abbreviated"))

    @property
    def recorded(self) -> int:
        return int(self.kept.sum() + self.missed.sum())


@dataclass(frozen=True, slots=True)
class StreakBar:
    commitment_id: int
    title: str
    color: str
    first: date
    last: date
    length: int  # kept occasions in a row
    unit: str  # "day", "week" or "month"

    @property
    def span_days(self) -> int:
        return (self.last - self.first).days + 1
