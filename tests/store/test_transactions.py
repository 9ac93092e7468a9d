"""The open database: pragmas on every connection, one action = one transaction."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa
from sqlmodel import select
from store_helpers import NOW, add_commitment

from selftrust.store import engine as engine_module
from selftrust.store.database import Database, open_database
from selftrust.store.errors import DatabaseLocked, StoreError
from selftrust.store.paths import DataFolder
from selftrust.store.tables import Setting


@pytest.mark.parametrize("write", [True, False])
def test_pragmas_are_set_on_every_connection(db: Database, write: bool) -> None:
    with db.transaction(write=write) as conn:
        pragma = conn.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
        assert pragma("PRAGMA busy_timeout").scalar() == engine_module.BUSY_TIMEOUT_MS


def test_pragmas_hold_in_a_session_too(db: Database) -> None:
    with db.session() as session:
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_transaction_commits_at_the_end_of_the_block(db: Database) -> None:
    with db.transaction() as conn:
        add_commitment(conn)
    with db.transaction(write=False) as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM commitment").scalar() == 1


def test_an_error_rolls_back_everything_in_the_block(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as conn:
        add_commitment(conn, uid="a")
        add_commitment(conn, uid="b")
        raise RuntimeError("the user's action failed half-way")
    with db.transaction(write=False) as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM commitment").scalar() == 0


def test_a_failed_statement_rolls_back_the_earlier_ones(db: Database) -> None:
    with pytest.raises(sa.exc.IntegrityError), db.transaction() as conn:
        add_commitment(conn, uid="a")
        add_commitment(conn, uid="a")
    with db.transaction(write=False) as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM commitment").scalar() == 0


def test_ddl_is_transactional_too(db: Database) -> None:
    """sqlite3's legacy mode would commit a CREATE at once; ours rolls it back."""
    with pytest.raises(RuntimeError), db.transaction() as conn:
        conn.exec_driver_sql("CREATE TABLE scratch (x)")
        raise RuntimeError
    with db.transaction(write=False) as conn:
        names = conn.exec_driver_sql("SELECT name FROM sqlite_schema").scalars().all()
    assert "scratch" not in names


def test_a_session_commits_once_at_the_end(db: Database) -> None:
    with db.session() as session:
        session.add(Setting(key="day_start", value="4"))
        session.commit()  # does not end the block's transaction
        session.add(Setting(key="week_start", value="0"))
    with db.session(write=False) as session:
        rows = session.exec(select(Setting).order_by(Setting.key)).all()
    assert [(s.key, s.value) for s in rows] == [("day_start", "4"), ("week_start", "0")]


def test_a_session_is_rolled_back_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(Setting(key="day_start", value="4"))
        session.flush()
        raise RuntimeError
    with db.session(write=False) as session:
        assert session.exec(select(Setting)).all() == []


def test_a_write_transaction_holds_the_write_lock_from_the_start(db: Database) -> None:
    other = sqlite3.connect(db.path, timeout=0)
    try:
        with db.transaction(write=True):
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.rollback()
    finally:
        other.close()


def test_a_read_transaction_does_not_block_a_writer(db: Database) -> None:
    other = sqlite3.connect(db.path, timeout=0)
    try:
        with db.transaction(write=False) as conn:
            conn.exec_driver_sql("SELECT count(*) FROM commitment").scalar()
            other.execute("BEGIN IMMEDIATE")
            other.rollback()
    finally:
        other.close()


def test_a_busy_database_raises_database_locked(
    folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    with open_database(folder, now=NOW) as db:
        other = sqlite3.connect(db.path)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(DatabaseLocked) as caught, db.transaction():
                pass
            assert str(db.path) in str(caught.value)
        finally:
            other.rollback()
            other.close()


def test_close_is_idempotent_and_final(folder: DataFolder) -> None:
    db = open_database(folder, now=NOW)
    with db:
        pass
    assert db.closed
    db.close()
    with pytest.raises(StoreError, match="closed"), db.transaction():
        pass


def test_closing_folds_the_wal_back_into_the_file(folder: DataFolder) -> None:
    with open_database(folder, now=NOW) as db, db.transaction() as conn:
        add_commitment(conn)
    assert sorted(p.name for p in folder.root.iterdir() if p.is_file()) == ["selftrust.db"]


def test_open_reports_what_it_did(folder: DataFolder) -> None:
    with open_database(folder, now=NOW) as db:
        assert db.created and db.updated_from is None and db.backup_problem is None
        assert db.path == folder.database
    with open_database(folder, now=NOW) as db:
        assert not db.created


def test_nothing_is_opened_at_import_time() -> None:
    import importlib

    for name in ("engine", "database", "backups", "migrate", "inspection", "paths"):
        module = importlib.import_module(f"selftrust.store.{name}")
        assert not [v for v in vars(module).values() if isinstance(v, (sa.Engine, Database))]
