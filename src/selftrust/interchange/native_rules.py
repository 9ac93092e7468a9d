"""A commitment's rules (schedule, target, pauses) and reminder as an export stores them.

JSON lists weekdays (``["mon", "wed"]``), CSV joins them (``"mon,wed"``); both turn into
the domain's bit masks here, with the domain's own errors reworded as a RowProblem.
"""

from __future__ import annotations

from datetime import date
from typing import Any

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


def check_weekdays(value: object) -> int:
    """["mon", "wed"] (JSON) or "mon,wed" (CSV) → the bit mask (bit 0 = Monday)."""
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
                f"the weekday {show(name)} is not one of {', '.join(WEEKDAY_NAMES)}"
            )
        mask |= 1 << WEEKDAY_NAMES.index(name)
    if not 0 < mask <= ALL_WEEKDAYS:
        raise RowProblem("the schedule names no weekdays")
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
        raise RowProblem(f"the schedule {show(kind)} is not one of {', '.join(kinds)}")
    try:
        schedule = Schedule(
            kind=ScheduleKind(kind),
            times=check_int(times, "number of times", 1, 365),
            days=check_int(days, "number of days", 1, 365),
            weekdays=check_weekdays(weekdays),
            on=check_optional_day(on, "day of the one-time promise"),
        )
        goal = None
        if target is not None:
            amount, unit, per, at_most = target
            number = check_value(amount)
            if number is None or not 0 < number <= MAX_TARGET:
                raise RowProblem(f"the target {show(amount)} is not a number above 0")
            if unit is not None and not isinstance(unit, str):
                raise RowProblem(f"the unit {show(unit)} is not text")
            if isinstance(unit, str) and len(unit) > MAX_UNIT_LENGTH:
                raise RowProblem(f"the unit “{unit}” is longer than {MAX_UNIT_LENGTH} characters")
            periods = [p.value for p in Period]
            if per not in periods:
                raise RowProblem(f"the target period {show(per)} is not day, week or month")
            goal = Target(number, unit or "", Period(per), check_bool(at_most, "“at most”"))
        made = []
        for first, last in pauses:
            if last < first:
                raise RowProblem(f"the pause {first} to {last} ends before it starts")
            made.append(Pause(first, last))
        return Rules(schedule, goal, tuple(sorted(made, key=lambda p: p.start)))
    except (ScheduleError, TargetError) as exc:
        raise RowProblem(f"the schedule does not fit: {exc}") from None


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
        raise RowProblem("the reminder has no time (write it as HH:MM, e.g. 07:30)")
    if not isinstance(time, str):
        raise RowProblem(f"the reminder time {show(time)} is not a time like 07:30")
    mask = ALL_DAYS
    if weekdays is not None and weekdays != "":
        if weekdays == []:
            raise RowProblem("the reminder needs at least one weekday")
        try:
            mask = check_weekdays(weekdays)
        except RowProblem as exc:
            raise RowProblem(str(exc).replace("the schedule", "the reminder")) from None
    try:
        return Reminder.parse(time, mask)
    except ReminderError as exc:
        raise RowProblem(f"the reminder does not fit: {exc}") from None


def reminder_fields(reminder: Reminder | None) -> dict[str, Any] | None:
    if reminder is None:
        return None
    return {"time": reminder.text, "weekdays": weekday_names(reminder.days)}
