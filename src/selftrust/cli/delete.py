"""`selftrust delete`: the one step with no undo on a command line, so it asks first.

On a terminal it asks y/N; a script (no terminal on stdin) must say `--yes`. A labelled
backup ("before-delete") is made first, and the answer says what went with the
commitment (its check-ins) and what stays (its reflections, as free reflections), as the
window's confirmation does.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from selftrust.cli.common import EXIT_FAILURE, CliError, Command, open_data, print_json

if TYPE_CHECKING:
    from selftrust.services.commitments import Belongings


def _delete_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title", help="the commitment (any case; a unique start is enough)")
    p.add_argument("--yes", action="store_true", help="delete without asking (for scripts)")
    p.add_argument("--json", action="store_true", help="print what was deleted as JSON")


def _checkins(goes: Belongings) -> str:
    if goes.checkins == 0:
        return ""
    return " and its 1 check-in" if goes.checkins == 1 else f" and its {goes.checkins:,} check-ins"


def _reflections(goes: Belongings) -> str:
    if goes.reflections == 0:
        return ""
    if goes.reflections == 1:
        return "its reflection stays in your journal as a free reflection"
    return f"its {goes.reflections:,} reflections stay in your journal as free reflections"


def question(title: str, goes: Belongings) -> str:
    stays = _reflections(goes)
    return f"Delete “{title}”{_checkins(goes)}?" + (f" {stays[0].upper()}{stays[1:]}." if stays
                                                     else "")


def _confirmed(text: str) -> bool:
    print(f"{text} [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")


def _delete(args: argparse.Namespace) -> int:
    from selftrust.services.backups import BEFORE_DELETE, back_up_before  # the database layer

    with open_data(args) as ws:
        row = ws.commitments.find(args.title, include_archived=True, whole_title=True)
        goes = ws.commitments.belongings(row.id)
        if not args.yes:
            if not sys.stdin.isatty():
                raise CliError(f"“{row.title}” was not deleted: there is no terminal to ask "
                               "on, so say --yes to delete it (archive keeps its history)")
            if not _confirmed(question(row.title, goes)):
                print(f"Kept “{row.title}”; nothing was deleted.", file=sys.stderr)
                return EXIT_FAILURE
        backup = back_up_before(ws, BEFORE_DELETE)
        ws.commitments.delete(row.id)
    if args.json:
        print_json({"deleted": row.title, "checkins": goes.checkins,
                    "reflections_kept": goes.reflections, "backup": str(backup.path)})
        return 0
    stays = _reflections(goes)
    print(f"Deleted “{row.title}”{_checkins(goes)}" + (f"; {stays}" if stays else "")
          + f" (a backup was made first: {backup.path.name}).")
    return 0


DELETE = Command("delete", "delete a commitment and its check-ins (asks first; a backup is made)",
                 _delete_args, _delete)
