"""Revision 0004 (sync) adds the change log and its triggers to a database in use."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from store_helpers import add_checkin, add_commitment, add_reflection, insert

from selftrust.store import migrate
from selftrust.store.engine import create_engine, dispose_engine


def _changes(conn: sa.Connection) -> list[tuple[str, str]]:
    rows = conn.exec_driver_sql("SELECT kind, key FROM sync_change ORDER BY seq").fetchall()
    return [(kind, key) for kind, key in rows]


def test_an_older_database_keeps_its_rows_and_notes_changes_from_then_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(path)
    try:
        migrate.upgrade(engine, "0003")
        with engine.begin() as conn:
            walk = add_commitment(conn)
            missed = add_checkin(conn, walk, "2026-03-01", status="missed")
            add_reflection(conn, commitment_id=walk, checkin_id=missed)
            insert(conn, "setting", key="day_start_hour", value="4")
        migrate.upgrade(engine)
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE checkin SET note = 'not syncing yet'")
            assert _changes(conn) == []  # nothing is noted before the data syncs
            insert(conn, "sync_state", id=1, device_id="d" * 32, device_name="Desk",
                   folder="/sync", encrypted=0, joined=1, clock_ms=0, clock_counter=0)
            assert conn.exec_driver_sql("SELECT uid FROM commitment").scalar() == "c1"
            assert conn.exec_driver_sql("SELECT uid FROM reflection").scalar() == "r1"
            conn.exec_driver_sql("UPDATE checkin SET status = 'kept' WHERE id = ?", (missed,))
            conn.exec_driver_sql("UPDATE setting SET value = '5' WHERE key = 'day_start_hour'")
            insert(conn, "setting", key="welcomed", value="true")  # a machine-side detail
            conn.exec_driver_sql("UPDATE commitment SET reminder_time = '08:00'")  # a machine's
            insert(conn, "pause", commitment_id=walk, first_day="2026-04-01",
                   last_day="2026-04-02")
            conn.exec_driver_sql("UPDATE commitment SET title = 'Walk'")
            assert _changes(conn) == [
                ("checkin", f"{walk}/2026-03-01"), ("checkin", f"{walk}/2026-03-01"),
                ("setting", "day_start_hour"),
                ("pause", str(walk)),
                ("commitment", "c1"), ("commitment", "c1"),
            ]
        migrate.downgrade(engine, "0003")
        with engine.connect() as conn:
            names = conn.exec_driver_sql("SELECT name FROM sqlite_schema").scalars().all()
        assert not [n for n in names if n.startswith("sync_")]
    finally:
        dispose_engine(engine, path)


def test_a_new_database_notes_nothing_until_it_syncs(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    engine = create_engine(path)
    try:
        migrate.upgrade(engine)
        with engine.begin() as conn:
            add_commitment(conn)
            assert _changes(conn) == []
    finally:
        dispose_engine(engine, path)
