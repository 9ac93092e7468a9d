"""What one step of a streak is, so a run is named and weighed by what it counts.

A daily promise's streak counts days, but a Monday/Wednesday/Friday promise's counts
kept occasions: "11 days" would read as less than two weeks when it took nearly four.
A weekly or monthly amount is kept or not per week or month, so its run counts those.
The domain keeps its day/week/month period; these words and weights are for people.
"""

from __future__ import annotations

from selftrust.base import formats
from selftrust.base.i18n import ngettext
from selftrust.domain.commitment import Rules
from selftrust.domain.schedule import ScheduleKind

_PERIOD_DAYS = {"week": 7.0, "month": 365.25 / 12}


def streak_unit(rules: Rules) -> str:
    """"day" (daily), "week" or "month" (N per period, or an amount per period), else
    "time" (one kept occasion)."""
    period = rules.period
    if period is not None:
        return period.value
    return "day" if rules.schedule.kind is ScheduleKind.DAILY else "time"


def unit_days(rules: Rules) -> float:
    """About how many calendar days one step of the streak stands for.

    Runs of different commitments are compared by this weight times their length:
    a run's calendar span would reward skipped days, which bridge a run without adding.
    """
    period = rules.period
    if period is not None:
        return _PERIOD_DAYS[period.value]
    times, days = rules.schedule.frequency
    return days / times


def streak_length(n: int, unit: str) -> str:
    """A run's length in the person's words: "1 day", "8 weeks", "12 times"."""
    count = formats.number(n)
    if unit == "week":
        return ngettext("{n} week", "{n} weeks", n).format(n=count)
    if unit == "month":
        return ngettext("{n} month", "{n} months", n).format(n=count)
    if unit == "time":
        # TRANSLATORS: a run of kept occasions of a promise not due every day ("12 times").
        return ngettext("{n} time", "{n} times", n).format(n=count)
    return ngettext("{n} day", "{n} days", n).format(n=count)
