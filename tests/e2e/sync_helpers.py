"""Devices for sync tests: each a data folder with its own runner, all sharing one folder."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
