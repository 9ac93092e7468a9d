"""File → Export chart…: the chart shown, as a PNG, SVG or PDF that really opens."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from charts_helpers import charts_shown
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from selftrust.services.workspace import Workspace
from selftrust.ui.charts.charts_view import ChartsView
from selftrust.ui.shell.main_window import MainWindow
from tests.ui.conftest import ScriptedPrompter


@pytest.fixture
def view(qtbot: QtBot, ws: Workspace, window: MainWindow) -> ChartsView:
    return charts_shown(qtbot, ws, window, years=0.5, commitments=3, seed=5)


def export(window: MainWindow, prompter: ScriptedPrompter, path: Path | None) -> None:
    prompter.answers.append(path)
    assert window.actions_.export_chart.isEnabled()
    window.actions_.export_chart.trigger()


def test_png_decodes_at_the_canvas_size(view: ChartsView, window: MainWindow,
                                        prompter: ScriptedPrompter, tmp_path: Path) -> None:
    out = tmp_path / "growth.png"
    export(window, prompter, out)
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= view.canvas.width() - 2  # type: ignore[union-attr]
    kind, caption, suggested, _ = prompter.asked[-1]
    # named like the data exports (selftrust-export-…), dated, the chart's name between
    assert kind == "save_file" and suggested == "selftrust-growth-2026-11-24.png"


def test_a_png_from_a_small_window_is_still_sharp(view: ChartsView, window: MainWindow,
                                                  prompter: ScriptedPrompter,
                                                  tmp_path: Path) -> None:
    """A chart exported from an 800-pixel window is for a report or a message: at least
    1,600 pixels wide, the same picture with finer detail."""
    window.resize(800, 600)
    out = tmp_path / "growth.png"
    export(window, prompter, out)
    image = QImage(str(out))
    assert image.width() >= 1600
    assert 0.4 < image.height() / image.width() < 0.9, "the chart's shape, only larger"


def test_svg_parses_and_holds_the_title(view: ChartsView, window: MainWindow,
                                        prompter: ScriptedPrompter, tmp_path: Path) -> None:
    view.show_chart("weekday")
    out = tmp_path / "weekday.svg"
    export(window, prompter, out)
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert len(list(root.iter())) > 50  # bars, ticks and labels, not an empty page


def test_pdf_starts_like_a_pdf(view: ChartsView, window: MainWindow,
                               prompter: ScriptedPrompter, tmp_path: Path) -> None:
    view.show_chart("calendar")
    out = tmp_path / "calendar.pdf"
    export(window, prompter, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


def test_no_extension_means_png(view: ChartsView, window: MainWindow,
                                prompter: ScriptedPrompter, tmp_path: Path) -> None:
    export(window, prompter, tmp_path / "chart")
    assert not QImage(str(tmp_path / "chart.png")).isNull()


def test_another_extension_is_explained_and_nothing_written(
    view: ChartsView, window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    before = set(tmp_path.iterdir())
    export(window, prompter, tmp_path / "chart.gif")
    assert prompter.asked[-1][0] == "problem"
    assert "PNG, SVG or PDF" in prompter.asked[-1][2]
    assert set(tmp_path.iterdir()) == before


def test_cancel_writes_nothing(view: ChartsView, window: MainWindow,
                               prompter: ScriptedPrompter, tmp_path: Path) -> None:
    before = set(tmp_path.iterdir())
    export(window, prompter, None)
    assert set(tmp_path.iterdir()) == before


def test_an_unwritable_place_is_a_calm_message(
    view: ChartsView, window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    export(window, prompter, blocked / "chart.png")
    kind, _title, text, _detail = prompter.asked[-1]
    assert kind == "problem" and "could not be saved" in text


def test_export_is_only_enabled_on_the_charts_view(window: MainWindow, view: ChartsView) -> None:
    assert window.actions_.export_chart.isEnabled()
    window.show_view("today")
    assert not window.actions_.export_chart.isEnabled()
