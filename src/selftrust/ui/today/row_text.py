"""The words a Today row and its header use, kept apart from painting so they can be
read, tested and reused (tooltips, accessible text) without a widget.

The tone is a companion's: "not kept", never "failed"; a streak of nought says nothing.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from selftrust.base.words import counted
from selftrust.domain.commitment import format_amount
from selftrust.domain.days import Period, period_bounds
from selftrust.domain.history import Status
from selftrust.domain.occasions import DayState
from selftrust.services.dashboard import DayItem

FUTURE_LINE = "This day hasn't come yet — you can check in when it arrives."
REFLECT_OFFER = "Not kept — that's all right. Want to reflect on this?"


def day_title(day: date) -> str:
    """"Tuesday 24 November": the weekday first, as people say a day aloud."""
    return f"{day:%A} {day.day} {day:%B}"


def day_title_with_year(day: date, today: date) -> str:
    title = day_title(day)
    return title if day.year == today.year else f"{title} {day.year}"


def relative_day(day: date, today: date) -> str:
    """"Today", "Yesterday", "Tomorrow", or "" when none fits."""
    if day == today:
        return "Today"
    if day == today - timedelta(days=1):
        return "Yesterday"
    if day == today + timedelta(days=1):
        return "Tomorrow"
    return ""


def streak_text(item: DayItem) -> str:
    """"12-day streak", "3-week streak", "5 times in a row" (a weekday promise counts its
    kept occasions); nothing for no streak (no scolding zeros)."""
    n = item.current_streak
    if n <= 0:
        return ""
    if item.streak_unit == "time":
        return f"{counted(n, 'time')} in a row"
    return f"{n:,}-{item.streak_unit} streak"


def amount_text(value: float, unit: str) -> str:
    return f"{format_amount(value)} {unit}".strip()


def progress_text(item: DayItem) -> str:
    """"2 of 3 this week", "12 / 20 pages", "9.5 of 15 km this week", "done this week
    (3 times)", or ""."""
    target = item.commitment.rules.target
    prog = item.progress
    if target is not None:
        unit = target.unit
        if target.per is Period.DAY:
            done = item.value if item.value is not None else None
            if done is None and item.status is not Status.KEPT:
                return f"— / {amount_text(target.amount, unit)}"
            return f"{format_amount(done or 0.0)} / {amount_text(target.amount, unit)}"
        if prog is None:
            return f"{amount_text(target.amount, unit)} {target.per.value}ly"
        return prog.describe(unit)
    return "" if prog is None else prog.describe()


def scaled_reason(item: DayItem) -> str:
    """Why a weekly or monthly amount asks less than its target, in plain words.

    The rules ask a period's share of the target for the days it could be kept: a first
    week that began mid-week ("a short first week: 3 of 7 days"), or planned rest.
    """
    target, prog = item.commitment.rules.target, item.progress
    if target is None or prog is None or target.at_most or prog.needed >= target.amount:
        return ""
    first, last = period_bounds(item.day, target.per, item.week_start)
    start = item.commitment.created_on
    if first < start <= last:
        days = (last - start).days + 1
        return f"a short first {target.per.value}: {days} of {(last - first).days + 1} days"
    return "rest days ask less"


def resting_text(item: DayItem) -> str:
    """"Resting until Sunday 29 November": the last day of the pause holding the day."""
    for pause in item.commitment.rules.pauses:
        if pause.covers(item.day):
            return f"Resting until {day_title_with_year(pause.end, item.day)}"
    return "Resting"


def status_words(item: DayItem) -> str:
    """The state in words, beside the check circle."""
    state = item.state
    if item.status is Status.KEPT:
        if state is DayState.OPEN:
            return "on the way"  # a weekly or monthly amount, its target not reached yet
        if state is DayState.PARTLY:
            return "partly kept"
        if state is DayState.MISSED:
            return "over the limit" if _at_most(item) else "not kept"
        return "kept"
    if item.status is Status.MISSED:
        return "not kept · reflected" if item.repaired else "not kept"
    if item.status is Status.SKIPPED:
        return "skipped"
    if state is DayState.PAUSED:
        return "resting"
    if not item.checkable:
        return "not yet"
    if state is DayState.UNMARKED:
        return "not marked"
    if done_for_the_period(item):
        span = item.progress.span if item.progress else ""
        return f"done {span}" if span.startswith(("this ", "that ")) else "on track"
    return ""


def done_for_the_period(item: DayItem) -> bool:
    """An unmarked day of a flexible promise whose week (month, window) is already met:
    nothing is owed today, so it is neither counted nor shown as open."""
    prog = item.progress
    return bool(item.status is None and item.figures and prog is not None
                and prog.span != "today" and prog.met)


def _at_most(item: DayItem) -> bool:
    target = item.commitment.rules.target
    return bool(target and target.at_most)


def detail_parts(item: DayItem) -> list[str]:
    """The second line of a row, part by part."""
    parts = [item.schedule_hint]
    if item.state is DayState.PAUSED:
        return [*parts, resting_text(item)]
    if not item.figures:  # still loading: the day's own amount only, no guesses
        target = item.commitment.rules.target
        if target is not None and target.per is Period.DAY:
            parts.append(progress_text(item))
        return parts
    prog = progress_text(item)
    if prog:
        parts.append(prog)
    scaled = scaled_reason(item)
    if scaled:
        parts.append(scaled)
    streak = streak_text(item)
    if streak:
        parts.append(streak)
    return [p for p in parts if p]


def accessible_text(item: DayItem) -> str:
    """What a screen reader says for a row: everything the eye sees, in one sentence."""
    words = status_words(item) or "not marked yet"
    parts = [item.title, words, *detail_parts(item)]
    if item.note:
        parts.append(f"note: {item.note}")
    return ", ".join(parts)


def summary_line(items: list[DayItem], day: date, today: date) -> str:
    """A calm count for the header: "2 of 5 kept today · 1 done this week · 1 resting".

    Rows that owe nothing that day are not counted, and the header names them in the
    words the rows themselves show, so every row under it is accounted for.
    """
    if not items:
        return ""
    when = {"Today": " today", "Yesterday": " yesterday"}.get(relative_day(day, today), "")
    resting = sum(1 for i in items if i.status is Status.SKIPPED or i.state is DayState.PAUSED)
    rest = f" · {resting} resting" if resting else ""
    if day > today:  # rest planned for that day is not waiting for it
        n = len(items) - resting
        if n == 0:
            return "A day of rest"
        return f"{counted(n, 'promise')} waiting for that day{rest}"
    done_early = [status_words(i) for i in items if done_for_the_period(i)]
    aside = "".join(f" · {n} {words}" for words, n in Counter(done_early).items()) + rest
    counted_rows = len(items) - resting - len(done_early)
    kept = sum(1 for i in items if i.state is DayState.KEPT and i.status is not None)
    if counted_rows == 0:
        if done_early:
            return f"Nothing left to keep{when}{aside}"
        return f"A day of rest{when}" if len(items) > 1 or when else "A day of rest"
    if kept == counted_rows:
        everything = "Both" if counted_rows == 2 else f"All {counted_rows}"
        if counted_rows == 1:
            everything = "The one promise"
        return f"{everything} kept{when}{aside}"
    return f"{kept} of {counted_rows} kept{when}{aside}"


def value_for_editor(item: DayItem) -> float | None:
    """The inline editor's first amount: what the day has, else the day's goal; None
    (an empty field) for a weekly or monthly amount with nothing recorded that day, whose
    target is the period's, never one day's."""
    if item.value is not None:
        return item.value
    target = item.commitment.rules.target
    if target is None or target.at_most:
        return 0.0
    if target.per is Period.DAY:
        return target.amount
    return None
