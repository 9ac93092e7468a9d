"""Strength: how established a commitment is, 0–1, exactly as Loop Habit Tracker scores.

Loop's ``ScoreList.recompute`` (unchanged since v2.1) with two twists of ours: a missed
day repaired by a reflection counts as half a kept day; and today, the history's last
day, is still open. Loop scores an unrecorded today as a day gone by, so every figure
dips each morning; here an unrecorded today leaves the score as yesterday left it, what
is recorded today counts once it helps (kept, or enough done), and a lapse recorded
today (a miss, an amount over a limit) counts at once. With no reflections,
every day before today is Loop's to the last digit, so users moving from Loop see the
same figures.
"""

from __future__ import annotations

import math
from itertools import accumulate
from typing import TYPE_CHECKING

from selftrust.domain.commitment import Rules
from selftrust.domain.days import Period
from selftrust.domain.history import KEPT, MISSED, SKIPPED, UNMARKED, History
from selftrust.domain.occasions import Outcome, judge_day
from selftrust.domain.schedule import ScheduleKind

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
else:  # numpy on first use (base/lazy_numpy.py)
    from selftrust.base.lazy_numpy import np

REPAIR_WEIGHT = 0.5
"""What a repaired miss counts for in the window (1 would be a kept day)."""


def multiplier(frequency: float) -> float:
    """Loop's decay: a daily habit halves its distance to the target in 13 days."""
    return math.pow(0.5, math.sqrt(frequency) / 13.0)


def strength_series(
    rules: Rules, history: History, repair_weight: float = REPAIR_WEIGHT
) -> list[float]:
    """The strength at the end of every day of ``history`` (index i = start + i days)."""
    if history.size == 0:
        return []
    if rules.schedule.kind is ScheduleKind.ONCE:
        return _once_series(rules, history, repair_weight)
    if rules.target is not None:
        return _measurable_series(rules, history, repair_weight)
    return _yes_no_series(rules, history, repair_weight)


def strength_at_end(rules: Rules, history: History, repair_weight: float = REPAIR_WEIGHT) -> float:
    """``strength_series(…)[-1]`` to the last bit, stepping only the last stretch of days
    when that settles it (`_last_scores`): twenty years of one score cost about a year's."""
    if history.size == 0:
        return 0.0
    if rules.schedule.kind is ScheduleKind.ONCE:
        return _once_series(rules, history, repair_weight)[-1]
    if rules.target is not None:
        return _measurable_series(rules, history, repair_weight, tail=True)[-1]
    return _yes_no_series(rules, history, repair_weight, tail=True)[-1]


def _hold_open_today(out: list[float], first: float, code: int, lapsed: bool) -> None:
    """Today is not over. Unrecorded, it leaves the score where yesterday left it; what
    is recorded may lift the score at once, but only a lapse lowers it before the day
    ends. ``first`` is the score before the first day."""
    if lapsed:
        return
    yesterday = out[-2] if len(out) > 1 else first
    if code == UNMARKED or out[-1] < yesterday:
        out[-1] = yesterday


def _recurse(v: npt.NDArray[np.float64], resting: npt.NDArray[np.bool_], m: float,
             first: float, tail: bool = False) -> list[float]:
    """Loop's s = s·m + v·(1 − m) over the days that do not rest; a resting day keeps
    the score (it takes the score of the last day that did not). With ``tail``, only
    the scores of the last two days (or the one), which is all today's figure reads."""
    working = ~resting
    if tail:
        found = _last_scores(v[working], np.cumsum(working, dtype=np.int64)[-2:], m, first)
        if found is not None:
            return found
    scores = _steps(v[working], m, first)
    if not working.all():
        scores = np.concatenate(([first], scores))[np.cumsum(working)]
    out: list[float] = scores.tolist()
    return out


def _steps(v: npt.NDArray[np.float64], m: float, first: float) -> npt.NDArray[np.float64]:
    """The score after each step of s = s·m + v·(1 − m), from ``first``.

    Stepped one day at a time, in Loop's own order of operations, so every score is
    Loop's to the last bit (tests/domain/test_strength_reference.py holds yes/no
    commitments to exact equality). A closed form over blocks of days was 2–3× faster
    but drifted in the last bits after a few hundred days; `itertools.accumulate` keeps
    the one step in C's loop and costs ≈ 70 ns a day (5 ms for 20 commitments × 10 years).
    """
    gains = (v * (1.0 - m)).tolist()  # x·(1 − m), the same product Loop's step forms
    steps = accumulate(gains, lambda score, gain: score * m + gain, initial=first)
    out = np.fromiter(steps, dtype=np.float64, count=len(gains) + 1)
    return out[1:]


def _last_scores(v: npt.NDArray[np.float64], steps: npt.NDArray[np.int64], m: float,
                 first: float) -> list[float] | None:
    """The scores after ``steps`` steps (the last ones) of `_steps` over ``v`` from
    ``first``, exactly, from its last stretch alone; None when that does not settle it.

    Each step only shrinks the distance between two scores (by m), and rounding keeps
    order: stepped from below every possible score (−1) and from above it (2), the true
    score stays between the two. Once they meet they are the true score, bit for bit;
    if they have not met by the steps asked for, the caller steps every day.
    """
    stretch = math.ceil(_SETTLE / -math.log(m)) + 16 if 0.0 < m < 1.0 else v.size
    start = v.size - stretch
    if start <= 0 or int(steps[0]) <= start:
        return None
    low = _steps(v[start:], m, -1.0)
    high = _steps(v[start:], m, 2.0)
    picks = steps - start - 1
    if not np.array_equal(low[picks], high[picks]):
        return None
    scores: list[float] = low[picks].tolist()
    return scores


_SETTLE = math.log(3.0) + 64 * math.log(2.0)  # a gap of 3 shrunk below 2⁻⁶⁴


def _window_sums(values: npt.NDArray[np.float64], window: int) -> npt.NDArray[np.float64]:
    """For each day, the sum of the ``window`` days ending on it."""
    if window == 1:
        return values
    total = np.cumsum(values)
    total[window:] = total[window:] - total[:-window]
    return total


def _yes_no_series(rules: Rules, history: History, repair_weight: float,
                   tail: bool = False) -> list[float]:
    numerator, denominator = rules.schedule.frequency
    freq = numerator / denominator
    if freq < 1.0:
        # Loop doubles the window of non-daily habits to smooth irregular weeks.
        numerator *= 2
        denominator *= 2
    codes = history.code_array
    weights = np.where(codes == KEPT, 1.0,
                       np.where((codes == MISSED) & history.repaired_array, repair_weight, 0.0))
    v = np.minimum(_window_sums(weights, denominator) / numerator, 1.0)
    out = _recurse(v, codes == SKIPPED, multiplier(freq), 0.0, tail)
    last = int(codes[-1])
    _hold_open_today(out, 0.0, last, last == MISSED)
    return out


def _measurable_series(rules: Rules, history: History, repair_weight: float,
                       tail: bool = False) -> list[float]:
    target = rules.target
    assert target is not None
    window = target.window_days
    amount = target.amount
    schedule = rules.schedule
    codes = history.code_array
    rolling = _window_sums(_window_values(rules, history, repair_weight), window)
    resting = codes == SKIPPED
    if schedule.kind is ScheduleKind.WEEKDAYS:
        # Days a weekday schedule does not ask for rest the score, unless something was done.
        flags = schedule.occasion_mask(history.start, history.size)
        resting |= (codes == UNMARKED) & ~flags
    if target.at_most:
        v = np.clip(1.0 - (rolling - amount) / amount, 0.0, 1.0)
    else:
        v = np.minimum(rolling / amount, 1.0)
    first = 1.0 if target.at_most else 0.0
    out = _recurse(v, resting, multiplier(1.0 / window), first, tail)
    lapsed = _lapsed_today(rules, history, float(rolling[-1]))
    _hold_open_today(out, first, int(codes[-1]), lapsed)
    return out


def _lapsed_today(rules: Rules, history: History, window_sum: float) -> bool:
    """Today recorded as a lapse: a miss (nothing done counts as one, by the day), or an
    amount that took the window over its limit."""
    target = rules.target
    assert target is not None
    last = history.size - 1
    if target.per is Period.DAY:
        return judge_day(rules, history, last) is Outcome.MISSED
    if history.codes[last] == MISSED:
        return True
    return target.at_most and history.values[last] > 0 and window_sum > target.amount


def _window_values(rules: Rules, history: History, repair_weight: float
                   ) -> npt.NDArray[np.float64]:
    """The amounts as the window sees them, judged against one day's share of the target.

    A repaired lapse counts as half kept: at least half a share of an at-least target,
    at most half a share over an at-most limit. An explicit miss of an at-most limit
    with no amount broke it: it counts as two shares, nothing left of a daily limit
    (counting nothing would score the miss as a perfect day). A repair never makes a day
    count for less than what was done.
    """
    target = rules.target
    assert target is not None
    values = history.value_array
    repaired = history.repaired_array
    share = target.amount / target.window_days
    if target.at_most:
        values = np.where(history.code_array == MISSED, np.maximum(values, 2.0 * share), values)
        return np.where(repaired, np.minimum(values, (2.0 - repair_weight) * share), values)
    return np.where(repaired, np.maximum(values, repair_weight * share), values)


def _once_series(rules: Rules, history: History, repair_weight: float) -> list[float]:
    """A single promise has no habit to establish: it is kept (1), repaired (½) or not (0).

    A measurable one partly kept counts its share of an at-least target.
    """
    on = rules.schedule.on
    assert on is not None
    i = history.index(on)
    out = [0.0] * history.size
    if not 0 <= i < history.size:
        return out
    value = _once_value(rules, history, i)
    if history.repaired[i]:
        value = max(value, repair_weight)
    for k in range(i, history.size):
        out[k] = value
    return out


def _once_value(rules: Rules, history: History, i: int) -> float:
    if history.codes[i] != KEPT:
        return 0.0
    target = rules.target
    if target is None:
        return 1.0
    done = history.values[i]
    if target.at_most:
        return 1.0 if done <= target.amount else 0.0
    return min(1.0, done / target.amount)
