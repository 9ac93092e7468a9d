"""Best streaks: the longest runs of kept promises, as bars on a timeline.

Each bar runs from the first to the last kept day of a streak, so the chart shows
both how long and when; the label says the length in the streak's own unit.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from matplotlib.figure import Figure

from selftrust.base.words import counted as plural
from selftrust.services.chart_series import StreakBar
from selftrust.services.insights import short_span
from selftrust.ui.charts.common import NotEnough, clip_title, date_axis, date_nums
from selftrust.ui.charts.hover import Hover
from selftrust.ui.charts.style import ChartStyle


def draw(fig: Figure, bars: list[StreakBar], style: ChartStyle, title: str) -> Hover:
    if not bars:
        raise NotEnough("Your first streak starts with the next promise you keep.")
    hover = Hover()
    ax = fig.add_subplot()
    n = len(bars)
    y = np.arange(n)[::-1]  # the longest on top
    starts = date_nums(np.array([b.first for b in bars], dtype="datetime64[D]"))
    ends = date_nums(np.array([b.last + timedelta(days=1) for b in bars],
                              dtype="datetime64[D]"))
    height = 0.56
    ax.barh(y, ends - starts, height, left=starts, color=[b.color for b in bars])
    first = min(b.first for b in bars)
    last = max(b.last for b in bars) + timedelta(days=1)
    date_axis(ax, first, last)
    lo, hi = ax.get_xlim()
    for yi, b, x0, x1 in zip(y, bars, starts, ends, strict=True):
        text = f"{plural(b.length, b.unit)}"
        room_right = (hi - x1) / (hi - lo) > 0.12
        ax.annotate(
            text, (x1 if room_right else x0, yi),
            xytext=(5 if room_right else -5, 0), textcoords="offset points",
            ha="left" if room_right else "right", va="center", color=style.text,
            fontsize=style.font_size * 0.9,
        )
    ax.set_xlim(lo - (hi - lo) * 0.1, hi + (hi - lo) * 0.02)
    ax.set_yticks(y, [clip_title(b.title, 24) for b in bars])
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(True, axis="x")
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_title(title)

    def label(i: int) -> str:
        b = bars[i]
        return (f"{b.title}: {plural(b.length, b.unit)} in a row\n"
                f"{short_span(b.first, b.last)}")

    hover.boxes(ax, starts, y - height / 2, ends, y + height / 2, label)
    return hover
