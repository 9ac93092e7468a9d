"""The journal: newest first, search, filters, read, edit and delete with undo."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from selftrust.services.journal import JournalIndex
from selftrust.services.reflections import ReflectionDraft
from selftrust.ui.reflections.journal_model import JournalModel, Role
from selftrust.ui.reflections.journal_view import JournalView
from selftrust.ui.reflections.support_line import DISMISS_KEY
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow
from tests.ui.conftest import ScriptedPrompter
from tests.ui.reflect_helpers import (
    TODAY,
    YESTERDAY,
    open_dialogs,
    part,
    the_dialog,
    type_into,
    walk_with_a_miss,
)


def _journal(window: MainWindow) -> JournalView:
    window.show_view("reflections")
    view = window.page("reflections")
    assert isinstance(view, JournalView)
    return view


def _titles(view: JournalView) -> list[str]:
    m = view.model
    return [m.data(m.index(r), Role.PREVIEW) for r in range(m.rowCount())]


def _write(ctx: UiContext, days_ago: int, text: str, cid: int | None = None) -> int:
    return ctx.ws.reflections.write(
        ReflectionDraft(TODAY - timedelta(days=days_ago), cid, happened=text)).id


def test_an_empty_journal_explains_reflections_warmly(qtbot: QtBot, window: MainWindow,
                                                      ctx: UiContext) -> None:
    view = _journal(window)
    assert view.stack.currentWidget() is view.empty
    assert "repairs the miss" in view.empty.text.text()
    qtbot.mouseClick(view.empty.button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(qtbot)
    type_into(qtbot, part(dialog, "happened"), "A first reflection")
    dialog.save()
    dialog.close()
    qtbot.waitUntil(lambda: view.stack.currentWidget() is not view.empty, timeout=2000)
    assert _titles(view) == ["A first reflection"]


def test_newest_first_with_search_and_filters(qtbot: QtBot, window: MainWindow,
                                              ctx: UiContext) -> None:
    cid = walk_with_a_miss(ctx.ws)
    _write(ctx, 40, "Old rain story")
    _write(ctx, 1, "Work ran late", cid)
    _write(ctx, 3, "Rain again, stayed in")
    view = _journal(window)
    assert _titles(view) == ["Work ran late", "Rain again, stayed in", "Old rain story"]
    assert view.findChild(QLabel, "journal-count").text() == "3 in all"

    qtbot.keyClicks(view.search, "RAIN")
    qtbot.waitUntil(lambda: _titles(view) == ["Rain again, stayed in", "Old rain story"],
                    timeout=2000)
    assert view.findChild(QLabel, "journal-count").text() == "2 of 3 shown"
    view.range.setCurrentIndex(view.range.findText("Last 7 days"))
    assert _titles(view) == ["Rain again, stayed in"]
    view.search.clear()
    view.about.setCurrentIndex(view.about.findData(cid))
    qtbot.waitUntil(lambda: _titles(view) == ["Work ran late"], timeout=2000)
    view.about.setCurrentIndex(view.about.findText("Free reflections"))
    assert _titles(view) == ["Rain again, stayed in"]
    qtbot.keyClicks(view.search, "nothing like this")
    qtbot.waitUntil(lambda: view.left.currentWidget() is view.no_match, timeout=2000)


def test_reading_shows_every_part_as_plain_text(qtbot: QtBot, window: MainWindow,
                                                ctx: UiContext) -> None:
    ctx.ws.reflections.write(ReflectionDraft(YESTERDAY, None, happened="<b>not bold</b>",
                                             next_step="Walk early", feeling_before=2))
    view = _journal(window)
    text = view.pane.findChild(QLabel, "reading-happened")
    assert text.text() == "<b>not bold</b>" and text.textFormat() == Qt.TextFormat.PlainText
    assert view.pane.findChild(QPushButton, "journal-promise").isVisible()


def test_edit_with_enter_and_undo(qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    rid = _write(ctx, 2, "Before the edit")
    view = _journal(window)
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    dialog = the_dialog(qtbot)
    type_into(qtbot, part(dialog, "happened"), "After the edit", replace=True)
    dialog.save()
    assert open_dialogs() == []
    qtbot.waitUntil(lambda: _titles(view) == ["After the edit"], timeout=2000)
    ctx.undo.undo()
    qtbot.waitUntil(lambda: _titles(view) == ["Before the edit"], timeout=2000)
    assert ctx.ws.reflections.get(rid).happened == "Before the edit"


def test_delete_with_the_delete_key_and_undo(qtbot: QtBot, window: MainWindow,
                                             ctx: UiContext) -> None:
    cid = walk_with_a_miss(ctx.ws)
    rid = _write(ctx, 1, "Repairs the walk", cid)
    _write(ctx, 5, "Another one")
    view = _journal(window)
    assert ctx.ws.stats.summary(cid).counts.repaired == 1
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _titles(view) == ["Another one"], timeout=2000)
    assert ctx.ws.stats.summary(cid).counts.repaired == 0
    ctx.undo.undo()
    qtbot.waitUntil(lambda: _titles(view) == ["Repairs the walk", "Another one"], timeout=2000)
    assert ctx.ws.reflections.get(rid).checkin_id is not None
    assert ctx.ws.stats.summary(cid).counts.repaired == 1


def test_a_next_step_from_the_journal_becomes_a_promise(qtbot: QtBot, window: MainWindow,
                                                        ctx: UiContext) -> None:
    ctx.ws.reflections.write(ReflectionDraft(YESTERDAY, None, next_step="Call Sam at noon"))
    view = _journal(window)
    qtbot.mouseClick(view.pane.findChild(QPushButton, "journal-promise"),
                     Qt.MouseButton.LeftButton)
    [made] = [c for c in ctx.ws.commitments.all() if c.title == "Call Sam at noon"]
    assert made.rules.schedule.on == TODAY + timedelta(days=1)
    ctx.undo.undo()
    assert ctx.ws.commitments.all() == []


def test_the_support_line_is_offered_quietly_and_can_be_dismissed(
        qtbot: QtBot, window: MainWindow, ctx: UiContext, prompter: ScriptedPrompter) -> None:
    view = _journal(window)
    assert not view.support.isVisible()
    for n in (0, 2, 4):
        ctx.ws.reflections.write(ReflectionDraft(TODAY - timedelta(days=n), None,
                                                 happened="Heavy day.", feeling_before=1))
    window.show_view("today")
    window.show_view("reflections")
    assert view.support.isVisible()
    qtbot.mouseClick(view.support.dismiss, Qt.MouseButton.LeftButton)
    assert not view.support.isVisible()
    assert ctx.prefs.value(DISMISS_KEY) == (TODAY + timedelta(days=14)).isoformat()
    window.show_view("today")
    window.show_view("reflections")
    assert not view.support.isVisible()


def test_the_model_passes_the_model_tester(qtmodeltester, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    for n in range(30):
        _write(ctx, n, f"Entry {n}")
    model = JournalModel()
    model.set_entries(JournalIndex(ctx.ws).find(), {}, TODAY)
    qtmodeltester.check(model)
    assert model.data(model.index(0), Role.TITLE) == "Free reflection"


def test_a_step_is_promised_once_wherever_its_reflection_is_shown(
        qtbot: QtBot, window: MainWindow, ctx: UiContext, prompter: ScriptedPrompter) -> None:
    from selftrust.base.bidi import without_isolates
    from selftrust.ui.reflections.next_step_action import button_text, done_text
    from selftrust.ui.reflections.open_dialogs import open_reflection

    cid = walk_with_a_miss(ctx.ws)
    dialog = open_reflection(ctx, window, cid, YESTERDAY)
    assert dialog is not None
    type_into(qtbot, part(dialog, "next_step"), "Bring a bottle of water to the next meeting.")
    dialog.save()
    in_dialog = dialog.findChild(QPushButton, "promise-tomorrow")
    qtbot.mouseClick(in_dialog, Qt.MouseButton.LeftButton)
    assert (in_dialog.text(), in_dialog.isEnabled()) == (done_text(), False)
    said = without_isolates(dialog.findChild(QLabel, "promise-done").text())
    assert said.startswith("“Bring a bottle of water to the next meeting” is on tomorrow")
    assert ".”." not in said and "..." not in said  # one full stop, no doubling

    view = _journal(window)  # the same reflection in the journal: already promised
    in_journal = view.pane.findChild(QPushButton, "journal-promise")
    assert (in_journal.text(), in_journal.isEnabled()) == (done_text(), False)
    assert not view.promise_action.isEnabled()
    view.promise_current()  # asked again anyway (a stale shortcut): refused kindly
    assert prompter.asked[-1][:2] == ("inform", "Already promised")
    promises = [c for c in ctx.ws.commitments.all() if c.title.startswith("Bring a bottle")]
    assert len(promises) == 1

    ctx.undo.undo()  # the promise is taken back: both offer it again
    qtbot.waitUntil(lambda: in_journal.isEnabled(), timeout=2000)
    assert in_journal.text() == button_text() and view.promise_action.isEnabled()
    assert in_dialog.isEnabled() and in_dialog.text() == button_text()
    qtbot.mouseClick(in_journal, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not in_dialog.isEnabled() and not in_journal.isEnabled(),
                    timeout=2000)
    dialog.close()


def test_deleting_a_reflection_says_what_it_undoes_and_offers_undo(
        qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    from selftrust.ui.shell.undo import perform

    cid = walk_with_a_miss(ctx.ws)
    rid = _write(ctx, 1, "Repairs the walk", cid)
    _write(ctx, 5, "A free one")
    jar = ctx.ws.stats.report().jar
    view = _journal(window)
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Delete)
    bar = view.undo_bar
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    said = bar.text.text()
    assert said.startswith("Reflection deleted.")
    assert "Walk 20 minutes" in said and "no longer repaired" in said and "jar" in said
    assert ctx.ws.stats.report().jar.gold == jar.gold - 1
    assert view.list.hasFocus() or view.focusWidget() is view.list  # keys still in the list
    qtbot.mouseClick(bar.undo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=2000)
    assert ctx.ws.reflections.get(rid).checkin_id is not None
    assert ctx.ws.stats.report().jar == jar

    view.list.setCurrentIndex(view.model.index(0))
    third = _write(ctx, 9, "The oldest")
    qtbot.waitUntil(lambda: len(_titles(view)) == 3, timeout=2000)
    view.list.setCurrentIndex(view.model.index(1))  # the free one, in the middle
    qtbot.keyClick(view.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    assert bar.text.text() == "Reflection deleted."
    # the next entry takes its place, as in any list (not a jump back to the top)
    qtbot.waitUntil(lambda: _titles(view) == ["Repairs the walk", "The oldest"], timeout=2000)
    assert view.current_entry() is not None and view.current_entry().id == third
    # something else done since: the bar goes, and never undoes that other thing
    perform(ctx.undo, "Write reflection",
            lambda: ctx.ws.reflections.write(ReflectionDraft(TODAY, None, happened="New")),
            lambda row: ctx.ws.reflections.delete(row.id))
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=2000)
