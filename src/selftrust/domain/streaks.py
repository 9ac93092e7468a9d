"""Streaks: runs of kept occasions.

A skipped occasion bridges a streak without adding to it; a missed, partly kept or
unmarked past occasion ends it; today (or the current period) not yet kept leaves the
current streak standing. "N times in any M days" counts kept days, and its streak ends
on a missed or unmarked day whose M-day window falls short of min(N, M - skipped).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from selftrust.domain.commitment import Rules
from selftrust.domain.days import MONDAY
from selftrust.domain.history import KEPT, SKIPPED, UNMARKED, History
from selftrust.domain.occasions import Occasion, Outcome, judge_occasions
from selftrust.domain.schedule import ScheduleKind


@dataclass(frozen=True, slots=True)
class Streak:
    start: date
    end: date
    length: int  # kept occasions: days, or weeks/months for per-period schedules


@dataclass(frozen=True, slots=True)
class Streaks:
    all: tuple[Streak, ...]
    current: int

    @property
    def best(self) -> int:
        return max((s.length for s in self.all), default=0)

    def longest(self, count: int = 5) -> list[Streak]:
        """The longest streaks, the most recent first among equals."""
        ranked = sorted(self.all, key=lambda s: (s.length, s.end), reverse=True)
        return ranked[:count]


def find_streaks(
    rules: Rules,
    history: History,
    week_start: int = MONDAY,
    occasions: list[Occasion] | None = None,
) -> Streaks:
    if rules.schedule.kind is ScheduleKind.IN_DAYS and rules.target is None:
        return _window_streaks(rules, history)
    if occasions is None:
        occasions = judge_occasions(rules, history, week_start)
    runs: list[Streak] = []
    length = 0
    first: date | None = None
    last: date | None = None
    for occ in occasions:
        outcome = occ.outcome
        if outcome is Outcome.KEPT:
            # A period may begin before the commitment did and end after today.
            if first is None:
                first = max(occ.first, history.start)
            last = min(occ.last, history.end)
            length += 1
        elif outcome is Outcome.SKIPPED or outcome is Outcome.PENDING:
            continue
        elif first is not None:
            assert last is not None
            runs.append(Streak(first, last, length))
            length, first, last = 0, None, None
    current = 0
    if first is not None:
        assert last is not None
        runs.append(Streak(first, last, length))
        current = length
    return Streaks(tuple(runs), current)


def _window_streaks(rules: Rules, history: History) -> Streaks:
    times, days = rules.schedule.times, rules.schedule.days
    codes = history.codes
    size = history.size
    runs: list[Streak] = []
    length = 0
    first: date | None = None
    last: date | None = None
    kept_in_window = 0
    skipped_in_window = 0
    for i in range(size):
        code = codes[i]
        kept_in_window += code == KEPT
        skipped_in_window += code == SKIPPED
        if i >= days:
            old = codes[i - days]
            kept_in_window -= old == KEPT
            skipped_in_window -= old == SKIPPED
        if code == KEPT:
            # A kept day never ends a streak: it is how one starts again.
            day = history.day(i)
            if first is None:
                first = day
            last = day
            length += 1
            continue
        if code == SKIPPED:
            continue  # a skip bridges a streak: it never ends one
        if i == size - 1 and code == UNMARKED:
            continue  # today is still open
        if i < days - 1:
            continue  # no full window yet since the start
        needed = min(times, days - skipped_in_window)
        if needed > 0 and kept_in_window < needed and first is not None:
            assert last is not None
            runs.append(Streak(first, last, length))
            length, first, last = 0, None, None
    current = 0
    if first is not None:
        assert last is not None
        runs.append(Streak(first, last, length))
        current = length
    return Streaks(tuple(runs), current)
