"""Drawing a named chart onto a matplotlib Figure: shared by the view and the CLI.

``draw_chart`` is the one place a figure is cleared and drawn inside the palette's
style context; ``redraw_chart`` gives a drawn chart new values in place after a
check-in when nothing else changed (``layers``); ``render_file`` draws without Qt
(Agg) for `selftrust chart`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib
from matplotlib.figure import Figure

from selftrust.base.i18n import _
from selftrust.services.chart_data import ChartData, Selection
from selftrust.services.chart_range import ChartRange
from selftrust.ui.charts import (
    calendar_chart,
    growth_chart,
    kept_rate_chart,
    streaks_chart,
    strength_chart,
    weekday_chart,
)
from selftrust.ui.charts.catalog import EXPORT_FORMATS, chart_info
from selftrust.ui.charts.common import NOTHING_YET, TOO_LITTLE, NotEnough, message
from selftrust.ui.charts.hover import Hover
from selftrust.ui.charts.layout import MeasuredLayout
from selftrust.ui.charts.style import ChartStyle

if TYPE_CHECKING:
    from selftrust.services.workspace import Workspace


MIN_DAYS = 7
"""Less than a week of data makes no chart worth reading."""


@dataclass(frozen=True, slots=True)
class Request:
    name: str
    rng: ChartRange
    selection: Selection = None


@dataclass(frozen=True, slots=True)
class Drawn:
    """A drawn figure: what hovering finds in it, and the words drawn in place of a
    chart when there is too little to draw ("" for a chart), which a screen reader
    hears as the chart's description."""

    hover: Hover
    notice: str = ""
    shape: object = None  # what the chart was drawn for (``_shape``)
    updated: bool = False  # values changed in place: the kept background still holds


_Series = Callable[[ChartData, Request], tuple[object, ...]]


def _strength_series(data: ChartData, req: Request) -> tuple[object, ...]:
    span = data.span(req.rng, req.selection)
    if span is None:
        raise NotEnough(_("Nothing was recorded in this range."))
    return data.strength(req.rng, req.selection), span


SERIES: dict[str, _Series] = {
    "growth": lambda data, req: (data.growth(req.rng, req.selection),),
    "strength": _strength_series,
    "kept-rate": lambda data, req: (data.kept_rate(req.rng, req.selection),),
    "calendar": lambda data, req: (data.calendar(req.rng, req.selection),),
    "weekday": lambda data, req: (data.weekdays(req.rng, req.selection),),
    "streaks": lambda data, req: (data.streaks(req.rng, req.selection),),
}
"""What each chart is drawn from (and updated from, after a check-in)."""

DRAWERS: dict[str, Callable[..., Hover]] = {
    "growth": growth_chart.draw,
    "strength": strength_chart.draw,
    "kept-rate": kept_rate_chart.draw,
    "calendar": calendar_chart.draw,
    "weekday": weekday_chart.draw,
    "streaks": streaks_chart.draw,
}
"""Each takes ``(fig, *series, style, title)``."""


def draw_chart(fig: Figure, data: ChartData, req: Request, style: ChartStyle) -> Drawn:
    """Clear the figure and draw one chart (or a kind message) in the palette's style."""
    info = chart_info(req.name)
    fig.clear()
    shape = _shape(data, req, style)
    with matplotlib.rc_context(style.rc()):
        fig.set_facecolor(style.background)
        _measured_layout(fig, style).keep_for(shape)
        age = data.days_of_data(req.selection)
        if age == 0:
            return _notice(fig, style, info.title, _(NOTHING_YET))
        if age < MIN_DAYS:
            return _notice(fig, style, info.title, _(TOO_LITTLE))
        try:
            series = SERIES[req.name](data, req)
            return Drawn(DRAWERS[req.name](fig, *series, style, info.title), shape=shape)
        except NotEnough as few:
            return _notice(fig, style, info.title, _(TOO_LITTLE), few.detail)


def redraw_chart(fig: Figure, data: ChartData, req: Request, style: ChartStyle,
                 shown: Drawn | None) -> Drawn:
    """The chart after a change: ``shown``'s artists given their new values when the
    chart, range, filter, style and names are the same and the chart can change in
    place (``Drawn.updated``), else drawn again from a cleared figure."""
    layers = shown.hover.layers if shown is not None else None
    if (layers is None or shown is None or shown.notice
            or shown.shape != _shape(data, req, style)
            or data.days_of_data(req.selection) < MIN_DAYS):
        return draw_chart(fig, data, req, style)
    try:
        series = SERIES[req.name](data, req)
    except NotEnough:
        return draw_chart(fig, data, req, style)
    with matplotlib.rc_context(style.rc()):
        hover = layers.update(*series)
    if hover is None:
        return draw_chart(fig, data, req, style)
    hover.layers = layers  # the same artists change again at the next check-in
    return Drawn(hover, shape=shown.shape, updated=True)


def _measured_layout(fig: Figure, style: ChartStyle) -> MeasuredLayout:
    """The figure's layout engine: constrained layout's margins, measured once a shape."""
    engine = fig.get_layout_engine()
    if not isinstance(engine, MeasuredLayout):
        engine = MeasuredLayout(*style.layout_pads())
        fig.set_layout_engine(engine)
    return engine


def _shape(data: ChartData, req: Request, style: ChartStyle) -> object:
    """What the margins depend on besides the figure's size: the chart and its range,
    the style, and the commitments' names (legends); not the day-to-day values."""
    names = tuple((c.id, c.title, c.color, c.archived) for c in data.commitments())
    return req, style, names


def _notice(fig: Figure, style: ChartStyle, title: str, text: str, detail: str = "") -> Drawn:
    message(fig, style, title, text, detail)
    return Drawn(Hover(), f"{text} {detail}".strip())


MIN_PNG_WIDTH = 1600
"""Pixels: a PNG goes into a report or a message, so one from a small window is drawn
finer (the same picture at a higher resolution), never smaller than this."""


def save_figure(fig: Figure, out: Path, style: ChartStyle, dpi: float | None = None) -> None:
    """Write PNG, SVG or PDF (by the file's extension) via a temporary file, so a failed
    export never leaves half a file under the chosen name."""
    fmt = EXPORT_FORMATS.get(out.suffix.lower())
    if dpi is None:
        dpi = fig.dpi
        if fmt == "png":
            dpi = max(dpi, MIN_PNG_WIDTH / fig.get_figwidth())
    if fmt is None:
        raise ValueError(_("{file}: charts are saved as .png, .svg or .pdf").format(
            file=out.name))
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".chart-", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    try:
        with matplotlib.rc_context(style.rc()):
            fig.savefig(tmp, format=fmt, dpi=dpi, facecolor=style.background,
                        metadata=_metadata(fmt))
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _metadata(fmt: str) -> dict[str, str | None]:
    """No creation dates in SVG/PDF metadata: the same data gives the same file."""
    if fmt == "svg":
        return {"Date": None}
    if fmt == "pdf":
        return {"CreationDate": None, "Creator": "Self-Trust"}
    return {"Software": "Self-Trust"}


def render_file(
    ws: Workspace,
    name: str,
    out: Path,
    *,
    rng: ChartRange | None = None,
    dark: bool = False,
    size: tuple[int, int] = (1100, 720),
    selection: Selection = None,
) -> Path:
    """Draw a chart into a file without Qt (the Agg backend): `selftrust chart`."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    style = ChartStyle.for_theme(dark, font_size=10.0, dpi=100.0)
    fig = Figure(figsize=(size[0] / style.dpi, size[1] / style.dpi), dpi=style.dpi)
    FigureCanvasAgg(fig)
    req = Request(name, rng or ChartRange("3m"), selection)
    wanted = draw_chart(fig, ChartData(ws), req, style).hover.wanted_height(size[0])
    if wanted > size[1]:  # a calendar of many years: taller, never squeezed
        fig.set_size_inches(size[0] / style.dpi, wanted / style.dpi)
    save_figure(fig, out, style, dpi=style.dpi)
    return out
