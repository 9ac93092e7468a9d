"""Three devices, each with its own copy of the sync folder, and a file-sync tool between
them that delivers files late, cut short mid-copy, and removes compacted logs late: after
a last full carry and a pass everywhere, every device holds the record a "later change
wins" model predicts."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from sync_core_helpers import Device

from selftrust.sync import engine as engine_module

KEYS = [("commitment", "u1"), ("commitment", "u2"), ("reflection", "r1"), ("setting", "week"),
        ("checkin", "u1/2025-12-31"), ("checkin", "u1/2026-01-01"), ("checkin", "u2/2026-01-01")]


@pytest.fixture(autouse=True)
def small_logs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compaction every few passes, so generations change under the copies."""
    monkeypatch.setattr(engine_module, "COMPACT_FLOOR", 300)


def _carry(source: Device, target: Device, rng: random.Random | None) -> None:
    """What a file-sync tool does for one device's folder; ``rng`` None: all of it, whole."""
    mine = source.root / "Self-Trust" / "devices" / source.device_id
    theirs = target.root / "Self-Trust" / "devices" / source.device_id
    theirs.mkdir(parents=True, exist_ok=True)
    present = {p.name for p in mine.iterdir()}
    for name in sorted(present):
        data = (mine / name).read_bytes()
        if rng is not None and rng.random() < 0.25:
            continue  # not carried yet
        if rng is not None and name.startswith("log-") and rng.random() < 0.35:
            data = data[: rng.randrange(len(data) + 1)]  # still copying, in place
        (theirs / name).write_bytes(data)
    for stale in theirs.iterdir():
        if stale.name not in present and (rng is None or rng.random() < 0.5):
            stale.unlink()


@pytest.mark.parametrize("seed", range(8))
def test_late_and_cut_copies_end_in_the_same_record_everywhere(
    tmp_path: Path, seed: int,
) -> None:
    rng = random.Random(seed)
    people = [Device(tmp_path / name, f"dev{i}", name)
              for i, name in enumerate(["Desk", "Laptop", "Tablet"])]
    for device in people:
        device.root.mkdir()
    people[0].folder()
    for device in people[1:]:
        shutil.copytree(people[0].root / "Self-Trust", device.root / "Self-Trust",
                        ignore=shutil.ignore_patterns("devices"))
        device.folder()
    model: dict[tuple[str, str], Any] = {}
    for step in range(1, 121):
        roll = rng.random()
        device = rng.choice(people)
        if roll < 0.5:
            kind, key = rng.choice(KEYS)
            fields = None if rng.random() < 0.15 else {"note": rng.choice(["a", "b", "c"]),
                                                       "n": step}
            device.change(kind, key, fields, at=step * 1000)
            model[(kind, key)] = fields
        elif roll < 0.8:
            source, target = rng.sample(people, 2)
            _carry(source, target, rng)
        else:
            received = device.sync()
            assert all("damaged" not in words for words in received.skipped)
    for _ in range(2):
        for source in people:
            for target in people:
                if source is not target:
                    _carry(source, target, None)
        for device in people:
            device.sync()
    # The run went through compactions: some reader had to switch generations.
    assert max(people[0].folder().generations(d.device_id)[-1] for d in people) > 1
    for device in people:
        for record in KEYS:
            shown = device.shows(*record)
            if record not in model:
                assert shown is None
            else:
                assert shown is not None and shown.winner.fields == model[record], (
                    device.name, record)
