"""Sync as the app uses it: this database's changes to and from a sync folder.

``selftrust.sync`` does the file and CRDT work; this package maps records to SQLite
and back (fields, versions, apply), keeps the engine's cache in the database, and
holds the use cases the CLI and the window call: ``join``, ``run_pass``, ``status``,
``leave`` and ``merge_same_title``; ``kept`` finds the texts kept beside a record.

The names below are imported when first used: the window reads kept texts through
``selftrust.services.sync.kept`` without bringing the sync engine (pycrdt, cryptography)
into its process, where passes never run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_WHERE = {
    "Merged": "merge", "merge_same_title": "merge", "same_title_offers": "merge",
    "run_pass": "pass_", "ConflictNote": "result", "DeviceSeen": "result",
    "PassResult": "result", "NotSyncing": "setup", "SyncStatus": "setup", "join": "setup",
    "leave": "setup", "read_passphrase_file": "setup", "status": "setup",
}  # fmt: skip

__all__ = [
    "ConflictNote", "DeviceSeen", "Merged", "NotSyncing", "PassResult", "SyncStatus", "join",
    "leave", "merge_same_title", "read_passphrase_file", "run_pass", "same_title_offers",
    "status",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
