"""`selftrust chart` and `selftrust screenshot`: pictures of the data, drawn into files.

A chart needs matplotlib but no Qt; a screenshot starts Qt offscreen. Both are imported
only when the command runs, so the other commands and `--help` never pay for them."""

from __future__ import annotations

import argparse
from pathlib import Path

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

# --- chart ------------------------------------------------------------------------------


def _chart_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", choices=NAMES, metavar="NAME", help=" | ".join(NAMES))
    p.add_argument("--out", required=True, type=Path, help="FILE.png, FILE.svg or FILE.pdf")
    p.add_argument("--range", default="3m", metavar="R",
                   help="4w | 3m | 1y | all | YYYY-MM-DD:YYYY-MM-DD (default 3m)")
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--size", default="1100x720", help="WxH in pixels (default 1100x720)")
    p.add_argument("--commitment", action="append", metavar="TITLE",
                   help="only this commitment (repeat for several)")


def _chart(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() not in EXPORT_FORMATS:
        raise CliError("--out must name a .png, .svg or .pdf file")
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
            raise CliError(f"cannot write {args.out}: {exc.strerror or exc}", 1) from None
    print(f"Wrote {args.out}")
    return 0


# --- screenshot -------------------------------------------------------------------------


def _screenshot_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--view", required=True, choices=all_targets())
    p.add_argument("--out", required=True, type=Path, help="the PNG file to write")
    p.add_argument("--size", default="1100x720", help="WxH in pixels (default 1100x720)")
    p.add_argument("--day", help="the day to show (Today and Streaks)")
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--chart", choices=NAMES, help="which chart, for --view charts")
    p.add_argument("--scale", type=number, default=1.0, help="screen scaling, e.g. 2 for 200 %%")


def _screenshot(args: argparse.Namespace) -> int:
    from selftrust.ui.look.theme import Theme  # Qt
    from selftrust.ui.shell.screenshot import take

    size = picture_size(args.size)
    if args.out.suffix.lower() != ".png":
        raise CliError("--out must name a .png file")
    clock = env_clock()
    day = None
    if args.day:
        try:
            day = parse_day(args.day)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    take(args.data_dir, args.view, args.out, size=size, theme=Theme(args.theme),
         day=day, chart=args.chart, clock=clock, scale=args.scale)
    print(f"Wrote {args.out}")
    return 0


CHART = Command("chart", "draw a chart into a PNG, SVG or PDF file (no window needed)",
                _chart_args, _chart, reads_only=True)
SCREENSHOT = Command("screenshot", "render a view offscreen into a PNG",
                     _screenshot_args, _screenshot, reads_only=True)
