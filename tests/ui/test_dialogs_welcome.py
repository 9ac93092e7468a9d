"""The first run: a welcome with starters to pick and edit, added as one undoable step;
it never comes back once seen."""

from __future__ import annotations

from dataclasses import replace

from dialog_helpers import activate, add, click, close_at_end, the_dialog
from PySide6.QtCore import QRectF, Qt
from pytestqt.qtbot import QtBot

from selftrust.domain.schedule import Schedule
from selftrust.services.starters import load_starters
from selftrust.ui.dialogs.commitment_form import CommitmentForm
from selftrust.ui.dialogs.welcome_dialog import (
    WelcomeDialog,
    maybe_welcome,
    screenshot_target,
    welcome_text,
)
from selftrust.ui.shell.context import UiContext


def welcome(qtbot: QtBot, ctx: UiContext) -> WelcomeDialog:
    dialog = maybe_welcome(ctx, None)
    assert dialog is not None
    close_at_end(qtbot, dialog)
    activate(dialog)
    return dialog


def test_two_sentences_from_the_help_text() -> None:
    heading, body = welcome_text()
    assert heading == "Welcome to Self-Trust"
    assert body.startswith("Trust in yourself grows one small kept promise at a time")
    assert body.count(". ") + 1 == 2 and "<" not in body


def test_pick_two_starters_and_add_them(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = welcome(qtbot, ctx)
    starters = load_starters()
    assert dialog.model.rowCount() == len(starters)
    assert not dialog.add_button.isEnabled()

    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)  # the first one
    dialog.list.setCurrentIndex(dialog.model.index(5, 0))
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert dialog.add_button.text() == "&Add 2 commitments"
    click(qtbot, dialog.add_button)

    rows = ctx.ws.commitments.all()
    assert [r.title for r in rows] == [starters[0].title, starters[5].title]
    assert rows[1].rules == starters[5].rules
    assert rows[0].color == starters[0].color
    assert ctx.ws.settings.welcomed is True

    ctx.undo.undo()  # one step takes both back
    assert ctx.ws.commitments.all() == []
    ctx.undo.redo()
    assert [r.id for r in ctx.ws.commitments.all()] == [r.id for r in rows]


def test_a_click_on_the_box_picks_it(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = welcome(qtbot, ctx)
    view = dialog.list
    rect = view.visualRect(dialog.model.index(2, 0))
    box = view.itemDelegate().check_rect(QRectF(rect), view.fontMetrics().height())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=box.center().toPoint())
    assert [d.title for d in dialog.picked()] == [load_starters()[2].title]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=box.center().toPoint())
    assert dialog.picked() == []
    dialog.close()


def test_edit_a_starter_before_adding_it(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = welcome(qtbot, ctx)
    dialog.list.setCurrentIndex(dialog.model.index(0, 0))
    click(qtbot, dialog.edit_button)
    form = the_dialog(qtbot, CommitmentForm)
    assert form.title.text() == load_starters()[0].title
    form.title.selectAll()
    qtbot.keyClicks(form.title, "Walk 10 minutes")
    from dialog_helpers import choose

    choose(qtbot, form.schedule.kind_box, "A number of times a week")
    click(qtbot, form.ok)
    assert ctx.ws.commitments.all() == [], "nothing is saved before Add"
    assert [d.title for d in dialog.picked()] == ["Walk 10 minutes"], "edited means picked"
    click(qtbot, dialog.add_button)
    [row] = ctx.ws.commitments.all()
    assert (row.title, row.rules.schedule) == ("Walk 10 minutes", Schedule.per_week(3))


def test_start_empty_never_asks_again(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = welcome(qtbot, ctx)
    click(qtbot, dialog.empty_button)
    assert ctx.ws.commitments.all() == []
    assert ctx.ws.settings.welcomed is True
    assert maybe_welcome(ctx, None) is None


def test_closing_the_window_counts_as_seen(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = welcome(qtbot, ctx)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert ctx.ws.settings.welcomed is True


def test_no_welcome_when_there_are_commitments_already(ctx: UiContext) -> None:
    add(ctx.ws, "Walk")  # from the command line, or an import
    assert maybe_welcome(ctx, None) is None
    assert ctx.ws.settings.welcomed is True


def test_no_welcome_once_welcomed(ctx: UiContext) -> None:
    ctx.ws.update_settings(replace(ctx.ws.settings, welcomed=True))
    assert maybe_welcome(ctx, None) is None


def test_screenshot_changes_nothing(qtbot: QtBot, window, ctx: UiContext) -> None:
    dialog = screenshot_target(ctx, window)
    assert len(dialog.picked()) == 3  # type: ignore[attr-defined]
    dialog.close()
    assert ctx.ws.settings.welcomed is False
    assert ctx.ws.commitments.all() == []
