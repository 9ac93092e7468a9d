"""Noticing commits made by another program (the CLI in a terminal) while the app is open.

SQLite's ``PRAGMA data_version`` moves when *another* connection commits; the database
must tell those apart from its own writes, or every check-off would look like news."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from selftrust.store.database import Database, open_database
from selftrust.store.paths import DataFolder


def _open(data_dir: Path) -> Database:
    """A database being watched, as the window's first poll starts it."""
    db = open_database(DataFolder(data_dir), daily_backup=False)
    assert db.changed_elsewhere() is False
    return db


def _outside_write(db: Database, title: str = "Walk") -> None:
    """Another program's commit: its own connection, its own transaction."""
    other = sqlite3.connect(db.path, isolation_level=None)
    try:
        other.execute("PRAGMA busy_timeout = 5000")
        other.execute("BEGIN IMMEDIATE")
        other.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", ("outside", title))
        other.execute("COMMIT")
    finally:
        other.close()


def _own_write(db: Database, value: str = "1") -> None:
    with db.transaction() as conn:
        conn.exec_driver_sql(
            "INSERT INTO setting (key, value) VALUES ('own', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (value,))


def test_a_fresh_database_has_no_outside_changes(data_dir: Path) -> None:
    with _open(data_dir) as db:
        assert db.changed_elsewhere() is False


def test_a_commit_by_another_connection_is_noticed_once(data_dir: Path) -> None:
    with _open(data_dir) as db:
        _outside_write(db)
        assert db.changed_elsewhere() is True
        assert db.changed_elsewhere() is False  # told once, not on every poll


def test_our_own_writes_are_not_news(data_dir: Path) -> None:
    with _open(data_dir) as db:
        for i in range(5):
            _own_write(db, str(i))
        assert db.changed_elsewhere() is False


def test_an_outside_commit_before_our_write_is_not_swallowed_by_it(data_dir: Path) -> None:
    with _open(data_dir) as db:
        _outside_write(db)
        _own_write(db)  # our write must not make the earlier outside one look like ours
        assert db.changed_elsewhere() is True
        _own_write(db, "2")
        assert db.changed_elsewhere() is False


def test_the_watch_never_writes_and_closes_with_the_database(data_dir: Path) -> None:
    db = _open(data_dir)
    db.changed_elsewhere()
    db.close()
    assert db.changed_elsewhere() is False  # closed: nothing to tell, no error
    # every connection is gone: SQLite folded the -wal back into the file
    assert not Path(str(db.path) + "-wal").exists()


def test_a_poll_during_our_own_write_waits_for_it(data_dir: Path) -> None:
    """An import writes on a worker thread while the window polls: its commit is ours."""
    with _open(data_dir) as db:
        with db.transaction() as conn:
            conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('own', 'x')")
            assert db.changed_elsewhere() is False
        assert db.changed_elsewhere() is False


def test_a_refused_write_leaves_the_watch_working(data_dir: Path) -> None:
    with _open(data_dir) as db:
        try:
            with db.transaction() as conn:
                conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('own', 'x')")
                raise RuntimeError("changed my mind")
        except RuntimeError:
            pass
        _outside_write(db)
        assert db.changed_elsewhere() is True


def test_without_a_watcher_nothing_extra_is_opened(data_dir: Path) -> None:
    """A CLI command never polls: it opens no second connection and logs nothing."""
    db = open_database(DataFolder(data_dir), daily_backup=False)
    try:
        _own_write(db)
        assert db._outside._conn is None
    finally:
        db.close()
