"""`selftrust chart` and `selftrust screenshot`: pictures of the data, drawn into files.

A chart needs matplotlib but no Qt; a screenshot starts Qt offscreen. Both are imported
only when the command runs, so the other commands and `--help` never pay for them."""

from __future__ import annotations

import argparse
from pathlib import Path

from selftrust.base.i18n import N_, _
from selftrust.cli.common import (
    CliError,
    Command,
    env_clock,
    number,
    open_data,
    picture_size,
)
from selftrust.domain.days import parse_day
from selftrust.services.chart_range import ChartRange
from selftrust.ui.charts.catalog import EXPORT_FORMATS, NAMES
from selftrust.ui.shell.screenshot_targets import all_targets

SIZE_HELP = N_("WxH in pixels (default 1100x720)")

# --- chart ------------------------------------------------------------------------------


def _chart_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", choices=NAMES, metavar="NAME", help=" | ".join(NAMES))
    # TRANSLATORS: FILE stands for a file name (typed as it is).
    p.add_argument("--out", required=True, type=Path, help=_("FILE.png, FILE.svg or FILE.pdf"))
    p.add_argument("--range", default="3m", metavar="R",
                   # TRANSLATORS: the ranges as typed (4 weeks, 3 months, 1 year, all, first
                   # day:last day); only "default" is to translate.
                   help=_("4w | 3m | 1y | all | YYYY-MM-DD:YYYY-MM-DD (default 3m)"))
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--size", default="1100x720", help=_(SIZE_HELP))
    p.add_argument("--commitment", action="append", metavar="TITLE",
                   help=_("only this commitment (repeat for several)"))


def _chart(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() not in EXPORT_FORMATS:
        raise CliError(_("--out must name a .png, .svg or .pdf file"))
    size = picture_size(args.size)
    rng = ChartRange.parse(args.range)
    from selftrust.ui.charts.render import render_file  # matplotlib, once the input is sound

    with open_data(args) as ws:
        selection = None
        if args.commitment:
            selection = [ws.commitments.find(title).id for title in args.commitment]
        try:
            render_file(ws, args.name, args.out, rng=rng, dark=args.theme == "dark",
                        size=size, selection=selection)
        except OSError as exc:
            # TRANSLATORS: {problem} is the system's reason ("Permission denied").
            raise CliError(_("cannot write {path}: {problem}").format(
                path=args.out, problem=exc.strerror or exc), 1) from None
    print(_("Wrote {path}").format(path=args.out))
    return 0


# --- screenshot -------------------------------------------------------------------------


def _screenshot_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--view", required=True, choices=all_targets())
    p.add_argument("--out", required=True, type=Path, help=_("the PNG file to write"))
    p.add_argument("--size", default="1100x720", help=_(SIZE_HELP))
    # TRANSLATORS: Today and Streaks are the names of two of the app's views.
    p.add_argument("--day", help=_("the day to show (Today and Streaks)"))
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--chart", choices=NAMES, help=_("which chart, for --view charts"))
    # TRANSLATORS: "%%" is how this help text writes one "%": keep it doubled.
    p.add_argument("--scale", type=number, default=1.0, help=_("screen scaling, e.g. 2 for 200 %%"))


def _screenshot(args: argparse.Namespace) -> int:
    from selftrust.ui.look.theme import Theme  # Qt
    from selftrust.ui.shell.screenshot import take

    size = picture_size(args.size)
    if args.out.suffix.lower() != ".png":
        raise CliError(_("--out must name a .png file"))
    clock = env_clock()
    day = None
    if args.day:
        try:
            day = parse_day(args.day)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    take(args.data_dir, args.view, args.out, size=size, theme=Theme(args.theme),
         day=day, chart=args.chart, clock=clock, scale=args.scale)
    print(_("Wrote {path}").format(path=args.out))
    return 0


CHART = Command("chart", N_("draw a chart into a PNG, SVG or PDF file (no window needed)"),
                _chart_args, _chart, reads_only=True)
SCREENSHOT = Command("screenshot", N_("render a view offscreen into a PNG"),
                     _screenshot_args, _screenshot, reads_only=True)
