"""After File → Export chart… the user sees that it worked, and where the file went."""

from __future__ import annotations

from pathlib import Path

import pytest
from charts_helpers import charts_shown
from pytestqt.qtbot import QtBot

from selftrust.services.workspace import Workspace
from selftrust.ui.charts.charts_view import ChartsView
from selftrust.ui.shell.main_window import MainWindow
from tests.ui.conftest import ScriptedPrompter


@pytest.fixture
def view(qtbot: QtBot, ws: Workspace, window: MainWindow) -> ChartsView:
    return charts_shown(qtbot, ws, window, years=0.3, commitments=2, seed=3)


def test_a_saved_chart_is_named_in_the_status_bar(view: ChartsView, window: MainWindow,
                                                  prompter: ScriptedPrompter,
                                                  tmp_path: Path) -> None:
    out = tmp_path / "my growth.png"
    prompter.answers.append(out)
    window.actions_.export_chart.trigger()
    assert out.exists()
    assert window.statusBar().isVisible()
    assert "my growth.png" in window.status_text()
    assert str(tmp_path) in window.status_text()
    assert not [a for a in prompter.asked if a[0] == "problem"]
    window.say("")  # as the timer does after a few seconds
    assert not window.statusBar().isVisible(), "the bar goes away with its message"


def test_a_place_that_cannot_be_written_says_so_plainly(
    view: ChartsView, window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("x")
    prompter.answers.append(blocked / "chart.png")
    window.actions_.export_chart.trigger()
    kind, _title, text, _detail = prompter.asked[-1]
    assert kind == "problem"
    assert "could not be saved" in text and "another folder" in text
    assert "chart.png" not in window.status_text()
