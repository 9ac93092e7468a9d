"""`selftrust backups` and `selftrust restore`: the automatic backups, and putting one back."""

from __future__ import annotations

import argparse
from pathlib import Path

from selftrust.cli.common import CliError, Command, env_now, print_json


def _backups_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")


def _backups(args: argparse.Namespace) -> int:
    from selftrust.services.backups import kind_name
    from selftrust.services.workspace import list_backups

    backups = list_backups(args.data_dir)
    if args.json:
        print_json(
            [{"path": str(b.path), "taken_at": b.taken_at.isoformat(), "size": b.size,
              "kind": b.kind}
             for b in backups]
        )
        return 0
    if not backups:
        print("No backups yet; one is made each day the app or a command opens your data.")
    for b in backups:
        print(f"{b.taken_at:%Y-%m-%d %H:%M}  {b.size / 1024:>8,.0f} KB  "
              f"{kind_name(b.kind):<16}  {b.path}")
    return 0


def _restore_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("backup", type=Path,
                   help="a backup file, or its name as `selftrust backups` lists it")


def _restore(args: argparse.Namespace) -> int:
    from selftrust.services.workspace import data_folder, restore_backup

    backup: Path = args.backup.expanduser()
    if not backup.exists() and not backup.is_absolute():
        in_folder = data_folder(args.data_dir).backups / backup.name
        backup = in_folder if in_folder.exists() else backup
    if not backup.is_file():
        raise CliError(f"there is no backup file at {args.backup} "
                       "(`selftrust backups` lists them)")
    aside = restore_backup(args.data_dir, backup, now=env_now())
    kept = f" Your previous data is kept at {aside}." if aside else ""
    print(f"Restored {backup.name}.{kept}")
    return 0


BACKUPS = Command("backups", "list the automatic backups", _backups_args, _backups,
                  reads_only=True)
RESTORE = Command("restore", "restore a backup (your current data is kept aside)",
                  _restore_args, _restore)
