"""Preferences → Loop, used as a person uses it: choose the folder (following starts),
turn it off and on, and read what the last look found."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from selftrust.ui.dialogs.preferences_dialog import PreferencesDialog
from selftrust.ui.shell.loop_follow import record
from selftrust.ui.shell.main_window import MainWindow
from tests.ui.conftest import ScriptedPrompter


def _loop_page(qtbot: QtBot, window: MainWindow) -> PreferencesDialog:
    dialog = PreferencesDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    item = dialog.sections.item(1)
    assert item.text() == "Loop"
    rect = dialog.sections.visualItemRect(item)
    qtbot.mouseClick(dialog.sections.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.pages.currentWidget() is dialog.loop_page
    return dialog


def test_choosing_a_folder_starts_following_it(qtbot: QtBot, window: MainWindow,
                                               prompter: ScriptedPrompter,
                                               tmp_path: Path) -> None:
    page = _loop_page(qtbot, window).loop_page
    assert page.folder_label.full_text() == "No folder chosen yet."
    assert not page.follow.isEnabled() and not page.merge_now.isEnabled()
    assert "Export full backup" in page.explained.text()
    assert "Syncthing" in page.explained.text()

    phone = tmp_path / "phone"
    phone.mkdir()
    prompter.answers.append(phone)
    qtbot.mouseClick(page.choose, Qt.MouseButton.LeftButton)

    assert page.folder_label.full_text() == str(phone)
    assert page.follow.isChecked()
    assert window.loop.watch.folder == phone
    assert window.loop.settings.folder == phone and window.loop.settings.enabled

    page.follow.click()  # off
    assert window.loop.watch.folder is None
    assert not window.loop.settings.enabled
    assert window.loop.settings.folder == phone  # kept for when it is on again
    page.follow.click()
    assert window.loop.watch.folder == phone
    window.loop.stop()


def test_cancelling_the_folder_choice_changes_nothing(qtbot: QtBot, window: MainWindow,
                                                     prompter: ScriptedPrompter) -> None:
    page = _loop_page(qtbot, window).loop_page
    prompter.answers.append(None)
    qtbot.mouseClick(page.choose, Qt.MouseButton.LeftButton)
    assert window.loop.settings.folder is None
    assert window.loop.watch.folder is None


def test_the_last_merge_and_files_passed_over_are_told(qtbot: QtBot, window: MainWindow,
                                                      tmp_path: Path) -> None:
    settings = window.loop.settings
    settings.folder = tmp_path
    settings.last = record({
        "source": str(tmp_path / "Loop Habits Backup 2026-12-05 211400.db"),
        "habits": {"new": 0, "linked": 0, "changed": 0},
        "checkins": {"added": 3, "changed": 0, "removed": 0, "kept_desktop": 0},
        "skipped": [{"file": "Loop Habits Backup 2026-12-06 080000.db",
                     "reason": "the file ends before its last page: it may still be copying"},
                    {"file": "Loop Habits Backup 2026-12-06 090000.db",
                     "reason": "written by Self-Trust for Loop (a push)"}],
        "warnings": []}, None, datetime(2026, 12, 6, 9, 0))
    page = _loop_page(qtbot, window).loop_page
    assert page.last.text() == "Merged the backup of 5 Dec, 21:14 · 3 check-ins from the phone"
    assert page.skipped.isVisible()
    assert "2026-12-06 080000.db: the file ends before" in page.skipped.message
    assert "a push" not in page.skipped.message  # our own file is nobody's worry
    assert page.merge_now.isEnabled()
