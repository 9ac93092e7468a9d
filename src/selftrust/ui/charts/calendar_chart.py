"""A year calendar (GitHub style): one column per week, one square per day.

For all commitments a square is as deep as the share of that day's promises kept;
for one commitment it says what happened: kept, repaired, not kept, rested.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from selftrust.domain.days import WEEKDAY_TITLES
from selftrust.domain.occasions import DayState
from selftrust.services.chart_series import Calendar
from selftrust.ui.charts.common import NotEnough, short_date
from selftrust.ui.charts.hover import Hover
from selftrust.ui.charts.style import ChartStyle, blend

MIN_COLUMNS = 14
"""Short ranges are drawn this many weeks wide at least, so squares stay day-sized."""
NUMBERED_UP_TO = 20
"""Up to this many weeks, each square carries its day of the month."""
GAP = 0.14

STATE_WORDS = {
    DayState.KEPT: "kept",
    DayState.PARTLY: "partly kept",
    DayState.MISSED: "not kept",
    DayState.REPAIRED: "not kept, repaired with a reflection",
    DayState.SKIPPED: "skipped",
    DayState.PAUSED: "planned rest",
    DayState.UNMARKED: "not recorded",
    DayState.OPEN: "nothing owed yet",
    DayState.NOT_DUE: "not due",
}


def _share_colors(style: ChartStyle) -> list[str]:
    """Nothing kept … all kept, from a faint to the full accent."""
    return [blend(style.background, style.accent, t) for t in (0.16, 0.4, 0.68, 1.0)]


def _state_colors(style: ChartStyle, color: str) -> dict[int, str]:
    rest = blend(style.background, style.spine, 0.55)
    return {
        DayState.KEPT: color,
        DayState.PARTLY: blend(style.background, color, 0.45),
        DayState.MISSED: style.missed,
        DayState.REPAIRED: style.gold,
        DayState.SKIPPED: rest,
        DayState.PAUSED: rest,
        DayState.UNMARKED: style.empty,
        DayState.OPEN: style.empty,
        DayState.NOT_DUE: style.empty,
    }


def draw(fig: Figure, cal: Calendar, style: ChartStyle, title: str) -> Hover:
    if cal.due.sum() == 0 and cal.kept.sum() == 0:
        raise NotEnough("Your calendar fills in, square by square, as you check in.")
    hover = Hover()
    ax = fig.add_subplot()
    offset = (cal.range_first - cal.first).days
    index = np.arange(offset, cal.kept.size)
    cols = index // 7
    rows = index % 7
    ncols = int(cols.max()) + 1
    if cal.states is not None:
        assert cal.color is not None
        palette = _state_colors(style, cal.color)
        states = cal.states[index]
        colors = [palette.get(int(s), style.empty) for s in states]
    else:
        shades = _share_colors(style)
        due = cal.due[index]
        kept = cal.kept[index]
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.where(due > 0, kept / np.maximum(due, 1), 0.0)
        level = np.select([share >= 1.0, share >= 0.5, share > 0.0], [3, 2, 1], 0)
        colors = [shades[lv] if d > 0 else style.empty for lv, d in zip(level, due, strict=True)]
    half = (1 - GAP) / 2
    verts = np.stack([
        np.column_stack([cols - half, rows - half]),
        np.column_stack([cols + half, rows - half]),
        np.column_stack([cols + half, rows + half]),
        np.column_stack([cols - half, rows + half]),
    ], axis=1)
    ax.add_collection(PolyCollection(verts, facecolors=colors, edgecolors="none"))
    if ncols <= NUMBERED_UP_TO:
        for i, c, r in zip(index, cols, rows, strict=True):
            d = cal.first + timedelta(days=int(i))
            ax.text(c, r, str(d.day), ha="center", va="center",
                    color=_ink(colors[int(i - offset)], style),
                    fontsize=style.font_size * (0.8 if ncols > 10 else 0.9))
    ax.set_xlim(-0.5, max(ncols, MIN_COLUMNS) - 0.5)
    ax.set_ylim(6.5, -1.9)  # the week's first day on top, room for month names
    ax.set_aspect("equal", adjustable="box")
    ax.set_anchor("NW")
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks([])
    ws = cal.week_start
    ax.set_yticks([0, 2, 4, 6], [WEEKDAY_TITLES[(ws + r) % 7][:3] for r in (0, 2, 4, 6)])
    ax.tick_params(axis="y", length=0, labelsize=style.font_size * 0.85)
    _month_labels(ax, cal, ncols, style)
    ax.set_title(title if cal.title is None else f"{title}: {cal.title}")
    _legend(ax, cal, style)

    days = [cal.first + timedelta(days=int(i)) for i in index]

    def label(i: int) -> str:
        j = int(index[i])
        head = short_date(days[i])
        if cal.states is not None:
            return f"{head}: {STATE_WORDS.get(DayState(int(cal.states[j])), 'not started yet')}" \
                if cal.states[j] else f"{head}: not started yet"
        due_j, kept_j = int(cal.due[j]), int(cal.kept[j])
        if due_j == 0:
            return f"{head}: {kept_j} kept" if kept_j else f"{head}: nothing due"
        return f"{head}: {kept_j} of {due_j} kept"

    hover.boxes(ax, cols - half, rows - half, cols + half, rows + half, label)
    return hover


def _ink(fill: str, style: ChartStyle) -> str:
    """Text that reads on a square: white on deep colours, the theme's text on pale."""
    r, g, b = (int(fill[i:i + 2], 16) for i in (1, 3, 5))
    light = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#ffffff" if light < 150 else "#1f2326"


def _month_labels(ax: object, cal: Calendar, ncols: int, style: ChartStyle) -> None:
    seen = None
    for col in range(ncols):
        day = cal.first + timedelta(days=7 * col)
        # The column holding the 1st of a month (or the first column) names it.
        first_of_month = day if col == 0 else None
        for k in range(7):
            d = day + timedelta(days=k)
            if d.day == 1:
                first_of_month = d
        if first_of_month is None:
            continue
        key = (first_of_month.year, first_of_month.month)
        if key == seen:
            continue
        seen = key
        text = f"{first_of_month:%b}"
        if col == 0 or first_of_month.month == 1:
            text = f"{first_of_month:%b %Y}"
        if col == 0 and first_of_month.day > 20 and ncols > 4:
            continue  # a sliver of a month at the left edge: its name would crowd the next
        ax.text(col - 0.45, -1.0, text, ha="left", va="bottom", color=style.muted,  # type: ignore[attr-defined]
                fontsize=style.font_size * 0.85)


def _legend(ax: object, cal: Calendar, style: ChartStyle) -> None:
    if cal.states is not None:
        assert cal.color is not None
        p = _state_colors(style, cal.color)
        handles = [
            Patch(color=p[DayState.KEPT], label="Kept"),
            Patch(color=p[DayState.PARTLY], label="Partly"),
            Patch(color=p[DayState.REPAIRED], label="Repaired"),
            Patch(color=p[DayState.MISSED], label="Not kept"),
            Patch(color=p[DayState.SKIPPED], label="Rest"),
        ]
    else:
        shades = _share_colors(style)
        handles = [
            Patch(color=shades[0], label="None kept"),
            Patch(color=shades[1], label="Some"),
            Patch(color=shades[2], label="Most"),
            Patch(color=shades[3], label="All kept"),
            Patch(color=style.empty, label="Nothing due"),
        ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, 0.0), ncols=5,  # type: ignore[attr-defined]
              borderaxespad=0.4, handlelength=1.0, handleheight=1.0, columnspacing=1.2,
              fontsize=style.font_size * 0.85)
