"""The tables as SQLAlchemy Core sees them, for the repository's queries.

SQLModel keeps each model's Core table in ``__table__``, which type checkers do not
know about; reading it once here, checked, keeps every query typed.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, CursorResult
from sqlmodel import SQLModel

from selftrust.store import tables


def table_of(model: type[SQLModel]) -> sa.Table:
    table = getattr(model, "__table__", None)
    if not isinstance(table, sa.Table):
        raise TypeError(f"{model.__name__} is not a table model")
    return table


COMMITMENT = table_of(tables.Commitment)
PAUSE = table_of(tables.Pause)
CHECKIN = table_of(tables.Checkin)
REFLECTION = table_of(tables.Reflection)
SETTING = table_of(tables.Setting)


def inserted_id(result: CursorResult[Any]) -> int:
    """The primary key SQLite gave the row an INSERT just wrote."""
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("the INSERT reported no primary key")
    return int(key[0])


def count_rows(conn: Connection, table: str) -> int:
    tbl = {"commitment": COMMITMENT, "checkin": CHECKIN, "reflection": REFLECTION}[table]
    return int(conn.execute(sa.select(sa.func.count()).select_from(tbl)).scalar() or 0)
