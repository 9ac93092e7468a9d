"""Writing a reflection on a miss: the hint, saving, the repair everywhere, undo."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from selftrust.domain.coach import BUT_HINT
from selftrust.ui.reflections.open_dialogs import open_reflection
from selftrust.ui.reflections.reflection_dialog import need_writing
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow
from tests.e2e.helpers import make_runner
from tests.ui.reflect_helpers import (
    TODAY,
    YESTERDAY,
    open_dialogs,
    part,
    the_dialog,
    type_into,
)
from tests.ui.reflect_helpers import walk_with_a_miss as _walk


def _label(dialog, name: str) -> QLabel:  # type: ignore[no-untyped-def]
    found = dialog.findChild(QLabel, name)
    assert found is not None
    return found


def _button(dialog, name: str) -> QPushButton:  # type: ignore[no-untyped-def]
    found = dialog.findChild(QPushButton, name)
    assert found is not None
    return found


def test_a_reflection_on_a_miss_repairs_it_everywhere(qtbot: QtBot, window: MainWindow,
                                                      ctx: UiContext, data_dir: Path) -> None:
    ws = ctx.ws
    cid = _walk(ws)
    window.show_view("jar")
    jar_count = window.page("jar").findChild(QLabel, "jar-count")
    before = ws.stats.report().jar
    assert jar_count.text() == f"{before.marbles:,}"

    window.reflect_on(cid, YESTERDAY)  # what Today's "Want to reflect on this?" calls
    dialog = the_dialog(qtbot)
    assert _label(dialog, "reflection-title").text() == "Walk 20 minutes"
    assert _label(dialog, "reflection-subtitle").text() == (
        "Yesterday, Monday 23 November — not kept")
    save = _button(dialog, "reflection-save")
    assert not save.isEnabled()
    assert _label(dialog, "reflection-status").text() == need_writing()

    hint = dialog.findChild(QLabel, "butHintText")
    assert hint.text() == BUT_HINT and not hint.isVisible()
    owning = part(dialog, "owning")
    type_into(qtbot, owning, "I chose the sofa, BUT I was tired.")
    assert hint.isVisible()
    type_into(qtbot, owning, "I chose the sofa. That was my choice.", replace=True)
    assert not hint.isVisible()
    type_into(qtbot, owning, " But tomorrow is new.")  # the hint never blocks saving
    assert hint.isVisible() and save.isEnabled()
    type_into(qtbot, part(dialog, "next_step"), "Shoes by the door tonight")
    dialog.form.before.buttons[2].click()
    dialog.form.after.buttons[4].click()

    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1
    assert "repaired" in _label(dialog, "saved-text").text()
    summary = ws.stats.summary(cid)
    assert (summary.counts.missed, summary.counts.repaired) == (1, 1)
    after = ws.stats.report().jar
    assert (after.marbles, after.gold) == (before.marbles + 2, before.gold + 1)
    qtbot.waitUntil(lambda: jar_count.text() == f"{after.marbles:,}", timeout=2000)
    [row] = ws.reflections.search()
    assert (row.feeling_before, row.feeling_after) == (2, 4)
    assert row.owning == "I chose the sofa. That was my choice. But tomorrow is new."

    qtbot.mouseClick(_button(dialog, "reflection-done"), Qt.MouseButton.LeftButton)
    assert open_dialogs() == []

    ctx.undo.undo()
    assert ws.stats.summary(cid).counts.repaired == 0
    assert ws.stats.report().jar == before
    ctx.undo.redo()
    assert ws.stats.summary(cid).counts.repaired == 1
    assert [r.id for r in ws.reflections.search()] == [row.id]  # the same reflection

    window.close()
    ws.close()
    out = make_runner(data_dir)("stats", "--json").stdout
    report = json.loads(out)
    assert report["jar"] == {"marbles": after.marbles, "gold": after.gold}
    [walk] = report["commitments"]
    assert (walk["missed"], walk["repaired"]) == (1, 1)


def test_a_free_reflection_from_ctrl_r_can_choose_its_commitment(
        qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    cid = _walk(ctx.ws)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = the_dialog(qtbot)
    assert _label(dialog, "reflection-title").text() == "A free reflection"
    about = dialog.findChild(QComboBox, "reflection-about")
    about.setCurrentIndex(about.findData(cid))
    day = dialog.day_edit
    day.setDate(day.date().addDays(-1))
    assert "not kept" in _label(dialog, "reflection-subtitle").text()
    type_into(qtbot, part(dialog, "learned"), "Evenings after work are my weak spot.")
    qtbot.keyClick(part(dialog, "learned"), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    [row] = ctx.ws.reflections.search()
    assert (row.commitment_id, row.day, row.checkin_id is not None) == (cid, YESTERDAY, True)
    dialog.close()


def test_saving_an_empty_reflection_is_not_possible(qtbot: QtBot, window: MainWindow,
                                                    ctx: UiContext) -> None:
    dialog = open_reflection(ctx, window, None, None)
    assert dialog is not None
    type_into(qtbot, part(dialog, "happened"), "   ")
    assert not _button(dialog, "reflection-save").isEnabled()
    dialog.save()
    assert ctx.ws.reflections.search() == []
    part(dialog, "happened").clear()
    dialog.close()
    assert open_dialogs() == []


def test_a_day_to_come_cannot_be_reflected_on(window: MainWindow, ctx: UiContext,
                                              prompter) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    assert open_reflection(ctx, window, None, TODAY + timedelta(days=1)) is None
    assert prompter.asked[-1][0] == "inform"


def test_opening_the_same_reflection_twice_brings_the_first_forward(
        qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    cid = _walk(ctx.ws)
    first = open_reflection(ctx, window, cid, YESTERDAY)
    assert open_reflection(ctx, window, cid, YESTERDAY) is first
    assert len(open_dialogs()) == 1
    assert first is not None
    first.close()


def test_a_next_step_becomes_tomorrows_promise_undoably(qtbot: QtBot, window: MainWindow,
                                                        ctx: UiContext) -> None:
    cid = _walk(ctx.ws)
    dialog = open_reflection(ctx, window, cid, YESTERDAY)
    assert dialog is not None
    step = part(dialog, "next_step")
    type_into(qtbot, step, "Walk before breakfast")
    qtbot.keyClick(step, Qt.Key.Key_Return)
    qtbot.keyClicks(step, "and more")
    dialog.save()
    promise = _button(dialog, "promise-tomorrow")
    assert promise.isVisible()
    qtbot.mouseClick(promise, Qt.MouseButton.LeftButton)
    titles = [c.title for c in ctx.ws.commitments.all()]
    assert "Walk before breakfast" in titles
    assert not promise.isEnabled()
    assert "Walk before breakfast" in _label(dialog, "promise-done").text()
    ctx.undo.undo()
    assert "Walk before breakfast" not in [c.title for c in ctx.ws.commitments.all()]
    dialog.close()
