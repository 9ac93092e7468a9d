"""The Charts view, driven like a user: every chart and range, the filter, hovering,
redraws after a check-in, and kind words when there is too little to show.

Assertions read the drawn artists and compare them with the data service, so a
chart that draws the wrong numbers fails, not only one that crashes."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from charts_helpers import open_charts
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from selftrust.domain.history import Status
from selftrust.services.chart_range import ChartRange
from selftrust.services.checkins import CheckinState
from selftrust.services.demo import generate
from selftrust.services.workspace import Workspace
from selftrust.ui.charts.calendar_chart import squares_in
from selftrust.ui.charts.catalog import NAMES, chart_info
from selftrust.ui.charts.charts_view import ChartsView
from selftrust.ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 24)


@pytest.fixture
def demo(ws: Workspace) -> Workspace:
    generate(ws, years=1.2, commitments=4, seed=3)
    return ws


def lines_by_label(view: ChartsView) -> dict[str, object]:
    assert view.canvas is not None
    return {
        line.get_label(): line
        for ax in view.canvas.figure.axes
        for line in ax.get_lines()
    }


def figure_texts(view: ChartsView) -> list[str]:
    assert view.canvas is not None
    fig = view.canvas.figure
    texts = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        texts.append(ax.get_title(loc="left"))
        texts.extend(t.get_text() for t in ax.texts)
    return texts


def test_growth_draws_the_services_jar_and_strength(qtbot: QtBot, demo: Workspace,
                                                    window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    assert view.chart == "growth"
    growth = view.data.growth(view.rng)
    lines = lines_by_label(view)
    assert np.array_equal(lines["Marbles"].get_ydata(), growth.marbles)
    strength = lines["Overall strength"].get_ydata()
    assert np.allclose(strength, growth.strength, equal_nan=True)
    assert "Self-trust growth" in figure_texts(view)
    assert growth.marbles[-1] == demo.ledger.jar(TODAY).marbles
    from matplotlib.collections import PathCollection

    (gold,) = [c for ax in view.canvas.figure.axes for c in ax.collections
               if isinstance(c, PathCollection)]
    assert len(gold.get_offsets()) == growth.repair_days.size > 0


def test_every_chart_opens_from_its_button(qtbot: QtBot, demo: Workspace,
                                           window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    for name in NAMES:
        qtbot.mouseClick(view.chart_buttons[name], Qt.MouseButton.LeftButton)
        assert view.chart == name
        assert view.chart_buttons[name].isChecked()
        titles = " ".join(figure_texts(view))
        assert chart_info(name).title in titles, name
        assert view.canvas is not None and view.canvas.figure.axes, name
        assert not view.canvas.hover.empty, name


def test_strength_lines_are_the_commitments_series(qtbot: QtBot, demo: Workspace,
                                                   window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    view.show_chart("strength")
    series = view.data.strength(view.rng)
    drawn = lines_by_label(view)
    assert len(drawn) == len(series) >= 3
    for s in series:
        line = drawn[s.title]
        assert np.allclose(line.get_ydata(), s.values)
        assert line.get_color() == s.color


def test_kept_rate_bars_are_each_commitments_share(qtbot: QtBot, demo: Workspace,
                                                  window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    view.set_range(ChartRange("1y"))
    view.show_chart("kept-rate")
    rate = view.data.kept_rate(view.rng)
    assert rate.unit == "month"
    ax = view.canvas.figure.axes[0]
    heights = np.array([
        [path.vertices[2, 1] - path.vertices[0, 1] for path in group.get_paths()]
        for group in ax.collections
    ])
    # Four commitments stand side by side; each bar is its own kept share.
    assert np.allclose(heights, np.nan_to_num(rate.rates()))
    assert [group.get_label() for group in ax.collections] == list(rate.titles)


def test_many_commitments_stack_to_the_overall_rate(qtbot: QtBot, ws: Workspace,
                                                   window: MainWindow) -> None:
    generate(ws, years=0.5, commitments=6, seed=4)
    view = open_charts(qtbot, window)
    view.show_chart("kept-rate")
    rate = view.data.kept_rate(view.rng)
    tops = np.max([[path.vertices[2, 1] for path in group.get_paths()]
                   for group in view.canvas.figure.axes[0].collections], axis=0)
    assert np.allclose(tops, np.nan_to_num(rate.total_rate()))


def test_weekday_bars_are_the_kept_counts(qtbot: QtBot, demo: Workspace,
                                          window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    view.show_chart("weekday")
    pattern = view.data.weekdays(view.rng)
    ax = view.canvas.figure.axes[0]
    kept_bars = [p.get_height() for p in ax.patches[:7]]
    assert kept_bars == pattern.kept.tolist()
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "Mon"


def test_calendar_has_a_square_per_day_of_the_range(qtbot: QtBot, demo: Workspace,
                                                    window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    view.set_range(ChartRange("4w"))
    view.show_chart("calendar")
    ax = view.canvas.figure.axes[0]
    (squares,) = ax.collections
    assert squares_in(squares) == 28


def test_streak_bars_are_the_longest_streaks(qtbot: QtBot, demo: Workspace,
                                             window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    view.show_chart("streaks")
    bars = view.data.streaks(view.rng)
    ax = view.canvas.figure.axes[0]
    widths = [round(p.get_width()) for p in ax.patches]
    assert widths == [b.span_days for b in bars]
    assert ax.get_yticklabels()[0].get_text() == bars[0].title[:24]


@pytest.mark.parametrize("index, code", [(0, "4w"), (1, "3m"), (2, "1y"), (3, "all")])
def test_every_range_from_the_combo(qtbot: QtBot, demo: Workspace, window: MainWindow,
                                    index: int, code: str) -> None:
    view = open_charts(qtbot, window)
    combo = view.range_picker.combo
    combo.setCurrentIndex((index + 1) % 4)
    combo.setCurrentIndex(index)
    assert view.rng.kind == code
    first, last = view.data.span(view.rng)  # type: ignore[misc]
    growth_x = lines_by_label(view)["Marbles"].get_xdata()
    assert len(growth_x) == (last - first).days + 1
    assert window.ctx.prefs.value("charts/range") == code


def test_a_custom_range_from_two_dates(qtbot: QtBot, demo: Workspace,
                                       window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    picker = view.range_picker
    picker.combo.setCurrentIndex(picker.combo.findData("custom"))
    assert picker.first.isVisible() and picker.last.isVisible()
    picker.first.setDate(picker.first.date().fromString("2026-06-01", "yyyy-MM-dd"))
    picker.last.setDate(picker.last.date().fromString("2026-06-30", "yyyy-MM-dd"))
    assert view.rng == ChartRange("custom", date(2026, 6, 1), date(2026, 6, 30))
    assert len(lines_by_label(view)["Marbles"].get_xdata()) == 30
    qtbot.waitUntil(lambda: any("from 1 June 2026 to 30 June 2026" in label.text()
                                for label in view.insight_labels), timeout=3000)


def tooltip() -> str:
    """The tooltip's text; Qt keeps plain text's spaces as no-break spaces."""
    return QToolTip.text().replace("\xa0", " ")


def hover_at(qtbot: QtBot, view: ChartsView, x: float, y: float) -> None:
    canvas = view.canvas
    assert canvas is not None
    ratio = canvas.device_pixel_ratio
    pos = QPointF(x / ratio, canvas.height() - y / ratio)
    event = QMouseEvent(QMouseEvent.Type.MouseMove, pos, canvas.mapToGlobal(pos),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas, event)


def test_hovering_a_day_shows_its_exact_values(qtbot: QtBot, demo: Workspace,
                                               window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    view.set_range(ChartRange("4w"))
    growth = view.data.growth(view.rng)
    canvas = view.canvas
    canvas.draw()  # layout settled, so transforms are final
    line = lines_by_label(view)["Marbles"]
    i = 10
    x, y = line.axes.transData.transform((line.get_xdata()[i], line.get_ydata()[i]))
    hover_at(qtbot, view, x, y + 40)  # anywhere above the day works for a time series
    day = TODAY - timedelta(days=27 - i)
    expected = f"{int(growth.marbles[i]):,} marbles in the jar"
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=2000)
    text = tooltip()
    assert f"{day:%a}, {day.day} {day:%b %Y}" in text  # "Sat, 7 Nov 2026" (en_GB)
    assert expected in text
    assert canvas.last_hit is not None and expected in canvas.last_hit.text
    hover_at(qtbot, view, 1, 1)  # off the plot: the tip goes away
    assert canvas.last_hit is None


def test_hovering_a_streak_bar_names_it(qtbot: QtBot, demo: Workspace,
                                        window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    view.show_chart("streaks")
    view.canvas.draw()
    bar = view.canvas.figure.axes[0].patches[0]
    x, y = bar.axes.transData.transform((bar.get_x() + bar.get_width() / 2,
                                         bar.get_y() + bar.get_height() / 2))
    hover_at(qtbot, view, x, y)
    best = view.data.streaks(view.rng)[0]
    assert view.canvas.last_hit is not None
    assert view.canvas.last_hit.text.startswith(f"{best.title}: {best.length:,} ")


def test_user_text_in_a_tooltip_stays_plain(qtbot: QtBot, ws: Workspace,
                                            window: MainWindow) -> None:
    from selftrust.domain.commitment import Rules
    from selftrust.services.commitments import CommitmentDraft

    cid = ws.commitments.create(CommitmentDraft("<b>Bold</b> & brave", Rules(),
                                                created_on=TODAY - timedelta(days=20))).id
    for k in range(20):
        ws.checkins.record(cid, TODAY - timedelta(days=k), CheckinState(Status.KEPT))
    view = open_charts(qtbot, window)
    view.show_chart("strength")
    view.canvas.draw()
    line = lines_by_label(view)["<b>Bold</b> & brave"]
    x, y = line.axes.transData.transform((line.get_xdata()[5], line.get_ydata()[5]))
    hover_at(qtbot, view, x, y)
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=2000)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; brave" in tooltip()


def test_the_filter_shows_one_commitment(qtbot: QtBot, demo: Workspace,
                                         window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    view.show_chart("strength")
    actions = [a for a in view.filter.menu().actions() if a.isCheckable()]
    assert actions[0].text() == "All commitments" and actions[0].isChecked()
    actions[1].trigger()
    first = view.data.commitments()[0]
    assert view.filter.selection == (first.id,)
    assert list(lines_by_label(view)) == [first.title]
    assert view.filter.text() == first.title.replace("&", "&&")
    view.filter.menu().actions()[0].trigger()
    assert view.filter.selection is None
    assert len(lines_by_label(view)) == len(view.data.strength(view.rng))


def test_one_commitment_calendar_shows_its_days(qtbot: QtBot, demo: Workspace,
                                                window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    first = view.data.commitments()[0]
    view.filter.select([first.id])
    view.show_chart("calendar")
    assert f"Calendar: {first.title}" in figure_texts(view)


def test_a_check_in_redraws_the_chart_from_the_cache(qtbot: QtBot, demo: Workspace,
                                                     window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    view.set_range(ChartRange("4w"))
    before = lines_by_label(view)["Marbles"].get_ydata()[-1]
    computed = view.data.computed
    walk = view.data.commitments()[0]
    state = demo.checkins.get(walk.id, TODAY)
    new = Status.MISSED if state is not None and state.state.status is Status.KEPT \
        else Status.KEPT
    demo.checkins.record(walk.id, TODAY, CheckinState(new))
    qtbot.waitUntil(lambda: not view._stale, timeout=5000)
    after = lines_by_label(view)["Marbles"].get_ydata()[-1]
    assert after != before
    assert after == demo.ledger.jar(TODAY).marbles
    assert view.data.computed == computed + 1  # only Walk was derived again


def test_too_little_data_gets_a_kind_word(qtbot: QtBot, ws: Workspace,
                                          window: MainWindow) -> None:
    from selftrust.domain.commitment import Rules
    from selftrust.services.commitments import CommitmentDraft

    view = open_charts(qtbot, window)
    assert any("Add a commitment" in t for t in figure_texts(view))
    ws.commitments.create(CommitmentDraft("Walk", Rules(), created_on=TODAY - timedelta(days=2)))
    qtbot.waitUntil(lambda: not view._stale, timeout=5000)
    for name in NAMES:
        view.show_chart(name)
        assert any("A few more days" in t for t in figure_texts(view)), name


def test_unknown_chart_names_are_refused(qtbot: QtBot, demo: Workspace,
                                         window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    with pytest.raises(ValueError, match="not a chart"):
        view.show_chart("pie")


def test_the_chosen_chart_is_remembered(qtbot: QtBot, demo: Workspace,
                                        window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    qtbot.mouseClick(view.chart_buttons["weekday"], Qt.MouseButton.LeftButton)
    assert window.ctx.prefs.value("charts/chart") == "weekday"
    again = ChartsView(window.ctx)
    qtbot.addWidget(again)
    assert again.chart == "weekday"


def test_controls_have_names_and_mnemonics(qtbot: QtBot, demo: Workspace,
                                           window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    mnemonics = set()
    for button in view.chart_buttons.values():
        assert button.accessibleName()
        text = button.text()
        mnemonics.add(text[text.index("&") + 1].lower())
    assert len(mnemonics) == len(NAMES)
    assert not mnemonics & {"f", "e", "v", "r", "h"}  # the menu bar's letters
    assert view.export_button.accessibleName() == "Export chart"
    assert view.filter.accessibleName() and view.range_picker.combo.accessibleName()
