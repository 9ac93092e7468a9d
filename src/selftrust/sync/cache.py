"""Where a device keeps its merged documents and how far it has read each device's log.

The app keeps this in SQLite so the cache, the read offsets and the applied changes commit
in one transaction; the two here serve tests and benchmarks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Protocol

from selftrust.sync.atomic import write_atomically


class DocCache(Protocol):
    """Document states by name, and per device the (generation, byte offset) read so far."""

    def load(self, doc_name: str) -> bytes | None: ...

    def save(self, doc_name: str, state: bytes) -> None: ...

    def offsets(self) -> dict[str, tuple[int, int]]: ...

    def set_offset(self, device_id: str, generation: int, offset: int) -> None: ...


class MemoryDocCache:
    """A cache that lives as long as the object: for tests."""

    def __init__(self) -> None:
        self.docs: dict[str, bytes] = {}
        self._offsets: dict[str, tuple[int, int]] = {}

    def load(self, doc_name: str) -> bytes | None:
        return self.docs.get(doc_name)

    def save(self, doc_name: str, state: bytes) -> None:
        self.docs[doc_name] = state

    def offsets(self) -> dict[str, tuple[int, int]]:
        return dict(self._offsets)

    def set_offset(self, device_id: str, generation: int, offset: int) -> None:
        self._offsets[device_id] = (generation, offset)


class FileDocCache:
    """A cache in a folder of files (one per document, plus offsets.json): for benchmarks
    and for tests that need a cache to outlive an engine."""

    def __init__(self, folder: Path, durable: bool = True) -> None:
        self.folder = folder
        self.durable = durable
        folder.mkdir(parents=True, exist_ok=True)

    def _doc_path(self, doc_name: str) -> Path:
        return self.folder / (doc_name.encode("utf-8").hex() + ".ydoc")

    def load(self, doc_name: str) -> bytes | None:
        try:
            return self._doc_path(doc_name).read_bytes()
        except FileNotFoundError:
            return None

    def save(self, doc_name: str, state: bytes) -> None:
        write_atomically(self._doc_path(doc_name), state, self.durable)

    def offsets(self) -> dict[str, tuple[int, int]]:
        try:
            raw = json.loads((self.folder / "offsets.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return {device: (int(gen), int(off)) for device, (gen, off) in raw.items()}

    def set_offset(self, device_id: str, generation: int, offset: int) -> None:
        current = self.offsets()
        current[device_id] = (generation, offset)
        data = json.dumps(current).encode("utf-8")
        write_atomically(self.folder / "offsets.json", data, self.durable)
