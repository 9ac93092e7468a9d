"""Every day: streaks, counts, the calendar, progress and the jar, worked by hand."""

from __future__ import annotations

from domain_helpers import day, history, jar_path, streak_spans

from selftrust.domain.commitment import Rules
from selftrust.domain.jar import JarRules, fill_jar, jar_events, replay
from selftrust.domain.occasions import DayState, Outcome, day_states, judge_occasions
from selftrust.domain.streaks import Streak, find_streaks
from selftrust.domain.strength import strength_series
from selftrust.domain.summary import Counts, progress, summarise

DAILY = Rules()
S = DayState

#            0123456789012
MIXED_DAYS = "KKSKMKK.KKRK."  # day 12 is today, nothing recorded yet


def test_occasions_of_every_day() -> None:
    outcomes = [o.outcome for o in judge_occasions(DAILY, history(MIXED_DAYS))]
    K, M, U = Outcome.KEPT, Outcome.MISSED, Outcome.UNMARKED
    assert outcomes == [K, K, Outcome.SKIPPED, K, M, K, K, U, K, K, M, K, Outcome.PENDING]
    repaired = [o.repaired for o in judge_occasions(DAILY, history(MIXED_DAYS))]
    assert repaired.index(True) == 10 and repaired.count(True) == 1


def test_streaks_of_every_day() -> None:
    h = history(MIXED_DAYS)
    # The skip on day 2 bridges; the miss on day 4, the unmarked day 7 and the repaired miss
    # on day 10 each end a streak; today, still open, leaves the current one standing.
    assert streak_spans(DAILY, h) == [(0, 3, 3), (5, 6, 2), (8, 9, 2), (11, 11, 1)]
    streaks = find_streaks(DAILY, h)
    assert streaks.current == 1
    assert streaks.best == 3
    assert streaks.longest(2) == [
        Streak(day(0), day(3), 3),
        Streak(day(8), day(9), 2),  # the most recent of the equally long ones first
    ]


def test_counts_of_every_day() -> None:
    assert summarise(DAILY, history(MIXED_DAYS)).counts == Counts(
        kept=8, missed=2, skipped=1, partly=0, repaired=1
    )


def test_calendar_of_every_day() -> None:
    assert day_states(DAILY, history(MIXED_DAYS)) == [
        S.KEPT, S.KEPT, S.SKIPPED, S.KEPT, S.MISSED, S.KEPT, S.KEPT, S.UNMARKED,
        S.KEPT, S.KEPT, S.REPAIRED, S.KEPT, S.OPEN,
    ]


def test_a_plain_daily_promise_has_no_progress_bar() -> None:
    assert progress(DAILY, history(MIXED_DAYS)) is None


def test_jar_of_every_day() -> None:
    h = history(MIXED_DAYS)
    # +1 for every kept day, -2 for the miss on day 4, the repaired miss nets 0 and is gold.
    assert jar_path(DAILY, h) == [
        (0, 1, 0), (1, 2, 0), (3, 3, 0), (4, 1, 0), (5, 2, 0), (6, 3, 0),
        (8, 4, 0), (9, 5, 0), (10, 5, 1), (11, 6, 1),
    ]
    jar = fill_jar(jar_events(DAILY, h))
    assert (jar.marbles, jar.gold) == (6, 1)


def test_today_decides_the_current_streak() -> None:
    assert find_streaks(DAILY, history("KK.")).current == 2  # today still open
    assert find_streaks(DAILY, history("KKS")).current == 2  # today skipped
    assert find_streaks(DAILY, history("KKK")).current == 3
    assert find_streaks(DAILY, history("KKM")).current == 0  # a recorded miss is a miss
    assert find_streaks(DAILY, history("KK..")).current == 0  # yesterday was never recorded
    assert find_streaks(DAILY, history("KKSS.")).current == 2


def test_no_history_no_streak() -> None:
    empty = history("")
    assert find_streaks(DAILY, empty).all == ()
    assert find_streaks(DAILY, empty).best == 0
    assert judge_occasions(DAILY, empty) == []
    assert jar_events(DAILY, empty) == []
    assert progress(DAILY, empty) is None
    assert summarise(DAILY, empty).strength == 0.0


def test_the_jar_never_goes_below_zero() -> None:
    days = replay(jar_events(DAILY, history("MMKMKK")))
    assert [(d.marbles, d.won, d.lost) for d in days] == [
        (0, 0, 0),  # a miss on an empty jar costs nothing more
        (0, 0, 0),
        (1, 1, 0),
        (0, 0, 1),  # only the one marble there was is lost
        (1, 1, 0),
        (2, 1, 0),
    ]


def test_the_jar_numbers_are_parameters() -> None:
    h = history("KKKRKM")
    generous = JarRules(kept_gain=2, miss_cost=1, repair_return=1)
    assert fill_jar(jar_events(DAILY, h), generous).marbles == 2 * 4 - 1
    # A repair that gives back less than a miss costs nets the difference.
    stingy = JarRules(kept_gain=1, miss_cost=2, repair_return=1)
    assert [d.marbles for d in replay(jar_events(DAILY, h), stingy)] == [1, 2, 3, 2, 3, 1]



def test_a_summary_can_reuse_a_strength_series() -> None:
    h = history(MIXED_DAYS)
    series = strength_series(DAILY, h)
    assert summarise(DAILY, h, series=series) == summarise(DAILY, h)
    assert summarise(DAILY, h, series=[0.0] * (h.size - 1) + [0.25]).strength == 0.25
