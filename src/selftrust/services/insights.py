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

from selftrust.base.words import counted
from selftrust.domain.days import WEEKDAY_TITLES
from selftrust.services.chart_range import long_day


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
    return [line for _, line in said][:limit]


MIN_MISSES_FOR_PATTERN = 6
"""Fewer misses than this say nothing about weekdays."""

MIN_STRENGTH_POINTS = 5
"""A strength change smaller than this (in points of 100) is noise."""


def quoted(title: str) -> str:
    return f"“{title}”"


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
    name = WEEKDAY_TITLES[top] + "s"
    if missed[top] * 2 > total:
        return f"Most of your misses of {quoted(title)} fall on {name}."
    if missed[top] >= 1.5 * missed[second] and missed[top] >= 3:
        return (
            f"More of your misses of {quoted(title)} fall on {name} than on any other day "
            f"({missed[top]} of {total})."
        )
    return None


def strength_change(title: str, then: float, now: float, since: date, today: date) -> str | None:
    """How much a commitment's strength moved since a day (strengths are 0–1)."""
    points = round((now - then) * 100)
    if abs(points) < MIN_STRENGTH_POINTS:
        return None
    when = since_words(since, today)
    if points > 0:
        return f"Your strength in {quoted(title)} has grown {points} points {when}."
    return (
        f"{quoted(title)} has eased {-points} points {when}; "
        "every kept day lifts it again."
    )


def since_words(since: date, today: date) -> str:
    """"since 3 March" this year, "since 3 March 2025" before."""
    if since.year == today.year:
        return f"since {since.day} {since:%B}"
    return f"since {long_day(since)}"


def repairs(repaired: int, missed: int, span: str) -> str | None:
    """How many misses were turned into lessons by a reflection."""
    if missed <= 0:
        return None
    if repaired == missed:
        if missed == 1:
            return f"You reflected on your one miss {span}: it is repaired."
        return f"You repaired all {missed:,} of your misses {span}."
    if repaired == 0:
        return (
            f"{counted(missed, 'miss', 'misses')} {span} "
            f"{'is' if missed == 1 else 'are'} waiting for a reflection; "
            "each one you write brings its marbles back."
        )
    return f"You repaired {repaired:,} of {missed:,} misses {span}."


def jar_change(before: int, after: int, span: str) -> str | None:
    """How the marble jar moved over the range."""
    grown = after - before
    if grown > 0:
        return f"Your jar grew by {counted(grown, 'marble')} {span}, to {after:,}."
    if grown < 0 and after > 0:
        return (
            f"Your jar holds {counted(after, 'marble')}, {-grown:,} fewer than at the start; "
            "kept promises fill it again."
        )
    return None


def longest_streak(title: str, length: int, unit: str, first: date, last: date) -> str | None:
    """The longest run of kept occasions among those the chart shows."""
    if length < 3:
        return None
    return (
        f"Longest run: {counted(length, unit)} of {quoted(title)} in a row, "
        f"{short_span(first, last)}."
    )


def kept_share(kept: int, due: int, span: str) -> str | None:
    """What share of the promises due in the range were kept."""
    if due < 7:
        return None
    share = round(100 * kept / due)
    return f"You kept {kept:,} of {due:,} promises {span} ({share} %)."


def short_span(first: date, last: date) -> str:
    if first.year == last.year:
        if first.month == last.month:
            return f"{first.day}–{last.day} {last:%B %Y}"
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{long_day(first)} – {long_day(last)}"
