"""Self-Trust commitments as Loop Habit Tracker habits: the rules of ``loop push``.

``loop_mapping`` reads Loop's terms into ours; this module goes the other way, so that
what Loop's "Import data" merges on the phone scores there as it does here:

* daily is 1/1, N per week N/7, N per month N/30, N in M days N/M: the frequencies our
  strength already uses, so Loop computes the same numbers;
* measurable: Loop's numerical habit, target per day (1/1), week (1/7) or month (1/30),
  at least or at most; amounts are stored × 1000, as Loop does. Loop counts a weekly or
  monthly amount over any 7 or 30 days in a row (so does our strength), not per
  calendar week or month;
* kept is YES_MANUAL, missed NO, skipped SKIP; a measurable day is its amount (a missed
  one is 0 against an at-least target, twice a day's share against an at-most limit:
  what our strength reads a missed day as); notes travel with their day;
* the colour becomes the nearest of Loop's 20, the reminder keeps its time and days;
* what Loop has no place for is mapped the least surprising way or stays here, and
  each case is said in plain words (``OutboundHabit.lost``): chosen weekdays become as
  many times a week, a one-time promise stays here, a pause travels as skipped days up
  to today, a repaired miss goes as a plain miss, reflections stay here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
from selftrust.domain.commitment import Rules
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.reminder import Reminder
from selftrust.domain.schedule import ScheduleKind
from selftrust.interchange.loop_records import (
    NO,
    PALETTE,
    SKIP,
    YES_MANUAL,
    LoopEntry,
    LoopHabit,
    LoopReminder,
)

_PERIOD_DAYS = {Period.DAY: 1, Period.WEEK: 7, Period.MONTH: 30}


@dataclass(frozen=True, slots=True)
class OutboundDay:
    """One check-in as the push reads it."""

    day: date
    status: Status
    value: float | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class OutboundCommitment:
    """What the push needs of one commitment (plain values, no database rows)."""

    title: str
    why: str
    rules: Rules
    color: str
    archived: bool
    position: int
    uuid: str
    checkins: Sequence[OutboundDay]
    reminder: Reminder | None = None
    repaired: int = 0


@dataclass(frozen=True, slots=True)
class OutboundHabit:
    """The Loop habit a commitment becomes (None: it stays here) and what did not travel."""

    habit: LoopHabit | None
    lost: tuple[str, ...]


def to_loop(c: OutboundCommitment, today: date) -> OutboundHabit:
    lost: list[str] = []
    schedule, target = c.rules.schedule, c.rules.target
    if schedule.kind is ScheduleKind.ONCE:
        return OutboundHabit(None, (_("“{title}” is a one-time promise; Loop has no habit for "
                                      "a single day, so it stays here.").format(title=c.title),))
    num, den = schedule.frequency
    if schedule.kind is ScheduleKind.WEEKDAYS:
        lost.append(ngettext(
            "“{title}” is due on chosen weekdays; Loop only knows how many times a week, so it "
            "goes as {n} time a week.",
            "“{title}” is due on chosen weekdays; Loop only knows how many times a week, so it "
            "goes as {n} times a week.", num).format(title=c.title, n=formats.number(num)))
    if target is not None:
        num, den = 1, _PERIOD_DAYS[target.per]
        if schedule.kind is not ScheduleKind.DAILY:
            lost.append(_("“{title}” is measured only on some days; in Loop it is measured "
                          "every day.").format(title=c.title))
    broken = 2 * target.amount / _PERIOD_DAYS[target.per] if target and target.at_most else 0.0
    entries = {d.day: _entry(d, target is not None, broken) for d in c.checkins}
    rested = _rest_days(c, today, entries)
    if rested:
        lost.append(ngettext(
            "“{title}”: its planned rest goes to Loop as {n} skipped day up to today; rest "
            "planned ahead stays here.",
            "“{title}”: its planned rest goes to Loop as {n} skipped days up to today; rest "
            "planned ahead stays here.", rested).format(title=c.title, n=formats.number(rested)))
    misses = sum(1 for d in c.checkins if d.status is Status.MISSED)
    if target is not None and misses:
        if target.at_most:
            text = ngettext(
                "“{title}”: {n} missed day goes to Loop as twice a day's share of the limit "
                "(Loop records amounts, not misses).",
                "“{title}”: {n} missed days go to Loop as twice a day's share of the limit "
                "(Loop records amounts, not misses).", misses)
        else:
            text = ngettext(
                "“{title}”: {n} missed day goes to Loop as an amount of 0 (Loop records "
                "amounts, not misses).",
                "“{title}”: {n} missed days go to Loop as an amount of 0 (Loop records "
                "amounts, not misses).", misses)
        lost.append(text.format(title=c.title, n=formats.number(misses)))
    if c.repaired:
        lost.append(ngettext(
            "“{title}”: {n} repaired miss goes to Loop as a plain miss (Loop has no "
            "reflections), so Loop's strength is a little lower there.",
            "“{title}”: {n} repaired misses go to Loop as plain misses (Loop has no "
            "reflections), so Loop's strength is a little lower there.",
            c.repaired).format(title=c.title, n=formats.number(c.repaired)))
    habit = LoopHabit(
        position=c.position,
        name=c.title,
        question="",
        description=c.why,
        numerator=num,
        denominator=den,
        is_numerical=target is not None,
        unit=target.unit if target is not None else "",
        target_value=target.amount if target is not None else 0.0,
        at_most=target.at_most if target is not None else False,
        color_hex=nearest_color(c.color),
        archived=c.archived,
        entries=tuple(entries[d] for d in sorted(entries)),
        uuid=c.uuid,
        reminder=None if c.reminder is None else loop_reminder_of(c.reminder),
    )
    return OutboundHabit(habit, tuple(lost))


def _entry(d: OutboundDay, numerical: bool, broken: float) -> LoopEntry:
    """``broken``: the amount a missed day of an at-most limit stands for (twice a day's
    share of the limit, as our strength reads it); a missed at-least day is 0."""
    note = d.note or ""
    if d.status is Status.SKIPPED:
        return LoopEntry(d.day, SKIP, note)
    if numerical:
        amount = d.value if d.status is Status.KEPT and d.value is not None else 0.0
        if d.status is Status.MISSED:
            amount = max(d.value or 0.0, broken)
        return LoopEntry(d.day, round(amount * 1000), note)
    return LoopEntry(d.day, YES_MANUAL if d.status is Status.KEPT else NO, note)


def _rest_days(c: OutboundCommitment, today: date, entries: dict[date, LoopEntry]) -> int:
    """Pause days up to today without a check-in become SKIP entries; how many."""
    count = 0
    for pause in c.rules.pauses:
        day = pause.start
        while day <= min(pause.end, today):
            if day not in entries:
                entries[day] = LoopEntry(day, SKIP, "")
                count += 1
            day += timedelta(days=1)
    return count


def nearest_color(hex_color: str) -> str:
    """The one of Loop's 20 colours closest to ours (by RGB distance)."""
    def rgb(text: str) -> tuple[int, int, int]:
        text = text.lstrip("#")
        return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)

    want = rgb(hex_color)
    return min(PALETTE, key=lambda p: sum((a - b) ** 2 for a, b in zip(rgb(p), want,
                                                                         strict=True)))


def loop_reminder_of(reminder: Reminder) -> LoopReminder:
    """Our reminder in Loop's terms; Loop's weekday mask starts on Saturday (bit 0)."""
    days = sum(1 << (w + 2) % 7 for w in range(7) if reminder.days >> w & 1)
    return LoopReminder(reminder.at.hour, reminder.at.minute, days)
