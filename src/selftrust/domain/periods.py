"""Every week or month of a history judged at once, over arrays.

`occasions.judge_period` judges one period (the progress bar of this week asks it); a
streak, the counts and the jar need every period of twenty years, so this judges them
all in a few array steps, by the same rules. Sums of amounts run in day order, as one
Python ``sum`` would (an accumulate along each period), so every figure is the same to
the last bit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from selftrust.domain.commitment import Rules
from selftrust.domain.history import KEPT, MISSED, SKIPPED, History
from selftrust.domain.outcome import Occasion, Outcome

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
else:  # numpy on first use (base/lazy_numpy.py)
    from selftrust.base.lazy_numpy import np

Spans = list[tuple[date, date]]


@dataclass(frozen=True, slots=True)
class PeriodDays:
    """Where each period lies in a history: ``lo``/``hi`` are its first and last day
    inside the history, ``number`` the period of every day, ``length`` the days of
    each whole period, ``available`` its days since the commitment began."""

    lo: npt.NDArray[np.int64]
    hi: npt.NDArray[np.int64]
    number: npt.NDArray[np.int64]
    length: npt.NDArray[np.int64]
    available: npt.NDArray[np.int64]
    ongoing: npt.NDArray[np.bool_]

    def count(self, flags: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
        """How many flagged days each period holds."""
        return np.bincount(self.number, flags, self.lo.size).astype(np.int64)

    def running(self, values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """For each day, the sum of ``values`` from its period's first day to it, added
        in day order (a row per period, accumulated along it)."""
        width = int((self.hi - self.lo).max()) + 1
        offset = np.arange(self.number.size) - self.lo[self.number]
        table = np.zeros((self.lo.size, width))
        table[self.number, offset] = values
        sums: npt.NDArray[np.float64] = np.cumsum(table, axis=1)[self.number, offset]
        return sums


def period_days(history: History, spans: Spans) -> PeriodDays:
    origin = history.start.toordinal()
    firsts = np.array([f.toordinal() - origin for f, _ in spans], np.int64)
    lasts = np.array([last.toordinal() - origin for _, last in spans], np.int64)
    lo = np.maximum(firsts, 0)
    hi = np.minimum(lasts, history.size - 1)
    return PeriodDays(lo, hi, np.repeat(np.arange(len(spans)), hi - lo + 1), lasts - firsts + 1,
                      lasts - lo + 1, lasts >= history.size - 1)


def _skipped(rules: Rules, history: History, days: PeriodDays, spans: Spans
             ) -> npt.NDArray[np.int64]:
    """Skipped days of each period, with planned rest later in the running one (it
    lowers what the period can ask for)."""
    skipped = days.count(history.code_array == SKIPPED)
    d = history.end + timedelta(days=1)
    while d <= spans[-1][1]:
        skipped[-1] += rules.paused(d)
        d += timedelta(days=1)
    return skipped


def judge_counts(rules: Rules, history: History, spans: Spans) -> list[Occasion]:
    """``judge_period`` of every period of an N-per-week/month schedule."""
    days = period_days(history, spans)
    codes = history.code_array
    kept = days.count(codes == KEPT)
    recorded = days.count((codes == KEPT) | (codes == MISSED)) > 0
    needed = np.minimum(rules.schedule.times, days.available - _skipped(rules, history, days,
                                                                        spans))
    outcome = np.where(
        needed <= 0, Outcome.SKIPPED, np.where(
            kept >= needed, Outcome.KEPT, np.where(
                days.ongoing, Outcome.PENDING,
                np.where(recorded, Outcome.MISSED, Outcome.UNMARKED))))
    return _occasions(spans, outcome, kept, np.maximum(needed, 0))


def judge_amounts(rules: Rules, history: History, spans: Spans) -> list[Occasion]:
    """``judge_period`` of every period of a weekly or monthly amount."""
    target = rules.target
    assert target is not None
    days = period_days(history, spans)
    codes = history.code_array
    open_days = days.available - _skipped(rules, history, days, spans)
    recorded = days.count((codes == KEPT) | (codes == MISSED)) > 0
    # An at-least target asks its share of the open days. An at-most limit allows its
    # share of the days since the start: a skipped day never shrinks an allowance.
    share_days = days.available if target.at_most else open_days
    needed = target.amount * share_days / days.length
    done = done_by_period(history, days)
    settled = np.where(days.ongoing, Outcome.PENDING,
                       np.where(recorded, Outcome.KEPT, Outcome.UNMARKED))
    if target.at_most:
        outcome = np.where(done > needed, Outcome.MISSED, settled)
        # A limit recorded as broken is broken.
        outcome = np.where(days.count(codes == MISSED) > 0, Outcome.MISSED, outcome)
    else:
        short = np.where(days.ongoing, Outcome.PENDING, np.where(
            done > 0, Outcome.PARTLY, np.where(recorded, Outcome.MISSED, Outcome.UNMARKED)))
        outcome = np.where(done >= needed, Outcome.KEPT, short)
    outcome = np.where(open_days <= 0, Outcome.SKIPPED, outcome)
    return _occasions(spans, outcome, done, needed)


def done_by_period(history: History, days: PeriodDays) -> npt.NDArray[np.float64]:
    """The amounts kept in each period, added in day order."""
    kept_values = np.where(history.code_array == KEPT, history.value_array, 0.0)
    return days.running(kept_values)[days.hi]  # the periods tile the history's days


def _occasions(spans: Spans, outcome: npt.NDArray[np.int64], done: npt.NDArray[np.generic],
               needed: npt.NDArray[np.generic]) -> list[Occasion]:
    return [
        Occasion(first, last, Outcome(o), False, d, n)
        for (first, last), o, d, n in zip(spans, outcome.tolist(), done.tolist(),
                                          needed.tolist(), strict=True)
    ]


def amount_marbles(rules: Rules, history: History, spans: Spans, occasions: list[Occasion]
                   ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64],
                              npt.NDArray[np.int64]]:
    """A weekly or monthly amount's effect on the jar, per day: (won, missed, repaired).

    A marble the day the target is reached (at least) or on the last day of a period
    that ended within its limit (at most); a loss on each day marked missed, and the
    day a limit is passed unless a day marked missed came first. Periods that rest
    (all skipped) do nothing.
    """
    target = rules.target
    assert target is not None
    days = period_days(history, spans)
    codes = history.code_array
    outcome = np.array([o.outcome for o in occasions], np.int64)
    active = (outcome != Outcome.SKIPPED)[days.number]
    kept_day = codes == KEPT
    missed_day = (codes == MISSED) & active
    running = days.running(np.where(kept_day, history.value_array, 0.0))
    needed = np.array([o.needed for o in occasions], np.float64)[days.number]
    won = np.zeros(history.size, np.int64)
    lost = missed_day.copy()
    if target.at_most:
        over = kept_day & (running > needed) & active
        first = _first_per_period(days, over | missed_day)
        lost[first[over[first]]] = True
        won[days.hi[outcome == Outcome.KEPT]] += 1
    else:
        won[_first_per_period(days, kept_day & (running >= needed) & active)] = 1
    repaired = history.repaired_array
    return (won, (lost & ~repaired).astype(np.int64), (lost & repaired).astype(np.int64))


def _first_per_period(days: PeriodDays, flags: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
    """The first flagged day of each period that has one."""
    found = np.flatnonzero(flags)
    first = np.unique(days.number[found], return_index=True)[1]
    picked: npt.NDArray[np.int64] = found[first]
    return picked
