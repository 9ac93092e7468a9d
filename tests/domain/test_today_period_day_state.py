"""A day of a weekly or monthly amount reads as its period stands, never as kept on its own.

"5 km on Tuesday" says nothing about "at least 10 km a week": until the week reaches its
target the day is open (in progress); a finished week below it was partly kept.
"""

from __future__ import annotations

from datetime import date

from domain_helpers import measured

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import SUNDAY, Period
from selftrust.domain.occasions import DayState, day_state, day_states

S = DayState
KM = Rules(target=Target(10.0, "km", per=Period.WEEK))
DRINKS = Rules(target=Target(14.0, "drinks", per=Period.WEEK, at_most=True))


def test_a_week_below_its_target_so_far_is_open_not_kept() -> None:
    # Monday 5 km; today is Tuesday, nothing more yet.
    h = measured([5, None], KM)
    assert day_state(KM, h, 0) is S.OPEN
    assert day_states(KM, h) == [S.OPEN, S.OPEN]


def test_the_week_counts_as_kept_once_the_target_is_reached() -> None:
    h = measured([5, None, 6], KM)
    assert day_states(KM, h) == [S.KEPT, S.OPEN, S.KEPT]


def test_a_finished_week_below_its_target_was_partly_kept() -> None:
    # Week 1: 5 km in all (partly).  Week 2: today is Monday, 3 km so far.
    h = measured([5, None, None, None, None, None, None, 3], KM)
    states = day_states(KM, h)
    assert states[0] is S.PARTLY
    assert states[1:7] == [S.OPEN] * 6  # unmarked days of a flexible week owe nothing alone
    assert states[7] is S.OPEN


def test_the_day_as_today_is_judged_with_its_week_so_far() -> None:
    # What Today shows for a past Wednesday: that day plays today, its week still running.
    h = measured([5, None, 2], KM)
    assert day_state(KM, h, 2) is S.OPEN
    assert day_state(KM, measured([5, None, 6], KM), 2) is S.KEPT


def test_the_week_start_setting_decides_which_days_share_a_week() -> None:
    # Begun on Sunday 4 January: 6 km that Sunday, 5 km on Monday (today).
    h = measured([6, 5], KM, start=date(2026, 1, 4))
    # Weeks from Monday: Sunday closes a one-day first week (asking 10/7 km); Monday opens
    # a new week with 5 of 10 km.
    assert day_states(KM, h) == [S.KEPT, S.OPEN]
    # Weeks from Sunday: one week, 11 of 10 km.
    assert day_states(KM, h, SUNDAY) == [S.KEPT, S.KEPT]
    assert day_state(KM, h, 1, SUNDAY) is S.KEPT


def test_a_limit_passed_marks_its_week_not_kept_and_a_running_week_open() -> None:
    over = measured([10, 5], DRINKS)
    assert day_states(DRINKS, over) == [S.MISSED, S.MISSED]
    within = measured([3, 2], DRINKS)
    assert day_states(DRINKS, within) == [S.OPEN, S.OPEN]


def test_a_monthly_amount_reads_as_its_month() -> None:
    rules = Rules(target=Target(100.0, "km", per=Period.MONTH))
    marks = {0: 40, 40: 30}  # January 40 km (partly); 10 February 30 km, month running
    h = measured([marks.get(i) for i in range(41)], rules, start=date(2026, 1, 1))
    states = day_states(rules, h)
    assert states[0] is S.PARTLY
    assert states[40] is S.OPEN
