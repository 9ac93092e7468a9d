"""Sync's budgets (issue 14), at 20 commitments × 10 years (≈73,000 check-ins):

- a pass with nothing new: ≤ 20 ms (no document is loaded);
- receiving a day's changes of 20 commitments, with the 10 years already merged: ≤ 100 ms;
- a fresh device receiving the whole record: ≤ 5 s;
- a device's files after a year of daily passes: ≤ 2 × one snapshot of its entries.

Only the sync package is measured here (files and documents over a file cache); the app's
pass adds its SQLite work. Measure with
``pytest tests/benchmarks/test_sync_bench.py --benchmark-enable``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from bench_data import bench_size

from selftrust.sync import Engine, FileDocCache, MemoryDocCache, Stamp, SyncFolder, Version

COMMITMENTS, YEARS = bench_size()
START = date(2016, 12, 7)
DAYS = 365 * YEARS
DAY_MS = 86_400_000
EPOCH_MS = 1_480_000_000_000


def _uid(i: int) -> str:
    return f"{i:032x}"


def _checkin(device: str, i: int, day_index: int, n: int) -> Version:
    day = START + timedelta(days=day_index)
    note = "Walked to the river and back" if n % 7 == 0 else ""
    return Version("checkin", f"{_uid(i)}/{day.isoformat()}",
                   {"status": "kept", "value": None, "note": note},
                   Stamp(EPOCH_MS + day_index * DAY_MS, device, n))


def _history(device: str) -> list[Version]:
    versions = [Version("commitment", _uid(i),
                        {"title": f"Commitment {i}", "why": "", "kind": "yes_no",
                         "schedule": {"kind": "daily"}, "color": "#336699", "position": i,
                         "created_on": START.isoformat(), "archived_on": None},
                        Stamp(EPOCH_MS, device, i)) for i in range(COMMITMENTS)]
    n = 0
    for day_index in range(DAYS):
        for i in range(COMMITMENTS):
            n += 1
            versions.append(_checkin(device, i, day_index, n))
    return versions


@dataclass
class Shared:
    root: Path
    writer: SyncFolder
    writer_cache: FileDocCache
    reader: SyncFolder
    reader_cache: FileDocCache
    next_day: int = DAYS

    def publish_a_day(self) -> None:
        versions = [_checkin("desk", i, self.next_day, i) for i in range(COMMITMENTS)]
        self.next_day += 1
        Engine(self.writer, self.writer_cache).publish(versions)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shared]:
    """Ten years written by one device and merged by another, caches on disk."""
    base = tmp_path_factory.mktemp("sync-bench")
    writer = SyncFolder.open(base, "desk", "Desk", None)
    reader = SyncFolder.open(base, "laptop", "Laptop", None)
    state = Shared(base, writer, FileDocCache(base / "desk-cache", durable=False),
                   reader, FileDocCache(base / "laptop-cache", durable=False))
    Engine(writer, state.writer_cache).publish(_history("desk"))
    Engine(reader, state.reader_cache).receive()
    yield state


def test_sync_pass_with_nothing_new(benchmark: Any, shared: Shared) -> None:
    def run() -> None:
        engine = Engine(shared.reader, shared.reader_cache)
        engine.publish([])
        received = engine.receive()
        assert received.changed == {}

    benchmark.pedantic(run, rounds=30, iterations=1, warmup_rounds=2)


def test_sync_receive_a_days_changes(benchmark: Any, shared: Shared) -> None:
    def setup() -> tuple[tuple[()], dict[str, Any]]:
        shared.publish_a_day()
        return (), {}

    def run() -> None:
        received = Engine(shared.reader, shared.reader_cache).receive()
        assert len(received.changed) == COMMITMENTS

    benchmark.pedantic(run, setup=setup, rounds=15, iterations=1, warmup_rounds=1)


def test_sync_fresh_device_receives_everything(benchmark: Any, shared: Shared) -> None:
    joined = iter(range(100))

    def setup() -> tuple[tuple[Engine], dict[str, Any]]:
        folder = SyncFolder.open(shared.root, f"new{next(joined)}", "New", None)
        return (Engine(folder, MemoryDocCache()),), {}

    def run(engine: Engine) -> None:
        received = engine.receive()
        assert len(received.changed) >= COMMITMENTS * (DAYS + 1)

    benchmark.pedantic(run, setup=setup, rounds=3, iterations=1)
    for extra in shared.root.glob("Self-Trust/devices/new*"):
        for file in extra.iterdir():
            file.unlink()
        extra.rmdir()


def test_sync_folder_after_a_year_of_daily_passes(benchmark: Any, tmp_path: Path) -> None:
    """A year of daily passes (each day's check-ins, and yesterday's note changed) keeps a
    device's files within twice one snapshot of what it holds. ``worst`` is the largest
    files ÷ last compaction's snapshot after any pass of the year (an upper bound: the
    snapshot only grows); ``ratio`` the figure at the year's end."""
    folder = SyncFolder.open(tmp_path, "desk", "Desk", None)
    cache = MemoryDocCache()
    own = tmp_path / "Self-Trust" / "devices" / "desk"
    worst = 0.0

    def a_year() -> None:
        nonlocal worst
        n = 0
        for day_index in range(365):
            versions = []
            for i in range(COMMITMENTS):
                n += 1
                versions.append(_checkin("desk", i, day_index, n))
            if day_index:
                edited = _checkin("desk", 0, day_index - 1, n)
                versions.append(Version(edited.kind, edited.key, {
                    "status": "kept", "value": None, "note": f"Changed on day {day_index}"},
                    edited.stamp))
            Engine(folder, cache).publish(versions)
            last_snapshot = folder.state("desk").snapshot_bytes
            if last_snapshot:
                files = sum(p.stat().st_size for p in own.iterdir())
                worst = max(worst, files / last_snapshot)

    benchmark.pedantic(a_year, rounds=1, iterations=1)
    files = sum(p.stat().st_size for p in own.iterdir())
    snapshot = Engine(folder, cache).compact()
    ratio = files / snapshot
    benchmark.extra_info.update(files=files, snapshot=snapshot, ratio=round(ratio, 3),
                                worst=round(worst, 3))
    assert ratio <= 2.0 and worst <= 2.0, (files, snapshot, worst)
