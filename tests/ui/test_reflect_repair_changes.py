"""In the window: a reflection of invisible characters cannot be saved, and a change of a
day that a reflection is about says what happened to the repair (issue 17, item 1)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.reflections import ReflectionDraft
from selftrust.ui.reflections.open_dialogs import open_reflection
from selftrust.ui.reflections.reflection_dialog import need_writing
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.today.today_view import TodayView
from tests.ui.reflect_helpers import YESTERDAY, part, type_into, walk_with_a_miss
from tests.ui.today_support import TODAY, key, shown, walk_selected


def test_invisible_characters_leave_save_off_with_the_plain_hint(
        qtbot: QtBot, window: MainWindow, ctx: UiContext, prompter) -> None:  # type: ignore[no-untyped-def]
    cid = walk_with_a_miss(ctx.ws)
    dialog = open_reflection(ctx, window, cid, YESTERDAY)
    assert dialog is not None
    save = dialog.findChild(QPushButton, "reflection-save")
    status = dialog.findChild(QLabel, "reflection-status")
    part(dialog, "happened").setPlainText("  \u200b \u200d\ufeff  ")  # as pasted
    assert not save.isEnabled() and status.text() == need_writing()
    type_into(qtbot, part(dialog, "happened"), "Rain.")
    assert save.isEnabled()
    prompter.answers = [1]  # discard
    dialog.close()


def test_keeping_a_day_a_reflection_repaired_says_it_is_no_longer_a_repair(
        qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    view = _walk_reflected_on(qtbot, window, ctx, Status.MISSED)
    assert shown(view, "Walk").repaired
    key(qtbot, view, Qt.Key.Key_Space)  # kept after all
    assert shown(view, "Walk").status is Status.KEPT
    assert not shown(view, "Walk").repaired
    assert "not a repair" in view.banner.text and view.banner.isVisible()
    assert "not a repair" in ctx.undo.undoText()


def test_missing_a_day_with_a_reflection_says_it_repairs_instead_of_offering_one(
        qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    view = _walk_reflected_on(qtbot, window, ctx, Status.KEPT)
    assert not shown(view, "Walk").repaired
    key(qtbot, view, Qt.Key.Key_M)
    assert shown(view, "Walk").repaired
    assert "now repairs the miss" in view.banner.text
    assert view.banner.kind != "offer"
    assert "now repairs the miss" in ctx.undo.undoText()


def _walk_reflected_on(qtbot: QtBot, window: MainWindow, ctx: UiContext,
                       status: Status) -> TodayView:
    """A daily "Walk" selected in Today, recorded with ``status`` and reflected on."""
    walk, view = walk_selected(qtbot, ctx.ws, window)
    ctx.ws.checkins.record(walk.id, TODAY, CheckinState(status))
    ctx.ws.reflections.write(ReflectionDraft(TODAY, walk.id, happened="A day to remember."))
    return view
