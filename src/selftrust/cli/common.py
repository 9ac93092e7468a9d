"""What every `selftrust` sub-command shares: its errors and exit codes, how a command is
declared, the clock and the data folder it works on, and how it reads days and prints JSON.

Importing this stays cheap (no SQL, no Qt): `selftrust --help` builds the whole parser.
The database layer is imported only when a command opens the data folder.

What a person reads is in their language (``base.i18n``): help texts, messages, the
lines the commands print, with dates and numbers through ``base.formats``. What a
script reads (``--json``) is not: its keys, values and ISO dates are the same in
every language.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NoReturn

from selftrust.base.i18n import _
from selftrust.domain.days import parse_day
from selftrust.services.clock import Clock, FixedClock, SystemClock

if TYPE_CHECKING:
    from selftrust.services.workspace import Workspace

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_NOT_SYNCING = 3
"""`selftrust sync` on data that does not sync (yet, or any more)."""
EXIT_SYNC_BUSY = 4
"""`selftrust sync` while another pass runs for the same data: try again in a moment."""


class CliError(Exception):
    """A mistake in what was asked: one line on stderr, exit 2 unless ``code`` says else."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


class Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one clear line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        # TRANSLATORS: a mistake on the command line; {prog} is the command as typed
        # ("selftrust check"), {message} what was wrong (argparse's words, translated
        # too), {help} the command that shows the help ("selftrust check --help").
        raise CliError(_("{prog}: {message} (see `{help}`)").format(
            prog=self.prog, message=message, help=f"{self.prog} --help"))


Handler = Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Command:
    """One sub-command. ``reads_only`` marks the commands that write nothing (or, as a
    function of the arguments, the uses that write nothing: `settings` without a value):
    on a folder without Self-Trust data they say so and create nothing (a mistyped
    --data-dir must not become an empty record); the others create the folder as the
    app does. ``help`` is the app's English, marked with ``N_`` (commands are declared
    when the module is imported, before a language is chosen) and translated here."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    handler: Handler
    reads_only: bool | Callable[[argparse.Namespace], bool] = False

    def only_reads(self, args: argparse.Namespace) -> bool:
        return self.reads_only(args) if callable(self.reads_only) else self.reads_only

    def add(self, sub: Any) -> None:
        words = _(self.help)
        parser = sub.add_parser(self.name, help=words, description=words)
        self.configure(parser)
        parser.set_defaults(command_spec=self)


# --- the clock and the data folder ------------------------------------------------------


def env_now() -> datetime | None:
    """SELFTRUST_NOW (ISO date-time) fixes the clock: for tests, demos and screenshots."""
    raw = os.environ.get("SELFTRUST_NOW")
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        raise CliError(_("SELFTRUST_NOW={value} is not an ISO date-time").format(
            value=repr(raw))) from None


def env_clock() -> Clock:
    now = env_now()
    return FixedClock(now) if now else SystemClock()


def open_data(args: argparse.Namespace) -> Workspace:
    """The data folder of ``--data-dir`` opened on the command's clock; use it in a
    ``with`` block, which closes it."""
    from selftrust.services.workspace import open_workspace  # the database layer: not for --help

    return open_workspace(args.data_dir, env_clock())


# --- reading arguments --------------------------------------------------------------------


def parse_day_arg(text: str | None, today: date) -> date:
    if text is None:
        return today
    try:
        return parse_day(text, today)
    except ValueError as exc:
        raise CliError(str(exc)) from None


def number(text: str) -> float:
    """An argparse type: a finite number, with a decimal point or a comma."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{text}” is not a number").format(
            text=text)) from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(_("“{text}” is not a finite number").format(
            text=text))
    return value


def whole_number(text: str) -> int:
    """An argparse type: a whole number (a count, a seed)."""
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{text}” is not a whole number").format(
            text=text)) from None


def feeling(text: str) -> int:
    """An argparse type: a feeling rated 1 to 5."""
    if text not in {"1", "2", "3", "4", "5"}:
        raise argparse.ArgumentTypeError(
            _("feelings are rated 1 (very low) to 5 (very good)"))
    return int(text)


def picture_size(text: str) -> tuple[int, int]:
    """``WxH`` in pixels, each between 200 and 8000."""
    try:
        width, height = (int(x) for x in text.lower().split("x"))
    except ValueError:
        # TRANSLATORS: WxH is how a size is typed: width "x" height, in pixels.
        raise CliError(_("--size {text} is not WxH, e.g. 1100x720").format(
            text=repr(text))) from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise CliError(_("--size must be between 200x200 and 8000x8000"))
    return width, height


# --- printing -------------------------------------------------------------------------------


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
