"""An open data folder: its session, its ledger and every service, wired together.

The CLI and the UI each create one Workspace and go through its services; nothing
above this layer touches the store directly. The services share one `Session` (the
database, the clock, the settings, the notices) and are handed the other services
they need; none of them knows the workspace, so this module only wires.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection

from selftrust.services.clock import Clock, SystemClock
from selftrust.services.commitments import CommitmentService
from selftrust.services.data_folder import (
    data_folder,
    has_data,
    list_backups,
    restore_backup,
    start_fresh,
    start_logging,
)
from selftrust.services.events import Change, Listener, What
from selftrust.services.ledger import Ledger
from selftrust.services.problems import as_data_problem, write_problem
from selftrust.services.session import Session
from selftrust.services.settings import Settings
from selftrust.store.database import Database, open_database
from selftrust.store.errors import StoreError

if TYPE_CHECKING:
    from selftrust.services.checkins import CheckinService
    from selftrust.services.dashboard import Dashboard
    from selftrust.services.reflections import ReflectionService
    from selftrust.services.stats import StatsService

    # making backups: imported when one is made (off the window's thread)
    from selftrust.store.backups import Backup

__all__ = [  # the folder's functions stay importable from here, as the CLI and UI do
    "Workspace", "open_workspace", "data_folder", "has_data", "list_backups",
    "restore_backup", "start_fresh", "start_logging", "as_data_problem", "write_problem",
]


class Workspace:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        session = self.session = Session(db, clock or SystemClock())
        self.ledger = Ledger(session.read, lambda: session.settings.week_start)
        self.commitments = CommitmentService(session, self.ledger)

    # --- the other services: made (and their modules imported) when first asked for, so
    # a command imports only those it uses; each only holds the parts it is handed.
    @cached_property
    def checkins(self) -> CheckinService:
        from selftrust.services.checkins import CheckinService

        return CheckinService(self.session, self.ledger, self.commitments)

    @cached_property
    def dashboard(self) -> Dashboard:
        from selftrust.services.dashboard import Dashboard

        return Dashboard(self.session, self.ledger, self.commitments, self.checkins)

    @cached_property
    def stats(self) -> StatsService:
        from selftrust.services.stats import StatsService

        return StatsService(self.session, self.ledger, self.commitments)

    @cached_property
    def reflections(self) -> ReflectionService:
        from selftrust.services.reflections import ReflectionService

        return ReflectionService(self.session, self.ledger, self.commitments)

    # --- the session's parts, for the UI and the CLI ----------------------------------
    @property
    def db(self) -> Database:
        return self.session.db

    @property
    def clock(self) -> Clock:
        return self.session.clock

    @property
    def settings(self) -> Settings:
        return self.session.settings

    def write(self) -> AbstractContextManager[Connection]:
        """One user action = one transaction: committed on success, rolled back on error."""
        return self.session.write()

    def read(self) -> AbstractContextManager[Connection]:
        return self.session.read()

    def today(self) -> date:
        return self.session.today()

    def utc_now(self) -> datetime:
        return self.session.utc_now()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        return self.session.subscribe(listener)

    def notify(self, change: Change) -> None:
        self.session.notify(change)

    # --- settings -------------------------------------------------------------------
    def update_settings(self, settings: Settings) -> Settings:
        before = self.settings
        self.session.store_settings(settings.validated())
        if self.settings.week_start != before.week_start:
            self.ledger.load()
        self.notify(Change(What.SETTINGS))
        return before

    # --- the database ---------------------------------------------------------------
    def changed_elsewhere(self) -> bool:
        """True once after another program (``selftrust check`` in a terminal) committed
        to the database since the last call; the first call starts watching (a CLI
        command never does). It only reads; the caller decides when to ``reload()``, so
        a view can first drop state the change made stale (undo)."""
        return self.db.changed_elsewhere()

    def reload(self) -> None:
        """Re-read everything (after an import or a restore)."""
        self.session.reload(self.ledger)

    def reload_in_steps(self) -> Iterator[None]:
        """``reload`` a chunk of check-ins at a time (see ``Session.reload_in_steps``)."""
        return self.session.reload_in_steps(self.ledger)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def reopen(self) -> None:
        """Open the data folder's database again, in place (after a restore swapped the
        file), and reload; every service and view keeps working with the new data (they
        all reach it through the one session)."""
        folder = self.db.folder
        self.db.close()
        try:
            self.session.swap_database(open_database(folder, now=self.clock.now()))
        except StoreError as exc:
            raise as_data_problem(exc) from exc
        self.reload()

    def back_up_if_due(self) -> Backup | None:
        """Make today's daily backup unless there is one already (None then)."""
        from selftrust.store import backups as store_backups

        try:
            return store_backups.back_up_if_due(self.db.folder, now=self.clock.now())
        except StoreError as exc:
            raise as_data_problem(exc) from exc

    def back_up_now(self) -> Backup:
        """A backup the user asked for: kept beside the daily ones, not in their place."""
        from selftrust.store import backups as store_backups

        try:
            return store_backups.back_up_labelled(self.db.folder, "manual", now=self.clock.now())
        except StoreError as exc:
            raise as_data_problem(exc) from exc


def open_workspace(data_dir: Path | None = None, clock: Clock | None = None, *,
                   daily_backup: bool = True) -> Workspace:
    """Open (or create) the data in a folder; DataProblem if it cannot be used as it is.

    ``daily_backup=False`` leaves the day's backup to ``Workspace.back_up_if_due``
    (the app makes it on a worker once the window has painted, so no one waits for
    it). The check at open is the cheap one; the backup's copy is the full check."""
    clock = clock or SystemClock()
    folder = data_folder(data_dir)
    try:
        db = open_database(folder, now=clock.now(), daily_backup=daily_backup, cheap=True)
    except StoreError as exc:
        raise as_data_problem(exc) from exc
    try:
        return Workspace(db, clock)
    except BaseException:
        db.close()
        raise
