"""Self-trust growth: the marble jar over time, overall strength on a second axis, and
gold points on the days a reflection repaired a miss."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from selftrust.services.chart_series import Growth, as_date
from selftrust.ui.charts.common import (
    NotEnough,
    count_axis,
    date_axis,
    date_nums,
    percent_axis,
    short_date,
    soft_grid,
)
from selftrust.ui.charts.hover import Hover
from selftrust.ui.charts.style import ChartStyle

MIN_DAYS = 7
STEPS_UP_TO = 45
"""Up to about six weeks the jar is drawn as steps: each day's marbles are visible."""


def draw(fig: Figure, growth: Growth, style: ChartStyle, title: str) -> Hover:
    if growth.size < MIN_DAYS:
        raise NotEnough("The jar's story starts after your first week of check-ins.")
    hover = Hover()
    ax = fig.add_subplot()
    x = date_nums(growth.days)
    marbles = growth.marbles
    steps = growth.size <= STEPS_UP_TO
    low, high = int(marbles.min()), max(1, int(marbles.max()))
    # A jar that has grown from (nearly) empty starts at 0; a long-full jar is shown
    # close up, so a month's change is visible rather than a flat line near the top.
    bottom = 0 if low <= 0.4 * high else max(0, low - max(4, (high - low) * 0.25))
    top = high + max(2, (high - bottom) * 0.06)
    ax.fill_between(x, marbles, bottom, step="post" if steps else None,
                    color=style.accent, alpha=0.12, linewidth=0)
    ax.plot(x, marbles, color=style.accent, linewidth=2.0,
            drawstyle="steps-post" if steps else "default", label="Marbles")
    ax.set_ylim(bottom, top)
    count_axis(ax)
    soft_grid(ax)
    ax.set_ylabel("marbles in the jar")
    date_axis(ax, as_date(growth.days[0]), as_date(growth.days[-1]))

    strength_ax = ax.twinx()
    strength_ax.plot(x, growth.strength, color=style.second, linewidth=1.6,
                     linestyle=(0, (4, 2)), label="Overall strength")
    percent_axis(strength_ax, top=1.04)
    strength_ax.spines["right"].set_visible(False)
    strength_ax.spines["left"].set_visible(False)
    strength_ax.tick_params(axis="y", length=0)
    strength_ax.set_ylabel("overall strength")
    strength_ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0])

    if growth.repair_days.size:
        rx = date_nums(growth.repair_days)
        index = (growth.repair_days - growth.days[0]).astype(int)
        ry = marbles[index]
        size = (style.font_size * 0.55) ** 2 * (1.0 if growth.size <= 400 else 0.55)
        # Drawn on the jar's axes, above the strength line, so the gold is never hidden.
        ax.set_zorder(strength_ax.get_zorder() + 1)
        ax.patch.set_visible(False)
        ax.scatter(rx, ry, s=size, color=style.gold, edgecolors=style.gold_edge,
                   linewidths=0.8, zorder=4, label="Repaired misses")

    handles = [
        Line2D([], [], color=style.accent, linewidth=2.0, label="Marbles in the jar"),
        Line2D([], [], color=style.second, linewidth=1.6, linestyle=(0, (4, 2)),
               label="Overall strength"),
    ]
    if growth.repair_days.size:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=6,
                              markerfacecolor=style.gold, markeredgecolor=style.gold_edge,
                              label="Repaired misses"))
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=3,
              borderaxespad=0.2, handlelength=1.8, columnspacing=1.4)
    ax.set_title(title, pad=style.font_size * 2.6)

    repairs = dict(zip((growth.repair_days - growth.days[0]).astype(int).tolist(),
                       growth.repairs.tolist(), strict=True))

    def label(i: int) -> str:
        day = as_date(growth.days[i])
        lines = [short_date(day), f"{int(marbles[i]):,} marbles in the jar"]
        s = growth.strength[i]
        if np.isfinite(s):
            lines.append(f"Overall strength {s:.0%}")
        fixed = repairs.get(i, 0)
        if fixed:
            lines.append(f"{fixed} {'miss' if fixed == 1 else 'misses'} repaired with a reflection")
        return "\n".join(lines)

    hover.points(ax, x, marbles, label, along_x=True)
    return hover
