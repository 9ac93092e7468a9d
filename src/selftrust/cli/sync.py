"""`selftrust sync`: one pass through the sync folder, and its setting up, status and
leaving; a thin shell over ``services.sync``. A passphrase is read from the first line
of a file (never from the command line, which other users can see in a process list)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selftrust.cli.common import CliError, Command, open_data, print_json

if TYPE_CHECKING:
    from selftrust.services.sync import PassResult, SyncStatus


def _sync_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--folder", type=Path, metavar="FOLDER",
                   help="the folder your file-sync tool carries (set on first use)")
    p.add_argument("--device-name", metavar="NAME",
                   help="how the other devices call this one (default: the computer's name)")
    p.add_argument("--passphrase-file", type=Path, metavar="FILE",
                   help="encrypt with the passphrase on the first line of FILE (set once)")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--status", action="store_true", help="say how sync stands; sync nothing")
    what.add_argument("--leave", action="store_true",
                      help="stop syncing this data (the record stays here as it is)")
    what.add_argument("--merge", metavar="TITLE",
                      help="make two commitments of one title into one, with their check-ins")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")


def _sync(args: argparse.Namespace) -> int:
    from selftrust.services import sync
    if args.passphrase_file is not None and (args.status or args.leave or args.merge):
        raise CliError("--passphrase-file goes with a sync pass, not with --status, --leave "
                       "or --merge")
    passphrase = (None if args.passphrase_file is None
                  else sync.read_passphrase_file(args.passphrase_file.expanduser()))
    with open_data(args) as ws:
        if args.status:
            return _print_status(sync.status(ws), args.json)
        if args.leave:
            left = sync.leave(ws)
            _say(args.json, {"left": left},
                 f"This data no longer syncs with {left}. Everything stays here as it is.")
            return 0
        if args.merge:
            merged = sync.merge_same_title(ws, args.merge)
            _say(args.json, {"merged": merged.title, "checkins_moved": merged.moved,
                             "reflections_moved": merged.reflections},
                 f"“{merged.title}” is one commitment now: {merged.moved} check-ins and "
                 f"{merged.reflections} reflections moved over"
                 + (f"; on {merged.overlapping} days both had one, the first one's stays."
                    if merged.overlapping else "."))
            return 0
        if args.folder is not None or args.device_name is not None or passphrase is not None:
            sync.join(ws, args.folder, device_name=args.device_name, passphrase=passphrase)
        result = sync.run_pass(ws, passphrase=passphrase)
    _print_pass(result, args.json)
    return 0


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
        print(f"Your data here was backed up first: {result.backup}")
    arrived = f" ({result.summary})" if result.summary else ""
    print(f"Sent {result.sent}, received {result.received}{arrived}.")
    for d in others:
        print(f"  {d.name}: {d.skipped or 'last wrote ' + (d.last_write or 'nothing yet')}")
    for line in [*(c.words for c in result.conflicts), *result.skipped]:
        print(line)
    for title in result.offers:
        print(f"Two commitments are called “{title}”. To make them one, with their check-ins: "
              f"selftrust sync --merge \"{title}\"")


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
    print(f"Syncing with {status.folder} as “{status.device_name}”"
          + (" (encrypted)." if status.encrypted else "."))
    print(f"Last pass: {status.last_pass or 'not yet'}; changes waiting to be sent: "
          f"{status.waiting}.")
    for d in status.devices:
        print(f"  {d.name}: {d.skipped or 'last wrote ' + (d.last_write or 'nothing yet')}")
    for line in (*status.conflicts, *([status.problem] if status.problem else [])):
        print(line)
    return 0


SYNC = Command("sync", "keep one record on several computers through a folder they share",
               _sync_args, _sync, reads_only=lambda args: bool(args.status))
