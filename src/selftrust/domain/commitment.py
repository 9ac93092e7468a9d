"""What a commitment asks for: its schedule, an optional measurable target, its pauses.

These are the parts of a commitment the rules depend on; titles, colours and order
belong to the store and the UI.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from selftrust.base import formats
from selftrust.base.i18n import _
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
            raise TargetError(_("The target must be a number greater than 0."))
        if self.amount > MAX_TARGET:
            raise TargetError(_("That target is larger than Self-Trust can count."))
        if len(self.unit) > MAX_UNIT_LENGTH:
            raise TargetError(_("Keep the unit to {most} characters or fewer.").format(
                most=formats.number(MAX_UNIT_LENGTH)))

    @property
    def window_days(self) -> int:
        """Loop's rolling window for the strength of a measurable habit: 1, 7 or 30."""
        return {Period.DAY: 1, Period.WEEK: 7, Period.MONTH: 30}[self.per]

    def describe(self) -> str:
        """"at least 20 pages a day", "at most 2 cups a week": the target in words, as a
        phrase inside a line (it starts in lower case in English)."""
        words = _target_words(self.at_most, self.per, bool(self.unit))
        return words.format(amount=format_amount(self.amount), unit=self.unit)


def _target_words(at_most: bool, per: Period, unit: bool) -> str:
    """The sentence for a target, each as a whole (the order of its parts is the language's)."""
    if unit:
        if at_most:
            # TRANSLATORS: a measurable commitment's target, inside a line ("Coffee — at
            # most 2 cups a day"); {amount} is a number, {unit} the person's own word.
            return {Period.DAY: _("at most {amount} {unit} a day"),
                    Period.WEEK: _("at most {amount} {unit} a week"),
                    Period.MONTH: _("at most {amount} {unit} a month")}[per]
        # TRANSLATORS: a measurable commitment's target, inside a line ("Read — at least
        # 20 pages a day"); {amount} is a number, {unit} the person's own word ("pages").
        return {Period.DAY: _("at least {amount} {unit} a day"),
                Period.WEEK: _("at least {amount} {unit} a week"),
                Period.MONTH: _("at least {amount} {unit} a month")}[per]
    if at_most:
        # TRANSLATORS: a measurable commitment's target with no unit ("at most 2 a day").
        return {Period.DAY: _("at most {amount} a day"),
                Period.WEEK: _("at most {amount} a week"),
                Period.MONTH: _("at most {amount} a month")}[per]
    # TRANSLATORS: a measurable commitment's target with no unit ("at least 2 a day").
    return {Period.DAY: _("at least {amount} a day"),
            Period.WEEK: _("at least {amount} a week"),
            Period.MONTH: _("at least {amount} a month")}[per]


@dataclass(frozen=True, slots=True)
class Pause:
    """Planned rest, both ends included: every occasion inside counts as skipped."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(_("A pause must end on or after the day it starts."))

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
                raise ScheduleError(_(
                    "A measurable commitment with a daily target runs every day, "
                    "on chosen weekdays, or once."
                ))
        elif kind is not ScheduleKind.DAILY:
            raise ScheduleError(_(
                "A weekly or monthly target counts every day of its period; "
                "use the every-day schedule."
            ))

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
    """2 → "2", 2.5 → "2.5", 1234.0 → "1,234": numbers as people write them, in their
    language ("2,5", "1.234" in German); at most two decimals."""
    return formats.decimal(value, 2)
