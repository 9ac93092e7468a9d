"""The one base canvas every chart is drawn on (FigureCanvasQTAgg, measured layout).

``redraw`` is the template method: it builds the style from the live palette and
font, lets ``draw_chart`` fill the cleared figure inside that style (or change the
shown chart's values in place), and schedules a paint with ``draw_idle``; ``draw``
paints a chart that changes in place over its kept background (``layers``).
Hovering shows the exact value under the mouse as a tooltip. Importing this module
imports matplotlib: only the Charts view does, and only when it is first shown.
"""

from __future__ import annotations

import logging

import matplotlib

matplotlib.use("QtAgg")

from matplotlib import cbook  # noqa: E402
from matplotlib.backend_bases import MouseEvent  # noqa: E402
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QPalette, QResizeEvent, QScreen  # noqa: E402
from PySide6.QtGui import Qt as GuiQt  # noqa: E402
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget  # noqa: E402

from selftrust.base.i18n import _  # noqa: E402
from selftrust.services.chart_data import ChartData  # noqa: E402
from selftrust.ui.charts.hover import Hit, Hover  # noqa: E402
from selftrust.ui.charts.layers import Background  # noqa: E402
from selftrust.ui.charts.layout import MeasuredLayout  # noqa: E402
from selftrust.ui.charts.render import Drawn, Request, redraw_chart  # noqa: E402
from selftrust.ui.charts.style import ChartStyle  # noqa: E402
from selftrust.ui.look.theme import accent, is_dark  # noqa: E402

log = logging.getLogger(__name__)

MIN_HEIGHT = 220


def style_for(widget: QWidget) -> ChartStyle:
    """The chart style of a widget: its palette's colours, its font size, its screen's DPI."""
    pal = widget.palette()
    font = widget.font()
    size = font.pointSizeF()
    if size <= 0:  # a font set in pixels
        size = font.pixelSize() * 72.0 / max(1.0, _dpi(widget))
    return ChartStyle.make(
        is_dark(pal),
        base=pal.color(QPalette.ColorRole.Base).name(),
        text=pal.color(QPalette.ColorRole.Text).name(),
        placeholder=pal.color(QPalette.ColorRole.PlaceholderText).name(),
        mid=pal.color(QPalette.ColorRole.Mid).name(),
        accent=accent(pal).name(),
        font_size=max(7.0, size),
        dpi=_dpi(widget),
    )


def _dpi(widget: QWidget) -> float:
    screen: QScreen | None = widget.screen()  # None before the widget is on a screen
    return float(screen.logicalDotsPerInch()) if screen is not None else 96.0


class ChartCanvas(FigureCanvasQTAgg):
    """Subclasses implement ``draw_chart(figure, style) -> Drawn``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        style = style_for(parent) if parent is not None else ChartStyle.for_theme(False)
        figure = Figure(dpi=style.dpi, layout=MeasuredLayout(*style.layout_pads()))
        super().__init__(figure)
        if parent is not None:
            self.setParent(parent)
        self.style_ = style
        self.hover = Hover()
        self.notice = ""  # the words drawn in place of a chart, if any
        self.last_hit: Hit | None = None
        self.shown: Drawn | None = None  # what is drawn now, for the next redraw to update
        self.background = Background()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, MIN_HEIGHT)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(_("Chart"))
        self.mpl_connect("motion_notify_event", self._on_motion)
        self.mpl_connect("figure_leave_event", lambda _e: self._hide_tip())

    # --- the template method ------------------------------------------------------------
    def redraw(self) -> None:
        """Draw (or update in place) in the palette's style, and schedule a paint."""
        # matplotlib gives its canvas a plain white palette: read the surroundings'.
        self.style_ = style_for(self.parentWidget() or self)
        self._hide_tip()
        drawn = self.draw_chart(self.figure, self.style_)
        if not drawn.updated:
            self.background.forget()
        self.shown = drawn
        self.hover, self.notice = drawn.hover, drawn.notice
        self._fit_height()
        self.draw_idle()

    def draw(self) -> None:
        """Render the figure: a chart that changes in place keeps a picture of all
        but its values (``layers.Background``) and draws only those over it."""
        layers = self.hover.layers
        if layers is None:
            self.background.forget()
            super().draw()
            return
        if self._is_drawing:
            return
        with cbook._setattr_cm(self, _is_drawing=True):
            self.renderer = self.get_renderer()
            self.background.draw(self.figure, self.renderer, layers)
            self.figure.stale = False
        self.update()

    def _fit_height(self) -> None:
        """Ask for the height a tall chart needs (the view scrolls); others fill the card."""
        wanted = self.hover.wanted_height(self.width())
        height = max(MIN_HEIGHT, wanted)
        if self.minimumHeight() != height:
            self.setMinimumHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def draw_chart(self, figure: Figure, style: ChartStyle) -> Drawn:
        raise NotImplementedError


    # --- hover --------------------------------------------------------------------------
    def _on_motion(self, event: MouseEvent) -> None:
        x: float | None = event.x  # None off the canvas, whatever the stubs say
        y: float | None = event.y
        if x is None or y is None:
            return
        hit = self.hover.find(x, y, radius=14 * self.device_pixel_ratio)
        if hit is None:
            self._hide_tip()
            return
        self.last_hit = hit
        ratio = self.device_pixel_ratio
        local = QPoint(int(hit.x / ratio), int(self.height() - hit.y / ratio))
        QToolTip.showText(self.mapToGlobal(local) + QPoint(12, -12),
                          GuiQt.convertFromPlainText(hit.text), self)

    def _hide_tip(self) -> None:
        self.last_hit = None
        if QToolTip.isVisible():
            QToolTip.hideText()

    def hit_at(self, x: float, y: float) -> Hit | None:
        """What hovering at widget position (x, y) would show (for keyboard and tests)."""
        ratio = self.device_pixel_ratio
        return self.hover.find(x * ratio, (self.height() - y) * ratio, radius=14 * ratio)


class DataCanvas(ChartCanvas):
    """Draws the chart a Request names from the charts' data service."""

    def __init__(self, data: ChartData, request: Request, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.request = request

    def draw_chart(self, figure: Figure, style: ChartStyle) -> Drawn:
        return redraw_chart(figure, self.data, self.request, style, self.shown)
