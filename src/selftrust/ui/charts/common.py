"""Drawing helpers every chart shares: date axes, percent axes, titles, kind messages.

Every word and number drawn goes through the person's language: dates and months
through ``base.formats`` (never ``strftime``, which speaks the C library's English),
numbers and percentages too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, cast

import matplotlib
import matplotlib.dates as mdates
import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.ticker import Formatter, FuncFormatter, MaxNLocator

from selftrust.base import formats, i18n
from selftrust.base.i18n import N_
from selftrust.ui.charts import layout
from selftrust.ui.charts.style import ChartStyle

# Shown in place of a chart (translated where drawn: ``_(TOO_LITTLE)``).
TOO_LITTLE = N_("A few more days and this chart will start to show a shape.")
NOTHING_YET = N_("Add a commitment and check in for a few days: your charts grow from there.")


class NotEnough(Exception):
    """Raised by a chart with too little data; the message is shown instead."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail)
        self.detail = detail


def short_date(day: date) -> str:
    """"Tue, 24 Nov 2026" — exact, and readable in a tooltip."""
    return formats.skeleton(day, "yMMMEd")


def date_span(first: date, last: date) -> str:
    """"3 – 24 Nov 2026", "3 Oct 2025 – 24 Nov 2026": two days, as the language writes
    a stretch of time (each part said once when both days share it)."""
    if first == last:
        return formats.short_date(first)
    from babel.dates import format_interval

    text = format_interval(first, last, "yMMMd", locale=formats.locale())
    return i18n.pseudo(text) if i18n.is_pseudo() else text


def date_nums(days: np.ndarray) -> np.ndarray:
    return mdates.date2num(days) if days.size else np.array([], dtype=float)


def thin(x: np.ndarray, y: np.ndarray, points: int) -> tuple[np.ndarray, np.ndarray]:
    """At most about ``points`` points of a long series, keeping its shape to the pixel.

    Twenty years are 7,300 days, on an axis some 800 pixels wide: matplotlib would
    stroke (and lay out) every one of them, so drawing grew with the years of data.
    The days are cut into ``points / 2`` runs and each run keeps its lowest and its
    highest day, in their order (plus the first and last day): every peak and dip
    stays where it was, and the line looks the same. A gap (NaN) stays a gap.
    Exact values are not lost: the hover reads the full series.
    """
    n = int(x.size)
    runs = points // 2
    if n <= max(points, 4) or runs < 2:
        return x, y
    width = -(-n // runs)  # days per run: runs of equal length, the last one padded
    runs = -(-n // width)
    index = np.minimum(np.arange(runs * width), n - 1).reshape(runs, width)
    block = y[index]  # no sorting: a reshape and two reductions, linear in the days
    row = np.arange(runs)
    lowest = index[row, np.argmin(block, axis=1)]  # a run with a gap picks its NaN
    highest = index[row, np.argmax(block, axis=1)]
    keep = np.unique(np.concatenate([lowest, highest, [0, n - 1]]))
    return x[keep], y[keep]


def pixels_across(fig: Figure) -> int:
    """The figure's width in device pixels: no axes in it is wider."""
    return max(1, int(fig.bbox.width))


def date_axis(ax: Any, first: date, last: date, *, pad_days: float = 0.0) -> None:
    """Sensible ticks from four weeks to ten years: AutoDateLocator, with the labels of
    a ConciseDateFormatter in the person's language (``DateTicks``)."""
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(DateTicks())
    lo, hi = mdates.date2num(first), mdates.date2num(last)
    if hi - lo < 1:
        hi = lo + 1
    ax.set_xlim(lo - pad_days, hi + pad_days)


class DateTicks(Formatter):
    """Date tick labels as matplotlib's ConciseDateFormatter chooses them, in words from
    ``base.formats``: "2025 · Feb · Mar" across years, "Nov · 8 · 15" within months.

    The labels name only what changes from tick to tick (years, months or days); the
    first of a larger unit says that unit instead (January its year, the 1st its
    month), and the axis's offset names what all ticks share ("November 2026").
    """

    def __init__(self) -> None:
        self.offset_string = ""

    def __call__(self, x: float, pos: int | None = None) -> str:
        """One date on its own (matplotlib asks so outside an axis's ticks): the day."""
        return formats.short_date(cast(datetime, mdates.num2date(x)).date())

    def get_offset(self) -> str:
        return self.offset_string

    def format_ticks(self, values: Sequence[float] | np.ndarray) -> list[str]:
        moments = [cast(datetime, mdates.num2date(v)) for v in values]
        if not moments:
            self.offset_string = ""
            return []
        fields = np.array([m.timetuple()[:6] for m in moments])
        # The finest unit that differs between ticks: 0 years … 3 hours (or finer).
        level, show_offset = 3, True
        for k in range(5, -1, -1):
            if len(np.unique(fields[:, k])) > 1:
                level = min(k, 3)
                if k < 2 and np.any(fields[:, k] == 1):
                    show_offset = False  # January is named by its year: no offset needed
                break
        labels = [_tick_label(m, level) for m in moments]
        self.offset_string = _offset_label(moments[-1], level) if show_offset else ""
        return labels


def _tick_label(moment: datetime, level: int) -> str:
    day = moment.date()
    if level == 0:
        return str(moment.year)
    if level == 1:
        return str(moment.year) if moment.month == 1 else formats.month_name(
            moment.month, "abbreviated")
    if level == 2:
        return formats.month_name(moment.month, "abbreviated") if moment.day == 1 \
            else str(moment.day)
    if moment.hour == 0 and moment.minute == 0:
        return formats.short_day_month(day)
    return formats.time_of_day(moment)


def _offset_label(moment: datetime, level: int) -> str:
    if level == 0:
        return ""
    if level == 1:
        return str(moment.year)
    if level == 2:
        return formats.month_year(moment.date())
    return formats.long_date(moment.date())


def percent_axis(ax: Any, *, top: float = 1.0) -> None:
    """Shares of a whole (0 … 1) on the y axis, written as the language writes "57%"."""
    ax.set_ylim(0, top)
    ax.yaxis.set_major_formatter(FuncFormatter(percent_tick))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))


def percent_tick(value: float, pos: int | None = None) -> str:
    return formats.percent(value)


def count_tick(value: float, pos: int | None = None) -> str:
    return formats.number(round(value))


def count_axis(ax: Any) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True, min_n_ticks=3))
    ax.yaxis.set_major_formatter(FuncFormatter(count_tick))


def row_legend(ax: Any, style: ChartStyle, columns: int, *, title: str | None = None,
               **kwargs: Any) -> Legend:
    """``ax.legend(ncols=columns, **kwargs)``, in fewer columns when the words are wider
    than the figure (longer languages): the layout makes it again (``layout.row_legend``),
    in the chart's style even when that happens at a later draw. A ``title`` is set
    above a legend that sits on top of the plot, as high as the legend's rows need."""
    entries = len(kwargs.get("handles", ())) or columns
    size = float(kwargs.get("fontsize", style.font_size * 0.92))

    def make(n: int) -> Legend:
        with matplotlib.rc_context(style.rc()):
            legend = cast(Legend, ax.legend(ncols=n, **kwargs))
            if title is not None:
                rows = -(-entries // n)
                ax.set_title(title, pad=style.font_size * 2.6 + (rows - 1) * size * 1.7,
                             wrap=True)
        return legend

    return layout.row_legend(ax, columns, make)


def soft_grid(ax: Any, axis: str = "y") -> None:
    ax.grid(True, axis=axis)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)


def bars(ax: Any, x0: Any, x1: Any, y0: Any, y1: Any, color: str, label: str = "",
         **kw: Any) -> PolyCollection:
    """Many rectangles as one collection: a thousand bars draw in milliseconds, where
    as many Rectangle patches (ax.bar) take a second."""
    # one (n, 4, 2) array: matplotlib's fast path, which its stubs do not describe
    collection = PolyCollection(cast(Any, bar_corners(x0, x1, y0, y1)), facecolors=color,
                                label=label, **kw)
    ax.add_collection(collection, autolim=False)
    return collection


def bar_corners(x0: Any, x1: Any, y0: Any, y1: Any) -> np.ndarray:
    """The (n, 4, 2) corners of n rectangles (``PolyCollection.set_verts`` takes them)."""
    x0, x1, y0, y1 = (np.broadcast_to(np.asarray(v, dtype=float), np.shape(x0)) for v in
                      (x0, x1, y0, y1))
    return np.stack([np.column_stack([x0, y0]), np.column_stack([x1, y0]),
                     np.column_stack([x1, y1]), np.column_stack([x0, y1])], axis=1)


def message(fig: Figure, style: ChartStyle, title: str, text: str, detail: str = "") -> None:
    """A calm, centred message in place of a chart (also in exported files)."""
    fig.clear()
    fig.text(0.5, 0.56, text, ha="center", va="center", color=style.text,
             fontsize=style.font_size * 1.15, wrap=True)
    if detail:
        fig.text(0.5, 0.47, detail, ha="center", va="center", color=style.muted,
                 fontsize=style.font_size, wrap=True)
    fig.text(0.02, 0.96, title, ha="left", va="top", color=style.text,
             fontsize=style.font_size * 1.2, fontweight="bold", wrap=True)


def clip_title(title: str, limit: int = 28) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
