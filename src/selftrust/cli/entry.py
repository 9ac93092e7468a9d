"""Running `selftrust`: the app by default, else one sub-command, with the CLI's promises
kept in one place.

Every command exits 0 on success; bad input prints one clear line to stderr and exits
2 (other failures exit 1), never a traceback, and never leaves a half-done change. A
command that only reads says so when the folder holds no Self-Trust data, and creates
nothing there; logging (a file in the data folder) starts only after that check.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from selftrust.base.i18n import _
from selftrust.services.errors import DataProblem, UserError

if TYPE_CHECKING:  # the commands' modules: imported when a command runs, not for the app
    import argparse

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()
    except SystemExit:  # --help and --version end through argparse, which printed them
        _flush_stdout()
        raise
    except BrokenPipeError:
        # `selftrust list | head -1`: the reader left; that is not an error of ours.
        _let_go_of_stdout()
        return 0
    return code


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    app = _app_arguments(args_list)
    if app is not None:  # the app: Today paints without argparse and the commands' modules
        # The data layer before Qt: once imported, PySide6 reads the source of every
        # module imported after it (looking for `from __feature__ import`), ≈ 40 ms of
        # SQLAlchemy's, SQLModel's and ours that Today does not need it to read.
        import selftrust.services.workspace  # noqa: F401
        from selftrust.ui.shell.launch import run_gui

        return run_gui(app[0], exit_after_startup=app[1])
    from selftrust.cli.common import CliError
    from selftrust.cli.parser import build_parser

    try:
        args = build_parser().parse_args(args_list)
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return exc.code
    if args.command is None:
        from selftrust.ui.shell.launch import run_gui  # Qt: only for the app itself

        return run_gui(args.data_dir, exit_after_startup=args.exit_after_startup)
    return run_command(args)


def _app_arguments(args: list[str]) -> tuple[Path | None, bool] | None:
    """(data folder, exit after start-up) when ``args`` only start the app, read by hand
    exactly as the parser reads them; None for anything else (the parser decides)."""
    data_dir: Path | None = None
    exit_after_startup = False
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--exit-after-startup":
            exit_after_startup = True
        elif arg == "--data-dir" and rest and not rest[0].startswith("-"):
            data_dir = Path(rest.pop(0))
        elif arg.startswith("--data-dir=") and len(arg) > len("--data-dir="):
            data_dir = Path(arg.removeprefix("--data-dir="))
        else:
            return None
    return data_dir, exit_after_startup


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _let_go_of_stdout()


def _let_go_of_stdout() -> None:
    """Point stdout at the null device, so the flush at interpreter exit (of what could
    not be written) does not print "Exception ignored … BrokenPipeError" after all."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (tests swap it in)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def run_command(args: argparse.Namespace) -> int:
    # The database layer, imported once a command runs (not for --help or a usage error).
    from selftrust.cli.common import EXIT_FAILURE, EXIT_USAGE, CliError, Command
    from selftrust.services.workspace import data_folder, has_data, start_logging

    command: Command = args.command_spec
    if command.only_reads(args) and not has_data(args.data_dir):
        print(f"selftrust {args.command}: " + _("No Self-Trust data in {folder}").format(
            folder=data_folder(args.data_dir).root), file=sys.stderr)
        return EXIT_USAGE
    start_logging(args.data_dir)
    try:
        return command.handler(args)
    except CliError as exc:
        print(f"selftrust {args.command}: {exc}", file=sys.stderr)
        return exc.code
    except DataProblem as exc:
        print(f"selftrust: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except UserError as exc:
        print(f"selftrust {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        raise  # the reader of our output left: main() ends quietly, this is no failure
    except KeyboardInterrupt:
        print("selftrust: " + _("stopped; nothing half-done was saved."), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, logged
        log.exception("unexpected error in %s", args.command)
        detail = (str(exc).strip().splitlines() or [""])[0]  # one line, as promised
        print(
            f"selftrust {args.command}: "
            # TRANSLATORS: {error} is the program's own description of the failure, in English.
            + _("something went wrong ({error}). Your data was not changed by the failed step.")
            .format(error=f"{type(exc).__name__}: {detail}"),
            file=sys.stderr,
        )
        return EXIT_FAILURE
