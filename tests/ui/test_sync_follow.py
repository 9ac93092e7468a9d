"""The window's follower of the sync folder: a text changed on two computers is told
once and both versions are kept; a check-off made just before closing still leaves
with the window; the app's own passes keep its undo steps."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sync_windows import WAIT_MS, join, quick, settled
from today_support import add, click_circle, open_today, shown, today_view

from selftrust.domain.history import Status
from selftrust.ui.dialogs.sync_notes import KEPT_BOTH_TITLE
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.shell.sync_follow import SyncFollower
from tests.e2e.helpers import make_process_runner, make_runner


def _box(window: MainWindow) -> QMessageBox | None:
    return window.findChild(QMessageBox, "sync-kept-both")


def test_a_note_changed_on_both_computers_is_told_once_and_both_are_kept(
        qtbot: QtBot, window: MainWindow, sync_folder: Path, tmp_path: Path) -> None:
    laptop = make_runner(tmp_path / "laptop")
    laptop("add", "Walk")
    laptop("sync", "--folder", str(sync_folder), "--device-name", "Laptop")
    desk = quick(window)
    join(qtbot, desk, sync_folder, "Desk")
    qtbot.waitUntil(lambda: settled(desk), timeout=WAIT_MS)

    here = make_process_runner(desk.ctx.ws.db.folder.root)  # a terminal beside the window
    here("check", "Walk", "--note", "in the rain")
    laptop("check", "Walk", "--note", "in the sun")
    laptop("sync")

    qtbot.waitUntil(lambda: _box(desk) is not None, timeout=WAIT_MS)
    box = _box(desk)
    assert box is not None and box.windowTitle() == KEPT_BOTH_TITLE
    assert box.text() in ("This note was also changed on Laptop; both versions are kept.",
                          "This note was also changed on Desk; both versions are kept.")
    assert not box.isModal()  # it stops no one
    box.close()
    qtbot.waitUntil(lambda: _box(desk) is None)
    qtbot.waitUntil(lambda: settled(desk), timeout=WAIT_MS)
    desk.sync.sync_now()  # told once: another pass says nothing more
    qtbot.waitUntil(lambda: settled(desk), timeout=WAIT_MS)
    assert _box(desk) is None
    status = json.loads(here("sync", "--status", "--json").stdout)
    assert len(status["conflicts"]) == 1  # the other text is kept


def test_a_check_off_just_before_closing_leaves_with_the_window(
        qtbot: QtBot, window: MainWindow, sync_folder: Path, tmp_path: Path) -> None:
    desk = quick(window)
    add(desk.ctx.ws, "Walk")
    open_today(desk)
    join(qtbot, desk, sync_folder, "Desk")
    qtbot.waitUntil(lambda: settled(desk), timeout=WAIT_MS)
    desk.sync._send.setInterval(60_000)  # only the closing pass can send it

    click_circle(qtbot, today_view(desk), "Walk")
    assert shown(today_view(desk), "Walk").status is Status.KEPT
    desk.close()
    assert not desk.sync.busy

    laptop = make_runner(tmp_path / "laptop")
    laptop("sync", "--folder", str(sync_folder), "--device-name", "Laptop")
    assert "✓ Walk — Every day  (kept, streak 1)" in laptop("list").stdout


def _walk_synced(qtbot: QtBot, window: MainWindow, sync_folder: Path) -> MainWindow:
    """The window with a "Walk" on Today, joined to the folder and settled."""
    desk = quick(window)
    add(desk.ctx.ws, "Walk")
    open_today(desk)
    join(qtbot, desk, sync_folder, "Desk")
    qtbot.waitUntil(lambda: settled(desk), timeout=WAIT_MS)
    return desk


def test_the_windows_own_pass_keeps_its_undo_steps(
        qtbot: QtBot, window: MainWindow, sync_folder: Path) -> None:
    desk = _walk_synced(qtbot, window, sync_folder)
    click_circle(qtbot, today_view(desk), "Walk")
    qtbot.waitUntil(lambda: desk.sync.busy_with == "pass", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: settled(desk), timeout=WAIT_MS)
    desk.outside.check()
    assert desk.ctx.undo.canUndo()
    assert desk.status_text() == ""  # nothing came from elsewhere
    ran: list[str] = []
    desk.sync.job.started.connect(lambda: ran.append("pass"))
    qtbot.wait(1_500)  # the folder it wrote in stays quiet: no pass begets another
    assert ran == [] and settled(desk)


def test_a_send_is_not_followed_by_a_pass_over_its_own_files(
        qtbot: QtBot, window: MainWindow, sync_folder: Path) -> None:
    desk = _walk_synced(qtbot, window, sync_folder)
    own = [d.name for d in (sync_folder / "Self-Trust" / "devices").iterdir()]
    assert desk.sync.watch.ignore == frozenset(own)  # this computer's own folder
    ran: list[str] = []
    desk.sync.job.started.connect(lambda: ran.append("pass"))
    click_circle(qtbot, today_view(desk), "Walk")
    qtbot.waitUntil(lambda: ran == ["pass"], timeout=WAIT_MS)  # the check-off is sent
    qtbot.waitUntil(lambda: settled(desk), timeout=WAIT_MS)
    qtbot.wait(1_500)  # its own new log is not taken for another computer's change
    assert ran == ["pass"] and settled(desk)


def test_a_window_opened_later_follows_the_folder_again(
        qtbot: QtBot, window: MainWindow, sync_folder: Path) -> None:
    join(qtbot, quick(window), sync_folder, "Desk")
    assert window.sync.remembered_on
    later = SyncFollower(window.ctx.ws, window.ctx.prefs, window.ctx.bridge, None,
                         start_after_ms=0, settle_ms=150)
    qtbot.waitUntil(lambda: later.set_up and later.watch.folder is not None, timeout=WAIT_MS)
    assert later.watch.folder == sync_folder.resolve() / "Self-Trust" / "devices"
    qtbot.waitUntil(lambda: later.last is not None, timeout=WAIT_MS)  # caught up at once
    later.stop()
