"""The Charts view: seeing trust grow over weeks and years.

A row of chart buttons, a range and a commitment filter above one chart, and a few
plain-language insights below it. matplotlib is heavy, so this module does not
import it: the canvas (and matplotlib with it) is created the first time the view
is shown, after the view itself has painted.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from selftrust.base import formats
from selftrust.base.i18n import _
from selftrust.services.chart_data import ChartData
from selftrust.services.chart_range import ChartRange
from selftrust.services.errors import Invalid
from selftrust.ui.charts.catalog import CHARTS, EXPORT_FORMATS, NAMES, chart_info
from selftrust.ui.charts.filter_button import CommitmentFilter
from selftrust.ui.charts.range_picker import RangePicker
from selftrust.ui.charts.warm_up import WarmUp
from selftrust.ui.dialogs import messages
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.flow_layout import FlowLayout

if TYPE_CHECKING:
    from selftrust.ui.charts.canvas import DataCanvas

log = logging.getLogger(__name__)

PREF_CHART = "charts/chart"
PREF_RANGE = "charts/range"
FALLBACK_RANGE = "3m"  # "the last 3 months" in ``_fit_range_to_data``'s words
RANGE_NOTICE_MS = 10_000
EXPORT_NOTICE_MS = 8000  # long enough to read a long folder name


def export_filters() -> str:
    """The file dialog's choices of file type."""
    # TRANSLATORS: kinds of file in the "Export chart" dialog; keep "({pattern})".
    return ";;".join([_("PNG image ({pattern})").format(pattern="*.png"),
                      _("SVG drawing ({pattern})").format(pattern="*.svg"),
                      _("PDF document ({pattern})").format(pattern="*.pdf")])


class ChartsView(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.data = ChartData.shared(ctx.ws)
        self.canvas: DataCanvas | None = None
        self.chart = str(ctx.prefs.value(PREF_CHART, "growth"))
        if self.chart not in NAMES:
            self.chart = "growth"
        try:
            self.rng = ChartRange.parse(str(ctx.prefs.value(PREF_RANGE, "3m")))
        except Invalid:
            self.rng = ChartRange("3m")
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._insights_soon = WarmUp(self, done=self.update_insights)
        self._rows: tuple[object, ...] = ()
        self._build()
        ctx.bridge.changed.connect(self._on_change)
        ctx.clockwork.day_changed.connect(self._on_day_changed)
        ctx.clockwork.prefs_changed.connect(self._mark_stale)

    # --- building -------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        margin = self.fontMetrics().height()
        outer.setContentsMargins(margin, margin, margin, margin)
        outer.setSpacing(round(margin * 0.6))

        # The chart buttons go on in a second line when a long language and a narrow
        # window leave no room for them in one (flow.py); Export stays at the end.
        bar = QHBoxLayout()
        bar.setSpacing(4)
        charts_row = FlowLayout(spacing=4, line_spacing=2)
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)
        self.chart_buttons: dict[str, QToolButton] = {}
        for info in CHARTS:
            button = QToolButton()
            button.setText(info.label)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolTip(info.about)
            # TRANSLATORS: what a screen reader calls a chart button ("Kept rate chart").
            button.setAccessibleName(_("{title} chart").format(title=info.title))
            button.setObjectName(f"chart-{info.name}")
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.buttons.addButton(button)
            self.chart_buttons[info.name] = button
            button.clicked.connect(lambda _checked=False, n=info.name: self._pick(n))
            charts_row.addWidget(button)
        self.chart_buttons[self.chart].setChecked(True)
        bar.addLayout(charts_row, 1)
        self.export_button = QPushButton(_("Ex&port…"))
        self.export_button.setAccessibleName(_("Export chart"))
        self.export_button.setToolTip(_("Save this chart as PNG, SVG or PDF ({shortcut})").format(
            shortcut="Ctrl+Shift+E"))
        self.export_button.clicked.connect(self.export_chart)
        bar.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(bar)

        # A second row, so the view still fits a small window at 200 % scaling.
        # The filter follows the range on the same line, or on the next one if need be.
        choices = FlowLayout(spacing=margin, line_spacing=4)
        self.range_picker = RangePicker(self.ctx.ws.today(),
                                        week_start=self.ctx.ws.settings.week_start)
        self.range_picker.set_value(self.rng)
        self.range_picker.changed.connect(self._range_changed)
        choices.addWidget(self.range_picker)
        filter_box = QWidget()
        filter_row = QHBoxLayout(filter_box)
        filter_row.setContentsMargins(0, 0, 0, 0)
        filter_row.setSpacing(6)
        self.filter = CommitmentFilter()
        self.filter.changed.connect(self._filter_changed)
        filter_label = QLabel(_("C&ommitments:"))
        filter_label.setBuddy(self.filter)
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter)
        choices.addWidget(filter_box)
        outer.addLayout(choices)

        self.card = QFrame()
        self.card.setObjectName("chart-card")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setAutoFillBackground(True)
        self.card.setBackgroundRole(QPalette.ColorRole.Base)
        self.card_layout = QVBoxLayout(self.card)
        pad = round(margin * 0.5)
        self.card_layout.setContentsMargins(pad, pad, pad, pad)
        self.placeholder = QLabel(_("Drawing your charts…"))
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)
        self.card_layout.addWidget(self.placeholder)
        self.chart_scroll = QScrollArea()
        self.chart_scroll.setObjectName("chart-scroll")
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_scroll.setAccessibleName(_("Chart"))
        self.chart_scroll.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.chart_scroll.hide()
        self.card_layout.addWidget(self.chart_scroll)
        outer.addWidget(self.card, 1)

        self.insights_box = QFrame()
        box = QVBoxLayout(self.insights_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        # TRANSLATORS: the heading over the sentences under a chart.
        heading = QLabel(_("Insights"))
        font = heading.font()
        font.setWeight(font.Weight.DemiBold)
        heading.setFont(font)
        box.addWidget(heading)
        self.insight_labels: list[QLabel] = []
        for _row in range(4):
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            box.addWidget(label)
            self.insight_labels.append(label)
        outer.addWidget(self.insights_box)
        self.insights_box.setVisible(False)

    # --- showing --------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale or self.canvas is None:
            # Let the view paint first; matplotlib is imported on the next turn.
            self._timer.start(0)

    def activated(self) -> None:
        if self._stale and self.isVisible():
            self._timer.start(0)

    def ensure_canvas(self) -> DataCanvas:
        """Create the chart canvas (this imports matplotlib, once)."""
        if self.canvas is None:
            from selftrust.ui.charts.canvas import DataCanvas
            from selftrust.ui.charts.render import Request

            request = Request(self.chart, self.rng, self.filter.selection)
            canvas = DataCanvas(self.data, request, self.card)
            canvas.setObjectName("chart-canvas")
            self.placeholder.hide()
            # A calendar of many years is taller than the card: it scrolls, never squeezes.
            self.chart_scroll.setWidget(canvas)
            self.chart_scroll.show()  # shown now, not on a queued show: sized before drawing
            self.card_layout.activate()
            self.canvas = canvas
        return self.canvas

    def refresh(self) -> None:
        """Redraw the chart and the insights from the (cached) data."""
        self._timer.stop()
        rows = self.data.commitments()
        if tuple(rows) != self._rows:
            self.filter.set_commitments(rows)
            self._rows = tuple(rows)
        self._fit_range_to_data()
        canvas = self.ensure_canvas()
        from selftrust.ui.charts.render import Request

        canvas.request = Request(self.chart, self.rng, self.filter.selection)
        canvas.redraw()
        self._stale = False
        span = self.data.span(self.rng, self.filter.selection)
        if span is not None:
            self.range_picker.prefill(span)
        # The chart first; the sentences follow once the commitments' whole histories
        # are derived, a slice per turn of the event loop (warm_up.py).
        self._insights_soon.start(lambda: self.data.selected(self.filter.selection))

    def update_insights(self) -> None:
        self._insights_soon.stop()
        info = chart_info(self.chart)
        lines = self.data.insights(self.rng, self.filter.selection, lead=info.topic)
        for label, text in zip(self.insight_labels, [*lines, *[""] * 4], strict=False):
            label.setText(f"•  {text}" if text else "")
            label.setVisible(bool(text))
        self.insights_box.setVisible(bool(lines))
        self._describe(lines)

    def _describe(self, lines: list[str]) -> None:
        """What a screen reader hears: the chart's title, and the first insight shown
        under it (the chart's own), or the words drawn in place of a chart."""
        if self.canvas is None:
            return
        info = chart_info(self.chart)
        text = self.canvas.notice or (lines[0] if lines else info.about)
        for widget in (self.chart_scroll, self.canvas):
            widget.setAccessibleName(info.title)
            widget.setAccessibleDescription(text)

    def _schedule(self) -> None:
        if self.isVisible():
            self._timer.start(0)
        else:
            self._stale = True

    def _mark_stale(self) -> None:
        self._stale = True
        self._schedule()

    # --- choices --------------------------------------------------------------------
    def _pick(self, name: str) -> None:
        if name == self.chart and not self._stale:
            return
        self.chart = name
        self.ctx.prefs.set_value(PREF_CHART, name)
        self.refresh()

    def show_chart(self, name: str) -> None:
        """Show one chart by name (also `selftrust screenshot --chart NAME`)."""
        chart_info(name)  # raises ValueError for an unknown name
        self.chart_buttons[name].setChecked(True)
        self.chart = name
        self.refresh()

    @property
    def chart_range(self) -> ChartRange:
        return self.rng

    def set_range(self, rng: ChartRange) -> None:
        self.range_picker.set_value(rng, self.data.span(rng, self.filter.selection))
        self._apply_range(rng)

    def _range_changed(self) -> None:
        try:
            rng = self.range_picker.value
        except Invalid:
            return
        self._apply_range(rng)

    def _apply_range(self, rng: ChartRange) -> None:
        self.rng = rng
        self.ctx.prefs.set_value(PREF_RANGE, rng.code())
        self.refresh()

    def _fit_range_to_data(self) -> None:
        """A remembered custom range that no longer meets the data gives way, out loud.

        Two dates picked months ago, before an import or a fresh start, would otherwise
        draw an empty or one-day chart with no hint why. The range kind is remembered;
        a custom range keeps its dates in view; one with no data in it becomes 3 months.
        """
        rng = self.rng
        if rng.kind != "custom" or not self.data.days_of_data():
            return
        assert rng.first is not None and rng.last is not None
        today = self.ctx.ws.today()
        earliest = today - timedelta(days=self.data.days_of_data() - 1)
        if rng.last >= earliest and rng.first <= today:
            return
        fallback = ChartRange(FALLBACK_RANGE)
        self.range_picker.set_value(fallback)
        self.rng = fallback
        self.ctx.prefs.set_value(PREF_RANGE, fallback.code())
        # TRANSLATORS: said at the foot of the window when a remembered range of the
        # charts holds no data: {first} and {last} are its dates ("1 Jan 2020").
        self._tell(_("The range {first} – {last} holds none of your check-ins, so the charts "
                     "show the last 3 months.").format(first=formats.short_date(rng.first),
                                                       last=formats.short_date(rng.last)),
                   RANGE_NOTICE_MS)

    def _filter_changed(self) -> None:
        self.refresh()

    # --- changes --------------------------------------------------------------------
    def _on_change(self, change: object) -> None:
        from selftrust.services.events import Change

        if isinstance(change, Change):
            self.data.on_change(change)
        else:
            self.data.forget()
        self._stale = True
        self._schedule()

    def _on_day_changed(self, today: date) -> None:
        self.range_picker.set_today(today)
        self.data.forget()
        self._mark_stale()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) \
                and self.canvas is not None:
            self._mark_stale()

    # --- export ---------------------------------------------------------------------
    def export_chart(self) -> None:
        """File → Export chart…: save the chart shown as PNG, SVG or PDF."""
        canvas = self.ensure_canvas()
        if self._stale:
            self.refresh()
        suggested = f"selftrust-{self.chart}-{self.ctx.ws.today().isoformat()}.png"
        path = messages.prompter.save_file(self, _("Export chart"), suggested,
                                           export_filters())
        if path is None:
            return
        if path.suffix == "":
            path = path.with_suffix(".png")
        if path.suffix.lower() not in EXPORT_FORMATS:
            messages.prompter.problem(
                self, _("Export chart"),
                _("{file} cannot be written: charts are saved as PNG, SVG or PDF. "
                  "Please end the file name with .png, .svg or .pdf.").format(file=path.name))
            return
        from selftrust.ui.charts.render import save_figure

        try:
            save_figure(canvas.figure, Path(path), canvas.style_)
        except OSError as exc:
            log.warning("chart export failed: %s", exc)
            # TRANSLATORS: {problem} is the system's reason ("Permission denied").
            messages.prompter.problem(
                self, _("Export chart"),
                _("The chart could not be saved to {path}: {problem}. Please choose another "
                  "folder, or check that this one can be written to.").format(
                      path=path, problem=exc.strerror or exc))
            return
        self.last_export = Path(path)
        # TRANSLATORS: said at the foot of the window after an export: a file name and
        # the folder it is in.
        self._tell(_("Chart saved as {file} in {folder}").format(file=path.name,
                                                                 folder=path.parent),
                   EXPORT_NOTICE_MS)

    def _tell(self, text: str, ms: int) -> None:
        """A quiet confirmation at the bottom of the main window, gone after ``ms``."""
        window = self.window()
        say = getattr(window, "say", None)
        if callable(say):
            say(text, ms)
