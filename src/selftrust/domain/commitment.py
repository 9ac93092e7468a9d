"""What a commitment asks for: its schedule, an optional measurable target, its pauses.

These are the parts of a commitment the rules depend on; titles, colours and order
belong to the store and the UI.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from selftrust.domain.days import Period
from selftrust.domain.schedule import Schedule, ScheduleError, ScheduleKind

MAX_TITLE_LENGTH = 120
MAX_UNIT_LENGTH = 24
MAX_TARGET = 1_000_000_000.0


class TargetError(ValueError):
    """A measurable target that cannot be met or judged."""


@dataclass(frozen=True, slots=True)
class Target:
    """A measurable commitment's goal: at least (or at most) ``amount`` per period."""

    amount: float
    unit: str = ""
    per: Period = Period.DAY
    at_most: bool = False

    def __post_init__(self) -> None:
        if not math.isfinite(self.amount) or self.amount <= 0:
            raise TargetError("The target must be a number greater than 0.")
        if self.amount > MAX_TARGET:
            raise TargetError("That target is larger than Self-Trust can count.")
        if len(self.unit) > MAX_UNIT_LENGTH:
            raise TargetError(f"Keep the unit to {MAX_UNIT_LENGTH} characters or fewer.")

    @property
    def window_days(self) -> int:
        """Loop's rolling window for the strength of a measurable habit: 1, 7 or 30."""
        return {Period.DAY: 1, Period.WEEK: 7, Period.MONTH: 30}[self.per]

    def describe(self) -> str:
        amount = format_amount(self.amount)
        unit = f" {self.unit}" if self.unit else ""
        bound = "at most" if self.at_most else "at least"
        per = {Period.DAY: "a day", Period.WEEK: "a week", Period.MONTH: "a month"}[self.per]
        return f"{bound} {amount}{unit} {per}"


@dataclass(frozen=True, slots=True)
class Pause:
    """Planned rest, both ends included: every occasion inside counts as skipped."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("A pause must end on or after the day it starts.")

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


def merge_pauses(pauses: Iterable[Pause]) -> tuple[Pause, ...]:
    """Overlapping or touching pauses become one, so a day is never paused twice."""
    merged: list[Pause] = []
    for p in sorted(pauses, key=lambda p: p.start):
        if merged and (p.start - merged[-1].end).days <= 1:
            last = merged[-1]
            merged[-1] = Pause(last.start, max(last.end, p.end))
        else:
            merged.append(p)
    return tuple(merged)


@dataclass(frozen=True, slots=True)
class Rules:
    """Everything the scoring rules need to know about one commitment."""

    schedule: Schedule = field(default_factory=Schedule.daily)
    target: Target | None = None
    pauses: tuple[Pause, ...] = ()

    def __post_init__(self) -> None:
        if self.target is None:
            return
        kind = self.schedule.kind
        if self.target.per is Period.DAY:
            if kind not in (ScheduleKind.DAILY, ScheduleKind.WEEKDAYS, ScheduleKind.ONCE):
                raise ScheduleError(
                    "A measurable commitment with a daily target runs every day, "
                    "on chosen weekdays, or once."
                )
        elif kind is not ScheduleKind.DAILY:
            raise ScheduleError(
                "A weekly or monthly target counts every day of its period; "
                "use the every-day schedule."
            )

    @property
    def measurable(self) -> bool:
        return self.target is not None

    @property
    def period(self) -> Period | None:
        """The calendar period judged as one occasion (None: each day stands alone)."""
        if self.target is not None:
            return None if self.target.per is Period.DAY else self.target.per
        return self.schedule.period

    def paused(self, day: date) -> bool:
        return any(p.covers(day) for p in self.pauses)


def format_share(value: float) -> str:
    """An amount the rules worked out, such as a short week's share of its target:
    25.714… → "25.7". One decimal is as exact as anyone walks or reads (two below 1)."""
    return format_amount(round(value, 1 if abs(value) >= 1 else 2))


def format_amount(value: float) -> str:
    """2 → "2", 2.5 → "2.5", 1234.0 → "1,234": numbers as people write them."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
