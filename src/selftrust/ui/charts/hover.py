"""What lies under the mouse: the nearest point or the box hit, and its exact words.

Each chart registers its points and boxes in data coordinates while drawing; a
mouse position (display pixels, as matplotlib events give them) is matched at
query time through the axes' current transforms, so zooming the window or a new
layout never leaves stale positions behind. No Qt here: the canvas shows the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from selftrust.ui.charts.layers import Layers

Label = Callable[[int], str]


@dataclass(slots=True)
class _Points:
    ax: Any
    x: np.ndarray
    y: np.ndarray
    label: Label
    along_x: bool  # time series: the nearest day wins, wherever the mouse is vertically


@dataclass(slots=True)
class _Boxes:
    ax: Any
    x0: np.ndarray
    y0: np.ndarray
    x1: np.ndarray
    y1: np.ndarray
    label: Label


@dataclass(frozen=True, slots=True)
class Hit:
    text: str
    x: float  # display coordinates of the point or box centre
    y: float


class Hover:
    def __init__(self) -> None:
        self._points: list[_Points] = []
        self._boxes: list[_Boxes] = []
        self.tall: tuple[float, float] | None = None
        """(ratio, extra): a chart that needs height ``ratio × width + extra`` pixels to be
        read (a calendar of many years); the canvas grows and scrolls to give it that."""
        self.layers: Layers | None = None
        """How the chart changes in place after a check-in (None: drawn again)."""

    def wanted_height(self, width: float) -> int:
        """The height the chart asks for at this width (0: whatever it is given)."""
        if self.tall is None:
            return 0
        ratio, extra = self.tall
        return round(ratio * width + extra)

    def points(
        self, ax: Any, x: Any, y: Any, label: Label, *, along_x: bool = False
    ) -> None:
        xs = np.asarray(x, dtype=float)
        ys = np.asarray(y, dtype=float)
        if xs.size:
            self._points.append(_Points(ax, xs, ys, label, along_x))

    def boxes(self, ax: Any, x0: Any, y0: Any, x1: Any, y1: Any, label: Label) -> None:
        xs0, ys0, xs1, ys1 = (np.asarray(v, dtype=float) for v in (x0, y0, x1, y1))
        if xs0.size:
            self._boxes.append(_Boxes(ax, xs0, ys0, xs1, ys1, label))

    @property
    def empty(self) -> bool:
        return not self._points and not self._boxes

    def find(self, x: float, y: float, radius: float = 24.0) -> Hit | None:
        """The thing under display position (x, y), or the nearest within ``radius``."""
        for boxes in self._boxes:
            if not _inside_axes(boxes.ax, x, y):
                continue
            a = boxes.ax.transData.transform(np.column_stack([boxes.x0, boxes.y0]))
            b = boxes.ax.transData.transform(np.column_stack([boxes.x1, boxes.y1]))
            lo, hi = np.minimum(a, b), np.maximum(a, b)
            inside = (lo[:, 0] <= x) & (x <= hi[:, 0]) & (lo[:, 1] <= y) & (y <= hi[:, 1])
            found = np.flatnonzero(inside)
            if found.size:
                i = int(found[-1])  # the box drawn last is on top
                c = (lo[i] + hi[i]) / 2
                return Hit(boxes.label(i), float(c[0]), float(c[1]))
        best: tuple[float, _Points, int, np.ndarray] | None = None
        for group in self._points:
            if not _inside_axes(group.ax, x, y, slack=radius):
                continue
            shown = np.isfinite(group.y)
            if not shown.any():
                continue
            xy = group.ax.transData.transform(np.column_stack([group.x, np.where(
                shown, group.y, 0.0)]))
            if group.along_x:
                dist = np.abs(xy[:, 0] - x)
            else:
                dist = np.hypot(xy[:, 0] - x, xy[:, 1] - y)
            dist = np.where(shown, dist, np.inf)
            i = int(np.argmin(dist))
            d = float(dist[i])
            if d <= radius and (best is None or d < best[0]):
                best = (d, group, i, xy[i])
        if best is None:
            return None
        _, group, i, at = best
        return Hit(group.label(i), float(at[0]), float(at[1]))


def _inside_axes(ax: Any, x: float, y: float, slack: float = 0.0) -> bool:
    box = ax.bbox
    return bool(box.x0 - slack <= x <= box.x1 + slack and box.y0 - slack <= y <= box.y1 + slack)
