"""The day-by-day streaks, jar tracks and counts the array rules must match.

Kept as they were before the rules moved to arrays (one Python step per day or per
period), so the property test (test_arrays_match_day_by_day.py) can hold the fast forms
in selftrust.domain to them. Shared types (Streak, Streaks, JarTrack, Counts, Occasion)
and the one-day judgements (judge_day, judge_period) are the domain's own.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import accumulate, compress
from operator import sub

from selftrust.domain.commitment import Rules
from selftrust.domain.days import MONDAY, Period, period_numbers, period_spans
from selftrust.domain.history import KEPT, MISSED, SKIPPED, UNMARKED, History
from selftrust.domain.jar import JarTrack
from selftrust.domain.occasions import (
    DayState,
    Occasion,
    Outcome,
    judge_day,
    judge_period,
    settled_day_states,
)
from selftrust.domain.schedule import ScheduleKind
from selftrust.domain.streaks import Streak, Streaks
from selftrust.domain.summary import Counts


def judge_occasions(rules: Rules, history: History, week_start: int) -> list[Occasion]:
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


_BY_CODE = {
    KEPT: Outcome.KEPT,
    MISSED: Outcome.MISSED,
    SKIPPED: Outcome.SKIPPED,
    UNMARKED: Outcome.UNMARKED,
}


def day_outcomes(rules: Rules, history: History) -> list[Outcome | None]:
    if history.size == 0:
        return []
    schedule = rules.schedule
    flags = schedule.occasion_flags(history.start, history.size)
    if rules.target is not None:
        return [judge_day(rules, history, i) if f else None for i, f in enumerate(flags)]
    by_code = dict(_BY_CODE)
    if schedule.kind is ScheduleKind.IN_DAYS:
        by_code[UNMARKED] = Outcome.PENDING  # not every day is owed in a flexible window
    out: list[Outcome | None] = list(map(by_code.__getitem__, history.codes))
    if not all(flags):
        out = [o if f else None for o, f in zip(out, flags, strict=True)]
    if out[-1] is Outcome.UNMARKED:
        out[-1] = Outcome.PENDING  # today is still open
    return out


def _judge_periods(
    rules: Rules, history: History, period: Period, week_start: int
) -> list[Occasion]:
    spans = period_spans(history.start, history.end, period, week_start)
    return [judge_period(rules, history, first, last) for first, last in spans]


def find_streaks(
    rules: Rules,
    history: History,
    week_start: int = MONDAY,
    occasions: list[Occasion] | None = None,
) -> Streaks:
    if rules.schedule.kind is ScheduleKind.IN_DAYS and rules.target is None:
        return _window_streaks(rules, history)
    if occasions is None and rules.period is None:
        return _day_streaks(history, day_outcomes(rules, history))
    if occasions is None:
        occasions = judge_occasions(rules, history, week_start)
    return _occasion_streaks(history, occasions)


def _day_streaks(history: History, outcomes: list[Outcome | None]) -> Streaks:
    return _letter_streaks(history, "".join(map(_LETTERS.__getitem__, outcomes)))


_LETTERS: dict[Outcome | None, str] = {
    Outcome.KEPT: "K",
    None: "-",  # no occasion that day
    Outcome.SKIPPED: "-",
    Outcome.PENDING: "-",  # today, still open
    Outcome.PARTLY: "x",
    Outcome.MISSED: "x",
    Outcome.UNMARKED: "x",
}
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
    codes = history.codes
    kept_in = _window_counts(codes, KEPT, days)
    skipped_in = _window_counts(codes, SKIPPED, days)
    today = history.size - 1
    letters = []
    for i, (code, kept, skipped) in enumerate(zip(codes, kept_in, skipped_in, strict=True)):
        if code == KEPT:
            letters.append("K")
        elif code == SKIPPED or i < days - 1 or (i == today and code == UNMARKED):
            letters.append("-")  # rest, no full window yet, or today still open
        else:
            letters.append("x" if kept < min(times, days - skipped) else "-")
    return _letter_streaks(history, "".join(letters))


def _window_counts(codes: list[int], code: int, days: int) -> list[int]:
    """For each day, how many of the ``days`` days ending on it have ``code``."""
    prefix = [0, *accumulate(c == code for c in codes)]
    size = len(codes)
    lagged = [0] * min(days - 1, size) + prefix[: max(0, size - days + 1)]
    return list(map(sub, prefix[1:], lagged))


def jar_track(rules: Rules, history: History, week_start: int = MONDAY) -> JarTrack:
    """What one commitment did to the jar, as one count per day."""
    track = JarTrack.empty(history.start, history.size)
    if history.size == 0:
        return track
    target = rules.target
    if target is not None and target.per is not Period.DAY:
        _add_period_amounts(track, rules, history, week_start)
        return track
    allowed = _kept_cap(rules, history, week_start)
    repaired = history.repaired
    kept, missed = Outcome.KEPT, Outcome.MISSED
    for i, outcome in enumerate(day_outcomes(rules, history)):
        if outcome is kept:
            if allowed is None or allowed[i]:
                track.kept[i] += 1
        elif outcome is missed:
            track.add(i, outcome, repaired[i])
    return track


def _kept_cap(rules: Rules, history: History, week_start: int) -> list[bool] | None:
    """For flexible schedules only the first N kept days of a period win a marble."""
    schedule = rules.schedule
    codes = history.codes
    if schedule.kind is ScheduleKind.IN_DAYS:
        return _window_winners(codes, schedule.times, schedule.days)
    period = schedule.period
    if period is None:
        return None
    numbers = period_numbers(history.start, history.size, period, week_start)
    kept_so_far = [0] * (numbers[-1] + 1)
    allowed = [False] * history.size
    for i, code in enumerate(codes):
        if code == KEPT:
            n = numbers[i]
            kept_so_far[n] += 1
            allowed[i] = kept_so_far[n] <= schedule.times
    return allowed


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


def _add_period_amounts(track: JarTrack, rules: Rules, history: History, week_start: int) -> None:
    """Weekly/monthly amounts: a marble the day the target is reached (at least) or when
    a period ends within its limit (at most); a loss the day an at-most limit is passed.

    The target is the period's own, as judge_period sets it (a short first period or
    planned rest asks less), so a marble is won exactly when the period is kept.
    """
    target = rules.target
    assert target is not None
    for first, last in period_spans(history.start, history.end, target.per, week_start):
        occasion = judge_period(rules, history, first, last)
        if occasion.outcome is not Outcome.SKIPPED:
            _add_period(track, rules, history, first, last, occasion)


def _add_period(
    track: JarTrack,
    rules: Rules,
    history: History,
    first: date,
    last: date,
    occasion: Occasion,
) -> None:
    target = rules.target
    assert target is not None
    codes, values, repaired = history.codes, history.values, history.repaired
    lo_i = max(0, (first - history.start).days)
    hi_i = min(history.size - 1, (last - history.start).days)
    total = 0.0
    settled = False
    for i in range(lo_i, hi_i + 1):
        code = codes[i]
        if code == MISSED:
            # Every missed check-in costs; for a limit it is also the lapse of the period.
            track.add(i, Outcome.MISSED, repaired[i])
            settled = settled or target.at_most
        if code != KEPT:
            continue
        total += values[i]
        if settled:
            continue
        if not target.at_most and total >= occasion.needed:
            track.add(i, Outcome.KEPT, False)
            settled = True
        elif target.at_most and total > occasion.needed:
            track.add(i, Outcome.MISSED, repaired[i])
            settled = True
    if target.at_most and occasion.outcome is Outcome.KEPT:
        track.add(hi_i, Outcome.KEPT, False)  # the period is over: its last day is past


def count(rules: Rules, history: History, week_start: int = MONDAY) -> Counts:
    """Recorded check-ins: kept, missed, skipped (pauses are not check-ins), repaired.

    For a measurable commitment "kept" counts days (or weeks/months, for a weekly or
    monthly target) that met the target; a partly kept day is neither kept nor missed,
    and today's amount so far is neither until the day is over. A weekly or monthly
    amount is missed as the jar counts it: each missed check-in, and a period that
    passed its limit (once, even while it runs: it cannot come back under).
    """
    codes = history.codes
    # Every paused day is a skip, and none of them was a check-in.
    skipped = codes.count(SKIPPED) - history.paused.count(True)
    if rules.target is None:
        fixed = list(compress(codes, history.repaired)).count(MISSED)
        return Counts(codes.count(KEPT), codes.count(MISSED), skipped, 0, fixed)
    if rules.target.per is not Period.DAY:
        outcomes = [o.outcome for o in judge_occasions(rules, history, week_start)]
        partly = outcomes.count(Outcome.PARTLY)
        track = jar_track(rules, history, week_start)
        fixed = sum(track.repaired)
        missed = sum(track.missed) + fixed
        return Counts(outcomes.count(Outcome.KEPT), missed, skipped, partly, fixed)
    states = settled_day_states(rules, history)
    return Counts(
        kept=states.count(DayState.KEPT),
        missed=states.count(DayState.MISSED) + states.count(DayState.REPAIRED),
        skipped=skipped,
        partly=states.count(DayState.PARTLY),
        repaired=states.count(DayState.REPAIRED),
    )
