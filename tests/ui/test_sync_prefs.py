"""Preferences → Sync, used as a person uses it: choose the folder, name this computer,
type a passphrase twice, start; read how sync stands; a wrong passphrase; forget this
device; merge two commitments of one title. The commands are real processes."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sync_windows import WAIT_MS, quick
from today_support import add

from selftrust.ui.dialogs.preferences_dialog import PreferencesDialog
from selftrust.ui.dialogs.sync_prefs import NO_FOLDER, NOT_SAME, SyncPrefsPage
from selftrust.ui.shell.main_window import MainWindow
from tests.e2e.helpers import make_process_runner, make_runner
from tests.ui.conftest import ScriptedPrompter


def _sync_page(qtbot: QtBot, window: MainWindow) -> SyncPrefsPage:
    quick(window)
    dialog = PreferencesDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    item = dialog.sections.item(2)
    assert item.text() == "Sync"
    rect = dialog.sections.visualItemRect(item)
    qtbot.mouseClick(dialog.sections.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.pages.currentWidget() is dialog.sync_page
    qtbot.waitUntil(lambda: not window.sync.busy, timeout=WAIT_MS)  # its look at start
    return dialog.sync_page


def _type(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    box.selectAll()
    qtbot.keyClicks(box, text)


def _start(qtbot: QtBot, page: SyncPrefsPage, prompter: ScriptedPrompter, folder: Path,
           name: str, passphrase: str = "", again: str | None = None) -> None:
    prompter.answers.append(folder)
    qtbot.mouseClick(page.choose, Qt.MouseButton.LeftButton)
    _type(qtbot, page.device_name, name)
    _type(qtbot, page.passphrase, passphrase)
    _type(qtbot, page.again, passphrase if again is None else again)
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)


def test_setting_up_shows_how_sync_stands_and_forgetting_ends_it(
        qtbot: QtBot, window: MainWindow, prompter: ScriptedPrompter,
        sync_folder: Path, tmp_path: Path) -> None:
    laptop = make_runner(tmp_path / "laptop")
    laptop("add", "Read")
    laptop("sync", "--folder", str(sync_folder), "--device-name", "Laptop")
    page = _sync_page(qtbot, window)
    assert page.setup.isVisible() and not page.syncing.isVisible()
    assert page.folder_label.full_text() == NO_FOLDER and not page.start.isEnabled()
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Password

    _start(qtbot, page, prompter, sync_folder, "Desk", "walk the dog", "walk the cat")
    assert page.message.message == NOT_SAME and not window.sync.busy

    _type(qtbot, page.again, "walk the dog")
    page.passphrase.clear()
    page.again.clear()  # no passphrase after all: Laptop's folder is not encrypted
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.syncing.isVisible() and not window.sync.busy,
                    timeout=WAIT_MS)
    assert page.status.text().startswith("Up to date with Laptop · ")
    assert page.devices.text() == "Laptop · last wrote just now"
    assert "This computer is “Desk”" in page.where.text()
    assert "Syncing with" in make_process_runner(window.ctx.ws.db.folder.root)(
        "sync", "--status").stdout
    assert window.sync.watch.folder == sync_folder.resolve() / "Self-Trust" / "devices"
    assert not list(Path(window.ctx.ws.db.folder.root).glob("*.txt"))

    prompter.answers.append(False)  # "Cancel": nothing changes
    qtbot.mouseClick(page.leave, Qt.MouseButton.LeftButton)
    assert page.syncing.isVisible()
    prompter.answers.append(True)
    qtbot.mouseClick(page.leave, Qt.MouseButton.LeftButton)
    kind, title, text, _ = prompter.asked[-1]
    assert (kind, title, text) == ("ask", "Forget this device",
                                   "Stop syncing this computer’s data?")
    qtbot.waitUntil(lambda: page.setup.isVisible(), timeout=WAIT_MS)
    assert "no longer syncs" in page.message.message
    assert window.sync.watch.folder is None and not window.sync.remembered_on


def test_a_wrong_passphrase_is_one_clear_message(
        qtbot: QtBot, window: MainWindow, prompter: ScriptedPrompter,
        sync_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # where the passphrase file goes
    secret = tmp_path / "secret.txt"
    secret.write_text("right horse battery\n")
    make_runner(tmp_path / "laptop")("sync", "--folder", str(sync_folder),
                                     "--passphrase-file", str(secret))
    page = _sync_page(qtbot, window)
    _start(qtbot, page, prompter, sync_folder, "Desk", "wrong horse battery")
    qtbot.waitUntil(lambda: bool(page.message.message), timeout=WAIT_MS)
    assert "passphrase" in page.message.message.lower()
    assert not list(temp.iterdir())  # the passphrase file is gone with the command
    assert page.setup.isVisible() and page.passphrase.text() == ""
    assert not window.sync.set_up
    assert "does not sync yet" in make_process_runner(window.ctx.ws.db.folder.root)(
        "sync", "--status", ok=False).stderr

    _start(qtbot, page, prompter, sync_folder, "Desk", "right horse battery")
    qtbot.waitUntil(lambda: page.syncing.isVisible() and not window.sync.busy,
                    timeout=WAIT_MS)
    assert "encrypted" in page.where.text()
    assert not list(temp.iterdir())


def test_two_commitments_of_one_title_are_offered_for_merging(
        qtbot: QtBot, window: MainWindow, prompter: ScriptedPrompter,
        sync_folder: Path, tmp_path: Path) -> None:
    laptop = make_runner(tmp_path / "laptop")
    laptop("add", "Walk 20 minutes")
    laptop("sync", "--folder", str(sync_folder), "--device-name", "Laptop")
    add(window.ctx.ws, "Walk 20 minutes")
    page = _sync_page(qtbot, window)
    _start(qtbot, page, prompter, sync_folder, "Desk")
    qtbot.waitUntil(lambda: page.offers.isVisible() and not window.sync.busy,
                    timeout=WAIT_MS)

    prompter.answers.append(True)
    merge = page.offers.findChild(type(page.start), "sync-merge")
    qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    assert prompter.asked[-1][2] == ("“Walk 20 minutes” exists on both computers. "
                                     "Merge them into one?")
    qtbot.waitUntil(lambda: "is one commitment now" in page.message.message, timeout=WAIT_MS)
    titles = [c.title for c in window.ctx.ws.commitments.all(include_archived=True)]
    assert titles.count("Walk 20 minutes") == 1  # the window shows the merge
    qtbot.waitUntil(lambda: not page.offers.isVisible(), timeout=WAIT_MS)


def test_a_device_name_that_looks_like_markup_is_shown_as_typed(
        qtbot: QtBot, window: MainWindow, prompter: ScriptedPrompter,
        sync_folder: Path, tmp_path: Path) -> None:
    name = "Anna's <b>Laptop</b>"
    laptop = make_runner(tmp_path / "laptop")
    laptop("add", "Read")
    laptop("sync", "--folder", str(sync_folder), "--device-name", name)
    page = _sync_page(qtbot, window)
    _start(qtbot, page, prompter, sync_folder, "Desk")
    qtbot.waitUntil(lambda: page.syncing.isVisible() and not window.sync.busy,
                    timeout=WAIT_MS)
    for label in (page.status, page.devices):
        assert name in label.text()
        assert label.textFormat() == Qt.TextFormat.PlainText
