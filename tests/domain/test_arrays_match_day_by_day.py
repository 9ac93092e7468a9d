"""The rules over arrays give what the plain day-by-day rules give (issue 13).

Strength, streaks and the jar are computed over numpy arrays, in bulk; the day-by-day
forms they replaced are kept beside this test (daybyday_strength.py,
daybyday_figures.py) as the reference. On random histories of every schedule kind
(daily, weekdays, N per week or month, N in M days, once, pauses, measurable at least
and at most per day, week or month, partly kept days, skips and repairs) the strength
agrees within 1e-9 on every day, and streaks, jar tracks and counts agree exactly.
"""

from __future__ import annotations

import daybyday_figures as reference
import daybyday_strength
from domain_strategies import Case, cases
from hypothesis import given, settings
from hypothesis import strategies as st

from selftrust.domain.jar import jar_track
from selftrust.domain.occasions import day_state, day_states, judge_occasions
from selftrust.domain.streaks import find_streaks
from selftrust.domain.strength import strength_series
from selftrust.domain.summary import count

SETTINGS = settings(max_examples=200, deadline=None)
CLOSE = 1e-9


def long_cases() -> st.SearchStrategy[Case]:
    """Histories long enough for monthly windows and several pauses to matter."""
    return cases(max_days=400)


@SETTINGS
@given(long_cases())
def test_strength_agrees_on_every_day(case: Case) -> None:
    fast = strength_series(case.rules, case.history())
    plain = daybyday_strength.strength_series(case.rules, case.history())
    assert len(fast) == len(plain)
    assert all(abs(a - b) <= CLOSE for a, b in zip(fast, plain, strict=True)), (fast, plain)


@SETTINGS
@given(long_cases(), st.integers(0, 6))
def test_streaks_jar_and_counts_agree_exactly(case: Case, week_start: int) -> None:
    rules = case.rules
    assert find_streaks(rules, case.history(), week_start) == reference.find_streaks(
        rules, case.history(), week_start)
    fast, plain = jar_track(rules, case.history(), week_start), reference.jar_track(
        rules, case.history(), week_start)
    assert (fast.start, list(fast.kept), list(fast.missed), list(fast.repaired)) == (
        plain.start, list(plain.kept), list(plain.missed), list(plain.repaired))
    assert count(rules, case.history(), week_start) == reference.count(
        rules, case.history(), week_start)
    assert judge_occasions(rules, case.history(), week_start) == reference.judge_occasions(
        rules, case.history(), week_start)


@SETTINGS
@given(long_cases())
def test_calendar_states_agree_exactly(case: Case) -> None:
    history = case.history()
    plain = [day_state(case.rules, history, i) for i in range(history.size)]
    if case.rules.period is None:
        assert day_states(case.rules, history) == plain
