"""A `selftrust check` in a terminal while the window is open shows up in the window.

The CLI runs on its own connection to the same data folder; the window notices on
its two-second poll or when it is activated, reloads every view and drops undo steps
that could now be stale, and says so calmly in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from today_support import (
    add,
    click_circle,
    shown,
    today_view,
)

from selftrust.domain.history import Status
from selftrust.services.workspace import Workspace
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.shell.outside_changes import POLL_MS, UPDATED
from tests.e2e.helpers import make_runner


def _cli(ws: Workspace, *args: str) -> None:
    make_runner(ws.db.folder.root)(*args)


def test_a_check_in_from_the_terminal_appears_within_the_poll(
        qtbot: QtBot, window: MainWindow, ws: Workspace) -> None:
    add(ws, "Walk")
    add(ws, "Read")
    ws.reload()
    view = today_view(window)
    qtbot.waitUntil(lambda: shown(view, "Walk").figures)
    click_circle(qtbot, view, "Read")  # an undo step of our own
    assert window.ctx.undo.count() == 1
    assert shown(view, "Walk").status is None

    _cli(ws, "check", "Walk")

    qtbot.waitUntil(lambda: shown(view, "Walk").status is Status.KEPT, timeout=3 * POLL_MS)
    assert shown(view, "Read").status is Status.KEPT  # our own check-off is still there
    assert window.status_text() == UPDATED
    assert window.ctx.undo.count() == 0  # its steps could undo over the outside change


def test_activating_the_window_looks_at_once(
        qtbot: QtBot, window: MainWindow, ws: Workspace) -> None:
    add(ws, "Walk")
    ws.reload()
    view = today_view(window)
    window.outside.timer.stop()  # only activation may notice it here

    _cli(ws, "check", "Walk", "--missed")
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))

    assert shown(view, "Walk").status is Status.MISSED
    assert window.status_text() == UPDATED


def test_our_own_check_offs_keep_their_undo(
        qtbot: QtBot, window: MainWindow, ws: Workspace) -> None:
    add(ws, "Walk")
    ws.reload()
    view = today_view(window)
    qtbot.waitUntil(lambda: shown(view, "Walk").figures)
    click_circle(qtbot, view, "Walk")
    window.outside.timer.timeout.emit()  # a poll comes and goes (no waiting on the clock)
    assert window.ctx.undo.count() == 1
    assert window.status_text() == ""


def test_a_hidden_window_does_not_poll(qtbot: QtBot, window: MainWindow) -> None:
    assert window.outside.timer.isActive()
    window.hide()
    assert not window.outside.timer.isActive()
    window.show()
    assert window.outside.timer.isActive()


def test_a_reflection_written_in_the_terminal_reaches_the_journal(
        qtbot: QtBot, window: MainWindow, ws: Workspace) -> None:
    add(ws, "Walk")
    ws.reload()
    window.show_view("reflections")
    journal = window.page("reflections")
    qtbot.waitUntil(lambda: journal.model.rowCount() == 0)

    _cli(ws, "reflect", "--happened", "Wrote this in a terminal")

    qtbot.waitUntil(lambda: journal.model.rowCount() == 1, timeout=3 * POLL_MS)
    assert window.status_text() == UPDATED
