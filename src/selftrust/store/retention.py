"""Which daily backups to keep: the last 7 days, then one for each of 4 older weeks.

A pure rule on dates, kept apart from the files so it can be tested over months of
simulated days in microseconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

KEEP_DAILY = 7
KEEP_WEEKLY = 4


def days_to_keep(
    days: Iterable[date], *, daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY
) -> set[date]:
    """The backup days to keep out of ``days``.

    The newest ``daily`` days are kept. Older ones are kept as weeklies: the newest
    backup of each ISO week that has no kept backup yet, for up to ``weekly`` weeks.
    Keeping the newest of a week means a week's weekly is its last backup, which
    stays put as the dailies move on.
    """
    newest_first = sorted(set(days), reverse=True)
    kept = set(newest_first[:daily])
    weeks = {_week(day) for day in kept}
    weeklies = 0
    for day in newest_first[daily:]:
        if weeklies >= weekly:
            break
        week = _week(day)
        if week not in weeks:
            weeks.add(week)
            kept.add(day)
            weeklies += 1
    return kept


def rotation_kinds(days: Iterable[date], *, daily: int = KEEP_DAILY) -> dict[date, str]:
    """What each backup of the rotation is, as the Backups list names it: the newest
    ``daily`` are "daily", the older ones kept for their week "weekly"."""
    newest_first = sorted(set(days), reverse=True)
    return {day: "daily" if i < daily else "weekly" for i, day in enumerate(newest_first)}


def _week(day: date) -> tuple[int, int]:
    iso = day.isocalendar()
    return iso.year, iso.week
