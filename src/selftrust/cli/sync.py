"""`selftrust sync`: one pass through the sync folder, and its setting up, status and
leaving; a thin shell over ``services.sync``. A passphrase is read from the first line
of a file (never from the command line, which other users can see in a process list)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selftrust.base import formats
from selftrust.base.i18n import N_, _, ngettext
from selftrust.cli.common import (
    EXIT_NOT_SYNCING,
    EXIT_SYNC_BUSY,
    CliError,
    Command,
    open_data,
    print_json,
)

if TYPE_CHECKING:
    from selftrust.services.sync import DeviceSeen, Merged, PassResult, SyncStatus


def _sync_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--folder", type=Path, metavar="FOLDER",
                   help=_("the folder your file-sync tool carries (set on first use)"))
    p.add_argument("--device-name", metavar="NAME",
                   help=_("how the other devices call this one "
                          "(default: the computer's name)"))
    p.add_argument("--passphrase-file", type=Path, metavar="FILE",
                   help=_("encrypt with the passphrase on the first line of FILE (set once)"))
    what = p.add_mutually_exclusive_group()
    what.add_argument("--status", action="store_true",
                      help=_("say how sync stands; sync nothing"))
    what.add_argument("--leave", action="store_true",
                      help=_("stop syncing this data (the record stays here as it is)"))
    what.add_argument("--merge", metavar="TITLE",
                      help=_("make two commitments of one title into one, with their "
                             "check-ins"))
    p.add_argument("--json", action="store_true", help=_("print the outcome as JSON"))


def _sync(args: argparse.Namespace) -> int:
    """A sync command; "does not sync" and "another pass runs" exit with codes of their
    own, so the window (which runs this in its language) tells them apart without words."""
    from selftrust.services.sync.lock import SyncBusy
    from selftrust.services.sync.setup import NotSyncing

    try:
        return _sync_command(args)
    except NotSyncing as exc:
        raise CliError(str(exc), EXIT_NOT_SYNCING) from None
    except SyncBusy as exc:
        raise CliError(str(exc), EXIT_SYNC_BUSY) from None


def _sync_command(args: argparse.Namespace) -> int:
    from selftrust.services import sync
    if args.passphrase_file is not None and (args.status or args.leave or args.merge):
        raise CliError(_("--passphrase-file goes with a sync pass, not with --status, --leave "
                         "or --merge"))
    passphrase = (None if args.passphrase_file is None
                  else sync.read_passphrase_file(args.passphrase_file.expanduser()))
    with open_data(args) as ws:
        if args.status:
            return _print_status(sync.status(ws), args.json)
        if args.leave:
            left = sync.leave(ws)
            _say(args.json, {"left": left},
                 # TRANSLATORS: {folder} is the sync folder this data leaves.
                 _("This data no longer syncs with {folder}. Everything stays here as it is.")
                 .format(folder=left))
            return 0
        if args.merge:
            merged = sync.merge_same_title(ws, args.merge)
            _say(args.json, {"merged": merged.title, "checkins_moved": merged.moved,
                             "reflections_moved": merged.reflections}, _merged_words(merged))
            return 0
        if args.folder is not None or args.device_name is not None or passphrase is not None:
            sync.join(ws, args.folder, device_name=args.device_name, passphrase=passphrase)
        result = sync.run_pass(ws, passphrase=passphrase)
    _print_pass(result, args.json)
    return 0


def _merged_words(merged: Merged) -> str:
    """"“Walk” is one commitment now: 4 check-ins and 1 reflection moved over." and, when
    both had a check-in on a day, which one stays."""
    n = formats.number
    one = _("“{title}” is one commitment now.").format(title=merged.title)
    moved = [ngettext("{n} check-in", "{n} check-ins", merged.moved).format(n=n(merged.moved)),
             ngettext("{n} reflection", "{n} reflections", merged.reflections).format(
                 n=n(merged.reflections))]
    # TRANSLATORS: {moved} lists what moved: "4 check-ins and 1 reflection".
    said = [one, _("Moved over: {moved}.").format(moved=formats.join(moved))]
    if merged.overlapping:
        said.append(ngettext("On {n} day both had a check-in; the first one's stays.",
                             "On {n} days both had a check-in; the first one's stays.",
                             merged.overlapping).format(n=n(merged.overlapping)))
    return " ".join(said)


def _say(as_json: bool, data: dict[str, Any], line: str) -> None:
    if as_json:
        print_json(data)
    else:
        print(line)


def _print_pass(result: PassResult, as_json: bool) -> None:
    others = [d for d in result.devices if not d.this_device]
    if as_json:
        print_json({
            "sent": result.sent, "received": result.received,
            "devices": [{"name": d.name, "last_write": d.last_write, "skipped": d.skipped}
                        for d in others],
            "conflicts": len(result.conflicts),
            "conflict_messages": [c.words for c in result.conflicts],
            "summary": result.summary, "skipped": list(result.skipped),
            "offers": list(result.offers),
            "backup": None if result.backup is None else str(result.backup),
        })
        return
    if result.backup is not None:
        print(_("Your data here was backed up first: {path}").format(path=result.backup))
    sent, received = formats.number(result.sent), formats.number(result.received)
    if result.summary:
        # TRANSLATORS: counts of changes sent to and received from the other devices;
        # {arrived} says what arrived ("2 check-ins from Desk").
        print(_("Sent {sent}, received {received} ({arrived}).").format(
            sent=sent, received=received, arrived=result.summary))
    else:
        print(_("Sent {sent}, received {received}.").format(sent=sent, received=received))
    for d in others:
        print(_device_line(d))
    for line in [*(c.words for c in result.conflicts), *result.skipped]:
        print(line)
    for title in result.offers:
        # TRANSLATORS: the command at the end is typed as it is.
        print(_("Two commitments are called “{title}”. To make them one, with their "
                "check-ins: {command}").format(
            title=title, command=f'selftrust sync --merge "{title}"'))


def _device_line(d: DeviceSeen) -> str:
    """"  Desk: last wrote 24 Nov 2026, 20:00:00", or why its file was passed over."""
    if d.skipped:
        return f"  {d.name}: {d.skipped}"
    if d.last_write:
        # TRANSLATORS: {when} is the date and time another device last wrote its file.
        return f"  {d.name}: " + _("last wrote {when}").format(when=_moment(d.last_write))
    return f"  {d.name}: " + _("last wrote nothing yet")


def _moment(iso_utc: str) -> str:
    """An ISO 8601 moment in UTC ("2026-11-24T19:00:00Z"), as the person's clock and
    language say it ("24 Nov 2026, 20:00:00")."""
    try:
        moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00"))
    except ValueError:
        return iso_utc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return formats.date_time(moment.astimezone().replace(tzinfo=None))


def _print_status(status: SyncStatus, as_json: bool) -> int:
    if as_json:
        print_json({"folder": status.folder, "device_id": status.device_id,
                    "device_name": status.device_name,
                    "encrypted": status.encrypted, "last_pass": status.last_pass,
                    "waiting": status.waiting, "conflicts": list(status.conflicts),
                    "devices": [{"name": d.name, "last_write": d.last_write,
                                 "skipped": d.skipped} for d in status.devices],
                    "problem": status.problem})
        return 0
    if status.encrypted:
        print(_("Syncing with {folder} as “{device}” (encrypted).").format(
            folder=status.folder, device=status.device_name))
    else:
        print(_("Syncing with {folder} as “{device}”.").format(
            folder=status.folder, device=status.device_name))
    waiting = formats.number(status.waiting)
    if status.last_pass:
        # TRANSLATORS: {when} says when this device last synced.
        print(_("Last pass: {when}; changes waiting to be sent: {waiting}.").format(
            when=_moment(status.last_pass), waiting=waiting))
    else:
        print(_("Last pass: not yet; changes waiting to be sent: {waiting}.").format(
            waiting=waiting))
    for d in status.devices:
        print(_device_line(d))
    for line in (*status.conflicts, *([status.problem] if status.problem else [])):
        print(line)
    return 0


SYNC = Command("sync", N_("keep one record on several computers through a folder they share"),
               _sync_args, _sync, reads_only=lambda args: bool(args.status))
