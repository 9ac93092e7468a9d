"""Look at a database file, read-only, and say whether Self-Trust may open it.

This runs before anything writes: a file that is damaged, belongs to another app or
comes from a newer Self-Trust must be left byte-for-byte as it was, so the user can
still take it to a newer version, a backup tool or a friend who knows SQLite.

SQLite is asked through Python's sqlite3 in read-only mode. When the file has no
companions, it is also opened ``immutable``, which keeps SQLite from creating
``-wal``/``-shm`` files next to it; when a ``-wal`` is there (say after a crash), it
is part of the data and is read, not changed. Any companion file the check itself
created is removed again (a -wal only while empty).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from selftrust.base.i18n import _
from selftrust.store.engine import BUSY_TIMEOUT_MS
from selftrust.store.errors import (
    DamagedDatabase,
    DatabaseFromTheFuture,
    DatabaseLocked,
    DataFolderProblem,
    NotOurDatabase,
    Role,
    StoreError,
)
from selftrust.store.files import removing_new_sidecars, sidecar, sidecars
from selftrust.store.migrate import APPLICATION_ID, is_known

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


def check_file(
    path: Path, *, role: Role = "database", thorough: bool = True, pages: bool = True
) -> str | None:
    """Return the schema revision of the Self-Trust database at ``path``.

    Returns None when there is no file (a new database may be created there).
    Raises a ``RefusedDatabase`` subclass for a file we must not touch, and
    ``DatabaseLocked`` or ``DataFolderProblem`` when it cannot be read right now.
    ``thorough`` runs ``PRAGMA integrity_check`` instead of the faster ``quick_check``;
    ``pages=False`` runs neither (the header, our application id, schema and revision
    are still checked): the cheap check at open after a clean close, whose cost does
    not grow with the years of data.
    """
    wal = sidecar(path, "-wal")
    if not path.exists():
        if wal.exists() and wal.stat().st_size > 0:
            raise DamagedDatabase(
                path,
                # TRANSLATORS: why a database cannot be opened (put into a longer message);
                # -wal is the name of a file beside it.
                _("the file is missing, but its -wal companion with recent changes is still "
                  "there"),
                role,
            )
        return None
    if path.is_dir():
        raise NotOurDatabase(path, _("it is a folder, not a file"), role)
    _check_header(path, role)
    with removing_new_sidecars(path):
        return _check_contents(path, role, thorough=thorough, pages=pages)


def read_only_uri(path: Path) -> str:
    """A URI that lets SQLite read ``path`` without changing it or adding files next to it.

    "immutable" only when no companion exists: then nobody has the file open in WAL
    mode and the file alone is the whole story. Otherwise it is read through SQLite's
    locks (plain read-only), so a -wal's contents and a running writer are respected;
    wrap that case in ``files.removing_new_sidecars``.
    """
    query = "mode=ro" if sidecars(path) else "mode=ro&immutable=1"
    return f"{path.absolute().as_uri()}?{query}"


def _check_header(path: Path, role: Role) -> None:
    """Catch garbage and cut-short files from the 100-byte header, before SQLite runs."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            header = file.read(HEADER_SIZE)
    except OSError as exc:
        raise DataFolderProblem(path, exc.strerror or str(exc)) from exc
    if size == 0:
        raise DamagedDatabase(path, _("it is empty (0 bytes)"), role)
    if not header.startswith(SQLITE_MAGIC):
        raise DamagedDatabase(path, _("it is not a database file at all"), role)
    if len(header) < HEADER_SIZE:
        raise DamagedDatabase(path, _("it has been cut short"), role)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DamagedDatabase(path, _("its header is damaged"), role)
    pages = int.from_bytes(header[28:32], "big")
    pages_valid = pages > 0 and header[24:28] == header[92:96]
    if size % page_size or (pages_valid and size < pages * page_size):
        raise DamagedDatabase(path, _("it has been cut short"), role)


def sqlite_reports(reason: object) -> str:
    """ "SQLite reports “file is not a database”": SQLite's own words, as a detail."""
    # TRANSLATORS: why a database is damaged; {reason} is SQLite's own (English) words.
    return _("SQLite reports “{reason}”").format(reason=reason)


def _check_contents(path: Path, role: Role, *, thorough: bool, pages: bool) -> str:
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise _translate(exc, path, role) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
            )
        ]
        if app_id != APPLICATION_ID:
            raise NotOurDatabase(path, _describe_foreign(tables), role)
        if "alembic_version" not in tables:
            raise NotOurDatabase(path, _("it has no schema revision"), role)
        versions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
        if len(versions) != 1:
            raise NotOurDatabase(path, _("it has no single schema revision"), role)
        pragma = "integrity_check" if thorough else "quick_check"
        problems = [row[0] for row in conn.execute(f"PRAGMA {pragma}(3)")] if pages else ["ok"]
        if problems != ["ok"]:
            raise DamagedDatabase(path, sqlite_reports(problems[0]), role)
    except sqlite3.Error as exc:
        raise _translate(exc, path, role) from exc
    finally:
        conn.close()
    revision = str(versions[0])
    if not is_known(revision):
        raise DatabaseFromTheFuture(path, revision, role)
    return revision


def _describe_foreign(tables: list[str]) -> str:
    names = {t.lower() for t in tables}
    if {"habits", "repetitions"} <= names:
        return _("it looks like a Loop Habit Tracker backup")
    if not tables:
        return _("it is an empty database")
    if {"commitment", "checkin"} <= names:
        return _("its tables look like Self-Trust's, but Self-Trust did not make it")
    shown = ", ".join(tables[:4]) + (", …" if len(tables) > 4 else "")
    # TRANSLATORS: {tables} are the names of a database's tables, as they are.
    return _("it holds other tables ({tables})").format(tables=shown)


def _translate(exc: sqlite3.Error, path: Path, role: Role) -> StoreError:
    """Map an SQLite error met while checking to the error the user should see."""
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DatabaseLocked(path)
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH", "SQLITE_IOERR")):
        return DataFolderProblem(path, str(exc))
    return DamagedDatabase(path, sqlite_reports(exc), role)
