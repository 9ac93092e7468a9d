"""Sync through a folder the person already syncs: device files, framing, encryption and
the pycrdt documents. No Qt, no SQL, no network; the services layer maps records to SQLite.

The records and the caches import at once; ``Engine`` and ``SyncFolder`` bring pycrdt and
cryptography (≈0.1 s), so they are imported when first named: a module that only needs a
``Stamp`` does not slow the app's start.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from selftrust.sync.cache import DocCache, FileDocCache, MemoryDocCache
from selftrust.sync.records import (
    TEXT_FIELDS,
    DeviceInfo,
    Received,
    Resolution,
    Stamp,
    SyncError,
    Version,
)

if TYPE_CHECKING:
    from selftrust.sync.engine import Engine
    from selftrust.sync.folder import SyncFolder

_LATER = {"Engine": "selftrust.sync.engine", "SyncFolder": "selftrust.sync.folder"}

__all__ = [
    "TEXT_FIELDS",
    "DeviceInfo",
    "DocCache",
    "Engine",
    "FileDocCache",
    "MemoryDocCache",
    "Received",
    "Resolution",
    "Stamp",
    "SyncError",
    "SyncFolder",
    "Version",
]


def __getattr__(name: str) -> Any:
    if name in _LATER:
        return getattr(importlib.import_module(_LATER[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
