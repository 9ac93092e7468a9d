"""Data, companions, backups and logs are created readable by the owner only."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import pytest
from store_helpers import NOW, add_commitment, mode

from selftrust.store.backups import list_backups
from selftrust.store.database import open_database
from selftrust.store.files import sidecars
from selftrust.store.logfile import log_handler
from selftrust.store.paths import DataFolder

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """The usual desktop umask (022), which would make new files world-readable."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_database_and_its_companions_are_0600(folder: DataFolder) -> None:
    with open_database(folder, now=NOW) as db, db.transaction() as conn:
        add_commitment(conn)
        companions = sidecars(folder.database)
        assert {p.name[-4:] for p in companions} == {"-wal", "-shm"}
        for path in (folder.database, *companions):
            assert mode(path) == 0o600, path
    for path in (folder.root, folder.backups, folder.log_dir):
        assert mode(path) == 0o700, path


def test_backups_are_0600(folder: DataFolder) -> None:
    with open_database(folder, now=NOW) as db:
        db.back_up_now(now=NOW)
    backups = list_backups(folder)
    assert backups
    for backup in backups:
        assert mode(backup.path) == 0o600


def test_a_looser_database_of_ours_is_tightened_on_open(folder: DataFolder) -> None:
    open_database(folder, now=NOW).close()
    folder.database.chmod(0o644)
    open_database(folder, now=NOW).close()
    assert mode(folder.database) == 0o600


def test_log_files_are_0600_also_after_rotation(folder: DataFolder) -> None:
    handler = log_handler(folder, max_bytes=200, backup_count=2)
    logger = logging.getLogger("selftrust.test.logfile")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for i in range(20):
            logger.warning("line %d of the log, long enough to rotate soon", i)
    finally:
        logger.removeHandler(handler)
        handler.close()
    logs = sorted(folder.log_dir.iterdir())
    assert [p.name for p in logs] == ["selftrust.log", "selftrust.log.1", "selftrust.log.2"]
    for path in logs:
        assert mode(path) == 0o600, path
    assert "rotate soon" in folder.log_file.read_text(encoding="utf-8")
