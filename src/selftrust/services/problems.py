"""Store failures turned into messages a person can act on (DataProblem).

Opening, reading and writing all meet the same disk-full, locked and read-only
cases; one translation keeps their wording the same wherever they surface.
"""

from __future__ import annotations

import logging
from pathlib import Path

import sqlalchemy as sa

from selftrust.base.i18n import _
from selftrust.services.errors import DataProblem
from selftrust.store.errors import (
    DamagedDatabase,
    DatabaseFromTheFuture,
    DatabaseLocked,
    DataFolderProblem,
    MigrationFailed,
    NotOurDatabase,
    StoreError,
)
from selftrust.store.files import out_of_space

log = logging.getLogger(__name__)

_KINDS: tuple[tuple[type[StoreError], str], ...] = (
    (DatabaseFromTheFuture, "future"),
    (NotOurDatabase, "foreign"),
    (DamagedDatabase, "damaged"),
    (DatabaseLocked, "locked"),
    (DataFolderProblem, "folder"),
    (MigrationFailed, "migration"),
)


def as_data_problem(exc: StoreError) -> DataProblem:
    kind = next((k for cls, k in _KINDS if isinstance(exc, cls)), "other")
    if kind in ("folder", "other") and exc.path is not None and out_of_space(exc.path):
        return DataProblem(
            # TRANSLATORS: {path} is the data file or folder.
            _("Your disk is full, so Self-Trust cannot use {path} right now. Free some "
              "space and try again; everything saved before is safe.").format(path=exc.path),
            path=str(exc.path), kind="full",
        )
    return DataProblem(str(exc), path=str(exc.path or ""), kind=kind)


def write_problem(exc: sa.exc.OperationalError, path: Path) -> DataProblem:
    """Disk full, read-only folder, I/O errors: say so plainly; nothing was saved."""
    text = str(exc.orig) if exc.orig is not None else str(exc)
    lowered = text.lower()
    if "full" in lowered or (("i/o" in lowered or "ioerr" in lowered) and out_of_space(path)):
        # TRANSLATORS: {path} is the data file.
        message = _("Your disk is full, so the last change to {path} was not saved. "
                    "Free some space and try again; everything saved before is safe."
                    ).format(path=path)
        kind = "full"
    elif "readonly" in lowered or "read-only" in lowered:
        # TRANSLATORS: {path} is the data file.
        message = _("{path} cannot be written (the folder or file is read-only), so the "
                    "last change was not saved. Everything saved before is safe."
                    ).format(path=path)
        kind = "readonly"
    elif "locked" in lowered or "busy" in lowered:
        # TRANSLATORS: {path} is the data file.
        message = _("{path} is busy in another program, so the last change was not saved. "
                    "Please try again in a moment.").format(path=path)
        kind = "locked"
    else:
        # TRANSLATORS: {path} is the data file; {error} the system's words for the failure.
        message = _("Saving to {path} failed ({error}). The change was not saved; "
                    "everything saved before is safe.").format(path=path, error=text)
        kind = "io"
    log.error("write failed: %s", text)
    return DataProblem(message, path=str(path), kind=kind)
