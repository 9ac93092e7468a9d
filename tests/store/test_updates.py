"""Opening a database from an older revision: copy first, then migrate, or change nothing.

The tests add one more revision on top of the head (called "test_next") to a copy of
the migrations folder; the machinery under test (backup, foreign keys off while tables are
rebuilt, one transaction) is the same for every future migration.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import NOW, add_checkin, add_commitment, add_reflection, read_rows

from selftrust.store import migrate
from selftrust.store.backups import list_backups
from selftrust.store.database import open_database
from selftrust.store.errors import MigrationFailed
from selftrust.store.paths import DataFolder

HEAD = migrate.head_revision()
NEXT = "test_next"

REBUILD_COMMITMENT = '''
def upgrade() -> None:
    # recreate="always" copies the table, drops the old one and renames the copy:
    # with foreign keys on, the drop would cascade into every check-in.
    with op.batch_alter_table("commitment", recreate="always") as batch:
        batch.add_column(sa.Column("extra", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("commitment", recreate="always") as batch:
        batch.drop_column("extra")
'''

FAILING = '''
def upgrade() -> None:
    op.add_column("checkin", sa.Column("mood", sa.Integer(), nullable=True))
    op.execute("UPDATE checkin SET mood = 1")
    raise RuntimeError("this migration is broken on purpose")


def downgrade() -> None:
    pass
'''

ORPHANING = '''
def upgrade() -> None:
    op.execute("DELETE FROM commitment")


def downgrade() -> None:
    pass
'''


@pytest.fixture
def second_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[[str], None]:
    """Install a copy of the migrations with an extra revision on top holding ``body``."""

    def install(body: str) -> None:
        copy = tmp_path / "migrations"
        shutil.copytree(migrate.MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
        header = (
            '"""A test revision."""\n\nimport sqlalchemy as sa\nfrom alembic import op\n\n'
            f'revision = "{NEXT}"\ndown_revision = "{HEAD}"\nbranch_labels = None\n'
            "depends_on = None\n"
        )
        (copy / "versions" / "9999_test.py").write_text(header + body)
        monkeypatch.setattr(migrate, "MIGRATIONS_DIR", copy)
        monkeypatch.setattr(migrate, "REVISIONS", (*migrate.REVISIONS, NEXT))
        migrate.script_directory.cache_clear()

    yield install
    migrate.script_directory.cache_clear()


@pytest.fixture
def old_database(folder: DataFolder) -> Path:
    """A database at revision 0001 with a commitment, two check-ins and a reflection."""
    with open_database(folder, now=NOW, daily_backup=False) as db, db.transaction() as conn:
        commitment = add_commitment(conn)
        add_checkin(conn, commitment, "2026-03-01")
        missed = add_checkin(conn, commitment, "2026-03-02", status="missed")
        add_reflection(conn, commitment_id=commitment, checkin_id=missed)
    return folder.database


def test_update_backs_up_first_and_keeps_every_row(
    folder: DataFolder, old_database: Path, second_revision: Callable[[str], None]
) -> None:
    before = old_database.read_bytes()
    second_revision(REBUILD_COMMITMENT)
    with open_database(folder, now=NOW, daily_backup=False) as db:
        assert db.updated_from == HEAD
        assert db.current_revision() == NEXT
        with db.transaction(write=False) as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM checkin").scalar() == 2
            assert conn.exec_driver_sql("SELECT checkin_id FROM reflection").scalar() == 2
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            columns = [row[1] for row in conn.exec_driver_sql("PRAGMA table_info(commitment)")]
        assert "extra" in columns
    [copy] = [b for b in list_backups(folder) if b.kind == "before-update"]
    assert read_rows(copy.path, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert read_rows(copy.path, "SELECT count(*) FROM checkin") == [(2,)]
    assert before != old_database.read_bytes()


def test_a_failing_update_changes_nothing(
    folder: DataFolder, old_database: Path, second_revision: Callable[[str], None]
) -> None:
    second_revision(FAILING)
    with pytest.raises(MigrationFailed) as caught:
        open_database(folder, now=NOW, daily_backup=False)
    message = str(caught.value)
    assert str(old_database) in message and "undone" in message
    assert caught.value.backup is not None and caught.value.backup.exists()
    assert read_rows(old_database, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    columns = [row[1] for row in read_rows(old_database, "PRAGMA table_info(checkin)")]
    assert "mood" not in columns
    assert read_rows(old_database, "SELECT count(*) FROM checkin") == [(2,)]


def test_an_update_that_would_orphan_rows_is_rolled_back(
    folder: DataFolder, old_database: Path, second_revision: Callable[[str], None]
) -> None:
    second_revision(ORPHANING)
    with pytest.raises(MigrationFailed, match="no longer exist"):
        open_database(folder, now=NOW, daily_backup=False)
    assert read_rows(old_database, "SELECT count(*) FROM commitment") == [(1,)]
