"""What one step of a streak is, so a run is named and weighed by what it counts.

A daily promise's streak counts days, but a Monday/Wednesday/Friday promise's counts
kept occasions: "11 days" would read as less than two weeks when it took nearly four.
A weekly or monthly amount is kept or not per week or month, so its run counts those.
The domain keeps its day/week/month period; these words and weights are for people.
"""

from __future__ import annotations

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
