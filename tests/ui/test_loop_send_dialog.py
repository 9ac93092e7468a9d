"""File → Send to Loop…, driven like a user: the dialog says what will not travel before
anything is written, writes a backup Loop merges, and says where it is and what to do on
the phone; a place that must not be written over is refused with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from today_support import add

from selftrust.interchange.loop_db import read_loop_db
from selftrust.services.workspace import Workspace
from selftrust.ui.dialogs.loop_send_dialog import ALL_TRAVELS, IMPORT_ON_PHONE, LoopSendDialog
from selftrust.ui.shell.main_window import MainWindow
from tests.e2e.helpers import NOW, make_runner
from tests.ui.conftest import ScriptedPrompter

WAIT_MS = 20_000


@pytest.fixture(autouse=True)
def same_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELFTRUST_NOW", NOW)


def _open(qtbot: QtBot, window: MainWindow) -> LoopSendDialog:
    window.actions_.send_to_loop.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), LoopSendDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, LoopSendDialog)
    return dialog


def _habits(ws: Workspace) -> None:
    add(ws, "Walk")
    add(ws, "Gym", "mon,wed,fri")
    make_runner(ws.db.folder.root)("check", "Walk", "--note", "around the park")
    ws.reload()


def test_it_says_what_stays_before_writing_then_writes(
        qtbot: QtBot, window: MainWindow, ws: Workspace, prompter: ScriptedPrompter,
        tmp_path: Path) -> None:
    _habits(ws)
    phone = tmp_path / "to-phone"
    phone.mkdir()
    dialog = _open(qtbot, window)
    assert not dialog.send.isEnabled()  # nowhere chosen yet

    prompter.answers.append(phone)
    qtbot.mouseClick(dialog.choose_folder, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.send.isEnabled, timeout=WAIT_MS)
    lost = dialog.lost.toPlainText()
    assert "“Gym” is due on chosen weekdays" in lost
    assert dialog.summary.text() == "Ready to send 2 habits and 1 entry."
    assert list(phone.iterdir()) == []  # nothing written yet

    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.result_note.isVisible, timeout=WAIT_MS)
    [written] = list(phone.iterdir())
    assert written.name.startswith("Loop Habits Backup ")
    assert f"Written to {written}. Copy it to the phone." in dialog.result_note.text()
    assert IMPORT_ON_PHONE in dialog.result_note.text()
    habits = {h.name: h for h in read_loop_db(written).habits}
    assert set(habits) == {"Walk", "Gym"}
    assert [e.notes for e in habits["Walk"].entries] == ["around the park"]
    dialog.reject()


def test_the_loop_folder_is_offered_first_and_carried(
        qtbot: QtBot, window: MainWindow, ws: Workspace, tmp_path: Path) -> None:
    add(ws, "Walk")
    ws.reload()
    synced = tmp_path / "Sync" / "Loop"
    synced.mkdir(parents=True)
    window.loop.settings.folder = synced
    dialog = _open(qtbot, window)
    assert dialog.place.full_text() == str(synced)
    qtbot.waitUntil(dialog.send.isEnabled, timeout=WAIT_MS)
    assert dialog.lost.toPlainText() == ALL_TRAVELS
    dialog.send.click()
    qtbot.waitUntil(dialog.result_note.isVisible, timeout=WAIT_MS)
    assert "Your sync tool carries this folder to the phone." in dialog.result_note.text()
    dialog.reject()


def test_a_file_not_ours_is_not_written_over(
        qtbot: QtBot, window: MainWindow, ws: Workspace, prompter: ScriptedPrompter,
        tmp_path: Path) -> None:
    add(ws, "Walk")
    ws.reload()
    theirs = tmp_path / "Loop Habits Backup 2026-11-24 081500.db"
    theirs.write_bytes(b"the phone's own backup")
    dialog = _open(qtbot, window)
    prompter.answers.append(theirs)
    qtbot.mouseClick(dialog.choose_file, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.problem.message), timeout=WAIT_MS)
    assert dialog.problem.message.startswith("Nothing was written: ")
    assert "already exists and is not a Self-Trust push" in dialog.problem.message
    assert not dialog.send.isEnabled()
    assert theirs.read_bytes() == b"the phone's own backup"
    dialog.reject()


def test_it_is_in_the_file_menu(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu is not None
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert "Send to &Loop…" in texts
    assert texts.index("Send to &Loop…") < texts.index("&Backups…")
