"""The Pause dialog keeps what the user filled in, whether or not they pressed Add first."""

from __future__ import annotations

from datetime import date

from dialog_helpers import add, click, open_pause_dialog
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Pause
from selftrust.ui.dialogs.pause_dialog import PauseDialog
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.dates import to_qdate

START, END = date(2026, 12, 20), date(2026, 12, 27)


def test_save_keeps_a_filled_in_range_without_add(qtbot: QtBot, ctx: UiContext) -> None:
    walk = add(ctx.ws, "Walk").id
    dialog = open_pause_dialog(qtbot, ctx, walk)
    dialog.editor.start.setDate(to_qdate(START))
    dialog.editor.end.setDate(to_qdate(END))
    click(qtbot, dialog.ok)
    assert ctx.ws.commitments.get(walk).rules.pauses == (Pause(START, END),)
    assert not dialog.isVisible()


def test_save_without_touching_the_dates_adds_nothing(qtbot: QtBot, ctx: UiContext) -> None:
    walk = add(ctx.ws, "Walk").id
    ctx.ws.commitments.set_pauses(walk, [Pause(START, END)])
    dialog = open_pause_dialog(qtbot, ctx, walk)
    click(qtbot, dialog.ok)
    assert ctx.ws.commitments.get(walk).rules.pauses == (Pause(START, END),)


def test_add_then_save_keeps_one_pause(qtbot: QtBot, ctx: UiContext) -> None:
    walk = add(ctx.ws, "Walk").id
    dialog = open_pause_dialog(qtbot, ctx, walk)
    dialog.editor.start.setDate(to_qdate(START))
    dialog.editor.end.setDate(to_qdate(END))
    click(qtbot, dialog.editor.add_button)
    dialog.editor.list.setCurrentRow(0)
    click(qtbot, dialog.editor.remove_button)  # changed their mind
    click(qtbot, dialog.ok)
    assert ctx.ws.commitments.get(walk).rules.pauses == ()


def test_save_with_an_end_before_the_start_says_why_and_stays(qtbot: QtBot,
                                                              ctx: UiContext) -> None:
    walk = add(ctx.ws, "Walk").id
    dialog = open_pause_dialog(qtbot, ctx, walk)
    dialog.editor.start.setDate(to_qdate(END))
    dialog.editor.end.setDate(to_qdate(START))
    click(qtbot, dialog.ok)
    assert dialog.isVisible()
    assert "ends on or after" in dialog.editor.message.text()
    assert ctx.ws.commitments.get(walk).rules.pauses == ()


def test_the_commitment_form_also_keeps_a_range_not_added(qtbot: QtBot, window,
                                                          ctx: UiContext) -> None:
    from dialog_helpers import the_dialog

    from selftrust.ui.dialogs.commitment_form import CommitmentForm

    walk = add(ctx.ws, "Walk").id
    window.edit_commitment(walk)
    form = the_dialog(qtbot, CommitmentForm)
    form.pauses.start.setDate(to_qdate(START))
    form.pauses.end.setDate(to_qdate(END))
    assert form.ok.isEnabled()
    click(qtbot, form.ok)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert ctx.ws.commitments.get(walk).rules.pauses == (Pause(START, END),)


def test_the_pause_dialog_can_be_pictured_without_saving(qtbot: QtBot, window,
                                                         ctx: UiContext) -> None:
    from selftrust.ui.dialogs.pause_dialog import screenshot_target

    walk = add(ctx.ws, "Walk").id
    dialog = screenshot_target(ctx, window)
    assert isinstance(dialog, PauseDialog) and dialog.isVisible()
    dialog.close()
    assert ctx.ws.commitments.get(walk).rules.pauses == ()


def test_chosen_dates_are_named_before_save(qtbot: QtBot, ctx: UiContext) -> None:
    walk = add(ctx.ws, "Walk").id
    dialog = open_pause_dialog(qtbot, ctx, walk)
    hint = dialog.editor.pending_hint
    assert not hint.isVisible() and dialog.nothing_yet.isVisible()  # says: no pauses yet
    dialog.editor.start.setDate(to_qdate(START))
    dialog.editor.end.setDate(to_qdate(END))
    assert hint.isVisible() and not dialog.editor.empty.isVisible()
    assert not dialog.nothing_yet.isVisible()
    assert hint.text().startswith("Save will pause Sun 20 Dec")
    click(qtbot, dialog.editor.add_button)
    assert not hint.isVisible()
    dialog.close()


def test_a_pause_before_the_first_day_is_refused_with_the_reason(qtbot: QtBot,
                                                                  ctx: UiContext) -> None:
    walk = add(ctx.ws, "Walk", start=date(2026, 12, 22)).id
    dialog = open_pause_dialog(qtbot, ctx, walk)
    dialog.editor.start.setDate(to_qdate(START))
    dialog.editor.end.setDate(to_qdate(END))
    click(qtbot, dialog.ok)
    assert dialog.isVisible()
    assert "“Walk” begins on Tuesday, 22 December 2026" in dialog.message.text()
    assert ctx.ws.commitments.get(walk).rules.pauses == ()
