"""The target of a measurable habit in a Loop CSV export from before 2.3.1.

Those exports name no habit type and no target; a measurable habit shows itself by its
amounts (see ``loop_csv_habits``). Its ``Scores.csv`` still carries the target: each
day's score is ``yesterday × m + v × (1 − m)`` with ``v = min(1, amount / target)``
(DESIGN.md, Strength), so a day the target was not met gives ``target = amount / v``.
Loop writes scores to 4 decimals, which blurs each such estimate; so candidates near
their median (rounded as people write targets) are tried, and one is taken only when
our strength with it gives back every score Loop wrote, to the 4th decimal. Otherwise
the habit comes in with its amounts and a stand-in target, and the summary asks for
the right one.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import date, timedelta

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Entry, History, Status
from selftrust.domain.schedule import Schedule
from selftrust.domain.strength import strength_series
from selftrust.interchange.loop_records import SKIP, LoopHabit

_PERIODS = {1: Period.DAY, 7: Period.WEEK, 30: Period.MONTH, 31: Period.MONTH}
_SCORE_STEP = 0.0001  # Loop writes 4 decimals


@dataclass(frozen=True, slots=True)
class RecoveredTarget:
    amount: float
    exact: bool


def recover_target(habit: LoopHabit) -> RecoveredTarget:
    """The at-least target that reproduces Loop's scores, or a stand-in (``exact`` False)."""
    amounts = {e.day: e.value / 1000 for e in habit.entries if e.value >= 0 and e.value != SKIP}
    stand_in = max(amounts.values(), default=1.0) or 1.0
    scores = habit.scores or {}
    if not amounts or not scores:
        return RecoveredTarget(stand_in, False)
    window = habit.denominator if habit.denominator in _PERIODS else 1
    multiplier = 0.5 ** (math.sqrt(1 / min(window, 30)) / 13)
    estimates = []
    for day, score in scores.items():
        before = scores.get(day - timedelta(days=1))
        total = sum(amounts.get(day - timedelta(days=k), 0.0) for k in range(min(window, 30)))
        if before is None or total <= 0:
            continue
        v = (score - before * multiplier) / (1 - multiplier)
        if 0.05 < v < 0.95:
            estimates.append(total / v)
    if not estimates:
        return RecoveredTarget(stand_in, False)
    middle = statistics.median(estimates)
    candidates = sorted({round(middle, digits) for digits in (0, 1, 2)}
                        | {float(round(middle) + k) for k in (-2, -1, 1, 2)},
                        key=lambda c: abs(c - middle))
    for candidate in candidates:
        if candidate > 0 and _reproduces(habit, candidate, amounts, scores):
            return RecoveredTarget(candidate, True)
    return RecoveredTarget(round(middle, 2), False)


def _reproduces(habit: LoopHabit, target: float, amounts: dict[date, float],
                scores: dict[date, float]) -> bool:
    per = _PERIODS.get(habit.denominator, Period.DAY)
    rules = Rules(Schedule.daily(), Target(target, habit.unit, per))
    start = min(e.day for e in habit.entries)
    end = max(scores)
    entries = [Entry(e.day, Status.SKIPPED if e.value == SKIP else Status.KEPT,
                     None if e.value == SKIP else e.value / 1000)
               for e in habit.entries if e.value >= 0]
    series = strength_series(rules, History(start, end, entries, rules))
    for day, score in scores.items():
        i = (day - start).days
        if 0 <= i < len(series) and abs(series[i] - score) > _SCORE_STEP * 0.51:
            return False
    return True
