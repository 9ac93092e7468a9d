"""Charts follow the app's palette: the colours drawn without Qt (CLI) are the ones the
view reads from the live palette, in light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from selftrust.ui.charts.canvas import style_for
from selftrust.ui.charts.style import ChartStyle, blend
from selftrust.ui.look.theme import palette_for


@pytest.mark.parametrize("dark", [False, True])
def test_cli_colours_match_the_palette(qtbot: QtBot, qapp: QApplication, dark: bool) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setPalette(palette_for(dark))
    live = style_for(widget)
    offline = ChartStyle.for_theme(dark, font_size=live.font_size, dpi=live.dpi)
    assert live == offline
    assert live.dark is dark


def test_font_size_follows_the_widget_font(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    font = widget.font()
    font.setPointSizeF(15.0)
    widget.setFont(font)
    assert style_for(widget).font_size == 15.0
    assert style_for(widget).rc()["font.size"] == 15.0


def test_blend() -> None:
    assert blend("#000000", "#ffffff", 0.5) == "#808080"
    assert blend("#102030", "#102030", 0.3) == "#102030"
