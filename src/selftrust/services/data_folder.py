"""The data folder as a place on disk: where it is, whether it holds data, its log,
its backups; what can be done to it while no workspace has it open."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from selftrust.services.problems import as_data_problem
from selftrust.store.database import start_fresh as store_start_fresh
from selftrust.store.errors import StoreError
from selftrust.store.logfile import log_handler
from selftrust.store.paths import DataFolder

if TYPE_CHECKING:  # the backups' module: imported when they are listed or restored
    from selftrust.store.backups import Backup


def data_folder(data_dir: Path | None) -> DataFolder:
    """The data folder: --data-dir, else SELFTRUST_DATA_DIR, else the platform's folder."""
    return DataFolder.resolve(data_dir)


def has_data(data_dir: Path | None) -> bool:
    """Whether the folder holds a Self-Trust database already: a command that only reads
    must not create one (a mistyped --data-dir would otherwise become an empty record)."""
    return data_folder(data_dir).database.exists()


def start_logging(data_dir: Path | None, *, verbose: bool = False) -> None:
    """Log to the data folder's rotating, owner-only log file (once per process).

    A folder that cannot be written must not stop the app from reporting that problem
    properly later, so failures here are ignored."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if any(getattr(h, "selftrust", False) for h in root.handlers):
        return
    try:
        handler = log_handler(data_folder(data_dir))
    except (OSError, StoreError):
        return
    handler.selftrust = True  # type: ignore[attr-defined]  # a mark: our handler, added once
    root.addHandler(handler)
    # Font subsetting for a PDF chart logs a hundred lines at INFO; they help nobody.
    logging.getLogger("fontTools").setLevel(logging.WARNING)


def list_backups(data_dir: Path | None) -> list[Backup]:
    from selftrust.store import backups as store_backups

    return store_backups.list_backups(data_folder(data_dir))


def restore_backup(
    data_dir: Path | None, backup: Path, *, now: datetime | None = None
) -> Path | None:
    """Put a backup in place; returns where the previous database was kept (never deleted).

    ``now`` (default: the real clock) dates the name of the kept file, so a command
    run with a fixed clock names it by that clock. The workspace on that folder must
    be closed first."""
    from selftrust.store import backups as store_backups

    try:
        return store_backups.restore(data_folder(data_dir), backup, now=now)
    except StoreError as exc:
        raise as_data_problem(exc) from exc


def start_fresh(data_dir: Path | None) -> Path | None:
    """Move a database that cannot be opened aside (never deleted) so a new one can start."""
    try:
        return store_start_fresh(data_folder(data_dir))
    except StoreError as exc:
        raise as_data_problem(exc) from exc
