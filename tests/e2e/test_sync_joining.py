"""A second computer joining, an encrypted folder, a newer device, a file mid-copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.e2e.sync_helpers import devices

T = "2026-11-24T{}:00"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "Sync"
    folder.mkdir()
    return folder


def test_joining_backs_up_first_and_offers_same_titles(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    desk, laptop = devices(tmp_path, "desk", "laptop")
    desk.run("add", "Walk", "--start", "2026-11-01")
    desk.run("check", "Walk", "--day", "2026-11-20")
    desk.run("check", "Walk", "--day", "2026-11-18")
    desk.sync("--folder", str(folder), "--device-name", "Desk", now=T.format("08:00"))
    laptop.run("add", "walk", "--start", "2026-11-01")
    laptop.run("check", "walk", "--day", "2026-11-21", "--note", "by the river")
    laptop.run("check", "walk", "--day", "2026-11-20", "--missed")
    laptop.run("check", "walk", "--day", "2026-11-19", "--skipped")
    joined = laptop.sync("--folder", str(folder), "--device-name", "Laptop",
                         now=T.format("09:00"))
    assert joined["backup"] and Path(joined["backup"]).is_file()
    assert "before-sync" in Path(joined["backup"]).name
    assert joined["offers"] == ["Walk"] or joined["offers"] == ["walk"]
    assert len(laptop.record()["commitments"]) == 2  # nothing merged by title alone
    text = laptop.run("sync", SELFTRUST_NOW=T.format("09:01")).stdout
    assert 'selftrust sync --merge "' in text

    merged = json.loads(laptop.run("sync", "--merge", "WALK", "--json").stdout)
    # The commitment here first stays; the other's days fill the days it had none for
    # (both had the 20th: the one here first keeps its own).
    assert merged["merged"] == "walk" and merged["checkins_moved"] == 1
    laptop.sync(now=T.format("09:02"))
    desk.sync(now=T.format("09:03"))
    assert desk.record() == laptop.record()
    record = desk.record()
    assert len(record["commitments"]) == 1
    assert sorted((k[1], v[0], v[2]) for k, v in record["checkins"].items()) == [
        ("2026-11-18", "kept", None), ("2026-11-19", "skipped", None),
        ("2026-11-20", "missed", None), ("2026-11-21", "kept", "by the river")]
    assert desk.sync(now=T.format("09:04"))["offers"] == []


def test_a_wrong_passphrase_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    desk, laptop = devices(tmp_path, "desk", "laptop")
    secret, wrong = tmp_path / "secret.txt", tmp_path / "wrong.txt"
    secret.write_text("correct horse battery staple\nsecond line is ignored\n")
    wrong.write_text("Tr0ub4dor&3\n")
    desk.run("add", "Walk", "--start", "2026-11-01", "--why", "Fresh air with Mia")
    desk.sync("--folder", str(folder), "--passphrase-file", str(secret), now=T.format("08:00"))
    laptop.run("add", "Read", "--start", "2026-11-01")
    before = (laptop.data / "selftrust.db").read_bytes()
    files_before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    refused = laptop.run("sync", "--folder", str(folder), "--passphrase-file", str(wrong),
                         ok=False)
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1 and "passphrase" in refused.stderr
    none = laptop.run("sync", "--folder", str(folder), ok=False)
    assert none.returncode == 2 and "passphrase" in none.stderr
    assert (laptop.data / "selftrust.db").read_bytes() == before
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == files_before
    assert not (laptop.data / "sync-passphrase").exists()

    laptop.sync("--folder", str(folder), "--passphrase-file", str(secret), now=T.format("09:00"))
    assert (laptop.data / "sync-passphrase").stat().st_mode & 0o777 == 0o600
    desk.sync(now=T.format("09:01"))  # the passphrase was set once: not asked again
    assert desk.record() == laptop.record()
    everything = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
    for plain in (b"Walk", b"Fresh air", b"Mia", b"Read"):
        assert plain not in everything


def test_a_device_of_a_newer_format_is_skipped_with_a_message(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    [desk] = devices(tmp_path, "desk")
    desk.sync("--folder", str(folder), now=T.format("08:00"))
    newer = folder / "Self-Trust" / "devices" / ("f" * 32)
    newer.mkdir()
    (newer / "device.json").write_text(json.dumps(
        {"format": 99, "generation": 1, "snapshot_bytes": 0, "name": "Future laptop",
         "last_write": "2027-01-01T00:00:00Z"}))
    (newer / "log-000001.bin").write_bytes(b"\x00" * 64)
    result = desk.sync(now=T.format("08:01"))
    assert any("Future laptop" in m for m in result["skipped"]), result
    text = desk.run("sync", SELFTRUST_NOW=T.format("08:02")).stdout
    assert "Future laptop" in text


def test_a_log_cut_mid_copy_is_picked_up_on_the_next_pass(tmp_path: Path) -> None:
    shared, private = _folder(tmp_path), tmp_path / "DeskOnly"
    private.mkdir()
    desk, laptop = devices(tmp_path, "desk", "laptop")
    desk.run("add", "Walk", "--start", "2026-11-01")
    for day in range(1, 21):
        desk.run("check", "Walk", "--day", f"2026-11-{day:02d}", "--note", f"day {day}")
    desk.sync("--folder", str(private), "--device-name", "Desk", now=T.format("08:00"))
    shutil.copytree(private / "Self-Trust", shared / "Self-Trust")
    [log] = (shared / "Self-Trust" / "devices").glob("*/log-*.bin")
    whole = log.read_bytes()
    log.write_bytes(whole[: len(whole) * 2 // 3])  # the sync tool is still copying
    first = laptop.sync("--folder", str(shared), "--device-name", "Laptop",
                        now=T.format("09:00"))
    assert first["skipped"] == []  # a short file is normal, not an error
    log.write_bytes(whole)
    laptop.sync(now=T.format("09:01"))
    assert laptop.record()["checkins"] == desk.record()["checkins"]
    assert len(laptop.record()["checkins"]) == 20
