"""The migrations produce exactly the schema of tables.py, and walk up and down cleanly."""

from __future__ import annotations

import re
from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from store_helpers import add_checkin, add_commitment, add_reflection, insert

from selftrust.store import migrate
from selftrust.store.database import Database
from selftrust.store.engine import create_engine, dispose_engine
from selftrust.store.tables import METADATA


def _schema(engine: sa.Engine) -> dict[tuple[str, str], str]:
    """Tables and indexes as SQLite stores them, whitespace normalised."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_schema "
            "WHERE name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        ).fetchall()
    return {(kind, name): re.sub(r"\s+", " ", sql or "") for kind, name, sql in rows}


def test_migrated_schema_matches_the_models_for_alembic(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, METADATA) == []


def test_migrated_schema_is_what_create_all_makes(db: Database, tmp_path: Path) -> None:
    reference = sa.create_engine(f"sqlite:///{tmp_path / 'reference.db'}")
    METADATA.create_all(reference)
    try:
        expected = _schema(reference)
    finally:
        reference.dispose()
    assert _schema(db.engine) == expected
    names = {name for _, name in expected}
    assert {"commitment", "pause", "checkin", "reflection", "setting"} <= names
    assert "uq_checkin_commitment_day" in expected[("table", "checkin")]


def test_the_file_is_marked_as_ours(db: Database) -> None:
    with db.transaction(write=False) as conn:
        app_id = conn.exec_driver_sql("PRAGMA application_id").scalar()
    assert app_id == migrate.APPLICATION_ID


def test_revision_list_matches_alembic() -> None:
    scripts = migrate.script_directory()
    assert scripts.get_heads() == [migrate.head_revision()]
    oldest_first = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert tuple(oldest_first) == migrate.REVISIONS


def test_database_reports_its_revisions(db: Database) -> None:
    assert db.current_revision() == db.head_revision() == migrate.REVISIONS[-1]


def test_every_revision_walks_up_and_down(tmp_path: Path) -> None:
    path = tmp_path / "walk.db"
    engine = create_engine(path)
    try:
        for revision in migrate.REVISIONS:
            migrate.upgrade(engine, revision)
            with engine.connect() as conn:
                assert migrate.current_revision(conn) == revision
        for _ in migrate.REVISIONS:
            migrate.downgrade(engine, "-1")
        with engine.connect() as conn:
            assert migrate.current_revision(conn) is None
            tables = conn.exec_driver_sql(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).scalars().all()
        assert tables == ["alembic_version"]
        migrate.upgrade(engine)
        assert _schema(engine)
    finally:
        dispose_engine(engine, path)


def test_data_written_at_the_first_revision_survives_to_head(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(path)
    try:
        migrate.upgrade(engine, migrate.REVISIONS[0])
        with engine.begin() as conn:
            commitment = add_commitment(conn)
            checkin = add_checkin(conn, commitment, "2026-03-01", status="missed")
            add_reflection(conn, commitment_id=commitment, checkin_id=checkin)
            insert(conn, "setting", key="day_start", value="4")
        migrate.upgrade(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT title FROM commitment").scalar() == (
                "Walk 20 minutes"
            )
            assert conn.exec_driver_sql("SELECT status FROM checkin").scalar() == "missed"
            assert conn.exec_driver_sql("SELECT checkin_id FROM reflection").scalar() == checkin
            assert conn.exec_driver_sql("SELECT value FROM setting").scalar() == "4"
    finally:
        dispose_engine(engine, path)


def test_migration_directory_ships_in_the_package() -> None:
    assert (migrate.MIGRATIONS_DIR / "env.py").is_file()
    assert (migrate.MIGRATIONS_DIR / "script.py.mako").is_file()
    assert (migrate.MIGRATIONS_DIR / "__init__.py").is_file()
    assert (migrate.MIGRATIONS_DIR / "versions" / "__init__.py").is_file()
