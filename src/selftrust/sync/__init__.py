"""Sync through a folder the person already syncs: device files, framing, encryption and
the pycrdt documents. No Qt, no SQL, no network; the services layer maps records to SQLite.
"""

from __future__ import annotations

from selftrust.sync.cache import DocCache, FileDocCache, MemoryDocCache
from selftrust.sync.engine import Engine
from selftrust.sync.folder import SyncFolder
from selftrust.sync.records import (
    DeviceInfo,
    Received,
    Resolution,
    Stamp,
    SyncError,
    Version,
)

__all__ = [
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
