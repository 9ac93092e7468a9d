"""The dialogs in the pseudo-language: every word they show passed through gettext.

In ``en_XA`` every translated message comes back accented and in brackets; a readable
word left outside brackets was written by hand somewhere. Each dialog of ui/dialogs/
(but the help and welcome dialogs, tested with theirs) is opened after the switch, in
the states that show its other words, and everything it shows is read: labels, buttons,
titles, placeholders, items, tooltips and the names a screen reader says. The messages
the dialogs ask through the prompter, their undo steps and their sentences are read too.

The editors the commitment form and the pause dialog hold (schedule, target, reminder,
pauses, colour) belong to ui/widgets/ and are read by that
area's test; so are the lines other areas write (the reminder route, a backup's kind, a
schedule in words), which this test leaves out where they appear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from dialog_helpers import add, close_at_end
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from selftrust.base.i18n import _
from selftrust.ui.dialogs import commitment_actions as actions
from selftrust.ui.dialogs import data_dialogs, messages, sync_notes
from selftrust.ui.dialogs.backups_dialog import BackupsDialog, last_saved_text, when_text
from selftrust.ui.dialogs.commitment_dialog import edit_commitment, example_draft, new_commitment
from selftrust.ui.dialogs.data_task import DataTask
from selftrust.ui.dialogs.loop_send_dialog import LoopSendDialog
from selftrust.ui.dialogs.manage_dialog import ManageDialog
from selftrust.ui.dialogs.manage_words import delete_question, detail_of
from selftrust.ui.dialogs.pause_dialog import PauseDialog
from selftrust.ui.dialogs.preferences_dialog import PreferencesDialog, day_start_hint
from selftrust.ui.dialogs.shortcuts_dialog import ShortcutsDialog, shortcut_groups
from selftrust.ui.dialogs.sync_words import ago, device_lines, status_line
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.sync_follow import SyncFollower
from selftrust.ui.widgets.color_picker import ColorPicker
from selftrust.ui.widgets.pause_editor import PauseEditor
from selftrust.ui.widgets.reminder_editor import ReminderEditor
from selftrust.ui.widgets.schedule_editor import ScheduleEditor
from selftrust.ui.widgets.target_editor import TargetEditor
from tests.i18n_helpers import untranslated, visible_texts
from tests.ui.conftest import ScriptedPrompter

NAMES = ("Self-Trust", "Loop Habit Tracker", "Syncthing", "Nextcloud", "Dropbox", "JSON",
         "CSV")
"""Names no translator changes (they stay inside the brackets too, but may also stand
alone: a file filter's "JSON")."""
TYPED = ("Walk", "Read")
"""The titles this test gives its commitments."""
OTHER_AREAS: tuple[type[QWidget], ...] = (
    ScheduleEditor, TargetEditor, ReminderEditor, PauseEditor, ColorPicker)
PATTERNS = re.compile(r"\(\*[^()]*\)")  # a file filter's "(*.json *.zip)"
KEYS = re.compile(r"(?:(?:Ctrl|Alt|Shift|Meta)\+)+[^\s)]+|\bF\d+\b|\((?:Del|Ins|Esc)\)")
"""Keys ("Ctrl+Shift+A", "(Del)"): written as the platform writes keys, not translated."""
MARKUP = re.compile(r"<[^<>]*>")  # a tooltip's <qt>, which keeps user text plain
THEIRS = ("Message",)
"""The words other areas' widgets say of themselves (an inline message's name)."""


def longest_first(*words: str) -> tuple[str, ...]:
    """Whole lines before the names they hold ("… and Self-Trust closes …")."""
    return tuple(sorted(words, key=len, reverse=True))


def left_out(texts: list[str], *allowed: str) -> list[tuple[str, list[str]]]:
    """The texts with words outside brackets, and those words (said in full on failure:
    pytest's diff would cut them short)."""
    found = []
    for text in texts:
        words = untranslated(KEYS.sub(" ", PATTERNS.sub(" ", MARKUP.sub(" ", text))),
                             longest_first(*allowed, *NAMES, *TYPED, *THEIRS))
        if words:
            found.append((text, words))
    assert not found, "words outside gettext:\n" + "\n".join(
        f"  {text!r}: {words}" for text, words in found)
    return found


def shown(widget: QWidget, *allowed: str) -> list[tuple[str, list[str]]]:
    return left_out(visible_texts(widget, skip=OTHER_AREAS), *allowed)


@pytest.fixture
def pseudo(language: Callable[[str], str]) -> Iterator[None]:
    language("en_XA")
    yield


FILE_DIALOGS = ("open_file", "save_file", "choose_folder")


def _asked(prompter: ScriptedPrompter) -> list[str]:
    """What the prompter was asked to say (a file dialog's detail is its start folder)."""
    return [t for kind, title, text, detail in prompter.asked
            for t in ((title, text) if kind in FILE_DIALOGS else (title, text, detail))]


# --- the commitment form ------------------------------------------------------------------


def test_the_commitment_form(qtbot: QtBot, ctx: UiContext, prompter: ScriptedPrompter,
                             pseudo: None) -> None:
    form = new_commitment(ctx, None, example_draft(ctx))
    close_at_end(qtbot, form)
    assert shown(form) == []
    form.title.setText("Walk")
    prompter.answers.append(False)  # discard the changes? keep editing
    form.reject()
    assert left_out(_asked(prompter)) == []
    form.done(0)

    walk = add(ctx.ws, "Walk")
    edit = edit_commitment(ctx, None, walk.id)
    assert edit is not None
    close_at_end(qtbot, edit)
    assert shown(edit) == []
    edit.done(0)


def test_the_undo_steps(ctx: UiContext, pseudo: None) -> None:
    row = actions.create(ctx, example_draft(ctx))
    steps = [ctx.undo.undoText()]
    actions.archive(ctx, row.id)
    steps.append(ctx.undo.undoText())
    actions.restore(ctx, row.id)
    steps.append(ctx.undo.undoText())
    actions.set_pauses(ctx, row.id, [])
    steps.append(ctx.undo.undoText())
    actions.reorder(ctx, [row.id])
    steps.append(ctx.undo.undoText())
    actions.delete(ctx, row.id)
    steps.append(ctx.undo.undoText())
    assert all(steps) and left_out(steps) == []


# --- manage and pauses ----------------------------------------------------------------


def test_manage_commitments(qtbot: QtBot, ctx: UiContext, prompter: ScriptedPrompter,
                            pseudo: None) -> None:
    empty = ManageDialog(ctx)
    qtbot.addWidget(empty)
    assert empty.empty.isVisibleTo(empty)
    assert left_out(visible_texts(empty)) == []  # the empty state's words are ours
    empty.done(0)

    walk = add(ctx.ws, "Walk")
    read = add(ctx.ws, "Read")
    ctx.ws.commitments.archive(read.id)
    dialog = ManageDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.select(walk.id)
    dialog.archive_or_restore()  # an undo step, a status line
    assert shown(dialog) == []
    dialog.select(read.id)  # an archived one: Restore
    assert dialog.act_archive.text().startswith("[")
    assert shown(dialog) == []
    prompter.answers.append(False)
    dialog.delete()
    assert left_out(_asked(prompter)) == []
    dialog.done(0)


def test_what_manage_says_about_a_commitment(ctx: UiContext, pseudo: None) -> None:
    walk = add(ctx.ws, "Walk")
    ctx.ws.commitments.archive(walk.id)
    row = ctx.ws.commitments.get(walk.id)
    # the day is written by ui/widgets/dates (its area): only the sentence is ours here
    detail = detail_of(row, ctx.ws.today()).replace(str(row.archived_on.year), "")
    assert detail.startswith("[")
    text, more = delete_question(ctx, row)
    assert left_out([text, more]) == []


def test_the_pause_dialog(qtbot: QtBot, ctx: UiContext, pseudo: None) -> None:
    walk = add(ctx.ws, "Walk")
    dialog = PauseDialog(ctx, walk.id)
    qtbot.addWidget(dialog)
    assert shown(dialog) == []
    dialog.done(0)


# --- backups, import and export --------------------------------------------------------


def test_the_backups_dialog(qtbot: QtBot, ctx: UiContext, prompter: ScriptedPrompter,
                            pseudo: None) -> None:
    from selftrust.services.backups import kind_name, list_backups

    def theirs() -> tuple[str, ...]:
        """A backup's kind is named by services/backups (its area); its path is a path."""
        found = list_backups(ctx.ws)
        return (*(kind_name(b.kind) for b in found), *(str(b.path) for b in found))

    dialog = BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    assert shown(dialog, *theirs()) == []
    dialog.back_up()
    assert dialog.list.topLevelItemCount() >= 1
    assert shown(dialog, *theirs()) == []
    prompter.answers.append(False)  # restore? keep my data
    dialog.restore_selected()
    assert left_out(_asked(prompter)) == []
    dialog.close()


def test_backup_moments(pseudo: None) -> None:
    now = datetime(2026, 11, 24, 12, 0)
    today = now.date()
    moments = [now, now - timedelta(days=1), now - timedelta(days=5)]
    texts = [when_text(m, today) for m in moments] + [when_text(now)]
    texts += [last_saved_text(m, today) for m in moments]
    assert left_out(texts, "selftrust-daily.json") == []


def test_import_and_export(qtbot: QtBot, ctx: UiContext, prompter: ScriptedPrompter,
                           tmp_path: Path, pseudo: None) -> None:
    prompter.answers.append(None)  # which kind of file? cancel
    assert data_dialogs.export_data(ctx, None) is None
    prompter.answers += [0, None]  # JSON, then no file
    assert data_dialogs.export_data(ctx, None) is None
    prompter.answers.append(None)  # no file to import
    assert data_dialogs.import_data(ctx, None) is None
    not_ours = tmp_path / "notes.json"
    not_ours.write_text("{}", encoding="utf-8")
    task = data_dialogs.start_import(ctx, None, not_ours)
    assert left_out(visible_texts(task.dialog)) == []
    qtbot.waitUntil(lambda: task.outcome is not None, timeout=10_000)
    kinds = [kind for kind, *_rest in prompter.asked]
    assert kinds == ["choose", "choose", "save_file", "open_file", "problem"]
    # the problem's own words come from the importer (its area); the rest is ours
    problem = prompter.asked.pop()
    asked = [*_asked(prompter), problem[1], problem[2].rsplit("\n\n", 1)[-1]]
    assert left_out(asked, "selftrust-export-2026-11-24.json") == []


def test_a_task_being_stopped(qtbot: QtBot, pseudo: None) -> None:
    task = DataTask(None, _("Saving “{name}”…").format(name="x.json"), lambda p, c: None)
    task.cancel()
    assert left_out(visible_texts(task.dialog), "x.json") == []
    task.dialog.deleteLater()


# --- preferences ------------------------------------------------------------------------


def test_preferences_general(qtbot: QtBot, ctx: UiContext, pseudo: None) -> None:
    dialog = PreferencesDialog(ctx)
    qtbot.addWidget(dialog)
    # the line on where reminders go is the desktop area's (ui/desktop/notify_route)
    route = dialog.desktop.route_note.text()
    assert shown(dialog, route) == []
    dialog.done(0)


def test_the_day_start_hints(ctx: UiContext, pseudo: None) -> None:
    now = datetime(2026, 11, 25, 12, 56)
    hints = [day_start_hint(hour) for hour in (0, 1, 4, 9)] + [day_start_hint(14, now)]
    assert left_out(hints) == []


def test_preferences_loop(qtbot: QtBot, ctx: UiContext, pseudo: None) -> None:
    from selftrust.ui.shell.loop_follow import last_merge_line, skipped_lines

    dialog = PreferencesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show_page("loop")
    assert shown(dialog, last_merge_line(None)) == []
    dialog.done(0)

    from selftrust.ui.dialogs.loop_prefs import picture_example

    picture_example(ctx)
    followed = PreferencesDialog(ctx)
    qtbot.addWidget(followed)
    followed.show_page("loop")
    last = followed.loop_page.settings.last
    # the merge's own lines are the Loop follower's (ui/shell): only ours are read here
    theirs = (last_merge_line(last), *skipped_lines(last), "~/Sync/Loop")
    assert shown(followed, *theirs) == []
    followed.done(0)


@pytest.fixture
def follower(ctx: UiContext, monkeypatch: pytest.MonkeyPatch) -> SyncFollower:
    """A sync follower that shows what it is told and runs no command."""
    follower = SyncFollower(ctx.ws, ctx.prefs, ctx.bridge, None)
    follower.frozen = True
    monkeypatch.setattr(ctx, "sync", follower)
    return follower


def test_preferences_sync(qtbot: QtBot, ctx: UiContext, follower: SyncFollower,
                          pseudo: None) -> None:
    dialog = PreferencesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show_page("sync")
    page = dialog.sync_page
    page.device_name.setText("Desk")
    assert page.setup.isVisibleTo(dialog)
    page.passphrase.setText("one")
    page.again.setText("two")
    page.folder = Path("/tmp/Sync")
    page.start_syncing()  # the passphrases differ: said in the page
    assert page.message.isVisibleTo(dialog)
    assert shown(dialog, "Desk", "/tmp/Sync") == []
    page.again.setText("one")
    page.device_name.setText("")
    page.start_syncing()  # a name is needed
    assert shown(dialog, "/tmp/Sync") == []
    dialog.done(0)


def test_preferences_sync_in_use(qtbot: QtBot, ctx: UiContext, prompter: ScriptedPrompter,
                                 follower: SyncFollower, pseudo: None) -> None:
    from selftrust.ui.dialogs.sync_prefs import picture_example

    picture_example(ctx)
    dialog = PreferencesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show_page("sync")
    page = dialog.sync_page
    assert page.syncing.isVisibleTo(dialog)
    names = ("Laptop", "Office", "Desk", "~/Sync")
    assert shown(dialog, *names) == []
    for kind, answer in (("join", {"backup": "/tmp/b.db"}), ("leave", {"left": "~/Sync"}),
                         ("merge", {"merged": "Walk"})):
        page._done(kind, answer)
        assert shown(page, *names, "/tmp/b.db") == []
    prompter.answers += [False, False]
    page.forget_device()
    page.offer_merge("Walk")
    assert left_out(_asked(prompter)) == []
    dialog.done(0)


def test_how_sync_stands(pseudo: None) -> None:
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    laptop = {"name": "Laptop", "last_write": "2026-11-24T11:58:00+00:00", "skipped": None}
    quiet = {"name": None, "last_write": None, "skipped": None}
    moments = [None, now, now - timedelta(minutes=2), now - timedelta(hours=3),
               now - timedelta(days=1), now - timedelta(days=5)]
    status = {"last_pass": "2026-11-24T11:58:00Z", "waiting": 0, "devices": [laptop]}
    lines = [ago(m, now) for m in moments] + [
        status_line(status, {"devices": [laptop]}, None, None, None, now),
        status_line(status, None, None, None, "pass", now),
        status_line({**status, "waiting": 3}, None, None, None, None, now),
        status_line({"last_pass": None, "devices": []}, None, None, None, None, now),
        status_line({**status, "devices": []}, {}, None, None, None, now),
        *device_lines([laptop, quiet], now), *device_lines([], now)]
    assert left_out(lines, "Laptop") == []


def test_the_conflict_notes(qtbot: QtBot, ctx: UiContext, prompter: ScriptedPrompter,
                            pseudo: None) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = sync_notes.screenshot_target(ctx, parent)
    assert isinstance(box, QMessageBox)
    assert left_out([*visible_texts(box), box.informativeText()], "Laptop") == []
    box.close()
    box.deleteLater()
    prompter.answers.append(False)
    sync_notes.ask_merge(parent, "Walk")
    assert left_out(_asked(prompter)) == []


# --- Send to Loop, shortcuts, message boxes ----------------------------------------------


def test_send_to_loop(qtbot: QtBot, ctx: UiContext, pseudo: None) -> None:
    dialog = LoopSendDialog(ctx)
    qtbot.addWidget(dialog)
    assert shown(dialog) == []
    # what the command answers, as it answers it (run in-process: no command runs here)
    dialog._show_plan({"dry_run": True, "habits": 2, "checkins": 1, "not_sent": []})
    assert shown(dialog) == []
    dialog._show_plan({"dry_run": True, "habits": 0, "checkins": 0, "not_sent": []})
    assert shown(dialog) == []
    dialog._show_written({"path": "/tmp/Loop.db", "habits": 1, "checkins": 3})
    assert shown(dialog, "/tmp/Loop.db") == []
    dialog._refused(_("the answer was not understood"))
    assert shown(dialog, "/tmp/Loop.db") == []
    dialog.done(0)


def test_the_shortcuts_dialog(qtbot: QtBot, pseudo: None) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    owner = QWidget()
    qtbot.addWidget(owner)
    action = QAction(_("Undo"), owner)
    action.setShortcuts([QKeySequence("Ctrl+Z"), QKeySequence("Alt+Backspace")])
    assert shortcut_groups(owner) == []  # not a main window: nothing to list
    from selftrust.ui.dialogs.shortcuts_dialog import keys_text

    dialog = ShortcutsDialog([(_("Edit"), [(_("Undo"), keys_text(action))])])
    qtbot.addWidget(dialog)
    assert left_out(visible_texts(dialog)) == []
    dialog.done(0)


def test_the_message_boxes(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                           pseudo: None) -> None:
    """The real prompter's boxes: their own buttons ("Cancel") are ours, not Qt's."""
    read: list[str] = []

    def exec_(box: QMessageBox) -> int:
        read.extend(visible_texts(box))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    real = messages.Prompter()
    real.ask(None, _("Delete this commitment?"), _("Keep it"), accept=_("Keep it"))
    real.choose(None, _("Export your data"), _("Keep it"), [_("Keep it")])
    assert read and left_out(read) == []


@pytest.mark.parametrize("make", ["manage", "preferences", "send-to-loop", "pauses"])
def test_no_dialog_is_left_waiting(qtbot: QtBot, ctx: UiContext, make: str,
                                   pseudo: None) -> None:
    """Opened as the window opens them (window-modal, not blocking): all words ours."""
    from selftrust.ui.dialogs.loop_send_dialog import open_send_to_loop
    from selftrust.ui.dialogs.manage_dialog import open_manage
    from selftrust.ui.dialogs.pause_dialog import open_pauses
    from selftrust.ui.dialogs.preferences_dialog import open_preferences

    walk = add(ctx.ws, "Walk")
    openers: dict[str, Callable[[], QDialog | None]] = {
        "manage": lambda: open_manage(ctx, None),
        "preferences": lambda: open_preferences(ctx, None),
        "send-to-loop": lambda: open_send_to_loop(ctx, None),
        "pauses": lambda: open_pauses(ctx, None, walk.id),
    }
    dialog = openers[make]()
    assert dialog is not None
    close_at_end(qtbot, dialog)
    allowed: tuple[Any, ...] = ()
    if isinstance(dialog, PreferencesDialog):
        allowed = (dialog.desktop.route_note.text(),)
    assert shown(dialog, *allowed) == []
    dialog.done(0)

