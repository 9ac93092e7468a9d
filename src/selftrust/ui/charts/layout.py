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
"""

from __future__ import annotations

from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine
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
        self._positions = measure(fig, axes, self.w_pad, self.h_pad)
        if any(_moves_with_the_plot(ax) for ax in axes):
            self._positions = measure(fig, axes, self.w_pad, self.h_pad)


def _moves_with_the_plot(ax: Axes) -> bool:
    """Whether the decorations change with the plot area's size, so that a second
    measurement (constrained layout always makes two) places it differently: square
    cells fit a box of another shape, a legend to the right sits a share of the width
    away from the plot."""
    if ax.get_aspect() != "auto":
        return True
    legend = ax.get_legend()
    return legend is not None and legend.get_bbox_to_anchor().x0 >= ax.bbox.x1 - 1


def measure(fig: Figure, axes: list[Axes], w_pad: float, h_pad: float) -> Positions:
    """Place the plot area so all the axes' decorations fit ``pad`` inside the figure."""
    renderer = fig._get_renderer()  # type: ignore[attr-defined]  # the figure's own, as layouts use
    box = fig.bbox
    if box.width < 1 or box.height < 1:  # a canvas not laid out yet: nothing to fit
        return [(b[0], b[1], b[2], b[3]) for b in (ax.get_position(original=True).bounds
                                                    for ax in axes)]
    inner = Bbox.union([ax.get_position(original=True).transformed(fig.transFigure)
                        for ax in axes])
    boxes = [ax.get_tightbbox(renderer, for_layout_only=True) for ax in axes]
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


def _place(ax: Axes, position: tuple[float, float, float, float]) -> None:
    """Place the plot area as layout engines do: ``set_position`` would also take the
    axes out of the layout (matplotlib treats it as the user's own placing), and the
    next size would not be measured again."""
    ax._set_position(position)  # type: ignore[attr-defined]  # constrained layout's way
