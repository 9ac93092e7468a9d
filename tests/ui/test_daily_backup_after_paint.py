"""The day's backup waits until Today has painted (a faster first start of the day):
the data opens without it, and the window makes it once it has painted, once."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from selftrust.services.clock import FixedClock
from selftrust.services.workspace import Workspace, list_backups, open_workspace
from selftrust.ui.shell import launch
from selftrust.ui.shell.main_window import MainWindow


def dailies(folder: Path) -> list[str]:
    return sorted(b.path.name for b in list_backups(folder) if b.kind == "daily")


def test_opening_can_leave_the_backup_for_later(tmp_path: Path, clock: FixedClock) -> None:
    folder = tmp_path / "data"
    ws = open_workspace(folder, clock, daily_backup=False)
    try:
        assert dailies(folder) == []
        made = ws.back_up_if_due()
        assert made is not None and dailies(folder) == ["selftrust-2026-11-24.db"]
        assert ws.back_up_if_due() is None  # one a day
    finally:
        ws.close()


def test_the_window_backs_up_after_painting(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, ws: Workspace, clock: FixedClock,
    window: MainWindow,
) -> None:
    monkeypatch.setattr(launch, "BACKUP_DELAY_MS", 0)
    folder = ws.db.folder.root
    clock.advance(days=1)  # a new day: a backup is due
    launch.back_up_after_painting(ws, window)
    assert "selftrust-2026-11-25.db" not in dailies(folder)
    window.today_painted.emit()
    window.today_painted.emit()
    qtbot.waitUntil(lambda: "selftrust-2026-11-25.db" in dailies(folder), timeout=5000)
    assert dailies(folder).count("selftrust-2026-11-25.db") == 1
