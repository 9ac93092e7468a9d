"""`selftrust reflect` and `selftrust reflections`: writing a reflection, and finding it again."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selftrust.base import formats
from selftrust.base.i18n import N_, _
from selftrust.cli.common import CliError, Command, feeling, open_data, parse_day_arg, print_json
from selftrust.domain.coach import but_hint, contains_but

if TYPE_CHECKING:
    from selftrust.services.records import ReflectionRow

MAX_TEXT_BYTES = 1_000_000

# --- reflect ----------------------------------------------------------------------------


def _reflect_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title", nargs="?", help=_("the commitment this is about (optional)"))
    p.add_argument("--day", help=_("the day it is about (default today)"))
    p.add_argument("--happened", default="", help=_("what happened"))
    p.add_argument("--owning", default="", help=_("owning it (a real apology has no “but”)"))
    p.add_argument("--friend", default="", help=_("what I would tell a friend"))
    p.add_argument("--learned", default="", help=_("what I learned"))
    p.add_argument("--next-step", default="", help=_("one next small step"))
    p.add_argument("--text-file", type=Path, metavar="F",
                   help=_("read “what happened” from a UTF-8 file (- for standard input)"))
    p.add_argument("--before", type=feeling, help=_("how I feel before, 1–5"))
    p.add_argument("--after", type=feeling, help=_("how I feel after, 1–5"))


def _reflect(args: argparse.Namespace) -> int:
    from selftrust.services.reflections import ReflectionDraft  # the database layer

    happened = args.happened
    if args.text_file is not None:
        if happened:
            raise CliError(_("give “what happened” either with --happened or with --text-file, "
                             "not both"))
        happened = _read_text_file(args.text_file)
    with open_data(args) as ws:
        cid = ws.commitments.find(args.title).id if args.title else None
        day = parse_day_arg(args.day, ws.today())
        row = ws.reflections.write(
            ReflectionDraft(
                day=day,
                commitment_id=cid,
                happened=happened,
                owning=args.owning,
                friend=args.friend,
                learned=args.learned,
                next_step=args.next_step,
                feeling_before=args.before,
                feeling_after=args.after,
            )
        )
        repaired = ws.reflections.repairs(row)
        print(_("Saved your reflection. The miss is repaired.") if repaired
              else _("Saved your reflection."))
        if contains_but(row.owning):
            print(_("A gentle thought: {hint}").format(hint=but_hint()), file=sys.stderr)
    return 0


def _read_text_file(path: Path) -> str:
    try:
        data = (sys.stdin.buffer.read(MAX_TEXT_BYTES + 1) if str(path) == "-"
                else path.read_bytes())
    except OSError as exc:
        # TRANSLATORS: {problem} is the system's reason ("No such file or directory").
        raise CliError(_("cannot read {path}: {problem}").format(
            path=path, problem=exc.strerror or exc)) from None
    if len(data) > MAX_TEXT_BYTES:
        raise CliError(_("{path} is larger than 1 MB; a reflection is a few paragraphs")
                       .format(path=path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(_("{path} is not UTF-8 text").format(path=path)) from None


# --- reflections ------------------------------------------------------------------------


def _reflections_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--search", default="", metavar="WORDS", help=_("only those with every word"))
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))


def _reflection_json(r: ReflectionRow, titles: dict[int, str],
                     repaired: set[int]) -> dict[str, Any]:
    return {
        "id": r.id,
        "day": r.day.isoformat(),
        "commitment": titles.get(r.commitment_id) if r.commitment_id else None,
        "repairs_checkin": r.checkin_id in repaired,  # about a miss, which it repairs
        "happened": r.happened,
        "owning": r.owning,
        "friend": r.friend,
        "learned": r.learned,
        "next_step": r.next_step,
        "feeling_before": r.feeling_before,
        "feeling_after": r.feeling_after,
        "created_at": r.created_at.isoformat() + "Z",
    }


def _reflections(args: argparse.Namespace) -> int:
    with open_data(args) as ws:
        rows = ws.reflections.search(args.search)
        titles = {c.id: c.title for c in ws.commitments.all(include_archived=True)}
        repaired = ws.reflections.repaired_checkins() if args.json else set()
    if args.json:
        print_json([_reflection_json(r, titles, repaired) for r in rows])
        return 0
    if not rows:
        print(_("No reflections yet.") if not args.search else _("No reflection matches."))
    days = [formats.short_date(r.day) for r in rows]
    width = max(map(len, days), default=0)
    for r, day in zip(rows, days, strict=True):
        free = _("free reflection")
        about = titles.get(r.commitment_id, free) if r.commitment_id else free
        first = r.text.splitlines()[0] if r.text else ""
        print(f"{day:<{width}}  {about}: {first[:90]}")
    return 0


REFLECT = Command("reflect", N_("write a reflection; on a missed day it repairs the miss"),
                  _reflect_args, _reflect)
REFLECTIONS = Command("reflections", N_("list or search your reflections"),
                      _reflections_args, _reflections, reads_only=True)
