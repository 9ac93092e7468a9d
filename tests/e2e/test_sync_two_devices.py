"""Two computers, one record: what one does shows on the other after a pass each."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.sync_helpers import devices


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
