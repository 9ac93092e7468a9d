"""A range chosen earlier comes back visibly, and a custom one that no longer meets the
data gives way to a sensible range, saying so, instead of a confusing empty chart."""

from __future__ import annotations

from datetime import date, timedelta

from charts_helpers import open_charts
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.services.chart_range import ChartRange
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.workspace import Workspace
from selftrust.ui.charts.charts_view import PREF_RANGE
from selftrust.ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 24)


def walk_since(ws: Workspace, first: date, title: str = "Walk") -> int:
    cid = ws.commitments.create(CommitmentDraft(title, Rules(), created_on=first)).id
    d = first
    while d <= TODAY:
        ws.checkins.record(cid, d, CheckinState(Status.KEPT))
        d += timedelta(days=1)
    return cid


def test_a_preset_range_is_remembered(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    walk_since(ws, date(2025, 1, 1))
    window.ctx.prefs.set_value(PREF_RANGE, "1y")
    view = open_charts(qtbot, window)
    assert view.rng == ChartRange("1y")
    assert view.range_picker.combo.currentText() == "1 year"
    assert not view.range_picker.first.isVisible()


def test_a_custom_range_comes_back_with_its_dates_shown(qtbot: QtBot, ws: Workspace,
                                                       window: MainWindow) -> None:
    walk_since(ws, date(2025, 1, 1))
    window.ctx.prefs.set_value(PREF_RANGE, "2026-03-01:2026-05-31")
    view = open_charts(qtbot, window)
    picker = view.range_picker
    assert view.rng == ChartRange("custom", date(2026, 3, 1), date(2026, 5, 31))
    assert picker.combo.currentText() == "Custom…"
    assert picker.first.isVisible() and picker.last.isVisible()
    assert picker.first.date().toPython() == date(2026, 3, 1)
    assert picker.last.date().toPython() == date(2026, 5, 31)


def test_a_custom_range_before_all_data_gives_way(qtbot: QtBot, ws: Workspace,
                                                  window: MainWindow) -> None:
    walk_since(ws, date(2026, 6, 1))
    window.ctx.prefs.set_value(PREF_RANGE, "2020-01-01:2020-03-01")
    view = open_charts(qtbot, window)
    assert view.rng == ChartRange("3m")
    assert view.range_picker.combo.currentText() == "3 months"
    assert not view.range_picker.first.isVisible()
    assert window.ctx.prefs.value(PREF_RANGE) == "3m"
    said = window.status_text()
    assert "1 Jan 2020" in said and "3 months" in said


def test_a_custom_range_left_behind_by_a_data_change_gives_way(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    old = walk_since(ws, date(2026, 1, 1))
    window.ctx.prefs.set_value(PREF_RANGE, "2026-02-01:2026-02-28")
    view = open_charts(qtbot, window)
    assert view.rng.kind == "custom"
    ws.commitments.delete(old)  # the only history in February is gone
    walk_since(ws, date(2026, 10, 1), "Read")
    qtbot.waitUntil(lambda: view.rng == ChartRange("3m"), timeout=3000)
    assert view.range_picker.combo.currentText() == "3 months"
