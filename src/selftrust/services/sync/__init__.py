"""Sync as the app uses it: this database's changes to and from a sync folder.

``selftrust.sync`` does the file and CRDT work; this package maps records to SQLite
and back (fields, versions, apply), keeps the engine's cache in the database, and
holds the use cases the CLI and the window call: ``join``, ``run_pass``, ``status``,
``leave`` and ``merge_same_title``.
"""

from __future__ import annotations

from selftrust.services.sync.merge import Merged, merge_same_title, same_title_offers
from selftrust.services.sync.pass_ import run_pass
from selftrust.services.sync.result import ConflictNote, DeviceSeen, PassResult
from selftrust.services.sync.setup import (
    NotSyncing,
    SyncStatus,
    join,
    leave,
    read_passphrase_file,
    status,
)

__all__ = [
    "ConflictNote", "DeviceSeen", "Merged", "NotSyncing", "PassResult", "SyncStatus", "join",
    "leave", "merge_same_title", "read_passphrase_file", "run_pass", "same_title_offers",
    "status",
]  # fmt: skip
