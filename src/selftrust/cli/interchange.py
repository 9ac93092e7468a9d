"""`selftrust export`, `import` and `demo`: data in and out, thin shells over the services."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from selftrust.base import formats
from selftrust.base.i18n import N_, _, ngettext
from selftrust.cli.common import CliError, Command, number, open_data, whole_number


class Progress:
    """A percentage on a terminal; silent in scripts (stderr not a terminal). ``what`` is
    the step in words, translated ("Exporting…")."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._last = -1
        self._shown = False
        self._width = 0

    def callback(self) -> Callable[[int, int], None] | None:
        return self.show if sys.stderr.isatty() else None

    def show(self, done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        if pct != self._last:
            self._last = pct
            self._shown = True
            line = f"{self.what} {formats.percent(pct / 100):>4}"
            self._width = max(self._width, len(line))
            print(f"\r{line}", end="", file=sys.stderr, flush=True)

    def clear(self) -> None:
        if self._shown:
            print("\r" + " " * self._width + "\r", end="", file=sys.stderr, flush=True)
            self._shown = False


# --- export -----------------------------------------------------------------------------


def _export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("json", "csv"),
                   help=_("json (one file) or csv (one file per table, in a zip); "
                          "default: from the name given to --out"))
    p.add_argument("--out", required=True, type=Path,
                   help=_("the file to write (an existing file is replaced whole), "
                          "or a folder"))


def _export(args: argparse.Namespace) -> int:
    from selftrust.services.interchange import ExportFormat, export_file, format_for

    out: Path = args.out.expanduser()
    fmt = ExportFormat(args.format) if args.format else None
    if not out.is_dir() and fmt is None:
        fmt = format_for(out)
    progress = Progress(_("Exporting…"))
    with open_data(args) as ws:
        if out.is_dir():
            fmt = fmt or ExportFormat.JSON
            suffix = "zip" if fmt is ExportFormat.CSV else "json"
            out = out / f"selftrust-export-{ws.today().isoformat()}.{suffix}"
        summary = export_file(ws, out, fmt, progress=progress.callback())
    progress.clear()
    # TRANSLATORS: {what} says what was exported ("3 commitments, 120 check-ins…").
    print(_("Exported {what} to {path}.").format(what=summary.headline(), path=summary.path))
    return 0


# --- import -----------------------------------------------------------------------------


def _import_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", type=Path,
                   help=_("a Self-Trust export (.json or .zip), a Loop Habit Tracker CSV "
                          "export (.zip or its folder) or a Loop backup (.db)"))
    p.add_argument("--dry-run", action="store_true",
                   help=_("say what would be imported, change nothing"))


def _import(args: argparse.Namespace) -> int:
    from selftrust.services.interchange import import_file

    if not args.path.expanduser().exists():
        raise CliError(_("there is no file or folder at {path}").format(path=args.path))
    progress = Progress(_("Importing…"))
    with open_data(args) as ws:
        try:
            summary = import_file(ws, args.path, dry_run=args.dry_run,
                                  progress=progress.callback())
        finally:
            progress.clear()
    for line in summary.lines():
        print(line)
    for warning in summary.warnings:
        print(_("Note: {warning}").format(warning=warning))
    return 0


# --- demo -------------------------------------------------------------------------------


def _demo_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--years", type=number, default=2.0,
                   help=_("how many years of history (default 2)"))
    p.add_argument("--commitments", type=whole_number, default=8,
                   help=_("how many commitments (default 8)"))
    p.add_argument("--seed", type=whole_number, default=1,
                   help=_("another seed makes other data (default 1)"))


def _demo(args: argparse.Namespace) -> int:
    from selftrust.services.demo import generate

    with open_data(args) as ws:
        counts = generate(ws, years=args.years, commitments=args.commitments, seed=args.seed)
    c, k, r = counts["commitments"], counts["checkins"], counts["reflections"]
    made = [
        ngettext("{n} commitment", "{n} commitments", c).format(n=formats.number(c)),
        ngettext("{n} check-in", "{n} check-ins", k).format(n=formats.number(k)),
        ngettext("{n} reflection", "{n} reflections", r).format(n=formats.number(r)),
    ]
    # TRANSLATORS: {made} lists what was made: "8 commitments, 4,012 check-ins and 31
    # reflections".
    print(_("Demo data ready: {made}.").format(made=formats.join(made)))
    return 0


DEMO = Command("demo", N_("fill an empty data folder with realistic demo data"),
               _demo_args, _demo)
EXPORT = Command("export", N_("save all your data as JSON or as CSV files in a zip"),
                 _export_args, _export, reads_only=True)
IMPORT = Command("import",
                 N_("bring in a Self-Trust export or Loop Habit Tracker's export or backup"),
                 _import_args, _import)
