"""An open data folder: the database, its settings, the ledger and every service.

The CLI and the UI each create one Workspace and go through its services; nothing
above this layer touches the store directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Protocol

from sqlalchemy.engine import Connection, Engine

from selftrust.services.checkins import CheckinService
from selftrust.services.clock import Clock, SystemClock, today, utc_now
from selftrust.services.commitments import CommitmentService
from selftrust.services.dashboard import Dashboard
from selftrust.services.events import Change, Listener, Notifier, What
from selftrust.services.ledger import Ledger
from selftrust.services.reflections import ReflectionService
from selftrust.services.settings import Settings
from selftrust.services.stats import StatsService
from selftrust.store import repository as repo


class DatabaseLike(Protocol):
    engine: Engine

    def transaction(self) -> Iterator[Connection]: ...

    def close(self) -> None: ...


class Workspace:
    def __init__(self, db: DatabaseLike, clock: Clock | None = None) -> None:
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
        with self.db.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.db.engine.connect() as conn:
            yield conn

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

    def reload(self) -> None:
        """Re-read everything (after an import or a restore)."""
        with self.read() as conn:
            self.settings = Settings.from_stored(repo.get_settings(conn))
        self.ledger.load()
        self.notify(Change(What.EVERYTHING))

    def close(self) -> None:
        self.db.close()
