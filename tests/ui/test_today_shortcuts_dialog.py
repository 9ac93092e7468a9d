"""Help → Keyboard shortcuts lists every key, read from the actions themselves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from today_support import (
    add,
    today_view,
)

from selftrust.services.workspace import Workspace
from selftrust.ui.dialogs.shortcuts_dialog import ROW_GROUP, ShortcutsDialog, keys_text
from selftrust.ui.shell.main_window import MainWindow


def _open_from_help(qtbot: QtBot, window: MainWindow) -> ShortcutsDialog:
    help_menu = next(a.menu() for a in window.menuBar().actions()
                     if a.text().replace("&", "") == "Help")
    entry = next(a for a in help_menu.actions() if "shortcuts" in a.text().lower())
    assert keys_text(entry)  # the list itself has a key
    entry.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, ShortcutsDialog) and w.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_the_help_menu_lists_every_shortcut(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    add(ws, "Walk")
    today_view(window)
    dialog = _open_from_help(qtbot, window)
    rows = dialog.rows()
    groups = {g for g, _, _ in rows}
    assert {"File", "Edit", "View", ROW_GROUP} <= groups
    # Every window action with a key is listed, with the keys it really has.
    listed = {(what, keys) for _, what, keys in rows}
    for action in window.actions_.all():
        if keys_text(action):
            assert (action.data().rstrip(".…"), keys_text(action)) in listed, action.data()
    assert ("Previous day", keys_text(window.actions_.previous_day)) in listed
    today = window.page("today")
    for action in today.actions_.all():
        assert any(g == ROW_GROUP and keys == keys_text(action) for g, _, keys in rows)
    assert dialog.tree.accessibleName()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
