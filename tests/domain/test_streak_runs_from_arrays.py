"""The most recent run read from the arrays is the last of every run."""

from __future__ import annotations

from datetime import date

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from selftrust.domain.streaks import Streak, Streaks


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 9)), max_size=12))
def test_the_last_run_is_the_last_of_all(gaps_and_lengths: list[tuple[int, int]]) -> None:
    firsts, lasts, lengths = [], [], []
    day = date(2020, 1, 1).toordinal()
    for gap, length in gaps_and_lengths:
        day += gap + 1
        firsts.append(day)
        day += length - 1
        lasts.append(day)
        lengths.append(length)
    arrays = [np.array(a, np.int64) for a in (firsts, lasts, lengths)]
    runs = Streaks.of_runs(*arrays, current=0)
    expected = Streaks.of_runs(*arrays, current=0).all
    assert runs.last == (expected[-1] if expected else None)
    made = Streaks(expected, 0)
    assert made.last == runs.last
    assert Streaks((Streak(date(2020, 1, 1), date(2020, 1, 2), 2),), 2).last == Streak(
        date(2020, 1, 1), date(2020, 1, 2), 2)

