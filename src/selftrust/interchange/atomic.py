"""Write a file so that it is either the old one or the complete new one, never half.

An export lands in folders other programs watch (Syncthing, Nextcloud) and read at
any moment; a half-written JSON there would be synced to every device. So the bytes
go to a temporary file in the same folder, are pushed to the disk, and only then the
file is renamed over the old one (one atomic step on every platform we support).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeVar

from selftrust.base.durable import fsync_dir

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

T = TypeVar("T")


class HashingWriter(io.BufferedIOBase):
    """Passes bytes through to a file and keeps their SHA-256 (the export's fingerprint)."""

    def __init__(self, inner: BinaryIO) -> None:
        super().__init__()
        self._inner = inner
        self.sha256 = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer, /) -> int:
        with memoryview(data) as view:
            self.sha256.update(view)
            self._inner.write(view)
            return view.nbytes

    def flush(self) -> None:
        self._inner.flush()


def temporary_beside(path: Path) -> tuple[BinaryIO, Path]:
    """A new private (0600) file in ``path``'s folder, open for writing."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    return os.fdopen(fd, "w+b"), Path(name)


def finish(handle: BinaryIO, temporary: Path, path: Path) -> None:
    """Push the temporary file to disk and rename it over ``path``."""
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()
    os.replace(temporary, path)
    fsync_dir(path.parent)


def discard(handle: BinaryIO, temporary: Path) -> None:
    with contextlib.suppress(OSError):
        handle.close()
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()


def write_atomically(path: Path, write: Callable[[BinaryIO], T]) -> T:
    """Call ``write`` with a temporary file beside ``path``; rename it into place after."""
    handle, temporary = temporary_beside(path)
    try:
        result = write(handle)
        finish(handle, temporary, path)
    except BaseException:
        discard(handle, temporary)
        raise
    return result
