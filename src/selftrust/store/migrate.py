"""Schema revisions: which ones exist, which one a database is at, and running Alembic.

The list of revisions is written here as plain data so that opening a database that is
already up to date never imports Alembic (it costs ~70 ms at start-up); a test checks
the list against Alembic's own view of ``migrations/versions``. Alembic is configured
in code, with ``script_location`` pointing into the package, so no ``alembic.ini`` is
needed at run time.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sqlalchemy.engine import Connection, Engine

from selftrust.base import formats
from selftrust.base.i18n import ngettext
from selftrust.store.engine import BEGIN_MODE

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
"""Every revision this version knows, oldest first; the last one is the head."""
APPLICATION_ID = 0x536C6654
"""SQLite header ``application_id`` (b"SlfT") set by revision 0001: "this file is ours"."""


def head_revision() -> str:
    """The revision this version of Self-Trust writes."""
    return REVISIONS[-1]


def is_known(revision: str) -> bool:
    return revision in REVISIONS


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config built in code; ``connection`` is handed to ``env.py``."""
    from alembic.config import Config

    config = Config()
    # configparser interpolation: a "%" in the install path must be doubled.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


@functools.cache
def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in ``alembic_version`` (None for a database without one)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Migrate to ``target`` in one transaction, with foreign keys checked at the end."""
    _run(engine, "upgrade", target)


def downgrade(engine: Engine, target: str) -> None:
    """Migrate down to ``target`` ("base" for nothing); for tests and developers."""
    _run(engine, "downgrade", target)


def _run(engine: Engine, direction: str, target: str) -> None:
    """Run Alembic in a single IMMEDIATE transaction with foreign keys off.

    SQLite alters a table by copying it, dropping the old one and renaming the copy.
    With foreign keys on, that drop would cascade into the rows that refer to it, so
    they are switched off (which SQLite only allows outside a transaction) and
    ``PRAGMA foreign_key_check`` must come back empty before the commit.
    """
    import sqlite3

    from alembic import command

    with engine.connect() as connection:
        raw = cast(sqlite3.Connection, connection.connection.driver_connection)
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            connection.execution_options(**{BEGIN_MODE: "IMMEDIATE"})
            with connection.begin():
                config = alembic_config(connection)
                if direction == "upgrade":
                    command.upgrade(config, target)
                else:
                    command.downgrade(config, target)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise sqlite3.IntegrityError(
                        # TRANSLATORS: why an update of the database was undone; {first} is
                        # the first such row, as SQLite names it.
                        ngettext("{n} row would point at rows that no longer exist (first: "
                                 "{first})",
                                 "{n} rows would point at rows that no longer exist (first: "
                                 "{first})", len(broken)).format(
                            n=formats.number(len(broken)), first=tuple(broken[0]))
                    )
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
