"""Two computers, one record: what one does shows on the other after a pass each."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests.e2e.sync_helpers import Device, desk_and_laptop, devices


def test_a_check_in_travels_and_later_change_wins(tmp_path: Path) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    desk, laptop = devices(tmp_path, "desk", "laptop")
    desk.run("add", "Walk", SELFTRUST_NOW="2026-11-24T08:00:00")
    desk.run("check", "Walk", "--day", "2026-11-24", "--note", "sunny",
             SELFTRUST_NOW="2026-11-24T08:01:00")
    first = desk.sync("--folder", str(folder), "--device-name", "Desk",
                      now="2026-11-24T08:02:00")
    assert first["sent"] >= 2 and first["received"] == 0
    joined = laptop.sync("--folder", str(folder), "--device-name", "Laptop",
                         now="2026-11-24T09:00:00")
    assert joined["received"] >= 2
    assert "check-in" in joined["summary"] and "Desk" in joined["summary"]
    assert [d["name"] for d in joined["devices"]] == ["Desk"]
    assert laptop.record() == desk.record()

    laptop.run("check", "Walk", "--day", "2026-11-24", "--missed",
               SELFTRUST_NOW="2026-11-24T10:00:00")
    desk.run("check", "Walk", "--day", "2026-11-24", "--skipped",
             SELFTRUST_NOW="2026-11-24T11:00:00")
    laptop.sync(now="2026-11-24T10:00:01")
    desk.sync(now="2026-11-24T11:00:01")
    laptop.sync(now="2026-11-24T11:00:02")
    assert laptop.record() == desk.record()
    assert desk.record()["checkins"][next(iter(desk.record()["checkins"]))][0] == "skipped"


def _waiting(device: Device) -> int:
    con = sqlite3.connect(device.data / "selftrust.db")
    try:
        return int(con.execute("SELECT count(*) FROM sync_change").fetchone()[0])
    finally:
        con.close()


def test_what_arrives_is_not_sent_back_and_notes_keep_both_texts(tmp_path: Path) -> None:
    desk, laptop = desk_and_laptop(tmp_path, "Read")
    desk.run("check", "Read", "--day", "2026-11-23", "--note", "chapter one")
    desk.sync(now="2026-11-24T09:00:00")
    assert laptop.sync(now="2026-11-24T09:01:00")["received"] == 1
    assert _waiting(laptop) == 0  # a change that arrived is not noted as made here
    assert laptop.sync(now="2026-11-24T09:02:00")["sent"] == 0

    desk.run("check", "Read", "--day", "2026-11-23", "--note", "chapter two, in the bath")
    laptop.run("check", "Read", "--day", "2026-11-23", "--note", "chapter two on the train")
    desk.sync(now="2026-11-24T10:00:00")
    told = laptop.sync(now="2026-11-24T10:01:00")
    assert told["conflict_messages"] == [
        "This note was also changed on Desk; both versions are kept."]
    desk.sync(now="2026-11-24T10:02:00")
    assert desk.record() == laptop.record()
    assert laptop.sync(now="2026-11-24T10:03:00")["conflicts"] == 0  # told once


def test_a_restored_backup_catches_up_with_what_it_had_sent(tmp_path: Path) -> None:
    desk, laptop = desk_and_laptop(tmp_path, "Walk")
    backup = next((desk.data / "backups").glob("selftrust-*.db"))
    shutil.copy2(desk.data / "selftrust.db", backup)  # as the daily backup would hold it
    desk.run("check", "Walk", "--day", "2026-11-23", "--note", "after the backup")
    desk.sync(now="2026-11-24T09:00:00")
    desk.run("restore", str(backup))
    assert desk.record()["checkins"] == {}
    desk.sync(now="2026-11-24T09:30:00")
    laptop.sync(now="2026-11-24T09:31:00")
    assert desk.record() == laptop.record()
    assert [v[2] for v in desk.record()["checkins"].values()] == ["after the backup"]


def test_a_deleted_commitment_edited_later_elsewhere_comes_back_whole(tmp_path: Path) -> None:
    desk, laptop = desk_and_laptop(tmp_path, "Walk")
    for day in ("2026-11-20", "2026-11-21"):
        desk.run("check", "Walk", "--day", day, "--note", f"walk on {day}")
    desk.sync(now="2026-11-24T08:30:00")
    laptop.sync(now="2026-11-24T08:31:00")
    desk.run("delete", "Walk", "--yes", SELFTRUST_NOW="2026-11-24T09:00:00")
    desk.sync(now="2026-11-24T09:00:00")
    laptop.run("edit", "Walk", "--why", "it clears my head", SELFTRUST_NOW="2026-11-24T09:30:00")
    laptop.sync(now="2026-11-24T09:30:00")  # the later change: the edit wins over the delete
    desk.sync(now="2026-11-24T09:31:00")
    assert desk.record() == laptop.record()
    assert len(desk.record()["checkins"]) == 2
