"""Revision 0002 (reminders) rebuilds the commitment table: every row, id and link survives."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_helpers import add_checkin, add_commitment, add_reflection, insert

from selftrust.store import migrate
from selftrust.store.engine import create_engine, dispose_engine


def _at_0001_with_data(path: Path) -> sa.Engine:
    engine = create_engine(path)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        walk = add_commitment(conn)
        gone = add_commitment(conn, uid="c2", title="Deleted later", position=1)
        read = add_commitment(conn, uid="c3", title="Read", position=2, kind="measurable",
                              unit="pages", target=20, target_per="day")
        insert(conn, "pause", commitment_id=walk, first_day="2026-02-01", last_day="2026-02-03")
        missed = add_checkin(conn, walk, "2026-03-01", status="missed")
        add_checkin(conn, read, "2026-03-01", value=12.5)
        add_reflection(conn, commitment_id=walk, checkin_id=missed)
        conn.exec_driver_sql("DELETE FROM commitment WHERE id = ?", (gone,))
    return engine


def _sql(engine: sa.Engine, name: str) -> str:
    with engine.connect() as conn:
        return str(conn.exec_driver_sql(
            "SELECT sql FROM sqlite_schema WHERE name = ?", (name,)).scalar())


@pytest.fixture
def engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "old.db"
    engine = _at_0001_with_data(path)
    yield engine
    dispose_engine(engine, path)


def test_rows_ids_and_links_survive(engine: sa.Engine) -> None:
    migrate.upgrade(engine, "0002")
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, title, unit, reminder_time, reminder_days FROM commitment ORDER BY id"
        ).fetchall()
        assert [tuple(r) for r in rows] == [
            (1, "Walk 20 minutes", None, None, 127),
            (3, "Read", "pages", None, 127),
        ]
        assert conn.exec_driver_sql("SELECT count(*) FROM pause").scalar() == 1
        assert conn.exec_driver_sql(
            "SELECT commitment_id, value FROM checkin ORDER BY id").fetchall() == [(1, None),
                                                                                  (3, 12.5)]
        assert conn.exec_driver_sql("SELECT commitment_id, checkin_id FROM reflection").one() == (
            1, 1)
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        names = conn.exec_driver_sql("SELECT name FROM sqlite_schema").scalars().all()
    assert not [n for n in names if "before_0002" in n]


def test_children_still_point_at_the_commitment_table(engine: sa.Engine) -> None:
    migrate.upgrade(engine, "0002")
    for child in ("pause", "checkin", "reflection"):
        assert "REFERENCES commitment (id)" in _sql(engine, child), child
    raw = sqlite3.connect(str(engine.url.database))
    try:
        raw.execute("PRAGMA foreign_keys = ON")  # cascades still work after the rebuild
        raw.execute("DELETE FROM commitment WHERE id = 3")
        raw.commit()
        assert raw.execute("SELECT count(*) FROM checkin WHERE commitment_id = 3").fetchone() == (
            0,)
    finally:
        raw.close()


def test_a_deleted_id_is_still_never_reused(engine: sa.Engine) -> None:
    migrate.upgrade(engine, "0002")
    with engine.begin() as conn:
        new_id = add_commitment(conn, uid="c4", title="New", position=3)
    assert new_id == 4  # 2 was deleted and 3 is taken: the high-water mark came along


def test_reminder_columns_are_checked(engine: sa.Engine) -> None:
    migrate.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE commitment SET reminder_time = '07:30', reminder_days = 31 WHERE id = 1")
    for column, bad in (("reminder_time", "7.30"), ("reminder_time", "31:00"),
                        ("reminder_days", 0), ("reminder_days", 128)):
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.exec_driver_sql(f"UPDATE commitment SET {column} = ? WHERE id = 1", (bad,))


def test_downgrade_keeps_the_rows(engine: sa.Engine) -> None:
    migrate.upgrade(engine, "0002")
    migrate.downgrade(engine, "0001")
    with engine.connect() as conn:
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(commitment)")]
        assert "reminder_time" not in columns
        assert conn.exec_driver_sql("SELECT count(*) FROM commitment").scalar() == 2
        assert conn.exec_driver_sql("SELECT count(*) FROM checkin").scalar() == 2
