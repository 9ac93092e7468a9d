"""Streaks: runs of kept occasions.

A skipped occasion bridges a streak without adding to it; a missed, partly kept or
unmarked past occasion ends it; today (or the current period) not yet kept leaves the
current streak standing. "N times in any M days" counts kept days, and its streak ends
on a missed or unmarked day whose M-day window falls short of min(N, M - skipped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from selftrust.domain.commitment import Rules
from selftrust.domain.days import MONDAY
from selftrust.domain.history import KEPT, SKIPPED, UNMARKED, History
from selftrust.domain.occasions import Occasion, Outcome, judge_occasions, outcome_array
from selftrust.domain.schedule import ScheduleKind


class Streak(NamedTuple):
    """One run of kept occasions (a tuple: ten years hold hundreds of short runs)."""

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
    if occasions is None and rules.period is None:
        return _letter_streaks(history, _letters(outcome_array(rules, history)))
    if occasions is None:
        occasions = judge_occasions(rules, history, week_start)
    return _occasion_streaks(history, occasions)


# One letter per Outcome value (0: no occasion that day): K kept, x ends a streak
# (partly kept, missed, unmarked), "-" bridges (no occasion, skipped, still open).
_LETTER_TABLE = np.frombuffer(b"-Kxx-x-", np.uint8)


def _letters(outcomes: npt.NDArray[np.int8]) -> str:
    return _LETTER_TABLE[outcomes].tobytes().decode("ascii")


_RUN = re.compile(r"K(?:-*K)*")


def _letter_streaks(history: History, letters: str) -> Streaks:
    """Streaks from one letter a day: K kept, - bridges, x ends a streak.

    A streak is a run of K with only bridges between them. Ten years of days are
    scanned by the regex engine, and dates are made only for the runs.
    """
    runs: list[Streak] = []
    end = 0
    day, origin = date.fromordinal, history.start.toordinal()
    for match in _RUN.finditer(letters):
        first, end = match.span()
        length = letters.count("K", first, end)
        runs.append(Streak(day(origin + first), day(origin + end - 1), length))
    current = runs[-1].length if runs and "x" not in letters[end:] else 0
    return Streaks(tuple(runs), current)


def _occasion_streaks(history: History, occasions: list[Occasion]) -> Streaks:
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
    """A kept day never ends a streak (it is how one starts again), nor does a skip; a
    missed or past unmarked day ends it when its full window falls short."""
    times, days = rules.schedule.times, rules.schedule.days
    codes = history.code_array
    kept_in = _window_counts(codes == KEPT, days)
    skipped_in = _window_counts(codes == SKIPPED, days)
    short = kept_in < np.minimum(times, days - skipped_in)
    rests = codes == SKIPPED
    rests[: days - 1] = True  # no full window yet
    if codes[-1] == UNMARKED:
        rests[-1] = True  # today still open
    letters = np.where(codes == KEPT, ord("K"), np.where(~rests & short, ord("x"), ord("-")))
    return _letter_streaks(history, letters.astype(np.uint8).tobytes().decode("ascii"))


def _window_counts(flags: npt.NDArray[np.bool_], days: int) -> npt.NDArray[np.int64]:
    """For each day, how many of the ``days`` days ending on it are flagged."""
    total = np.cumsum(flags, dtype=np.int64)
    total[days:] = total[days:] - total[:-days]
    return total
