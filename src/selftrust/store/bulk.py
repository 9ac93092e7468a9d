"""Bulk queries for import and export: a million check-ins without a million round trips.

An import first *stages* its check-ins in a temporary table (any order, in batches,
cheaply), then merges them into ``checkin`` with two set-based statements inside the
caller's transaction. The merge rule lives in those statements:

* a day with nothing recorded here gets the imported check-in;
* a day recorded here is replaced only by an imported check-in that says something
  different *and* was recorded later (``newer_wins`` rows; rows from sources without
  time stamps never replace anything);
* so importing the same file twice changes nothing the second time.

Temporary tables belong to the connection and vanish with a rollback, so a cancelled
or refused import leaves no trace. Export streams rows straight from a cursor.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy.engine import Connection

STAGE = "temp.selftrust_import_checkin"
UIDS = "temp.selftrust_import_uid"


def start_staging(conn: Connection) -> None:
    conn.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS selftrust_import_checkin ("
        " uid TEXT NOT NULL, day TEXT NOT NULL, status TEXT NOT NULL, value REAL, note TEXT,"
        " recorded_at TEXT NOT NULL, newer_wins INTEGER NOT NULL, line INTEGER NOT NULL,"
        " UNIQUE (uid, day))"
    )
    conn.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS selftrust_import_uid ("
        " uid TEXT PRIMARY KEY, commitment_id INTEGER NOT NULL)"
    )
    conn.exec_driver_sql(f"DELETE FROM {STAGE}")
    conn.exec_driver_sql(f"DELETE FROM {UIDS}")


def end_staging(conn: Connection) -> None:
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.selftrust_import_checkin")
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.selftrust_import_uid")


def stage_checkins(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Stage (uid, day, status, value, note, recorded_at, newer_wins, line) rows.

    Raises sqlite3's IntegrityError (through SQLAlchemy) when a (uid, day) comes twice.
    """
    if rows:
        conn.exec_driver_sql(
            f"INSERT INTO {STAGE} (uid, day, status, value, note, recorded_at, newer_wins,"
            " line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            list(rows),
        )


def staged_line(conn: Connection, uid: str, day: str) -> int | None:
    """The line a staged (uid, day) came from, to name the first of two."""
    found = conn.exec_driver_sql(
        f"SELECT line FROM {STAGE} WHERE uid = ? AND day = ?", (uid, day)
    ).scalar()
    return None if found is None else int(found)


def map_uids(conn: Connection, pairs: Iterable[tuple[str, int]]) -> None:
    """Tell the merge which commitment each file uid means; then add every local uid."""
    rows = list(pairs)
    if rows:
        conn.exec_driver_sql(
            f"INSERT OR REPLACE INTO {UIDS} (uid, commitment_id) VALUES (?, ?)",
            rows,
        )
    conn.exec_driver_sql(f"INSERT OR IGNORE INTO {UIDS} (uid, commitment_id) "
                         "SELECT uid, id FROM commitment")


def first_unknown_uid(conn: Connection) -> tuple[str, int] | None:
    """A staged check-in whose commitment is neither in the file nor here: (uid, line)."""
    row = conn.exec_driver_sql(
        f"SELECT s.uid, s.line FROM {STAGE} AS s LEFT JOIN {UIDS} AS m ON m.uid = s.uid"
        " WHERE m.uid IS NULL ORDER BY s.rowid LIMIT 1"
    ).first()
    return None if row is None else (str(row[0]), int(row[1]))


def staged_count(conn: Connection) -> int:
    return int(conn.exec_driver_sql(f"SELECT count(*) FROM {STAGE}").scalar() or 0)


def merge_checkins(conn: Connection) -> tuple[int, int]:
    """Merge the staged check-ins; returns (added, replaced)."""
    replaced = conn.exec_driver_sql(
        "UPDATE checkin SET status = s.status, value = s.value, note = s.note,"
        " recorded_at = s.recorded_at"
        f" FROM {STAGE} AS s JOIN {UIDS} AS m ON m.uid = s.uid"
        " WHERE checkin.commitment_id = m.commitment_id AND checkin.day = s.day"
        " AND s.newer_wins = 1 AND s.recorded_at > checkin.recorded_at"
        " AND (checkin.status IS NOT s.status OR checkin.value IS NOT s.value"
        "      OR checkin.note IS NOT s.note)"
    ).rowcount
    added = conn.exec_driver_sql(
        "INSERT INTO checkin (commitment_id, day, status, value, note, recorded_at)"
        " SELECT m.commitment_id, s.day, s.status, s.value, s.note, s.recorded_at"
        f" FROM {STAGE} AS s JOIN {UIDS} AS m ON m.uid = s.uid"
        " WHERE NOT EXISTS (SELECT 1 FROM checkin AS k"
        "                   WHERE k.commitment_id = m.commitment_id AND k.day = s.day)"
        " ORDER BY s.rowid"
    ).rowcount
    return int(added), int(replaced)


def checkin_id(conn: Connection, commitment_id: int, day: str) -> int | None:
    found = conn.exec_driver_sql(
        "SELECT id FROM checkin WHERE commitment_id = ? AND day = ?", (commitment_id, day)
    ).scalar()
    return None if found is None else int(found)


def reflection_stamp(conn: Connection, uid: str) -> tuple[int, str] | None:
    """(id, updated_at as stored) of the reflection with this uid, if there is one."""
    row = conn.exec_driver_sql(
        "SELECT id, updated_at FROM reflection WHERE uid = ?", (uid,)
    ).first()
    return None if row is None else (int(row[0]), str(row[1]))


def commitment_uids(conn: Connection) -> dict[str, int]:
    return {str(u): int(i) for u, i in conn.exec_driver_sql("SELECT uid, id FROM commitment")}


def first_kept_days(conn: Connection) -> list[tuple[int, str, str | None]]:
    """(id, title, first kept day or None) of every commitment."""
    rows = conn.exec_driver_sql(
        "SELECT c.id, c.title, min(k.day) FROM commitment AS c"
        " LEFT JOIN checkin AS k ON k.commitment_id = c.id AND k.status = 'kept'"
        " GROUP BY c.id"
    )
    return [(int(i), str(t), None if d is None else str(d)) for i, t, d in rows]


def is_empty(conn: Connection) -> bool:
    """No commitments and no reflections: a fresh data folder."""
    found = conn.exec_driver_sql(
        "SELECT EXISTS (SELECT 1 FROM commitment) OR EXISTS (SELECT 1 FROM reflection)"
    ).scalar()
    return not found


def checkin_count(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT count(*) FROM checkin").scalar() or 0)


def export_checkins(
    conn: Connection,
) -> Iterator[tuple[str, str, str, float | None, str | None, str]]:
    """Every check-in as (commitment uid, day, status, value, note, recorded_at) as stored,
    in the order of the commitments (position, id) and then by day; streamed."""
    cursor = conn.exec_driver_sql(
        "SELECT c.uid, k.day, k.status, k.value, k.note, k.recorded_at"
        " FROM checkin AS k JOIN commitment AS c ON c.id = k.commitment_id"
        " ORDER BY c.position, c.id, k.day"
    )
    try:
        while True:
            rows = cursor.fetchmany(5000)
            if not rows:
                return
            yield from rows
    finally:
        cursor.close()


def reflection_links(conn: Connection) -> dict[int, tuple[str, str]]:
    """For each reflection that repairs a check-in: (that check-in's commitment uid, day)."""
    rows = conn.exec_driver_sql(
        "SELECT r.id, c.uid, k.day FROM reflection AS r"
        " JOIN checkin AS k ON k.id = r.checkin_id JOIN commitment AS c ON c.id = k.commitment_id"
    )
    return {int(rid): (str(uid), str(day)) for rid, uid, day in rows}
