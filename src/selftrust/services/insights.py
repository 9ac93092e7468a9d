"""Insights: a few plain sentences read from the user's own figures.

Each sentence comes from one small pure function that returns ``None`` unless its
claim is plainly true and worth saying: "most" means more than half, a change is
only mentioned when it is big enough to feel, and nothing is said about a handful
of days. Words are kind: a dip is a dip, never a failure.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from selftrust.base import formats
from selftrust.base.bidi import isolate
from selftrust.base.i18n import _, ngettext, pgettext


class Topic(StrEnum):
    """What a sentence is about. Each chart leads with the one about what it draws, and
    a screen reader hears that one as the chart's description."""

    REPAIRS = "repairs"
    WEEKDAYS = "weekdays"
    STRENGTH = "strength"
    STREAK = "streak"
    JAR = "jar"
    KEPT = "kept"


ORDER: tuple[Topic, ...] = tuple(Topic)
"""The order the sentences are said in when no chart leads."""


def led_by(lines: Sequence[str | None], lead: Topic | None, limit: int) -> list[str]:
    """The sentences worth saying (one per topic, in ORDER), ``lead``'s first if it has
    one: under a chart, the sentence about that chart is read first and never cut."""
    said = [(topic, line) for topic, line in zip(ORDER, lines, strict=True) if line]
    said.sort(key=lambda pair: pair[0] is not lead)  # stable: the others keep their order
    return [line for _topic, line in said][:limit]


MIN_MISSES_FOR_PATTERN = 6
"""Fewer misses than this say nothing about weekdays."""

MIN_STRENGTH_POINTS = 5
"""A strength change smaller than this (in points of 100) is noise."""


def weekdays_plural(weekday: int) -> str:
    """"Mondays": the weekday as misses "fall on" it (0 = Monday)."""
    # TRANSLATORS: a weekday in the plural, as in "Most of your misses of “Walk” fall on
    # Mondays" (German: "montags", Spanish: "los lunes").
    names = (
        pgettext("misses fall on", "Mondays"),
        pgettext("misses fall on", "Tuesdays"),
        pgettext("misses fall on", "Wednesdays"),
        pgettext("misses fall on", "Thursdays"),
        pgettext("misses fall on", "Fridays"),
        pgettext("misses fall on", "Saturdays"),
        pgettext("misses fall on", "Sundays"),
    )
    return names[weekday]


def weekday_misses(title: str, missed: Sequence[int]) -> str | None:
    """Which weekday holds the misses of one commitment (``missed`` is Monday first).

    "Most" only when one weekday holds more than half of them; otherwise only a
    weekday with clearly more misses than any other (half as many again) is named.
    """
    if len(missed) != 7:
        raise ValueError("missed needs one count per weekday, Monday first")
    total = sum(missed)
    if total < MIN_MISSES_FOR_PATTERN:
        return None
    ranked = sorted(range(7), key=lambda i: missed[i], reverse=True)
    top, second = ranked[0], ranked[1]
    days = weekdays_plural(top)
    if missed[top] * 2 > total:
        # TRANSLATORS: {title} is a commitment's title; {weekdays} is e.g. "Mondays".
        return _("Most of your misses of “{title}” fall on {weekdays}.").format(
            title=isolate(title), weekdays=days)
    if missed[top] >= 1.5 * missed[second] and missed[top] >= 3:
        # TRANSLATORS: {weekdays} is e.g. "Mondays"; "({count} of {total})": the misses on
        # that weekday of all the misses.
        return ngettext(
            "More of your misses of “{title}” fall on {weekdays} than on any other day "
            "({count} of {total}).",
            "More of your misses of “{title}” fall on {weekdays} than on any other day "
            "({count} of {total}).",
            total,
        ).format(title=isolate(title), weekdays=days, count=formats.number(missed[top]),
                 total=formats.number(total))
    return None


def strength_change(title: str, then: float, now: float, since: date, today: date) -> str | None:
    """How much a commitment's strength moved since a day (strengths are 0–1)."""
    points = round((now - then) * 100)
    if abs(points) < MIN_STRENGTH_POINTS:
        return None
    day = formats.day_month(since) if since.year == today.year else formats.long_date(since)
    if points > 0:
        # TRANSLATORS: strength is a 0–100 score; {day} is "3 March" or "3 March 2025".
        return ngettext(
            "Your strength in “{title}” has grown {n} point since {day}.",
            "Your strength in “{title}” has grown {n} points since {day}.",
            points,
        ).format(title=isolate(title), n=formats.number(points), day=day)
    # TRANSLATORS: strength is a 0–100 score; {day} is "3 March" or "3 March 2025".
    return ngettext(
        "“{title}” has eased {n} point since {day}; every kept day lifts it again.",
        "“{title}” has eased {n} points since {day}; every kept day lifts it again.",
        -points,
    ).format(title=isolate(title), n=formats.number(-points), day=day)


# The insights below end with ``span``, the chart's range in words: "in the last 4
# weeks", "since 3 March 2019" (ChartRange.words), said as a phrase of time.


def repairs(repaired: int, missed: int, span: str) -> str | None:
    """How many misses were turned into lessons by a reflection."""
    if missed <= 0:
        return None
    if repaired == missed:
        if missed == 1:
            # TRANSLATORS: {span} is a stretch of time: "in the last 4 weeks", "since 3 March
            # 2019", "from 1 March 2026 to 20 April 2026".
            return _("You reflected on your one miss {span}: it is repaired.").format(span=span)
        # TRANSLATORS: {span} is a stretch of time: "in the last 4 weeks", "since 3 March 2019".
        return ngettext(
            "You repaired all {n} of your misses {span}.",
            "You repaired all {n} of your misses {span}.",
            missed,
        ).format(n=formats.number(missed), span=span)
    if repaired == 0:
        # TRANSLATORS: {span} is a stretch of time: "in the last 4 weeks", "since 3 March 2019".
        return ngettext(
            "{n} miss {span} is waiting for a reflection; "
            "each one you write brings its marbles back.",
            "{n} misses {span} are waiting for a reflection; "
            "each one you write brings its marbles back.",
            missed,
        ).format(n=formats.number(missed), span=span)
    # TRANSLATORS: {span} is a stretch of time: "in the last 4 weeks", "since 3 March 2019".
    return ngettext(
        "You repaired {repaired} of {n} miss {span}.",
        "You repaired {repaired} of {n} misses {span}.",
        missed,
    ).format(repaired=formats.number(repaired), n=formats.number(missed), span=span)


def jar_change(before: int, after: int, span: str) -> str | None:
    """How the marble jar moved over the range."""
    grown = after - before
    if grown > 0:
        # TRANSLATORS: {span} is a stretch of time: "in the last 4 weeks", "since 3 March
        # 2019"; {total} is the number of marbles in the jar now.
        return ngettext(
            "Your jar grew by {n} marble {span}, to {total}.",
            "Your jar grew by {n} marbles {span}, to {total}.",
            grown,
        ).format(n=formats.number(grown), span=span, total=formats.number(after))
    if grown < 0 and after > 0:
        # TRANSLATORS: {n} marbles in the jar now, {fewer} fewer than at the start of the
        # chart's range.
        return ngettext(
            "Your jar holds {n} marble, {fewer} fewer than at the start; "
            "kept promises fill it again.",
            "Your jar holds {n} marbles, {fewer} fewer than at the start; "
            "kept promises fill it again.",
            after,
        ).format(n=formats.number(after), fewer=formats.number(-grown))
    return None


def longest_streak(title: str, length: int, unit: str, first: date, last: date) -> str | None:
    """The longest run of kept occasions among those the chart shows."""
    if length < 3:
        return None
    n = formats.number(length)
    span = short_span(first, last)
    if unit == "week":
        # TRANSLATORS: {span} is the run's dates: "28 September – 22 November 2026".
        line = ngettext("Longest run: {n} week of “{title}” in a row, {span}.",
                        "Longest run: {n} weeks of “{title}” in a row, {span}.", length)
    elif unit == "month":
        # TRANSLATORS: {span} is the run's dates: "3 March – 2 June 2026".
        line = ngettext("Longest run: {n} month of “{title}” in a row, {span}.",
                        "Longest run: {n} months of “{title}” in a row, {span}.", length)
    elif unit == "time":
        # TRANSLATORS: a run of kept occasions (not every day is due); {span} is the
        # run's dates: "3–29 March 2026".
        line = ngettext("Longest run: {n} time of “{title}” in a row, {span}.",
                        "Longest run: {n} times of “{title}” in a row, {span}.", length)
    else:
        # TRANSLATORS: {span} is the run's dates: "3–29 March 2026".
        line = ngettext("Longest run: {n} day of “{title}” in a row, {span}.",
                        "Longest run: {n} days of “{title}” in a row, {span}.", length)
    return line.format(n=n, title=isolate(title), span=span)


def kept_share(kept: int, due: int, span: str) -> str | None:
    """What share of the promises due in the range were kept."""
    if due < 7:
        return None
    # TRANSLATORS: {span} is a stretch of time: "in the last 4 weeks", "since 3 March
    # 2019"; {share} is a percentage ("86%").
    return ngettext(
        "You kept {kept} of {n} promise {span} ({share}).",
        "You kept {kept} of {n} promises {span} ({share}).",
        due,
    ).format(kept=formats.number(kept), n=formats.number(due), span=span,
             share=formats.percent(kept / due))


def short_span(first: date, last: date) -> str:
    """"3–9 March 2026", "28 September – 22 November 2026", "3 March 2025 – 9 April 2026"."""
    if first.year == last.year:
        if first.month == last.month:
            # TRANSLATORS: days of one month: {first} is the first day's number, {last}
            # the last day with its month and year ("3–9 March 2026").
            return _("{first}–{last}").format(first=formats.number(first.day),
                                             last=formats.long_date(last))
        # TRANSLATORS: two days: {first} is a day and month ("28 September") when both
        # are in one year, else a whole date like {last} ("22 November 2026").
        return _("{first} – {last}").format(first=formats.day_month(first),
                                           last=formats.long_date(last))
    return _("{first} – {last}").format(first=formats.long_date(first),
                                       last=formats.long_date(last))
