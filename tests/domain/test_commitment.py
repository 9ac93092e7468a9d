"""Targets, rules, pauses and the dense history the rules read."""

from __future__ import annotations

import math
from datetime import date

import pytest
from domain_helpers import MONDAY_0, day

from selftrust.domain.commitment import Pause, Rules, Target, TargetError, format_amount
from selftrust.domain.days import Period
from selftrust.domain.history import KEPT, MISSED, SKIPPED, UNMARKED, Entry, History, Status
from selftrust.domain.schedule import Schedule, ScheduleError
from selftrust.domain.summary import history_start, yesterday


@pytest.mark.parametrize("amount", [0.0, -1.0, math.nan, math.inf, 1e10])
def test_a_target_must_be_a_positive_countable_number(amount: float) -> None:
    with pytest.raises(TargetError):
        Target(amount)


def test_a_unit_is_short() -> None:
    Target(1.0, "x" * 24)
    with pytest.raises(TargetError, match="24 characters"):
        Target(1.0, "x" * 25)


def test_target_windows_and_words() -> None:
    assert [Target(1.0, per=p).window_days for p in Period] == [1, 7, 30]
    assert Target(20.0, "pages").describe() == "at least 20 pages a day"
    assert Target(2.5, "km", Period.WEEK).describe() == "at least 2.5 km a week"
    assert Target(2.0, per=Period.MONTH, at_most=True).describe() == "at most 2 a month"


@pytest.mark.parametrize(
    ("value", "text"),
    [(2.0, "2"), (2.5, "2.5"), (1234.0, "1,234"), (1.234, "1.23"), (1.10, "1.1")],
)
def test_format_amount(value: float, text: str) -> None:
    assert format_amount(value) == text


def test_which_schedules_a_target_fits() -> None:
    Rules(Schedule.on_weekdays(0b11111), Target(1.0))
    Rules(Schedule.once(MONDAY_0), Target(1.0))
    Rules(Schedule.daily(), Target(1.0, per=Period.WEEK))
    with pytest.raises(ScheduleError, match="daily target"):
        Rules(Schedule.per_week(3), Target(1.0))
    with pytest.raises(ScheduleError, match="every-day schedule"):
        Rules(Schedule.on_weekdays(0b11111), Target(1.0, per=Period.MONTH))


def test_the_period_judged_as_one_occasion() -> None:
    assert Rules().period is None
    assert Rules(Schedule.per_week(2)).period is Period.WEEK
    assert Rules(target=Target(1.0, per=Period.MONTH)).period is Period.MONTH
    assert Rules(target=Target(1.0)).period is None
    assert Rules(target=Target(1.0)).measurable and not Rules().measurable


def test_a_pause_has_both_ends() -> None:
    pause = Pause(day(1), day(3))
    assert [pause.covers(day(i)) for i in range(5)] == [False, True, True, True, False]
    assert Pause(day(1), day(1)).covers(day(1))
    with pytest.raises(ValueError, match="end on or after"):
        Pause(day(3), day(1))
    rules = Rules(pauses=(pause, Pause(day(9), day(9))))
    assert [rules.paused(day(i)) for i in (0, 2, 9)] == [False, True, True]


def test_history_lays_out_every_day() -> None:
    entries = [
        Entry(day(-1), Status.KEPT),  # before the start: ignored
        Entry(day(0), Status.KEPT),
        Entry(day(1), Status.MISSED, reflected=True),
        Entry(day(2), Status.SKIPPED, reflected=True),  # a skip needs no repair
        Entry(day(5), Status.KEPT),  # after the end: ignored
    ]
    h = History(day(0), day(3), entries)
    assert h.size == 4
    assert h.codes == [KEPT, MISSED, SKIPPED, UNMARKED]
    assert h.repaired == [False, True, False, False]
    assert h.day(3) == day(3) and h.index(day(2)) == 2


def test_history_amounts() -> None:
    rules = Rules(target=Target(20.0))
    entries = [
        Entry(day(0), Status.KEPT, 12.0),
        Entry(day(1), Status.KEPT),  # kept without an amount: the daily target
        Entry(day(2), Status.MISSED),  # a miss is nothing done
        Entry(day(3), Status.MISSED, 4.0),
        Entry(day(4), Status.SKIPPED, 9.0),
    ]
    assert History(day(0), day(4), entries, rules).values == [12.0, 20.0, 0.0, 4.0, 0.0]
    weekly = Rules(target=Target(20.0, per=Period.WEEK))
    # A weekly target has no per-day amount to assume.
    assert History(day(1), day(1), entries, weekly).values == [0.0]


def test_an_empty_history() -> None:
    h = History(day(3), day(2), [])
    assert h.size == 0 and h.codes == []


def test_scoring_starts_at_the_start_day_or_the_earliest_back_filled_day() -> None:
    created = date(2026, 3, 10)
    assert history_start(created, None) == created
    assert history_start(created, date(2026, 3, 12)) == created
    assert history_start(created, date(2026, 3, 1)) == date(2026, 3, 1)
    assert yesterday(created) == date(2026, 3, 9)


def test_status_codes() -> None:
    assert [s.code for s in Status] == [KEPT, MISSED, SKIPPED]
    assert Status("kept") is Status.KEPT
