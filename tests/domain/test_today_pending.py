"""Today is pending, not missed, until the day is over (issue 17, item 4).

Until the user records it, today neither lowers strength nor counts as owed: the figures as
of today with today unmarked are yesterday's, carried over a neutral day. A kept today
raises them as it always did; a miss the user records today counts at once. Every past day
stays Loop's to the last digit (test_strength_reference.py).
"""

from __future__ import annotations

from datetime import timedelta

from domain_helpers import history, measured
from domain_strategies import KINDS, Case, Mark, cases
from hypothesis import assume, given, settings

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period, period_bounds
from selftrust.domain.history import History
from selftrust.domain.jar import fill_jar, jar_events
from selftrust.domain.occasions import (
    DayState,
    Outcome,
    judge_day,
    judge_occasions,
    settled_day_states,
)
from selftrust.domain.streaks import find_streaks
from selftrust.domain.strength import multiplier, strength_series
from selftrust.domain.summary import Counts, count

FAST = settings(max_examples=200, deadline=None)
TINY = 1e-12
DAILY = Rules()
PAGES = Rules(target=Target(20.0, "pages"))
CUPS = Rules(target=Target(2.0, "cups", at_most=True))
DAY_BY_DAY = ("daily", "weekdays", "in_days", "once", "amount_day", "amount_weekdays",
              "amount_once")
OWED = (Outcome.KEPT, Outcome.PARTLY, Outcome.MISSED, Outcome.UNMARKED)


def today_as(case: Case, mark: Mark) -> Case:
    return case.with_mark(case.size - 1, mark)


def before_today(case: Case) -> float:
    """The strength at the end of yesterday (the starting score on a first day)."""
    series = strength_series(case.rules, case.history())
    if case.size > 1:
        return series[-2]
    target = case.rules.target
    return 1.0 if target is not None and target.at_most and case.rules.schedule.on is None \
        else 0.0


def kept_and_due(rules: Rules, h: History) -> tuple[int, int]:
    """The kept-rate's figures: kept occasions and occasions owed."""
    outcomes = [o.outcome for o in judge_occasions(rules, h)]
    return outcomes.count(Outcome.KEPT), sum(outcomes.count(o) for o in OWED)


def yesterday_of(case: Case) -> Case:
    return Case(case.rules, case.start, case.marks[:-1])


def partly_today(case: Case) -> Case:
    target = case.rules.target
    assert target is not None
    return today_as(case, ("K", target.amount / 2))


# --- worked examples -------------------------------------------------------------------------


def test_an_unmarked_today_leaves_a_daily_strength_where_yesterday_left_it() -> None:
    yesterday = strength_series(DAILY, history("KKKK"))[-1]
    series = strength_series(DAILY, history("KKKK."))
    assert series[-1] == yesterday  # no morning dip
    m = multiplier(1.0)
    assert strength_series(DAILY, history("KKKKK"))[-1] == yesterday * m + (1 - m)  # kept: up
    assert strength_series(DAILY, history("KKKKM"))[-1] == yesterday * m  # a miss counts now


def test_an_unmarked_day_counts_once_it_is_over() -> None:
    # Yesterday unmarked is a past day: it counts as Loop counts it.
    m = multiplier(1.0)
    four = strength_series(DAILY, history("KKKK"))[-1]
    assert strength_series(DAILY, history("KKKK.."))[-2] == four * m


def test_pages_read_so_far_today_never_lower_strength() -> None:
    month: list[float | None] = [20.0] * 30
    yesterday = strength_series(PAGES, measured(month, PAGES))[-1]
    assert strength_series(PAGES, measured([*month, 5], PAGES))[-1] == yesterday
    m = multiplier(1.0)
    assert strength_series(PAGES, measured([*month, 20], PAGES))[-1] == yesterday * m + (1 - m)
    # Early on, the same 5 pages already lift a young score: they count at once.
    young = strength_series(PAGES, measured([20.0, 5], PAGES))
    assert young[-1] > young[-2]


def test_pages_read_so_far_today_are_not_partly_kept_yet() -> None:
    h = measured([20, 10, 5], PAGES)
    assert count(PAGES, h) == Counts(kept=1, partly=1)  # yesterday's 10 is partly kept
    assert settled_day_states(PAGES, h)[-1] is DayState.OPEN
    assert settled_day_states(PAGES, h)[:2] == [DayState.KEPT, DayState.PARTLY]


def test_a_weekly_amount_short_so_far_this_week_does_not_dip_today() -> None:
    # Twenty weeks of 16 km every Wednesday, then nothing for eight days.
    run = Rules(target=Target(15.0, "km", per=Period.WEEK))
    marks: list[float | None] = ([16.0] + [None] * 6) * 20 + [None] * 8
    unmarked = strength_series(run, measured([*marks, None], run))
    assert unmarked[-1] == unmarked[-2]  # yesterday, now a day gone by, counted; today not
    on_its_way = strength_series(run, measured([*marks, 1], run))
    assert on_its_way[-1] == unmarked[-2]  # 1 km so far: still short, no dip


def test_a_daily_limit_kept_so_far_today_is_not_kept_yet() -> None:
    """1 of at most 2 cups this morning: the day may still pass its limit (as a running
    week's limit stays pending), so nothing is won, counted or added to a streak yet."""
    today_only = measured([1], CUPS)
    assert judge_day(CUPS, today_only, 0) is Outcome.PENDING
    assert count(CUPS, today_only) == Counts()
    assert fill_jar(jar_events(CUPS, today_only)).marbles == 0
    assert find_streaks(CUPS, today_only).current == 0
    assert settled_day_states(CUPS, today_only) == [DayState.OPEN]
    # Yesterday within its limit is over: kept, a marble, a streak of 1 that today keeps.
    two_days = measured([2, 1], CUPS)
    assert count(CUPS, two_days) == Counts(kept=1)
    assert fill_jar(jar_events(CUPS, two_days)).marbles == 1
    assert find_streaks(CUPS, two_days).current == 1


def test_a_daily_limit_passed_today_is_missed_at_once() -> None:
    over = measured([2, 3], CUPS)
    assert judge_day(CUPS, over, 1) is Outcome.MISSED
    assert count(CUPS, over) == Counts(kept=1, missed=1)
    assert fill_jar(jar_events(CUPS, over)).marbles == 0  # won 1, then 2 knocked out
    assert find_streaks(CUPS, over).current == 0
    assert settled_day_states(CUPS, over)[-1] is DayState.MISSED


# --- for every history -------------------------------------------------------------------------


@FAST
@given(cases())
def test_an_unmarked_today_never_lowers_strength(case: Case) -> None:
    case = today_as(case, (".", None))
    assert strength_series(case.rules, case.history())[-1] >= before_today(case) - TINY


@FAST
@given(cases())
def test_an_unmarked_today_is_a_neutral_day(case: Case) -> None:
    """Strength unchanged from yesterday, exactly as if today were a rest day."""
    unmarked = today_as(case, (".", None))
    rested = today_as(case, ("S", None))
    assert strength_series(case.rules, unmarked.history()) == strength_series(
        case.rules, rested.history())


@FAST
@given(cases(("amount_day", "amount_week", "amount_month", "amount_weekdays")))
def test_an_amount_on_its_way_today_never_lowers_strength(case: Case) -> None:
    assume(case.rules.target is not None and not case.rules.target.at_most)
    case = partly_today(case)
    assert strength_series(case.rules, case.history())[-1] >= before_today(case) - TINY


@FAST
@given(cases())
def test_today_changes_no_past_day(case: Case) -> None:
    past = [strength_series(case.rules, today_as(case, m).history())[:-1]
            for m in ((".", None), ("K", None), ("M", None), ("S", None))]
    assert all(p == past[0] for p in past)


@FAST
@given(cases())
def test_a_kept_today_raises_strength_as_before(case: Case) -> None:
    target = case.rules.target
    kept_mark: Mark = ("K", None if target is None else (0.0 if target.at_most else target.amount))
    unmarked = strength_series(case.rules, today_as(case, (".", None)).history())
    kept = strength_series(case.rules, today_as(case, kept_mark).history())
    assert kept[-1] >= unmarked[-1] - TINY


@FAST
@given(cases(DAY_BY_DAY))
def test_an_unmarked_today_is_owed_nothing_yet(case: Case) -> None:
    """Kept-rate, counts and the calendar's owed days: today unmarked is a rest day to them."""
    unmarked = today_as(case, (".", None))
    rested = today_as(case, ("S", None))
    assert kept_and_due(case.rules, unmarked.history()) == kept_and_due(
        case.rules, rested.history())
    a, b = count(case.rules, unmarked.history()), count(case.rules, rested.history())
    assert (a.kept, a.missed, a.partly, a.repaired) == (b.kept, b.missed, b.partly, b.repaired)


@FAST
@given(cases(("amount_day", "amount_weekdays", "amount_once")))
def test_an_amount_on_its_way_today_is_owed_nothing_yet(case: Case) -> None:
    assume(case.rules.target is not None and not case.rules.target.at_most)
    unmarked = today_as(case, (".", None)).history()
    on_its_way = partly_today(case).history()
    assert count(case.rules, on_its_way) == count(case.rules, unmarked)
    assert kept_and_due(case.rules, on_its_way) == kept_and_due(case.rules, unmarked)
    assert settled_day_states(case.rules, on_its_way)[-1] in (
        DayState.OPEN, DayState.NOT_DUE, DayState.PAUSED, DayState.SKIPPED)


@FAST
@given(cases(("amount_day", "amount_weekdays", "amount_once")))
def test_a_daily_limit_kept_so_far_today_is_owed_nothing_yet(case: Case) -> None:
    assume(case.rules.target is not None and case.rules.target.at_most)
    unmarked = today_as(case, (".", None)).history()
    within = partly_today(case).history()
    assert count(case.rules, within) == count(case.rules, unmarked)
    assert kept_and_due(case.rules, within) == kept_and_due(case.rules, unmarked)
    assert fill_jar(jar_events(case.rules, within)) == fill_jar(
        jar_events(case.rules, unmarked))
    assert find_streaks(case.rules, within).current == find_streaks(
        case.rules, unmarked).current


@FAST
@given(cases(KINDS, max_days=90))
def test_as_of_today_unmarked_the_kept_rate_is_yesterdays(case: Case) -> None:
    """Yesterday recorded and in today's period: nothing owed or kept changes overnight."""
    assume(case.size > 1 and case.marks[-2][0] in "KMSRX")
    today = case.end
    period = case.rules.period
    if period is not None:
        assume(period_bounds(today, period)[0] < today)
    then = yesterday_of(case)
    target = case.rules.target
    if target is not None and target.per is Period.DAY:
        # Yesterday's amount, as the day then was, may still have been open (short of its
        # target, or within its limit so far): it settles overnight.
        assume(judge_day(case.rules, then.history(), then.size - 1) is not Outcome.PENDING)
    unmarked = today_as(case, (".", None))
    assert kept_and_due(case.rules, unmarked.history()) == kept_and_due(
        case.rules, then.history())
    assert then.end == today - timedelta(days=1)
