"""How the commands that make or change a commitment say what it is now: one line for
people, one object for scripts (`--json`). Shared by add, edit, archive and remind."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from selftrust.domain.reminder import Reminder
from selftrust.domain.schedule import Schedule, ScheduleKind

if TYPE_CHECKING:
    from selftrust.services.records import CommitmentRow


def reminder_days(reminder: Reminder) -> Schedule:
    """A reminder's weekdays as a schedule, so they read as schedules do."""
    return Schedule.on_weekdays(reminder.days)


def reminder_words(reminder: Reminder | None) -> str:
    if reminder is None:
        return "no reminder"
    days = reminder_days(reminder)
    when = "" if days.kind is ScheduleKind.DAILY else f" on {days.describe().lower()}"
    return f"a reminder at {reminder.text}{when}"


def describe(row: CommitmentRow) -> str:
    """What is promised and when: "every day", "at least 20 pages a day, Mon, Wed, Fri"."""
    rules = row.rules
    if rules.target is None:
        return rules.schedule.describe().lower()
    what = rules.target.describe()
    if rules.schedule.kind is ScheduleKind.WEEKDAYS:
        what += f", {rules.schedule.describe()}"
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
