"""Weekday pattern: on which days of the week promises are kept, and which are harder."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from selftrust.services.chart_series import Weekdays
from selftrust.ui.charts.common import NotEnough, count_axis, soft_grid
from selftrust.ui.charts.hover import Hover
from selftrust.ui.charts.style import ChartStyle

MIN_RECORDED = 7


def draw(fig: Figure, days: Weekdays, style: ChartStyle, title: str) -> Hover:
    if days.recorded < MIN_RECORDED:
        raise NotEnough("After a week of check-ins you will see which days come easiest.")
    hover = Hover()
    ax = fig.add_subplot()
    x = np.arange(7)
    width = 0.62
    kept = days.kept
    repaired = days.repaired
    unrepaired = days.missed - days.repaired
    ax.bar(x, kept, width, color=style.accent, label="Kept")
    ax.bar(x, repaired, width, bottom=kept, color=style.gold, label="Not kept, repaired")
    ax.bar(x, unrepaired, width, bottom=kept + repaired, color=style.missed,
           label="Not kept")
    total = kept + days.missed
    top = max(1, int(total.max()))
    ax.set_ylim(0, top * 1.14)
    for i in range(7):
        if total[i]:
            ax.annotate(f"{kept[i] / total[i]:.0%}", (x[i], total[i]), xytext=(0, 4),
                        textcoords="offset points", ha="center", va="bottom",
                        color=style.muted, fontsize=style.font_size * 0.9)
    ax.set_xticks(x, [name[:3] for name in days.labels])
    ax.tick_params(axis="x", length=0)
    count_axis(ax)
    soft_grid(ax)
    ax.set_ylabel("occasions")
    ax.set_title(title, pad=style.font_size * 2.6)
    ax.legend(
        handles=[Patch(color=style.accent, label="Kept"),
                 Patch(color=style.gold, label="Not kept, repaired"),
                 Patch(color=style.missed, label="Not kept")],
        loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=3, borderaxespad=0.2,
        handlelength=1.0, columnspacing=1.4,
    )

    def label(i: int) -> str:
        n = int(total[i])
        share = f" ({kept[i] / n:.0%} kept)" if n else ""
        text = f"{days.labels[i]}s: {int(kept[i]):,} kept, {int(days.missed[i]):,} not kept{share}"
        if repaired[i]:
            text += f"\n{int(repaired[i]):,} of those misses repaired with a reflection"
        return text

    hover.boxes(ax, x - width / 2, np.zeros(7), x + width / 2, np.maximum(total, top * 0.02),
                label)
    return hover
