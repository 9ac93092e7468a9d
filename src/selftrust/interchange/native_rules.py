"""A commitment's rules (schedule, target, pauses) and reminder as an export stores them.

JSON lists weekdays (``["mon", "wed"]``), CSV joins them (``"mon,wed"``); both turn into
the domain's bit masks here, with the domain's own errors reworded as a RowProblem.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from selftrust.base import formats
from selftrust.base.i18n import N_, _
from selftrust.domain.commitment import (
    MAX_TARGET,
    MAX_UNIT_LENGTH,
    Pause,
    Rules,
    Target,
    TargetError,
)
from selftrust.domain.days import WEEKDAY_NAMES, Period
from selftrust.domain.reminder import ALL_DAYS, Reminder, ReminderError
from selftrust.domain.schedule import ALL_WEEKDAYS, Schedule, ScheduleError, ScheduleKind
from selftrust.interchange.native_checks import (
    RowProblem,
    check_bool,
    check_int,
    check_optional_day,
    check_value,
    show,
)


def weekday_names(mask: int) -> list[str]:
    return [n for i, n in enumerate(WEEKDAY_NAMES) if mask >> i & 1]


def check_weekdays(value: object, *, reminder: bool = False) -> int:
    """["mon", "wed"] (JSON) or "mon,wed" (CSV) → the bit mask (bit 0 = Monday); the
    weekdays of a schedule, or of a reminder."""
    names: list[object]
    if isinstance(value, str):
        names = [n.strip() for n in value.split(",") if n.strip()]
    elif isinstance(value, list):
        names = value
    else:
        names = [value]
    mask = 0
    for name in names:
        if name not in WEEKDAY_NAMES:
            raise RowProblem(
                # TRANSLATORS: {names} are the weekdays as a file writes them (mon, tue…).
                _("the weekday {value} is not one of {names}").format(
                    value=show(name), names=", ".join(WEEKDAY_NAMES))
            )
        mask |= 1 << WEEKDAY_NAMES.index(name)
    if not 0 < mask <= ALL_WEEKDAYS:
        raise RowProblem(_("the reminder names no weekdays") if reminder
                         else _("the schedule names no weekdays"))
    return mask


def make_rules(
    *,
    kind: object,
    times: object,
    days: object,
    weekdays: object,
    on: object,
    target: tuple[object, object, object, object] | None,
    pauses: list[tuple[date, date]],
) -> Rules:
    """A commitment's rules from the parts a file stores; RowProblem if they do not fit."""
    kinds = [k.value for k in ScheduleKind]
    if kind not in kinds:
        # TRANSLATORS: {names} are the kinds of schedule as a file writes them.
        raise RowProblem(_("the schedule {value} is not one of {names}").format(
            value=show(kind), names=", ".join(kinds)))
    try:
        schedule = Schedule(
            kind=ScheduleKind(kind),
            times=check_int(times, N_("number of times"), 1, 365),
            days=check_int(days, N_("number of days"), 1, 365),
            weekdays=check_weekdays(weekdays),
            on=check_optional_day(on, N_("day of the one-time promise")),
        )
        goal = None
        if target is not None:
            amount, unit, per, at_most = target
            number = check_value(amount)
            if number is None or not 0 < number <= MAX_TARGET:
                raise RowProblem(_("the target {value} is not a number above 0").format(
                    value=show(amount)))
            if unit is not None and not isinstance(unit, str):
                raise RowProblem(_("the unit {value} is not text").format(value=show(unit)))
            if isinstance(unit, str) and len(unit) > MAX_UNIT_LENGTH:
                raise RowProblem(_("the unit “{unit}” is longer than {limit} characters").format(
                    unit=unit, limit=formats.number(MAX_UNIT_LENGTH)))
            periods = [p.value for p in Period]
            if per not in periods:
                # TRANSLATORS: day, week and month are written in the file as they are.
                raise RowProblem(_("the target period {value} is not day, week or month").format(
                    value=show(per)))
            goal = Target(number, unit or "", Period(per), check_bool(at_most, N_("“at most”")))
        made = []
        for first, last in pauses:
            if last < first:
                # TRANSLATORS: {first} and {last} are days as the file writes them.
                raise RowProblem(_("the pause {first} to {last} ends before it starts").format(
                    first=first.isoformat(), last=last.isoformat()))
            made.append(Pause(first, last))
        return Rules(schedule, goal, tuple(sorted(made, key=lambda p: p.start)))
    except (ScheduleError, TargetError) as exc:
        # TRANSLATORS: {reason} says why, in a sentence of its own.
        raise RowProblem(_("the schedule does not fit: {reason}").format(reason=exc)) from None


def schedule_fields(rules: Rules) -> dict[str, Any]:
    s = rules.schedule
    return {
        "kind": s.kind.value,
        "times": s.times,
        "days": s.days,
        "weekdays": weekday_names(s.weekdays),
        "on": s.on.isoformat() if s.on else None,
    }


def check_reminder(time: object, weekdays: object) -> Reminder:
    """A reminder from its time ("07:30") and weekdays (as for a schedule; none given
    means every day)."""
    if time is None or time == "":
        raise RowProblem(_("the reminder has no time (write it as HH:MM, e.g. 07:30)"))
    if not isinstance(time, str):
        raise RowProblem(_("the reminder time {value} is not a time like 07:30").format(
            value=show(time)))
    mask = ALL_DAYS
    if weekdays is not None and weekdays != "":
        if weekdays == []:
            raise RowProblem(_("the reminder needs at least one weekday"))
        mask = check_weekdays(weekdays, reminder=True)
    try:
        return Reminder.parse(time, mask)
    except ReminderError as exc:
        raise RowProblem(_("the reminder does not fit: {reason}").format(reason=exc)) from None


def reminder_fields(reminder: Reminder | None) -> dict[str, Any] | None:
    if reminder is None:
        return None
    return {"time": reminder.text, "weekdays": weekday_names(reminder.days)}
