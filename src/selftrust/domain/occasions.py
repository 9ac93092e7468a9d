"""Judging occasions: was each due day (or each week/month) kept, partly kept, missed…?

Streaks, the calendar and the counts all read these judgements, so the meaning of
"kept" lives in one place. Day-by-day schedules judge each due day; "N times per
week/month" and weekly/monthly targets judge each calendar period as one occasion.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import IntEnum
from typing import TYPE_CHECKING, cast

from selftrust.domain.commitment import Rules
from selftrust.domain.days import MONDAY, Period, period_bounds, period_spans
from selftrust.domain.history import KEPT, MISSED, SKIPPED, UNMARKED, History
from selftrust.domain.outcome import Occasion as Occasion  # re-exported
from selftrust.domain.outcome import Outcome as Outcome  # re-exported: the rules' word
from selftrust.domain.outcome import judge_amount
from selftrust.domain.periods import judge_amounts, judge_counts
from selftrust.domain.schedule import ScheduleKind

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
else:  # numpy on first use (base/lazy_numpy.py)
    from selftrust.base.lazy_numpy import np


class DayState(IntEnum):
    """What the calendar shows for one day."""

    KEPT = 1
    PARTLY = 2
    MISSED = 3
    REPAIRED = 4
    SKIPPED = 5
    PAUSED = 6
    UNMARKED = 7
    OPEN = 8  # nothing recorded yet, and nothing is owed yet (today, or a flexible schedule)
    NOT_DUE = 9


def judge_day(rules: Rules, history: History, i: int) -> Outcome:
    """The outcome of day ``i`` judged on its own (day-by-day schedules).

    The history's last day is today: unrecorded, partly done so far, or within its
    limit so far, it is still open, so it leaves the current streak standing and wins or
    loses nothing yet; nothing done or a limit passed is a miss at once (`judge_amount`).
    """
    code = history.codes[i]
    today = i == history.size - 1
    if code == SKIPPED:
        return Outcome.SKIPPED
    if code == UNMARKED:
        return Outcome.PENDING if today else Outcome.UNMARKED
    if code == MISSED:
        return Outcome.MISSED
    target = rules.target
    if target is None:
        return Outcome.KEPT
    return judge_amount(target, history.values[i], today)


def judge_occasions(rules: Rules, history: History, week_start: int = MONDAY) -> list[Occasion]:
    """Every occasion from the start to the judged day, oldest first.

    N-in-M-days schedules are judged day by day here; their streaks have their own
    window rule (see streaks.py). Remembered on the history (streaks and counts both
    ask); treat the list as read only.
    """
    key = ("occasions", rules, week_start)
    found = history.memo.get(key)
    if found is None:
        found = history.memo[key] = _judge_occasions(rules, history, week_start)
    return cast("list[Occasion]", found)


def _judge_occasions(rules: Rules, history: History, week_start: int) -> list[Occasion]:
    if history.size == 0:
        return []
    period = rules.period
    if period is not None:
        return _judge_periods(rules, history, period, week_start)
    out: list[Occasion] = []
    start, repaired = history.start, history.repaired
    for i, outcome in enumerate(day_outcomes(rules, history)):
        if outcome is not None:
            day = start + timedelta(days=i)
            out.append(Occasion(day, day, outcome, repaired[i]))
    return out


def day_outcomes(rules: Rules, history: History) -> list[Outcome | None]:
    """``judge_day`` for every day at once; None on a day that is no occasion.

    Remembered on the history, like `outcome_array` (read only)."""
    key = ("outcome list", rules)
    found = history.memo.get(key)
    if found is None:
        found = history.memo[key] = [
            _OUTCOME_OF[o] for o in outcome_array(rules, history).tolist()]
    return cast("list[Outcome | None]", found)


_OUTCOME_OF: list[Outcome | None] = [None, *Outcome]


def outcome_array(rules: Rules, history: History) -> npt.NDArray[np.int8]:
    """``day_outcomes`` as an array of Outcome values, 0 on a day that is no occasion.

    Streaks and the jar read ten years of these per commitment, so the days are judged
    in bulk; the array is remembered on the history, so they share it (read only).
    """
    key = ("outcomes", rules)
    found = history.memo.get(key)
    if found is None:
        found = history.memo[key] = _outcome_array(rules, history)
    return cast("npt.NDArray[np.int8]", found)


def _outcome_array(rules: Rules, history: History) -> npt.NDArray[np.int8]:
    if history.size == 0:
        return np.zeros(0, np.int8)
    flags = rules.schedule.occasion_mask(history.start, history.size)
    return np.where(flags, judge_every_day(rules, history), 0).astype(np.int8)


def judge_every_day(rules: Rules, history: History) -> npt.NDArray[np.int8]:
    """``judge_day`` of every day, due or not, as Outcome values; but a past unmarked day
    of an N-in-M-days schedule is pending, as ``day_outcomes`` reads it."""
    codes = history.code_array
    target = rules.target
    unmarked = Outcome.UNMARKED
    if target is None and rules.schedule.kind is ScheduleKind.IN_DAYS:
        unmarked = Outcome.PENDING  # not every day is owed in a flexible window
    table = np.zeros(4, np.int8)
    table[[UNMARKED, KEPT, MISSED, SKIPPED]] = [unmarked, Outcome.KEPT, Outcome.MISSED,
                                                Outcome.SKIPPED]
    out = table[codes]
    if codes[-1] == UNMARKED:
        out[-1] = Outcome.PENDING  # today is still open
    if target is None:
        return out
    kept = codes == KEPT
    done = history.value_array
    if target.at_most:
        judged = np.where(done > target.amount, Outcome.MISSED, Outcome.KEPT)
        open_today = Outcome.PENDING if done[-1] <= target.amount else Outcome.MISSED
    else:
        judged = np.where(done >= target.amount, Outcome.KEPT,
                          np.where(done <= 0, Outcome.MISSED, Outcome.PARTLY))
        open_today = Outcome.PENDING if judged[-1] == Outcome.PARTLY else judged[-1]
    out[kept] = judged[kept]
    if kept[-1]:
        out[-1] = open_today
    return out


def _judge_periods(
    rules: Rules, history: History, period: Period, week_start: int
) -> list[Occasion]:
    spans = period_spans(history.start, history.end, period, week_start)
    if rules.target is None:
        return judge_counts(rules, history, spans)
    return judge_amounts(rules, history, spans)


def judge_period(rules: Rules, history: History, first: date, last: date) -> Occasion:
    """One calendar period judged as one occasion; the current one may run past the end.

    Progress bars and the jar read the same judgement, so "2 of 3 this week" always asks
    what the streak asks.
    """
    start, end = history.start, history.end
    target = rules.target
    lo = max(first, start)
    lo_i, hi_i = (lo - start).days, (min(last, end) - start).days
    codes = history.codes[lo_i : hi_i + 1]
    available = (last - lo).days + 1  # the period's days since the commitment began
    skipped = codes.count(SKIPPED)
    # Planned rest later in a running period lowers what it can ask for.
    d = end + timedelta(days=1)
    while d <= last:
        skipped += rules.paused(d)
        d += timedelta(days=1)
    open_days = available - skipped
    # Skips alone are no record of what was done.
    recorded = KEPT in codes or MISSED in codes
    ongoing = last >= end
    if target is None:
        outcome, done, needed = _judge_count(
            rules.schedule.times, open_days, codes.count(KEPT), ongoing, recorded
        )
    else:
        # An at-least target asks its share of the open days. An at-most limit allows its
        # share of the days since the start: a skipped day never shrinks an allowance.
        share_days = available if target.at_most else open_days
        needed = target.amount * share_days / ((last - first).days + 1)
        values = history.values[lo_i : hi_i + 1]
        done = sum(v for v, c in zip(values, codes, strict=True) if c == KEPT)
        outcome = _judge_amount(needed, done, target.at_most, ongoing, recorded, open_days)
        if target.at_most and outcome is not Outcome.SKIPPED and MISSED in codes:
            outcome = Outcome.MISSED  # a limit recorded as broken is broken
    return Occasion(first, last, outcome, False, done, needed)


def _judge_count(
    times: int, open_days: int, kept: int, ongoing: bool, recorded: bool
) -> tuple[Outcome, float, float]:
    needed = min(times, open_days)
    if needed <= 0:
        return Outcome.SKIPPED, kept, 0
    if kept >= needed:
        return Outcome.KEPT, kept, needed
    if ongoing:
        return Outcome.PENDING, kept, needed
    return (Outcome.MISSED if recorded else Outcome.UNMARKED), kept, needed


def _judge_amount(
    needed: float, done: float, at_most: bool, ongoing: bool, recorded: bool, open_days: int
) -> Outcome:
    if open_days <= 0:
        return Outcome.SKIPPED
    if at_most:
        if done > needed:
            return Outcome.MISSED
        if ongoing:
            return Outcome.PENDING
        return Outcome.KEPT if recorded else Outcome.UNMARKED
    if done >= needed:
        return Outcome.KEPT
    if ongoing:
        return Outcome.PENDING
    if done > 0:
        return Outcome.PARTLY
    return Outcome.MISSED if recorded else Outcome.UNMARKED


def day_state(rules: Rules, history: History, i: int, week_start: int = MONDAY) -> DayState:
    """What the calendar shows for day ``i``; the history's last day is "today".

    A day of a weekly or monthly amount shows how its period stands: an amount on the
    way to a running week's target is open (in progress), never kept on its own.
    """
    schedule = rules.schedule
    target = rules.target
    by_day = target is None or target.per is Period.DAY
    code = history.codes[i]
    if history.paused[i]:
        return DayState.PAUSED
    if code == SKIPPED:
        return DayState.SKIPPED
    if code == UNMARKED:
        if not schedule.is_occasion(history.day(i)):
            return DayState.NOT_DUE
        if schedule.is_flexible or not by_day or i == history.size - 1:
            return DayState.OPEN
        return DayState.UNMARKED
    if not by_day:
        assert target is not None
        first, last = period_bounds(history.day(i), target.per, week_start)
        return _period_day_state(judge_period(rules, history, first, last), history, i)
    outcome = judge_day(rules, history, i)
    if outcome is Outcome.KEPT:
        return DayState.KEPT
    if outcome is Outcome.PENDING and target is not None and target.at_most:
        return DayState.KEPT  # within its limit so far; figures wait (settled_day_states)
    if outcome is Outcome.PARTLY or outcome is Outcome.PENDING:
        return DayState.PARTLY  # pending here: today, partly done so far
    return DayState.REPAIRED if history.repaired[i] else DayState.MISSED


_BY_PERIOD = {
    Outcome.KEPT: DayState.KEPT,
    Outcome.PARTLY: DayState.PARTLY,
    Outcome.PENDING: DayState.OPEN,  # the period is still running below its target
    Outcome.SKIPPED: DayState.KEPT,  # a promise kept during planned rest still counts
}


def _period_day_state(occasion: Occasion, history: History, i: int) -> DayState:
    """A recorded day of a weekly or monthly amount, as its period was judged."""
    if history.codes[i] == MISSED or occasion.outcome in (Outcome.MISSED, Outcome.UNMARKED):
        return DayState.REPAIRED if history.repaired[i] else DayState.MISSED
    return _BY_PERIOD[occasion.outcome]


def settled_day_states(
    rules: Rules, history: History, week_start: int = MONDAY
) -> list[DayState]:
    """The days as figures count them (counts, the charts' heat map and kept shares).

    The calendar shows today's amount so far as partly kept (short of its target) or kept
    (within its limit), but the day is not over: until it is, today is open, neither
    kept, partly kept nor owed.
    """
    states = day_states(rules, history, week_start)
    if states and states[-1] in _SO_FAR and _on_its_way(rules, history):
        states = [*states[:-1], DayState.OPEN]
    return states


_SO_FAR = (DayState.PARTLY, DayState.KEPT)


def _on_its_way(rules: Rules, history: History) -> bool:
    """Today holds an amount short of its daily target, or within its daily limit: more
    may come before it ends."""
    target = rules.target
    by_day = target is not None and target.per is Period.DAY
    return by_day and judge_day(rules, history, history.size - 1) is Outcome.PENDING


def day_states(rules: Rules, history: History, week_start: int = MONDAY) -> list[DayState]:
    """The calendar's view of every day from start to the judged day.

    A weekly or monthly amount judges each period once (shared with streaks and
    counts), not once per day.
    """
    target = rules.target
    if history.size == 0:
        return []
    if target is None or target.per is Period.DAY:
        return [_STATE_OF[x] for x in _day_state_array(rules, history).tolist()]
    out: list[DayState] = []
    start = history.start
    for occasion in judge_occasions(rules, history, week_start):
        lo = max(0, (occasion.first - start).days)
        hi = min(history.size - 1, (occasion.last - start).days)
        for i in range(lo, hi + 1):
            if history.codes[i] in (KEPT, MISSED) and not history.paused[i]:
                out.append(_period_day_state(occasion, history, i))
            else:
                out.append(day_state(rules, history, i, week_start))
    return out


_STATE_OF = [DayState.OPEN, *DayState]  # index: a DayState value (0 is never used)


def _day_state_array(rules: Rules, history: History) -> npt.NDArray[np.int8]:
    """``day_state`` of every day of a day-by-day commitment at once."""
    schedule = rules.schedule
    target = rules.target
    codes = history.code_array
    judged = judge_every_day(rules, history)
    out = np.full(history.size, DayState.MISSED, np.int8)
    out[history.repaired_array] = DayState.REPAIRED
    out[judged == Outcome.KEPT] = DayState.KEPT
    out[(judged == Outcome.PARTLY) | (judged == Outcome.PENDING)] = DayState.PARTLY
    if target is not None and target.at_most:
        out[judged == Outcome.PENDING] = DayState.KEPT  # within its limit so far
    unmarked = codes == UNMARKED
    if schedule.is_flexible:
        out[unmarked] = DayState.OPEN
    else:
        out[unmarked] = DayState.UNMARKED
        if unmarked[-1]:
            out[-1] = DayState.OPEN  # today
    out[unmarked & ~schedule.occasion_mask(history.start, history.size)] = DayState.NOT_DUE
    out[codes == SKIPPED] = DayState.SKIPPED
    out[history.paused_array] = DayState.PAUSED
    return out
