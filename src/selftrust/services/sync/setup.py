"""Joining a sync folder, leaving it, and what this device knows about it.

The device's place (folder, id, name) is kept in the database, with the data it syncs.
A passphrase is set once per device: it is kept beside the database, in a file only
its owner can read (``sync-passphrase``), never in the database (which travels in
backups and exports) and never on a command line.
"""

from __future__ import annotations

import os
import platform
import uuid
from dataclasses import dataclass
from pathlib import Path

from selftrust.base.i18n import _
from selftrust.services.errors import Invalid, UserError
from selftrust.services.needs import Opened
from selftrust.services.sync.conflicts import conflict_words
from selftrust.services.sync.result import DeviceSeen
from selftrust.store.files import create_private_file, fsync_dir
from selftrust.store.repository import sync as repo
from selftrust.sync import SyncError, SyncFolder

PASSPHRASE_FILE = "sync-passphrase"


class NotSyncing(UserError):
    pass


@dataclass(frozen=True, slots=True)
class SyncStatus:
    folder: str
    device_id: str  # this device's folder name under devices/ (the window leaves it out)
    device_name: str
    encrypted: bool
    last_pass: str | None  # ISO 8601 UTC
    waiting: int  # changes made here not yet sent
    conflicts: tuple[str, ...]  # words for texts kept side by side, newest last
    devices: tuple[DeviceSeen, ...]  # the other devices, as the folder tells now
    problem: str | None  # why the folder could not be read now (a drive not connected…)


def _passphrase_path(ws: Opened) -> Path:
    return ws.db.folder.root / PASSPHRASE_FILE


def stored_passphrase(ws: Opened) -> str | None:
    try:
        return _passphrase_path(ws).read_text(encoding="utf-8").splitlines()[0]
    except (FileNotFoundError, IndexError):
        return None


def read_passphrase_file(path: Path) -> str:
    """The first line of a file the person wrote their passphrase in."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        # TRANSLATORS: {reason} is the system's own words.
        raise Invalid(_("Could not read the passphrase file {path}: {reason}.").format(
            path=path, reason=exc.strerror)) from None
    except UnicodeDecodeError:
        raise Invalid(_("The passphrase file {path} is not text.").format(path=path)) from None
    if not lines or not lines[0]:
        raise Invalid(_("The passphrase file {path} is empty: write the passphrase on its "
                        "first line.").format(path=path))
    return lines[0]


def _keep_passphrase(ws: Opened, passphrase: str | None) -> None:
    path = _passphrase_path(ws)
    if passphrase is None:
        path.unlink(missing_ok=True)
        return
    temp = path.with_name(PASSPHRASE_FILE + ".tmp")
    temp.unlink(missing_ok=True)
    create_private_file(temp)
    with open(temp, "w", encoding="utf-8") as out:
        out.write(passphrase + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, path)
    fsync_dir(path.parent)


def open_folder(root: Path, device_id: str, device_name: str,
                passphrase: str | None) -> SyncFolder:
    try:
        return SyncFolder.open(root, device_id, device_name, passphrase)
    except SyncError as exc:
        raise Invalid(exc.message) from None


def join(ws: Opened, folder: Path | None, *, device_name: str | None,
         passphrase: str | None) -> repo.StateRow:
    """Set this device's sync folder (the first time), or change its name or passphrase
    (``folder`` None: the one it syncs with).

    The folder is opened first: a wrong passphrase or an unusable folder changes nothing.
    """
    with ws.read() as conn:
        state = repo.get_state(conn)
    if folder is None:
        folder = Path(current_state(ws).folder)
    root = folder.expanduser().resolve()
    if state is not None and Path(state.folder) != root:
        raise Invalid(_("This data already syncs with {folder}. To use another folder, run "
                        "`selftrust sync --leave` first.").format(folder=state.folder))
    if passphrase is None and state is not None and state.encrypted:
        passphrase = stored_passphrase(ws)
    name = (device_name or (state.device_name if state else "") or platform.node()
            or _unnamed()).strip()
    if not name or len(name) > 80:
        raise Invalid(_("A device name is 1 to 80 characters."))
    device_id = state.device_id if state else uuid.uuid4().hex
    open_folder(root, device_id, name, passphrase)
    new = repo.StateRow(
        device_id=device_id, device_name=name, folder=str(root),
        encrypted=passphrase is not None, joined=state.joined if state else False,
        last_pass=state.last_pass if state else None,
        clock_ms=state.clock_ms if state else 0, clock_counter=state.clock_counter if state else 0)
    _keep_passphrase(ws, passphrase)
    with ws.write() as conn:
        repo.put_state(conn, new)
    return new


def _unnamed() -> str:
    # TRANSLATORS: the name this computer gets in the sync folder when the system has none;
    # the other computers show it.
    return _("This computer")


def current_state(ws: Opened) -> repo.StateRow:
    with ws.read() as conn:
        state = repo.get_state(conn)
    if state is None:
        raise NotSyncing(_("This data does not sync yet: choose a folder your file-sync tool "
                           "carries with `selftrust sync --folder FOLDER`."))
    return state


def leave(ws: Opened) -> str:
    """Stop syncing here: the record stays as it is, this device's files stay in the folder
    (the other devices keep what it sent), and what sync kept here is forgotten."""
    state = current_state(ws)
    with ws.write() as conn:
        repo.forget_sync(conn)
    _keep_passphrase(ws, None)
    return state.folder


def status(ws: Opened) -> SyncStatus:
    state = current_state(ws)
    with ws.read() as conn:
        waiting = len(repo.pending_changes(conn))
        kept = repo.conflicts(conn)
    devices: tuple[DeviceSeen, ...] = ()
    problem = None
    try:
        folder = open_folder(Path(state.folder), state.device_id, state.device_name,
                             stored_passphrase(ws) if state.encrypted else None)
        devices = tuple(DeviceSeen(d.name, d.last_write, d.skipped)
                        for d in folder.devices() if not d.this_device)
    except (Invalid, SyncError) as exc:
        problem = str(exc)
    return SyncStatus(
        folder=state.folder, device_id=state.device_id, device_name=state.device_name,
        encrypted=state.encrypted,
        last_pass=None if state.last_pass is None else state.last_pass.isoformat() + "Z",
        waiting=waiting, conflicts=tuple(conflict_words(c.kind, c.other_device) for c in kept),
        devices=devices, problem=problem)
