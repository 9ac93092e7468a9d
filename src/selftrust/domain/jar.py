"""The marble jar: the overall count of self-trust.

Every kept occasion adds a marble; every missed one knocks marbles out (trust tumbles
faster than it is built); a reflection on a miss repairs it, the marbles come back and
the repaired one is drawn gold. The jar is replayed day by day and never goes below 0.
The numbers are parameters so the "How is this counted?" page can quote them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from selftrust.domain.commitment import Rules
from selftrust.domain.days import MONDAY, period_bounds
from selftrust.domain.history import KEPT, MISSED, History
from selftrust.domain.occasions import Occasion, Outcome, judge_day, judge_period
from selftrust.domain.schedule import ScheduleKind


@dataclass(frozen=True, slots=True)
class JarRules:
    kept_gain: int = 1
    miss_cost: int = 2
    repair_return: int = 2


DEFAULT_JAR_RULES = JarRules()


@dataclass(frozen=True, slots=True)
class Jar:
    marbles: int
    gold: int


@dataclass(frozen=True, slots=True)
class JarEvent:
    """One commitment's effect on the jar on one day."""

    day: date
    kept: int = 0  # marbles won
    missed: int = 0  # unrepaired misses
    repaired: int = 0  # repaired misses (gold)


def jar_events(
    rules: Rules, history: History, week_start: int = MONDAY
) -> list[JarEvent]:
    """What one commitment did to the jar, day by day (days with no effect left out)."""
    if history.size == 0:
        return []
    target = rules.target
    if target is not None and target.per.value != "day":
        return _amount_period_events(rules, history, week_start)
    schedule = rules.schedule
    codes, repaired = history.codes, history.repaired
    cap = _kept_cap(rules, history, week_start)
    events: list[JarEvent] = []
    day = history.start
    one = timedelta(days=1)
    for i in range(history.size):
        code = codes[i]
        if code == KEPT or code == MISSED:
            if schedule.is_occasion(day):
                outcome = judge_day(rules, history, i) if target is not None else (
                    Outcome.KEPT if code == KEPT else Outcome.MISSED
                )
                if outcome is Outcome.KEPT:
                    if cap is None or cap(i):
                        events.append(JarEvent(day, kept=1))
                elif outcome is Outcome.MISSED:
                    if repaired[i]:
                        events.append(JarEvent(day, repaired=1))
                    else:
                        events.append(JarEvent(day, missed=1))
        day += one
    return events


def _kept_cap(rules: Rules, history: History, week_start: int) -> Callable[[int], bool] | None:
    """For flexible schedules only the first N kept days of a period win a marble."""
    schedule = rules.schedule
    if schedule.kind is ScheduleKind.IN_DAYS:
        winners = _window_winners(history.codes, schedule.times, schedule.days)
        return winners.__getitem__
    period = schedule.period
    if period is None:
        return None
    codes = history.codes
    allowed = [False] * history.size
    counts: dict[date, int] = defaultdict(int)
    day = history.start
    for i in range(history.size):
        if codes[i] == KEPT:
            key = period_bounds(day, period, week_start)[0]
            counts[key] += 1
            allowed[i] = counts[key] <= schedule.times
        day += timedelta(days=1)
    return allowed.__getitem__


def _window_winners(codes: list[int], times: int, days: int) -> list[bool]:
    """Kept days that win a marble: no M-day window may hold more than N winners.

    Counting winners rather than kept days matters: kept every day of "1 in 2 days",
    every other day wins, where counting kept days would let only the first one win.
    """
    won = [False] * len(codes)
    in_window = 0  # winners among the previous days - 1 days
    for i, code in enumerate(codes):
        if i >= days and won[i - days]:
            in_window -= 1
        if code == KEPT and in_window < times:
            won[i] = True
            in_window += 1
    return won


def _amount_period_events(rules: Rules, history: History, week_start: int) -> list[JarEvent]:
    """Weekly/monthly amounts: a marble the day the target is reached (at least) or when
    a period ends within its limit (at most); a loss the day an at-most limit is passed.

    The target is the period's own, as judge_period sets it (a short first period or
    planned rest asks less), so a marble is won exactly when the period is kept.
    """
    target = rules.target
    assert target is not None
    events: list[JarEvent] = []
    first, last = period_bounds(history.start, target.per, week_start)
    while first <= history.end:
        occasion = judge_period(rules, history, first, last)
        if occasion.outcome is not Outcome.SKIPPED:
            events.extend(_amount_events(rules, history, first, last, occasion))
        first, last = period_bounds(last + timedelta(days=1), target.per, week_start)
    return events


def _amount_events(
    rules: Rules, history: History, first: date, last: date, occasion: Occasion
) -> list[JarEvent]:
    target = rules.target
    assert target is not None
    codes, values, repaired = history.codes, history.values, history.repaired
    lo_i = max(0, (first - history.start).days)
    hi_i = min(history.size - 1, (last - history.start).days)
    events: list[JarEvent] = []
    total = 0.0
    settled = False
    for i in range(lo_i, hi_i + 1):
        code = codes[i]
        if code == MISSED:
            # Every missed check-in costs; for a limit it is also the lapse of the period.
            events.append(_lapse(history.day(i), repaired[i]))
            settled = settled or target.at_most
        if code != KEPT:
            continue
        total += values[i]
        if settled:
            continue
        if not target.at_most and total >= occasion.needed:
            events.append(JarEvent(history.day(i), kept=1))
            settled = True
        elif target.at_most and total > occasion.needed:
            events.append(_lapse(history.day(i), repaired[i]))
            settled = True
    if target.at_most and occasion.outcome is Outcome.KEPT:
        events.append(JarEvent(last, kept=1))
    return events


def _lapse(day: date, repaired: bool) -> JarEvent:
    return JarEvent(day, repaired=1) if repaired else JarEvent(day, missed=1)


@dataclass(frozen=True, slots=True)
class JarDay:
    day: date
    marbles: int
    gold: int
    won: int
    lost: int


def replay(
    events: Iterable[JarEvent], jar_rules: JarRules = DEFAULT_JAR_RULES
) -> list[JarDay]:
    """The jar after every day that changed it, oldest first; it never goes below 0."""
    per_day: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    for e in events:
        slot = per_day[e.day]
        slot[0] += e.kept
        slot[1] += e.missed
        slot[2] += e.repaired
    marbles = gold = 0
    out: list[JarDay] = []
    repair_delta = jar_rules.repair_return - jar_rules.miss_cost
    for day in sorted(per_day):
        kept, missed, fixed = per_day[day]
        won = kept * jar_rules.kept_gain + max(0, fixed * repair_delta)
        lost = missed * jar_rules.miss_cost + max(0, -fixed * repair_delta)
        before = marbles
        marbles = max(0, marbles + won - lost)
        gold += fixed
        out.append(JarDay(day, marbles, gold, won, min(lost, before + won)))
    return out


def fill_jar(events: Iterable[JarEvent], jar_rules: JarRules = DEFAULT_JAR_RULES) -> Jar:
    days = replay(events, jar_rules)
    if not days:
        return Jar(0, 0)
    return Jar(days[-1].marbles, days[-1].gold)
