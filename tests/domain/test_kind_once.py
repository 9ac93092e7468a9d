"""A one-time promise ("Call the dentist"): one occasion, on its day."""

from __future__ import annotations

from domain_helpers import day, history, jar_path

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.jar import fill_jar, jar_events
from selftrust.domain.occasions import DayState, Outcome, day_states, judge_occasions
from selftrust.domain.schedule import Schedule
from selftrust.domain.streaks import find_streaks
from selftrust.domain.summary import Counts, Progress, count, progress, summarise

ON_DAY_3 = Rules(Schedule.once(day(3)))
S = DayState
N = S.NOT_DUE


def outcomes(pattern: str, rules: Rules = ON_DAY_3) -> list[Outcome]:
    return [o.outcome for o in judge_occasions(rules, history(pattern))]


def test_the_one_day_is_the_only_occasion() -> None:
    assert outcomes("...K..") == [Outcome.KEPT]
    assert outcomes("K..M.K") == [Outcome.MISSED]  # other days are not occasions
    assert outcomes("...") == []  # not yet due
    assert outcomes("....") == [Outcome.PENDING]  # due today
    assert outcomes(".....") == [Outcome.UNMARKED]  # its day passed unrecorded


def test_streak_counts_and_strength_of_a_kept_promise() -> None:
    h = history("...K..")
    summary = summarise(ON_DAY_3, h)
    assert (summary.current_streak, summary.best_streak) == (1, 1)
    assert summary.counts == Counts(kept=1)
    assert summary.strength == 1.0


def test_a_missed_promise_and_a_repaired_one() -> None:
    missed = summarise(ON_DAY_3, history("...M.."))
    assert (missed.current_streak, missed.best_streak, missed.strength) == (0, 0, 0.0)
    repaired = summarise(ON_DAY_3, history("...R.."))
    assert repaired.counts == Counts(missed=1, repaired=1)
    assert repaired.strength == 0.5
    assert find_streaks(ON_DAY_3, history("...R..")).all == ()


def test_calendar_of_a_one_time_promise() -> None:
    assert day_states(ON_DAY_3, history("...K..")) == [N, N, N, S.KEPT, N, N]
    assert day_states(ON_DAY_3, history("....")) == [N, N, N, S.OPEN]
    assert day_states(ON_DAY_3, history(".....")) == [N, N, N, S.UNMARKED, N]
    assert day_states(ON_DAY_3, history("...R")) == [N, N, N, S.REPAIRED]


def test_jar_of_a_one_time_promise() -> None:
    assert jar_path(ON_DAY_3, history("...K..")) == [(3, 1, 0)]
    assert jar_path(ON_DAY_3, history("...R..")) == [(3, 0, 1)]
    # A check-in on another day is no occasion and does nothing to the jar.
    assert fill_jar(jar_events(ON_DAY_3, history("KK.M"))).marbles == 0
    assert count(ON_DAY_3, history("KK.M")) == Counts(kept=2, missed=1)


def test_a_measurable_one_time_promise() -> None:
    rules = Rules(Schedule.once(day(1)), Target(10.0, "km"))
    h = history(".K", rules, values=[None, 4.0])
    assert [o.outcome for o in judge_occasions(rules, h)] == [Outcome.PENDING]  # partly, today
    assert progress(rules, h) == Progress(4.0, 10.0, "today")
    h = history(".K.", rules, values=[None, 4.0, None])
    assert [o.outcome for o in judge_occasions(rules, h)] == [Outcome.PARTLY]
    assert day_states(rules, h) == [N, S.PARTLY, N]
    assert fill_jar(jar_events(rules, h)).marbles == 0  # partly kept: nothing won or lost
    assert progress(ON_DAY_3, history("...K")) is None
