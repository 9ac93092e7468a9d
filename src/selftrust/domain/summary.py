"""One commitment, judged as of one day: the figures the Today view, stats and charts show."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext, pgettext
from selftrust.domain.commitment import Rules, format_amount, format_share
from selftrust.domain.days import MONDAY, Period, period_bounds
from selftrust.domain.history import KEPT, MISSED, SKIPPED, History
from selftrust.domain.jar import jar_track
from selftrust.domain.occasions import (
    DayState,
    Outcome,
    judge_occasions,
    judge_period,
    settled_day_states,
)
from selftrust.domain.schedule import ScheduleKind
from selftrust.domain.streaks import Streaks, find_streaks
from selftrust.domain.strength import REPAIR_WEIGHT, strength_at_end

if TYPE_CHECKING:
    import numpy as np
else:  # numpy on first use (base/lazy_numpy.py)
    from selftrust.base.lazy_numpy import np


@dataclass(frozen=True, slots=True)
class Counts:
    kept: int = 0
    missed: int = 0
    skipped: int = 0
    partly: int = 0
    repaired: int = 0


@dataclass(frozen=True, slots=True)
class Summary:
    strength: float
    streaks: Streaks
    counts: Counts
    streak_unit: str  # "day", "week" or "month"
    # While the running week or month is already not kept (a limit passed: it cannot
    # come back under), the day the next one begins: no fresh start before it.
    lapsed_until: date | None = None

    @property
    def current_streak(self) -> int:
        return self.streaks.current

    @property
    def best_streak(self) -> int:
        return self.streaks.best


def summarise(
    rules: Rules,
    history: History,
    week_start: int = MONDAY,
    repair_weight: float = REPAIR_WEIGHT,
    series: list[float] | None = None,
) -> Summary:
    """The figures of one commitment as of the history's last day.

    Pass ``series`` when the strength series is at hand (the charts need it anyway):
    it is the costliest part, and need not be computed twice.
    """
    streaks = find_streaks(rules, history, week_start)
    if series is None:
        strength = strength_at_end(rules, history, repair_weight)
    else:
        strength = series[-1] if series else 0.0
    period = rules.period
    return Summary(
        strength=strength,
        streaks=streaks,
        counts=count(rules, history, week_start),
        streak_unit=period.value if period is not None else "day",
        lapsed_until=lapsed_until(rules, history, week_start),
    )


def lapsed_until(rules: Rules, history: History, week_start: int = MONDAY) -> date | None:
    """The first day of the next period, if the running one is already not kept."""
    if rules.period is None or history.size == 0:
        return None
    running = judge_occasions(rules, history, week_start)[-1]
    if running.outcome is Outcome.MISSED and running.last >= history.end:
        return running.last + timedelta(days=1)
    return None


def count(rules: Rules, history: History, week_start: int = MONDAY) -> Counts:
    """Recorded check-ins: kept, missed, skipped (pauses are not check-ins), repaired.

    For a measurable commitment "kept" counts days (or weeks/months, for a weekly or
    monthly target) that met the target; a partly kept day is neither kept nor missed,
    and today's amount so far is neither until the day is over. A weekly or monthly
    amount is missed as the jar counts it: each missed check-in, and a period that
    passed its limit (once, even while it runs: it cannot come back under).
    """
    codes = history.code_array
    # Every paused day is a skip, and none of them was a check-in.
    skipped = int(np.count_nonzero(codes == SKIPPED) - np.count_nonzero(history.paused_array))
    if rules.target is None:
        missed = codes == MISSED
        fixed = int(np.count_nonzero(missed & history.repaired_array))
        return Counts(int(np.count_nonzero(codes == KEPT)), int(np.count_nonzero(missed)),
                      skipped, 0, fixed)
    if rules.target.per is not Period.DAY:
        outcomes = [o.outcome for o in judge_occasions(rules, history, week_start)]
        partly = outcomes.count(Outcome.PARTLY)
        track = jar_track(rules, history, week_start)
        fixed = int(track.repaired.sum())
        missed = int(track.missed.sum()) + fixed
        return Counts(outcomes.count(Outcome.KEPT), missed, skipped, partly, fixed)
    states = settled_day_states(rules, history)
    return Counts(
        kept=states.count(DayState.KEPT),
        missed=states.count(DayState.MISSED) + states.count(DayState.REPAIRED),
        skipped=skipped,
        partly=states.count(DayState.PARTLY),
        repaired=states.count(DayState.REPAIRED),
    )


@dataclass(frozen=True, slots=True)
class Progress:
    """How far the span holding a day has come: "2 of 3 this week", "12 of 20 pages"."""

    done: float
    needed: float  # the target, or the limit of an at-most commitment
    span: str  # "today", "this/that week", "this/that month", "in the last 5 days" (a key:
    # in English whatever the language, for --json and comparisons; ``span_words`` says it)
    at_most: bool = False

    @property
    def met(self) -> bool:
        """Reached the target, or (at most) still within the limit."""
        if self.at_most:
            return self.done <= self.needed
        return self.done >= self.needed

    def describe(self, unit: str = "") -> str:
        """The span in words, as Today and `selftrust list` both say it: "2 of 3 this
        week", "9.5 of 15 km this week". Past the target a person says the span is done
        and how often ("done this week (3 times)", "done this week (17 km)"), never
        "3 of 1"; past a limit, the amount and the limit ("12 cups this month (limit 10)").
        """
        done = format_amount(self.done)
        span = span_words(self.span)
        if self.done > self.needed:
            if self.at_most:
                limit = format_share(self.needed)
                if unit:
                    # TRANSLATORS: past a limit: "12 cups this month (limit 10)"; {span} is
                    # a time ("this month", "today"), {unit} the person's own word.
                    return _("{done} {unit} {span} (limit {limit})").format(
                        done=done, unit=unit, span=span, limit=limit)
                # TRANSLATORS: past a limit, with no unit: "3 this week (limit 2)".
                return _("{done} {span} (limit {limit})").format(
                    done=done, span=span, limit=limit)
            if unit:
                # TRANSLATORS: past a target: "done this week (17 km)"; {span} is a time
                # ("this week", "in the last 5 days"), {unit} the person's own word.
                return _("done {span} ({done} {unit})").format(span=span, done=done, unit=unit)
            times = round(self.done)
            # TRANSLATORS: past a target: "done this week (3 times)"; {span} is a time
            # ("this week", "in the last 5 days").
            return ngettext("done {span} ({times} time)", "done {span} ({times} times)",
                            times).format(span=span, times=formats.number(times))
        needed = format_share(self.needed)
        if unit:
            # TRANSLATORS: on the way to a target: "9.5 of 15 km this week"; {span} is
            # a time ("this week", "today"), {unit} the person's own word.
            return _("{done} of {needed} {unit} {span}").format(
                done=done, needed=needed, unit=unit, span=span)
        # TRANSLATORS: on the way to a target: "2 of 3 this week"; {span} is a time
        # ("this week", "in the last 5 days").
        return _("{done} of {needed} {span}").format(done=done, needed=needed, span=span)


_IN_THE_LAST = re.compile(r"^in the last (\d+) days$")


def span_words(span: str) -> str:
    """A progress span ("this week", "in the last 5 days", see ``Progress.span``) in the
    person's language: a time phrase that a sentence holds whole."""
    # TRANSLATORS: the time a progress counts, inside a line such as "2 of 3 this week".
    words = {
        "today": pgettext("progress span", "today"),
        "this week": pgettext("progress span", "this week"),
        "this month": pgettext("progress span", "this month"),
        # a week or month gone by, seen from one of its days
        "that week": pgettext("progress span", "that week"),
        "that month": pgettext("progress span", "that month"),
    }
    if span in words:
        return words[span]
    last = _IN_THE_LAST.match(span)
    if last is None:
        return span
    days = int(last.group(1))
    return ngettext("in the last {days} day", "in the last {days} days", days).format(
        days=formats.number(days))


def progress(rules: Rules, history: History, week_start: int = MONDAY) -> Progress | None:
    """Progress of the span ending on the history's last day; None for a plain yes/no day."""
    if history.size == 0:
        return None
    end = history.end
    schedule = rules.schedule
    target = rules.target
    codes, values = history.codes, history.values
    if target is not None and target.per is Period.DAY:
        i = history.size - 1
        done = values[i] if codes[i] == KEPT else 0.0
        return Progress(done, target.amount, "today", target.at_most)
    if schedule.kind is ScheduleKind.IN_DAYS:
        # The trailing window, asking what its streak rule asks: min(N, M - skipped).
        window = codes[max(0, history.size - schedule.days):]
        needed = min(schedule.times, schedule.days - window.count(SKIPPED))
        return Progress(window.count(KEPT), needed, f"in the last {schedule.days} days")
    period = rules.period
    if period is None:
        return None
    occasion = judge_period(rules, history, *period_bounds(end, period, week_start))
    at_most = target is not None and target.at_most
    return Progress(occasion.done, occasion.needed, f"this {period.value}", at_most)


def history_start(created_on: date, first_checkin: date | None) -> date:
    """Scoring starts on the commitment's start day, or earlier if it was back-filled."""
    if first_checkin is not None and first_checkin < created_on:
        return first_checkin
    return created_on


def yesterday(day: date) -> date:
    return day - timedelta(days=1)
