"""The `selftrust` argument parser: the global options and every sub-command, in the
order `selftrust --help` lists them, in the person's language (argparse's own words
too, see ``argparse_words``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from selftrust import __version__
from selftrust.base.i18n import _
from selftrust.cli.argparse_words import speak_argparse_words
from selftrust.cli.backups import BACKUPS, RESTORE
from selftrust.cli.commitments import ADD, PAUSE
from selftrust.cli.common import Command, Parser
from selftrust.cli.days import CHECK, LIST
from selftrust.cli.delete import DELETE
from selftrust.cli.interchange import DEMO, EXPORT, IMPORT
from selftrust.cli.loop import LOOP
from selftrust.cli.manage import ARCHIVE, EDIT, UNARCHIVE
from selftrust.cli.pictures import CHART, SCREENSHOT
from selftrust.cli.reflections import REFLECT, REFLECTIONS
from selftrust.cli.remind import REMIND
from selftrust.cli.settings import SETTINGS_COMMAND
from selftrust.cli.stats import STATS
from selftrust.cli.sync import SYNC

COMMANDS: tuple[Command, ...] = (
    ADD, EDIT, REMIND, PAUSE, ARCHIVE, UNARCHIVE, DELETE, LIST, CHECK, REFLECT, REFLECTIONS,
    STATS, SETTINGS_COMMAND, DEMO, EXPORT, IMPORT, LOOP, SYNC, BACKUPS, RESTORE, CHART, SCREENSHOT,
)


def build_parser() -> argparse.ArgumentParser:
    speak_argparse_words()  # before the parser is made: it asks for its words as it is built
    parser = Parser(
        prog="selftrust",
        description=_("Self-Trust: build trust in yourself, one small kept promise at a time."),
    )
    parser.add_argument("--version", action="version", version=f"selftrust {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument(
        "--data-dir", type=Path, metavar="DIR",
        # TRANSLATORS: DIR names the value typed after --data-dir, as the usage line shows it.
        help=_("use DIR instead of the standard data folder"),
    )
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help=_("start the app, wait until Today has painted its data, then exit"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for command in COMMANDS:
        command.add(sub)
    return parser
