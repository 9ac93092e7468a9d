"""What every service shares: the open database, the clock, the settings, the notices.

The services receive this small object (and the other services they need) instead of
the whole workspace, so none of them imports the module that wires them. It holds
the database handle, so when a restore swaps the file (`swap_database`) every
service reads and writes the new one without being told.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from selftrust.base.i18n import _
from selftrust.services.clock import Clock, today, utc_now
from selftrust.services.errors import Invalid
from selftrust.services.events import Change, Listener, Notifier, What
from selftrust.services.ledger import Ledger
from selftrust.services.problems import as_data_problem, write_problem
from selftrust.services.settings import Settings
from selftrust.store import repository as repo
from selftrust.store.database import Database
from selftrust.store.errors import StoreError

log = logging.getLogger(__name__)


class Session:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self._notifier = Notifier()
        self.settings = Settings()
        self.load_settings()

    # --- transactions ---------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One user action = one transaction: committed on success, rolled back on error."""
        try:
            with self._transaction(write=True) as conn:
                yield conn
        except sa.exc.IntegrityError as exc:
            log.warning("refused by the database: %s", exc)
            raise Invalid(_("That change does not fit your data (it was not saved).")) from exc
        except sa.exc.OperationalError as exc:
            raise write_problem(exc, self.db.path) from exc

    def read(self) -> AbstractContextManager[Connection]:
        return self._transaction(write=False)

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Connection]:
        try:
            with self.db.transaction(write=write) as conn:
                yield conn
        except StoreError as exc:
            raise as_data_problem(exc) from exc
        except sa.exc.DatabaseError as exc:
            if type(exc) is not sa.exc.DatabaseError:  # locked, full, refused: not damage
                raise
            # The cheap check at open passed, but a read met a damaged page: say so, with
            # the way to restore; nothing is written to the file from now on.
            # TRANSLATORS: {error} is SQLite's own message (English), said as the detail of
            # damage found in the data file.
            detail = _("SQLite reports “{error}”").format(error=exc.orig)
            raise as_data_problem(self.db.found_damage(detail)) from exc

    def swap_database(self, db: Database) -> None:
        """Use another database from now on (the same folder's file after a restore)."""
        self.db = db

    # --- time -----------------------------------------------------------------------
    def today(self) -> date:
        return today(self.clock, self.settings.day_start_hour)

    def utc_now(self) -> datetime:
        return utc_now(self.clock)

    # --- settings -------------------------------------------------------------------
    def load_settings(self) -> None:
        """Read the settings as stored (at opening, and after an import or a restore)."""
        with self.read() as conn:
            self.settings = Settings.from_stored(repo.get_settings(conn))

    def store_settings(self, settings: Settings) -> None:
        """Write validated settings and use them from now on."""
        with self.write() as conn:
            for key, value in settings.to_stored().items():
                repo.put_setting(conn, key, value)
        self.settings = settings

    def reload(self, ledger: Ledger) -> None:
        """Re-read everything (after an import, a restore, an undone delete) and tell
        every listener that all of it may have changed."""
        for _step in self.reload_in_steps(ledger, chunk=0):
            pass

    def reload_in_steps(self, ledger: Ledger, chunk: int = 8000) -> Iterator[None]:
        """``reload``, pausing after each ``chunk`` check-ins read, so a window can merge
        a change made elsewhere without a stall that grows with the years."""
        self.load_settings()
        yield from ledger.load_in_steps(chunk)
        ledger.ensure_loaded()  # a change meanwhile stopped the steps: read afresh
        self.notify(Change(What.EVERYTHING))

    # --- change notices -------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        return self._notifier.subscribe(listener)

    def notify(self, change: Change) -> None:
        self._notifier.publish(change)
