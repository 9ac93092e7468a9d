"""A long-time user with many commitments (the 100 × 20 stress size): the strength
chart still has room to draw its lines; its legend names the first twelve and says how
many more there are, as the kept-rate chart's does."""

from __future__ import annotations

from datetime import date

import matplotlib
import numpy as np
from matplotlib.figure import Figure

from selftrust.services.chart_series import StrengthLine
from selftrust.ui.charts import strength_chart
from selftrust.ui.charts.style import ChartStyle


def test_rel_a_hundred_strength_lines_leave_room_for_the_chart() -> None:
    days = np.arange(np.datetime64("2016-11-24"), np.datetime64("2026-11-25"))
    lines = [StrengthLine(n, f"Commitment number {n} with a long title", "#3f8f6b", days,
                          np.linspace(0.0, 1.0, days.size)) for n in range(100)]
    style = ChartStyle.for_theme(False)
    figure = Figure(figsize=(11, 6), dpi=100, layout="constrained")
    with matplotlib.rc_context(style.rc()):
        strength_chart.draw(figure, lines, (date(2016, 11, 24), date(2026, 11, 24)), style,
                            "Strength")
        figure.canvas.draw()  # a collapsed layout would warn (an error in tests)
    ax = figure.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(labels) == 13 and labels[-1] == "and 88 more"
    assert ax.get_position().width > 0.3  # the plot keeps most of the width
