"""The `selftrust` command: the app by default, plus sub-commands for people and scripts.

Every command exits 0 on success; bad input prints one clear line to stderr and exits
2 (other failures exit 1), never a traceback, and never leaves a half-done change.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

from selftrust import __version__

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one clear line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: {message} (see `{self.prog} --help`)")


def build_parser() -> argparse.ArgumentParser:
    from selftrust.cli_commands import COMMANDS

    parser = _Parser(
        prog="selftrust",
        description="Self-Trust: build trust in yourself, one small kept promise at a time.",
    )
    parser.add_argument("--version", action="version", version=f"selftrust {__version__}")
    parser.add_argument(
        "--data-dir", type=Path, metavar="DIR", help="use DIR instead of the standard data folder"
    )
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="start the app, wait until Today has painted its data, then exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        command.add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(args_list)
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return exc.code
    if args.command is None:
        from selftrust.ui.shell.launch import run_gui

        return run_gui(args.data_dir, exit_after_startup=args.exit_after_startup)
    try:
        code = run_command(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # `selftrust stats | head`: the reader left; that is not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return code


def run_command(args: argparse.Namespace) -> int:
    from selftrust.services.errors import DataProblem, UserError
    from selftrust.services.workspace import start_logging

    start_logging(args.data_dir)

    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except CliError as exc:
        print(f"selftrust {args.command}: {exc}", file=sys.stderr)
        return exc.code
    except DataProblem as exc:
        print(f"selftrust: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except UserError as exc:
        print(f"selftrust {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("selftrust: stopped; nothing half-done was saved.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, logged
        log.exception("unexpected error in %s", args.command)
        detail = (str(exc).strip().splitlines() or [""])[0]  # one line, as promised
        print(
            f"selftrust {args.command}: something went wrong ({type(exc).__name__}: "
            f"{detail}). Your data was not changed by the failed step.",
            file=sys.stderr,
        )
        return EXIT_FAILURE


# --- helpers shared by the commands ---------------------------------------------------------


def env_now() -> datetime | None:
    """SELFTRUST_NOW (ISO date-time) fixes the clock: for tests, demos and screenshots."""
    raw = os.environ.get("SELFTRUST_NOW")
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        raise CliError(f"SELFTRUST_NOW={raw!r} is not an ISO date-time") from None


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def parse_day_arg(text: str | None, today: date) -> date:
    from selftrust.domain.days import parse_day

    if text is None:
        return today
    try:
        return parse_day(text, today)
    except ValueError as exc:
        raise CliError(str(exc)) from None


if __name__ == "__main__":
    raise SystemExit(main())
