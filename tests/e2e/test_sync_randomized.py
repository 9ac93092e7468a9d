"""Three devices, one folder, hundreds of interleaved changes: every device ends with the
same record, the one "later change wins" gives, and nothing a command saved is lost.

Each device sees the folder through a view of its own, and the test plays the file-sync
tool: it copies one device's files into another's view when it likes, sometimes cut at a
random byte (a copy still in progress). A device only ever writes its own files, so the
copying never overwrites anything a device wrote.

The model: a pass sends each record changed here since the previous pass (found by
comparing the record before and after each command), as it stands at the pass, stamped
with the pass's time and the device; the greatest stamp wins. A few passes run as real
processes; the rest in this process, so the test stays quick. SELFTRUST_RELIABILITY=full
runs many more steps.
"""

from __future__ import annotations

import os
import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tests.e2e.helpers import make_process_runner
from tests.e2e.sync_helpers import (
    Device,
    delete_reflection,
    devices,
    edit_reflection,
    record_of,
    sync_setting,
)
from tests.reliability.rel_scale import scaled

STEPS = scaled(220, 1500)
PROCESS_PASSES = scaled(3, 12)
START = datetime(2026, 11, 24, 8, 0)
DAYS = [f"2026-11-{d:02d}" for d in range(1, 11)]
WORDS = ("rain", "tired", "walked anyway", "late train", "good day", "a friend came", "")

Key = tuple[str, Any]


def _flat(record: dict[str, Any], *, with_links: bool = True) -> dict[Key, Any]:
    out: dict[Key, Any] = {}
    for uid, value in record["commitments"].items():
        out[("commitment", uid)] = value
    for key, value in record["checkins"].items():
        out[("checkin", key)] = value
    for uid, value in record["reflections"].items():
        # The check-in a reflection is linked to is this database's own link, followed
        # wherever the check-in exists; the model compares the text and the day.
        out[("reflection", uid)] = value if with_links else value[:2] + value[3:]
    return out


class World:
    def __init__(self, tmp_path: Path, seed: int) -> None:
        self.rng = random.Random(seed)
        self.devices = devices(tmp_path, "desk", "laptop", "attic")
        self.views = {d.name: tmp_path / f"view-{d.name}" for d in self.devices}
        for view in self.views.values():
            view.mkdir()
        self.now = START
        self.ids: dict[str, str] = {}
        self.dirty: dict[str, set[Key]] = {d.name: set() for d in self.devices}
        self.versions: dict[Key, list[tuple[tuple[str, str], Any]]] = {}
        self.titles = 0
        self.saved = 0

    def tick(self) -> str:
        self.now += timedelta(minutes=1)
        return self.now.isoformat()

    # --- the file-sync tool --------------------------------------------------------------
    def carry(self, source: Device, target: Device, *, cut: float) -> None:
        """Copy ``source``'s own files into ``target``'s view (logs sometimes cut short)."""
        device_id = self.ids[source.name]
        src = self.views[source.name] / "Self-Trust" / "devices" / device_id
        dst = self.views[target.name] / "Self-Trust" / "devices" / device_id
        dst.mkdir(parents=True, exist_ok=True)
        present = {p.name for p in src.iterdir()}
        for gone in [p for p in dst.iterdir() if p.name not in present]:
            gone.unlink()  # a compaction removed an old generation
        for path in src.iterdir():
            data = path.read_bytes()
            if path.suffix == ".bin" and data and self.rng.random() < cut:
                data = data[: self.rng.randrange(len(data))]
            (dst / path.name).write_bytes(data)

    # --- passes --------------------------------------------------------------------------
    def sync(self, device: Device, *, process: bool = False) -> None:
        now = self.tick()
        before = _flat(device.record())
        for key in self.dirty[device.name]:
            self.versions.setdefault(key, []).append(
                ((now, self.ids[device.name]), before.get(key)))
        self.dirty[device.name].clear()
        run = make_process_runner(device.data) if process else device.run
        result = run("sync", SELFTRUST_NOW=now)
        assert result.returncode == 0, result.stderr

    # --- the person's changes ------------------------------------------------------------
    def change(self, device: Device) -> None:
        record = device.record()
        titles = {value[0]: uid for uid, value in record["commitments"].items()}
        reflections = sorted(record["reflections"])
        choice = self.rng.random()
        now = self.tick()
        before = _flat(record)
        if not titles or choice < 0.08:
            self.titles += 1
            ok = self._run(device, now, "add", f"C{self.titles}", "--start", "2026-10-01")
        elif reflections and choice < 0.16:
            uid = self.rng.choice(reflections)
            if self.rng.random() < 0.3:
                delete_reflection(device, uid, now)
            else:
                edit_reflection(device, uid, now, learned=f"{self.rng.choice(WORDS)} {now}")
            ok = True
        else:
            ok = self._commitment_change(device, now, self.rng.choice(sorted(titles)), choice)
        after = _flat(device.record())
        changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        if ok:
            self.saved += 1
        else:
            assert not changed, "a refused command changed the record"
        self.dirty[device.name] |= changed

    def _commitment_change(self, device: Device, now: str, title: str, choice: float) -> bool:
        day = self.rng.choice(DAYS)
        note = self.rng.choice(WORDS)
        if choice < 0.22:
            return self._run(device, now, "edit", title, "--why", f"{note} {now}")
        if choice < 0.26:
            return self._run(device, now, self.rng.choice(("archive", "unarchive")), title)
        if choice < 0.30:
            if self.rng.random() < 0.3:
                return self._run(device, now, "pause", title, "--clear")
            return self._run(device, now, "pause", title, "--from", day, "--to", day)
        if choice < 0.40:
            return self._run(device, now, "check", title, "--day", day, "--clear")
        if choice < 0.50:
            return self._run(device, now, "reflect", title, "--day", day, "--happened",
                             f"{note or 'missed it'} {now}")
        status = self.rng.choice(((), ("--missed",), ("--skipped",)))
        extra = ("--note", note) if note else ()
        return self._run(device, now, "check", title, "--day", day, *status, *extra)

    def _run(self, device: Device, now: str, *args: str) -> bool:
        result = device.run(*args, ok=False, SELFTRUST_NOW=now)
        assert result.returncode in (0, 2), result.stderr
        return result.returncode == 0

    def expected(self) -> dict[Key, Any]:
        out = {}
        for key, versions in self.versions.items():
            value = max(versions, key=lambda v: v[0])[1]
            if value is not None:
                out[key] = value
        return out


def test_three_devices_converge_to_later_change_wins(tmp_path: Path) -> None:
    world = World(tmp_path, seed=int(os.environ.get("SELFTRUST_SYNC_SEED", "20261124")))
    desk, laptop, attic = world.devices
    for device in world.devices:
        if device is not desk:  # the folder's format.json arrives before the device joins
            target = world.views[device.name] / "Self-Trust"
            target.mkdir()
            shutil.copy2(world.views["desk"] / "Self-Trust" / "format.json", target)
        device.run("sync", "--folder", str(world.views[device.name]), "--device-name",
                   device.name, SELFTRUST_NOW=world.tick())
        world.ids[device.name] = sync_setting(device, "device_id")
    process_steps = set(world.rng.sample(range(STEPS), PROCESS_PASSES))
    for step in range(STEPS):
        device = world.rng.choice(world.devices)
        what = world.rng.random()
        if what < 0.62:
            world.change(device)
        elif what < 0.82:
            world.sync(device, process=step in process_steps)
        else:
            source = world.rng.choice([d for d in world.devices if d is not device])
            world.carry(source, device, cut=0.35)
    for _ in range(2):  # the sync tool catches up and everyone passes
        for device in world.devices:
            for source in world.devices:
                if source is not device:
                    world.carry(source, device, cut=0.0)
        for device in world.devices:
            world.sync(device)
    assert world.saved > STEPS // 3
    records = [_flat(record_of(d.data / "selftrust.db")) for d in world.devices]
    assert records[0] == records[1] == records[2]
    model = world.expected()
    wanted = {k: (v if k[0] != "reflection" else v[:2] + v[3:]) for k, v in model.items()}
    held = _flat(desk.record(), with_links=False)
    differ = {k for k in held.keys() | wanted.keys() if held.get(k) != wanted.get(k)}
    assert held == wanted, {k: (held.get(k), world.versions.get(k)) for k in differ}
    assert len(model) > 30
