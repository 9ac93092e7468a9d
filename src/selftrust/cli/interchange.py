"""`selftrust export`, `import` and `demo`: data in and out, thin shells over the services."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from selftrust.base.words import counted
from selftrust.cli.common import CliError, Command, number, open_data


class Progress:
    """A percentage on a terminal; silent in scripts (stderr not a terminal)."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._last = -1
        self._shown = False

    def callback(self) -> Callable[[int, int], None] | None:
        return self.show if sys.stderr.isatty() else None

    def show(self, done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        if pct != self._last:
            self._last = pct
            self._shown = True
            print(f"\r{self.what}… {pct:3d} %", end="", file=sys.stderr, flush=True)

    def clear(self) -> None:
        if self._shown:
            print("\r" + " " * 24 + "\r", end="", file=sys.stderr, flush=True)
            self._shown = False


# --- export -----------------------------------------------------------------------------


def _export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("json", "csv"),
                   help="json (one file) or csv (one file per table, in a zip); "
                        "default: from the name given to --out")
    p.add_argument("--out", required=True, type=Path,
                   help="the file to write (an existing file is replaced whole), or a folder")


def _export(args: argparse.Namespace) -> int:
    from selftrust.services.interchange import ExportFormat, export_file, format_for

    out: Path = args.out.expanduser()
    fmt = ExportFormat(args.format) if args.format else None
    if not out.is_dir() and fmt is None:
        fmt = format_for(out)
    progress = Progress("Exporting")
    with open_data(args) as ws:
        if out.is_dir():
            fmt = fmt or ExportFormat.JSON
            suffix = "zip" if fmt is ExportFormat.CSV else "json"
            out = out / f"selftrust-export-{ws.today().isoformat()}.{suffix}"
        summary = export_file(ws, out, fmt, progress=progress.callback())
    progress.clear()
    print(f"Exported {summary.headline()} to {summary.path}.")
    return 0


# --- import -----------------------------------------------------------------------------


def _import_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", type=Path,
                   help="a Self-Trust export (.json or .zip), a Loop Habit Tracker CSV export "
                        "(.zip or its folder) or a Loop backup (.db)")
    p.add_argument("--dry-run", action="store_true",
                   help="say what would be imported, change nothing")


def _import(args: argparse.Namespace) -> int:
    from selftrust.services.interchange import import_file

    if not args.path.expanduser().exists():
        raise CliError(f"there is no file or folder at {args.path}")
    progress = Progress("Importing")
    with open_data(args) as ws:
        try:
            summary = import_file(ws, args.path, dry_run=args.dry_run,
                                  progress=progress.callback())
        finally:
            progress.clear()
    for line in summary.lines():
        print(line)
    for warning in summary.warnings:
        print(f"Note: {warning}")
    return 0


# --- demo -------------------------------------------------------------------------------


def _demo_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--years", type=number, default=2.0)
    p.add_argument("--commitments", type=int, default=8)
    p.add_argument("--seed", type=int, default=1)


def _demo(args: argparse.Namespace) -> int:
    from selftrust.services.demo import generate

    with open_data(args) as ws:
        counts = generate(ws, years=args.years, commitments=args.commitments, seed=args.seed)
    print(f"Demo data ready: {counted(counts['commitments'], 'commitment')}, "
          f"{counted(counts['checkins'], 'check-in')}, "
          f"{counted(counts['reflections'], 'reflection')}.")
    return 0


DEMO = Command("demo", "fill an empty data folder with realistic demo data", _demo_args, _demo)
EXPORT = Command("export", "save all your data as JSON or as CSV files in a zip",
                 _export_args, _export, reads_only=True)
IMPORT = Command("import", "bring in a Self-Trust export or Loop Habit Tracker's export or backup",
                 _import_args, _import)
