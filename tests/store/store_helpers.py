"""Builders for store tests: rows with sensible defaults, snapshots of a folder's files.

Tests use real SQLite files in ``tmp_path``; these helpers only save typing.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

NOW = datetime(2026, 3, 2, 9, 30).astimezone()
"""A fixed clock: Monday 2 March 2026, 09:30 local time."""

COMMITMENT = {
    "uid": "c1",
    "title": "Walk 20 minutes",
    "kind": "yes_no",
    "at_most": 0,
    "schedule_kind": "daily",
    "schedule_times": 1,
    "schedule_days": 1,
    "weekdays": 127,
    "color": "#4a90d9",
    "position": 0,
    "created_on": "2026-01-01",
}


def insert(conn: Connection, table: str, **values: Any) -> int:
    """Insert one row with plain SQL (as any program could) and return its rowid."""
    names = ", ".join(values)
    marks = ", ".join(f":{k}" for k in values)
    result = conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)
    return int(result.lastrowid)


def add_commitment(conn: Connection, **overrides: Any) -> int:
    return insert(conn, "commitment", **{**COMMITMENT, **overrides})


def add_checkin(conn: Connection, commitment_id: int, day: str, **overrides: Any) -> int:
    values = {"status": "kept", "recorded_at": "2026-03-02 08:00:00", **overrides}
    return insert(conn, "checkin", commitment_id=commitment_id, day=day, **values)


def add_reflection(conn: Connection, uid: str = "r1", **overrides: Any) -> int:
    values = {
        "created_at": "2026-03-02 08:00:00",
        "updated_at": "2026-03-02 08:00:00",
        "day": "2026-03-01",
        "happened": "I stayed up late and skipped the walk.",
        **overrides,
    }
    return insert(conn, "reflection", uid=uid, **values)


def files(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` (relative name → bytes), for byte-for-byte checks."""
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def read_rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Read a database file without changing it (immutable, no -wal/-shm created)."""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def run_sql(path: Path, script: str) -> None:
    """Change a database file behind the store's back (as another program would)."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(script)
        conn.commit()
    finally:
        conn.close()
