"""The jar for "N times in any M days": every kept day counts, up to N in any M days.

Keeping such a commitment more often than promised must never cost marbles it would
otherwise have won (DESIGN.md: "for N-per-period schedules every kept day counts, up
to N per period").
"""

from __future__ import annotations

from datetime import date, timedelta

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Entry, History, Status
from selftrust.domain.jar import fill_jar, jar_events
from selftrust.domain.schedule import Schedule

START = date(2026, 11, 1)


def _jar(times: int, days: int, kept_days: list[int], end: int) -> int:
    rules = Rules(schedule=Schedule.in_days(times, days))
    entries = [Entry(START + timedelta(days=d), Status.KEPT, None, False) for d in kept_days]
    history = History(START, START + timedelta(days=end), entries, rules)
    return fill_jar(jar_events(rules, history)).marbles


def test_keeping_every_day_still_wins_n_marbles_in_every_m_days() -> None:
    # 2 in 5 days, kept on all 20 days: days 0,1 / 5,6 / 10,11 / 15,16 count.
    assert _jar(2, 5, list(range(20)), 19) == 8


def test_an_extra_kept_day_does_not_cost_later_marbles() -> None:
    # Kept on days 0, 1, 2, then 5 and 6: day 2 is the third in five days (no marble);
    # day 5 has only day 1 counted in its window (days 1–5), so it counts, and day 6 too.
    assert _jar(2, 5, [0, 1, 2, 5, 6], 10) == 4


def test_within_the_promise_every_kept_day_counts() -> None:
    assert _jar(2, 5, [0, 3, 5, 8, 10, 13], 14) == 6
