"""Twice a month: calendar months judged as occasions, worked by hand.

The commitment starts on Tuesday 20 January 2026; today is Friday 10 April.
"""

from __future__ import annotations

from datetime import date

from domain_helpers import jar_path, sparse, streak_spans

from selftrust.domain.commitment import Rules
from selftrust.domain.jar import fill_jar, jar_events
from selftrust.domain.occasions import DayState, Outcome, day_states, judge_occasions
from selftrust.domain.schedule import Schedule
from selftrust.domain.streaks import find_streaks
from selftrust.domain.summary import Counts, Progress, count, progress, summarise

START = date(2026, 1, 20)
TODAY = date(2026, 4, 10)
TWICE = Rules(Schedule.per_month(2))


def at(d: date) -> int:
    return (d - START).days


MARKS: dict[int, str | float] = {
    at(date(2026, 1, 22)): "K",
    at(date(2026, 1, 28)): "K",  # January (12 days) kept
    at(date(2026, 2, 3)): "K",
    at(date(2026, 2, 10)): "K",
    at(date(2026, 2, 20)): "K",  # February kept, one more than asked
    at(date(2026, 3, 5)): "K",
    at(date(2026, 3, 12)): "M",  # March: one short
    at(date(2026, 4, 1)): "K",
    at(date(2026, 4, 8)): "K",  # April already kept
}
SIZE = at(TODAY) + 1


def months() -> list[tuple[date, Outcome, float, float]]:
    h = sparse(SIZE, MARKS, TWICE, START)
    return [(o.first, o.outcome, o.done, o.needed) for o in judge_occasions(TWICE, h)]


def test_months_are_the_occasions() -> None:
    assert months() == [
        (date(2026, 1, 1), Outcome.KEPT, 2, 2),
        (date(2026, 2, 1), Outcome.KEPT, 3, 2),
        (date(2026, 3, 1), Outcome.MISSED, 1, 2),
        (date(2026, 4, 1), Outcome.KEPT, 2, 2),  # kept early: it counts at once
    ]


def test_streaks_count_months() -> None:
    h = sparse(SIZE, MARKS, TWICE, START)
    assert streak_spans(TWICE, h) == [(0, at(date(2026, 2, 28)), 2), (at(date(2026, 4, 1)),
                                                                         at(TODAY), 1)]
    assert (find_streaks(TWICE, h).current, find_streaks(TWICE, h).best) == (1, 2)
    assert summarise(TWICE, h).streak_unit == "month"


def test_counts_of_twice_a_month() -> None:
    assert count(TWICE, sparse(SIZE, MARKS, TWICE, START)) == Counts(kept=8, missed=1)


def test_calendar_of_twice_a_month() -> None:
    states = day_states(TWICE, sparse(SIZE, MARKS, TWICE, START))
    assert states[at(date(2026, 1, 22))] is DayState.KEPT
    assert states[at(date(2026, 3, 12))] is DayState.MISSED
    # Days nobody recorded owe nothing by themselves: only the month is judged.
    assert set(states) == {DayState.KEPT, DayState.MISSED, DayState.OPEN}


def test_progress_of_the_current_month() -> None:
    assert progress(TWICE, sparse(SIZE, MARKS, TWICE, START)) == Progress(2, 2, "this month")


def test_jar_of_twice_a_month() -> None:
    assert jar_path(TWICE, sparse(SIZE, MARKS, TWICE, START)) == [
        (at(date(2026, 1, 22)), 1, 0),
        (at(date(2026, 1, 28)), 2, 0),
        (at(date(2026, 2, 3)), 3, 0),
        (at(date(2026, 2, 10)), 4, 0),  # 20 February is a third kept day: no marble
        (at(date(2026, 3, 5)), 5, 0),
        (at(date(2026, 3, 12)), 3, 0),
        (at(date(2026, 4, 1)), 4, 0),
        (at(date(2026, 4, 8)), 5, 0),
    ]


def test_a_first_month_of_one_day_asks_for_one() -> None:
    rules = Rules(Schedule.per_month(2))
    h = sparse(2, {0: "K"}, rules, date(2026, 1, 31))
    assert [o.outcome for o in judge_occasions(rules, h)] == [Outcome.KEPT, Outcome.PENDING]
    assert find_streaks(rules, h).current == 1


def test_every_day_of_february_is_all_a_short_month_can_ask() -> None:
    rules = Rules(Schedule.per_month(31))
    h = sparse(29, dict.fromkeys(range(28), "K"), rules, date(2026, 2, 1))
    occasions = judge_occasions(rules, h)
    assert [(o.outcome, o.needed) for o in occasions] == [(Outcome.KEPT, 28),
                                                          (Outcome.PENDING, 31)]
    assert find_streaks(rules, h).current == 1
    assert fill_jar(jar_events(rules, h)).marbles == 28
