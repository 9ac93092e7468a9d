"""A change merged from elsewhere into years of data: Today shows the changed day at
once and keeps every row's streak on screen while the figures are computed afresh, a
row per turn, ending as a full reload would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from today_support import shown, today_view

from selftrust.domain.history import Status
from selftrust.services.dashboard import SMALL_LEDGER
from selftrust.services.workspace import Workspace
from selftrust.store import repository as repo
from selftrust.ui.shell import outside_changes
from selftrust.ui.shell.main_window import MainWindow
from tests.e2e.helpers import make_runner


@pytest.mark.demo_data(years=3, commitments=14, seed=3)
def test_rows_keep_their_streaks_until_filled_in_again(
    qtbot: QtBot, window: MainWindow, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outside_changes, "SLICE_S", 10.0)  # the whole merge in one turn
    view = today_view(window)
    qtbot.waitUntil(lambda: view.figures_complete, timeout=10_000)
    window.outside.timer.stop()
    with ws.session.read() as conn:
        assert repo.count_rows(conn, "checkin") > SMALL_LEDGER  # years of data
    before = {item.title: item for item in view.model.items()}
    open_rows = [item for item in before.values() if item.status is None]
    assert open_rows, "the demo day has nothing open"
    title = open_rows[0].title

    make_runner(ws.db.folder.root)("check", title, "--missed")
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))

    assert shown(view, title).status is Status.MISSED  # the day itself, at once
    assert not view.figures_complete  # the figures follow, a row per turn
    for item in view.model.items():  # meanwhile every row shows what it showed
        assert item.figures
        assert (item.current_streak, item.best_streak) == (
            before[item.title].current_streak, before[item.title].best_streak)
    qtbot.waitUntil(lambda: view.figures_complete, timeout=10_000)
    merged = view.model.items()
    ws.reload()
    qtbot.waitUntil(lambda: view.figures_complete, timeout=10_000)
    assert view.model.items() == merged
