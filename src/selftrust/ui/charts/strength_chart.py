"""Strength per commitment: one line each, in the commitment's own colour."""

from __future__ import annotations

from datetime import date
from typing import Any

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
from selftrust.services.chart_series import StrengthLine, as_date
from selftrust.ui.charts.common import (
    NotEnough,
    clip_title,
    date_axis,
    date_nums,
    percent_axis,
    pixels_across,
    short_date,
    soft_grid,
    thin,
)
from selftrust.ui.charts.hover import Hover
from selftrust.ui.charts.layers import Layers, spines
from selftrust.ui.charts.style import ChartStyle

MIN_DAYS = 7
LEGEND_NAMES = 12


def draw(
    fig: Figure, lines: list[StrengthLine], span: tuple[date, date], style: ChartStyle,
    title: str,
) -> Hover:
    if not lines or max(line.days.size for line in lines) < MIN_DAYS:
        raise NotEnough(_("Strength needs a week or so of check-ins to find its feet."))
    ax = fig.add_subplot()
    many = len(lines) > 8
    plotted: list[Line2D] = []
    points = pixels_across(fig)
    for line in lines:
        # Drawn with about one point per pixel; the hover keeps every day exact.
        plotted += ax.plot(*thin(date_nums(line.days), line.values, points),
                           color=line.color, linewidth=1.4 if many else 2.0, alpha=0.9,
                           label=clip_title(line.title))
    hover = _hover(ax, lines)
    current = list(lines)  # what the lines show now
    percent_axis(ax, top=1.02)
    soft_grid(ax)
    date_axis(ax, *span)
    ax.set_title(title, wrap=True)
    if len(lines) > 1:
        # Beyond a dozen names the legend would leave the lines no room (a hundred
        # commitments collapse the layout): name twelve, count the rest, as the
        # kept-rate chart does; hovering names any line.
        shown = min(len(lines), LEGEND_NAMES)
        handles = plotted[:shown]
        labels = [clip_title(line.title) for line in lines[:shown]]
        if len(lines) > shown:
            handles = [*handles, Line2D([], [], color=style.background)]
            more = len(lines) - shown
            # TRANSLATORS: the last entry of the strength chart's legend: commitments
            # not named in it.
            labels.append(ngettext("and {n} more", "and {n} more", more).format(
                n=formats.number(more)))
        ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  borderaxespad=0, handlelength=1.2, labelspacing=0.45 if many else 0.6,
                  fontsize=style.font_size * (0.82 if many else 0.92))

    def update(new: list[StrengthLine], new_span: tuple[date, date]) -> Hover | None:
        """The same lines over the same days take their new values in place."""
        if new_span != span or pixels_across(fig) != points or \
                [(n.commitment_id, n.color) for n in new] != \
                [(o.commitment_id, o.color) for o in current]:
            return None  # other days, another width or other lines: drawn again
        for artist, old, line in zip(plotted, current, new, strict=True):
            if line.values is not old.values or line.days is not old.days:
                artist.set_data(*thin(date_nums(line.days), line.values, points))
        current[:] = new
        return _hover(ax, new)

    # A line may touch the bottom spine, drawn over it in a full draw.
    hover.layers = Layers(plotted, spines(ax), update)
    return hover


def _hover(ax: Any, lines: list[StrengthLine]) -> Hover:
    hover = Hover()
    for line in lines:

        def label(i: int, line: StrengthLine = line) -> str:
            day = as_date(line.days[i])
            # TRANSLATORS: the strength chart's tooltip, under the commitment's title:
            # a day and how established the commitment was then ("Tue, 24 Nov 2026:
            # strength 57%").
            words = _("{day}: strength {percent}").format(
                day=short_date(day), percent=formats.percent(float(line.values[i])))
            return f"{line.title}\n{words}"

        hover.points(ax, date_nums(line.days), line.values, label)
    return hover
