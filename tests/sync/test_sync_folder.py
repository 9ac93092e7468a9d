"""The sync folder's layout: each device writes only its own files, described atomically;
a folder or device from a newer version is met with a clear message."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from sync_core_helpers import devices

from selftrust.sync import SyncError, SyncFolder


def test_opening_creates_the_layout_and_describes_the_device(tmp_path: Path) -> None:
    folder = SyncFolder.open(tmp_path, "dev0", "Desk", None)
    base = tmp_path / "Self-Trust"
    assert json.loads((base / "format.json").read_text())["format"] == 1
    description = json.loads((base / "devices" / "dev0" / "device.json").read_text())
    assert description["name"] == "Desk" and description["format"] == 1
    assert [d.name for d in folder.devices()] == ["Desk"]
    assert folder.devices()[0].this_device
    assert stat.S_IMODE((base / "devices" / "dev0").stat().st_mode) == 0o700
    assert [p.name for p in (base / "devices" / "dev0").iterdir()] == ["device.json"]


def test_a_new_device_name_is_written_and_seen_by_others(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change("commitment", "u1", {"title": "Walk"})
    SyncFolder.open(tmp_path, "dev0", "Study", None)
    names = {d.device_id: d.name for d in laptop.folder().devices()}
    assert names == {"dev0": "Study", "dev1": "Laptop"}
    last = {d.device_id: d.last_write for d in laptop.folder().devices()}
    assert last["dev0"] is not None and last["dev0"].endswith("Z")  # kept across renaming


def test_a_missing_folder_is_told_plainly(tmp_path: Path) -> None:
    with pytest.raises(SyncError, match="cannot be found"):
        SyncFolder.open(tmp_path / "unplugged", "dev0", "Desk", None)


def test_a_folder_of_a_newer_format_is_not_touched(tmp_path: Path) -> None:
    base = tmp_path / "Self-Trust"
    base.mkdir()
    (base / "format.json").write_text('{"format": 7}')
    with pytest.raises(SyncError, match="newer version of Self-Trust"):
        SyncFolder.open(tmp_path, "dev0", "Desk", None)
    assert [p.name for p in base.iterdir()] == ["format.json"]


def test_a_folder_whose_settings_have_not_arrived_yet_is_not_set_up_again(
    tmp_path: Path,
) -> None:
    """Another device's files are here but format.json is still on its way: writing one
    would make two writers of one file."""
    (tmp_path / "Self-Trust" / "devices" / "other").mkdir(parents=True)
    with pytest.raises(SyncError, match="try again"):
        SyncFolder.open(tmp_path, "dev0", "Desk", None)
    assert not (tmp_path / "Self-Trust" / "format.json").exists()


def test_leaving_removes_only_this_devices_files(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change("commitment", "u1", {"title": "Walk"})
    laptop.change("commitment", "u2", {"title": "Read"})
    laptop.folder().leave()
    assert [d.device_id for d in desk.folder().devices()] == ["dev0"]


def test_a_device_id_cannot_reach_outside_its_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        SyncFolder.open(tmp_path, "../escape", "Desk", None)
