"""Daily backups: made on open when due, verified, rotated, and never made twice a day."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from store_helpers import NOW, add_commitment, files, read_rows

from selftrust.store import backups
from selftrust.store.backups import back_up_if_due, list_backups
from selftrust.store.database import Database, open_database
from selftrust.store.errors import BackupFailed
from selftrust.store.paths import DataFolder


def _dailies(folder: DataFolder) -> list[str]:
    """The backups of the daily rotation: the dailies and the weeklies kept from them."""
    return sorted(b.path.name for b in list_backups(folder) if b.kind in ("daily", "weekly"))


def test_opening_makes_the_first_backup(folder: DataFolder) -> None:
    with open_database(folder, now=NOW):
        pass
    [backup] = list_backups(folder)
    assert backup.path == folder.backups / "selftrust-2026-03-02.db"
    assert backup.kind == "daily"
    assert backup.taken_at == NOW
    assert backup.size == backup.path.stat().st_size > 0


def test_not_twice_a_day(folder: DataFolder) -> None:
    open_database(folder, now=NOW).close()
    first = files(folder.backups)
    open_database(folder, now=NOW + timedelta(hours=13)).close()
    assert files(folder.backups) == first
    assert back_up_if_due(folder, now=NOW + timedelta(hours=14)) is None


def test_a_new_day_brings_a_new_backup(folder: DataFolder) -> None:
    open_database(folder, now=NOW).close()
    open_database(folder, now=NOW + timedelta(days=1, hours=-9)).close()  # just after midnight
    assert _dailies(folder) == ["selftrust-2026-03-02.db", "selftrust-2026-03-03.db"]


def test_a_backup_holds_the_data_as_one_checked_file(db: Database) -> None:
    with db.transaction() as conn:
        add_commitment(conn)
    backup = db.back_up_now(now=NOW + timedelta(minutes=1))
    assert read_rows(backup.path, "SELECT title FROM commitment") == [("Walk 20 minutes",)]
    assert read_rows(backup.path, "PRAGMA integrity_check") == [("ok",)]
    header = backup.path.read_bytes()[:20]
    assert header[18:20] == b"\x01\x01"  # rollback journal: no -wal/-shm when opened
    names = sorted(p.name for p in db.folder.backups.iterdir())
    assert names == ["selftrust-2026-03-02.db"]  # refreshed in place, no partial left


def test_back_up_now_replaces_todays_backup(db: Database) -> None:
    with db.transaction() as conn:
        add_commitment(conn)
    later = NOW + timedelta(hours=2)
    backup = db.back_up_now(now=later)
    assert backup.taken_at == later
    assert [b.taken_at for b in list_backups(db.folder)] == [later]


def test_sixty_days_of_use_keep_seven_dailies_and_four_weeklies(folder: DataFolder) -> None:
    start = datetime(2026, 1, 1, 8, 0).astimezone()
    for i in range(60):
        with open_database(folder, now=start + timedelta(days=i), thorough=False) as db:
            if i % 10 == 0:
                with db.transaction() as conn:
                    add_commitment(conn, uid=f"c{i}")
    names = _dailies(folder)
    assert names == [  # weeklies: the Sundays of 4 older weeks; then the last 7 days
        "selftrust-2026-02-01.db",
        "selftrust-2026-02-08.db",
        "selftrust-2026-02-15.db",
        "selftrust-2026-02-22.db",
        *[f"selftrust-2026-02-{d}.db" for d in range(23, 29)],
        "selftrust-2026-03-01.db",
    ]
    newest = folder.backups / "selftrust-2026-03-01.db"
    assert read_rows(newest, "SELECT count(*) FROM commitment") == [(6,)]
    # The four kept for their week are weeklies, and are called so (not "daily").
    kinds = {b.path.name: b.kind for b in list_backups(folder)}
    assert [kinds[n] for n in names] == ["weekly"] * 4 + ["daily"] * 7


def test_other_files_in_the_backup_folder_are_left_alone(folder: DataFolder) -> None:
    folder.ensure()
    mine = folder.backups / "my-notes.txt"
    mine.write_text("keep me")
    old_update = folder.backups / "selftrust-before-update-20250101-120000.db"
    old_update.write_bytes(b"x")
    start = NOW
    for i in range(20):
        open_database(folder, now=start + timedelta(days=i), thorough=False).close()
    assert mine.read_text() == "keep me"
    assert old_update.exists()
    assert [b.kind for b in list_backups(folder)].count("before-update") == 1


def test_a_failed_backup_leaves_no_partial_file_and_still_opens(
    folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(folder, now=NOW).close()
    before = files(folder.backups)

    def disk_full(path: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "fsync_file", disk_full)
    with pytest.raises(BackupFailed, match="No space left"):
        backups.back_up_now(folder, now=NOW + timedelta(days=1))
    assert files(folder.backups) == before
    with open_database(folder, now=NOW + timedelta(days=1)) as db:
        assert isinstance(db.backup_problem, BackupFailed)
    assert files(folder.backups) == before


def test_a_damaged_copy_is_never_renamed_into_place(
    folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(folder, now=NOW).close()
    before = files(folder.backups)
    monkeypatch.setattr(backups, "integrity_problems", lambda conn: ["row 3 missing from index"])
    with pytest.raises(BackupFailed, match="row 3 missing"):
        backups.back_up_now(folder, now=NOW + timedelta(days=1))
    assert files(folder.backups) == before
