"""The stretch of time a chart shows: the last 4 weeks, 3 months, a year, all, or two dates.

The Charts view, `selftrust chart --range` and the insights all name ranges the same
way, so "in the last 4 weeks" on screen means the same 28 days everywhere.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from selftrust.base import formats
from selftrust.base.i18n import N_, _, pgettext
from selftrust.domain.days import NoSuchDay, parse_day
from selftrust.services.errors import Invalid

PRESETS: tuple[tuple[str, str], ...] = (
    ("4w", N_("4 weeks")),
    ("3m", N_("3 months")),
    ("1y", N_("1 year")),
    ("all", N_("All")),
)
"""(code, English label) of the ranges offered by name; "custom" holds two dates.
The labels in the person's language: `presets()`."""

_PRESET_CODES = {code for code, _label in PRESETS}


def presets() -> tuple[tuple[str, str], ...]:
    """(code, label) of the ranges offered by name, in the person's language."""
    return (
        ("4w", _("4 weeks")),
        ("3m", _("3 months")),
        ("1y", _("1 year")),
        # TRANSLATORS: a chart's range: all the days there are.
        ("all", pgettext("chart range", "All")),
    )


def months_back(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the 31st becomes the month's last)."""
    index = day.year * 12 + day.month - 1 - months
    year, month0 = divmod(index, 12)
    length = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, length))


@dataclass(frozen=True, slots=True)
class ChartRange:
    kind: str = "3m"  # "4w" | "3m" | "1y" | "all" | "custom"
    first: date | None = None  # custom only
    last: date | None = None  # custom only

    def __post_init__(self) -> None:
        if self.kind == "custom":
            if self.first is None or self.last is None:
                raise Invalid(_("A custom range needs a first and a last day."))
            if self.first > self.last:
                raise Invalid(_("The first day of the range comes after the last one."))
        elif self.kind not in _PRESET_CODES:
            raise Invalid(_("“{range}” is not a range; use 4w, 3m, 1y, all or FIRST:LAST.")
                          .format(range=self.kind))

    @classmethod
    def parse(cls, text: str) -> ChartRange:
        """``4w``, ``3m``, ``1y``, ``all`` or ``YYYY-MM-DD:YYYY-MM-DD``."""
        word = text.strip().lower()
        if word in _PRESET_CODES:
            return cls(word)
        if ":" in word:
            a, _colon, b = word.partition(":")
            try:
                return cls("custom", parse_day(a), parse_day(b))
            except NoSuchDay as exc:  # the range is fine, one of its days does not exist
                # TRANSLATORS: {problem} says which day does not exist ("There is no
                # 31 February"); the rest is how to write a range (not translated codes).
                raise Invalid(_("{problem}; use 4w, 3m, 1y, all or YYYY-MM-DD:YYYY-MM-DD.")
                              .format(problem=exc)) from None
            except ValueError:
                pass
        # TRANSLATORS: 4w, 3m, 1y, all and YYYY-MM-DD:YYYY-MM-DD are typed as they are.
        raise Invalid(_("“{range}” is not a range; use 4w, 3m, 1y, all or "
                        "YYYY-MM-DD:YYYY-MM-DD.").format(range=text))

    def nominal(self, today: date) -> tuple[date | None, date]:
        """First and last day as the user asked; None as first means "from the start"."""
        if self.kind == "custom":
            assert self.first is not None and self.last is not None
            return self.first, min(self.last, today)
        if self.kind == "4w":
            return today - timedelta(days=27), today
        if self.kind == "3m":
            return months_back(today, 3) + timedelta(days=1), today
        if self.kind == "1y":
            return months_back(today, 12) + timedelta(days=1), today
        return None, today

    def resolve(self, today: date, earliest: date) -> tuple[date, date]:
        """The days to draw: the asked-for range, starting no earlier than the data."""
        first, last = self.nominal(today)
        first = earliest if first is None else max(first, earliest)
        return min(first, last), last

    def words(self, first: date, last: date) -> str:
        """How an insight names this range: "in the last 4 weeks", "since 3 March 2019"."""
        if self.kind == "4w":
            # TRANSLATORS: ends a sentence about a chart's range: "You kept 86 of 100
            # promises in the last 4 weeks".
            return _("in the last 4 weeks")
        if self.kind == "3m":
            # TRANSLATORS: ends a sentence about a chart's range, like "in the last 4 weeks".
            return _("in the last 3 months")
        if self.kind == "1y":
            # TRANSLATORS: ends a sentence about a chart's range, like "in the last 4 weeks".
            return _("in the last year")
        if self.kind == "all":
            # TRANSLATORS: ends a sentence about a chart's range: "You kept 86 of 100
            # promises since 3 March 2019".
            return _("since {day}").format(day=formats.long_date(first))
        # TRANSLATORS: ends a sentence about a chart's range: "You kept 86 of 100 promises
        # from 1 March 2026 to 20 April 2026".
        return _("from {first} to {last}").format(first=formats.long_date(first),
                                                  last=formats.long_date(last))

    def code(self) -> str:
        if self.kind == "custom":
            assert self.first is not None and self.last is not None
            return f"{self.first.isoformat()}:{self.last.isoformat()}"
        return self.kind


def long_day(day: date) -> str:
    """"3 March 2019", as the person's language writes a date."""
    return formats.long_date(day)
