"""Strength beyond Loop: repaired misses, pauses, chosen weekdays, one-time promises."""

from __future__ import annotations

import pytest
from domain_helpers import MONDAY_0, day, history, measured

from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Entry, History, Status
from selftrust.domain.schedule import WORKDAYS, Schedule
from selftrust.domain.strength import multiplier, strength_at_end, strength_series

M1 = multiplier(1.0)
G1 = 1.0 - M1


def test_a_repaired_miss_counts_half_a_kept_day() -> None:
    series = strength_series(Rules(), history("KRM"))
    assert series[0] == pytest.approx(G1)
    assert series[1] == pytest.approx(G1 * M1 + 0.5 * G1)
    assert series[2] == pytest.approx(series[1] * M1)


def test_the_repair_weight_is_a_parameter() -> None:
    repaired_as_kept = strength_series(Rules(), history("KRK"), repair_weight=1.0)
    assert repaired_as_kept == strength_series(Rules(), history("KKK"))
    repaired_as_nothing = strength_series(Rules(), history("KRK"), repair_weight=0.0)
    assert repaired_as_nothing == strength_series(Rules(), history("KMK"))


def test_a_repaired_miss_in_a_doubled_non_daily_window() -> None:
    # Once a week: Loop doubles the window to 2 in 14 days, so half a day is a quarter.
    m7 = multiplier(1 / 7)
    assert strength_at_end(Rules(Schedule.per_week(1)), history("R")) == pytest.approx(
        0.25 * (1 - m7)
    )
    # Two in any five days: 4 in 10, and a kept day plus a repaired one make 1.5 of 4.
    m25 = multiplier(2 / 5)
    rules = Rules(Schedule.in_days(2, 5))
    expected = (1 / 4) * (1 - m25) * m25 + (1.5 / 4) * (1 - m25)
    assert strength_at_end(rules, history("KR")) == pytest.approx(expected)


def test_a_repaired_measurable_miss_counts_half_the_target() -> None:
    rules = Rules(target=Target(2.0))
    assert strength_at_end(rules, history("R", rules)) == pytest.approx(0.5 * G1)
    # Something done that day counts if it is more than half.
    rules_h = measured([1.5], rules, status="R")
    assert strength_at_end(rules, rules_h) == pytest.approx(0.75 * G1)
    # A weekly amount: half of one day's share of the week.
    weekly = Rules(target=Target(14.0, per=Period.WEEK))
    m7 = multiplier(1 / 7)
    assert strength_at_end(weekly, history("R", weekly)) == pytest.approx(
        (1.0 / 14.0) * (1 - m7)
    )


def test_a_repaired_day_over_an_at_most_limit_counts_half_kept() -> None:
    rules = Rules(target=Target(2.0, at_most=True))
    over = [Entry(MONDAY_0, Status.KEPT, 5.0, reflected=True)]
    h = History(MONDAY_0, MONDAY_0, over, rules)
    assert strength_at_end(rules, h) == pytest.approx(M1 + 0.5 * G1)
    # A repair never makes a day worse than it was.
    slightly = [Entry(MONDAY_0, Status.KEPT, 2.5, reflected=True)]
    h = History(MONDAY_0, MONDAY_0, slightly, rules)
    assert strength_at_end(rules, h) == pytest.approx(M1 + 0.75 * G1)


def test_paused_days_leave_strength_unchanged_but_kept_ones_count() -> None:
    rules = Rules(pauses=(Pause(day(2), day(4)),))
    paused = strength_series(rules, history("KK.MK..", rules))
    assert paused[2] == paused[1] == paused[3]
    assert paused[4] == pytest.approx(paused[3] * M1 + G1)  # kept during the rest: it counts
    assert paused[5] < paused[4]  # after the pause, unmarked days count again


def test_weekday_amounts_rest_on_days_not_asked_for() -> None:
    workdays = Rules(Schedule.on_weekdays(WORKDAYS), Target(2.0))
    # Two weeks: every workday met, the weekends unmarked.
    amounts: list[float | None] = ([2.0] * 5 + [None, None]) * 2
    series = strength_series(workdays, measured(amounts, workdays))
    assert series[5] == series[6] == series[4]
    every_day = strength_series(Rules(target=Target(2.0)), measured([2.0] * 10, Rules()))
    assert series[-1] == pytest.approx(every_day[-1])
    # Something done on a weekend still counts.
    amounts[12] = 2.0
    assert strength_series(workdays, measured(amounts, workdays))[12] > series[12]


def test_yes_no_weekdays_score_like_k_times_a_week() -> None:
    # Loop has no weekday schedules: Mon, Wed, Fri is 3 in 7, and days off count as such.
    mwf = Rules(Schedule.on_weekdays(0b0010101))
    three = Rules(Schedule.per_week(3))
    pattern = "K.K.K.. K.K.K.. K.K.K.."
    assert strength_series(mwf, history(pattern)) == strength_series(three, history(pattern))


def test_every_day_of_a_period_scores_like_every_day() -> None:
    # Loop turns a frequency of N in N days into 1 in 1; 31 times a month can ask no more
    # than every day, so a commitment kept every day reaches full strength.
    pattern = "KKK.KKKKMKKKSKKKKKKKKKKKKKKKKKKKKKKKKKKKKK"
    daily = strength_series(Rules(), history(pattern))
    for schedule in (Schedule.per_week(7), Schedule.per_month(30), Schedule.per_month(31)):
        assert strength_series(Rules(schedule), history(pattern)) == daily
    assert strength_at_end(Rules(Schedule.per_month(31)), history("K" * 90)) > 0.99


# --- once -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "value"),
    [("..K..", 1.0), ("..R..", 0.5), ("..M..", 0.0), (".....", 0.0), ("..S..", 0.0)],
)
def test_a_one_time_promise_is_kept_repaired_or_not(pattern: str, value: float) -> None:
    rules = Rules(Schedule.once(day(2)))
    assert strength_series(rules, history(pattern)) == [0.0, 0.0, value, value, value]


def test_a_one_time_promise_outside_the_history_has_no_strength() -> None:
    later = Rules(Schedule.once(day(9)))
    assert strength_series(later, history("KK")) == [0.0, 0.0]
    earlier = Rules(Schedule.once(day(-1)))
    assert strength_series(earlier, history("KK")) == [0.0, 0.0]


def test_a_measurable_one_time_promise() -> None:
    at_least = Rules(Schedule.once(day(1)), Target(4.0))
    assert strength_series(at_least, measured([None, 4.0], at_least)) == [0.0, 1.0]
    assert strength_series(at_least, measured([None, 1.0], at_least)) == [0.0, 0.25]
    assert strength_series(at_least, history(".K", at_least)) == [0.0, 1.0]  # no amount: met
    assert strength_series(at_least, history(".R", at_least)) == [0.0, 0.5]
    at_most = Rules(Schedule.once(day(1)), Target(4.0, at_most=True))
    assert strength_series(at_most, measured([None, 3.0], at_most)) == [0.0, 1.0]
    assert strength_series(at_most, measured([None, 5.0], at_most)) == [0.0, 0.0]


def test_a_repaired_one_time_promise_over_its_limit_or_with_nothing_done_counts_half() -> None:
    at_most = Rules(Schedule.once(day(0)), Target(4.0, at_most=True))
    over = History(day(0), day(1), [Entry(day(0), Status.KEPT, 5.0, reflected=True)], at_most)
    assert strength_series(at_most, over) == [0.5, 0.5]
    at_least = Rules(Schedule.once(day(0)), Target(4.0))
    nothing = History(day(0), day(0), [Entry(day(0), Status.KEPT, 0.0, reflected=True)],
                      at_least)
    assert strength_series(at_least, nothing) == [0.5]
    # Partly kept is partial credit, not a miss: a reflection on it repairs nothing, the
    # day counts its share as it would without one (issue 17, item 1).
    partly = History(day(0), day(0), [Entry(day(0), Status.KEPT, 1.0, reflected=True)], at_least)
    assert strength_series(at_least, partly) == [0.25]
