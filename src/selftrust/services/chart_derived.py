"""One commitment's chart figures up to one day, each derived once from the ledger.

Strength, day states, occasions and jar counts come from the ledger's in-memory
history on first use and are kept until that commitment changes (ChartData drops
them then); a chart only slices them for its range.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import numpy as np

from selftrust.domain.history import History
from selftrust.domain.jar import JarEvent
from selftrust.domain.occasions import DayState, judge_occasions, settled_day_states
from selftrust.domain.streaks import Streak, Streaks
from selftrust.domain.strength import strength_series
from selftrust.services.ledger import Ledger
from selftrust.services.streak_units import streak_unit
from selftrust.store.records import CommitmentRow

OWED = np.array(
    [DayState.KEPT, DayState.PARTLY, DayState.MISSED, DayState.REPAIRED, DayState.UNMARKED],
    dtype=np.int8,
)
"""The day states that count as due (a rest day or a day to come does not)."""


class Derived:
    """One commitment's figures up to one day, each computed on first use."""

    def __init__(self, ledger: Ledger, week_start: Callable[[], int], row: CommitmentRow,
                 end: date) -> None:
        self._ledger = ledger
        self._week_start = week_start
        self.row = row
        self.end = end
        self.history: History = ledger.history(row.id, end)
        self.start = self.history.start
        archived = row.archived_on
        # An archived promise stops counting towards averages the day it was put away.
        self.active_last = min(end, archived) if archived is not None else end
        self._strength: np.ndarray | None = None
        self._states: np.ndarray | None = None
        self._occasions: tuple[np.ndarray, np.ndarray] | None = None
        self._jar: np.ndarray | None = None
        self._runs: list[Streak] | None = None

    @property
    def strength(self) -> np.ndarray:
        if self._strength is None:
            self._strength = np.asarray(
                strength_series(self.row.rules, self.history), dtype=np.float64
            )
        return self._strength

    @property
    def states(self) -> np.ndarray:
        """DayState per day from the start (int8); today, still on its way, is open."""
        if self._states is None:
            states = settled_day_states(self.row.rules, self.history, self._week_start())
            self._states = np.asarray(states, dtype=np.int8)
        return self._states

    @property
    def occasions(self) -> tuple[np.ndarray, np.ndarray]:
        """(last day of each occasion as datetime64, its Outcome as int8)."""
        if self._occasions is None:
            occ = judge_occasions(self.row.rules, self.history, self._week_start())
            self._occasions = (
                np.array([o.last for o in occ], dtype="datetime64[D]"),
                np.array([o.outcome for o in occ], dtype=np.int8),
            )
        return self._occasions

    @property
    def events(self) -> list[JarEvent]:
        return self._ledger.events(self.row.id, self.end)

    @property
    def jar_counts(self) -> np.ndarray:
        """Per day from the start: kept, unrepaired missed and repaired occasions (3 × days)."""
        if self._jar is None:
            # The ledger's jar track is already one count per day from the same start:
            # copied as it is, not rebuilt from tens of thousands of event records.
            track = self._ledger.track(self.row.id, self.end)
            assert track.start == self.start and len(track.kept) == self.history.size
            self._jar = np.array([track.kept, track.missed, track.repaired], dtype=np.int64)
        return self._jar

    @property
    def streaks(self) -> Streaks:
        return self._ledger.summary(self.row.id, self.end).streaks

    @property
    def runs_longest_first(self) -> list[Streak]:
        """Runs of two or more, longest span first: sorted once per change of this
        commitment, so the longest runs of a range need only the first few of each."""
        if self._runs is None:
            runs = [s for s in self.streaks.all if s.length > 1]
            runs.sort(key=lambda s: ((s.end - s.start).days + 1, s.length, s.end), reverse=True)
            self._runs = runs
        return self._runs

    @property
    def streak_unit(self) -> str:
        """"day", "time", "week" or "month": what one step of a run counts."""
        return streak_unit(self.row.rules)

    def index(self, day: date) -> int:
        return (day - self.start).days

    def window(self, first: date, last: date) -> tuple[int, int]:
        """Indexes [lo, hi) of the days of [first, last] this commitment has."""
        lo = max(0, self.index(first))
        hi = min(self.history.size, self.index(last) + 1)
        return lo, max(lo, hi)



def weekday_counts(d: Derived, first: date, last: date) -> tuple[np.ndarray, ...]:
    """Kept, missed (repaired included) and repaired days by weekday (Monday = 0)."""
    lo, hi = d.window(first, last)
    part = d.states[lo:hi]
    weekday = (d.start.weekday() + np.arange(lo, hi)) % 7
    kept = np.bincount(weekday[part == DayState.KEPT], minlength=7)
    fixed = part == DayState.REPAIRED
    missed = np.bincount(weekday[(part == DayState.MISSED) | fixed], minlength=7)
    return kept, missed, np.bincount(weekday[fixed], minlength=7)



def owed(d: Derived, first: date, last: date) -> int:
    lo, hi = d.window(first, last)
    return int(np.isin(d.states[lo:hi], OWED).sum())
