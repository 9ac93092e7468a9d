"""`selftrust remind TITLE HH:MM [--days …] | --off`: a commitment's reminder, as the
reminder field of its dialog sets it (CommitmentService.set_reminder)."""

from __future__ import annotations

import argparse

from selftrust.base.i18n import N_, _
from selftrust.cli.commitment_words import commitment_json, reminder_sentence
from selftrust.cli.common import CliError, Command, open_data, print_json
from selftrust.domain.reminder import ALL_DAYS, Reminder, ReminderError, parse_time
from selftrust.domain.schedule import ScheduleError, ScheduleKind, parse_schedule

DAYS = "mon,wed,fri | weekdays | weekends | daily"
"""The reminder days as typed: the same words in every language (the command reads them)."""


def _remind_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title", help=_("the commitment (any case; a unique start is enough)"))
    p.add_argument("time", nargs="?", metavar="HH:MM", help=_("when to remind you"))
    # TRANSLATORS: {days} are the reminder days as typed ("mon,wed,fri | weekdays | …").
    p.add_argument("--days", help=_("{days} (default: as now, else every day)").format(days=DAYS))
    p.add_argument("--off", action="store_true", help=_("no reminder for this commitment"))
    p.add_argument("--json", action="store_true", help=_("print the commitment as JSON"))


def _days(text: str) -> int:
    """Reminder weekdays, written as a schedule's are; only weekday sets make sense."""
    try:
        schedule = parse_schedule(text)
    except ScheduleError as exc:
        raise CliError(str(exc)) from None
    if schedule.kind is ScheduleKind.DAILY:
        return ALL_DAYS
    if schedule.kind is ScheduleKind.WEEKDAYS:
        return schedule.weekdays
    raise CliError(_("--days {text}: say which weekdays ({days})").format(
        text=repr(text), days=DAYS))


def _asked(args: argparse.Namespace, now: Reminder | None, title: str) -> Reminder | None:
    """The reminder as asked: the time or the days given, the rest as it is."""
    if args.off:
        if args.time or args.days:
            raise CliError(_("--off removes the reminder; give it no time and no --days"))
        return None
    try:
        if args.time is not None:
            at = parse_time(args.time)
        elif now is not None:
            at = now.at
        else:
            raise CliError(_("“{title}” has no reminder yet: give a time, e.g. 07:30").format(
                title=title))
        days = _days(args.days) if args.days else now.days if now else ALL_DAYS
        return Reminder(at, days)
    except ReminderError as exc:
        raise CliError(str(exc)) from None


def _remind(args: argparse.Namespace) -> int:
    with open_data(args) as ws:
        row = ws.commitments.find(args.title)
        if args.off or args.time is not None or args.days:
            ws.commitments.set_reminder(row.id, _asked(args, row.reminder, row.title))
            row = ws.commitments.get(row.id)
        quiet = row.reminder is not None and not ws.settings.reminders_enabled
    if args.json:
        print_json(commitment_json(row))
        return 0
    print(reminder_sentence(row.title, row.reminder))
    if quiet:
        # TRANSLATORS: `selftrust settings reminders on` is a command, typed as it is.
        print(_("Reminders are off in your settings: `selftrust settings reminders on` "
                "turns them on."))
    return 0


REMIND = Command("remind", N_("set, change or remove a commitment's reminder"),
                 _remind_args, _remind)
