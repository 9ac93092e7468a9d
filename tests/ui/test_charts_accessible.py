"""Every chart says what it is and what it shows to a screen reader: its accessible name
is the chart's title, its description the one-line insight the view shows first under it
(the words the chart draws instead, when there is too little to draw), and both follow
the chart, the range and the data."""

from __future__ import annotations

from datetime import timedelta

import pytest
from charts_helpers import open_charts
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.services.chart_range import ChartRange
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.demo import generate
from selftrust.services.workspace import Workspace
from selftrust.ui.charts.catalog import NAMES, chart_info
from selftrust.ui.charts.charts_view import ChartsView
from selftrust.ui.charts.common import NOTHING_YET, TOO_LITTLE
from selftrust.ui.shell.main_window import MainWindow


@pytest.fixture
def demo(ws: Workspace) -> Workspace:
    generate(ws, years=1.2, commitments=4, seed=3)
    return ws


def first_insight(view: ChartsView) -> str:
    """The first insight as the view shows it under the chart, without its bullet."""
    shown = [label.text() for label in view.insight_labels if label.isVisible()]
    return shown[0].removeprefix("•").strip() if shown else ""


def spoken(view: ChartsView) -> tuple[str, str]:
    assert view.canvas is not None
    return view.canvas.accessibleName(), view.canvas.accessibleDescription()


def described_as_shown(view: ChartsView, name: str) -> bool:
    """Named by its title, described by the first insight shown, once drawn."""
    if view._stale or view.canvas is None or not view.insights_box.isVisible():
        return False
    title, text = spoken(view)
    return (title == chart_info(name).title and bool(text) and text == first_insight(view)
            and view.chart_scroll.accessibleName() == title)


def test_every_chart_has_its_title_and_insight(qtbot: QtBot, demo: Workspace,
                                               window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    told: dict[str, str] = {}
    for name in NAMES:
        qtbot.mouseClick(view.chart_buttons[name], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda n=name: described_as_shown(view, n), timeout=5000)
        told[name] = spoken(view)[1]
    # each chart leads with what it draws, where there is a sentence about it
    assert told["streaks"].startswith("Longest run:")
    assert told["kept-rate"].startswith("You kept ")
    assert told["growth"].startswith("Your jar ")


def test_the_description_follows_the_range_and_the_data(qtbot: QtBot, demo: Workspace,
                                                        window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    view.show_chart("kept-rate")
    qtbot.waitUntil(lambda: described_as_shown(view, "kept-rate"), timeout=5000)
    before = spoken(view)[1]
    view.set_range(ChartRange("1y"))
    qtbot.waitUntil(lambda: described_as_shown(view, "kept-rate")
                    and spoken(view)[1] != before, timeout=5000)
    assert "year" in spoken(view)[1]
    ranged = spoken(view)[1]
    today = demo.today()
    for row in demo.commitments.all():
        demo.checkins.record(row.id, today, CheckinState(Status.MISSED))
    qtbot.waitUntil(lambda: described_as_shown(view, "kept-rate")
                    and spoken(view)[1] != ranged, timeout=5000)


def test_too_little_to_draw_is_said_in_the_charts_words(qtbot: QtBot, ws: Workspace,
                                                        window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    qtbot.waitUntil(lambda: spoken(view) == (chart_info("growth").title, NOTHING_YET),
                    timeout=5000)
    ws.commitments.create(CommitmentDraft("Walk", Rules(),
                                          created_on=ws.today() - timedelta(days=2)))
    for name in NAMES:
        view.show_chart(name)
        qtbot.waitUntil(lambda n=name: spoken(view) == (chart_info(n).title, TOO_LITTLE),
                        timeout=5000)
