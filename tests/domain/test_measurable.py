"""Measurable commitments: at least / at most, per day and per week, worked by hand."""

from __future__ import annotations

from datetime import date

import pytest
from domain_helpers import MONDAY_0, history, jar_path, measured, streak_spans

from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Entry, History, Status
from selftrust.domain.jar import fill_jar, jar_events
from selftrust.domain.occasions import (
    DayState,
    Outcome,
    day_states,
    judge_occasions,
    settled_day_states,
)
from selftrust.domain.streaks import find_streaks
from selftrust.domain.strength import multiplier, strength_at_end
from selftrust.domain.summary import Counts, Progress, count, progress, summarise

S = DayState

# --- at least 20 pages a day -------------------------------------------------------------

PAGES = Rules(target=Target(20.0, "pages"))
# 0: 20 kept  1: 25 kept  2: 10 partly  3: unmarked  4: 0 recorded (a miss)  5: missed
# 6: missed and repaired  7: skipped  8: 20 kept  9: today, 5 so far
PAGE_DAYS = history(
    "KK K.K MRS KK",
    PAGES,
    values=[20, 25, 10, None, 0, None, None, None, 20, 5],
)


def test_judging_pages() -> None:
    assert [o.outcome for o in judge_occasions(PAGES, PAGE_DAYS)] == [
        Outcome.KEPT, Outcome.KEPT, Outcome.PARTLY, Outcome.UNMARKED, Outcome.MISSED,
        Outcome.MISSED, Outcome.MISSED, Outcome.SKIPPED, Outcome.KEPT,
        Outcome.PENDING,  # today is partly done so far: still open
    ]


def test_streaks_of_pages() -> None:
    # The partly kept day 2 ends the first streak; today's 5 pages leave the current standing.
    assert streak_spans(PAGES, PAGE_DAYS) == [(0, 1, 2), (8, 8, 1)]
    assert find_streaks(PAGES, PAGE_DAYS).current == 1


def test_counts_of_pages() -> None:
    # Today's 5 pages so far are on their way, not partly kept yet (issue 17).
    assert count(PAGES, PAGE_DAYS) == Counts(kept=3, missed=3, skipped=1, partly=1, repaired=1)


def test_calendar_of_pages() -> None:
    assert day_states(PAGES, PAGE_DAYS) == [
        S.KEPT, S.KEPT, S.PARTLY, S.UNMARKED, S.MISSED, S.MISSED, S.REPAIRED, S.SKIPPED,
        S.KEPT, S.PARTLY,
    ]


def test_progress_of_pages_today() -> None:
    p = progress(PAGES, PAGE_DAYS)
    assert p == Progress(5, 20, "today")
    assert p is not None and not p.met


def test_jar_of_pages() -> None:
    # A partly kept day wins and loses nothing; 0 pages recorded is a miss.
    assert jar_path(PAGES, PAGE_DAYS) == [
        (0, 1, 0), (1, 2, 0), (4, 0, 0), (5, 0, 0), (6, 0, 1), (8, 1, 1),
    ]


def test_a_kept_day_without_an_amount_meets_a_daily_target() -> None:
    h = history("K", PAGES)
    assert h.values == [20.0]
    assert judge_occasions(PAGES, h)[0].outcome is Outcome.KEPT


def test_a_partly_kept_past_day_ends_a_streak_and_today_does_not() -> None:
    assert find_streaks(PAGES, measured([20, 20, 19], PAGES)).current == 2
    assert find_streaks(PAGES, measured([20, 20, 19, None], PAGES)).current == 0


# --- at most 2 coffees a day ----------------------------------------------------------

COFFEES = Rules(target=Target(2.0, "coffees", at_most=True))
# 0: 1  1: 2  2: 3 over the limit  3: unmarked  4: 0  5: missed  6: today, 1 so far
COFFEE_DAYS = history(
    "KKK.KMK", COFFEES, values=[1, 2, 3, None, 0, None, 1]
)


def test_judging_coffees() -> None:
    # Today within its limit so far is not kept yet: the day may still pass it (issue 17,
    # item 4; a running week's limit stays pending alike).
    assert [o.outcome for o in judge_occasions(COFFEES, COFFEE_DAYS)] == [
        Outcome.KEPT, Outcome.KEPT, Outcome.MISSED, Outcome.UNMARKED, Outcome.KEPT,
        Outcome.MISSED, Outcome.PENDING,
    ]


def test_streaks_counts_and_calendar_of_coffees() -> None:
    assert streak_spans(COFFEES, COFFEE_DAYS) == [(0, 1, 2), (4, 4, 1)]
    assert find_streaks(COFFEES, COFFEE_DAYS).current == 0  # day 5 missed; today still open
    assert count(COFFEES, COFFEE_DAYS) == Counts(kept=3, missed=2)
    # The calendar shows today's cup within its limit so far; the figures wait.
    assert day_states(COFFEES, COFFEE_DAYS) == [
        S.KEPT, S.KEPT, S.MISSED, S.UNMARKED, S.KEPT, S.MISSED, S.KEPT,
    ]
    assert settled_day_states(COFFEES, COFFEE_DAYS)[-1] is S.OPEN


def test_jar_of_coffees() -> None:
    assert jar_path(COFFEES, COFFEE_DAYS) == [
        (0, 1, 0), (1, 2, 0), (2, 0, 0), (4, 1, 0), (5, 0, 0),
    ]


def test_progress_under_a_limit_is_met_while_under_it() -> None:
    p = progress(COFFEES, COFFEE_DAYS)
    assert p == Progress(1, 2, "today", at_most=True)
    assert p is not None and p.met
    over = progress(COFFEES, measured([3], COFFEES))
    assert over is not None and not over.met


def test_a_day_over_the_limit_can_be_repaired() -> None:
    over = History(MONDAY_0, MONDAY_0, [Entry(MONDAY_0, Status.KEPT, 3.0, reflected=True)],
                   COFFEES)
    assert day_states(COFFEES, over) == [S.REPAIRED]
    assert count(COFFEES, over) == Counts(missed=1, repaired=1)
    assert fill_jar(jar_events(COFFEES, over)).gold == 1


# --- at least 30 km a week ----------------------------------------------------------------

KM = Rules(
    target=Target(30.0, "km", per=Period.WEEK),
    pauses=(Pause(date(2026, 1, 21), date(2026, 1, 25)),),
)
# Week 1: reaches 35 on Friday.  Week 2: 15 and a miss: partly.  Week 3: Wed-Sun paused,
# so it asks 30 × 2/7; 10 by Tuesday.  Week 4: today is Wednesday, 20 so far.
KM_DAYS = measured(
    [10, None, 10, None, 15, None, 5,
     10, 0, 5, None, None, None, None,
     5, 5, None, None, None, None, None,
     10, 10, None],
    KM,
    status="........M",
)


def test_weeks_of_km() -> None:
    occasions = judge_occasions(KM, KM_DAYS)
    assert [(o.outcome, o.done) for o in occasions] == [
        (Outcome.KEPT, 40), (Outcome.PARTLY, 15), (Outcome.KEPT, 10), (Outcome.PENDING, 20),
    ]
    assert [o.needed for o in occasions] == pytest.approx([30, 30, 30 * 2 / 7, 30])


def test_streaks_and_counts_of_km() -> None:
    assert streak_spans(KM, KM_DAYS) == [(0, 6, 1), (14, 20, 1)]
    assert find_streaks(KM, KM_DAYS).current == 1
    assert summarise(KM, KM_DAYS).streak_unit == "week"
    # kept and partly count weeks; missed counts the day recorded as missed.
    assert count(KM, KM_DAYS) == Counts(kept=2, missed=1, partly=1)


def test_calendar_of_km() -> None:
    states = day_states(KM, KM_DAYS)
    assert states[:7] == [S.KEPT, S.OPEN, S.KEPT, S.OPEN, S.KEPT, S.OPEN, S.KEPT]
    assert states[8] is S.MISSED
    assert states[16:21] == [S.PAUSED] * 5
    assert states[-1] is S.OPEN


def test_jar_of_km() -> None:
    # A marble the day the week's target is reached; -2 for the missed day.
    assert jar_path(KM, KM_DAYS) == [(4, 1, 0), (8, 0, 0), (15, 1, 0)]


def test_progress_of_km() -> None:
    assert progress(KM, KM_DAYS) == Progress(20, 30, "this week")
    short = progress(KM, measured([5, 5], KM, start=date(2026, 1, 19)))
    assert short is not None and short.needed == pytest.approx(30 * 2 / 7) and short.met


def test_a_short_first_week_asks_its_share_of_the_target() -> None:
    # Starting on Saturday, the first week has 2 of its 7 days.
    rules = Rules(target=Target(35.0, "km", per=Period.WEEK))
    h = measured([6, 4, 10], rules, start=date(2026, 1, 10))
    first = judge_occasions(rules, h)[0]
    assert (first.outcome, first.needed) == (Outcome.KEPT, 10.0)
    assert jar_path(rules, h) == [(1, 1, 0)]


# --- at most 14 drinks a week -------------------------------------------------------------

DRINKS = Rules(target=Target(14.0, "drinks", per=Period.WEEK, at_most=True))
# Starts Wednesday 7 January: 5 of 7 days, a limit of 10.  Week 2: 15 by Friday.
# Week 3: a skipped Thursday and 13 in all (the limit stays 14).  Week 4: today is Tuesday.
DRINK_DAYS = measured(
    [2, 2, 2, 2, 1,
     3, 3, 3, 3, 3, 0, 0,
     2, 2, 2, None, 3, 3, 1,
     2, 3],
    DRINKS,
    start=date(2026, 1, 7),
    status="............" + "...S",
)


def test_weeks_of_drinks() -> None:
    occasions = judge_occasions(DRINKS, DRINK_DAYS)
    assert [(o.outcome, o.done, o.needed) for o in occasions] == [
        (Outcome.KEPT, 9, 10), (Outcome.MISSED, 15, 14), (Outcome.KEPT, 13, 14),
        (Outcome.PENDING, 5, 14),
    ]


def test_streaks_of_drinks() -> None:
    assert streak_spans(DRINKS, DRINK_DAYS) == [(0, 4, 1), (12, 18, 1)]
    assert find_streaks(DRINKS, DRINK_DAYS).current == 1


def test_jar_of_drinks() -> None:
    # +1 when a week ends within its limit, -2 on the day the limit is passed.
    assert jar_path(DRINKS, DRINK_DAYS) == [(4, 1, 0), (9, 0, 0), (18, 1, 0)]


def test_progress_of_drinks() -> None:
    assert progress(DRINKS, DRINK_DAYS) == Progress(5, 14, "this week", at_most=True)


def test_a_skipped_day_never_shrinks_an_at_most_allowance() -> None:
    # 13 drinks and one skipped day is within 14; shrinking the limit to 12 would break it.
    occasion = judge_occasions(DRINKS, DRINK_DAYS)[2]
    assert occasion.needed == 14


# --- an explicit miss of an at-most limit -------------------------------------------------


def test_an_explicit_miss_of_a_daily_limit_scores_as_over_it() -> None:
    # "Missed" with no amount: the limit was broken; it must not score as nothing consumed.
    m = multiplier(1.0)
    assert strength_at_end(COFFEES, history("M", COFFEES)) == pytest.approx(m)  # v = 0
    assert strength_at_end(COFFEES, history("R", COFFEES)) == pytest.approx(m + 0.5 * (1 - m))


def test_an_explicit_miss_of_a_weekly_limit_misses_the_week() -> None:
    h = measured([1, None, None, None, None, None, None, None], DRINKS, status=".M")
    assert [o.outcome for o in judge_occasions(DRINKS, h)] == [Outcome.MISSED, Outcome.PENDING]
    assert jar_path(DRINKS, h) == [(1, 0, 0)]  # -2 on an empty jar, no marble for the week
    repaired = measured([1, None, 20, None, None, None, None, None], DRINKS, status=".R")
    # Repaired: gold, and passing the limit later that week costs nothing more.
    assert jar_path(DRINKS, repaired) == [(1, 0, 1)]
    assert count(DRINKS, h) == Counts(missed=1)


# --- at least 100 km a month ----------------------------------------------------------------


def test_a_monthly_amount() -> None:
    rules = Rules(target=Target(100.0, "km", per=Period.MONTH))
    start = date(2026, 1, 1)
    # January: 40 + 40 + 30 reaches 100 on the 20th. February: 50, partly. March 1: today.
    marks: dict[int, float] = {9: 40, 14: 40, 19: 30, 35: 50}
    h = measured([marks.get(i) for i in range(60)], rules, start=start)
    occasions = judge_occasions(rules, h)
    assert [(o.outcome, o.done, o.needed) for o in occasions] == [
        (Outcome.KEPT, 110, 100), (Outcome.PARTLY, 50, 100), (Outcome.PENDING, 0, 100),
    ]
    assert jar_path(rules, h) == [(19, 1, 0)]
    assert find_streaks(rules, h).current == 0
    assert summarise(rules, h).streak_unit == "month"
    assert progress(rules, h) == Progress(0, 100, "this month")
