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

from selftrust.base import formats
from selftrust.base.i18n import N_, _, ngettext, pgettext
from selftrust.cli.common import EXIT_FAILURE, CliError, Command, open_data, print_json

if TYPE_CHECKING:
    from selftrust.services.commitments import Belongings


def _delete_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title", help=_("the commitment (any case; a unique start is enough)"))
    p.add_argument("--yes", action="store_true", help=_("delete without asking (for scripts)"))
    p.add_argument("--json", action="store_true", help=_("print what was deleted as JSON"))


def _stays(goes: Belongings) -> str:
    """What stays of the commitment: its reflections, as free ones ("" for none)."""
    n = goes.reflections
    if n == 0:
        return ""
    return ngettext("Its reflection stays in your journal as a free reflection.",
                    "Its {n} reflections stay in your journal as free reflections.", n).format(
        n=formats.number(n))


def question(title: str, goes: Belongings) -> str:
    n = goes.checkins
    if n == 0:
        asked = _("Delete “{title}”?").format(title=title)
    else:
        asked = ngettext("Delete “{title}” and its {n} check-in?",
                         "Delete “{title}” and its {n} check-ins?", n).format(
            title=title, n=formats.number(n))
    stays = _stays(goes)
    return f"{asked} {stays}" if stays else asked


def _deleted(title: str, goes: Belongings, backup: str) -> str:
    n = goes.checkins
    if n == 0:
        done = _("Deleted “{title}” (a backup was made first: {backup}).").format(
            title=title, backup=backup)
    else:
        # TRANSLATORS: {backup} is the name of the backup file.
        done = ngettext("Deleted “{title}” and its {n} check-in (a backup was made first: "
                        "{backup}).",
                        "Deleted “{title}” and its {n} check-ins (a backup was made first: "
                        "{backup}).", n).format(title=title, n=formats.number(n), backup=backup)
    stays = _stays(goes)
    return f"{done} {stays}" if stays else done


def _confirmed(text: str) -> bool:
    # TRANSLATORS: after a yes/no question: "y" answers yes, anything else (N) is no.
    hint = pgettext("yes/no answers", "[y/N]")
    print(f"{text} {hint} ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().lower()
    # English's answers count in every language too (a script, a habit).
    yes = {"y", "yes",
           # TRANSLATORS: the short "yes" a person types to a yes/no question ("y").
           pgettext("typed answer", "y").lower(),
           # TRANSLATORS: the "yes" a person types to a yes/no question.
           pgettext("typed answer", "yes").lower()}
    return answer in yes


def _delete(args: argparse.Namespace) -> int:
    from selftrust.services.backups import BEFORE_DELETE, back_up_before  # the database layer

    with open_data(args) as ws:
        row = ws.commitments.find(args.title, include_archived=True, whole_title=True)
        goes = ws.commitments.belongings(row.id)
        if not args.yes:
            if not sys.stdin.isatty():
                raise CliError(_("“{title}” was not deleted: there is no terminal to ask on, "
                                 "so say --yes to delete it (archive keeps its history)").format(
                    title=row.title))
            if not _confirmed(question(row.title, goes)):
                print(_("Kept “{title}”; nothing was deleted.").format(title=row.title),
                      file=sys.stderr)
                return EXIT_FAILURE
        backup = back_up_before(ws, BEFORE_DELETE)
        ws.commitments.delete(row.id)
    if args.json:
        print_json({"deleted": row.title, "checkins": goes.checkins,
                    "reflections_kept": goes.reflections, "backup": str(backup.path)})
        return 0
    print(_deleted(row.title, goes, backup.path.name))
    return 0


DELETE = Command("delete",
                 N_("delete a commitment and its check-ins (asks first; a backup is made)"),
                 _delete_args, _delete)
