"""Ten years of a weekly amount on the calendar: each day reads its week's judgement.

day_states judges each period once (shared with streaks and counts through the
history's memo) instead of once per day. Measure with
``pytest tests/benchmarks/test_today_period_states_bench.py --benchmark-enable``.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Entry, History, Status
from selftrust.domain.occasions import DayState, day_state, day_states

TODAY = date(2026, 11, 24)
START = TODAY - timedelta(days=3650)
KM = Rules(target=Target(30.0, "km", per=Period.WEEK))


def _history() -> History:
    rng = random.Random(4)
    entries = [Entry(START + timedelta(days=i), Status.KEPT, rng.choice([3.0, 5.0, 8.0]))
               for i in range(3651) if rng.random() < 0.6]
    return History(START, TODAY, entries, KM)


def test_day_states_of_ten_years_of_a_weekly_amount(benchmark: Any) -> None:
    def states() -> list[DayState]:
        return day_states(KM, _history())  # a fresh history: nothing remembered

    out = benchmark(states)
    assert len(out) == 3651 and DayState.PARTLY in out and DayState.KEPT in out


def test_the_fast_path_agrees_with_judging_each_day(benchmark: Any) -> None:
    h = _history()
    fast = day_states(KM, h)
    slow = benchmark(lambda: [day_state(KM, h, i) for i in range(h.size)])
    assert fast == slow
