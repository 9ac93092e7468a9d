"""Three computers and one folder: every kind of change reaches every device, the later
change wins by the clocks (ties by device id), and typed text is never dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.sync_helpers import (
    Device,
    delete_reflection,
    devices,
    edit_reflection,
    reflection_uids,
    sync_setting,
)

T = "2026-11-24T{}:00"


@pytest.fixture
def trio(tmp_path: Path) -> list[Device]:
    folder = tmp_path / "Sync"
    folder.mkdir()
    trio = devices(tmp_path, "desk", "laptop", "attic")
    for n, (device, name) in enumerate(zip(trio, ("Desk", "Laptop", "Attic"), strict=True)):
        device.sync("--folder", str(folder), "--device-name", name, now=T.format(f"07:0{n}"))
    return trio


def _everyone(trio: list[Device], now: str) -> None:
    for _ in range(2):
        for device in trio:
            device.sync(now=now)


def test_every_kind_of_change_reaches_every_device(trio: list[Device]) -> None:
    desk, laptop, attic = trio
    desk.run("add", "Walk", "--start", "2026-11-01", SELFTRUST_NOW=T.format("08:00"))
    laptop.run("add", "Read", "--measurable", "pages", "--target", "20", "--start",
               "2026-11-01", SELFTRUST_NOW=T.format("08:00"))
    _everyone(trio, T.format("08:05"))
    attic.run("check", "Walk", "--day", "2026-11-20", "--missed", "--note", "rain",
              SELFTRUST_NOW=T.format("09:00"))
    attic.run("check", "Read", "--day", "2026-11-20", "--value", "12",
              SELFTRUST_NOW=T.format("09:00"))
    _everyone(trio, T.format("09:00"))
    laptop.run("reflect", "Walk", "--day", "2026-11-20", "--happened", "It rained all day",
               SELFTRUST_NOW=T.format("09:01"))
    desk.run("edit", "Walk", "--why", "fresh air", "--schedule", "mon,wed,fri",
             SELFTRUST_NOW=T.format("09:02"))
    desk.run("pause", "Read", "--from", "2026-12-01", "--to", "2026-12-05",
             SELFTRUST_NOW=T.format("09:02"))
    desk.run("settings", "week-start", "sunday", SELFTRUST_NOW=T.format("09:03"))
    _everyone(trio, T.format("09:10"))
    assert desk.record() == laptop.record() == attic.record()
    record = desk.record()
    assert len(record["checkins"]) == 2 and len(record["reflections"]) == 1
    [reflection] = record["reflections"].values()
    assert reflection[2] == "2026-11-20"  # linked to the missed day it repairs
    assert record["settings"]["week_start"] == "6"

    [uid] = reflection_uids(desk)
    edit_reflection(attic, uid, T.format("10:00"), learned="Take a coat")
    attic.run("check", "Walk", "--day", "2026-11-20", "--clear", SELFTRUST_NOW=T.format("10:00"))
    laptop.run("check", "Read", "--day", "2026-11-20", "--value", "25",
               SELFTRUST_NOW=T.format("10:01"))
    desk.run("archive", "Read", SELFTRUST_NOW=T.format("10:02"))
    _everyone(trio, T.format("10:10"))
    assert desk.record() == laptop.record() == attic.record()
    record = desk.record()
    assert [r[6] for r in record["reflections"].values()] == ["Take a coat"]
    assert [v[:2] for v in record["checkins"].values()] == [("kept", 25.0)]
    assert sum(1 for c in record["commitments"].values() if c[16]) == 1  # Read archived

    delete_reflection(laptop, uid, T.format("11:00"))
    _everyone(trio, T.format("11:10"))
    assert desk.record() == laptop.record() == attic.record()
    assert desk.record()["reflections"] == {}


def test_the_later_change_wins_and_a_tie_goes_by_device_id(
    trio: list[Device], monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, laptop, attic = trio
    desk.run("add", "Walk", "--start", "2026-11-01", SELFTRUST_NOW=T.format("08:00"))
    _everyone(trio, T.format("08:01"))
    # Apart: the laptop changes the day later than the desk, but passes first.
    desk.run("check", "Walk", "--day", "2026-11-23", "--skipped", SELFTRUST_NOW=T.format("09:00"))
    laptop.run("check", "Walk", "--day", "2026-11-23", "--missed",
               SELFTRUST_NOW=T.format("09:30"))
    laptop.sync(now=T.format("09:30"))
    desk.sync(now=T.format("09:00"))
    _everyone(trio, T.format("10:00"))
    assert desk.record() == laptop.record() == attic.record()
    assert [v[0] for v in attic.record()["checkins"].values()] == ["missed"]

    # At the very same moment: the greater device id wins, on every device. (A change is
    # stamped by the pass's clock less the change's age on the real clock; with the real
    # clock held still, both changes are stamped exactly 11:00.)
    monkeypatch.setattr("selftrust.services.sync.pass_.real_now_ms", lambda: 0)
    desk.run("check", "Walk", "--day", "2026-11-22", "--skipped", SELFTRUST_NOW=T.format("11:00"))
    attic.run("check", "Walk", "--day", "2026-11-22", SELFTRUST_NOW=T.format("11:00"))
    desk.sync(now=T.format("11:00"))
    attic.sync(now=T.format("11:00"))
    _everyone(trio, T.format("11:00"))
    assert desk.record() == laptop.record() == attic.record()
    winner = max((desk, "skipped"), (attic, "kept"), key=lambda d: sync_setting(d[0], "device_id"))
    day = next(v for k, v in laptop.record()["checkins"].items() if k[1] == "2026-11-22")
    assert day[0] == winner[1]


def test_text_changed_on_two_devices_keeps_both(trio: list[Device]) -> None:
    desk, laptop, attic = trio
    desk.run("add", "Walk", "--start", "2026-11-01", SELFTRUST_NOW=T.format("08:00"))
    desk.run("reflect", "Walk", "--day", "2026-11-20", "--happened", "Tired",
             SELFTRUST_NOW=T.format("08:00"))
    _everyone(trio, T.format("08:01"))
    [uid] = reflection_uids(desk)
    edit_reflection(desk, uid, T.format("09:00"), happened="Tired after work")
    edit_reflection(laptop, uid, T.format("09:05"), happened="Tired, and it was dark")
    desk.sync(now=T.format("09:00"))
    told = laptop.sync(now=T.format("09:05"))
    assert told["conflicts"] == 1
    assert told["conflict_messages"] == [
        "This reflection was also changed on Desk; both versions are kept."]
    _everyone(trio, T.format("09:10"))
    assert desk.record() == laptop.record() == attic.record()
    [shown] = desk.record()["reflections"].values()
    assert shown[3] == "Tired, and it was dark"
    for device in trio:
        status = device.run("sync", "--status", "--json").stdout
        assert "both versions are kept" in status
        assert _kept_text(device) == ["Tired after work"]


def _kept_text(device: Device) -> list[str]:
    import sqlite3

    con = sqlite3.connect(device.data / "selftrust.db")
    try:
        return [r[0] for r in con.execute("SELECT other_text FROM sync_conflict")]
    finally:
        con.close()
