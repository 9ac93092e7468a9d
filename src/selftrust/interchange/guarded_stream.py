"""Reading one file of an export (out of its zip, or the folder it unpacked to).

Both our CSV export and Loop's arrive as zips a person picked, so the same two dangers
apply: a member whose compressed data is damaged (a download cut short) must become an
ImportProblem that names it, not a zlib traceback; and a member that unpacks far past
any real export (a zip bomb) must stop before it fills memory. The limits and the words
differ per format, so the caller's ``on_read`` decides what too much is.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

from selftrust.interchange.errors import ImportProblem

# (bytes just read, bytes read from this member so far, member name); raises to stop
OnRead = Callable[[int, int, str], None]


class GuardedStream(io.RawIOBase):
    def __init__(self, inner: IO[bytes], name: str, *, damaged: str, on_read: OnRead) -> None:
        self._inner = inner
        self._name = name
        self._damaged = damaged
        self._on_read = on_read
        self._read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        with memoryview(buffer) as view:
            try:
                data = self._inner.read(view.nbytes)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
                raise ImportProblem(self._damaged, file=self._name) from None
            n = len(data)
            self._read += n
            self._on_read(n, self._read, self._name)
            view[:n] = data
        return n

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            super().close()


def buffered(inner: IO[bytes], name: str, *, damaged: str, on_read: OnRead) -> IO[bytes]:
    """The guarded member, buffered for csv and json readers."""
    stream = GuardedStream(inner, name, damaged=damaged, on_read=on_read)
    return io.BufferedReader(stream)
