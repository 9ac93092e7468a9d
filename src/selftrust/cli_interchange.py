"""`selftrust export` and `selftrust import`: thin shells over services/interchange.py."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from selftrust.cli import CliError


def export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("json", "csv"),
                   help="json (one file) or csv (one file per table, in a zip); "
                        "default: from the name given to --out")
    p.add_argument("--out", required=True, type=Path,
                   help="the file to write (an existing file is replaced whole), or a folder")


def export(args: argparse.Namespace) -> int:
    from selftrust.cli_commands import _closing, workspace
    from selftrust.services.interchange import ExportFormat, export_file, format_for

    out: Path = args.out.expanduser()
    fmt = ExportFormat(args.format) if args.format else None
    if not out.is_dir() and fmt is None:
        fmt = format_for(out)
    ws = workspace(args)
    with _closing(ws):
        if out.is_dir():
            fmt = fmt or ExportFormat.JSON
            suffix = "zip" if fmt is ExportFormat.CSV else "json"
            out = out / f"selftrust-export-{ws.today().isoformat()}.{suffix}"
        summary = export_file(ws, out, fmt, progress=_progress_printer("Exporting"))
    _clear_progress()
    print(f"Exported {summary.headline()} to {summary.path}.")
    return 0


def import_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", type=Path,
                   help="a Self-Trust export (.json or .zip), a Loop Habit Tracker CSV export "
                        "(.zip or its folder) or a Loop backup (.db)")
    p.add_argument("--dry-run", action="store_true",
                   help="say what would be imported, change nothing")


def import_(args: argparse.Namespace) -> int:
    from selftrust.cli_commands import _closing, workspace
    from selftrust.services.interchange import import_file

    if not args.path.expanduser().exists():
        raise CliError(f"there is no file or folder at {args.path}")
    ws = workspace(args)
    with _closing(ws):
        try:
            summary = import_file(ws, args.path, dry_run=args.dry_run,
                                  progress=_progress_printer("Importing"))
        finally:
            _clear_progress()
    for line in summary.lines():
        print(line)
    for warning in summary.warnings:
        print(f"Note: {warning}")
    return 0


_shown = {"any": False}


def _progress_printer(what: str):  # type: ignore[no-untyped-def]
    """Show a percentage on a terminal; stay silent in scripts (stderr not a terminal)."""
    if not sys.stderr.isatty():
        return None
    last = {"pct": -1}

    def show(done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        if pct != last["pct"]:
            last["pct"] = pct
            _shown["any"] = True
            print(f"\r{what}… {pct:3d} %", end="", file=sys.stderr, flush=True)

    return show


def _clear_progress() -> None:
    if _shown["any"]:
        print("\r" + " " * 24 + "\r", end="", file=sys.stderr, flush=True)
        _shown["any"] = False
