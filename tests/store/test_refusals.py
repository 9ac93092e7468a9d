"""Files Self-Trust must not open are refused with a clear message and left untouched.

"Untouched" means byte-for-byte: same bytes, same mode, no -wal/-shm left next to
them, no backup or migration run on them.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_helpers import NOW, add_checkin, add_commitment, files, mode, run_sql

from selftrust.store.database import open_database, start_fresh
from selftrust.store.errors import (
    DamagedDatabase,
    DatabaseFromTheFuture,
    DatabaseMissing,
    NotOurDatabase,
    RefusedDatabase,
)
from selftrust.store.files import sidecars
from selftrust.store.paths import DataFolder
from selftrust.store.tables import METADATA


def _real_database(folder: DataFolder, days: int = 400) -> None:
    """A closed Self-Trust database with enough rows to span many pages."""
    with open_database(folder, now=NOW, daily_backup=False) as db, db.transaction() as conn:
        commitment = add_commitment(conn)
        for i in range(days):
            day = date(2020, 1, 1) + timedelta(days=i)
            add_checkin(conn, commitment, day.isoformat(), note="x" * 40)
    assert not sidecars(folder.database)


def _garbage(folder: DataFolder) -> None:
    folder.database.write_bytes(b"These are my notes, not a database.\n" * 50)


def _empty(folder: DataFolder) -> None:
    folder.database.write_bytes(b"")


def _cut_mid_page(folder: DataFolder) -> None:
    _real_database(folder)
    data = folder.database.read_bytes()
    folder.database.write_bytes(data[: len(data) // 2 + 100])


def _cut_at_page(folder: DataFolder) -> None:
    _real_database(folder)
    data = folder.database.read_bytes()
    folder.database.write_bytes(data[: 4096 * 3])


def _header_only(folder: DataFolder) -> None:
    _real_database(folder)
    folder.database.write_bytes(folder.database.read_bytes()[:60])


def _scribbled(folder: DataFolder) -> None:
    """Random bytes over the middle of the file, where check-in pages live."""
    _real_database(folder)
    data = bytearray(folder.database.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle : middle + 4096] = os.urandom(4096)
    folder.database.write_bytes(bytes(data))


def _future(folder: DataFolder) -> None:
    _real_database(folder, days=3)
    run_sql(folder.database, "UPDATE alembic_version SET version_num = '9999_from_the_future'")


def _loop_backup(folder: DataFolder) -> None:
    run_sql(
        folder.database,
        "CREATE TABLE Habits (id INTEGER PRIMARY KEY, name TEXT);"
        "CREATE TABLE Repetitions (id INTEGER PRIMARY KEY, habit INTEGER, timestamp INTEGER);"
        "INSERT INTO Habits (name) VALUES ('Meditate');",
    )


def _other_app(folder: DataFolder) -> None:
    run_sql(folder.database, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi');")


def _empty_sqlite(folder: DataFolder) -> None:
    run_sql(folder.database, "PRAGMA user_version = 7;")


def _our_tables_without_stamp(folder: DataFolder) -> None:
    engine = sa.create_engine(f"sqlite:///{folder.database}")
    METADATA.create_all(engine)
    engine.dispose()



CASES: dict[str, tuple[Callable[[DataFolder], None], type[RefusedDatabase], str]] = {
    "garbage": (_garbage, DamagedDatabase, "not a database file at all"),
    "empty file": (_empty, DamagedDatabase, "empty"),
    "cut mid-page": (_cut_mid_page, DamagedDatabase, "cut short"),
    "cut at a page boundary": (_cut_at_page, DamagedDatabase, "cut short"),
    "header only": (_header_only, DamagedDatabase, "cut short"),
    "scribbled over": (_scribbled, DamagedDatabase, "SQLite reports"),
    "newer revision": (_future, DatabaseFromTheFuture, "newer version"),
    "Loop backup": (_loop_backup, NotOurDatabase, "Loop Habit Tracker"),
    "another app": (_other_app, NotOurDatabase, "notes"),
    "empty SQLite database": (_empty_sqlite, NotOurDatabase, "empty database"),
    "our tables, no stamp": (_our_tables_without_stamp, NotOurDatabase, "did not make it"),
}


@pytest.mark.parametrize("case", CASES)
def test_refused_and_left_byte_for_byte_unchanged(folder: DataFolder, case: str) -> None:
    make, error, words = CASES[case]
    folder.ensure()
    make(folder)
    folder.database.chmod(0o644)
    before = files(folder.root)
    with pytest.raises(error) as caught:
        open_database(folder, now=NOW)
    message = str(caught.value)
    assert str(folder.database) in message
    assert words in message
    assert files(folder.root) == before
    assert sidecars(folder.database) == []
    assert mode(folder.database) == 0o644
    assert caught.value.path == folder.database


@pytest.mark.parametrize("case", ["garbage", "newer revision", "Loop backup"])
def test_messages_offer_a_way_forward(folder: DataFolder, case: str) -> None:
    make, error, _ = CASES[case]
    folder.ensure()
    make(folder)
    with pytest.raises(error) as caught:
        open_database(folder, now=NOW)
    message = str(caught.value)
    assert "backup" in message
    assert "never deleted" in message


def test_refused_file_with_a_wal_keeps_its_wal(folder: DataFolder, tmp_path: Path) -> None:
    """A newer version crashed, leaving a -wal: both files stay exactly as they were."""
    _real_database(folder, days=3)
    live = sqlite3.connect(folder.database)
    live.execute("PRAGMA journal_mode = WAL")
    live.execute("UPDATE alembic_version SET version_num = '9999'")
    live.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for path in (folder.database, *sidecars(folder.database)):
        if not path.name.endswith("-shm"):
            shutil.copy2(path, crashed / path.name)
    live.close()
    for path in (folder.database, *sidecars(folder.database)):
        path.unlink()
    for path in crashed.iterdir():
        shutil.copy2(path, folder.root / path.name)
    assert os.path.getsize(str(folder.database) + "-wal") > 0
    before = files(folder.root)
    with pytest.raises(DatabaseFromTheFuture, match="9999"):
        open_database(folder, now=NOW)
    assert files(folder.root) == before


def test_a_wal_without_its_database_is_refused(folder: DataFolder) -> None:
    folder.ensure()
    wal = folder.root / "selftrust.db-wal"
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(100))
    with pytest.raises(DamagedDatabase, match="missing"):
        open_database(folder, now=NOW)
    assert not folder.database.exists()
    assert wal.read_bytes()[:4] == b"\x37\x7f\x06\x82"


def test_a_folder_named_like_the_database_is_refused(folder: DataFolder) -> None:
    folder.ensure()
    folder.database.mkdir()
    with pytest.raises(NotOurDatabase, match="folder"):
        open_database(folder, now=NOW)


def test_start_fresh_moves_the_refused_file_aside(folder: DataFolder) -> None:
    folder.ensure()
    _loop_backup(folder)
    original = folder.database.read_bytes()
    with pytest.raises(NotOurDatabase):
        open_database(folder, now=NOW)
    moved = start_fresh(folder, now=NOW)
    assert moved == folder.root / "selftrust.db.refused-20260302-093000"
    assert moved.read_bytes() == original
    with open_database(folder, now=NOW) as db:
        assert db.created


def test_start_fresh_moves_the_wal_along_and_never_overwrites(folder: DataFolder) -> None:
    folder.ensure()
    _garbage(folder)
    (folder.root / "selftrust.db-wal").write_bytes(b"wal bytes")
    first = start_fresh(folder, now=NOW)
    _garbage(folder)
    second = start_fresh(folder, now=NOW)
    assert first is not None and second is not None and first != second
    assert (first.parent / (first.name + "-wal")).read_bytes() == b"wal bytes"
    assert second.name.endswith("-2")
    assert start_fresh(folder, now=NOW) is None


def test_missing_database_is_not_created_when_not_allowed(folder: DataFolder) -> None:
    with pytest.raises(DatabaseMissing, match="no Self-Trust database"):
        open_database(folder, allow_create=False)
    assert not folder.database.exists()
