"""The SQLAlchemy engine for one database file, with the pragmas our safety rules need.

Every connection gets WAL mode, foreign keys, ``synchronous=FULL`` (a check-in the UI
showed as saved survives a power cut) and a busy timeout. SQLAlchemy, not Python's
sqlite3 module, emits BEGIN, so a transaction really covers every statement in it
(the module's legacy mode skips BEGIN before SELECT and DDL); a write transaction
starts with BEGIN IMMEDIATE, taking the write lock up front instead of failing
half-way with "database is locked".

Engines are made by a function, never at import time, and remembered per file so
that a restore can refuse to swap a database this process still has open.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.pool import ConnectionPoolEntry

from selftrust.base.i18n import _

BUSY_TIMEOUT_MS = 5_000
BEGIN_MODE = "selftrust_begin"
"""Execution option naming how a transaction begins: "DEFERRED" or "IMMEDIATE"."""

_open_files: dict[Path, int] = {}


def create_engine(path: Path) -> Engine:
    """An engine for the SQLite file at ``path`` (which must already be checked)."""
    engine = sa.create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    key = path.resolve()
    _open_files[key] = _open_files.get(key, 0) + 1
    return engine


def dispose_engine(engine: Engine, path: Path) -> None:
    """Close every pooled connection (SQLite then folds the -wal back into the file)."""
    engine.dispose()
    key = path.resolve()
    if _open_files.get(key, 0) > 1:
        _open_files[key] -= 1
    else:
        _open_files.pop(key, None)


def in_use(path: Path) -> bool:
    """True while this process has an engine open on ``path``."""
    return path.resolve() in _open_files


def _configure_connection(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    conn: sqlite3.Connection = dbapi_connection
    conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _begin)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
    if mode is None or str(mode[0]).lower() != "wal":
        # TRANSLATORS: why the database cannot be used; WAL is SQLite's name for a way of
        # writing, {mode} the one SQLite gave instead.
        raise sqlite3.OperationalError(_("could not switch to WAL mode (got {mode})").format(
            mode=repr(mode)))
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")


def _begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get(BEGIN_MODE, "DEFERRED")
    if mode not in ("DEFERRED", "IMMEDIATE"):
        raise ValueError(f"unknown transaction mode {mode!r}")
    connection.exec_driver_sql(f"BEGIN {mode}")
