"""Checking off the day like a user: the circle, Space, M, S, Delete, amounts, notes,
undo and redo. Every step is checked in the database and in what the row shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from today_support import (
    TODAY,
    add,
    click_circle,
    key,
    open_today,
    pages,
    shown,
    stored,
    walk_selected,
    with_selected,
)

from selftrust.domain.history import Status
from selftrust.domain.occasions import DayState
from selftrust.services.errors import Invalid
from selftrust.services.workspace import Workspace
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.today.row_text import REFLECT_OFFER, status_words
from selftrust.ui.today.value_editor import ValueEditor


def test_a_click_on_the_circle_keeps_and_a_second_clears(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    walk = add(ws, "Walk")
    view = open_today(window)

    click_circle(qtbot, view, "Walk")
    assert stored(ws, walk).status is Status.KEPT
    assert shown(view, "Walk").status is Status.KEPT
    assert shown(view, "Walk").state is DayState.KEPT
    assert status_words(shown(view, "Walk")) == "kept"
    assert view.summary.text() == "The one promise kept today"

    click_circle(qtbot, view, "Walk")
    assert stored(ws, walk) is None
    assert shown(view, "Walk").status is None
    assert view.summary.text() == "0 of 1 kept today"


def test_space_keeps_the_selected_row_and_again_clears(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    add(ws, "Walk")
    read = add(ws, "Stretch")
    view = with_selected(qtbot, window, "Stretch")

    key(qtbot, view, Qt.Key.Key_Space)
    assert stored(ws, read).status is Status.KEPT
    assert shown(view, "Stretch").status is Status.KEPT
    assert shown(view, "Walk").status is None  # only the selected row
    assert shown(view, "Stretch").current_streak == 1
    assert "1-day streak" in view.model.data(view.model.index(1, 0),
                                             Qt.ItemDataRole.AccessibleTextRole)

    key(qtbot, view, Qt.Key.Key_Space)
    assert stored(ws, read) is None
    assert shown(view, "Stretch").status is None


def test_up_and_down_move_between_rows(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    for title in ("One", "Two", "Three"):
        add(ws, title)
    view = with_selected(qtbot, window, "One")
    key(qtbot, view, Qt.Key.Key_Down)
    key(qtbot, view, Qt.Key.Key_Down)
    assert view.current_item().title == "Three"
    key(qtbot, view, Qt.Key.Key_Up)
    assert view.current_item().title == "Two"


def test_m_marks_not_kept_gently_and_offers_a_reflection(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    walk, view = walk_selected(qtbot, ws, window)

    key(qtbot, view, Qt.Key.Key_M)
    assert stored(ws, walk).status is Status.MISSED
    item = shown(view, "Walk")
    assert item.status is Status.MISSED
    assert status_words(item) == "not kept"
    assert view.banner.isVisible()
    assert view.banner.text == REFLECT_OFFER
    # The reflection dialog is part of the app: the offer always has its button.
    assert view.banner.action.isVisible()
    qtbot.mouseClick(view.banner.close_button, Qt.MouseButton.LeftButton)
    assert not view.banner.isVisible()


def test_the_reflect_button_opens_the_reflection_for_that_day(
    qtbot: QtBot, ws: Workspace, window: MainWindow, monkeypatch
) -> None:
    calls = reflections_asked(window, monkeypatch)
    walk, view = walk_selected(qtbot, ws, window)
    key(qtbot, view, Qt.Key.Key_M)
    assert view.banner.action.isVisible()
    qtbot.mouseClick(view.banner.action, Qt.MouseButton.LeftButton)
    assert calls == [(walk.id, TODAY)]


def test_r_reflects_on_the_selected_row_through_the_window(
    qtbot: QtBot, ws: Workspace, window: MainWindow, monkeypatch
) -> None:
    calls = reflections_asked(window, monkeypatch)
    walk, view = walk_selected(qtbot, ws, window)
    assert view.actions_.reflect.isEnabled()  # the reflection dialog is part of the app
    key(qtbot, view, Qt.Key.Key_R)
    assert calls == [(walk.id, TODAY)]


def reflections_asked(window: MainWindow, monkeypatch: pytest.MonkeyPatch
                      ) -> list[tuple[int | None, object]]:
    """What the window is asked to reflect on, instead of opening the dialog."""
    calls: list[tuple[int | None, object]] = []
    monkeypatch.setattr(window, "reflect_on", lambda cid, day: calls.append((cid, day)))
    return calls


def test_s_skips_and_delete_clears(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    walk, view = walk_selected(qtbot, ws, window)

    key(qtbot, view, Qt.Key.Key_S)
    assert stored(ws, walk).status is Status.SKIPPED
    assert status_words(shown(view, "Walk")) == "skipped"

    key(qtbot, view, Qt.Key.Key_Delete)
    assert stored(ws, walk) is None
    assert shown(view, "Walk").status is None

    key(qtbot, view, Qt.Key.Key_S)
    key(qtbot, view, Qt.Key.Key_Backspace)
    assert stored(ws, walk) is None


def test_enter_takes_an_amount_inline(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    read = add(ws, "Read", target=pages(20))
    view = with_selected(qtbot, window, "Read")

    key(qtbot, view, Qt.Key.Key_Return)
    editor = view.value_editor()
    assert isinstance(editor, ValueEditor)
    assert editor.suffix() == " pages"
    assert editor.text() == "20 pages"  # the day's goal, ready to confirm
    editor.selectAll()
    qtbot.keyClicks(editor, "12")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(ws, read) is not None)  # Qt commits just after the key

    assert stored(ws, read).status is Status.KEPT
    assert stored(ws, read).value == 12
    item = shown(view, "Read")
    assert item.value == 12
    assert item.state is DayState.PARTLY
    assert status_words(item) == "partly kept"
    assert "12 / 20 pages" in view.model.data(view.model.index(0, 0),
                                               Qt.ItemDataRole.AccessibleTextRole)
    assert view.value_editor() is None


def test_esc_cancels_the_amount(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    read = add(ws, "Read", target=pages(20))
    view = with_selected(qtbot, window, "Read")
    key(qtbot, view, Qt.Key.Key_Space)  # on a measurable row, Space asks how much
    editor = view.value_editor()
    assert isinstance(editor, ValueEditor)
    qtbot.keyClicks(editor, "7")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert stored(ws, read) is None
    assert shown(view, "Read").status is None


def test_clicking_a_measurable_circle_asks_how_much(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    read = add(ws, "Read", target=pages(20))
    view = open_today(window)
    click_circle(qtbot, view, "Read")
    editor = view.value_editor()
    assert isinstance(editor, ValueEditor)
    qtbot.keyClick(editor, Qt.Key.Key_Enter)  # the goal as offered
    qtbot.waitUntil(lambda: stored(ws, read) is not None)
    assert stored(ws, read).value == 20
    assert shown(view, "Read").state is DayState.KEPT


def test_n_adds_a_note_as_plain_text(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    walk, view = walk_selected(qtbot, ws, window)
    key(qtbot, view, Qt.Key.Key_Space)

    key(qtbot, view, Qt.Key.Key_N)
    assert view.note_editor.isVisible()
    qtbot.keyClicks(view.note_editor.text, "<b>Rain</b>, went anyway")
    qtbot.keyClick(view.note_editor.text, Qt.Key.Key_Return)

    assert stored(ws, walk) is not None
    assert stored(ws, walk).note == "<b>Rain</b>, went anyway"
    assert stored(ws, walk).status is Status.KEPT
    assert shown(view, "Walk").note == "<b>Rain</b>, went anyway"
    assert not view.note_editor.isVisible()
    assert view.list.hasFocus()


def test_a_note_needs_a_check_in_first(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    walk, view = walk_selected(qtbot, ws, window)
    key(qtbot, view, Qt.Key.Key_N)
    assert not view.note_editor.isVisible()
    assert "first" in view.banner.text
    assert stored(ws, walk) is None


def test_undo_and_redo_through_the_window(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    walk, view = walk_selected(qtbot, ws, window)
    key(qtbot, view, Qt.Key.Key_Space)
    key(qtbot, view, Qt.Key.Key_M)
    # The title set apart by Unicode isolates (invisible), so any direction reads well.
    assert window.actions_.undo.text() == "&Undo Mark “\u2068Walk\u2069” not kept"

    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, ctrl)
    assert stored(ws, walk).status is Status.KEPT
    assert shown(view, "Walk").status is Status.KEPT
    qtbot.keyClick(window, Qt.Key.Key_Z, ctrl)
    assert stored(ws, walk) is None
    assert shown(view, "Walk").status is None

    qtbot.keyClick(window, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert stored(ws, walk).status is Status.KEPT
    assert shown(view, "Walk").status is Status.KEPT
    qtbot.keyClick(window, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert stored(ws, walk).status is Status.MISSED
    assert shown(view, "Walk").status is Status.MISSED


def test_undo_brings_back_a_cleared_note(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    walk, view = walk_selected(qtbot, ws, window)
    key(qtbot, view, Qt.Key.Key_S)
    key(qtbot, view, Qt.Key.Key_N)
    qtbot.keyClicks(view.note_editor.text, "Sore knee")
    qtbot.keyClick(view.note_editor.text, Qt.Key.Key_Return)
    key(qtbot, view, Qt.Key.Key_Delete)
    assert stored(ws, walk) is None
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(ws, walk).note == "Sore knee"
    assert shown(view, "Walk").note == "Sore knee"


def test_a_refused_write_is_shown_calmly_and_changes_nothing(
    qtbot: QtBot, ws: Workspace, window: MainWindow, monkeypatch
) -> None:
    walk, view = walk_selected(qtbot, ws, window)

    def refuse(*args: object) -> None:
        raise Invalid("“Walk” is archived; restore it to check in.")

    monkeypatch.setattr(ws.checkins, "record", refuse)
    key(qtbot, view, Qt.Key.Key_Space)
    assert view.banner.text == "“Walk” is archived; restore it to check in."
    assert stored(ws, walk) is None
    assert shown(view, "Walk").status is None
    assert not ctx_can_undo(window)


def ctx_can_undo(window: MainWindow) -> bool:
    return window.ctx.undo.canUndo()


def test_a_check_in_made_elsewhere_updates_its_row(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    from selftrust.services.checkins import CheckinState

    walk = add(ws, "Walk")
    view = open_today(window)
    ws.checkins.record(walk.id, TODAY, CheckinState(Status.SKIPPED))
    assert shown(view, "Walk").status is Status.SKIPPED
    assert view.summary.text() == "A day of rest today"


def test_a_note_longer_than_2000_characters_is_not_saved(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    walk, view = walk_selected(qtbot, ws, window)
    key(qtbot, view, Qt.Key.Key_Space)
    key(qtbot, view, Qt.Key.Key_N)
    view.note_editor.text.setPlainText("x" * 2001)
    assert not view.note_editor.save_button.isEnabled()
    assert "too long" in view.note_editor.counter.text()
    qtbot.keyClick(view.note_editor.text, Qt.Key.Key_Return)
    assert stored(ws, walk).note == ""
    assert view.note_editor.isVisible()  # the words are still there to shorten
    view.note_editor.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(view.note_editor.text, Qt.Key.Key_Backspace)
    qtbot.keyClick(view.note_editor.text, Qt.Key.Key_Return)
    assert stored(ws, walk).note == "x" * 2000


def test_writing_the_reflection_dismisses_the_offer(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    from selftrust.services.reflections import ReflectionDraft

    walk, view = walk_selected(qtbot, ws, window)
    key(qtbot, view, Qt.Key.Key_M)
    assert view.banner.kind == "offer"
    ws.reflections.write(ReflectionDraft(TODAY, walk.id, happened="Rain all day."))
    assert not view.banner.isVisible()
    assert shown(view, "Walk").repaired


def test_the_note_editor_under_a_short_list_is_as_tall_as_what_it_holds(
        qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    _, view = walk_selected(qtbot, ws, window)
    window.resize(1100, 900)
    key(qtbot, view, Qt.Key.Key_Space)
    key(qtbot, view, Qt.Key.Key_N)
    editor = view.note_editor
    qtbot.waitUntil(lambda: editor.isVisible())
    qtbot.wait(50)  # the layout settles
    # The heading sits right above the note, not a screen's spare height away from it.
    assert editor.height() <= editor.sizeHint().height()
    assert editor.text.y() - editor.heading.geometry().bottom() < 3 * editor.fontMetrics().height()
