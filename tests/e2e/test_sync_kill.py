"""SIGKILL during a sync pass, at SQL statements and file renames spread over the whole
pass: the database stays whole, the device's log reads up to its last whole record, and
the next pass completes the merge (nothing the device had saved is lost on the way)."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest

from selftrust.sync.framing import read_log
from tests.e2e.helpers import cli_env
from tests.e2e.sync_helpers import Device, devices
from tests.reliability.rel_scale import scaled
from tests.reliability.rel_steps import FILES, SQL, dying_command, steps_logged

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

KILLS = scaled(6, 60)
NOW = "2026-11-24T12:00:00"


def _prepared(root: Path) -> tuple[Device, Device, Path]:
    """Two devices in one folder, the desk with changes not sent yet."""
    folder = root / "Sync"
    folder.mkdir(parents=True)
    desk, laptop = devices(root, "desk", "laptop")
    laptop.run("add", "Read", "--start", "2026-11-01")
    laptop.run("check", "Read", "--day", "2026-11-20", "--note", "a long chapter")
    laptop.sync("--folder", str(folder), "--device-name", "Laptop", now="2026-11-24T08:00:00")
    desk.run("add", "Walk", "--start", "2026-11-01")
    desk.sync("--folder", str(folder), "--device-name", "Desk", now="2026-11-24T09:00:00")
    for day in range(1, 16):
        desk.run("check", "Walk", "--day", f"2026-11-{day:02d}", "--note", f"walk {day}")
    desk.run("reflect", "Walk", "--day", "2026-11-15", "--happened", "Slow but done")
    laptop.run("check", "Read", "--day", "2026-11-21")
    laptop.sync(now="2026-11-24T10:00:00")
    return desk, laptop, folder


def _dying_pass(k: int, desk: Device) -> bool:
    """Run the desk's pass, killed before its k-th step; True if it was killed."""
    result = subprocess.run(
        dying_command(k, desk.data.parent / "steps.log", "--data-dir", str(desk.data), "sync",
                      kinds=(SQL, FILES)),
        capture_output=True, text=True, timeout=120, env=cli_env(SELFTRUST_NOW=NOW))
    if result.returncode == -signal.SIGKILL:
        return True
    assert result.returncode == 0, result.stderr
    return False


def _whole(desk: Device, folder: Path) -> None:
    con = sqlite3.connect(desk.data / "selftrust.db")
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()
    for log in folder.glob("Self-Trust/devices/*/log-*.bin"):
        read = read_log(log)  # whole records up to ``end``; a cut last one is not damage
        assert not read.corrupt and read.end <= log.stat().st_size, log


def test_a_pass_killed_anywhere_completes_next_time(tmp_path: Path) -> None:
    template = tmp_path / "template"
    desk, laptop, folder = _prepared(template)
    expected_checkins = len(desk.record()["checkins"].keys() | laptop.record()["checkins"].keys())
    calibration = _copy(template, tmp_path / "calibrate")[0]
    assert not _dying_pass(0, calibration)
    steps = len(steps_logged(calibration.data.parent / "steps.log"))
    assert steps > 10
    aims = sorted({max(1, round(i * steps / KILLS)) for i in range(1, KILLS + 1)})
    for n, k in enumerate(aims):
        desk, laptop, folder = _copy(template, tmp_path / f"kill-{n}")
        assert _dying_pass(k, desk), f"step {k} of {steps} was not reached"
        _whole(desk, folder)
        desk.sync(now="2026-11-24T12:01:00")
        laptop.sync(now="2026-11-24T12:02:00")
        desk.sync(now="2026-11-24T12:03:00")
        _whole(desk, folder)
        assert desk.record() == laptop.record(), f"killed at step {k}"
        assert len(desk.record()["checkins"]) == expected_checkins
        assert len(desk.record()["reflections"]) == 1


def _copy(template: Path, root: Path) -> tuple[Device, Device, Path]:
    shutil.copytree(template, root)
    desk, laptop = devices(root, "desk", "laptop")
    for device in (desk, laptop):  # the copy syncs with its own folder
        con = sqlite3.connect(device.data / "selftrust.db")
        try:
            con.execute("UPDATE sync_state SET folder = ?", (str((root / "Sync").resolve()),))
            con.commit()
        finally:
            con.close()
    return desk, laptop, root / "Sync"

