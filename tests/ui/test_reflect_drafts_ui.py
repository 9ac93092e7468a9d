"""Words are never lost: closing asks, a draft comes back, a crash keeps it."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from selftrust.services.drafts import draft_key, drafts_of
from selftrust.ui.reflections.open_dialogs import open_reflection, open_reflection_for_edit
from selftrust.ui.reflections.reflection_dialog import ReflectionDialog
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow
from tests.ui.conftest import ScriptedPrompter
from tests.ui.reflect_helpers import (
    YESTERDAY,
    open_dialogs,
    part,
    type_into,
    walk_with_a_miss,
)

KEEP_WRITING, KEEP_DRAFT, DISCARD = None, 0, 1  # Cancel/Escape, then the two choices


def _record_choices(prompter: ScriptedPrompter) -> list[list[str]]:
    """The buttons each question offered (the scripted prompter keeps only the text)."""
    offered: list[list[str]] = []
    answer = prompter.choose

    def choose(parent, title, text, choices):  # type: ignore[no-untyped-def]
        offered.append(list(choices))
        return answer(parent, title, text, choices)

    prompter.choose = choose  # type: ignore[method-assign]
    return offered


def _open(ctx: UiContext, window: MainWindow, cid: int | None) -> ReflectionDialog:
    dialog = open_reflection(ctx, window, cid, YESTERDAY if cid else None)
    assert dialog is not None
    return dialog


def test_closing_with_words_asks_and_keeps_a_draft(qtbot: QtBot, window: MainWindow,
                                                   ctx: UiContext,
                                                   prompter: ScriptedPrompter) -> None:
    cid = walk_with_a_miss(ctx.ws)
    dialog = _open(ctx, window, cid)
    type_into(qtbot, part(dialog, "happened"), "Rain, and I stayed in.")
    dialog.form.before.buttons[2].click()

    offered = _record_choices(prompter)
    prompter.answers = [KEEP_WRITING]
    dialog.close()
    assert dialog.isVisible()  # still writing
    kind, title, text, _ = prompter.asked[-1]
    assert (kind, title) == ("choose", "Close this reflection?")
    # what it says is what happens: the draft is already on disk when it is said
    assert "kept as a draft" in text and "not saved" not in text
    assert drafts_of(ctx.ws).get(draft_key(cid, YESTERDAY)) is not None
    # two different choices; "keep writing" is Cancel/Escape alone, not a twin button
    assert offered[-1] == ["Close (keep the draft)", "Discard the draft"]
    assert dialog.findChild(QLabel, "reflection-status").text().startswith("Draft kept")

    prompter.answers = [KEEP_DRAFT]
    dialog.close()
    assert open_dialogs() == []

    again = _open(ctx, window, cid)
    assert part(again, "happened").toPlainText() == "Rain, and I stayed in."
    assert again.form.before.value() == 2
    notice = again.findChild(QLabel, "reflection-notice")
    assert notice.isVisible() and "back" in notice.text()

    prompter.answers = [DISCARD]
    again.close()
    third = _open(ctx, window, cid)
    assert part(third, "happened").toPlainText() == ""
    third.close()  # nothing written: no question
    assert drafts_of(ctx.ws).get(draft_key(cid, YESTERDAY)) is None


def test_a_crash_keeps_the_draft(qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    dialog = _open(ctx, window, None)
    type_into(qtbot, part(dialog, "learned"), "Mornings work better for me.")
    store = drafts_of(ctx.ws)
    qtbot.waitUntil(lambda: store.get("free") is not None, timeout=3000)  # the autosave
    shiboken6.delete(dialog)  # gone without closing, as in a crash
    QApplication.processEvents()
    again = _open(ctx, window, None)
    assert part(again, "learned").toPlainText() == "Mornings work better for me."
    again.save()
    assert store.get("free") is None  # saved: the draft is gone
    again.close()


def test_saving_removes_the_draft_and_a_fresh_dialog_starts_empty(
        qtbot: QtBot, window: MainWindow, ctx: UiContext, prompter: ScriptedPrompter) -> None:
    cid = walk_with_a_miss(ctx.ws)
    dialog = _open(ctx, window, cid)
    type_into(qtbot, part(dialog, "friend"), "You showed up six days running.")
    dialog.keep_draft()
    dialog.save()
    dialog.close()
    assert drafts_of(ctx.ws).keys() == []
    fresh = _open(ctx, window, cid)
    assert part(fresh, "friend").toPlainText() == ""
    fresh.close()


def test_editing_keeps_unsaved_changes_as_a_draft_too(
        qtbot: QtBot, window: MainWindow, ctx: UiContext, prompter: ScriptedPrompter) -> None:
    from selftrust.services.reflections import ReflectionDraft

    row = ctx.ws.reflections.write(ReflectionDraft(YESTERDAY, None, happened="First words"))
    dialog = open_reflection_for_edit(ctx, window, row.id)
    assert dialog is not None
    assert part(dialog, "happened").toPlainText() == "First words"
    dialog.close()  # unchanged: closes without asking
    assert prompter.asked == []
    dialog = open_reflection_for_edit(ctx, window, row.id)
    assert dialog is not None
    type_into(qtbot, part(dialog, "happened"), " and more")
    prompter.answers = [KEEP_DRAFT]
    dialog.close()
    again = open_reflection_for_edit(ctx, window, row.id)
    assert again is not None
    assert part(again, "happened").toPlainText() == "First words and more"
    assert ctx.ws.reflections.get(row.id).happened == "First words"  # not saved yet
    again.save()
    assert ctx.ws.reflections.get(row.id).happened == "First words and more"
    assert open_dialogs() == []
