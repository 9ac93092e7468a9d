"""Streaks: runs of kept occasions.

A skipped occasion bridges a streak without adding to it; a missed, partly kept or
unmarked past occasion ends it; today (or the current period) not yet kept leaves the
current streak standing. "N times in any M days" counts kept days, and its streak ends
on a missed or unmarked day whose M-day window falls short of min(N, M - skipped).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from selftrust.domain.commitment import Rules
from selftrust.domain.days import MONDAY
from selftrust.domain.history import KEPT, SKIPPED, UNMARKED, History
from selftrust.domain.occasions import Occasion, Outcome, judge_occasions, outcome_array
from selftrust.domain.schedule import ScheduleKind

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
else:  # numpy on first use (base/lazy_numpy.py)
    from selftrust.base.lazy_numpy import np


class Streak(NamedTuple):
    """One run of kept occasions (a tuple: ten years hold hundreds of short runs)."""

    start: date
    end: date
    length: int  # kept occasions: days, or weeks/months for per-period schedules


class Streaks:
    """Every streak and the current one. Twenty years of a daily promise hold thousands
    of short runs: they are kept as arrays (first and last day ordinals, lengths) and
    become Streak tuples only when someone reads ``all``; ``best`` and ``longest`` read
    the arrays. Read only; equal when the streaks and the current one are."""

    __slots__ = ("_all", "_firsts", "_lasts", "_lengths", "current")

    def __init__(self, all: tuple[Streak, ...], current: int) -> None:  # noqa: A002
        self._all: tuple[Streak, ...] | None = all
        self._firsts = np.array([s.start.toordinal() for s in all], np.int64)
        self._lasts = np.array([s.end.toordinal() for s in all], np.int64)
        self._lengths = np.array([s.length for s in all], np.int64)
        self.current = current

    @classmethod
    def of_runs(cls, firsts: npt.NDArray[np.int64], lasts: npt.NDArray[np.int64],
                lengths: npt.NDArray[np.int64], current: int) -> Streaks:
        """Runs given as day ordinals and lengths, oldest first."""
        streaks = cls.__new__(cls)
        streaks._all = None
        streaks._firsts, streaks._lasts, streaks._lengths = firsts, lasts, lengths
        streaks.current = current
        return streaks

    @property
    def all(self) -> tuple[Streak, ...]:
        if self._all is None:
            self._all = tuple(self._streaks(range(self._lengths.size)))
        return self._all

    def _streaks(self, order: Iterable[int]) -> list[Streak]:
        day = date.fromordinal
        firsts, lasts, lengths = (a.tolist() for a in (self._firsts, self._lasts,
                                                      self._lengths))
        return [Streak(day(firsts[i]), day(lasts[i]), lengths[i]) for i in order]

    @property
    def last(self) -> Streak | None:
        """The most recent run (``all[-1]``, without making every run's tuple)."""
        if self._all is not None:
            return self._all[-1] if self._all else None
        if not self._lengths.size:
            return None
        day = date.fromordinal
        return Streak(day(int(self._firsts[-1])), day(int(self._lasts[-1])),
                      int(self._lengths[-1]))

    @property
    def best(self) -> int:
        return int(self._lengths.max()) if self._lengths.size else 0

    def longest(self, count: int = 5) -> list[Streak]:
        """The longest streaks, the most recent first among equals."""
        ranked = np.lexsort((self._lasts, self._lengths))[::-1][:count]
        return self._streaks(ranked.tolist())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Streaks):
            return NotImplemented
        return self.current == other.current and self.all == other.all

    def __hash__(self) -> int:
        return hash((self.all, self.current))

    def __repr__(self) -> str:
        return f"Streaks(all={self.all!r}, current={self.current!r})"


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
_LETTER_TABLE = b"-Kxx-x-"


def _letters(outcomes: npt.NDArray[np.int8]) -> npt.NDArray[np.uint8]:
    return np.frombuffer(_LETTER_TABLE, np.uint8)[outcomes]


def _letter_streaks(history: History, letters: npt.NDArray[np.uint8]) -> Streaks:
    """Streaks from one letter a day: K kept, - bridges, x ends a streak.

    A streak is a run of K with only bridges between them: a kept day starts a new
    streak when an x lies between it and the kept day before. All over arrays; dates
    are made only for the runs someone reads.
    """
    kept = np.flatnonzero(letters == _K)
    if kept.size == 0:
        return Streaks.of_runs(kept, kept, kept, 0)
    ends_so_far = np.cumsum(letters == _X)
    breaks = ends_so_far[kept[1:]] != ends_so_far[kept[:-1]]
    starts = np.flatnonzero(np.concatenate(([True], breaks)))  # positions in ``kept``
    stops = np.concatenate((starts[1:], [kept.size]))
    origin = history.start.toordinal()
    lengths = stops - starts
    last = int(kept[-1])
    current = int(lengths[-1]) if ends_so_far[-1] == ends_so_far[last] else 0
    return Streaks.of_runs(kept[starts] + origin, kept[stops - 1] + origin, lengths, current)


_K, _X = ord("K"), ord("x")


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
    letters = np.where(codes == KEPT, _K, np.where(~rests & short, _X, ord("-")))
    return _letter_streaks(history, letters.astype(np.uint8))


def _window_counts(flags: npt.NDArray[np.bool_], days: int) -> npt.NDArray[np.int64]:
    """For each day, how many of the ``days`` days ending on it are flagged."""
    total = np.cumsum(flags, dtype=np.int64)
    total[days:] = total[days:] - total[:-days]
    return total
