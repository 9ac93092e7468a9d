"""How the commands that make or change a commitment say what it is now: one line for
people, in their language, one object for scripts (`--json`, the same in every
language). Shared by add, edit, archive and remind."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from selftrust.base import formats
from selftrust.base.i18n import _
from selftrust.domain.reminder import Reminder
from selftrust.domain.schedule import WEEKEND, WORKDAYS, Schedule, ScheduleKind, weekday_list

if TYPE_CHECKING:
    from selftrust.services.records import CommitmentRow

SCHEDULES = "daily | mon,wed,fri | weekdays | 3/week | 2/month | 2/5days | once:DATE"
"""The schedules as typed: the same words in every language (the command reads them)."""


def reminder_days(reminder: Reminder) -> Schedule:
    """A reminder's weekdays as a schedule, so they read as schedules do."""
    return Schedule.on_weekdays(reminder.days)


def reminder_sentence(title: str, reminder: Reminder | None) -> str:
    """"“Walk” has a reminder at 07:30 on Mon, Wed, Fri." (or no reminder)."""
    if reminder is None:
        return _("“{title}” has no reminder.").format(title=title)
    at = formats.time_of_day(reminder.at)
    days = reminder_days(reminder)
    if days.kind is ScheduleKind.DAILY:
        return _("“{title}” has a reminder at {time}.").format(title=title, time=at)
    if days.weekdays == WORKDAYS:
        return _("“{title}” has a reminder at {time} on weekdays.").format(title=title, time=at)
    if days.weekdays == WEEKEND:
        return _("“{title}” has a reminder at {time} on weekends.").format(title=title, time=at)
    # TRANSLATORS: {days} are weekdays, e.g. "Mon, Wed, Fri".
    return _("“{title}” has a reminder at {time} on {days}.").format(
        title=title, time=at, days=weekday_list(days.weekdays))


def describe(row: CommitmentRow) -> str:
    """What is promised and when, inside a line: "every day", "at least 20 pages a day,
    Mon, Wed, Fri"."""
    rules = row.rules
    if rules.target is None:
        return rules.schedule.describe(inline=True)
    what = rules.target.describe()
    if rules.schedule.kind is ScheduleKind.WEEKDAYS:
        # TRANSLATORS: a target and the weekdays it is due on: "at least 20 pages a day,
        # Mon, Wed, Fri".
        what = _("{target}, {weekdays}").format(
            target=what, weekdays=rules.schedule.describe(inline=True))
    return what


def commitment_json(row: CommitmentRow) -> dict[str, Any]:
    target = row.rules.target
    reminder = row.reminder
    return {
        "title": row.title,
        "why": row.why or None,
        "schedule": row.rules.schedule.to_text(),
        "target": None if target is None else {
            "amount": target.amount, "unit": target.unit, "per": target.per.value,
            "at_most": target.at_most},
        "pauses": [{"from": p.start.isoformat(), "to": p.end.isoformat()}
                   for p in row.rules.pauses],
        "color": row.color,
        "created_on": row.created_on.isoformat(),
        "archived_on": row.archived_on.isoformat() if row.archived_on else None,
        "reminder": None if reminder is None else {
            "at": reminder.text, "days": reminder_days(reminder).to_text()},
    }
