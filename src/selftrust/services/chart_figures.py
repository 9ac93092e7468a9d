"""The charts' figures for a range, added up from each commitment's derived figures.

Functions of plain inputs (the derived figures of the chosen commitments and the days
the chart spans), so ChartData only decides what to ask for and what to keep.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from selftrust.base import formats
from selftrust.domain.days import week_start_of
from selftrust.domain.jar import JarRules
from selftrust.domain.occasions import DayState, Outcome
from selftrust.services.chart_derived import OWED, Derived, weekday_counts
from selftrust.services.chart_series import (
    DAY,
    Calendar,
    Growth,
    KeptRate,
    StreakBar,
    StrengthLine,
    Weekdays,
    day64,
    day_range,
)

Span = tuple[date, date] | None
"""The days a chart draws, or None when there is nothing in its range."""

_DUE_OUTCOMES = np.array(
    [Outcome.KEPT, Outcome.PARTLY, Outcome.MISSED, Outcome.UNMARKED], dtype=np.int8
)
WEEKLY_UP_TO_DAYS = 120
"""Ranges up to about four months count kept rates per week, longer ones per month."""


def growth(items: list[Derived], span: Span, rules: JarRules) -> Growth:
    if span is None:
        empty = np.array([], dtype="datetime64[D]")
        return Growth(empty, np.array([], dtype=np.int64), np.array([]), empty,
                      np.array([], dtype=np.int64))
    first, last = span
    days = day_range(first, last)
    # Add up every commitment's jar counts per day, then let the domain replay the
    # days (clamped at an empty jar): a few thousand days instead of every event.
    origin = min(d.start for d in items)
    width = (last - origin).days + 1
    counts = np.zeros((3, width), dtype=np.int64)
    for d in items:
        at = (d.start - origin).days
        n = min(d.history.size, width - at)
        counts[:, at:at + n] += d.jar_counts[:, :n]
    level = replay_counts(counts, rules)
    skip = (first - origin).days
    marbles = level[skip:skip + days.size]
    total = np.zeros(days.size)
    count = np.zeros(days.size)
    for d in items:
        lo, hi = d.window(first, min(last, d.active_last))
        if hi <= lo:
            continue
        at = (d.start - first).days
        total[at + lo:at + hi] += d.strength[lo:hi]
        count[at + lo:at + hi] += 1
    with np.errstate(invalid="ignore", divide="ignore"):
        strength = np.where(count > 0, total / np.maximum(count, 1), np.nan)
    fixed = counts[2, skip:skip + days.size]
    where = np.flatnonzero(fixed)
    repair_days = days[where]
    repairs = fixed[where]
    return Growth(days, marbles, strength, repair_days, repairs)


def strength_lines(items: list[Derived], span: Span) -> list[StrengthLine]:
    if span is None:
        return []
    first, last = span
    out = []
    for d in items:
        lo, hi = d.window(first, min(last, d.active_last))
        if hi <= lo:
            continue
        days = np.arange(day64(d.start) + lo, day64(d.start) + hi, DAY)
        out.append(StrengthLine(d.row.id, d.row.title, d.row.color, days,
                                d.strength[lo:hi]))
    return out


def kept_rate(items: list[Derived], span: Span, week_start: int) -> KeptRate:
    if span is None:
        return _empty_rate()
    first, last = span
    weekly = (last - first).days < WEEKLY_UP_TO_DAYS
    if weekly:
        b0 = week_start_of(first, week_start)
        n = (last - b0).days // 7 + 1
        starts = np.array([b0 + timedelta(days=7 * i) for i in range(n)],
                          dtype="datetime64[D]")
        ends = starts + 6 * DAY
    else:
        m0 = np.datetime64(first, "M")
        months = np.arange(m0, np.datetime64(last, "M") + 1)
        starts = months.astype("datetime64[D]")
        ends = (months + 1).astype("datetime64[D]") - DAY
    kept = np.zeros((len(items), starts.size), dtype=np.int64)
    due = np.zeros((len(items), starts.size), dtype=np.int64)
    lo64, hi64 = day64(first), day64(last)
    for row, d in enumerate(items):
        when, outcome = d.occasions
        inside = (when >= lo64) & (when <= hi64)
        when, outcome = when[inside], outcome[inside]
        if when.size == 0:
            continue
        if weekly:
            bucket = ((when - day64(week_start_of(first, week_start))) // 7).astype(int)
        else:
            bucket = (when.astype("datetime64[M]") - np.datetime64(first, "M")).astype(int)
        owed = np.isin(outcome, _DUE_OUTCOMES)
        due[row] = np.bincount(bucket[owed], minlength=starts.size)
        kept[row] = np.bincount(bucket[outcome == Outcome.KEPT], minlength=starts.size)
    return KeptRate(
        "week" if weekly else "month",
        starts,
        ends,
        tuple(d.row.id for d in items),
        tuple(d.row.title for d in items),
        tuple(d.row.color for d in items),
        kept,
        due,
    )


def calendar(items: list[Derived], span: Span, week_start: int, today: date) -> Calendar:
    if span is None:
        return Calendar(today, today, today, week_start, np.zeros(1, np.int64),
                        np.zeros(1, np.int64), None, None, None)
    range_first, last = span  # every day of it: a long range is drawn a year a row
    first = week_start_of(range_first, week_start)
    size = (last - first).days + 1
    kept = np.zeros(size, dtype=np.int64)
    due = np.zeros(size, dtype=np.int64)
    one = len(items) == 1
    states = np.zeros(size, dtype=np.int8) if one else None
    for d in items:
        lo, hi = d.window(range_first, last)
        if hi <= lo:
            continue
        part = d.states[lo:hi]
        at = (d.start - first).days
        kept[at + lo:at + hi] += part == DayState.KEPT
        due[at + lo:at + hi] += np.isin(part, OWED)
        if states is not None:
            states[at + lo:at + hi] = part
    row = items[0].row if one else None
    return Calendar(first, last, range_first, week_start, kept, due, states,
                    row.color if row else None, row.title if row else None)


def weekdays(items: list[Derived], span: Span, week_start: int) -> Weekdays:
    order = [(week_start + i) % 7 for i in range(7)]
    kept = np.zeros(7, dtype=np.int64)
    missed = np.zeros(7, dtype=np.int64)
    repaired = np.zeros(7, dtype=np.int64)
    if span is not None:
        first, last = span
        for d in items:
            k, m, r = weekday_counts(d, first, last)
            kept += k
            missed += m
            repaired += r
    return Weekdays(
        tuple(formats.weekday_name(i) for i in order), kept[order], missed[order],
        repaired[order], tuple(order),
    )


def streak_bars(items: list[Derived], span: Span, count: int) -> list[StreakBar]:
    if span is None:
        return []
    first, last = span
    # The longest `count` of all are among each commitment's longest `count` in the
    # range; building a bar for every run of every commitment (8,000 at 20 × 20) and
    # sorting them all after each check-in grew with the years.
    bars: list[StreakBar] = []
    for d in items:
        unit = d.streak_unit
        taken = 0
        for s in d.runs_longest_first:
            if taken == count:
                break
            if s.end >= first and s.start <= last:
                bars.append(StreakBar(d.row.id, d.row.title, d.row.color, s.start,
                                      s.end, s.length, unit))
                taken += 1
    bars.sort(key=lambda b: (b.span_days, b.length, b.last), reverse=True)
    return bars[:count]


def replay_counts(counts: np.ndarray, rules: JarRules) -> np.ndarray:
    """The jar at the end of each day from per-day (kept, missed, repaired) counts.

    The same arithmetic as domain.jar.replay (tests/services/test_chart_data.py checks
    them day by day), on a few thousand day totals instead of every event."""
    delta = rules.repair_return - rules.miss_cost
    kept, missed, fixed = counts
    won = kept * rules.kept_gain + np.maximum(0, fixed * delta)
    lost = missed * rules.miss_cost + np.maximum(0, -fixed * delta)
    change = (won - lost).tolist()
    out = [0] * len(change)
    marbles = 0
    for i, c in enumerate(change):
        marbles += c
        if marbles < 0:
            marbles = 0  # the jar never goes below empty
        out[i] = marbles
    return np.array(out, dtype=np.int64)


def _empty_rate() -> KeptRate:
    empty = np.array([], dtype="datetime64[D]")
    none = np.zeros((0, 0), dtype=np.int64)
    return KeptRate("week", empty, empty, (), (), (), none, none)
