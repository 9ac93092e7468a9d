"""One day judged from its check-in alone, with no arrays and no history.

`selftrust check` records a day and prints how that day now stands; building a
`History` for it would import numpy (≈ 0.16× a bare ``import sqlmodel``) to judge one
value. This is `occasions.day_state` for a history of that single day, so the day is
judged as today is (still open until it is over), for commitments judged day by day
(no weekly or monthly amount). tests/domain/test_one_day.py holds the two together.
"""

from __future__ import annotations

from datetime import date

from selftrust.domain.commitment import Rules
from selftrust.domain.days import Period
from selftrust.domain.history import Entry, Status
from selftrust.domain.occasions import DayState
from selftrust.domain.outcome import Outcome, judge_amount


def day_state_alone(rules: Rules, day: date, entry: Entry | None) -> DayState:
    """The state of ``day`` judged as today, from its check-in (None: nothing recorded)."""
    target = rules.target
    assert target is None or target.per is Period.DAY, "a weekly or monthly amount"
    if entry is None:
        if rules.paused(day):
            return DayState.PAUSED
        return DayState.OPEN if rules.schedule.is_occasion(day) else DayState.NOT_DUE
    if entry.status is not Status.KEPT and rules.paused(day):
        return DayState.PAUSED  # planned rest; a promise kept during it still counts
    if entry.status is Status.SKIPPED:
        return DayState.SKIPPED
    outcome = Outcome.MISSED
    if entry.status is Status.KEPT:
        if target is None:
            return DayState.KEPT
        done = target.amount if entry.value is None else entry.value  # kept: target met
        outcome = judge_amount(target, done, today=True)
    if outcome is Outcome.KEPT or (outcome is Outcome.PENDING and target is not None
                                   and target.at_most):
        return DayState.KEPT
    if outcome is Outcome.PARTLY or outcome is Outcome.PENDING:
        return DayState.PARTLY
    # A miss: marked missed, nothing done, or over the limit; each is a lapse, so a
    # reflection about the day repairs it.
    return DayState.REPAIRED if entry.reflected else DayState.MISSED
