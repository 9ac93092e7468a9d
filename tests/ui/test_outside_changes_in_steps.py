"""Merging a change made outside the app reads the history a slice at a time, so a
window over years of data keeps answering; the result is the same as a full reload."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from today_support import shown, today_view

from selftrust.domain.history import Status
from selftrust.services.workspace import Workspace
from selftrust.ui.shell import outside_changes
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.shell.outside_changes import UPDATED
from tests.e2e.helpers import make_runner


@pytest.mark.demo_data(years=2, commitments=8, seed=1)
def test_a_merge_of_years_of_data_takes_turns_and_ends_as_a_full_reload(
    qtbot: QtBot, window: MainWindow, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outside_changes, "SLICE_S", 0.0)  # one step a turn
    monkeypatch.setattr(ws.ledger, "load_in_steps",
                        lambda chunk=8000, real=ws.ledger.load_in_steps: real(500))
    view = today_view(window)
    qtbot.waitUntil(lambda: view.figures_complete)
    window.outside.timer.stop()
    open_rows = [item for item in view.model.items() if item.status is None]
    assert open_rows, "the demo day has nothing open"
    title = open_rows[0].title

    make_runner(ws.db.folder.root)("check", title, "--missed")
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    assert shown(view, title).status is None  # not all read in this turn

    qtbot.waitUntil(lambda: shown(view, title).status is Status.MISSED, timeout=10_000)
    assert window.status_text() == UPDATED
    merged = {item.title: (item.status, item.figures) for item in view.model.items()}
    ws.reload()
    qtbot.waitUntil(lambda: view.figures_complete)
    assert {item.title: (item.status, item.figures) for item in view.model.items()} == merged
