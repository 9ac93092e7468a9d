"""Self-trust growth: the marble jar over time, overall strength on a second axis, and
gold points on the days a reflection repaired a miss."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.typing import LineStyleType

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext, pgettext
from selftrust.services.chart_series import Growth, as_date
from selftrust.ui.charts.common import (
    NotEnough,
    count_axis,
    date_axis,
    date_nums,
    percent_axis,
    pixels_across,
    row_legend,
    short_date,
    soft_grid,
    thin,
)
from selftrust.ui.charts.hover import Hover
from selftrust.ui.charts.layers import Layers, spines
from selftrust.ui.charts.style import ChartStyle

MIN_DAYS = 7
STEPS_UP_TO = 45
DOTS_UP_TO = 200
"""Up to this many days each repaired miss is a gold dot on the jar's line."""
"""Up to about six weeks the jar is drawn as steps: each day's marbles are visible."""


def draw(fig: Figure, growth: Growth, style: ChartStyle, title: str) -> Hover:
    if growth.size < MIN_DAYS:
        raise NotEnough(_("The jar's story starts after your first week of check-ins."))
    ax = fig.add_subplot()
    x = date_nums(growth.days)
    marbles = growth.marbles
    steps = growth.size <= STEPS_UP_TO
    bottom, top = _scale(marbles)
    # Years of days are drawn with about one point per pixel (steps are a few weeks
    # only, never thinned); the hover reads every day exactly.
    points = pixels_across(fig)
    jar_x, jar_y = thin(x, marbles, points)
    fill = ax.fill_between(jar_x, jar_y, bottom, step="post" if steps else None,
                           color=style.accent, alpha=0.12, linewidth=0)
    # The lines' labels are names to find them by (tests), never drawn: the legend
    # below has its own words.
    jar, = ax.plot(jar_x, jar_y, color=style.accent, linewidth=2.0,
                   drawstyle="steps-post" if steps else "default", label="Marbles")
    ax.set_ylim(bottom, top)
    count_axis(ax)
    soft_grid(ax)
    # TRANSLATORS: the growth chart's axis labels (left: a count of marbles, right: a
    # percentage), written along the axes in lower case.
    ax.set_ylabel(_("marbles in the jar"))
    date_axis(ax, as_date(growth.days[0]), as_date(growth.days[-1]))

    strength_ax = ax.twinx()
    dashes: LineStyleType = (0, (4, 2)) if growth.size <= DOTS_UP_TO else "solid"
    strength, = strength_ax.plot(*thin(x, growth.strength, points), color=style.second,
                                 linewidth=1.6 if growth.size <= DOTS_UP_TO else 1.1,
                                 linestyle=dashes,
                                 label="Overall strength")  # a name, never drawn
    percent_axis(strength_ax, top=1.04)
    strength_ax.spines["right"].set_visible(False)
    strength_ax.spines["left"].set_visible(False)
    strength_ax.tick_params(axis="y", length=0)
    strength_ax.set_ylabel(_("overall strength"))
    strength_ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0])

    # Gold marks the days a reflection repaired a miss: on the jar's line for a few
    # months, as a quiet rug along the bottom when years of them would hide the line.
    ax.set_zorder(strength_ax.get_zorder() + 1)
    ax.patch.set_visible(False)
    gold = []
    if growth.repair_days.size:
        if growth.size <= DOTS_UP_TO:
            gold.append(ax.scatter(*_repaired(growth), s=(style.font_size * 0.55) ** 2,
                                   color=style.gold, edgecolors=style.gold_edge,
                                   linewidths=0.8, zorder=4,
                                   clip_on=False))  # a repair on the last day sits whole
        else:
            gold.append(ax.scatter(*_repaired(growth), s=(style.font_size * 0.9) ** 2,
                                   marker="|", color=style.gold, linewidths=1.0, alpha=0.75,
                                   transform=ax.get_xaxis_transform(), zorder=4,
                                   clip_on=False))

    handles = [
        Line2D([], [], color=style.accent, linewidth=2.0,
               label=pgettext("chart legend", "Marbles in the jar")),
        Line2D([], [], color=style.second, linewidth=1.6, linestyle=dashes,
               label=pgettext("chart legend", "Overall strength")),
    ]
    if growth.repair_days.size:
        dots = growth.size <= DOTS_UP_TO
        handles.append(Line2D([], [], linestyle="none", marker="o" if dots else "|",
                              markersize=6 if dots else 9, markerfacecolor=style.gold,
                              markeredgecolor=style.gold_edge if dots else style.gold,
                              label=pgettext("chart legend", "Repaired misses")))
    row_legend(ax, style, 3, title=title, handles=handles, loc="lower left",
               bbox_to_anchor=(0.0, 1.0), borderaxespad=0.2, handlelength=1.8,
               columnspacing=1.4)

    frame = (growth.days[0], growth.size, bool(growth.repair_days.size), points)

    def update(new: Growth) -> Hover | None:
        """The same days: the jar, its fill, the strength line and the gold marks take
        their new values, and the jar's scale follows (its axis is redrawn with them)."""
        if (new.days[0] if new.size else None, new.size, bool(new.repair_days.size),
                pixels_across(fig)) != frame:
            return None
        bottom, top = _scale(new.marbles)
        ax.set_ylim(bottom, top)
        jar_x, jar_y = thin(x, new.marbles, points)
        fill.set_data(jar_x, jar_y, bottom)
        jar.set_data(jar_x, jar_y)
        strength.set_data(*thin(x, new.strength, points))
        for marks in gold:
            marks.set_offsets(np.column_stack(_repaired(new)))
        return _hover(ax, new, x)

    hover = _hover(ax, growth, x)
    # Over the strength line (the twin axes behind) the jar's axis is drawn again: its
    # grid and numbers move when the jar's scale does; the spine lies over the fill.
    hover.layers = Layers([strength, ax.yaxis, fill, jar, *gold],
                          spines(ax), update)
    return hover


def _scale(marbles: np.ndarray) -> tuple[float, float]:
    """The jar axis's limits. A jar that has grown from (nearly) empty starts at 0; a
    long-full jar is shown close up, so a month's change is visible rather than a flat
    line near the top."""
    low, high = int(marbles.min()), max(1, int(marbles.max()))
    bottom = 0 if low <= 0.4 * high else max(0, low - max(4, (high - low) * 0.25))
    return bottom, high + max(2, (high - bottom) * 0.06)


def _repaired(growth: Growth) -> tuple[np.ndarray, np.ndarray]:
    """Where the gold marks sit: on the jar's line (a few months), or a rug at the foot."""
    rx = date_nums(growth.repair_days)
    if growth.size <= DOTS_UP_TO:
        return rx, growth.marbles[(growth.repair_days - growth.days[0]).astype(int)]
    return rx, np.full(rx.size, 0.025)


def _hover(ax: Any, growth: Growth, x: np.ndarray) -> Hover:
    marbles = growth.marbles
    repairs = dict(zip((growth.repair_days - growth.days[0]).astype(int).tolist(),
                       growth.repairs.tolist(), strict=True))

    def label(i: int) -> str:
        day = as_date(growth.days[i])
        count = int(marbles[i])
        lines = [short_date(day),
                 ngettext("{n} marble in the jar", "{n} marbles in the jar", count).format(
                     n=formats.number(count))]
        s = growth.strength[i]
        if np.isfinite(s):
            # TRANSLATORS: in the growth chart's tooltip, e.g. "Overall strength 57%".
            lines.append(_("Overall strength {percent}").format(percent=formats.percent(s)))
        fixed = repairs.get(i, 0)
        if fixed:
            lines.append(ngettext("{n} miss repaired with a reflection",
                                  "{n} misses repaired with a reflection", fixed).format(
                                      n=formats.number(fixed)))
        return "\n".join(lines)

    hover = Hover()
    hover.points(ax, x, marbles, label, along_x=True)
    return hover
