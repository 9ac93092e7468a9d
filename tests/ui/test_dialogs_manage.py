"""Manage commitments: reorder by drag and drop (persisted), archive and restore with the
history kept, delete with a clear question and Undo, pauses that count as skipped."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from dialog_helpers import activate, add, click, close_at_end, keep, miss, the_dialog
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Pause
from selftrust.domain.history import Status
from selftrust.services.clock import FixedClock
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import open_workspace
from selftrust.ui.dialogs.commitment_form import CommitmentForm
from selftrust.ui.dialogs.manage_dialog import ManageDialog, open_manage, screenshot_target
from selftrust.ui.dialogs.manage_words import delete_question
from selftrust.ui.dialogs.pause_dialog import PauseDialog
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.commitment_list_model import CommitmentListModel

TODAY = date(2026, 11, 24)


def titles(ctx: UiContext) -> list[str]:
    return [c.title for c in ctx.ws.commitments.all()]


def manage(qtbot: QtBot, ctx: UiContext) -> ManageDialog:
    dialog = open_manage(ctx, None)
    close_at_end(qtbot, dialog)
    activate(dialog)
    return dialog


def three(ctx: UiContext) -> list[int]:
    """Three daily commitments begun a month ago, so the tests can fill in past days."""
    start = TODAY - timedelta(days=30)
    return [add(ctx.ws, t, start=start).id for t in ("Walk", "Read", "Sleep")]


def test_the_model_passes_the_model_tester(qtmodeltester, ctx: UiContext) -> None:
    three(ctx)
    rows = ctx.ws.commitments.all()
    model = CommitmentListModel(rows)
    qtmodeltester.check(model, force_py=True)
    # the tester stays connected and checks every signal of the changes below
    assert model.move(0, 1)
    assert model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    assert not model.moveRows(QModelIndex(), 1, 1, QModelIndex(), 2), "already there"
    model.set_rows(list(reversed(rows)))
    model.set_rows(list(reversed(rows)))  # the same rows again: a plain update
    model.set_rows([])
    assert model.rowCount() == 0


def test_ctrl_m_opens_the_list_in_the_users_order(qtbot: QtBot, window, ctx: UiContext) -> None:
    three(ctx)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = the_dialog(qtbot, ManageDialog)
    model = dialog.active_model
    assert [model.row_at(r).title for r in range(model.rowCount())] == ["Walk", "Read", "Sleep"]
    assert dialog.selected() is not None and dialog.selected().title == "Walk"  # type: ignore[union-attr]
    assert not dialog.archived_view.isVisible()
    dialog.close()


def test_drop_on_the_model_reorders_and_persists_after_reopening(
    qtbot: QtBot, ctx: UiContext, data_dir: Path, clock: FixedClock
) -> None:
    walk, read, sleep = three(ctx)
    dialog = manage(qtbot, ctx)
    model = dialog.active_model
    data = model.mimeData([model.index(2)])  # drag "Sleep" …
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())  # … to the top
    assert titles(ctx) == ["Sleep", "Walk", "Read"]
    assert dialog.status.text() == "New order saved."
    dialog.close()

    ctx.ws.close()
    again = open_workspace(data_dir, clock)
    try:
        assert [c.id for c in again.commitments.all()] == [sleep, walk, read]
    finally:
        again.close()


def test_a_drop_in_the_list_view_moves_the_row_and_saves(qtbot: QtBot, ctx: UiContext) -> None:
    """QListView in InternalMove mode finishes a drop with model.moveRow(…): that call,
    exactly. (A real mouse drag cannot run offscreen: the platform has no drag manager.)"""
    three(ctx)
    dialog = manage(qtbot, ctx)
    view = dialog.active_view
    model = dialog.active_model
    assert view.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDropEnabled, "never onto a row"
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled, "between rows"

    assert model.moveRow(QModelIndex(), 0, QModelIndex(), 3)  # "Walk" dropped below "Sleep"
    assert titles(ctx) == ["Read", "Sleep", "Walk"]
    assert [model.row_at(r).title for r in range(3)] == ["Read", "Sleep", "Walk"]
    assert dialog.status.text() == "New order saved."
    assert dialog.act_undo.isEnabled()


def test_move_with_alt_arrows_and_undo(qtbot: QtBot, ctx: UiContext) -> None:
    walk, read, sleep = three(ctx)
    dialog = manage(qtbot, ctx)
    dialog.select(read)
    assert dialog.buttons["up"].isEnabled() and dialog.buttons["down"].isEnabled()
    qtbot.keyClick(dialog.active_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles(ctx) == ["Read", "Walk", "Sleep"]
    assert dialog.selected_id() == read, "the moved row stays selected"
    assert not dialog.buttons["up"].isEnabled(), "it is at the top now"
    qtbot.keyClick(dialog.active_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(ctx) == ["Walk", "Read", "Sleep"]
    model = dialog.active_model
    assert [model.row_at(r).title for r in range(3)] == ["Walk", "Read", "Sleep"]
    dialog.close()


def test_archive_and_restore_keep_the_history(qtbot: QtBot, ctx: UiContext) -> None:
    walk, read, _sleep = three(ctx)
    keep(ctx.ws, walk, TODAY - timedelta(days=9), TODAY)
    before = ctx.ws.stats.summary(walk, TODAY)
    dialog = manage(qtbot, ctx)
    dialog.select(walk)
    assert dialog.buttons["archive"].text() == "&Archive"
    click(qtbot, dialog.buttons["archive"])
    assert titles(ctx) == ["Read", "Sleep"]
    assert "Walk" not in [i.title for i in ctx.ws.dashboard.day(TODAY)]
    assert dialog.archived_view.isVisible()
    assert dialog.archived_label.text() == "Archi&ved (1)"
    assert dialog.selected_id() == walk
    assert dialog.buttons["archive"].text() == "&Restore"
    assert not dialog.buttons["pause"].isEnabled()
    assert "its history is kept" in dialog.archived_model.index(0).data(
        Qt.ItemDataRole.ToolTipRole)
    assert len(ctx.ws.ledger.entries(walk)) == 10

    click(qtbot, dialog.buttons["archive"])  # now it says Restore
    assert titles(ctx) == ["Read", "Sleep", "Walk"] or "Walk" in titles(ctx)
    assert ctx.ws.stats.summary(walk, TODAY).counts == before.counts
    assert ctx.ws.stats.summary(walk, TODAY).current_streak == 10
    assert not dialog.archived_view.isVisible()
    dialog.close()


def test_delete_asks_says_what_is_lost_and_undo_brings_it_back(
    qtbot: QtBot, ctx: UiContext, prompter
) -> None:
    walk, read, _sleep = three(ctx)
    keep(ctx.ws, walk, TODAY - timedelta(days=4), TODAY - timedelta(days=1))
    miss(ctx.ws, walk, TODAY - timedelta(days=5))
    missed = ctx.ws.checkins.get(walk, TODAY - timedelta(days=5))
    assert missed is not None
    ctx.ws.reflections.write(ReflectionDraft(
        day=TODAY - timedelta(days=5), commitment_id=walk, happened="Rain all day."))
    dialog = manage(qtbot, ctx)
    dialog.select(walk)

    prompter.answers = [False]  # "Keep it"
    qtbot.keyClick(dialog.active_view, Qt.Key.Key_Delete)
    assert titles(ctx) == ["Walk", "Read", "Sleep"]
    kind, title, text, _detail = prompter.asked[0]
    assert (kind, title) == ("ask", "Delete this commitment?")
    assert text == "Delete “Walk” and its 5 check-ins?"

    prompter.answers = [True]
    click(qtbot, dialog.buttons["delete"])
    assert titles(ctx) == ["Read", "Sleep"]
    assert dialog.selected_id() == read, "the next one is selected"
    assert dialog.status.text() == "“Walk” was deleted. Undo brings it back."
    [free] = ctx.ws.reflections.search("")
    assert free.commitment_id is None, "the reflection stays, as a free one"

    click(qtbot, dialog.undo_button)
    assert titles(ctx) == ["Walk", "Read", "Sleep"]
    assert len(ctx.ws.ledger.entries(walk)) == 5
    assert ctx.ws.checkins.get(walk, TODAY - timedelta(days=1)) is not None
    [linked] = ctx.ws.reflections.search("")
    assert (linked.commitment_id, linked.checkin_id) == (walk, missed.id)
    assert ctx.ws.stats.summary(walk, TODAY).counts.repaired == 1
    dialog.close()


def test_delete_question_says_what_is_lost_and_what_is_kept(ctx: UiContext) -> None:
    from selftrust.services.checkins import CheckinState

    walk = add(ctx.ws, "Walk").id
    text, detail = delete_question(ctx, ctx.ws.commitments.get(walk))
    assert text == "Delete “Walk”? It has no check-ins yet."
    assert detail.startswith("Undo (Ctrl+Z) brings it all back.")
    ctx.ws.checkins.record(walk, TODAY, CheckinState(Status.MISSED))
    ctx.ws.reflections.write(ReflectionDraft(day=TODAY, commitment_id=walk, happened="Tired"))
    ctx.ws.reflections.write(ReflectionDraft(day=TODAY, commitment_id=walk, happened="Again"))
    text, detail = delete_question(ctx, ctx.ws.commitments.get(walk))
    assert text == "Delete “Walk” and its 1 check-in?"
    assert detail.startswith("Its 2 reflections stay in your journal as free reflections. "
                             "Undo (Ctrl+Z) brings it all back.")


def test_pause_a_commitment_and_the_days_count_as_skipped(
    qtbot: QtBot, ctx: UiContext
) -> None:
    from selftrust.ui.widgets.dates import to_qdate

    walk = add(ctx.ws, "Walk", start=date(2026, 11, 10)).id
    keep(ctx.ws, walk, date(2026, 11, 10), date(2026, 11, 16))   # 7 kept
    miss(ctx.ws, walk, date(2026, 11, 17))                       # ill for two days
    miss(ctx.ws, walk, date(2026, 11, 18))
    keep(ctx.ws, walk, date(2026, 11, 19), date(2026, 11, 23))   # 5 kept
    before = ctx.ws.stats.summary(walk, TODAY)
    assert (before.current_streak, before.counts.missed) == (5, 2)

    dialog = manage(qtbot, ctx)
    dialog.select(walk)
    click(qtbot, dialog.buttons["pause"])
    pause = the_dialog(qtbot, PauseDialog)
    pause.editor.start.setDate(to_qdate(date(2026, 11, 17)))
    pause.editor.end.setDate(to_qdate(date(2026, 11, 18)))
    click(qtbot, pause.editor.add_button)
    click(qtbot, pause.ok)

    assert ctx.ws.commitments.get(walk).rules.pauses == (
        Pause(date(2026, 11, 17), date(2026, 11, 18)),)
    after = ctx.ws.stats.summary(walk, TODAY)
    assert after.counts.missed == 0, "paused days are not misses"
    assert after.current_streak == 12, "bridged, not lengthened: 7 + 5"

    ctx.undo.undo()
    assert ctx.ws.stats.summary(walk, TODAY).current_streak == 5
    dialog.close()


def test_paused_commitment_says_so_in_the_list(qtbot: QtBot, ctx: UiContext) -> None:
    walk = add(ctx.ws, "Walk", start=TODAY - timedelta(days=7)).id  # begun before its pause
    ctx.ws.commitments.set_pauses(walk, [Pause(TODAY - timedelta(days=1),
                                               TODAY + timedelta(days=6))])
    dialog = manage(qtbot, ctx)
    detail = dialog.active_model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert detail == "Walk, Every day · paused until Mon 30 Nov"
    dialog.close()


def test_new_and_edit_from_the_manage_dialog(qtbot: QtBot, ctx: UiContext) -> None:
    walk = add(ctx.ws, "Walk").id
    dialog = manage(qtbot, ctx)
    qtbot.keyClick(dialog.active_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = the_dialog(qtbot, CommitmentForm)
    qtbot.keyClicks(form.title, "Read")
    click(qtbot, form.ok)
    qtbot.waitUntil(lambda: dialog.active_model.rowCount() == 2)
    assert titles(ctx) == ["Walk", "Read"]
    assert dialog.selected() is not None and dialog.selected().title == "Read"  # type: ignore[union-attr]

    dialog.select(walk)
    qtbot.keyClick(dialog.active_view, Qt.Key.Key_F2)
    form = the_dialog(qtbot, CommitmentForm)
    assert form.title.text() == "Walk"
    form.title.selectAll()
    qtbot.keyClicks(form.title, "Walk far")
    click(qtbot, form.ok)
    qtbot.waitUntil(lambda: dialog.active_model.row_at(0).title == "Walk far")
    dialog.close()


def test_empty_state_offers_a_first_commitment(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = manage(qtbot, ctx)
    assert dialog.empty.isVisible() and not dialog.content.isVisible()
    assert dialog.empty.button is not None
    click(qtbot, dialog.empty.button)
    form = the_dialog(qtbot, CommitmentForm)
    qtbot.keyClicks(form.title, "Drink water")
    click(qtbot, form.ok)
    qtbot.waitUntil(lambda: dialog.content.isVisible())
    assert not dialog.empty.isVisible()
    dialog.close()


def test_nothing_selected_means_nothing_to_act_on(qtbot: QtBot, ctx: UiContext) -> None:
    three(ctx)
    dialog = manage(qtbot, ctx)
    dialog.active_view.selectionModel().clearSelection()
    for key in ("edit", "pause", "archive", "delete", "up", "down"):
        assert not dialog.buttons[key].isEnabled(), key
    assert dialog.buttons["new"].isEnabled()
    dialog.close()


def test_every_button_has_a_name_and_a_shortcut_in_its_tooltip(qtbot: QtBot, ctx: UiContext
                                                               ) -> None:
    three(ctx)
    dialog = manage(qtbot, ctx)
    for key, button in dialog.buttons.items():
        assert button.accessibleName(), key
        assert "(" in button.toolTip(), f"{key} tooltip names its shortcut"
    dialog.close()


def test_user_text_is_drawn_as_plain_text(qtbot: QtBot, ctx: UiContext) -> None:
    add(ctx.ws, "<b>bold</b> & <i>brave</i>")
    dialog = manage(qtbot, ctx)
    index = dialog.active_model.index(0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "<b>bold</b> & <i>brave</i>"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;brave&lt;/i&gt;" in tip, \
        "a tooltip that looks like HTML would be rendered as HTML: it is escaped"
    image = dialog.active_view.grab()  # paints through the delegate without trouble
    assert not image.isNull()
    dialog.select(ctx.ws.commitments.all()[0].id)
    dialog.archive_or_restore()
    assert "&lt;b&gt;bold" in dialog.undo_button.toolTip()
    assert "<b>bold" not in dialog.undo_button.toolTip()
    dialog.close()


def test_screenshot_target(qtbot: QtBot, window, ctx: UiContext) -> None:
    three(ctx)
    dialog = screenshot_target(ctx, window)
    assert dialog.isVisible()
    dialog.close()
