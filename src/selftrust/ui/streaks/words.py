"""The Streaks view's words: lengths, date spans and what a day's mark means.

Kept apart from the widgets so the calendar's tooltip, its accessible text and the
legend always say the same thing, in the same warm voice — in the person's language:
every count through ``ngettext`` (a run is "1 day" or "12 days", and some languages
have more forms), every date through ``base.formats``.
"""

from __future__ import annotations

from datetime import date, timedelta

from selftrust.base import formats, i18n
from selftrust.base.bidi import isolate
from selftrust.base.i18n import _, ngettext, npgettext, pgettext
from selftrust.domain.commitment import Target
from selftrust.domain.occasions import DayState
from selftrust.domain.streaks import Streak
from selftrust.services.calendar import DayInfo, StreakDetails
from selftrust.services.streak_units import streak_length


def state_words(state: DayState) -> str:
    """A day's state in full, as the tooltip and the screen reader say it."""
    words = {
        DayState.KEPT: pgettext("day state", "Kept"),
        DayState.PARTLY: pgettext("day state", "Partly kept"),
        DayState.MISSED: pgettext("day state", "Not kept"),
        DayState.REPAIRED: pgettext("day state", "Not kept, and repaired with a reflection"),
        DayState.SKIPPED: pgettext("day state", "Skipped"),
        DayState.PAUSED: pgettext("day state", "Paused: planned rest"),
        DayState.UNMARKED: pgettext("day state", "Nothing marked"),
        DayState.OPEN: pgettext("day state", "Open: nothing owed yet"),
        DayState.NOT_DUE: pgettext("day state", "Not due"),
    }
    return words[state]


def legend_word(state: DayState) -> str:
    """A mark's short name beside it in the legend."""
    words = {
        DayState.KEPT: pgettext("day state", "Kept"),
        DayState.PARTLY: pgettext("day state", "Partly kept"),
        DayState.MISSED: pgettext("day state", "Not kept"),
        DayState.REPAIRED: pgettext("day state", "Repaired"),
        DayState.SKIPPED: pgettext("day state", "Skipped"),
        DayState.PAUSED: pgettext("day state", "Paused"),
        DayState.UNMARKED: pgettext("day state", "Not marked"),
        DayState.OPEN: pgettext("day state", "Open"),
        DayState.NOT_DUE: pgettext("day state", "Not due"),
    }
    return words[state]


def legend_tip(state: DayState) -> str:
    """What a mark looks like and means, for the legend's tooltip."""
    tips = {
        DayState.KEPT: _("A filled circle: the promise was kept."),
        DayState.PARTLY: _("A half-filled circle: some of the amount, not all of it."),
        DayState.MISSED: _("A plain ring: not kept that day."),
        DayState.REPAIRED: _("A gold ring with a stitch: not kept, then mended with a "
                             "reflection."),
        DayState.SKIPPED: _("A short dash: a rest day you chose; it neither breaks nor adds."),
        DayState.PAUSED: _("Two small bars: a planned pause (holiday, illness)."),
        DayState.UNMARKED: _("A dotted ring: a past day nobody marked."),
        DayState.OPEN: _("Just the number: nothing owed yet (today, or a flexible schedule)."),
        DayState.NOT_DUE: _("A faint dot: the schedule does not ask for this day."),
    }
    return tips[state]


def length(n: int, unit: str = "day") -> str:
    """12 days, 11 times (a weekday promise counts occasions, not days), 1 week, 2 months:
    the services' words for a run, as the charts and the CLI say it too."""
    return streak_length(n, unit)


def in_a_row(n: int, unit: str = "day") -> str:
    """11 days in a row, 11 times in a row: what a run counts, said in full."""
    count = formats.number(n)
    if unit == "time":
        return ngettext("{n} time in a row", "{n} times in a row", n).format(n=count)
    if unit == "week":
        return ngettext("{n} week in a row", "{n} weeks in a row", n).format(n=count)
    if unit == "month":
        return ngettext("{n} month in a row", "{n} months in a row", n).format(n=count)
    return ngettext("{n} day in a row", "{n} days in a row", n).format(n=count)


def caption(n: int, unit: str = "day", *, running: bool = False) -> str:
    """The words under a big number, agreeing with it: "days", "days in a row"."""
    # The number itself is shown apart, bigger, just before these words.
    if running:
        if unit == "time":
            return npgettext("caption beside a number", "time in a row", "times in a row", n)
        if unit == "week":
            return npgettext("caption beside a number", "week in a row", "weeks in a row", n)
        if unit == "month":
            return npgettext("caption beside a number", "month in a row", "months in a row", n)
        return npgettext("caption beside a number", "day in a row", "days in a row", n)
    if unit == "time":
        return npgettext("caption beside a number", "time", "times", n)
    if unit == "week":
        return npgettext("caption beside a number", "week", "weeks", n)
    if unit == "month":
        return npgettext("caption beside a number", "month", "months", n)
    return npgettext("caption beside a number", "day", "days", n)


def short_day(d: date, *, year: bool = True) -> str:
    """3 Mar 2026 (or 3 Mar)."""
    return formats.short_date(d) if year else formats.short_day_month(d)


def long_day(d: date) -> str:
    """Tuesday, 24 November 2026."""
    return formats.day_title_with_year(d)


def span(first: date, last: date) -> str:
    """3 Mar – 12 Apr 2026, 3 – 5 Sept 2026: nothing said twice that need not be (the
    language's own way of writing a span of days, from CLDR)."""
    if first == last:
        return short_day(first)
    from babel.dates import format_interval

    text = format_interval(first, last, "yMMMd", locale=formats.locale())
    return i18n.pseudo(text) if i18n.is_pseudo() else text


def streak_text(streak: Streak, unit: str) -> str:
    """41 days, 3 Mar – 12 Apr 2026."""
    # TRANSLATORS: a run: its length ("41 days") and its days ("3 Mar – 12 Apr 2026")
    return _("{length}, {span}").format(length=length(streak.length, unit),
                                        span=span(streak.start, streak.end))


def amount_text(info: DayInfo, target: Target | None) -> str:
    """12 pages, or 4 of 10 pages when the day fell short of its daily target."""
    if target is None or info.value is None:
        return ""
    value = formats.decimal(info.value, 2)
    unit = isolate(target.unit)
    if info.state is DayState.PARTLY:
        goal = formats.decimal(target.amount, 2)
        if unit:
            # TRANSLATORS: an amount short of its target ("4 of 10 pages"); {unit} is
            # the person's own word for what they count
            return _("{value} of {target} {unit}").format(value=value, target=goal, unit=unit)
        return _("{value} of {target}").format(value=value, target=goal)
    if unit:
        # TRANSLATORS: an amount ("12 pages"); {unit} is the person's own word
        return _("{value} {unit}").format(value=value, unit=unit)
    return value


def day_parts(d: date, info: DayInfo | None, today: date,
              target: Target | None) -> tuple[str, str]:
    """The day, and what it holds: the two parts of the tooltip's first lines."""
    when = long_day(d)
    if d == today:
        # TRANSLATORS: {day} is a date such as "Tuesday, 24 November 2026"
        when = _("Today, {day}").format(day=when)
    if info is None:
        if d > today:
            return when, pgettext("calendar day", "Still to come")
        return when, pgettext("calendar day", "Before this promise began")
    words = state_words(info.state)
    if info.state is DayState.OPEN and d == today:
        words = pgettext("calendar day", "Still open today")
    amount = amount_text(info, target)
    if amount:
        # TRANSLATORS: a day's state and its amount ("Partly kept, 4 of 10 pages")
        words = _("{state}, {amount}").format(state=words, amount=amount)
    return when, words


def day_words(d: date, info: DayInfo | None, today: date, target: Target | None) -> str:
    """One line for screen readers and the tooltip: the day and what it holds."""
    when, what = day_parts(d, info, today, target)
    # TRANSLATORS: a calendar day and what it holds ("Tuesday, 24 November 2026: Kept")
    return _("{day}: {state}").format(day=when, state=what)


def first_due(d: StreakDetails) -> date | None:
    """The first day the promise is due, when that is still to come (a promise for
    tomorrow, a Mon/Wed/Fri one begun on a Tuesday); None once one has come."""
    schedule = d.commitment.rules.schedule
    day = d.start
    while day <= d.end:
        if schedule.is_occasion(day):
            return None
        day += timedelta(days=1)
    for _day in range(366):
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
        return _("Starts tomorrow")
    when = formats.short_day(day) if day.year == d.end.year else formats.skeleton(day, "yMMMEd")
    # TRANSLATORS: when a new promise's first day comes ("Starts Fri 27 Nov")
    return _("Starts {day}").format(day=when)


def _over_the_limit(unit: str, day: date) -> str:
    if unit == "month":
        return _("Over the limit this month, so it counts as not kept. "
                 "A fresh start comes on {day}.").format(day=long_day(day))
    if unit == "week":
        return _("Over the limit this week, so it counts as not kept. "
                 "A fresh start comes on {day}.").format(day=long_day(day))
    return _("Over the limit, so it counts as not kept. "
             "A fresh start comes on {day}.").format(day=long_day(day))


def over_the_limit(unit: str) -> str:
    """The row's short word for a period already over its at-most limit."""
    if unit == "month":
        return _("Over the limit this month")
    if unit == "week":
        return _("Over the limit this week")
    return _("Over the limit")


def warm_line(d: StreakDetails) -> str:
    """The sentence under the big numbers: encouraging, never judging."""
    due = None if d.commitment.archived else first_due(d)
    if due is not None and due == d.end + timedelta(days=1):
        # TRANSLATORS: {day} is a date such as "Wednesday, 25 November 2026"
        return _("This promise begins tomorrow, {day}.").format(day=long_day(due))
    if due is not None:
        return _("This promise begins on {day}.").format(day=long_day(due))
    if not d.begun:
        return _("This promise begins on {day}.").format(day=long_day(d.start))
    best, current = d.best, d.current
    archived = d.commitment.archived_on
    if archived is not None:
        if best:
            # TRANSLATORS: {run} is the longest run, "2 days, 19 – 20 Nov 2026"
            return _("Archived on {day}; its history stays. Longest run: {run}.").format(
                day=long_day(archived), run=streak_text(best, d.unit))
        return _("Archived on {day}; its history stays.").format(day=long_day(archived))
    if d.first_day:
        return _("Your first day — every streak starts with one.")
    if d.lapsed_until is not None:
        return _over_the_limit(d.unit, d.lapsed_until)
    if best is None:
        return _("No run yet — the next kept day starts one.")
    if current is not None and current == best and current.length > 1:
        # TRANSLATORS: {length} is a run such as "12 days"
        return _("This is your longest run yet: {length} and counting.").format(
            length=length(current.length, d.unit))
    run = streak_text(best, d.unit)
    if current is None:
        return _("Your longest run: {run}. Every streak starts again with one kept day.").format(
            run=run)
    return _("Your longest run: {run}.").format(run=run)
