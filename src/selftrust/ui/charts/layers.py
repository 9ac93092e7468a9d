"""A chart redrawn after a check-in without rebuilding it: its data artists change in
place and are drawn over a cached picture of everything else.

Rebuilding the figure (axes, ticks, legend) was about a quarter of a redraw and
drawing its text (tick labels, title, legend) about two fifths, though a check-in
changes neither. A chart that can be updated says which artists hold its values
(``data``), which unchanged artists lie over them and must be drawn after them to
keep the same picture (``over``: the spines a line or a bar touches), and how to set
new values in place (``update``, which answers ``None`` when the axes would change:
another range of days, a new scale, other names; the chart is then drawn again).
The canvas keeps the picture without ``data`` and ``over`` (its *background*) and
draws only those two over it, in the order a full draw takes them: the same pixels
as a full draw, since what the background holds never overlaps them (the tests
compare every chart with one drawn afresh).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure

Update = Callable[..., Any]
"""Given the chart's new series, the new ``Hover`` or ``None`` (typed loosely: the
hover holds its layers, so naming it here would make the two modules import each other)."""


@dataclass(slots=True)
class Layers:
    data: Sequence[Artist]
    over: Sequence[Artist]
    update: Update
    """Given the chart's new series (as its ``draw`` takes them), set them in place and
    answer the new hover, or ``None`` when only a full draw gives the right picture."""


def spines(ax: Any) -> list[Artist]:
    """The axes' drawn spines: in a full draw they lie over the lines and bars they touch."""
    return [spine for spine in ax.spines.values() if spine.get_visible()]


def _draw_order(fig: Figure) -> Callable[[Artist], tuple[float, int, float]]:
    """The order a full draw takes: axes by zorder (then as added), and in each axes
    its artists by zorder (then as given)."""
    place = {id(ax): (ax.get_zorder(), k) for k, ax in enumerate(fig.axes)}

    def key(artist: Artist) -> tuple[float, int, float]:
        ax_zorder, k = place.get(id(artist.axes), (0.0, -1))
        return ax_zorder, k, artist.get_zorder()

    return key


class Background:
    """The figure drawn without its changing layers, kept while nothing else changes."""

    def __init__(self) -> None:
        self._saved: Any = None
        self._key: tuple[float, ...] | None = None

    def forget(self) -> None:
        self._saved = None
        self._key = None

    def draw(self, fig: Figure, renderer: RendererAgg, layers: Layers) -> None:
        """Draw ``fig`` on ``renderer``: the kept background (drawn first if needed),
        then the data and what lies over it."""
        key = (float(renderer.width), float(renderer.height), float(fig.dpi))
        if self._saved is None or key != self._key:
            self._draw_background(fig, renderer, layers)
            self._key = key
        else:
            renderer.restore_region(self._saved)
        for artist in sorted((*layers.data, *layers.over), key=_draw_order(fig)):
            if artist.get_visible():
                artist.draw(renderer)

    def _draw_background(self, fig: Figure, renderer: RendererAgg, layers: Layers) -> None:
        engine = fig.get_layout_engine()
        if engine is not None and fig.axes:
            engine.execute(fig)  # measured with every artist shown, as a full draw is
        hidden = [a for a in (*layers.data, *layers.over) if a.get_visible()]
        for artist in hidden:
            artist.set_visible(False)
        try:
            renderer.clear()
            fig.draw(renderer)
        finally:
            for artist in hidden:
                artist.set_visible(True)
        self._saved = renderer.copy_from_bbox(fig.bbox)
