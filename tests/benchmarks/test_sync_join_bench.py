"""Sync as the person meets it, whole processes at this run's size (20 × 10 by default):

- a second computer joining a folder that holds the whole record: the
  ``selftrust sync --folder F`` process, start to end (backup, merge, first send):
  ≤ 5 s (issue 14);
- a pass that brings a day's changes of every commitment from the other computer: the
  ``selftrust sync`` process, start to end (the app starts one a few seconds after the
  folder changes);
- the window's own peak memory with sync on (the follower running its passes as
  processes) against sync off, through the same short use (``sync_memory_probe.py``):
  ≤ +30 MB.

Each is recorded for the report ("sync join process", "sync day pass process",
"sync window memory"). Without --benchmark-enable each runs once as a smoke test and
no budget is asserted.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from bench_data import BENCH_NOW, REPO, bench_size, demo_folder
from bench_figures import record
from sync_memory_probe import measure
from today_bench_support import benchmarks_enabled

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.errors import UserError
from selftrust.services.workspace import open_workspace

JOIN_BUDGET_S = 5.0
MEMORY_BUDGET_MB = 30.0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")])
    env.pop("SELFTRUST_DATA_DIR", None)
    return env


def _sync(data: Path, *args: str, now: str = BENCH_NOW) -> float:
    """Run ``selftrust sync`` as a process; returns its wall time in seconds."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "selftrust", "--data-dir", str(data), "sync", *args],
        env={**_env(), "SELFTRUST_NOW": now}, capture_output=True, text=True, timeout=300)
    spent = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-3000:]
    return spent


def _rounds(request: pytest.FixtureRequest, many: int) -> int:
    return many if benchmarks_enabled(request.config) else 1


@pytest.fixture(scope="module")
def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the desk's data, the folder it synced its whole record to)."""
    base = tmp_path_factory.mktemp("sync-join")
    desk, folder = base / "desk", base / "Sync"
    shutil.copytree(demo_folder(*bench_size()), desk)
    folder.mkdir()
    _sync(desk, "--folder", str(folder), "--device-name", "Desk")
    return desk, folder


def test_sync_join_as_a_process(request: pytest.FixtureRequest,
                                shared_folder: tuple[Path, Path],
                                tmp_path: Path) -> None:
    _, folder = shared_folder
    devices = folder / "Self-Trust" / "devices"
    before = {d.name for d in devices.iterdir()}
    times = []
    for n in range(_rounds(request, 3)):
        laptop = tmp_path / f"laptop{n}"
        times.append(_sync(laptop, "--folder", str(folder), "--device-name", f"Laptop {n}"))
        assert any((laptop / "backups").glob("selftrust-before-sync-*.db"))  # backed up first
        shutil.rmtree(laptop)
        for extra in devices.iterdir():  # each round joins the folder as the desk left it
            if extra.name not in before:
                shutil.rmtree(extra)
    median = statistics.median(times)
    record("sync join process", median_s=round(median, 3), runs=[round(t, 3) for t in times])
    print(f"\njoin as a process: median {median:.2f} s of {[round(t, 2) for t in times]}")
    if benchmarks_enabled(request.config):
        assert median <= JOIN_BUDGET_S, times


def test_sync_days_changes_pass_as_a_process(request: pytest.FixtureRequest,
                                             shared_folder: tuple[Path, Path],
                                             tmp_path: Path) -> None:
    desk, folder = shared_folder
    laptop = tmp_path / "laptop"
    _sync(laptop, "--folder", str(folder), "--device-name", "Laptop")
    first = datetime.fromisoformat(BENCH_NOW).date() + timedelta(days=1)
    times = []
    for n in range(_rounds(request, 5)):
        day = first + timedelta(days=n)
        now = f"{day.isoformat()}T21:00:00"
        changed = _a_days_check_ins(desk, day)
        _sync(desk, now=now)
        times.append(_sync(laptop, now=now))
        assert changed
    median = statistics.median(times)
    record("sync day pass process", median_s=round(median, 3),
           runs=[round(t, 3) for t in times])
    print(f"\na day's changes as a process: median {median:.2f} s of "
          f"{[round(t, 2) for t in times]}")


def test_sync_window_memory(request: pytest.FixtureRequest) -> None:
    off = measure(size=bench_size(), sync=False)
    on = measure(size=bench_size(), sync=True)
    for figures in (off, on):
        assert "error" not in figures, figures.get("error")
    assert on["passes"] >= 3  # caught up, sent the check-off, merged the other's check-in
    added = round(on["peak_mb"] - off["peak_mb"], 1)
    record("sync window memory", off_mb=off["peak_mb"], on_mb=on["peak_mb"], added_mb=added,
           passes=on["passes"])
    print(f"\nwindow peak memory: sync off {off['peak_mb']} MB, on {on['peak_mb']} MB "
          f"({added:+} MB)")
    if benchmarks_enabled(request.config):
        assert added <= MEMORY_BUDGET_MB, (off, on)


def _a_days_check_ins(data: Path, day: date) -> int:
    """Every commitment that can be checked on ``day`` is, as a person would by evening."""
    clock = FixedClock(datetime.combine(day, datetime.min.time()).replace(hour=21).astimezone())
    done = 0
    with open_workspace(data, clock, daily_backup=False) as ws:
        for commitment in ws.commitments.all():
            try:
                ws.checkins.record(commitment.id, day, CheckinState(Status.KEPT))
                done += 1
            except UserError:
                continue  # not due or not started that day
    return done

