"""Two app windows on one machine for the sync tests: two data folders, one sync folder,
each window with its own preferences, both in this test process; the passes are real
`selftrust sync` processes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from shutil import copyfile

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from selftrust.services.clock import FixedClock
from selftrust.services.workspace import open_workspace
from selftrust.store.paths import DataFolder
from selftrust.ui.shell.launch import make_context
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.shell.prefs import UiPrefs

NOON = datetime(2026, 11, 24, 12, 0).astimezone()  # the fixed clock of every UI test

WAIT_MS = 30_000  # setting up: a few new Python processes on a busy machine


def quick(window: MainWindow) -> MainWindow:
    """Timers of a test: a save is sent 0.3 s after it, a folder settles in 0.15 s."""
    window.sync._send.setInterval(300)
    window.sync.watch._settle.setInterval(150)
    return window


@contextmanager
def second_window(qtbot: QtBot, tmp_path: Path, migrated: Path) -> Iterator[MainWindow]:
    data = tmp_path / "laptop-data"
    copyfile(migrated, DataFolder(data).ensure().database)
    ws = open_workspace(data, FixedClock(NOON), daily_backup=False)
    prefs = UiPrefs(QSettings(str(tmp_path / "laptop-prefs.ini"), QSettings.Format.IniFormat))
    prefs.reduced_motion = True
    ctx = make_context(ws, prefs)
    window = MainWindow(ctx, restore_state=False)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    with qtbot.waitExposed(window):
        window.show()
    try:
        yield quick(window)
    finally:
        window.sync.stop()
        window.close()
        ctx.bridge.detach()
        ws.close()


def join(qtbot: QtBot, window: MainWindow, folder: Path, name: str,
         passphrase: str | None = None) -> None:
    """Set up sync as Preferences → Sync does, and wait for the first pass and look."""
    window.sync.join(folder, name, passphrase)
    qtbot.waitUntil(lambda: window.sync.set_up and not window.sync.busy, timeout=WAIT_MS)


def settled(window: MainWindow) -> bool:
    follower = window.sync
    return not follower.busy and not follower._send.isActive() \
        and not follower.watch._settle.isActive()
