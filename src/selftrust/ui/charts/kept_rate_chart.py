"""Kept rate: the share of promises kept per week or per month.

One commitment draws its own bars; two to four over a short range stand side by side
(grouped). More, or a few over years, draw one bar per week or month: the overall rate,
in the accent colour; hovering a bar names the commitments in it. Twenty stacked
colours over a hundred months told the tester nothing.
"""

from __future__ import annotations

from typing import Any, cast

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
from selftrust.services.chart_series import KeptRate, as_date
from selftrust.ui.charts.common import (
    NotEnough,
    bar_corners,
    bars,
    clip_title,
    date_axis,
    date_nums,
    percent_axis,
    soft_grid,
)
from selftrust.ui.charts.hover import Hover
from selftrust.ui.charts.layers import Layers, spines
from selftrust.ui.charts.style import ChartStyle

GROUPED_UP_TO = 4
GROUPED_BUCKETS_UP_TO = 26
"""Side-by-side bars only while each group is still wide enough to see (half a year
of weeks or two years of months)."""
NAMED_BARS_UP_TO = 18
"""Up to this many bars, ticks sit under the bars and name them; more use date ticks."""


def bucket_name(rate: KeptRate, i: int) -> str:
    first = as_date(rate.starts[i])
    if rate.unit == "week":
        # TRANSLATORS: a week in the kept-rate chart's tooltip, by its first day.
        return _("Week of {day}").format(day=formats.short_date(first))
    return formats.month_year(first)


def draw(fig: Figure, rate: KeptRate, style: ChartStyle, title: str) -> Hover:
    if rate.due.sum() == 0:
        raise NotEnough(_("Once a few promises have come due, their kept rate shows here."))
    ax = fig.add_subplot()
    left = date_nums(rate.starts)
    right = date_nums(rate.ends) + 1.0
    slot = (right - left) * 0.78
    centre = (left + right) / 2
    rows = len(rate.ids)
    grouped = rows == 1 or (rows <= GROUPED_UP_TO and left.size <= GROUPED_BUCKETS_UP_TO)
    places = _places(rows if grouped else 0, centre, slot)
    if grouped:
        drawn = [bars(ax, x0, x1, 0.0, h, rate.colors[r], clip_title(rate.titles[r]),
                      edgecolors="none")
                 for r, ((x0, x1, _share), h) in enumerate(zip(places, _heights(rate, grouped),
                                                          strict=True))]
    else:
        (x0, x1, _share), = places
        drawn = [bars(ax, x0, x1, 0.0, _heights(rate, grouped)[0], style.accent,
                      _("All commitments"), edgecolors="none")]
    percent_axis(ax, top=1.0)
    soft_grid(ax)
    first, last = as_date(rate.starts[0]), as_date(rate.ends[-1])
    date_axis(ax, first, last)
    if left.size <= NAMED_BARS_UP_TO:
        _name_bars(ax, rate, centre)
    ax.set_xlim(left[0] - (right[0] - left[0]) * 0.1, right[-1] + (right[-1] - left[-1]) * 0.1)
    ax.set_title(_title(title, rate.unit, 0 if grouped else rows), wrap=True)
    if grouped and rows > 1:
        handles = [Patch(color=rate.colors[r], label=clip_title(rate.titles[r]))
                   for r in range(rows)]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  borderaxespad=0, handlelength=1.0, fontsize=style.font_size * 0.92)
    frame = (rate.unit, rate.ids, rate.starts.tobytes(), rate.ends.tobytes())

    def update(new: KeptRate) -> Hover | None:
        """The same weeks or months: the bars take their new heights in place."""
        if (new.unit, new.ids, new.starts.tobytes(), new.ends.tobytes()) != frame:
            return None
        for collection, (x0, x1, _share), h in zip(drawn, places, _heights(new, grouped),
                                              strict=True):
            collection.set_verts(cast(Any, bar_corners(x0, x1, 0.0, h)))
        return _hover(ax, new, grouped, places)

    hover = _hover(ax, rate, grouped, places)
    # The bottom spine lies over the bars' feet in a full draw.
    hover.layers = Layers(drawn, spines(ax), update)
    return hover


def _title(title: str, unit: str, together: int) -> str:
    """"Kept rate per week"; with ``together`` commitments drawn as one bar, says so."""
    weekly = unit == "week"
    if together > 1:
        # TRANSLATORS: the kept-rate chart's title when every commitment's promises are
        # counted in one bar: {title} is "Kept rate", {n} the number of commitments.
        if weekly:
            return ngettext("{title} per week, all {n} commitments together",
                            "{title} per week, all {n} commitments together",
                            together).format(title=title, n=formats.number(together))
        return ngettext("{title} per month, all {n} commitments together",
                        "{title} per month, all {n} commitments together",
                        together).format(title=title, n=formats.number(together))
    # TRANSLATORS: the kept-rate chart's title: {title} is "Kept rate".
    return (_("{title} per week") if weekly else _("{title} per month")).format(title=title)


Place = tuple[Any, Any, Any]


def _places(rows: int, centre: np.ndarray, slot: np.ndarray) -> list[Place]:
    """Each bar series' left edge, its bars' right edge and its share's right edge (the
    hover's): ``rows`` side by side, or one for all (``rows`` 0)."""
    if rows == 0:
        return [(centre - slot / 2, centre + slot / 2, centre + slot / 2)]
    width = slot / rows
    places = []
    for r in range(rows):
        x0 = centre - slot / 2 + r * width
        places.append((x0, x0 + width * (0.92 if rows > 1 else 1.0), x0 + width))
    return places


def _heights(rate: KeptRate, grouped: bool) -> list[np.ndarray]:
    if grouped:
        return [np.nan_to_num(row) for row in rate.rates()]
    return [np.nan_to_num(rate.total_rate())]


def _hover(ax: Any, rate: KeptRate, grouped: bool, places: list[Place]) -> Hover:
    hover = Hover()
    heights = _heights(rate, grouped)
    if grouped:
        for r, ((x0, _x1, share), h) in enumerate(zip(places, heights, strict=True)):

            def label(i: int, r: int = r) -> str:
                kept, due = int(rate.kept[r, i]), int(rate.due[r, i])
                if due == 0:
                    # TRANSLATORS: in the kept-rate chart's tooltip, after the week's or
                    # month's name: a commitment that owed nothing then.
                    line = _("{commitment}: nothing due").format(commitment=rate.titles[r])
                else:
                    # TRANSLATORS: in the kept-rate chart's tooltip: "Walk: 5 of 7 kept (71%)".
                    line = ngettext("{commitment}: {kept} of {due} kept ({percent})",
                                    "{commitment}: {kept} of {due} kept ({percent})",
                                    due).format(commitment=rate.titles[r],
                                                kept=formats.number(kept),
                                                due=formats.number(due),
                                                percent=formats.percent(kept / due))
                return f"{bucket_name(rate, i)}\n{line}"

            hover.boxes(ax, x0, np.zeros_like(x0), share, np.maximum(h, 0.02), label)
        return hover
    total = rate.total_rate()
    due_all = rate.due.sum(axis=0)

    def total_label(i: int) -> str:
        due = int(due_all[i])
        if due == 0:
            return "\n".join([bucket_name(rate, i), _("nothing due")])
        kept = int(rate.kept[:, i].sum())
        # TRANSLATORS: the kept-rate chart's tooltip for all commitments together: a week
        # ("Week of 23 Nov 2026") or month ("November 2026"), kept of due, and the share.
        lines = [ngettext("{period}: {kept} of {due} kept ({percent})",
                          "{period}: {kept} of {due} kept ({percent})", due).format(
                              period=bucket_name(rate, i), kept=formats.number(kept),
                              due=formats.number(due), percent=formats.percent(total[i]))]
        order = np.argsort(-rate.kept[:, i], kind="stable")
        for r in order[:5]:
            if rate.due[r, i]:
                # TRANSLATORS: one commitment's line under the total: "Walk: 5 of 7".
                lines.append(_("{commitment}: {kept} of {due}").format(
                    commitment=rate.titles[r], kept=formats.number(int(rate.kept[r, i])),
                    due=formats.number(int(rate.due[r, i]))))
        return "\n".join(lines)

    (x0, x1, _share), = places
    hover.boxes(ax, x0, np.zeros(x0.size), x1, np.maximum(heights[0], 0.02), total_label)
    return hover



def _name_bars(ax: Any, rate: KeptRate, centre: np.ndarray) -> None:
    """A tick under each bar: "26 Oct" for a week, "Mar" for a month (the year when it
    changes), so a few bars are read without guessing which days they hold. Names too
    wide for their bars (a longer language, a narrow window) name every second or
    third bar."""
    days = [as_date(start) for start in rate.starts]
    if rate.unit == "week":
        full = [formats.short_day_month(d) for d in days]
        step = 1 if centre.size <= NAMED_BARS_UP_TO // 2 else 2
    else:
        full = [formats.short_month_year(d) for d in days]
        step = 1
    step = max(step, _names_fit_every(ax, full))
    names = []
    previous_year = None
    for i, d in enumerate(days):
        if i % step:
            names.append("")
        elif rate.unit == "week":
            names.append(full[i])
        else:
            names.append(full[i] if d.year != previous_year
                         else formats.month_name(d.month, "abbreviated"))
            previous_year = d.year
    ax.set_xticks(centre, names)
    ax.xaxis.offsetText.set_visible(False)


def _names_fit_every(ax: Any, names: list[str]) -> int:
    """Every how many bars a name fits under the plot's width (as placed before the
    layout's measuring, a little narrower than it ends up)."""
    fig = ax.figure
    across = ax.get_position().width * fig.bbox.width
    if not names or across < 1:
        return 1
    renderer = fig._get_renderer()
    font = FontProperties(size=matplotlib.rcParams["xtick.labelsize"])
    widest = max(renderer.get_text_width_height_descent(name, font, ismath=False)[0]
                 for name in names)
    room = across / len(names)
    return max(1, int(np.ceil(widest * 1.2 / room)))
