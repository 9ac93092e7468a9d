"""A weekly amount begun mid-week: its share reads as people say it, and the inline
editor never offers the week's whole target as one day's amount."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot
from today_support import TODAY, add, key, shown, stored, with_selected

from selftrust.domain.commitment import Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.workspace import Workspace
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.today import row_text
from selftrust.ui.today.value_editor import ValueEditor
from tests.e2e.helpers import make_runner

THIRTY_KM_A_WEEK = Target(30, "km", Period.WEEK)


def run(ws: Workspace):  # type: ignore[no-untyped-def]
    return add(ws, "Run", target=THIRTY_KM_A_WEEK, start=TODAY)  # 6 of 7 days: 25.714…


def test_a_share_of_the_target_reads_with_one_decimal(ws: Workspace) -> None:
    run(ws)
    item = next(i for i in ws.dashboard.day(TODAY) if i.title == "Run")
    assert row_text.progress_text(item) == "0 of 25.7 km this week"


def test_the_cli_list_says_it_the_same_way(ws: Workspace) -> None:
    run(ws)
    ws.close()
    out = make_runner(ws.db.folder.root)("list").stdout  # the folder's path, not its repr
    assert "0 of 25.7 km this week" in out and "25.71" not in out


def test_the_editor_for_a_weekly_amount_starts_empty(
        qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    c = run(ws)
    view = with_selected(qtbot, window, "Run")
    key(qtbot, view, Qt.Key.Key_Return)
    editor = view.value_editor()
    assert isinstance(editor, ValueEditor)
    assert editor.cleanText() == ""
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter on nothing writes nothing
    QApplication.processEvents()  # anything the key queued has run
    assert stored(ws, c) is None
    assert shown(view, "Run").status is None
    key(qtbot, view, Qt.Key.Key_Return)  # and a typed amount is the one written
    editor = view.value_editor()
    assert isinstance(editor, ValueEditor)
    qtbot.keyClicks(editor, "4.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(ws, c) is not None)
    assert stored(ws, c).value == 4.5


def test_the_editor_starts_at_what_the_day_already_has(
        qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    c = run(ws)
    ws.checkins.record(c.id, TODAY, CheckinState(Status.KEPT, 4))
    view = with_selected(qtbot, window, "Run")
    key(qtbot, view, Qt.Key.Key_Return)
    editor = view.value_editor()
    assert isinstance(editor, ValueEditor)
    assert editor.cleanText() == "4"


def test_the_editor_leaves_the_row_its_words(
        qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    run(ws)
    view = with_selected(qtbot, window, "Run")
    key(qtbot, view, Qt.Key.Key_Return)
    editor = view.value_editor()
    assert isinstance(editor, ValueEditor)
    index = view.model.index(0, 0)
    opt = QStyleOptionViewItem()
    view.list.initViewItemOption(opt)
    opt.rect = view.list.visualRect(index)
    assert view.delegate.text_rect(opt, index).right() < editor.geometry().left()
    editor.close()


