"""Pauses: planned rest. Every day inside counts as skipped, unless it was kept."""

from __future__ import annotations

from datetime import date

from domain_helpers import MONDAY_0, day, history, jar_path, measured, streak_spans

from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import SKIPPED
from selftrust.domain.jar import fill_jar, jar_events
from selftrust.domain.occasions import DayState, Outcome, day_states, judge_occasions
from selftrust.domain.schedule import Schedule
from selftrust.domain.streaks import find_streaks
from selftrust.domain.summary import Counts, count

S = DayState
RESTING = Rules(pauses=(Pause(day(2), day(4)),))


def test_a_pause_turns_every_day_but_a_kept_one_into_rest() -> None:
    h = history("KKMK.KK", RESTING)
    assert h.paused == [False, False, True, False, True, False, False]
    assert day_states(RESTING, h) == [
        S.KEPT, S.KEPT, S.PAUSED, S.KEPT, S.PAUSED, S.KEPT, S.KEPT,
    ]


def test_a_pause_bridges_a_streak_and_a_kept_day_inside_counts() -> None:
    h = history("KKMK.KK", RESTING)
    assert streak_spans(RESTING, h) == [(0, 6, 5)]
    # Pauses are not check-ins: the miss inside is rest, and rest is not counted as a skip.
    assert count(RESTING, h) == Counts(kept=5)
    assert jar_path(RESTING, h) == [(0, 1, 0), (1, 2, 0), (3, 3, 0), (5, 4, 0), (6, 5, 0)]


def test_a_repaired_miss_inside_a_pause_is_only_rest() -> None:
    h = history("KKR", RESTING)
    assert h.repaired == [False, False, False]
    assert fill_jar(jar_events(RESTING, h)).gold == 0
    assert count(RESTING, h).repaired == 0


def test_a_pause_reaching_beyond_the_history_is_clipped() -> None:
    rules = Rules(pauses=(Pause(date(2025, 12, 1), date(2026, 12, 31)),))
    h = history("M.K", rules)
    assert [c == SKIPPED for c in h.codes] == [True, True, False]
    far = Rules(pauses=(Pause(date(2027, 1, 1), date(2027, 1, 31)),))
    assert not any(history("M.K", far).paused)


def test_a_pause_on_weekdays_shows_days_off_as_paused_too() -> None:
    mwf = Rules(Schedule.on_weekdays(0b0010101), pauses=(Pause(day(0), day(2)),))
    assert day_states(mwf, history("....K", mwf)) == [
        S.PAUSED, S.PAUSED, S.PAUSED, S.NOT_DUE, S.KEPT,
    ]
    assert find_streaks(mwf, history("....K", mwf)).current == 1


def test_a_pause_in_a_window_schedule_lowers_what_the_window_asks() -> None:
    rules = Rules(Schedule.in_days(2, 5), pauses=(Pause(day(1), day(4)),))
    assert find_streaks(rules, history("K.....", rules)).current == 1


def test_a_paused_week_of_amounts_is_rest() -> None:
    paused_week = (Pause(MONDAY_0, day(6)),)
    at_least = Rules(target=Target(30.0, per=Period.WEEK), pauses=paused_week)
    at_most = Rules(target=Target(14.0, per=Period.WEEK, at_most=True), pauses=paused_week)
    for rules in (at_least, at_most):
        h = measured([None] * 8, rules)
        assert [o.outcome for o in judge_occasions(rules, h)] == [
            Outcome.SKIPPED, Outcome.PENDING,
        ]
        assert fill_jar(jar_events(rules, h)).marbles == 0


def test_an_amount_done_during_a_paused_week_still_counts() -> None:
    # Sunday was kept, so it is the week's one open day: it asks 30 × 1/7 and got 40.
    rules = Rules(target=Target(30.0, per=Period.WEEK), pauses=(Pause(MONDAY_0, day(6)),))
    h = measured([None] * 6 + [40.0, None], rules)
    assert [o.outcome for o in judge_occasions(rules, h)] == [Outcome.KEPT, Outcome.PENDING]
    assert jar_path(rules, h) == [(6, 1, 0)]


def test_skips_alone_are_no_record_of_an_at_most_week() -> None:
    rules = Rules(target=Target(14.0, per=Period.WEEK, at_most=True))
    h = history("S...... .", rules)
    assert [o.outcome for o in judge_occasions(rules, h)] == [
        Outcome.UNMARKED, Outcome.PENDING,
    ]
    assert fill_jar(jar_events(rules, h)).marbles == 0
