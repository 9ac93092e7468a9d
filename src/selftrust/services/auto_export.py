"""A daily JSON export into a folder the person picks (for Syncthing, Nextcloud, a stick).

The app asks ``auto_export_if_due`` now and then (a timer in the UI). Once a day it
renders the export into a temporary file in that folder while hashing it; if the bytes
are the same as the file written last time, the temporary file is dropped (nothing to
sync); otherwise it is pushed to disk and renamed over ``selftrust-export.json``. So
the folder only ever holds one complete file, and it only changes when the data did.

One file, no dated copies: sync tools keep versions of a file they sync (Syncthing's
file versioning, Nextcloud's version history), and the data folder keeps its own
daily backups, so copies here would only pile up on every device.

The bookkeeping (folder, day, fingerprint, last problem) lives in the data's
``setting`` table under its own key; it is never part of an export, so it cannot
change the bytes it compares.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, cast

from selftrust.base.i18n import _
from selftrust.interchange.atomic import HashingWriter, discard, finish, temporary_beside
from selftrust.interchange.native_json import write_json
from selftrust.services.errors import UserError
from selftrust.services.interchange import read_snapshot
from selftrust.services.workspace import Workspace
from selftrust.store import repository as repo

log = logging.getLogger(__name__)

FILE_NAME = "selftrust-export.json"
STATE_KEY = "auto_export_state"


@dataclass(frozen=True, slots=True)
class AutoExportState:
    folder: str = ""
    day: str = ""  # the last day a check finished (written, or found unchanged)
    fingerprint: str = ""  # SHA-256 of the file last written
    written_at: str = ""  # when it was last written (ISO, UTC)
    problem: str = ""  # the last failure, shown in the Backups dialog

    @classmethod
    def from_stored(cls, raw: Any) -> AutoExportState:
        if not isinstance(raw, dict):
            return cls()
        return cls(**{f.name: raw[f.name] for f in fields(cls)
                      if isinstance(raw.get(f.name), str)})


class Outcome(StrEnum):
    OFF = "off"
    NOT_DUE = "not due"
    UNCHANGED = "unchanged"
    WRITTEN = "written"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class AutoExportResult:
    outcome: Outcome
    path: Path | None = None
    message: str = ""


def state(ws: Workspace) -> AutoExportState:
    with ws.read() as conn:
        return AutoExportState.from_stored(repo.get_settings(conn).get(STATE_KEY))


def set_folder(ws: Workspace, folder: Path | None) -> None:
    """Turn the daily export on (into ``folder``) or off (None)."""
    ws.update_settings(replace(ws.settings, auto_export_folder=folder_text(folder)))


def folder_text(folder: Path | None) -> str:
    """How the setting holds a folder: absolute, ``~`` expanded; "" for off."""
    return str(folder.expanduser().resolve()) if folder is not None else ""


def auto_export_if_due(ws: Workspace, *, force: bool = False) -> AutoExportResult:
    """Write the day's export if one is due and the data changed. Never raises for a
    missing folder or a full disk: the result says so and the next call tries again.
    Safe to call from a worker thread."""
    folder_text = ws.settings.auto_export_folder
    if not folder_text:
        return AutoExportResult(Outcome.OFF)
    folder = Path(folder_text)
    target = folder / FILE_NAME
    today = ws.today().isoformat()
    try:
        before = state(ws)
    except UserError as exc:
        return AutoExportResult(Outcome.FAILED, target, str(exc))
    same_place = before.folder == folder_text and target.exists()
    if not force and before.day == today and same_place:
        return AutoExportResult(Outcome.NOT_DUE, target)
    if not folder.is_dir():
        return _failed(ws, before, target,
                       _("The folder {folder} is not there (is its drive connected?). "
                         "Self-Trust will try again later.").format(folder=folder))
    try:
        with ws.read() as conn:
            snapshot = read_snapshot(conn)
            handle, temporary = temporary_beside(target)
            try:
                hashing = HashingWriter(handle)
                write_json(snapshot, cast(BinaryIO, hashing))  # it has the write() used
                digest = hashing.sha256.hexdigest()
                if same_place and digest == before.fingerprint:
                    discard(handle, temporary)
                    outcome = Outcome.UNCHANGED
                else:
                    finish(handle, temporary, target)
                    outcome = Outcome.WRITTEN
            except BaseException:
                discard(handle, temporary)
                raise
    except OSError as exc:
        # TRANSLATORS: {file} is the export file; {error} the system's words for the failure.
        return _failed(ws, before, target,
                       _("Could not write {file} ({error}). Self-Trust will try again later.")
                       .format(file=target, error=exc.strerror or exc))
    except UserError as exc:
        return _failed(ws, before, target, str(exc))
    written_at = before.written_at
    if outcome is Outcome.WRITTEN:
        written_at = ws.utc_now().isoformat(timespec="seconds") + "Z"
        log.info("automatic export written to %s", target)
    _save(ws, AutoExportState(folder_text, today, digest, written_at, ""))
    return AutoExportResult(outcome, target)


def _failed(ws: Workspace, before: AutoExportState, target: Path,
            message: str) -> AutoExportResult:
    log.warning("automatic export failed: %s", message)
    _save(ws, replace(before, problem=message))
    return AutoExportResult(Outcome.FAILED, target, message)


def _save(ws: Workspace, new: AutoExportState) -> None:
    try:
        with ws.write() as conn:
            repo.put_setting(conn, STATE_KEY, asdict(new))
    except UserError as exc:  # busy or read-only: the next check simply runs again
        log.warning("could not note the automatic export: %s", exc)
