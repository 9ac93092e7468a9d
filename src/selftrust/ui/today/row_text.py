"""The words a Today row and its header use, kept apart from painting so they can be
read, tested and reused (tooltips, accessible text) without a widget.

The tone is a companion's: "not kept", never "failed"; a streak of nought says nothing.
Every sentence is whole in the catalogue (no sentence is built from translated pieces);
the numbers and the heading's date are written by ``first_paint``, which keeps Babel off
the first paint.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from selftrust.base import formats
from selftrust.base.bidi import isolate
from selftrust.base.i18n import N_, _, ngettext, pgettext
from selftrust.domain.days import Period, period_bounds
from selftrust.domain.history import Status
from selftrust.domain.occasions import DayState
from selftrust.services.dashboard import DayItem
from selftrust.ui.today import first_paint

FUTURE_LINE = N_("This day hasn't come yet — you can check in when it arrives.")
REFLECT_OFFER = N_("Not kept — that's all right. Want to reflect on this?")


def day_title(day: date) -> str:
    """"Tuesday 24 November": the weekday first, as people say a day aloud."""
    return first_paint.day_title(day)


def day_title_with_year(day: date, today: date) -> str:
    """The heading of ``day``, with its year when that is not this year's."""
    return day_title(day) if day.year == today.year else formats.day_title_with_year(day)


def relative_day(day: date, today: date) -> str:
    """"Today", "Yesterday", "Tomorrow", or "" when none fits."""
    if day == today:
        return pgettext("the shown day", "Today")
    if day == today - timedelta(days=1):
        return pgettext("the shown day", "Yesterday")
    if day == today + timedelta(days=1):
        return pgettext("the shown day", "Tomorrow")
    return ""


def streak_text(item: DayItem) -> str:
    """"12-day streak", "3-week streak", "5 times in a row" (a weekday promise counts its
    kept occasions); nothing for no streak (no scolding zeros)."""
    n = item.current_streak
    if n <= 0:
        return ""
    if item.streak_unit == "time":
        text = ngettext("{n} time in a row", "{n} times in a row", n)
    elif item.streak_unit == "week":
        text = ngettext("{n}-week streak", "{n}-week streak", n)
    elif item.streak_unit == "month":
        text = ngettext("{n}-month streak", "{n}-month streak", n)
    else:
        text = ngettext("{n}-day streak", "{n}-day streak", n)
    return text.format(n=first_paint.number(n))


def amount_text(value: float, unit: str) -> str:
    """"12 pages": an amount and the unit the person chose."""
    amount = first_paint.amount(value)
    if not unit:
        return amount
    # TRANSLATORS: an amount and the unit the person chose for it ("20 pages", "9.5 km").
    return _("{amount} {unit}").format(amount=amount, unit=unit)


def progress_text(item: DayItem) -> str:
    """"2 of 3 this week", "12 / 20 pages", "9.5 of 15 km this week", "done this week
    (3 times)", or ""."""
    target = item.commitment.rules.target
    prog = item.progress
    if target is not None:
        unit = target.unit
        if target.per is Period.DAY:
            goal = amount_text(target.amount, unit)
            if item.value is None and item.status is not Status.KEPT:
                # TRANSLATORS: nothing recorded yet against a day's target ("— / 20 pages").
                return _("— / {goal}").format(goal=goal)
            # TRANSLATORS: the day's amount against its target ("3 / 6 glasses").
            return _("{done} / {goal}").format(done=first_paint.amount(item.value or 0.0),
                                               goal=goal)
        if prog is None:
            amount = amount_text(target.amount, unit)
            if target.per is Period.WEEK:
                return _("{amount} weekly").format(amount=amount)
            return _("{amount} monthly").format(amount=amount)
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
        total = (last - first).days + 1
        if target.per is Period.WEEK:
            text = ngettext("a short first week: {days} of {total} day",
                            "a short first week: {days} of {total} days", total)
        else:
            text = ngettext("a short first month: {days} of {total} day",
                            "a short first month: {days} of {total} days", total)
        return text.format(days=first_paint.number(days), total=first_paint.number(total))
    return _("rest days ask less")


def resting_text(item: DayItem) -> str:
    """"Resting until Sunday 29 November": the last day of the pause holding the day."""
    for pause in item.commitment.rules.pauses:
        if pause.covers(item.day):
            # TRANSLATORS: a row on a day of planned rest; {day} is the pause's last day.
            return _("Resting until {day}").format(
                day=day_title_with_year(pause.end, item.day))
    return _("Resting")


def _span(item: DayItem) -> str:
    """Which period a flexible promise is done for: "this week", "that month", or
    "" for a rolling window ("in the last 5 days"); the progress names it in English
    (it is what ``selftrust list --json`` writes), the words below translate it."""
    span = item.progress.span if item.progress else ""
    return span if span in ("this week", "this month", "that week", "that month") else ""


def _done_words(span: str) -> str:
    return {
        "this week": pgettext("row state", "done this week"),
        "this month": pgettext("row state", "done this month"),
        "that week": pgettext("row state", "done that week"),
        "that month": pgettext("row state", "done that month"),
    }.get(span) or pgettext("row state", "on track")


def _done_count(span: str, n: int) -> str:
    """"2 done this week": rows the header sets aside, in the words the rows show."""
    if span == "this week":
        text = ngettext("{n} done this week", "{n} done this week", n)
    elif span == "this month":
        text = ngettext("{n} done this month", "{n} done this month", n)
    elif span == "that week":
        text = ngettext("{n} done that week", "{n} done that week", n)
    elif span == "that month":
        text = ngettext("{n} done that month", "{n} done that month", n)
    else:
        text = ngettext("{n} on track", "{n} on track", n)
    return text.format(n=first_paint.number(n))


def status_words(item: DayItem) -> str:
    """The state in words, beside the check circle."""
    state = item.state
    if item.status is Status.KEPT:
        if state is DayState.OPEN:
            # a weekly or monthly amount, its target not reached yet
            return pgettext("row state", "on the way")
        if state is DayState.PARTLY:
            return pgettext("row state", "partly kept")
        if state is DayState.MISSED:
            if _at_most(item):
                return pgettext("row state", "over the limit")
            return pgettext("row state", "not kept")
        return pgettext("row state", "kept")
    if item.status is Status.MISSED:
        if item.repaired:
            return pgettext("row state", "not kept · reflected")
        return pgettext("row state", "not kept")
    if item.status is Status.SKIPPED:
        return pgettext("row state", "skipped")
    if state is DayState.PAUSED:
        return pgettext("row state", "resting")
    if not item.checkable:
        return pgettext("row state", "not yet")
    if state is DayState.UNMARKED:
        return pgettext("row state", "not marked")
    if done_for_the_period(item):
        return _done_words(_span(item))
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
    words = status_words(item) or pgettext("row state", "not marked yet")
    parts = [isolate(item.title), words, *detail_parts(item)]
    if item.note:
        # TRANSLATORS: the end of a row's description for screen readers and its tooltip.
        parts.append(_("note: {note}").format(note=isolate(item.note)))
    # TRANSLATORS: what separates the parts of a row's description ("Walk, kept, …").
    return pgettext("list separator", ", ").join(parts)


def summary_line(items: list[DayItem], day: date, today: date) -> str:
    """A calm count for the header: "2 of 5 kept today · 1 done this week · 1 resting".

    Rows that owe nothing that day are not counted, and the header names them in the
    words the rows themselves show, so every row under it is accounted for.
    """
    if not items:
        return ""
    when = "today" if day == today else "yesterday" if day == today - timedelta(days=1) else ""
    resting = sum(1 for i in items if i.status is Status.SKIPPED or i.state is DayState.PAUSED)
    rest = [ngettext("{n} resting", "{n} resting", resting).format(
        n=first_paint.number(resting))] if resting else []
    if day > today:  # rest planned for that day is not waiting for it
        n = len(items) - resting
        if n == 0:
            return _("A day of rest")
        waiting = ngettext("{n} promise waiting for that day",
                           "{n} promises waiting for that day", n)
        return _aside(waiting.format(n=first_paint.number(n)), rest)
    done_early = Counter(_span(i) for i in items if done_for_the_period(i))
    aside = [_done_count(span, n) for span, n in done_early.items()] + rest
    counted_rows = len(items) - resting - sum(done_early.values())
    kept = sum(1 for i in items if i.state is DayState.KEPT and i.status is not None)
    if counted_rows == 0:
        if done_early:
            return _aside(_nothing_left(when), aside)
        return _day_of_rest(when)
    if kept == counted_rows:
        return _aside(_all_kept(counted_rows, when), aside)
    return _aside(_some_kept(kept, counted_rows, when), aside)


def _aside(head: str, parts: list[str]) -> str:
    """The header's sentence, then what it sets aside: "… · 1 done this week"."""
    return " · ".join([head, *parts])


def _day_of_rest(when: str) -> str:
    if when == "today":
        return _("A day of rest today")
    if when == "yesterday":
        return _("A day of rest yesterday")
    return _("A day of rest")


def _nothing_left(when: str) -> str:
    if when == "today":
        return _("Nothing left to keep today")
    if when == "yesterday":
        return _("Nothing left to keep yesterday")
    return _("Nothing left to keep")


def _all_kept(n: int, when: str) -> str:
    """"Both kept today", "All 4 kept", "The one promise kept yesterday"."""
    if n == 1:
        if when == "today":
            return _("The one promise kept today")
        if when == "yesterday":
            return _("The one promise kept yesterday")
        return _("The one promise kept")
    if n == 2:
        if when == "today":
            return _("Both kept today")
        if when == "yesterday":
            return _("Both kept yesterday")
        return _("Both kept")
    if when == "today":
        text = ngettext("All {n} kept today", "All {n} kept today", n)
    elif when == "yesterday":
        text = ngettext("All {n} kept yesterday", "All {n} kept yesterday", n)
    else:
        text = ngettext("All {n} kept", "All {n} kept", n)
    return text.format(n=first_paint.number(n))


def _some_kept(kept: int, n: int, when: str) -> str:
    """"2 of 5 kept today"."""
    if when == "today":
        text = ngettext("{kept} of {n} kept today", "{kept} of {n} kept today", n)
    elif when == "yesterday":
        text = ngettext("{kept} of {n} kept yesterday", "{kept} of {n} kept yesterday", n)
    else:
        text = ngettext("{kept} of {n} kept", "{kept} of {n} kept", n)
    return text.format(kept=first_paint.number(kept), n=first_paint.number(n))


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
