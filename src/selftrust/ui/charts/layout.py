"""The charts' layout: constrained layout's margins, measured once instead of every draw.

matplotlib's constrained layout measures every tick label, title and legend entry
twice before each draw (two passes to settle), which was ≈ 0.16 s of the first chart
and a third of every redraw. A chart here is one plot area (a twin axis shares it)
with its decorations around it, so one measurement gives the margins: the plot area
is placed so the decorations' box sits ``pad`` inside the figure, as constrained
layout places it; a chart whose decorations change with the plot's size (square
calendar cells, a legend to the right) is measured twice, as constrained layout
does. The result is kept until the figure's size or the chart's shape (``keep_for``:
another chart, range, filter, style or commitment names) changes; a check-in
redraws in the same place without measuring anything.

A legend laid out in a row (above the growth and weekday charts, under the calendar)
that is wider than the figure, as longer languages make it, takes fewer columns, so
it goes on in a second row instead of running off the picture (``fit_legends``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine
from matplotlib.legend import Legend
from matplotlib.text import Text
from matplotlib.transforms import Bbox

Positions = list[tuple[float, float, float, float]]


class MeasuredLayout(LayoutEngine):
    """Constrained layout's result for one plot area, measured once per shape and size.

    ``w_pad`` and ``h_pad`` are inches, as constrained layout's rcParams give them.
    """

    _adjust_compatible = False
    _colorbar_gridspec = False

    def __init__(self, w_pad: float, h_pad: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.w_pad = w_pad
        self.h_pad = h_pad
        self._key: tuple[float, ...] | None = None
        self._positions: Positions = []
        self._shape: object = None
        self.measured = 0  # how many times the margins were measured (for tests)

    def keep_for(self, shape: object) -> None:
        """The chart about to be drawn has this shape (chart, range, style, names): a
        different one is measured again at the next draw, the same one is not."""
        if shape != self._shape:
            self._shape = shape
            self._key = None

    def execute(self, fig: Any) -> None:
        axes = [ax for ax in fig.axes if ax.get_in_layout()]
        if not axes:
            return
        width, height = (float(v) for v in fig.get_size_inches())
        key = (width, height, float(len(axes)))
        if key == self._key and len(self._positions) == len(axes):
            for ax, position in zip(axes, self._positions, strict=True):
                _place(ax, position)
            return
        self._key = key
        self.measured += 1
        _widest_legends(axes)
        self._positions = measure(fig, axes, self.w_pad, self.h_pad)
        if fit_legends(fig, axes, self.w_pad):
            self._positions = measure(fig, axes, self.w_pad, self.h_pad)
        if any(_moves_with_the_plot(ax) for ax in axes):
            self._positions = measure(fig, axes, self.w_pad, self.h_pad)


@dataclass(slots=True)
class _RowLegend:
    make: Callable[[int], Legend]  # the legend in so many columns, made again
    columns: int  # as the chart asked for
    shown: int  # as drawn now


_ROW_LEGENDS: WeakKeyDictionary[Axes, _RowLegend] = WeakKeyDictionary()


def row_legend(ax: Axes, columns: int, make: Callable[[int], Legend]) -> Legend:
    """A legend in a row of ``columns`` entries, made by ``make(columns)``: the layout
    makes it again in fewer columns (more rows) when it is wider than the figure."""
    _ROW_LEGENDS[ax] = _RowLegend(make, columns, columns)
    return make(columns)


def _widest_legends(axes: list[Axes]) -> None:
    """Every row legend in the columns it was asked for (a narrower size took some)."""
    for ax in axes:
        row = _ROW_LEGENDS.get(ax)
        if row is not None and row.shown != row.columns and ax.get_legend() is not None:
            row.shown = row.columns
            row.make(row.columns)


def fit_legends(fig: Figure, axes: list[Axes], w_pad: float) -> bool:
    """Take columns from a row legend until it fits the figure's width (it goes on in
    more rows); whether any legend changed."""
    box = fig.bbox
    if box.width < 1:
        return False
    renderer = fig._get_renderer()  # type: ignore[attr-defined]  # as measure's
    room = box.x1 - w_pad * fig.dpi
    changed = False
    for ax in axes:
        row = _ROW_LEGENDS.get(ax)
        legend = ax.get_legend()
        while row is not None and legend is not None and row.shown > 1 \
                and legend.get_window_extent(renderer).x1 > room:
            row.shown -= 1
            legend = row.make(row.shown)
            changed = True
    return changed


def _moves_with_the_plot(ax: Axes) -> bool:
    """Whether the decorations change with the plot area's size, so that a second
    measurement (constrained layout always makes two) places it differently: square
    cells fit a box of another shape, a legend to the right sits a share of the width
    away from the plot, a title in two lines may take one or three once the plot moves."""
    if ax.get_aspect() != "auto":
        return True
    if _wrapped(ax.title):  # a long title wraps at the figure's edge, from the plot's
        return True
    legend = ax.get_legend()
    return legend is not None and legend.get_bbox_to_anchor().x0 >= ax.bbox.x1 - 1


def _wrapped(text: Text) -> bool:
    """Whether a text is drawn in more than one line (``wrap=True`` and too long)."""
    if not text.get_wrap() or not text.get_visible() or not text.get_text():
        return False
    return "\n" in text._get_wrapped_text()  # type: ignore[attr-defined]  # how Text wraps


def measure(fig: Figure, axes: list[Axes], w_pad: float, h_pad: float) -> Positions:
    """Place the plot area so all the axes' decorations fit ``pad`` inside the figure."""
    renderer = fig._get_renderer()  # type: ignore[attr-defined]  # the figure's own, as layouts use
    box = fig.bbox
    if box.width < 1 or box.height < 1:  # a canvas not laid out yet: nothing to fit
        return [(b[0], b[1], b[2], b[3]) for b in (ax.get_position(original=True).bounds
                                                    for ax in axes)]
    inner = Bbox.union([ax.get_position(original=True).transformed(fig.transFigure)
                        for ax in axes])
    boxes = [_decorations(ax, renderer, inner) for ax in axes]
    outer = Bbox.union([b for b in boxes if b is not None])
    dpi = fig.dpi
    # A decoration inside the box (square cells leave room) needs no margin: as in
    # constrained layout, a margin is never less than the pad.
    left = max(0.0, inner.x0 - outer.x0) + w_pad * dpi
    right = max(0.0, outer.x1 - inner.x1) + w_pad * dpi
    bottom = max(0.0, inner.y0 - outer.y0) + h_pad * dpi
    top = max(0.0, outer.y1 - inner.y1) + h_pad * dpi
    x0 = left / box.width
    y0 = bottom / box.height
    x1 = 1 - right / box.width
    y1 = 1 - top / box.height
    if x1 - x0 < 0.05 or y1 - y0 < 0.05:  # decorations wider than the figure: keep a plot
        x0, y0, x1, y1 = 0.1, 0.1, 0.9, 0.9
    position = (x0, y0, x1 - x0, y1 - y0)
    for ax in axes:
        _place(ax, position)
    return [position] * len(axes)


def _decorations(ax: Axes, renderer: Any, inner: Bbox) -> Bbox | None:
    """What is drawn around the plot area. A row legend (above or under the plot, from
    its left edge) counts by its height only: it may reach past the plot's right edge
    into the margin, as far as the figure goes (``fit_legends`` sees to that), and the
    plot is not made narrower for it."""
    legend = ax.get_legend()
    if legend is None or ax not in _ROW_LEGENDS or not legend.get_in_layout():
        return ax.get_tightbbox(renderer, for_layout_only=True)
    legend.set_in_layout(False)
    try:
        around = ax.get_tightbbox(renderer, for_layout_only=True)
    finally:
        legend.set_in_layout(True)
    drawn = legend.get_window_extent(renderer)
    row = Bbox([[inner.x0, drawn.y0], [inner.x0 + 1.0, drawn.y1]])
    return row if around is None else Bbox.union([around, row])


def _place(ax: Axes, position: tuple[float, float, float, float]) -> None:
    """Place the plot area as layout engines do: ``set_position`` would also take the
    axes out of the layout (matplotlib treats it as the user's own placing), and the
    next size would not be measured again."""
    ax._set_position(position)  # type: ignore[attr-defined]  # constrained layout's way
