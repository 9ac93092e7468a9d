"""An open data folder: the database, its settings, the ledger and every service.

The CLI and the UI each create one Workspace and go through its services; nothing
above this layer touches the store directly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from selftrust.services.checkins import CheckinService
from selftrust.services.clock import Clock, SystemClock, today, utc_now
from selftrust.services.commitments import CommitmentService
from selftrust.services.dashboard import Dashboard
from selftrust.services.errors import DataProblem, Invalid
from selftrust.services.events import Change, Listener, Notifier, What
from selftrust.services.ledger import Ledger
from selftrust.services.reflections import ReflectionService
from selftrust.services.settings import Settings
from selftrust.services.stats import StatsService
from selftrust.store import backups as store_backups
from selftrust.store import repository as repo
from selftrust.store.database import Database, open_database
from selftrust.store.database import start_fresh as store_start_fresh
from selftrust.store.errors import (
    DamagedDatabase,
    DatabaseFromTheFuture,
    DatabaseLocked,
    DataFolderProblem,
    MigrationFailed,
    NotOurDatabase,
    StoreError,
)
from selftrust.store.files import out_of_space
from selftrust.store.logfile import log_handler
from selftrust.store.paths import DataFolder

log = logging.getLogger(__name__)


class Workspace:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self.db = db
        self.clock: Clock = clock or SystemClock()
        self._notifier = Notifier()
        with self.read() as conn:
            self.settings = Settings.from_stored(repo.get_settings(conn))
        self.ledger = Ledger(self.read, lambda: self.settings.week_start)
        self.commitments = CommitmentService(self)
        self.checkins = CheckinService(self)
        self.dashboard = Dashboard(self)
        self.stats = StatsService(self)
        self.reflections = ReflectionService(self)

    # --- transactions ---------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One user action = one transaction: committed on success, rolled back on error."""
        try:
            with self.db.transaction(write=True) as conn:
                yield conn
        except StoreError as exc:
            raise as_data_problem(exc) from exc
        except sa.exc.IntegrityError as exc:
            log.warning("refused by the database: %s", exc)
            raise Invalid("That change does not fit your data (it was not saved).") from exc
        except sa.exc.OperationalError as exc:
            raise write_problem(exc, self.db.path) from exc

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.db.transaction(write=False) as conn:
                yield conn
        except StoreError as exc:
            raise as_data_problem(exc) from exc

    # --- time -----------------------------------------------------------------------
    def today(self) -> date:
        return today(self.clock, self.settings.day_start_hour)

    def utc_now(self) -> datetime:
        return utc_now(self.clock)

    # --- settings -------------------------------------------------------------------
    def update_settings(self, settings: Settings) -> Settings:
        before = self.settings
        settings = settings.validated()
        with self.write() as conn:
            for key, value in settings.to_stored().items():
                repo.put_setting(conn, key, value)
        self.settings = settings
        if settings.week_start != before.week_start:
            self.ledger.load()
        self.notify(Change(What.SETTINGS))
        return before

    # --- change notices -------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        return self._notifier.subscribe(listener)

    def notify(self, change: Change) -> None:
        self._notifier.publish(change)

    def changed_elsewhere(self) -> bool:
        """True once after another program (``selftrust check`` in a terminal) committed
        to the database since the last call; the first call starts watching (a CLI
        command never does). It only reads; the caller decides when to ``reload()``, so
        a view can first drop state the change made stale (undo)."""
        return self.db.changed_elsewhere()

    def reload(self) -> None:
        """Re-read everything (after an import or a restore)."""
        with self.read() as conn:
            self.settings = Settings.from_stored(repo.get_settings(conn))
        self.ledger.load()
        self.notify(Change(What.EVERYTHING))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def reopen(self) -> None:
        """Open the data folder's database again, in place (after a restore swapped the
        file), and reload; every service and view keeps working with the new data."""
        folder = self.db.folder
        self.db.close()
        try:
            self.db = open_database(folder, now=self.clock.now())
        except StoreError as exc:
            raise as_data_problem(exc) from exc
        self.reload()

    def back_up_if_due(self) -> store_backups.Backup | None:
        """Make today's daily backup unless there is one already (None then)."""
        try:
            return store_backups.back_up_if_due(self.db.folder, now=self.clock.now())
        except StoreError as exc:
            raise as_data_problem(exc) from exc

    def back_up_now(self) -> store_backups.Backup:
        """A backup the user asked for: kept beside the daily ones, not in their place."""
        try:
            return store_backups.back_up_labelled(self.db.folder, "manual", now=self.clock.now())
        except StoreError as exc:
            raise as_data_problem(exc) from exc


# --- opening a data folder ----------------------------------------------------------------


def data_folder(data_dir: Path | None) -> DataFolder:
    """The data folder: --data-dir, else SELFTRUST_DATA_DIR, else the platform's folder."""
    return DataFolder.resolve(data_dir)


def has_data(data_dir: Path | None) -> bool:
    """Whether the folder holds a Self-Trust database already: a command that only reads
    must not create one (a mistyped --data-dir would otherwise become an empty record)."""
    return data_folder(data_dir).database.exists()


def start_logging(data_dir: Path | None, *, verbose: bool = False) -> None:
    """Log to the data folder's rotating, owner-only log file (once per process).

    A folder that cannot be written must not stop the app from reporting that problem
    properly later, so failures here are ignored."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if any(getattr(h, "selftrust", False) for h in root.handlers):
        return
    try:
        handler = log_handler(data_folder(data_dir))
    except (OSError, StoreError):
        return
    handler.selftrust = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    # Font subsetting for a PDF chart logs a hundred lines at INFO; they help nobody.
    logging.getLogger("fontTools").setLevel(logging.WARNING)


def open_workspace(data_dir: Path | None = None, clock: Clock | None = None, *,
                   daily_backup: bool = True) -> Workspace:
    """Open (or create) the data in a folder; DataProblem if it cannot be used as it is.

    ``daily_backup=False`` leaves the day's backup to ``Workspace.back_up_if_due``
    (the app makes it once the window has painted, so no one waits for it)."""
    clock = clock or SystemClock()
    folder = data_folder(data_dir)
    try:
        db = open_database(folder, now=clock.now(), daily_backup=daily_backup)
    except StoreError as exc:
        raise as_data_problem(exc) from exc
    try:
        return Workspace(db, clock)
    except BaseException:
        db.close()
        raise


def list_backups(data_dir: Path | None) -> list[store_backups.Backup]:
    return store_backups.list_backups(data_folder(data_dir))


def restore_backup(
    data_dir: Path | None, backup: Path, *, now: datetime | None = None
) -> Path | None:
    """Put a backup in place; returns where the previous database was kept (never deleted).

    ``now`` (default: the real clock) dates the name of the kept file, so a command
    run with a fixed clock names it by that clock. The workspace on that folder must
    be closed first."""
    try:
        return store_backups.restore(data_folder(data_dir), backup, now=now)
    except StoreError as exc:
        raise as_data_problem(exc) from exc


def start_fresh(data_dir: Path | None) -> Path | None:
    """Move a database that cannot be opened aside (never deleted) so a new one can start."""
    try:
        return store_start_fresh(data_folder(data_dir))
    except StoreError as exc:
        raise as_data_problem(exc) from exc


_KINDS: tuple[tuple[type[StoreError], str], ...] = (
    (DatabaseFromTheFuture, "future"),
    (NotOurDatabase, "foreign"),
    (DamagedDatabase, "damaged"),
    (DatabaseLocked, "locked"),
    (DataFolderProblem, "folder"),
    (MigrationFailed, "migration"),
)


def as_data_problem(exc: StoreError) -> DataProblem:
    kind = next((k for cls, k in _KINDS if isinstance(exc, cls)), "other")
    if kind in ("folder", "other") and exc.path is not None and out_of_space(exc.path):
        return DataProblem(
            f"Your disk is full, so Self-Trust cannot use {exc.path} right now. Free some "
            "space and try again; everything saved before is safe.",
            path=str(exc.path), kind="full",
        )
    return DataProblem(str(exc), path=str(exc.path or ""), kind=kind)


def write_problem(exc: sa.exc.OperationalError, path: Path) -> DataProblem:
    """Disk full, read-only folder, I/O errors: say so plainly; nothing was saved."""
    text = str(exc.orig) if exc.orig is not None else str(exc)
    lowered = text.lower()
    if "full" in lowered or (("i/o" in lowered or "ioerr" in lowered) and out_of_space(path)):
        message = (f"Your disk is full, so the last change to {path} was not saved. "
                   "Free some space and try again; everything saved before is safe.")
        kind = "full"
    elif "readonly" in lowered or "read-only" in lowered:
        message = (f"{path} cannot be written (the folder or file is read-only), so the "
                   "last change was not saved. Everything saved before is safe.")
        kind = "readonly"
    elif "locked" in lowered or "busy" in lowered:
        message = (f"{path} is busy in another program, so the last change was not saved. "
                   "Please try again in a moment.")
        kind = "locked"
    else:
        message = (f"Saving to {path} failed ({text}). The change was not saved; "
                   "everything saved before is safe.")
        kind = "io"
    log.error("write failed: %s", text)
    return DataProblem(message, path=str(path), kind=kind)
