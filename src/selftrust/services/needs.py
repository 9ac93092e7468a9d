"""What a function of services needs from an open workspace, named as Protocols.

Functions the UI and the CLI call with their workspace (the calendar, the jar's
picture, the charts' figures, reminders…) ask only for the parts they use. The
`Workspace` has all of them and a `Session` has the first set, so none of these
modules imports the workspace that wires the services: no import runs in a circle.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Protocol

from sqlalchemy.engine import Connection

from selftrust.services.clock import Clock
from selftrust.services.commitments import CommitmentService
from selftrust.services.events import Change, Listener
from selftrust.services.ledger import Ledger
from selftrust.services.reflections import ReflectionService
from selftrust.services.settings import Settings
from selftrust.store.database import Database


class Opened(Protocol):
    """An open database with its clock, settings and change notices (a Session has them)."""

    @property
    def db(self) -> Database: ...

    @property
    def clock(self) -> Clock: ...

    @property
    def settings(self) -> Settings: ...

    def today(self) -> date: ...

    def utc_now(self) -> datetime: ...

    def read(self) -> AbstractContextManager[Connection]: ...

    def write(self) -> AbstractContextManager[Connection]: ...

    def subscribe(self, listener: Listener) -> Callable[[], None]: ...

    def notify(self, change: Change) -> None: ...


class Tracked(Opened, Protocol):
    """An open database with its ledger and commitments: enough for every figure."""

    @property
    def ledger(self) -> Ledger: ...

    @property
    def commitments(self) -> CommitmentService: ...


class Reflected(Tracked, Protocol):
    """Figures and reflections too (whether to offer support reads both)."""

    @property
    def reflections(self) -> ReflectionService: ...
