"""Best streaks: the longest runs of kept promises, as bars on a timeline.

Each bar runs from the first to the last kept day of a streak, so the chart shows
both how long and when; the label says the length in the streak's own unit.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.figure import Figure

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
from selftrust.services.chart_series import StreakBar
from selftrust.services.streak_units import streak_length
from selftrust.ui.charts.common import NotEnough, clip_title, date_axis, date_nums, date_span
from selftrust.ui.charts.hover import Hover
from selftrust.ui.charts.layers import Layers, spines
from selftrust.ui.charts.style import ChartStyle

HEIGHT = 0.56


def draw(fig: Figure, bars: list[StreakBar], style: ChartStyle, title: str) -> Hover:
    if not bars:
        raise NotEnough(_("Your first streak starts with the next promise you keep."))
    ax = fig.add_subplot()
    n = len(bars)
    y = np.arange(n)[::-1]  # the longest on top
    starts, ends = _extents(bars)
    rects = list(ax.barh(y, ends - starts, HEIGHT, left=starts, color=[b.color for b in bars]))
    first = min(b.first for b in bars)
    last = max(b.last for b in bars) + timedelta(days=1)
    date_axis(ax, first, last)
    lo, hi = ax.get_xlim()
    lengths = _lengths(ax, bars, y, starts, ends, style)
    ax.set_xlim(lo - (hi - lo) * 0.1, hi + (hi - lo) * 0.02)
    ax.set_yticks(y, [clip_title(b.title, 24) for b in bars])
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(True, axis="x")
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_title(title, wrap=True)
    frame = _frame(bars)

    def update(new: list[StreakBar]) -> Hover | None:
        """The same streaks in the same order over the same dates: their bars and
        lengths change in place (a streak that grows or ends today)."""
        if _frame(new) != frame:
            return None
        new_starts, new_ends = _extents(new)
        for rect, x0, x1 in zip(rects, new_starts, new_ends, strict=True):
            rect.set_x(x0)
            rect.set_width(x1 - x0)
        for text in lengths:
            text.remove()
        ax.set_xlim(lo, hi)  # where the lengths were placed in the full draw
        lengths[:] = _lengths(ax, new, y, new_starts, new_ends, style)
        ax.set_xlim(lo - (hi - lo) * 0.1, hi + (hi - lo) * 0.02)
        changing[:] = [*rects, *lengths]
        return _hover(ax, new, y)

    changing: list[Artist] = [*rects, *lengths]
    hover = _hover(ax, bars, y)
    hover.layers = Layers(changing, spines(ax), update)
    return hover


def _frame(bars: list[StreakBar]) -> tuple[object, ...]:
    """What places the axes: which streaks, in which order, and the dates they span."""
    return (tuple((b.commitment_id, b.first, b.title, b.color) for b in bars),
            max(b.last for b in bars))


def _extents(bars: list[StreakBar]) -> tuple[np.ndarray, np.ndarray]:
    starts = date_nums(np.array([b.first for b in bars], dtype="datetime64[D]"))
    ends = date_nums(np.array([b.last + timedelta(days=1) for b in bars],
                              dtype="datetime64[D]"))
    return starts, ends


def _lengths(ax: Any, bars: list[StreakBar], y: np.ndarray, starts: np.ndarray,
             ends: np.ndarray, style: ChartStyle) -> list[Artist]:
    """Each streak's length beside its bar (inside it, when the bar reaches the right)."""
    lo, hi = ax.get_xlim()
    texts: list[Artist] = []
    for yi, b, x0, x1 in zip(y, bars, starts, ends, strict=True):
        room_right = (hi - x1) / (hi - lo) > 0.12
        texts.append(ax.annotate(
            streak_length(b.length, b.unit), (x1 if room_right else x0, yi),
            xytext=(5 if room_right else -5, 0), textcoords="offset points",
            ha="left" if room_right else "right", va="center", color=style.text,
            fontsize=style.font_size * 0.9,
        ))
    return texts


def in_a_row(title: str, n: int, unit: str) -> str:
    """The streak's tooltip line: "Walk: 12 days in a row" (the bar says "12 days":
    ``streak_length``)."""
    count = formats.number(n)
    # TRANSLATORS: a best streak's tooltip: a commitment's title and how many days
    # (weeks, months, times) in a row its promise was kept.
    if unit == "week":
        return ngettext("{commitment}: {n} week in a row", "{commitment}: {n} weeks in a row",
                        n).format(commitment=title, n=count)
    if unit == "month":
        return ngettext("{commitment}: {n} month in a row",
                        "{commitment}: {n} months in a row", n).format(commitment=title, n=count)
    if unit == "time":  # a promise not due every day: kept occasions in a row
        return ngettext("{commitment}: {n} time in a row", "{commitment}: {n} times in a row",
                        n).format(commitment=title, n=count)
    return ngettext("{commitment}: {n} day in a row", "{commitment}: {n} days in a row",
                    n).format(commitment=title, n=count)


def _hover(ax: Any, bars: list[StreakBar], y: np.ndarray) -> Hover:
    starts, ends = _extents(bars)

    def label(i: int) -> str:
        b = bars[i]
        return f"{in_a_row(b.title, b.length, b.unit)}\n{date_span(b.first, b.last)}"

    hover = Hover()
    hover.boxes(ax, starts, y - HEIGHT / 2, ends, y + HEIGHT / 2, label)
    return hover
