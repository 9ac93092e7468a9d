"""Check-ins: one per commitment and day; the bulk readers skip row objects, since
start-up reads every check-in of ten years."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from selftrust.domain.history import Status
from selftrust.store.records import CheckinRow
from selftrust.store.repository.handles import CHECKIN, inserted_id

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
else:  # numpy on first use (base/lazy_numpy.py)
    from selftrust.base.lazy_numpy import np


def _checkin_from(row: Any) -> CheckinRow:
    return CheckinRow(
        id=row.id,
        commitment_id=row.commitment_id,
        day=row.day,
        status=Status(row.status),
        value=row.value,
        note=row.note,
        recorded_at=row.recorded_at,
    )


def get_checkin(conn: Connection, commitment_id: int, day: date) -> CheckinRow | None:
    row = conn.execute(
        sa.select(CHECKIN).where(CHECKIN.c.commitment_id == commitment_id, CHECKIN.c.day == day)
    ).first()
    return None if row is None else _checkin_from(row)


def checkins(
    conn: Connection,
    commitment_ids: Iterable[int] | None = None,
    *,
    first: date | None = None,
    last: date | None = None,
) -> list[CheckinRow]:
    """Check-ins, oldest first, optionally for some commitments and days."""
    query = sa.select(CHECKIN).order_by(CHECKIN.c.day, CHECKIN.c.commitment_id)
    if commitment_ids is not None:
        query = query.where(CHECKIN.c.commitment_id.in_(list(commitment_ids)))
    if first is not None:
        query = query.where(CHECKIN.c.day >= first)
    if last is not None:
        query = query.where(CHECKIN.c.day <= last)
    return [_checkin_from(r) for r in conn.execute(query)]


RawCheckin = tuple[int, int, str, str, float | None]
"""(id, commitment_id, ISO day, status, value): a check-in as SQLite returns its columns."""
_RAW_QUERY = (
    "SELECT id, commitment_id, day, status, value FROM checkin ORDER BY commitment_id, day"
)


def _raw(rows: Sequence[Any]) -> list[RawCheckin]:
    """The driver's rows, typed: they are tuples of exactly those columns."""
    return cast("list[RawCheckin]", rows)


def checkin_batches(conn: Connection, size: int) -> Iterator[list[RawCheckin]]:
    """Every check-in as raw (id, commitment_id, ISO day, status, value), in batches of
    ``size`` rows, ordered by commitment and day (``checkin_tuples`` a batch at a time)."""
    cursor = conn.exec_driver_sql(_RAW_QUERY)
    while rows := cursor.fetchmany(size):
        yield _raw(rows)


def checkin_tuples(conn: Connection) -> list[RawCheckin]:
    """Every check-in as raw (id, commitment_id, ISO day, status, value), oldest first.

    The fast path for start-up: no row objects, no date parsing per row in SQLAlchemy.
    """
    return _raw(conn.exec_driver_sql(_RAW_QUERY).fetchall())


def upsert_checkin(
    conn: Connection,
    *,
    commitment_id: int,
    day: date,
    status: Status,
    value: float | None,
    note: str | None,
    recorded_at: datetime,
    checkin_id: int | None = None,
) -> int:
    """Insert or update the one check-in of (commitment, day); its id is kept on update
    so reflections that repair it stay linked."""
    existing = conn.execute(
        sa.select(CHECKIN.c.id).where(
            CHECKIN.c.commitment_id == commitment_id, CHECKIN.c.day == day
        )
    ).scalar()
    values = {
        "status": status.value,
        "value": value,
        "note": note or None,
        "recorded_at": recorded_at,
    }
    if existing is not None:
        conn.execute(sa.update(CHECKIN).where(CHECKIN.c.id == existing).values(**values))
        return int(existing)
    insert_values: dict[str, Any] = {"commitment_id": commitment_id, "day": day, **values}
    if checkin_id is not None:
        insert_values["id"] = checkin_id
    result = conn.execute(sa.insert(CHECKIN).values(**insert_values))
    return inserted_id(result)


def delete_checkin(conn: Connection, commitment_id: int, day: date) -> None:
    conn.execute(
        sa.delete(CHECKIN).where(CHECKIN.c.commitment_id == commitment_id, CHECKIN.c.day == day)
    )


_COLUMNS_QUERY = (
    "SELECT commitment_id, CAST(julianday(day) - 1721424.5 AS INTEGER), "
    "CASE status WHEN 'kept' THEN 1 WHEN 'missed' THEN 2 WHEN 'skipped' THEN 3 END, "
    "value, id FROM checkin{where} ORDER BY commitment_id, day"
)
COLUMNS = ("cid", "day", "code", "value", "id")
"""The columns of `checkin_columns`: commitment id, the day as a date ordinal, the status
code (domain.history's KEPT, MISSED, SKIPPED), the amount (NaN: none) and the id."""


def checkin_columns(
    conn: Connection, commitment_id: int | None = None, size: int = 8000
) -> Iterator[dict[str, npt.NDArray[Any]]]:
    """Check-ins (of one commitment, or all) as column arrays, ``size`` rows at a time,
    ordered by commitment and day: the day and status are turned into numbers by
    SQLite, so no Python object is made per check-in that outlives its batch."""
    where = "" if commitment_id is None else " WHERE commitment_id = ?"
    params = () if commitment_id is None else (commitment_id,)
    # The driver's own cursor, in the caller's transaction: plain tuples, no Row objects.
    # (driver_connection is None only once the connection is closed, never inside one.)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    statement = _COLUMNS_QUERY.format(where=where)
    try:
        cursor.execute(statement, params)
        batches = iter(lambda: cursor.fetchmany(size), [])
        yield from (_as_columns(rows) for rows in batches)
    except sqlite3.Error as exc:
        # The driver's own errors, dressed as SQLAlchemy's (as every other query's are),
        # so the session tells a damaged page from a busy file the same way here.
        raise sa.exc.DBAPIError.instance(statement, params, exc, sqlite3.Error) from exc


def _as_columns(rows: list[tuple[Any, ...]]) -> dict[str, npt.NDArray[Any]]:
    table = np.array(rows, np.float64)  # a missing amount (NULL) becomes NaN
    return {
        "cid": table[:, 0].astype(np.int64),
        "day": table[:, 1].astype(np.int64),
        "code": table[:, 2].astype(np.int8),
        "value": table[:, 3].copy(),
        "id": table[:, 4].astype(np.int64),
    }



# One row per commitment, its check-ins concatenated by SQLite (in the order of the
# unique index, so of days): the days as ISO text, 10 characters each, straight from the
# index; the ids; one digit each for the status (2 kept, 4 missed, 6 skipped) plus 1 when
# there is an amount. Then one row per amount (a minority, as binary floats: no text
# form is exact), in the same statement, so that both see one snapshot.
_AT_ONCE_QUERY = (
    "SELECT commitment_id, count(*), group_concat(day, ''), group_concat(id, ','), "
    "group_concat((CASE status WHEN 'kept' THEN 2 WHEN 'missed' THEN 4 "
    "WHEN 'skipped' THEN 6 END) + (value IS NOT NULL), '') FROM checkin "
    "GROUP BY commitment_id "
    "UNION ALL SELECT NULL, id, value, NULL, NULL FROM checkin WHERE value IS NOT NULL"
)
_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal(): numpy's days count from there


def checkin_columns_at_once(conn: Connection) -> dict[str, npt.NDArray[Any]] | None:
    """Every check-in as `checkin_columns`' columns, ordered the same, read in one go;
    None when a day is not stored as ISO text (then read them in batches).

    Python makes an object per commitment and per amount, not per check-in, and most
    of it comes from the index alone: about two thirds of the batches' time at twenty
    years, which is most of loading the ledger. It cannot pause between batches."""
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        rows = cursor.execute(_AT_ONCE_QUERY).fetchall()
    except sqlite3.Error as exc:  # dressed as SQLAlchemy's, as in checkin_columns
        raise sa.exc.DBAPIError.instance(_AT_ONCE_QUERY, (), exc, sqlite3.Error) from exc
    groups = [r for r in rows if r[0] is not None]
    if any(len(days) != 10 * n or len(digits) != n for _, n, days, _, digits in groups):
        return None
    sizes = [n for _, n, _, _, _ in groups]
    cid = np.repeat(np.array([g[0] for g in groups], np.int64), sizes)
    text = "".join(g[2] for g in groups).encode("ascii")
    try:
        day = np.frombuffer(text, "S10").astype("datetime64[D]").astype(np.int64)
    except ValueError:
        return None
    day += _EPOCH_ORDINAL
    ids = np.concatenate([np.zeros(0, np.int64),
                          *(np.fromstring(g[3], np.int64, sep=",") for g in groups)])
    digits = np.frombuffer("".join(g[4] for g in groups).encode("ascii"), np.uint8) - 48
    if ids.size != cid.size or digits.size != cid.size:
        return None
    # group_concat's order is SQLite's to choose: sort unless the index gave it already.
    key = cid * (1 << 32) + day
    if key.size > 1 and not bool(np.all(key[1:] > key[:-1])):
        order = np.argsort(key, kind="stable")
        cid, day, ids, digits = cid[order], day[order], ids[order], digits[order]
    values = np.full(ids.size, np.nan)
    amounts = np.array([r[1:3] for r in rows if r[0] is None], np.float64).reshape(-1, 2)
    has = (digits & 1).astype(bool)
    if amounts.shape[0] != int(np.count_nonzero(has)):
        return None
    if amounts.size:
        by_id = np.argsort(amounts[:, 0])
        values[has] = amounts[by_id, 1][np.searchsorted(amounts[by_id, 0], ids[has])]
    return {"cid": cid, "day": day, "code": (digits >> 1).astype(np.int8), "value": values,
            "id": ids}
