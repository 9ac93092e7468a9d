"""The window shell: views switch from the rail and from shortcuts, state is remembered."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from selftrust.ui.shell.main_window import VIEWS, MainWindow


def test_every_view_opens_from_the_rail(qtbot: QtBot, window: MainWindow) -> None:
    for key in VIEWS:
        button = window.rail.findChild(type(window.rail._buttons[key]), f"nav-{key}")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert window.current_view == key
        assert window.stack.currentWidget() is window.page(key)


def test_view_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    for n, key in enumerate(VIEWS, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        assert window.current_view == key


def test_last_view_is_remembered(qtbot: QtBot, window: MainWindow) -> None:
    # (a first run, welcome not yet shown, always opens on Today: test_main_window_start_view.py)
    window.ctx.ws.update_settings(replace(window.ctx.ws.settings, welcomed=True))
    window.show_view("streaks")
    assert window.ctx.prefs.last_view == "streaks"
    again = MainWindow(window.ctx, restore_state=True)
    qtbot.addWidget(again)
    assert again.current_view == "streaks"

