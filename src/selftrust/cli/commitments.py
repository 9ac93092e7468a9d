"""`selftrust add` and `selftrust pause`: promises made, and rest planned for them."""

from __future__ import annotations

import argparse

from selftrust.base import formats
from selftrust.base.i18n import N_, _
from selftrust.cli.commitment_words import SCHEDULES, describe
from selftrust.cli.common import CliError, Command, number, open_data, parse_day_arg
from selftrust.domain.commitment import Pause, Rules, Target, TargetError
from selftrust.domain.days import Period
from selftrust.domain.reminder import Reminder, ReminderError
from selftrust.domain.schedule import ScheduleError, parse_schedule

# --- add --------------------------------------------------------------------------------


def _add_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title", help=_("what you promise yourself, e.g. “Walk 20 minutes”"))
    p.add_argument("--schedule", default="daily", help=SCHEDULES)
    # TRANSLATORS: UNIT names the value typed after --measurable, as the usage line shows it.
    p.add_argument("--measurable", metavar="UNIT", help=_("measure an amount in UNIT (e.g. pages)"))
    p.add_argument("--target", type=number, help=_("the amount to reach (or not pass)"))
    p.add_argument("--per", choices=("day", "week", "month"), default="day")
    p.add_argument("--at-most", action="store_true", help=_("the target is a limit"))
    p.add_argument("--why", default="", help=_("why this matters to you"))
    p.add_argument("--start", help=_("the day it starts (default today)"))
    p.add_argument("--color", help="#RRGGBB")
    p.add_argument("--remind", metavar="HH:MM",
                   help=_("a gentle reminder at this time on the days it is due, "
                          "while the app runs"))


def _rules_and_reminder(args: argparse.Namespace) -> tuple[Rules, Reminder | None]:
    if args.measurable is None and (args.target is not None or args.at_most):
        raise CliError(_("--target and --at-most belong to a measurable commitment: "
                         "add --measurable UNIT"))
    if args.measurable is not None and args.target is None:
        raise CliError(_("a measurable commitment needs --target X"))
    try:
        schedule = parse_schedule(args.schedule)
        target = (
            Target(args.target, args.measurable.strip(), Period(args.per), args.at_most)
            if args.measurable is not None
            else None
        )
        reminder = Reminder.parse(args.remind) if args.remind is not None else None
        return Rules(schedule=schedule, target=target), reminder
    except (ScheduleError, TargetError, ReminderError) as exc:
        raise CliError(str(exc)) from None


def _add(args: argparse.Namespace) -> int:
    from selftrust.services.commitments import CommitmentDraft  # the database layer

    rules, reminder = _rules_and_reminder(args)
    with open_data(args) as ws:
        start = parse_day_arg(args.start, ws.today()) if args.start else None
        row = ws.commitments.create(
            CommitmentDraft(args.title, rules, args.why, args.color, start, reminder)
        )
        if row.reminder is None:
            # TRANSLATORS: {what} is what is promised and when: "every day", "at least
            # 20 pages a day, Mon, Wed, Fri".
            print(_("Added “{title}” — {what}.").format(title=row.title, what=describe(row)))
        else:
            print(_("Added “{title}” — {what}, reminder at {time}.").format(
                title=row.title, what=describe(row),
                time=formats.time_of_day(row.reminder.at)))
    return 0


# --- pause ------------------------------------------------------------------------------


def _pause_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title")
    p.add_argument("--from", dest="first", help=_("first day of the rest (YYYY-MM-DD)"))
    p.add_argument("--to", dest="last", help=_("last day of the rest (YYYY-MM-DD)"))
    p.add_argument("--clear", action="store_true", help=_("remove all pauses"))


def _pause(args: argparse.Namespace) -> int:
    with open_data(args) as ws:
        c = ws.commitments.find(args.title)
        if args.clear:
            ws.commitments.set_pauses(c.id, [])
            print(_("“{title}” has no pauses now.").format(title=c.title))
            return 0
        if not args.first or not args.last:
            raise CliError(_("say when the rest starts and ends: --from DATE --to DATE"))
        first = parse_day_arg(args.first, ws.today())
        last = parse_day_arg(args.last, ws.today())
        if last < first:
            raise CliError(_("the pause must end on or after the day it starts"))
        ws.commitments.set_pauses(c.id, [*c.rules.pauses, Pause(first, last)])
        print(_("Paused “{title}” from {first} to {last}: those days count as rest.").format(
            title=c.title, first=formats.short_date(first), last=formats.short_date(last)))
    return 0


ADD = Command("add", N_("add a commitment"), _add_args, _add)
PAUSE = Command("pause", N_("plan rest for a commitment: the days count as skipped"),
                _pause_args, _pause)
