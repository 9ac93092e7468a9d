"""The Streaks view's words: lengths, date spans and what a day's mark means.

Kept apart from the widgets so the calendar's tooltip, its accessible text and the
legend always say the same thing, in the same warm voice.
"""

from __future__ import annotations

from datetime import date, timedelta

from selftrust.domain.commitment import Target, format_amount
from selftrust.domain.occasions import DayState
from selftrust.domain.streaks import Streak
from selftrust.services.calendar import DayInfo, StreakDetails

STATE_WORDS: dict[DayState, str] = {
    DayState.KEPT: "Kept",
    DayState.PARTLY: "Partly kept",
    DayState.MISSED: "Not kept",
    DayState.REPAIRED: "Not kept, and repaired with a reflection",
    DayState.SKIPPED: "Skipped",
    DayState.PAUSED: "Paused: planned rest",
    DayState.UNMARKED: "Nothing marked",
    DayState.OPEN: "Open: nothing owed yet",
    DayState.NOT_DUE: "Not due",
}

LEGEND_WORDS: dict[DayState, str] = {
    DayState.KEPT: "Kept",
    DayState.PARTLY: "Partly kept",
    DayState.MISSED: "Not kept",
    DayState.REPAIRED: "Repaired",
    DayState.SKIPPED: "Skipped",
    DayState.PAUSED: "Paused",
    DayState.UNMARKED: "Not marked",
    DayState.OPEN: "Open",
    DayState.NOT_DUE: "Not due",
}

LEGEND_TIPS: dict[DayState, str] = {
    DayState.KEPT: "A filled circle: the promise was kept.",
    DayState.PARTLY: "A half-filled circle: some of the amount, not all of it.",
    DayState.MISSED: "A plain ring: not kept that day.",
    DayState.REPAIRED: "A gold ring with a stitch: not kept, then mended with a reflection.",
    DayState.SKIPPED: "A short dash: a rest day you chose; it neither breaks nor adds.",
    DayState.PAUSED: "Two small bars: a planned pause (holiday, illness).",
    DayState.UNMARKED: "A dotted ring: a past day nobody marked.",
    DayState.OPEN: "Just the number: nothing owed yet (today, or a flexible schedule).",
    DayState.NOT_DUE: "A faint dot: the schedule does not ask for this day.",
}

_UNITS = {"day": ("day", "days"), "time": ("time", "times"), "week": ("week", "weeks"),
          "month": ("month", "months")}


def length(n: int, unit: str = "day") -> str:
    """12 days, 11 times (a weekday promise counts occasions, not days), 1 week, 2 months."""
    one, many = _UNITS.get(unit, (unit, unit + "s"))
    return f"{n:,} {one if n == 1 else many}"


def in_a_row(n: int, unit: str = "day") -> str:
    """11 days in a row, 11 times in a row: what a run counts, said in full."""
    return f"{length(n, unit)} in a row"


def unit_word(n: int, unit: str = "day") -> str:
    """Just the unit, agreeing with n: the caption under a big number."""
    one, many = _UNITS.get(unit, (unit, unit + "s"))
    return one if n == 1 else many


def short_day(d: date, *, year: bool = True) -> str:
    """3 Mar 2026 (no zero padding, on every platform)."""
    return f"{d.day} {d:%b} {d.year}" if year else f"{d.day} {d:%b}"


def long_day(d: date) -> str:
    """Tuesday 24 November 2026."""
    return f"{d:%A} {d.day} {d:%B} {d.year}"


def span(first: date, last: date) -> str:
    """3 Mar – 12 Apr 2026, 3 – 5 Sep 2026: nothing said twice that need not be."""
    if first == last:
        return short_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day} – {short_day(last)}"
    return f"{short_day(first, year=first.year != last.year)} – {short_day(last)}"


def streak_text(streak: Streak, unit: str) -> str:
    """41 days, 3 Mar – 12 Apr 2026."""
    return f"{length(streak.length, unit)}, {span(streak.start, streak.end)}"


def amount_text(info: DayInfo, target: Target | None) -> str:
    """12 pages, or 4 of 10 pages when the day fell short of its daily target."""
    if target is None or info.value is None:
        return ""
    unit = f" {target.unit}" if target.unit else ""
    if info.state is DayState.PARTLY:
        return f"{format_amount(info.value)} of {format_amount(target.amount)}{unit}"
    return f"{format_amount(info.value)}{unit}"


def day_words(d: date, info: DayInfo | None, today: date, target: Target | None) -> str:
    """One line for screen readers and the tooltip: the day and what it holds."""
    when = long_day(d)
    if d == today:
        when = f"Today, {when}"
    if info is None:
        return f"{when}: {'still to come' if d > today else 'before this promise began'}"
    words = STATE_WORDS[info.state]
    if info.state is DayState.OPEN and d == today:
        words = "Still open today"
    amount = amount_text(info, target)
    if amount:
        words = f"{words}, {amount}"
    return f"{when}: {words}"


def first_due(d: StreakDetails) -> date | None:
    """The first day the promise is due, when that is still to come (a promise for
    tomorrow, a Mon/Wed/Fri one begun on a Tuesday); None once one has come."""
    schedule = d.commitment.rules.schedule
    day = d.start
    while day <= d.end:
        if schedule.is_occasion(day):
            return None
        day += timedelta(days=1)
    for _ in range(366):
        if schedule.is_occasion(day):
            return day
        day += timedelta(days=1)
    return None


def starts_words(d: StreakDetails) -> str:
    """"Starts tomorrow", "Starts Fri 27 Nov", or "" once the promise has begun."""
    day = None if d.commitment.archived else first_due(d)
    if day is None:
        return ""
    if day == d.end + timedelta(days=1):
        return "Starts tomorrow"
    return f"Starts {day:%a} {short_day(day, year=day.year != d.end.year)}"


def warm_line(d: StreakDetails) -> str:
    """The sentence under the big numbers: encouraging, never judging."""
    due = None if d.commitment.archived else first_due(d)
    if due is not None and due == d.end + timedelta(days=1):
        return f"This promise begins tomorrow, {long_day(due)}."
    if due is not None:
        return f"This promise begins on {long_day(due)}."
    if not d.begun:
        return f"This promise begins on {long_day(d.start)}."
    best, current = d.best, d.current
    archived = d.commitment.archived_on
    if archived is not None:
        line = f"Archived on {long_day(archived)}; its history stays."
        return f"{line} Longest run: {streak_text(best, d.unit)}." if best else line
    if d.first_day:
        return "Your first day — every streak starts with one."
    if d.lapsed_until is not None:
        return (f"Over the limit this {d.unit}, so it counts as not kept. "
                f"A fresh start comes on {long_day(d.lapsed_until)}.")
    if best is None:
        return "No run yet — the next kept day starts one."
    if current is not None and current == best and current.length > 1:
        return f"This is your longest run yet: {length(current.length, d.unit)} and counting."
    line = f"Your longest run: {streak_text(best, d.unit)}."
    if current is None:
        line += " Every streak starts again with one kept day."
    return line
