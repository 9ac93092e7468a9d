"""Small builders that let a test spell a history as a string of letters.

``K`` kept, ``M`` missed, ``R`` missed and repaired by a reflection, ``S`` skipped,
``.`` unmarked. ``values`` gives a measurable day's amount, index by index.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Entry, History, Status
from selftrust.domain.jar import jar_events, replay
from selftrust.domain.streaks import find_streaks

MONDAY_0 = date(2026, 1, 5)
"""A Monday, so weeks in the examples line up with the calendar (1 February is a Sunday)."""

_STATUS = {"K": Status.KEPT, "M": Status.MISSED, "R": Status.MISSED, "S": Status.SKIPPED}


def day(i: int, start: date = MONDAY_0) -> date:
    return start + timedelta(days=i)


def entries(
    pattern: str,
    start: date = MONDAY_0,
    values: Sequence[float | None] | None = None,
) -> list[Entry]:
    out: list[Entry] = []
    for i, ch in enumerate(pattern.replace(" ", "")):
        if ch == ".":
            continue
        value = None if values is None else values[i]
        out.append(Entry(day(i, start), _STATUS[ch], value, reflected=ch == "R"))
    return out


def history(
    pattern: str,
    rules: Rules | None = None,
    start: date = MONDAY_0,
    values: Sequence[float | None] | None = None,
) -> History:
    """A history from ``start`` to the pattern's last day (spaces are for reading only)."""
    size = len(pattern.replace(" ", ""))
    return History(start, day(size - 1, start), entries(pattern, start, values), rules)


def measured(
    amounts: Sequence[float | None],
    rules: Rules,
    start: date = MONDAY_0,
    status: str | None = None,
) -> History:
    """A measurable history: a number is a kept day with that amount, None is unmarked.

    ``status`` may override the letter of a day (e.g. ``"..S.R"``) where it is not ``.``.
    """
    letters = []
    for i, amount in enumerate(amounts):
        ch = "." if amount is None else "K"
        if status is not None and i < len(status) and status[i] != ".":
            ch = status[i]
        letters.append(ch)
    return history("".join(letters), rules, start, list(amounts))


def sparse(
    size: int,
    marks: dict[int, str | float],
    rules: Rules | None = None,
    start: date = MONDAY_0,
) -> History:
    """A history of ``size`` days with marks at some offsets: a letter, or a kept amount."""
    found: list[Entry] = []
    for i, mark in marks.items():
        if isinstance(mark, str):
            found.append(Entry(day(i, start), _STATUS[mark], reflected=mark == "R"))
        else:
            found.append(Entry(day(i, start), Status.KEPT, float(mark)))
    return History(start, day(size - 1, start), found, rules)


def jar_path(rules: Rules, hist: History) -> list[tuple[int, int, int]]:
    """(day offset, marbles, gold) after every day that changed the jar."""
    return [
        ((d.day - hist.start).days, d.marbles, d.gold) for d in replay(jar_events(rules, hist))
    ]


def streak_spans(rules: Rules, hist: History) -> list[tuple[int, int, int]]:
    """(first offset, last offset, length) of every streak, oldest first."""
    return [
        ((s.start - hist.start).days, (s.end - hist.start).days, s.length)
        for s in find_streaks(rules, hist).all
    ]
