"""The day's backup runs on a worker thread and is also the full check of the data: a
damaged file is told plainly, with the way to restore, and nothing is written to it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.errors import DataProblem
from selftrust.services.workspace import open_workspace
from selftrust.ui.shell import daily_backup, launch
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.shell.prefs import UiPrefs
from tests.ui.conftest import ScriptedPrompter


def _orphan_a_page(database: Path) -> None:
    """A page that belongs to nothing: every table still reads, the full check fails."""
    data = bytearray(database.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[28:32] = (len(data) // page_size + 1).to_bytes(4, "big")
    database.write_bytes(bytes(data + bytes(page_size)))


def _scribble_a_page(database: Path) -> None:
    data = bytearray(database.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle : middle + 4096] = os.urandom(4096)
    database.write_bytes(bytes(data))


@pytest.fixture
def data(tmp_path: Path, demo_folders: Any) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(demo_folders(years=2, commitments=8, seed=1), folder)
    return folder


@pytest.fixture
def damaged_data(data: Path) -> Path:
    _orphan_a_page(data / "selftrust.db")
    return data


def test_a_damaged_page_met_while_opening_is_told_and_the_file_kept(
    data: Path, clock: FixedClock
) -> None:
    """After a clean close only the header is checked at open; a damaged page the first
    reads meet is still told as damage (never a crash), and the file stays as it was."""
    _scribble_a_page(data / "selftrust.db")
    before = (data / "selftrust.db").read_bytes()
    ws = open_workspace(data, clock, daily_backup=False)
    try:
        with pytest.raises(DataProblem) as caught:
            ws.ledger.load()  # what Today reads first
        assert caught.value.kind == "damaged" and "restore" in str(caught.value)
    finally:
        ws.close()
    with pytest.raises(DataProblem) as caught:  # the next open checks it in full
        open_workspace(data, clock, daily_backup=False)
    assert caught.value.kind == "damaged" and "restore" in str(caught.value)
    assert (data / "selftrust.db").read_bytes() == before


def test_damage_found_by_the_daily_backup_is_told_and_nothing_more_is_written(
    qapp: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, damaged_data: Path,
    clock: FixedClock, prefs: UiPrefs, prompter: ScriptedPrompter,
) -> None:
    monkeypatch.setattr(launch, "BACKUP_DELAY_MS", 0)
    ws = open_workspace(damaged_data, clock, daily_backup=False)  # the cheap check passes
    ctx = launch.make_context(ws, prefs)
    try:
        window = MainWindow(ctx, restore_state=False)
        qtbot.addWidget(window)
        launch.back_up_after_painting(ws, window)
        prompter.answers = [1]  # "Not now"
        with qtbot.waitSignal(window.daily_backup_done, timeout=20_000) as done:
            window.today_painted.emit()
        assert isinstance(done.args[0], DataProblem) and done.args[0].kind == "damaged"
        kind, title, text, _ = prompter.asked[-1]
        assert (kind, title) == ("choose", daily_backup.DAMAGED_TITLE)
        assert "restore" in text.lower() and str(ws.db.path) in text
        before = ws.db.path.read_bytes()
        commitment = ws.commitments.all()[0]
        with pytest.raises(DataProblem, match="no longer writes"):
            ws.checkins.record(commitment.id, ws.today(), CheckinState(Status.MISSED))
        assert ws.db.path.read_bytes() == before
    finally:
        ctx.bridge.detach()
        ws.close()


def test_the_backup_does_not_hold_up_the_window(
    qapp: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, data: Path,
    clock: FixedClock, prefs: UiPrefs, prompter: ScriptedPrompter,
) -> None:
    """The copy runs on its own thread: the window's thread is free while it runs."""
    monkeypatch.setattr(launch, "BACKUP_DELAY_MS", 0)
    ws = open_workspace(data, clock, daily_backup=False)
    ctx = launch.make_context(ws, prefs)
    seen: list[str] = []
    real = ws.back_up_if_due

    def watched() -> object:
        import threading

        seen.append(threading.current_thread().name)
        return real()

    monkeypatch.setattr(ws, "back_up_if_due", watched)
    try:
        window = MainWindow(ctx, restore_state=False)
        qtbot.addWidget(window)
        launch.back_up_after_painting(ws, window)
        with qtbot.waitSignal(window.daily_backup_done, timeout=20_000) as done:
            window.today_painted.emit()
        assert done.args[0] is not None  # the day's backup was made
        assert seen and seen[0] != "MainThread"
    finally:
        ctx.bridge.detach()
        ws.close()
