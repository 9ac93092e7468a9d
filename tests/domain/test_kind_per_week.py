"""Three times a week: calendar weeks judged as occasions, worked by hand.

The commitment starts on Saturday 10 January 2026, so its first week has two days.
"""

from __future__ import annotations

from datetime import date

from domain_helpers import history, jar_path, streak_spans

from selftrust.domain.commitment import Pause, Rules
from selftrust.domain.days import SUNDAY
from selftrust.domain.jar import fill_jar, jar_events
from selftrust.domain.occasions import DayState, Outcome, day_states, judge_occasions
from selftrust.domain.schedule import Schedule
from selftrust.domain.streaks import find_streaks
from selftrust.domain.summary import Counts, Progress, count, progress, summarise

SATURDAY = date(2026, 1, 10)
MONDAY = date(2026, 1, 12)
S = DayState

RULES = Rules(Schedule.per_week(3), pauses=(Pause(date(2026, 1, 19), date(2026, 1, 25)),))
# A: Sat–Sun, 2 of the 2 days kept.           B: 3 kept.        C: paused all week.
# D: 2 kept and a miss (19 = Thu 29 Jan).      E: 5 days skipped, the other 2 kept.
# F: the current week, today is Wednesday 11 February, 1 kept so far.
#        A  B       C       D       E       F
WEEKS = "KK K.K.K.. ....... K..M..K KSSSSSK K.."


def weeks() -> list[tuple[date, Outcome, float, float]]:
    h = history(WEEKS, RULES, SATURDAY)
    return [(o.first, o.outcome, o.done, o.needed) for o in judge_occasions(RULES, h)]


def test_weeks_are_the_occasions() -> None:
    assert weeks() == [
        (date(2026, 1, 5), Outcome.KEPT, 2, 2),  # the first week asks only for its 2 days
        (date(2026, 1, 12), Outcome.KEPT, 3, 3),
        (date(2026, 1, 19), Outcome.SKIPPED, 0, 0),  # a paused week asks for nothing
        (date(2026, 1, 26), Outcome.MISSED, 2, 3),
        (date(2026, 2, 2), Outcome.KEPT, 2, 2),  # 2 open days: it asks for 2
        (date(2026, 2, 9), Outcome.PENDING, 1, 3),
    ]


def test_streaks_count_weeks() -> None:
    h = history(WEEKS, RULES, SATURDAY)
    # Streaks run over the commitment's own days: from its start, not the Monday before.
    assert streak_spans(RULES, h) == [(0, 8, 2), (23, 29, 1)]
    streaks = find_streaks(RULES, h)
    assert (streaks.current, streaks.best) == (1, 2)
    assert summarise(RULES, h).streak_unit == "week"


def test_counts_of_three_times_a_week() -> None:
    assert count(RULES, history(WEEKS, RULES, SATURDAY)) == Counts(kept=10, missed=1, skipped=5)


def test_calendar_of_three_times_a_week() -> None:
    Op, K, P = S.OPEN, S.KEPT, S.PAUSED
    assert day_states(RULES, history(WEEKS, RULES, SATURDAY)) == [
        K, K,
        K, Op, K, Op, K, Op, Op,
        P, P, P, P, P, P, P,
        K, Op, Op, S.MISSED, Op, Op, K,
        K, S.SKIPPED, S.SKIPPED, S.SKIPPED, S.SKIPPED, S.SKIPPED, K,
        K, Op, Op,
    ]


def test_progress_of_the_current_week() -> None:
    assert progress(RULES, history(WEEKS, RULES, SATURDAY)) == Progress(1, 3, "this week")


def test_progress_of_a_short_first_week_asks_what_the_week_asks() -> None:
    p = progress(RULES, history("KK", RULES, SATURDAY))
    assert p == Progress(2, 2, "this week")
    assert p is not None and p.met


def test_jar_of_three_times_a_week() -> None:
    h = history(WEEKS, RULES, SATURDAY)
    assert jar_path(RULES, h) == [
        (0, 1, 0), (1, 2, 0), (2, 3, 0), (4, 4, 0), (6, 5, 0),
        (16, 6, 0), (19, 4, 0), (22, 5, 0), (23, 6, 0), (29, 7, 0), (30, 8, 0),
    ]


def test_only_three_kept_days_a_week_win_a_marble() -> None:
    rules = Rules(Schedule.per_week(3))
    assert fill_jar(jar_events(rules, history("KKKKKKK KK", rules, MONDAY))).marbles == 5


def test_the_current_week_kept_early_counts_at_once() -> None:
    rules = Rules(Schedule.per_week(3))
    assert find_streaks(rules, history("K.K.K.. KKK", rules, MONDAY)).current == 2


def test_a_past_week_nobody_recorded_ends_the_streak() -> None:
    rules = Rules(Schedule.per_week(3))
    h = history("K.K.K.. ....... K", rules, MONDAY)
    outcomes = [o.outcome for o in judge_occasions(rules, h)]
    assert outcomes == [Outcome.KEPT, Outcome.UNMARKED, Outcome.PENDING]
    assert find_streaks(rules, h).current == 0
    assert find_streaks(rules, h).best == 1


def test_a_first_week_of_one_day_asks_for_one() -> None:
    rules = Rules(Schedule.per_week(3))
    sunday = date(2026, 1, 11)
    assert find_streaks(rules, history("K", rules, sunday)).current == 1
    assert find_streaks(rules, history("K KK.", rules, sunday)).current == 1


def test_planned_rest_later_this_week_lowers_what_it_asks() -> None:
    # Today is Tuesday; Wednesday to Sunday are paused: two open days, both kept.
    rules = Rules(Schedule.per_week(3), pauses=(Pause(date(2026, 1, 14), date(2026, 1, 18)),))
    h = history("KK", rules, MONDAY)
    assert [o.outcome for o in judge_occasions(rules, h)] == [Outcome.KEPT]
    assert find_streaks(rules, h).current == 1
    assert progress(rules, h) == Progress(2, 2, "this week")


def test_weeks_can_start_on_sunday() -> None:
    rules = Rules(Schedule.per_week(3))
    h = history("K.K.K.K", rules, MONDAY)  # Monday 12 to Sunday 18
    occasions = judge_occasions(rules, h, SUNDAY)
    assert [(o.first, o.outcome, o.needed) for o in occasions] == [
        (date(2026, 1, 11), Outcome.KEPT, 3),
        (date(2026, 1, 18), Outcome.PENDING, 3),
    ]
    assert find_streaks(rules, h, SUNDAY).current == 1
    assert progress(rules, h, SUNDAY) == Progress(1, 3, "this week")
