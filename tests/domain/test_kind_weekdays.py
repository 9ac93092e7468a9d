"""Chosen weekdays (Mon, Wed, Fri): only due days are occasions."""

from __future__ import annotations

from domain_helpers import history, jar_path, streak_spans

from selftrust.domain.commitment import Rules
from selftrust.domain.jar import fill_jar, jar_events
from selftrust.domain.occasions import DayState, Outcome, day_states, judge_occasions
from selftrust.domain.schedule import Schedule
from selftrust.domain.streaks import find_streaks
from selftrust.domain.summary import Counts, count, progress

MWF = Rules(Schedule.on_weekdays(0b0010101))
S = DayState

# Week 1: Mon kept, Wed kept, Thu kept although not due, Fri missed.
# Week 2: Mon kept, Wed skipped, Fri kept. Week 3: Monday is today, nothing yet.
#       MTWTFSS MTWTFSS M
WEEKS = "K.KKM.. K.S.K.. ."


def test_only_due_days_are_occasions() -> None:
    occasions = judge_occasions(MWF, history(WEEKS))
    assert [(o.first - occasions[0].first).days for o in occasions] == [0, 2, 4, 7, 9, 11, 14]
    assert [o.outcome for o in occasions] == [
        Outcome.KEPT, Outcome.KEPT, Outcome.MISSED, Outcome.KEPT, Outcome.SKIPPED,
        Outcome.KEPT, Outcome.PENDING,
    ]


def test_streaks_on_chosen_weekdays() -> None:
    h = history(WEEKS)
    assert streak_spans(MWF, h) == [(0, 2, 2), (7, 11, 2)]
    assert find_streaks(MWF, h).current == 2


def test_an_unrecorded_due_day_ends_the_streak_and_days_off_do_not() -> None:
    #                           MTWTFSS MTW
    assert find_streaks(MWF, history("K...K.. K.K")).current == 3  # Wed never recorded
    assert find_streaks(MWF, history("K.K.K.. K.K")).current == 5


def test_counts_are_recorded_check_ins() -> None:
    # Thursday's kept check-in was recorded, so it is counted, though Thursday was not due.
    assert count(MWF, history(WEEKS)) == Counts(kept=5, missed=1, skipped=1)


def test_calendar_on_chosen_weekdays() -> None:
    N = S.NOT_DUE
    assert day_states(MWF, history(WEEKS)) == [
        S.KEPT, N, S.KEPT, S.KEPT, S.MISSED, N, N,
        S.KEPT, N, S.SKIPPED, N, S.KEPT, N, N,
        S.OPEN,
    ]
    # A due day left unrecorded is shown as such once it has passed.
    assert day_states(MWF, history("..."))[:3] == [S.UNMARKED, N, S.OPEN]


def test_jar_on_chosen_weekdays() -> None:
    h = history(WEEKS)
    # A kept day that was not due wins nothing: it is no occasion.
    assert jar_path(MWF, h) == [(0, 1, 0), (2, 2, 0), (4, 0, 0), (7, 1, 0), (11, 2, 0)]
    assert fill_jar(jar_events(MWF, h)).marbles == 2


def test_no_progress_bar_for_weekdays() -> None:
    assert progress(MWF, history(WEEKS)) is None
