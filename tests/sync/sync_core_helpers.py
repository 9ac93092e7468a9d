"""Devices sharing one sync folder, for the sync engine's tests: each has its own cache and
clock, and runs passes the way the app does (a fresh Engine per pass)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selftrust.sync import Engine, MemoryDocCache, Received, Resolution, Stamp, SyncFolder, Version


@dataclass
class Device:
    root: Path
    device_id: str
    name: str
    passphrase: str | None = None
    cache: MemoryDocCache = field(default_factory=MemoryDocCache)
    wall_ms: int = 1_700_000_000_000

    def folder(self) -> SyncFolder:
        return SyncFolder.open(self.root, self.device_id, self.name, self.passphrase)

    def engine(self) -> Engine:
        return Engine(self.folder(), self.cache)

    def version(self, kind: str, key: str, fields: dict[str, Any] | None,
                at: int | None = None) -> Version:
        self.wall_ms = at if at is not None else self.wall_ms + 1000
        return Version(kind, key, fields, Stamp(self.wall_ms, self.device_id))

    def change(self, kind: str, key: str, fields: dict[str, Any] | None,
               at: int | None = None) -> int:
        return self.engine().publish([self.version(kind, key, fields, at)])

    def sync(self) -> Received:
        return self.engine().receive()

    def shows(self, kind: str, key: str) -> Resolution | None:
        return self.engine().resolve(kind, key)

    def fields(self, kind: str, key: str) -> Any:
        resolution = self.shows(kind, key)
        return None if resolution is None else resolution.winner.fields


def devices(root: Path, count: int, passphrase: str | None = None) -> list[Device]:
    names = ["Desk", "Laptop", "Tablet", "Spare"]
    return [Device(root, f"dev{i}", names[i], passphrase) for i in range(count)]
