"""The day-by-day strength the array one in selftrust.domain.strength must match.

Kept as it was before the rules moved to arrays: one Python step per day, the plainest
form of the rule, so the property test (test_arrays_match_day_by_day.py) can hold the
fast form to it. What follows is the rule's own account.

Strength: how established a commitment is, 0–1, exactly as Loop Habit Tracker scores.

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

from selftrust.domain.commitment import Rules
from selftrust.domain.days import Period
from selftrust.domain.history import KEPT, MISSED, SKIPPED, UNMARKED, History
from selftrust.domain.occasions import Outcome, judge_day
from selftrust.domain.schedule import ScheduleKind

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
    series = strength_series(rules, history, repair_weight)
    return series[-1] if series else 0.0


def _hold_open_today(out: list[float], first: float, code: int, lapsed: bool) -> None:
    """Today is not over. Unrecorded, it leaves the score where yesterday left it; what
    is recorded may lift the score at once, but only a lapse lowers it before the day
    ends. ``first`` is the score before the first day."""
    if lapsed:
        return
    yesterday = out[-2] if len(out) > 1 else first
    if code == UNMARKED or out[-1] < yesterday:
        out[-1] = yesterday


def _yes_no_series(rules: Rules, history: History, repair_weight: float) -> list[float]:
    numerator, denominator = rules.schedule.frequency
    freq = numerator / denominator
    if freq < 1.0:
        # Loop doubles the window of non-daily habits to smooth irregular weeks.
        numerator *= 2
        denominator *= 2
    codes = history.codes
    weights = [
        1.0 if c == KEPT else (repair_weight if c == MISSED and r else 0.0)
        for c, r in zip(codes, history.repaired, strict=True)
    ]
    leaving = [0.0] * denominator + weights  # the day that drops out of the window
    m = multiplier(freq)
    gain = 1.0 - m
    rolling = 0.0
    score = 0.0
    out: list[float] = []
    append = out.append
    for w, old, code in zip(weights, leaving, codes, strict=False):  # leaving runs longer
        rolling += w
        rolling -= old
        if code != SKIPPED:
            v = rolling / numerator
            score = score * m + (v if v < 1.0 else 1.0) * gain
        append(score)
    _hold_open_today(out, 0.0, codes[-1], codes[-1] == MISSED)
    return out


def _measurable_series(rules: Rules, history: History, repair_weight: float) -> list[float]:
    target = rules.target
    assert target is not None
    window = target.window_days
    amount = target.amount
    m = multiplier(1.0 / window)
    gain = 1.0 - m
    schedule = rules.schedule
    codes = history.codes
    values = _window_values(rules, history, repair_weight)
    # Days a weekday schedule does not ask for rest the score, unless something was done.
    resting = [
        c == SKIPPED or (c == 0 and not schedule.is_occasion(history.day(i)))
        for i, c in enumerate(codes)
    ] if schedule.kind is ScheduleKind.WEEKDAYS else [c == SKIPPED for c in codes]
    rolling = 0.0
    score = 1.0 if target.at_most else 0.0
    out: list[float] = []
    append = out.append
    for i, value in enumerate(values):
        rolling += value
        if i >= window:
            rolling -= values[i - window]
        if not resting[i]:
            if target.at_most:
                v = 1.0 - (rolling - amount) / amount
                v = 0.0 if v < 0.0 else (1.0 if v > 1.0 else v)
            else:
                v = rolling / amount
                v = 1.0 if v > 1.0 else v
            score = score * m + v * gain
        append(score)
    lapsed = _lapsed_today(rules, history, rolling)
    _hold_open_today(out, 1.0 if target.at_most else 0.0, codes[-1], lapsed)
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


def _window_values(rules: Rules, history: History, repair_weight: float) -> list[float]:
    """The amounts as the window sees them, judged against one day's share of the target.

    A repaired lapse counts as half kept: at least half a share of an at-least target,
    at most half a share over an at-most limit. An explicit miss of an at-most limit
    with no amount broke it: it counts as two shares, nothing left of a daily limit
    (counting nothing would score the miss as a perfect day). A repair never makes a day
    count for less than what was done.
    """
    target = rules.target
    assert target is not None
    values = list(history.values)
    share = target.amount / target.window_days
    floor = repair_weight * share
    ceiling = (2.0 - repair_weight) * share
    codes = history.codes
    for i, repaired in enumerate(history.repaired):
        if target.at_most and codes[i] == MISSED:
            values[i] = max(values[i], 2.0 * share)
        if not repaired:
            continue
        if target.at_most:
            values[i] = min(values[i], ceiling)
        else:
            values[i] = max(values[i], floor)
    return values


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
