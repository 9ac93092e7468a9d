"""When a commitment is due: its schedule and the occasions it creates.

An *occasion* is a day on which the commitment is due. For "N times per week/month"
and "N times in any M days" every day is an occasion and the target is N.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext, npgettext, pgettext
from selftrust.domain.days import WEEKDAY_NAMES, WEEKDAY_TITLES, Period

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
else:  # numpy on first use (base/lazy_numpy.py)
    from selftrust.base.lazy_numpy import np

ALL_WEEKDAYS = 0b1111111
WORKDAYS = 0b0011111
WEEKEND = 0b1100000
MAX_WINDOW_DAYS = 365


class ScheduleError(ValueError):
    """A schedule that cannot exist (9 times a week, no weekdays, …)."""


class ScheduleKind(StrEnum):
    DAILY = "daily"
    WEEKDAYS = "weekdays"
    PER_WEEK = "per_week"
    PER_MONTH = "per_month"
    IN_DAYS = "in_days"
    ONCE = "once"


@dataclass(frozen=True, slots=True)
class Schedule:
    """Value object; invalid combinations raise ScheduleError at construction."""

    kind: ScheduleKind = ScheduleKind.DAILY
    times: int = 1
    days: int = 1
    weekdays: int = ALL_WEEKDAYS  # bit 0 = Monday … bit 6 = Sunday
    on: date | None = None

    def __post_init__(self) -> None:
        kind = self.kind
        if kind is ScheduleKind.WEEKDAYS and not 0 < self.weekdays <= ALL_WEEKDAYS:
            raise ScheduleError(_("Choose at least one weekday."))
        if kind is ScheduleKind.PER_WEEK:
            _check_times(self.times, Period.WEEK)
        if kind is ScheduleKind.PER_MONTH:
            _check_times(self.times, Period.MONTH)
        if kind is ScheduleKind.IN_DAYS:
            if not 1 <= self.days <= MAX_WINDOW_DAYS:
                raise ScheduleError(
                    _("Choose a window of 1 to {most} days.").format(
                        most=formats.number(MAX_WINDOW_DAYS))
                )
            if self.times < 1:
                raise ScheduleError(
                    # TRANSLATORS: {days} is the length of the window, 1 to 365.
                    ngettext(
                        "{times} time in {days} days is no promise at all; "
                        "choose 1 to {days} times.",
                        "{times} times in {days} days is no promise at all; "
                        "choose 1 to {days} times.",
                        self.times,
                    ).format(times=formats.number(self.times), days=formats.number(self.days))
                )
            if self.times > self.days:
                raise ScheduleError(
                    # TRANSLATORS: {days} is the length of the window, fewer than {times}.
                    ngettext(
                        "{times} time in {days} days is not possible; "
                        "choose 1 to {days} times.",
                        "{times} times in {days} days is not possible; "
                        "choose 1 to {days} times.",
                        self.times,
                    ).format(times=formats.number(self.times), days=formats.number(self.days))
                )
        if kind is ScheduleKind.ONCE and self.on is None:
            raise ScheduleError(_("A one-time promise needs its day."))

    # --- constructors -------------------------------------------------------------
    @classmethod
    def daily(cls) -> Schedule:
        return cls(ScheduleKind.DAILY)

    @classmethod
    def on_weekdays(cls, mask: int) -> Schedule:
        if mask == ALL_WEEKDAYS:
            return cls.daily()
        return cls(ScheduleKind.WEEKDAYS, weekdays=mask)

    @classmethod
    def per_week(cls, times: int) -> Schedule:
        return cls(ScheduleKind.PER_WEEK, times=times, days=7)

    @classmethod
    def per_month(cls, times: int) -> Schedule:
        return cls(ScheduleKind.PER_MONTH, times=times, days=30)

    @classmethod
    def in_days(cls, times: int, days: int) -> Schedule:
        if times == days and 1 <= days <= MAX_WINDOW_DAYS:
            return cls.daily()
        return cls(ScheduleKind.IN_DAYS, times=times, days=days)

    @classmethod
    def once(cls, on: date) -> Schedule:
        return cls(ScheduleKind.ONCE, on=on)

    # --- rules ----------------------------------------------------------------------
    @property
    def frequency(self) -> tuple[int, int]:
        """(N, M): N occasions wanted in a window of M days, as Loop counts them.

        N in N days is every day, 1 in 1, as Loop's Frequency normalises it; a month
        is 30 days, so 30 or 31 times a month also asks for every day.
        """
        times, days = self._raw_frequency()
        if times >= days:
            return 1, 1
        return times, days

    def _raw_frequency(self) -> tuple[int, int]:
        kind = self.kind
        if kind is ScheduleKind.WEEKDAYS:
            return bin(self.weekdays).count("1"), 7
        if kind is ScheduleKind.PER_WEEK:
            return self.times, 7
        if kind is ScheduleKind.PER_MONTH:
            return self.times, 30
        if kind is ScheduleKind.IN_DAYS:
            return self.times, self.days
        return 1, 1

    @property
    def period(self) -> Period | None:
        """The calendar period whose target counts, for N-per-week/month schedules."""
        if self.kind is ScheduleKind.PER_WEEK:
            return Period.WEEK
        if self.kind is ScheduleKind.PER_MONTH:
            return Period.MONTH
        return None

    @property
    def is_flexible(self) -> bool:
        """True when every day is an occasion and only a count in a span matters."""
        return self.kind in (ScheduleKind.PER_WEEK, ScheduleKind.PER_MONTH, ScheduleKind.IN_DAYS)

    def is_occasion(self, day: date) -> bool:
        kind = self.kind
        if kind is ScheduleKind.WEEKDAYS:
            return bool(self.weekdays >> day.weekday() & 1)
        if kind is ScheduleKind.ONCE:
            return day == self.on
        return True

    def occasion_flags(self, start: date, size: int) -> list[bool]:
        """``is_occasion`` for ``size`` days from ``start`` at once, without a date per day."""
        kind = self.kind
        if kind is ScheduleKind.WEEKDAYS:
            week = [bool(self.weekdays >> ((start.weekday() + k) % 7) & 1) for k in range(7)]
            return (week * (size // 7 + 1))[:size]
        if kind is ScheduleKind.ONCE:
            flags = [False] * size
            assert self.on is not None
            i = (self.on - start).days
            if 0 <= i < size:
                flags[i] = True
            return flags
        return [True] * size

    def occasion_mask(self, start: date, size: int) -> npt.NDArray[np.bool_]:
        """``occasion_flags`` as a boolean array."""
        kind = self.kind
        if kind is ScheduleKind.WEEKDAYS:
            week = np.array([self.weekdays >> ((start.weekday() + k) % 7) & 1
                             for k in range(7)], np.bool_)
            return np.resize(week, size)
        if kind is ScheduleKind.ONCE:
            return np.array(self.occasion_flags(start, size), np.bool_)
        return np.ones(size, np.bool_)

    # --- text -----------------------------------------------------------------------
    def to_text(self) -> str:
        """The CLI spelling, which ``parse`` reads back."""
        kind = self.kind
        if kind is ScheduleKind.WEEKDAYS:
            return ",".join(n for i, n in enumerate(WEEKDAY_NAMES) if self.weekdays >> i & 1)
        if kind is ScheduleKind.PER_WEEK:
            return f"{self.times}/week"
        if kind is ScheduleKind.PER_MONTH:
            return f"{self.times}/month"
        if kind is ScheduleKind.IN_DAYS:
            return f"{self.times}/{self.days}days"
        if kind is ScheduleKind.ONCE:
            assert self.on is not None
            return f"once:{self.on.isoformat()}"
        return "daily"

    def describe(self, *, inline: bool = False) -> str:
        """Words for people, in their language: "Every day", "Mon, Wed, Fri", "3 times a
        week", as a phrase that stands alone (a summary, a list row); ``inline``: as it
        reads inside a line ("Added “Walk” — every day.")."""
        kind = self.kind
        times, days = formats.number(self.times), formats.number(self.days)
        if kind is ScheduleKind.WEEKDAYS:
            if self.weekdays == WORKDAYS:
                return (pgettext("schedule inside a line: Monday to Friday", "weekdays")
                        if inline else pgettext("schedule: Monday to Friday", "Weekdays"))
            if self.weekdays == WEEKEND:
                return (pgettext("schedule inside a line: Saturday and Sunday", "weekends")
                        if inline else pgettext("schedule: Saturday and Sunday", "Weekends"))
            return weekday_list(self.weekdays)
        if kind is ScheduleKind.PER_WEEK:
            if self.times == 1:
                return (pgettext("schedule inside a line", "once a week")
                        if inline else pgettext("schedule", "Once a week"))
            return ngettext("{times} time a week", "{times} times a week", self.times).format(
                times=times)
        if kind is ScheduleKind.PER_MONTH:
            if self.times == 1:
                return (pgettext("schedule inside a line", "once a month")
                        if inline else pgettext("schedule", "Once a month"))
            return ngettext("{times} time a month", "{times} times a month", self.times).format(
                times=times)
        if kind is ScheduleKind.IN_DAYS:
            if self.times == 1:
                every = (npgettext("schedule inside a line", "every {days} day",
                                   "every {days} days", self.days)
                         if inline else npgettext("schedule", "Every {days} day",
                                                  "Every {days} days", self.days))
                return every.format(days=days)
            # TRANSLATORS: a schedule, e.g. "2 times in 5 days"; {days} is more than {times}.
            return ngettext("{times} time in {days} days", "{times} times in {days} days",
                            self.times).format(times=times, days=days)
        if kind is ScheduleKind.ONCE:
            assert self.on is not None
            # TRANSLATORS: a one-time promise; {day} is a date such as "Tue, 1 Dec 2026".
            once = (pgettext("schedule inside a line", "once, on {day}")
                    if inline else pgettext("schedule", "Once, on {day}"))
            return once.format(day=formats.skeleton(self.on, "yMMMEd"))
        return pgettext("schedule inside a line", "every day") if inline else pgettext(
            "schedule", "Every day")


def weekday_list(weekdays: int) -> str:
    """"Mon, Wed, Fri": chosen weekdays (bit 0 = Monday), shortened as the language does."""
    # TRANSLATORS: what stands between weekdays in a list such as "Mon, Wed, Fri".
    separator = pgettext("between weekdays", ", ")
    return separator.join(
        formats.weekday_name(i, "abbreviated") for i in range(7) if weekdays >> i & 1
    )


def _check_times(times: int, period: Period) -> None:
    """N-per-period must be at least once and at most every day of the period."""
    n = formats.number(times)
    if period is Period.WEEK:
        if times < 1:
            raise ScheduleError(ngettext(
                "{times} time a week is no promise at all; choose 1 to 7.",
                "{times} times a week is no promise at all; choose 1 to 7.", times,
            ).format(times=n))
        if times > 7:
            raise ScheduleError(ngettext(
                "A week has 7 days, so {times} time a week cannot be kept; choose 1 to 7.",
                "A week has 7 days, so {times} times a week cannot be kept; choose 1 to 7.",
                times,
            ).format(times=n))
        return
    if times < 1:
        raise ScheduleError(ngettext(
            "{times} time a month is no promise at all; choose 1 to 31.",
            "{times} times a month is no promise at all; choose 1 to 31.", times,
        ).format(times=n))
    if times > 31:
        raise ScheduleError(ngettext(
            "A month has at most 31 days, so {times} time a month cannot be kept; "
            "choose 1 to 31.",
            "A month has at most 31 days, so {times} times a month cannot be kept; "
            "choose 1 to 31.",
            times,
        ).format(times=n))


_FULL_WEEKDAY_NAMES = tuple(t.lower() for t in WEEKDAY_TITLES)
_FRACTION = re.compile(r"^(\d+)\s*/\s*(week|month|(\d+)\s*days?)$")
_EVERY = re.compile(r"^every\s*(\d+)\s*days?$")


def parse_schedule(text: str) -> Schedule:
    """Read the CLI syntax: daily, mon,wed,fri, 3/week, 2/month, 2/5days, once:DATE."""
    raw = text.strip().lower()
    if raw in ("daily", "every day", "everyday", "1/day"):
        return Schedule.daily()
    if raw == "weekdays":
        return Schedule.on_weekdays(WORKDAYS)
    if raw in ("weekends", "weekend"):
        return Schedule.on_weekdays(WEEKEND)
    if raw.startswith("once:"):
        try:
            return Schedule.once(date.fromisoformat(raw[5:].strip()))
        except ValueError:
            raise ScheduleError(
                # TRANSLATORS: "once:" is the schedule as typed on the command line (not
                # translated); {text} is what was typed.
                _("“{text}”: the day after once: must be a date like 2026-12-01.").format(
                    text=text)
            ) from None
    if m := _EVERY.match(raw):
        return Schedule.in_days(1, int(m.group(1)))
    if m := _FRACTION.match(raw):
        times = int(m.group(1))
        if m.group(2) == "week":
            return Schedule.per_week(times)
        if m.group(2) == "month":
            return Schedule.per_month(times)
        return Schedule.in_days(times, int(m.group(3)))
    if weekdays := _parse_weekdays(raw):
        return Schedule.on_weekdays(weekdays)
    raise ScheduleError(
        # TRANSLATORS: {examples} and {last} are schedules as typed on the command line
        # ("daily, mon,wed,fri, 3/week, 2/month, 2/5days" and "once:2026-12-01"), kept in
        # English: the command reads them in every language.
        _("“{text}” is not a schedule I know. Try {examples} or {last}.").format(
            text=text, examples="daily, mon,wed,fri, 3/week, 2/month, 2/5days",
            last="once:2026-12-01")
    )


def _parse_weekdays(raw: str) -> int:
    """A weekday bitmask from "mon,wed,fri" or "monday,friday"; 0 when it is no weekday list.

    Only real names count, so "monkey" is an error and not a Monday.
    """
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if not parts or ("," not in raw and not parts[0].startswith(WEEKDAY_NAMES)):
        return 0
    mask = 0
    for part in parts:
        if part in WEEKDAY_NAMES:
            mask |= 1 << WEEKDAY_NAMES.index(part)
        elif part in _FULL_WEEKDAY_NAMES:
            mask |= 1 << _FULL_WEEKDAY_NAMES.index(part)
        else:
            raise ScheduleError(
                # TRANSLATORS: {names} are the weekdays as typed on the command line
                # ("mon, tue, …"), kept in English: the command reads them in every language.
                _("“{part}” is not a weekday; use {names}.").format(
                    part=part, names=", ".join(WEEKDAY_NAMES))
            )
    return mask
