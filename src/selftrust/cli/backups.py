"""`selftrust backups` and `selftrust restore`: the automatic backups, and putting one back."""

from __future__ import annotations

import argparse
from pathlib import Path

from selftrust.base import formats
from selftrust.base.i18n import N_, _
from selftrust.cli.common import CliError, Command, env_now, print_json


def _backups_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))


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
        print(_("No backups yet; one is made each day the app or a command opens your data."))
    rows = [(formats.date_time(b.taken_at),
             # TRANSLATORS: a file's size in kilobytes ("1,204 KB").
             _("{size} KB").format(size=formats.decimal(b.size / 1024, 0)),
             kind_name(b.kind), str(b.path)) for b in backups]
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(3)]
    for when, size, kind, path in rows:
        print(f"{when:<{widths[0]}}  {size:>{widths[1]}}  {kind:<{widths[2]}}  {path}")
    return 0


def _restore_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("backup", type=Path,
                   help=_("a backup file, or its name as `selftrust backups` lists it"))


def _restore(args: argparse.Namespace) -> int:
    from selftrust.services.workspace import data_folder, restore_backup

    backup: Path = args.backup.expanduser()
    if not backup.exists() and not backup.is_absolute():
        in_folder = data_folder(args.data_dir).backups / backup.name
        backup = in_folder if in_folder.exists() else backup
    if not backup.is_file():
        raise CliError(_("there is no backup file at {path} "
                         "(`selftrust backups` lists them)").format(path=args.backup))
    aside = restore_backup(args.data_dir, backup, now=env_now())
    if aside:
        print(_("Restored {name}. Your previous data is kept at {aside}.").format(
            name=backup.name, aside=aside))
    else:
        print(_("Restored {name}.").format(name=backup.name))
    return 0


BACKUPS = Command("backups", N_("list the automatic backups"), _backups_args, _backups,
                  reads_only=True)
RESTORE = Command("restore", N_("restore a backup (your current data is kept aside)"),
                  _restore_args, _restore)
