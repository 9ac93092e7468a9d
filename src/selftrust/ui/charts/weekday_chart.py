"""Weekday pattern: on which days of the week promises are kept, and which are harder."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from selftrust.base import formats
from selftrust.base.i18n import N_, _, ngettext, pgettext
from selftrust.services.chart_series import Weekdays
from selftrust.ui.charts.common import NotEnough, count_axis, row_legend, soft_grid
from selftrust.ui.charts.hover import Hover
from selftrust.ui.charts.layers import Layers, spines
from selftrust.ui.charts.style import ChartStyle

MIN_RECORDED = 7
WIDTH = 0.62

# TRANSLATORS: weekdays in the plural, opening the weekday chart's tooltip
# ("Mondays: 12 kept, 3 not kept (80% kept)").
EVERY_WEEKDAY = (N_("Mondays"), N_("Tuesdays"), N_("Wednesdays"), N_("Thursdays"),
                 N_("Fridays"), N_("Saturdays"), N_("Sundays"))


def short_weekdays(days: Weekdays) -> list[str]:
    """"Mon", "Tue"…: the ticks under the bars, in the week's order."""
    return [formats.weekday_name(day, "abbreviated") for day in days.weekdays]


def draw(fig: Figure, days: Weekdays, style: ChartStyle, title: str) -> Hover:
    if days.recorded < MIN_RECORDED:
        raise NotEnough(_("After a week of check-ins you will see which days come easiest."))
    ax = fig.add_subplot()
    x = np.arange(7)
    kept, repaired, unrepaired, total = _stacks(days)
    words = (pgettext("chart legend", "Kept"), pgettext("chart legend", "Not kept, repaired"),
             pgettext("chart legend", "Not kept"))
    stacks = [ax.bar(x, kept, WIDTH, color=style.accent, label=words[0]),
              ax.bar(x, repaired, WIDTH, bottom=kept, color=style.gold, label=words[1]),
              ax.bar(x, unrepaired, WIDTH, bottom=kept + repaired, color=style.missed,
                     label=words[2])]
    top = max(1, int(total.max()))
    ax.set_ylim(0, top * 1.14)
    shares = _shares(ax, days, style)
    ax.set_xticks(x, short_weekdays(days))
    ax.tick_params(axis="x", length=0)
    count_axis(ax)
    soft_grid(ax)
    # TRANSLATORS: the weekday chart's axis label: how many promises came due.
    ax.set_ylabel(_("occasions"))
    row_legend(
        ax, style, 3, title=title,
        handles=[Patch(color=style.accent, label=words[0]),
                 Patch(color=style.gold, label=words[1]),
                 Patch(color=style.missed, label=words[2])],
        loc="lower left", bbox_to_anchor=(0.0, 1.0), borderaxespad=0.2,
        handlelength=1.0, columnspacing=1.4,
    )

    rects = [rect for stack in stacks for rect in stack]
    labels = days.labels

    def update(new: Weekdays) -> Hover | None:
        """New counts under the same scale: the bars' heights and shares change in place."""
        if new.labels != labels or max(1, int((new.kept + new.missed).max())) != top:
            return None
        heights = _stacks(new)
        bottoms = [np.zeros(7), heights[0], heights[0] + heights[1]]
        for stack, height, bottom in zip(stacks, heights, bottoms, strict=False):
            for rect, h, b in zip(stack, height, bottom, strict=True):
                rect.set_height(h)
                rect.set_y(b)
        for text in shares:
            text.remove()
        shares[:] = _shares(ax, new, style)
        changing[:] = [*rects, *shares]
        return _hover(ax, new, top)

    changing: list[Artist] = [*rects, *shares]
    hover = _hover(ax, days, top)
    # The bottom spine lies over the bars' feet in a full draw.
    hover.layers = Layers(changing, spines(ax), update)
    return hover


def _stacks(days: Weekdays) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Kept, repaired misses, other misses, and all occasions per weekday."""
    return days.kept, days.repaired, days.missed - days.repaired, days.kept + days.missed


def _shares(ax: Any, days: Weekdays, style: ChartStyle) -> list[Artist]:
    """The share kept written over each weekday's bar."""
    total = days.kept + days.missed
    return [ax.annotate(formats.percent(days.kept[i] / total[i]), (i, total[i]), xytext=(0, 4),
                        textcoords="offset points", ha="center", va="bottom",
                        color=style.muted, fontsize=style.font_size * 0.9)
            for i in range(7) if total[i]]


def _hover(ax: Any, days: Weekdays, top: int) -> Hover:
    kept, repaired, _others, total = _stacks(days)

    def label(i: int) -> str:
        n = int(total[i])
        numbers = {"weekdays": _(EVERY_WEEKDAY[days.weekdays[i]]),
                   "kept": formats.number(int(kept[i])),
                   "missed": formats.number(int(days.missed[i]))}
        if n:
            # TRANSLATORS: the weekday chart's tooltip: "Mondays: 12 kept, 3 not kept
            # (80% kept)".
            text = _("{weekdays}: {kept} kept, {missed} not kept ({percent} kept)").format(
                percent=formats.percent(kept[i] / n), **numbers)
        else:
            text = _("{weekdays}: {kept} kept, {missed} not kept").format(**numbers)
        fixed = int(repaired[i])
        if fixed:
            text += "\n" + ngettext("{n} of those misses repaired with a reflection",
                                    "{n} of those misses repaired with a reflection",
                                    fixed).format(n=formats.number(fixed))
        return text

    hover = Hover()
    x = np.arange(7)
    hover.boxes(ax, x - WIDTH / 2, np.zeros(7), x + WIDTH / 2, np.maximum(total, top * 0.02),
                label)
    return hover
