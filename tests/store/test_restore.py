"""Restoring a backup: only a healthy Self-Trust backup, and the current file kept aside."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from store_helpers import NOW, add_commitment, files, read_rows, run_sql

from selftrust.store.backups import restore
from selftrust.store.database import open_database
from selftrust.store.errors import (
    DamagedDatabase,
    DatabaseFromTheFuture,
    DatabaseMissing,
    NotOurDatabase,
    StoreError,
)
from selftrust.store.files import sidecars
from selftrust.store.paths import DataFolder

LATER = NOW + timedelta(days=1)


@pytest.fixture
def backup(folder: DataFolder) -> Path:
    """A backup holding commitment "a"; the live database then also gets "b"."""
    with open_database(folder, now=NOW, daily_backup=False) as db:
        with db.transaction() as conn:
            add_commitment(conn, uid="a")
        made = db.back_up_now(now=NOW)
        with db.transaction() as conn:
            add_commitment(conn, uid="b")
    return made.path


def _uids(path: Path) -> list[str]:
    return [row[0] for row in read_rows(path, "SELECT uid FROM commitment ORDER BY uid")]


def test_restore_puts_the_backup_in_place_and_keeps_the_current_aside(
    folder: DataFolder, backup: Path
) -> None:
    backup_bytes = backup.read_bytes()
    aside = restore(folder, backup, now=LATER)
    assert aside == folder.root / "selftrust.db.before-restore-20260303-093000"
    assert _uids(aside) == ["a", "b"]
    assert backup.read_bytes() == backup_bytes
    with open_database(folder, now=LATER) as db, db.transaction(write=False) as conn:
        uids = conn.exec_driver_sql("SELECT uid FROM commitment").scalars().all()
    assert uids == ["a"]


def test_restore_after_a_crash_keeps_what_was_only_in_the_wal(
    folder: DataFolder, backup: Path, tmp_path: Path
) -> None:
    """After kill -9 the latest changes live in -wal; they go aside with the database."""
    live = sqlite3.connect(folder.database)
    live.execute("PRAGMA journal_mode = WAL")
    live.execute("UPDATE commitment SET title = 'only in the wal' WHERE uid = 'b'")
    live.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in ("selftrust.db", "selftrust.db-wal"):
        shutil.copy2(folder.root / name, crashed / name)
    live.close()
    for name in ("selftrust.db", "selftrust.db-wal"):
        shutil.copy2(crashed / name, folder.root / name)
    assert (folder.root / "selftrust.db-wal").stat().st_size > 0

    aside = restore(folder, backup, now=LATER)
    assert aside is not None
    titles = read_rows(aside, "SELECT title FROM commitment ORDER BY uid")  # file alone
    assert titles[-1] == ("only in the wal",)
    assert sidecars(folder.database) == []
    assert _uids(folder.database) == ["a"]


def test_restore_sets_a_damaged_current_file_aside_untouched(
    folder: DataFolder, backup: Path
) -> None:
    folder.database.write_bytes(b"garbage" * 100)
    aside = restore(folder, backup, now=LATER)
    assert aside is not None and aside.read_bytes() == b"garbage" * 100
    with open_database(folder, now=LATER) as db:
        assert not db.created


def test_restore_into_an_empty_folder(folder: DataFolder, backup: Path, tmp_path: Path) -> None:
    other = DataFolder(tmp_path / "new-computer")
    assert restore(other, backup, now=LATER) is None
    assert _uids(other.database) == ["a"]


@pytest.mark.parametrize(
    ("spoil", "error", "words"),
    [
        (lambda p: p.write_bytes(b"not a backup at all" * 20), DamagedDatabase, "damaged"),
        (lambda p: p.write_bytes(p.read_bytes()[:5000]), DamagedDatabase, "cut short"),
        (
            lambda p: run_sql(p, "UPDATE alembic_version SET version_num = '9999'"),
            DatabaseFromTheFuture,
            "newer version",
        ),
        (
            lambda p: run_sql(p, "PRAGMA application_id = 0"),
            NotOurDatabase,
            "not a Self-Trust backup",
        ),
    ],
)
def test_a_bad_backup_is_refused_and_nothing_changes(
    folder: DataFolder, backup: Path, spoil: object, error: type[StoreError], words: str
) -> None:
    spoil(backup)  # type: ignore[operator]
    before = files(folder.root)
    with pytest.raises(error) as caught:
        restore(folder, backup, now=LATER)
    message = str(caught.value)
    assert str(backup) in message and words in message
    assert "current data has not been touched" in message
    assert files(folder.root) == before


def test_a_missing_backup_is_reported(folder: DataFolder, tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissing, match="could not be found"):
        restore(folder, tmp_path / "nowhere.db", now=LATER)


def test_restore_refuses_while_the_database_is_open(folder: DataFolder, backup: Path) -> None:
    with open_database(folder, now=LATER), pytest.raises(StoreError, match="still open"):
        restore(folder, backup, now=LATER)
