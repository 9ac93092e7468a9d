"""The daily export to a folder: once a day, only when the data changed, never half."""

from __future__ import annotations

import os
from pathlib import Path

from selftrust.domain.history import Status
from selftrust.services.auto_export import (
    FILE_NAME,
    Outcome,
    auto_export_if_due,
    set_folder,
    state,
)
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.interchange import export_file
from selftrust.services.workspace import Workspace
from tests.services.interchange_helpers import TODAY, fill


def test_off_until_a_folder_is_chosen(ws: Workspace) -> None:
    assert auto_export_if_due(ws).outcome is Outcome.OFF


def test_writes_the_same_file_a_manual_export_would(ws: Workspace, tmp_path: Path) -> None:
    fill(ws)
    sync = tmp_path / "Sync"
    sync.mkdir()
    set_folder(ws, sync)
    result = auto_export_if_due(ws)
    assert result.outcome is Outcome.WRITTEN and result.path == sync / FILE_NAME
    export_file(ws, tmp_path / "manual.json")
    assert (sync / FILE_NAME).read_bytes() == (tmp_path / "manual.json").read_bytes()
    assert sorted(p.name for p in sync.iterdir()) == [FILE_NAME]  # no temporary left
    noted = state(ws)
    assert noted.day == TODAY.isoformat() and noted.folder == str(sync.resolve())
    assert noted.written_at.endswith("Z") and noted.problem == ""


def test_once_a_day_and_only_when_something_changed(
    ws: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    ids = fill(ws)
    sync = tmp_path / "Sync"
    sync.mkdir()
    set_folder(ws, sync)
    target = sync / FILE_NAME
    assert auto_export_if_due(ws).outcome is Outcome.WRITTEN
    os.utime(target, (1_000_000, 1_000_000))
    ws.checkins.record(ids["walk"], TODAY, CheckinState(Status.KEPT))
    assert auto_export_if_due(ws).outcome is Outcome.NOT_DUE  # already done today
    clock.advance(days=1)
    assert auto_export_if_due(ws).outcome is Outcome.WRITTEN  # a new day, new data
    os.utime(target, (1_000_000, 1_000_000))
    clock.advance(days=1)
    assert auto_export_if_due(ws).outcome is Outcome.UNCHANGED  # a new day, same data
    assert target.stat().st_mtime == 1_000_000  # the synced file was not touched
    assert sorted(p.name for p in sync.iterdir()) == [FILE_NAME]


def test_the_bookkeeping_does_not_count_as_a_change(
    ws: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    fill(ws)
    set_folder(ws, tmp_path)
    auto_export_if_due(ws)
    clock.advance(days=1)
    assert auto_export_if_due(ws).outcome is Outcome.UNCHANGED


def test_a_missing_folder_is_reported_and_tried_again(
    ws: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    fill(ws)
    usb = tmp_path / "USB"
    usb.mkdir()
    set_folder(ws, usb)
    usb.rmdir()
    result = auto_export_if_due(ws)
    assert result.outcome is Outcome.FAILED
    assert "is not there" in result.message and "try again" in result.message
    assert state(ws).problem == result.message
    usb.mkdir()
    assert auto_export_if_due(ws).outcome is Outcome.WRITTEN  # the same day: tried again
    assert state(ws).problem == ""


def test_a_deleted_file_is_written_again(ws: Workspace, tmp_path: Path) -> None:
    fill(ws)
    set_folder(ws, tmp_path)
    auto_export_if_due(ws)
    (tmp_path / FILE_NAME).unlink()
    assert auto_export_if_due(ws).outcome is Outcome.WRITTEN


def test_choosing_another_folder_writes_there(
    ws: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    fill(ws)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    set_folder(ws, tmp_path / "a")
    auto_export_if_due(ws)
    set_folder(ws, tmp_path / "b")
    assert auto_export_if_due(ws).outcome is Outcome.WRITTEN
    assert (tmp_path / "b" / FILE_NAME).exists()
    set_folder(ws, None)
    clock.advance(days=1)
    assert auto_export_if_due(ws).outcome is Outcome.OFF


def test_an_unwritable_folder_fails_kindly(ws: Workspace, tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root writes anywhere; use a file in the folder's place
        target = tmp_path / "not-a-folder"
        target.write_text("x")
        set_folder(ws, target)
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        set_folder(ws, locked)
    fill(ws)
    result = auto_export_if_due(ws)
    assert result.outcome is Outcome.FAILED and "try again" in result.message
