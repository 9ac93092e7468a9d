"""Opening the user's database safely, and the one object the rest of the app talks to.

``open_database`` checks the file read-only before anything is written (see
``inspection.py``; the app and the CLI ask for the cheap check, whose cost does not
grow with the data: header, schema and revision, with ``quick_check`` only after a
session that did not close cleanly, see ``markers.py``), creates a new database
atomically, backs up before migrating, migrates, and makes the daily backup. A file
it will not open is left exactly as it was and reported with a ``RefusedDatabase``
error; ``start_fresh`` then moves it aside (never deletes it) if the user chooses so.

``Database`` hands out connections in transactions: one user action is one
``with db.transaction() as conn:`` (or ``with db.session() as session:``) block,
committed when the block ends and rolled back if it raises.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from selftrust.base.i18n import _
from selftrust.store import markers, migrate
from selftrust.store.engine import BEGIN_MODE, create_engine, dispose_engine, in_use
from selftrust.store.errors import (
    BackupFailed,
    DamagedDatabase,
    DamageFound,
    DatabaseLocked,
    DatabaseMissing,
    DataFolderProblem,
    MigrationFailed,
    StoreError,
)
from selftrust.store.files import (
    fsync_file,
    make_private,
    move_aside,
    place,
    sidecars,
)
from selftrust.store.inspection import check_file
from selftrust.store.paths import DataFolder
from selftrust.store.watch import OutsideWrites

if TYPE_CHECKING:  # making backups: imported when one is made, not to open the data
    from selftrust.store.backups import Backup

log = logging.getLogger(__name__)


class Database:
    """An open Self-Trust database that passed its checks and is at the head revision.

    ``created`` tells whether this open made a new, empty database; ``updated_from`` is
    the revision it was migrated from (None if it was already current), so the UI can
    say so; ``backup_problem`` holds a failed daily backup (opening still succeeds);
    ``checked`` names the check the file passed at open ("header", "quick_check" or
    "integrity_check").
    """

    def __init__(
        self,
        folder: DataFolder,
        engine: Engine,
        *,
        created: bool = False,
        updated_from: str | None = None,
    ) -> None:
        self.folder = folder
        self.engine = engine
        self.created = created
        self.updated_from = updated_from
        self.backup_problem: BackupFailed | None = None
        self.checked = "integrity_check"
        self._closed = False
        self._outside = OutsideWrites(folder.database)
        self._marker: Path | None = None

    @property
    def path(self) -> Path:
        return self.folder.database

    @property
    def closed(self) -> bool:
        return self._closed

    @contextlib.contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Connection]:
        """One transaction, committed at the end of the block, rolled back on error.

        ``write=True`` begins IMMEDIATE (takes the write lock first, so a write never
        fails half-way because another program wrote meanwhile); ``write=False``
        begins DEFERRED, for a consistent read that does not block others.
        """
        self._ensure_open()
        if write:
            self._refuse_if_damaged()
        writing = False
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{BEGIN_MODE: "IMMEDIATE" if write else "DEFERRED"})
                with conn.begin():
                    if write:  # the write lock is held: no one else commits until we do
                        self._outside.before_own_write()
                        writing = True
                    yield conn
        except sa.exc.OperationalError as exc:
            if _is_busy(exc):
                raise DatabaseLocked(self.path) from exc
            raise
        finally:
            if writing:
                self._outside.after_own_write()

    @contextlib.contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """An SQLModel session inside one ``transaction()``; flushed and committed at the end.

        Calling ``session.commit()`` inside the block does not end the transaction;
        the block does. Objects stay readable after the block (no expiry on commit).
        """
        with (
            self.transaction(write=write) as conn,
            Session(bind=conn, expire_on_commit=False) as session,
        ):
            yield session
            session.flush()

    def current_revision(self) -> str | None:
        """The schema revision stamped in the file (the head, once opened)."""
        with self.transaction(write=False) as conn:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()

    @staticmethod
    def head_revision() -> str:
        """The schema revision this version of Self-Trust writes."""
        return migrate.head_revision()

    def back_up_now(self, *, now: datetime | None = None) -> Backup:
        """Write today's backup now (replacing an earlier one from today)."""
        from selftrust.store import backups

        self._ensure_open()
        return backups.back_up_now(self.folder, now=now)

    def passed(self, check: str) -> None:
        """The file passed ``check`` and is in use: leave the open marker that a clean
        close removes again."""
        self.checked = check
        self._marker = markers.mark_open(self.path)

    @property
    def damaged(self) -> bool:
        """True once the full check found this file damaged (here or in another
        process): from then on every write is refused with ``DamageFound``."""
        return markers.damage_recorded(self.path)

    def found_damage(self, detail: str) -> DamagedDatabase:
        """Reading met a damaged page: remember it (no write from now on) and return the
        error to show."""
        markers.record_damage(self.path, detail)
        return DamagedDatabase(self.path, detail)

    def _refuse_if_damaged(self) -> None:
        if markers.damage_recorded(self.path):  # one stat: cheap beside a write's fsync
            raise DamageFound(self.path)

    def changed_elsewhere(self) -> bool:
        """True once after another program (the CLI, a second connection) committed to
        this file since the last call; our own writes do not count (see ``watch.py``).
        The first call starts watching: a window makes it when it opens."""
        return False if self._closed else self._outside.changed()

    def close(self) -> None:
        """Close all connections; SQLite folds the -wal back into the file. Idempotent."""
        if not self._closed:
            self._closed = True
            self._outside.close()  # first, so the engine's last connection folds the -wal
            dispose_engine(self.engine, self.path)
            markers.mark_closed(self._marker)  # last: the session ended in order

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _ensure_open(self) -> None:
        if self._closed:
            raise StoreError(_("{path} has been closed.").format(path=self.path), self.path)


def open_database(
    folder: DataFolder,
    *,
    allow_create: bool = True,
    now: datetime | None = None,
    thorough: bool = True,
    daily_backup: bool = True,
    cheap: bool = False,
) -> Database:
    """Open (or create) the database in ``folder``, refusing any file that is not safe.

    ``allow_create=False`` raises ``DatabaseMissing`` instead of creating a database.
    ``now`` is the clock for backup names and rotation (tests pass a fixed one).
    ``thorough`` runs ``PRAGMA integrity_check`` on open; False runs the faster
    ``quick_check``. ``cheap`` (the app and the CLI) runs neither after a clean close:
    the header, schema and revision are checked, ``quick_check`` only when a session
    did not close cleanly, and the full check is left to the daily backup (see
    ``markers.py``). A file whose damage was found before always gets the full check.
    Raises a ``StoreError``; a ``RefusedDatabase`` means the file was not touched.
    """
    folder.ensure()
    path = folder.database
    unclean = markers.left_open(path)
    damage_known = markers.damage_recorded(path)
    if damage_known or (thorough and not cheap):
        checked = "integrity_check"
    elif unclean or not cheap:
        checked = "quick_check"
    else:
        checked = "header"

    def check() -> str | None:
        return check_file(path, thorough=checked == "integrity_check", pages=checked != "header")

    revision = check()
    created = False
    if revision is None:
        if not allow_create:
            raise DatabaseMissing(path)
        created = _create(folder)
        revision = migrate.head_revision() if created else check()
        if revision is None:  # pragma: no cover - it was there a moment ago
            raise DatabaseMissing(path)
    for file in (path, *sidecars(path)):
        make_private(file)

    updated_from = None
    if revision != migrate.head_revision():
        engine = _update(folder, revision, now)
        updated_from = revision
    else:
        engine = create_engine(path)
    db = Database(folder, engine, created=created, updated_from=updated_from)
    try:
        with db.transaction(write=False) as conn:
            conn.exec_driver_sql("SELECT 1")  # run the pragmas now, not at the first click
    except sa.exc.OperationalError as exc:
        # No room for the -wal/-shm files, a read-only folder, an I/O error.
        db.close()
        raise DataFolderProblem(path, str(exc.orig or exc)) from exc
    except BaseException:
        db.close()
        raise
    db.passed(checked)
    markers.forget(unclean)  # the file passed its check: those sessions are over
    if damage_known:
        markers.clear_damage(path)  # it passed the full check: restored, or started fresh
    if daily_backup:
        from selftrust.store import backups

        try:
            backups.back_up_if_due(folder, now=now)
        except BackupFailed as exc:
            log.warning("daily backup failed: %s", exc)
            db.backup_problem = exc
    return db


def start_fresh(folder: DataFolder, *, now: datetime | None = None) -> Path | None:
    """Move the database (and its -wal/-shm) aside as ``selftrust.db.refused-<stamp>``.

    Nothing is deleted; the next ``open_database`` creates a new, empty database.
    Returns the new name of the old file (None if there was none).
    """
    path = folder.database
    if in_use(path):
        raise StoreError(_("{path} is still open; close it before starting fresh.").format(
            path=path), path)
    if not path.exists() and not sidecars(path):
        return None
    moved = move_aside(path, "refused", (now or datetime.now()).astimezone())
    log.info("moved %s aside to %s", path, moved)
    return moved


def _create(folder: DataFolder) -> bool:
    """Build a new database under a temporary name and link it into place.

    Either the complete, migrated database appears or nothing does, so an
    interrupted first start never leaves an empty file that the next start would
    (rightly) refuse. Returns False if another process created one meanwhile.
    """
    final = folder.database
    fd, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".new", dir=folder.root)
    os.close(fd)
    temporary = Path(name)
    try:
        make_private(temporary)
        engine = create_engine(temporary)
        try:
            migrate.upgrade(engine)
        finally:
            dispose_engine(engine, temporary)
        if sidecars(temporary):
            raise StoreError(_("{path} was not closed cleanly.").format(path=temporary), temporary)
        fsync_file(temporary)
        place(temporary, final)
    except FileExistsError:
        temporary.unlink(missing_ok=True)
        return False
    except sa.exc.OperationalError as exc:
        _discard(temporary)
        # TRANSLATORS: {reason} is SQLite's own words.
        raise StoreError(_("Self-Trust could not create {path} ({reason}).").format(
            path=final, reason=exc.orig), final) from exc
    except BaseException:
        _discard(temporary)
        raise
    log.info("created a new database at %s", final)
    return True


def _update(folder: DataFolder, revision: str, now: datetime | None) -> Engine:
    """Back up, then migrate to the head; the backup must succeed first."""
    from selftrust.store import backups

    path = folder.database
    copy = backups.back_up_labelled(folder, backups.BEFORE_UPDATE, now=now)
    engine = create_engine(path)
    try:
        migrate.upgrade(engine)
    except Exception as exc:
        dispose_engine(engine, path)
        if isinstance(exc, sa.exc.OperationalError) and _is_busy(exc):
            raise DatabaseLocked(path) from exc
        raise MigrationFailed(path, str(exc), copy.path) from exc
    log.info("updated %s from revision %s (copy in %s)", path, revision, copy.path)
    return engine


def _is_busy(exc: sa.exc.OperationalError) -> bool:
    name = getattr(exc.orig, "sqlite_errorname", "")
    return isinstance(name, str) and name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


def _discard(temporary: Path) -> None:
    for file in (temporary, *sidecars(temporary)):
        file.unlink(missing_ok=True)
