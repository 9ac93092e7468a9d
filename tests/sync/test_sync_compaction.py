"""Compaction keeps a device's files small and is invisible to readers, even one whose
generation vanished under it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_core_helpers import Device, devices

from selftrust.sync import engine as engine_module


@pytest.fixture(autouse=True)
def small_logs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "COMPACT_FLOOR", 512)


def _own_files(device: Device) -> list[Path]:
    return sorted((device.root / "Self-Trust" / "devices" / device.device_id).iterdir())


def _logs_size(device: Device) -> int:
    return sum(p.stat().st_size for p in _own_files(device) if p.name.startswith("log-"))


def test_a_log_that_grew_past_twice_a_snapshot_is_rewritten(tmp_path: Path) -> None:
    (desk,) = devices(tmp_path, 1)
    for day in range(1, 29):
        for round_ in range(3):  # the same check-ins changed again and again
            desk.change("checkin", f"u1/2026-02-{day:02d}", {"status": "kept", "value": round_})
    names = [p.name for p in _own_files(desk)]
    assert names[0] == "device.json" and len(names) == 2 and names[1] != "log-000001.bin"
    # One snapshot is what a fresh generation would hold now.
    snapshot = desk.engine().compact()
    assert snapshot == _logs_size(desk)
    for day in range(1, 29):
        desk.change("checkin", f"u1/2026-02-{day:02d}", {"status": "missed"})
        assert _logs_size(desk) <= 2 * snapshot + 600


def test_a_reader_whose_generation_vanished_reads_the_new_one(tmp_path: Path) -> None:
    desk, laptop, tablet = devices(tmp_path, 3)
    desk.change("reflection", "r1", {"happened": "Kept"})
    desk.change("reflection", "r2", {"happened": "Gone soon"})
    laptop.sync()  # laptop has read generation 1 part way
    desk.change("reflection", "r2", None)
    for day in range(1, 29):
        desk.change("checkin", f"u1/2026-02-{day:02d}", {"status": "kept", "note": "x" * 40})
    assert not (desk.root / "Self-Trust" / "devices" / "dev0" / "log-000001.bin").exists()
    received = laptop.sync()
    assert received.skipped == []
    assert ("reflection", "r2") in received.changed
    for reader in (laptop, tablet):
        tablet.sync()
        r2 = reader.shows("reflection", "r2")
        assert r2 is not None and r2.deleted
        assert reader.fields("reflection", "r1") == {"happened": "Kept"}
        assert reader.fields("checkin", "u1/2026-02-28") == {"status": "kept", "note": "x" * 40}
    # The compacted device goes on writing where its new generation ends.
    desk.change("reflection", "r1", {"happened": "Kept again"})
    laptop.sync()
    assert laptop.fields("reflection", "r1") == {"happened": "Kept again"}


def test_kept_texts_survive_compaction(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change("reflection", "r1", {"happened": "one"}, at=1000)
    laptop.change("reflection", "r1", {"happened": "two"}, at=2000)
    for day in range(1, 29):
        desk.change("checkin", f"u1/2026-02-{day:02d}", {"status": "kept", "note": "y" * 40})
        laptop.change("checkin", f"u2/2026-02-{day:02d}", {"status": "kept", "note": "z" * 40})
    fresh = Device(tmp_path, "dev9", "New")
    fresh.sync()
    shown = fresh.shows("reflection", "r1")
    assert shown is not None and shown.winner.fields == {"happened": "two"}
    assert [c.fields for c in shown.conflicts] == [{"happened": "one"}]


def test_a_compaction_cut_short_leaves_the_record_whole(tmp_path: Path) -> None:
    """A kill mid-compaction leaves a hidden half-written log, or the old generation
    beside the new one; readers use the newest whole log, the writer tidies up."""
    desk, laptop = devices(tmp_path, 2)
    desk.change("commitment", "u1", {"title": "Walk"})
    old_log = _own_files(desk)[1].read_bytes()
    desk.engine().compact()
    own = tmp_path / "Self-Trust" / "devices" / "dev0"
    (own / "log-000001.bin").write_bytes(old_log)
    (own / ".log-000003.bin.partial").write_bytes(b"\xa5STf\x01half a snapshot")
    assert laptop.sync().skipped == []
    assert laptop.fields("commitment", "u1") == {"title": "Walk"}
    desk.change("commitment", "u2", {"title": "Read"})
    assert [p.name for p in _own_files(desk)] == ["device.json", "log-000002.bin"]
    laptop.sync()
    assert laptop.fields("commitment", "u2") == {"title": "Read"}
