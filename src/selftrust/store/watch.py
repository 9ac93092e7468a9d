"""Noticing commits made by another program (the CLI in a terminal) to our database.

SQLite's ``PRAGMA data_version`` changes, for the connection that asks, when any
*other* connection has committed. The watch keeps one read-only connection of its own
(so it can never write: the single-writer rule stands) and a baseline. Our own writes
go through other connections, so they move the number too: the database brackets each
of its write transactions, checking the number once the write lock is held (anything
new then was someone else's, and is remembered) and taking a new baseline right after
its commit. An outside commit landing in the microseconds between our commit and that
re-read is folded in; it shows with the next outside change or the next start.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)


class OutsideWrites:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()  # writes may come from a worker thread (imports)
        self._conn: sqlite3.Connection | None = None
        self._baseline: int | None = None
        self._pending = False
        self._writing = 0  # our write transactions under way (an import on a worker thread)
        self._watching = False  # only a window watches; a CLI command never opens the watch
        self._warned = False
        self._closed = False

    def _version(self) -> int | None:
        """The connection's data_version; None if not watching or unreadable now."""
        if self._closed or not self._watching:
            return None
        try:
            if self._conn is None:
                uri = self._path.resolve().as_uri() + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                                             check_same_thread=False)
            row = self._conn.execute("PRAGMA data_version").fetchone()
            return int(row[0])
        except sqlite3.Error as exc:
            if not self._warned:  # once, not every two seconds
                self._warned = True
                log.warning("cannot watch %s for outside changes: %s", self._path, exc)
            return None

    def before_own_write(self) -> None:
        """Call with the write lock held: anything new now came from elsewhere."""
        with self._lock:
            self._writing += 1
            version = self._version()
            if version is not None and self._baseline is not None and version != self._baseline:
                self._pending = True
            self._baseline = version

    def after_own_write(self) -> None:
        """Call right after our commit or rollback: the number moved because of us."""
        with self._lock:
            self._writing = max(0, self._writing - 1)
            self._baseline = self._version()

    def changed(self) -> bool:
        """True once after another program committed since the last call; the first
        call starts watching (and says False)."""
        with self._lock:
            if not self._watching and not self._closed:
                self._watching = True
                self._baseline = self._version()
                return False
            if self._writing:  # our own commit may land any moment: ask again later
                return False
            version = self._version()
            changed = self._pending or (
                version is not None and self._baseline is not None and version != self._baseline)
            self._pending = False
            if version is not None:
                self._baseline = version
            return changed

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None
