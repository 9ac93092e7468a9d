"""N times in any M days (Loop's "every 3 days", "2 times in 5 days"), worked by hand.

A streak counts kept days and ends on a day whose full M-day window holds fewer than
min(N, M - skipped) kept days. A kept day never ends one, today left unrecorded is not
judged yet, and no window is judged before M days have passed since the start.
"""

from __future__ import annotations

from domain_helpers import history, jar_path, streak_spans

from selftrust.domain.commitment import Rules
from selftrust.domain.jar import fill_jar, jar_events
from selftrust.domain.occasions import DayState, day_states
from selftrust.domain.schedule import Schedule
from selftrust.domain.streaks import find_streaks
from selftrust.domain.summary import Counts, Progress, count, progress, summarise

TWO_IN_FIVE = Rules(Schedule.in_days(2, 5))
EVERY_THIRD = Rules(Schedule.in_days(1, 3))


def test_a_window_that_falls_short_ends_the_streak() -> None:
    #                 0123456789
    h = history("K.K..K...K")
    # Day 7's window (days 3-7) holds one kept day: the streak of days 0, 2, 5 ends there.
    assert streak_spans(TWO_IN_FIVE, h) == [(0, 5, 3), (9, 9, 1)]
    assert find_streaks(TWO_IN_FIVE, h).current == 1
    assert summarise(TWO_IN_FIVE, h).streak_unit == "day"


def test_no_window_is_judged_before_m_days_have_passed() -> None:
    # Days 1-3 hold nothing, but the first full window is days 0-4.
    assert find_streaks(TWO_IN_FIVE, history("K...K")).current == 2
    assert find_streaks(TWO_IN_FIVE, history("K....")).current == 1  # day 4 is today
    assert find_streaks(TWO_IN_FIVE, history("K.....")).current == 0


def test_today_unrecorded_is_not_judged() -> None:
    assert find_streaks(EVERY_THIRD, history("K..K..K.")).current == 3
    assert find_streaks(EVERY_THIRD, history("K..K...")).current == 2  # day 6 is today
    assert find_streaks(EVERY_THIRD, history("K..K....")).current == 0
    # A recorded miss today is judged: its window holds nothing kept.
    assert find_streaks(EVERY_THIRD, history("K..K..M")).current == 0
    # A miss inside a window that is still met changes nothing.
    assert find_streaks(EVERY_THIRD, history("KKM")).current == 2


def current(pattern: str) -> int:
    return find_streaks(TWO_IN_FIVE, history(pattern)).current


def test_skips_bridge_a_window_streak() -> None:
    # Three skips leave two open days; the window asks for both, and day 4 was missed.
    assert current("KSSSM") == 0
    assert current("KKSSM") == 2
    # Skips never end a streak, however many.
    assert current("KSSSSSS.") == 1
    assert current("KKSSSSSK") == 3
    # Back from a long rest, the first open day is its window's only open day: it is owed.
    assert current("KKSSSSS.K") == 1


def test_counts_and_calendar_of_a_window_schedule() -> None:
    h = history("K.KM.SR.")
    assert count(TWO_IN_FIVE, h) == Counts(kept=2, missed=2, skipped=1, repaired=1)
    S = DayState
    assert day_states(TWO_IN_FIVE, h) == [
        S.KEPT, S.OPEN, S.KEPT, S.MISSED, S.OPEN, S.SKIPPED, S.REPAIRED, S.OPEN,
    ]


def test_progress_counts_the_last_m_days() -> None:
    assert progress(TWO_IN_FIVE, history("KK..K..")) == Progress(1, 2, "in the last 5 days")
    assert progress(TWO_IN_FIVE, history("K.")) == Progress(1, 2, "in the last 5 days")
    # Skips in the window lower what it asks, as for the streak.
    assert progress(TWO_IN_FIVE, history("K.SSS")) == Progress(1, 2, "in the last 5 days")
    assert progress(TWO_IN_FIVE, history("KSSSS")) == Progress(1, 1, "in the last 5 days")


def test_only_n_kept_days_in_any_m_days_win_a_marble() -> None:
    # Kept every day for ten days: two marbles in every five days, not one for good.
    h = history("KKKKKKKKKK")
    assert jar_path(TWO_IN_FIVE, h) == [(0, 1, 0), (1, 2, 0), (5, 3, 0), (6, 4, 0)]
    every_other = Rules(Schedule.in_days(1, 2))
    assert fill_jar(jar_events(every_other, history("KKKKKKKK"))).marbles == 4


def test_jar_of_a_window_schedule() -> None:
    h = history("K.KM.SR.K")
    assert jar_path(TWO_IN_FIVE, h) == [(0, 1, 0), (2, 2, 0), (3, 0, 0), (6, 0, 1), (8, 1, 1)]


def test_a_skipped_day_never_ends_a_streak() -> None:
    # Skipping today must not do what leaving it open does not: end the streak.
    assert find_streaks(EVERY_THIRD, history("K...")).current == 1
    assert find_streaks(EVERY_THIRD, history("K..S")).current == 1
    assert find_streaks(EVERY_THIRD, history("K..SS")).current == 1
    # The next open day is judged, its window asking less for the skips in it.
    assert find_streaks(EVERY_THIRD, history("K..SSM")).current == 0
