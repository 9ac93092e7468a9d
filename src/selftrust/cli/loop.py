"""`selftrust loop pull|push`: the Loop Habit Tracker bridge from the command line, a thin
shell over ``services.loop``."""

from __future__ import annotations

import argparse
from pathlib import Path

from selftrust.base.i18n import N_, _
from selftrust.cli.common import CliError, Command, open_data, print_json


def _loop_args(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="loop_action", metavar="ACTION", required=True,
                           parser_class=type(p))
    pull = sub.add_parser(
        "pull", help=_("merge what changed on the phone from a Loop backup"),
        # TRANSLATORS: “Loop Habits Backup ….db” is the name Loop gives its backup files.
        description=_("Merge a Loop backup: the file given, or the newest "
                      "“Loop Habits Backup ….db” in the folder given."))
    pull.add_argument("path", type=Path, metavar="FOLDER_OR_FILE")
    pull.add_argument("--json", action="store_true", help=_("print the summary as JSON"))
    push = sub.add_parser(
        "push",
        # TRANSLATORS: “Import data” is the name of a command in Loop Habit Tracker's menu;
        # use the name Loop shows in your language.
        help=_("write a Loop backup that Loop's “Import data” merges"),
        description=_("Write a Loop backup: to the file given, or into the "
                      "folder given under Loop's own backup name."))
    push.add_argument("path", type=Path, metavar="FOLDER_OR_FILE")
    push.add_argument("--dry-run", action="store_true",
                      help=_("only say what would not travel to Loop; write nothing"))
    push.add_argument("--json", action="store_true", help=_("print the summary as JSON"))
    again = sub.add_parser(
        "send-again", help=_("let a habit deleted on the phone go with the next push again"),
        description=_("A commitment whose Loop habit was deleted on the phone is left out "
                      "of every push; this sends it again, from the next push on."))
    again.add_argument("title", help=_("the commitment (any case; a unique start is enough)"))


def _loop(args: argparse.Namespace) -> int:
    from selftrust.services.loop import pull, push, send_again

    if args.loop_action == "send-again":
        with open_data(args) as ws:
            title, changed = send_again(ws, args.title)
        print(_("“{title}” goes to Loop again with the next push.").format(title=title)
              if changed else
              _("“{title}” already goes to Loop with every push.").format(title=title))
        return 0
    if args.loop_action == "pull":
        if not args.path.expanduser().exists():
            raise CliError(_("there is no file or folder at {path}").format(path=args.path))
        with open_data(args) as ws:
            summary = pull(ws, args.path)
        if args.json:
            print_json(summary.as_json())
        else:
            print("\n".join(summary.lines()))
        return 0
    with open_data(args) as ws:
        pushed = push(ws, args.path, dry_run=args.dry_run)
    if args.json:
        print_json(pushed.as_json())
    else:
        print("\n".join(pushed.lines()))
    return 0


LOOP = Command("loop",
               N_("pull from and push to Loop Habit Tracker on the phone (backup files)"),
               _loop_args, _loop,
               reads_only=lambda args: args.loop_action == "push" and args.dry_run)
