"""The engine's document cache and read offsets, kept in this database.

Saves are held in memory during a pass and written by ``flush`` inside the transaction
that applies the merged records, so the cache, the offsets and the record move together:
a pass killed before that commit leaves all three as they were, and the next pass reads
the same log bytes again (the CRDT ignores what it already holds).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from sqlalchemy.engine import Connection

from selftrust.store.repository import sync as repo


class SqliteDocCache:
    """A ``selftrust.sync.DocCache`` over ``sync_doc`` and ``sync_peer``."""

    def __init__(self, read: Callable[[], AbstractContextManager[Connection]]) -> None:
        self._read = read
        self._docs: dict[str, bytes] = {}
        self._held: set[str] | None = None  # the names in sync_doc (one pass at a time)
        self._offsets: dict[str, tuple[int, int]] | None = None
        self._moved: dict[str, tuple[int, int]] = {}

    def load(self, doc_name: str) -> bytes | None:
        if doc_name in self._docs:
            return self._docs[doc_name]
        if self._held is None:  # one query says which are stored at all: a joining
            with self._read() as conn:  # device asks for hundreds it does not hold
                self._held = repo.doc_names(conn)
        if doc_name not in self._held:
            return None
        with self._read() as conn:
            return repo.load_doc(conn, doc_name)

    def save(self, doc_name: str, state: bytes) -> None:
        self._docs[doc_name] = state

    def offsets(self) -> dict[str, tuple[int, int]]:
        if self._offsets is None:
            with self._read() as conn:
                self._offsets = repo.peer_offsets(conn)
        return {**self._offsets, **self._moved}

    def set_offset(self, device_id: str, generation: int, offset: int) -> None:
        self._moved[device_id] = (generation, offset)

    @property
    def pending(self) -> bool:
        """True when the pass saved something that must be committed."""
        return bool(self._docs or self._moved)

    def flush(self, conn: Connection) -> None:
        """Write what the pass saved, in the caller's transaction."""
        repo.save_docs(conn, self._docs)
        repo.save_offsets(conn, self._moved)
