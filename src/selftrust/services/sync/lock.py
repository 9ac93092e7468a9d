"""One sync pass at a time per data folder.

The engine appends to this device's log as its only writer, so two passes at once (the
app's timer and a `selftrust sync` typed in a terminal) must not overlap. The lock is
an OS file lock on ``sync.lock`` in the data folder: it goes with the process, so a
pass killed half-way never leaves it taken.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selftrust.base.i18n import N_, _
from selftrust.services.errors import Invalid

LOCK_FILE = "sync.lock"


class SyncBusy(Invalid):
    """Another pass holds this data folder: not a problem, the changes come in a moment."""


BUSY = N_("Another sync pass is running for this data; it will bring the changes in a moment.")


@contextmanager
def one_pass_at_a_time(data_folder: Path) -> Iterator[None]:
    fd = os.open(data_folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            _lock(fd)
        except OSError:
            raise SyncBusy(_(BUSY)) from None
        yield
    finally:
        os.close(fd)  # closing the file releases the lock


def _lock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
