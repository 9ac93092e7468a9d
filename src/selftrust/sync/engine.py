"""One sync pass's machinery: our versions into our log, other devices' logs into the
documents, and "later change wins" over the versions. (Skeleton: bodies follow.)"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from selftrust.sync.cache import DocCache
from selftrust.sync.folder import SyncFolder
from selftrust.sync.records import TEXT_FIELDS, Received, Resolution, Version


class Engine:
    """Keeps nothing in memory after a pass: documents are loaded from the cache when a
    pass needs them and saved back to it."""

    def __init__(
        self,
        folder: SyncFolder,
        cache: DocCache,
        text_fields: Mapping[str, tuple[str, ...]] = TEXT_FIELDS,
    ) -> None:
        self.folder = folder
        self.cache = cache
        self.text_fields = text_fields

    def publish(self, versions: Sequence[Version]) -> int:
        """Append our changed versions to our log (each stamped by this device); returns how
        many were written. Compacts our log when it grew past one snapshot."""
        raise NotImplementedError

    def receive(self) -> Received:
        """Read what other devices wrote since the cache's offsets and resolve every record
        that changed. With nothing new, no document is loaded."""
        raise NotImplementedError

    def resolve(self, kind: str, key: str) -> Resolution | None:
        """The record as it stands over every version merged so far (None: never seen)."""
        raise NotImplementedError
