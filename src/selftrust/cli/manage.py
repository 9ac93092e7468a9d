"""`selftrust edit`, `archive` and `unarchive`: Manage commitments, from a terminal.

The same service calls as the window's (CommitmentService.update, archive, restore),
so a title another commitment has, an impossible schedule or a colour that is not one
are refused in the window's words. What is not asked stays as it is.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from selftrust.base.i18n import N_, _
from selftrust.cli.commitment_words import SCHEDULES, commitment_json, describe
from selftrust.cli.common import CliError, Command, number, open_data, print_json
from selftrust.domain.commitment import Rules, Target, TargetError
from selftrust.domain.days import Period
from selftrust.domain.schedule import ScheduleError, parse_schedule

if TYPE_CHECKING:
    from selftrust.services.commitments import CommitmentDraft
    from selftrust.services.records import CommitmentRow

JSON_HELP = N_("print the commitment as JSON for scripts")
ONE_HELP = N_("the commitment (any case; a unique start is enough)")

# --- edit -------------------------------------------------------------------------------


def _edit_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title",
                   help=_("the commitment to change (any case; a unique start is enough)"))
    p.add_argument("--title", dest="new_title", metavar="TITLE", help=_("a new title"))
    p.add_argument("--why", help=_("why this matters to you (\"\" removes it)"))
    p.add_argument("--schedule", help=SCHEDULES)
    p.add_argument("--measurable", metavar="UNIT", help=_("measure an amount in UNIT"))
    p.add_argument("--target", type=number, help=_("the amount to reach (or not pass)"))
    p.add_argument("--per", choices=("day", "week", "month"))
    direction = p.add_mutually_exclusive_group()
    direction.add_argument("--at-most", action="store_true", help=_("the target is a limit"))
    direction.add_argument("--at-least", action="store_true", help=_("the target is a goal"))
    p.add_argument("--color", help="#RRGGBB")
    p.add_argument("--json", action="store_true", help=_(JSON_HELP))


def _target(args: argparse.Namespace, row: CommitmentRow) -> Target | None:
    """The target as asked, the rest of it as it was."""
    now = row.rules.target
    asked = (args.measurable, args.target, args.per, args.at_most or args.at_least or None)
    if all(a is None for a in asked):
        return now
    if now is None and args.measurable is None:
        raise CliError(_("“{title}” is not measured; add --measurable UNIT to measure it")
                       .format(title=row.title))
    if now is None and args.target is None:
        raise CliError(_("a measurable commitment needs --target X"))
    at_most = args.at_most or (not args.at_least and now is not None and now.at_most)
    try:
        return Target(
            args.target if args.target is not None else now.amount if now else 0.0,
            args.measurable.strip() if args.measurable is not None else now.unit if now else "",
            Period(args.per) if args.per else now.per if now else Period.DAY,
            at_most,
        )
    except TargetError as exc:
        raise CliError(str(exc)) from None


def _draft(args: argparse.Namespace, row: CommitmentRow) -> CommitmentDraft | None:
    """What the edit asks for, or None when it asks for nothing (then it only shows)."""
    from selftrust.services.commitments import CommitmentDraft  # the database layer

    asked = (args.new_title, args.why, args.schedule, args.measurable, args.target, args.per,
             args.color, args.at_most or args.at_least or None)
    if all(a is None for a in asked):
        return None
    try:
        schedule = (parse_schedule(args.schedule) if args.schedule is not None
                    else row.rules.schedule)
        rules = Rules(schedule, _target(args, row), row.rules.pauses)
    except (ScheduleError, TargetError) as exc:
        raise CliError(str(exc)) from None
    return CommitmentDraft(
        title=args.new_title if args.new_title is not None else row.title,
        rules=rules,
        why=args.why if args.why is not None else row.why,
        color=args.color or row.color,
    )


def _edit(args: argparse.Namespace) -> int:
    with open_data(args) as ws:
        row = ws.commitments.find(args.title, include_archived=True)
        draft = _draft(args, row)
        if draft is not None:
            ws.commitments.update(row.id, draft)
            row = ws.commitments.get(row.id)
    if args.json:
        print_json(commitment_json(row))
    else:
        # TRANSLATORS: {what} is what is promised and when: "every day", "at least 20
        # pages a day, Mon, Wed, Fri".
        said = (_("Saved: “{title}” — {what}.") if draft is not None
                else _("As it is: “{title}” — {what}."))
        print(said.format(title=row.title, what=describe(row)))
    return 0


# --- archive and unarchive --------------------------------------------------------------


def _one_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title", help=_(ONE_HELP))
    p.add_argument("--json", action="store_true", help=_(JSON_HELP))


def _say(args: argparse.Namespace, row: CommitmentRow, words: str) -> int:
    if args.json:
        print_json(commitment_json(row))
    else:
        print(words)
    return 0


def _archive(args: argparse.Namespace) -> int:
    with open_data(args) as ws:
        row = ws.commitments.find(args.title, include_archived=True)
        if row.archived:
            words = _("“{title}” is already archived; its history is kept.").format(
                title=row.title)
        else:
            ws.commitments.archive(row.id)
            row = ws.commitments.get(row.id)
            words = _("“{title}” is archived; its history is kept. "
                      "`selftrust unarchive` brings it back.").format(title=row.title)
    return _say(args, row, words)


def _unarchive(args: argparse.Namespace) -> int:
    with open_data(args) as ws:
        row = ws.commitments.find(args.title, include_archived=True)
        if not row.archived:
            # TRANSLATORS: Today is the name of the app's main view.
            words = _("“{title}” is not archived; it is in Today already.").format(
                title=row.title)
        else:
            ws.commitments.restore(row.id)
            row = ws.commitments.get(row.id)
            words = _("“{title}” is back in Today, with all its history.").format(
                title=row.title)
    return _say(args, row, words)


EDIT = Command("edit", N_("change a commitment: its title, why, schedule, target or colour"),
               _edit_args, _edit)
ARCHIVE = Command("archive", N_("stop tracking a commitment; its history is kept"),
                  _one_args, _archive)
UNARCHIVE = Command("unarchive", N_("bring an archived commitment back into Today"),
                    _one_args, _unarchive)

