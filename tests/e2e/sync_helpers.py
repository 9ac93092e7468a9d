"""Devices for sync tests: each a data folder with its own runner, all sharing one folder."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from selftrust.services.clock import FixedClock
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace, open_workspace
from selftrust.store.records import ReflectionRow
from tests.e2e.helpers import Run, make_runner


@dataclass
class Device:
    name: str
    data: Path
    run: Run

    def sync(self, *args: str, now: str | None = None, ok: bool = True) -> dict[str, Any]:
        extra = {"SELFTRUST_NOW": now} if now else {}
        result = self.run("sync", *args, "--json", ok=ok, **extra)
        return json.loads(result.stdout) if result.returncode == 0 else {"error": result.stderr}

    def record(self) -> dict[str, Any]:
        """What a person would compare: commitments, check-ins, reflections, settings."""
        return record_of(self.data / "selftrust.db")


def devices(tmp_path: Path, *names: str) -> list[Device]:
    return [Device(n, tmp_path / n, make_runner(tmp_path / n)) for n in names]


def record_of(db: Path) -> dict[str, Any]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        commitments = {
            r[0]: r[1:] for r in con.execute(
                "SELECT uid, title, why, kind, unit, target, target_per, at_most, schedule_kind,"
                " schedule_times, schedule_days, weekdays, once_on, color, position, created_on,"
                " archived_on, (SELECT group_concat(first_day || '..' || last_day) FROM "
                "(SELECT * FROM pause p WHERE p.commitment_id = c.id ORDER BY first_day)) "
                "FROM commitment c")}
        checkins = {
            (r[0], r[1]): r[2:] for r in con.execute(
                "SELECT c.uid, k.day, k.status, k.value, k.note FROM checkin k "
                "JOIN commitment c ON c.id = k.commitment_id")}
        reflections = {
            r[0]: r[1:] for r in con.execute(
                "SELECT r.uid, r.day, c.uid, k.day, r.happened, r.owning, r.friend, r.learned,"
                " r.next_step, r.feeling_before, r.feeling_after FROM reflection r "
                "LEFT JOIN commitment c ON c.id = r.commitment_id "
                "LEFT JOIN checkin k ON k.id = r.checkin_id")}
        settings = dict(con.execute(
            "SELECT key, value FROM setting WHERE key IN ('day_start_hour', 'week_start')"))
    finally:
        con.close()
    return {"commitments": commitments, "checkins": checkins, "reflections": reflections,
            "settings": settings}


def at(moment: str) -> FixedClock:
    return FixedClock(datetime.fromisoformat(moment))


def reflection_uids(device: Device) -> list[str]:
    return sorted(device.record()["reflections"])


def edit_reflection(device: Device, uid: str, now: str, **parts: str) -> None:
    """Change a reflection's text as the journal does (there is no command for it)."""
    with open_workspace(device.data, at(now)) as ws:
        row = _reflection(ws, uid)
        ws.reflections.update(row.id, ReflectionDraft(
            day=row.day, commitment_id=row.commitment_id,
            **{p: parts.get(p, getattr(row, p)) for p in
               ("happened", "owning", "friend", "learned", "next_step")}))


def delete_reflection(device: Device, uid: str, now: str) -> None:
    with open_workspace(device.data, at(now)) as ws:
        ws.reflections.delete(_reflection(ws, uid).id)


def _reflection(ws: Workspace, uid: str) -> ReflectionRow:
    for row in ws.reflections.search(""):
        if row.uid == uid:
            return row
    raise AssertionError(f"no reflection {uid}")


def sync_setting(device: Device, name: str) -> Any:
    con = sqlite3.connect(f"file:{device.data / 'selftrust.db'}?mode=ro", uri=True)
    try:
        return con.execute(f"SELECT {name} FROM sync_state").fetchone()[0]
    finally:
        con.close()


def desk_and_laptop(tmp_path: Path, first: str) -> tuple[Device, Device]:
    """Two devices in one folder, the desk holding a commitment ``first`` they both know."""
    folder = tmp_path / "Sync"
    folder.mkdir()
    desk, laptop = devices(tmp_path, "desk", "laptop")
    desk.run("add", first, "--start", "2026-11-01")
    desk.sync("--folder", str(folder), "--device-name", "Desk", now="2026-11-24T08:00:00")
    laptop.sync("--folder", str(folder), "--device-name", "Laptop", now="2026-11-24T08:01:00")
    return desk, laptop
