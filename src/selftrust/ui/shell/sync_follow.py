"""Keeping the open window in step with the sync folder (Preferences → Sync).

While this data syncs, a ``FolderWatch`` follows ``<folder>/Self-Trust/devices/`` (one
folder per device, this device's own left out) and each settled change runs
`selftrust sync --json` as a ``CliJob``: the command does the whole pass (the CRDT
documents live in that short process, never in the window's memory) and commits
through its own connection. The window's own saves are sent a few seconds after the
last one, and once more, briefly, as it closes.

A pass commits every time (it notes that it ran), so while it runs the window's
outside-change watch is held; a pass that brought something is then shown as any
outside change, one that only sent is the window's own doing (its undo steps stay).

Every command for the sync folder (a pass, the status, joining, leaving, merging two
commitments of one title) runs through one job, one at a time, in the order asked;
asking for a pass while one waits its turn adds none.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections import deque
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from selftrust.base.i18n import _
from selftrust.services.workspace import Workspace
from selftrust.ui.desktop.folder_watch import FolderWatch
from selftrust.ui.shell.bridge import Bridge
from selftrust.ui.shell.cli_job import CliJob
from selftrust.ui.shell.prefs import UiPrefs

log = logging.getLogger(__name__)

START_AFTER_MS = 5_000  # not while the window paints for the first time
SEND_AFTER_MS = 1_500  # after the last save: a burst of check-offs is one pass
CLOSE_WITHIN_MS = 4_000  # the last pass as the window closes; never holds it longer
# How `selftrust sync` says "this data does not sync" and "another pass runs": by its exit
# code (cli/common.py), the same in every language its words may be in.
NOT_SYNCING_CODE = 3
BUSY_CODE = 4


class OutsideWatch(Protocol):
    """The window's outside-change watch (``OutsideChanges``), held while a pass runs."""

    def hold(self) -> None: ...

    def release(self, brought: bool) -> bool: ...


@dataclass
class _Task:
    kind: str  # "pass" | "status" | "join" | "leave" | "merge"
    args: list[str]
    secret: Path | None = None  # a passphrase file, deleted once the command ended
    writes: bool = True


def remembered_key(root: Path) -> str:
    """Whether this data folder synced when the window last knew: only then does a new
    window ask the command at start-up (no process for everyone else)."""
    digest = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"sync/by_folder/{digest}/on"


def devices_folder(folder: str | Path) -> Path:
    return Path(folder) / "Self-Trust" / "devices"


def private_passphrase_file(passphrase: str) -> Path:
    """A file only this user can read (mkstemp makes it 0600), for `--passphrase-file`:
    a passphrase never goes on a command line, which other users can read."""
    handle, name = tempfile.mkstemp(prefix="selftrust-", suffix=".txt")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(passphrase + "\n")
    return Path(name)


class SyncFollower(QObject):
    """``merged`` carries the status bar's words after a pass that brought something,
    ``told`` the conflict messages of a pass (each told once), ``updated`` fires when
    anything the Sync page shows changed, ``refused`` carries why a join, leave or
    merge could not be done."""

    merged = Signal(str)
    told = Signal(list)
    updated = Signal()
    refused = Signal(str, str)  # (kind of command, the reason in plain words)
    done = Signal(str, object)  # (kind of command, its JSON) for join, leave and merge

    def __init__(self, ws: Workspace, prefs: UiPrefs, bridge: Bridge,
                 outside: OutsideWatch | None, parent: QObject | None = None, *,
                 poll_ms: int | None = None, settle_ms: int | None = None,
                 start_after_ms: int = START_AFTER_MS, send_after_ms: int = SEND_AFTER_MS) -> None:
        super().__init__(parent)
        self.ws = ws
        self.prefs = prefs
        self._on_key = remembered_key(ws.db.folder.root)
        self.outside = outside
        timing = {k: v for k, v in (("poll_ms", poll_ms), ("settle_ms", settle_ms)) if v}
        self.watch = FolderWatch(self, **timing)
        self.watch.nested = True
        self.watch.changed.connect(self.sync_now)
        self.watch.unreadable.connect(self._unreadable)
        self.job = CliJob(ws.db.folder.root, self)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.status: dict[str, Any] | None = None  # `sync --status --json`; None: not set up
        self.last: dict[str, Any] | None = None  # the last pass's JSON
        self.last_at: str | None = None  # when it ended, ISO UTC
        self.problem: str | None = None  # why the last pass or look failed
        self._queue: deque[_Task] = deque()
        self._now: _Task | None = None
        self._unsent = False  # a save here since the last pass began
        self._quiet = False  # our own reload: not a save to send
        self._closing = False
        self.frozen = False  # a screenshot: shows what it is told, runs no command
        self._send = QTimer(self)
        self._send.setSingleShot(True)
        self._send.setInterval(send_after_ms)
        self._send.timeout.connect(self.sync_now)
        bridge.changed.connect(self._saved)
        if self.remembered_on:
            QTimer.singleShot(start_after_ms, self, self.refresh_status)

    @property
    def remembered_on(self) -> bool:
        return str(self.prefs.value(self._on_key, "false")).lower() in ("true", "1")

    def _remember(self, on: bool) -> None:
        if on != self.remembered_on:
            self.prefs.set_value(self._on_key, on)

    # --- what the page and the window ask ---------------------------------------------
    @property
    def set_up(self) -> bool:
        return self.status is not None

    @property
    def busy(self) -> bool:
        return self._now is not None

    @property
    def busy_with(self) -> str | None:
        return None if self._now is None else self._now.kind

    def refresh_status(self) -> None:
        self._ask(_Task("status", ["sync", "--status", "--json"], writes=False))

    def sync_now(self) -> None:
        if self.set_up and not any(t.kind == "pass" for t in self._queue):
            self._send.stop()
            self._ask(_Task("pass", ["sync", "--json"]))

    def join(self, folder: Path, device_name: str, passphrase: str | None) -> None:
        """Set the folder up (or name this device anew) and run a first pass."""
        args = ["sync", "--folder", str(folder), "--device-name", device_name, "--json"]
        secret = None
        if passphrase:
            secret = private_passphrase_file(passphrase)
            args[-1:-1] = ["--passphrase-file", str(secret)]
        self._ask(_Task("join", args, secret))

    def leave(self) -> None:
        self._ask(_Task("leave", ["sync", "--leave", "--json"]))

    def merge(self, title: str) -> None:
        self._ask(_Task("merge", ["sync", "--merge", title, "--json"]))

    def close_pass(self, within_ms: int = CLOSE_WITHIN_MS) -> bool:
        """The window closes: send what is still unsent, waiting ``within_ms`` at most
        (a pass cut short commits nothing; the next one does it all). True when nothing
        was left unsent."""
        self._closing = True
        self.watch.stop()
        if self._now is not None and self._now.kind != "pass":
            self.job.stop()  # a look or a change of settings: nothing to wait for
            self._forget_secret(self._now)
            self._now = None
        unsent = self._unsent or self._send.isActive()
        self._send.stop()
        self._queue = deque(t for t in self._queue if t.kind == "pass")
        if unsent and self.set_up and not self._queue:  # (a pass under way began before it)
            self._queue.append(_Task("pass", ["sync", "--json"]))
        if self._now is None:
            self._next()
        finished = self.job.finish(within_ms) if self._now is not None else True
        self._forget_secret(self._now)
        self._now = None
        self._queue.clear()
        return finished

    def stop(self) -> None:
        self._closing = True
        self._send.stop()
        self.watch.stop()
        self.job.stop()
        self._forget_secret(self._now)
        for task in self._queue:
            self._forget_secret(task)
        self._queue.clear()
        self._now = None

    # --- running the commands one at a time -------------------------------------------
    def _ask(self, task: _Task) -> None:
        if self.frozen:
            self._forget_secret(task)
            return
        self._queue.append(task)
        if self._now is None:
            self._next()

    def _next(self) -> None:
        if self._now is not None or not self._queue:
            return
        task = self._now = self._queue.popleft()
        if task.kind == "pass":
            self._unsent = False
        if task.writes and self.outside is not None:
            self.outside.hold()
        self.updated.emit()
        self.job.run(task.args)

    def _succeeded(self, result: object) -> None:
        task = self._end()
        if task is None:  # closing: only the last pass is left to run
            self._next()
            return
        answer = result if isinstance(result, dict) else {}
        brought = bool(answer.get("received")) or task.kind == "merge"
        self._release(task, brought)
        if task.kind == "status":
            self._use_status(answer)
        elif task.kind in ("pass", "join"):
            self._passed(answer)
            if task.kind == "join":
                self.done.emit(task.kind, answer)
                self.refresh_status()
        elif task.kind == "leave":
            self.status, self.last, self.last_at, self.problem = None, None, None, None
            self._remember(False)
            self.watch.stop()
            self.done.emit(task.kind, answer)
        elif task.kind == "merge":
            self.done.emit(task.kind, answer)
            self.refresh_status()
            self.sync_now()
        self.updated.emit()
        self._next()

    def _failed(self, problem: str) -> None:
        task = self._end()
        if task is None:  # closing: only the last pass is left to run
            self._next()
            return
        self._release(task, False)
        log.info("selftrust sync (%s) refused: %s", task.kind, problem)
        if task.kind == "status":
            if self.job.exit_code == NOT_SYNCING_CODE:
                self.status = None
                self._remember(False)
                self.watch.stop()
            else:
                self.problem = problem
        elif task.kind == "pass" and self.job.exit_code == BUSY_CODE:
            self._send.start()  # not a problem: try again in a moment
        elif task.kind == "pass":
            self.problem = problem
        else:
            self.refused.emit(task.kind, problem)
        self.updated.emit()
        self._next()

    def _end(self) -> _Task | None:
        task, self._now = self._now, None
        self._forget_secret(task)
        return None if self._closing else task

    def _release(self, task: _Task, brought: bool) -> None:
        if not task.writes or self.outside is None:
            return
        self._quiet = True  # the reload below is not a save of ours
        try:
            self.outside.release(brought)
        finally:
            self._quiet = False

    @staticmethod
    def _forget_secret(task: _Task | None) -> None:
        if task is not None and task.secret is not None:
            task.secret.unlink(missing_ok=True)
            task.secret = None

    # --- what came back ---------------------------------------------------------------
    def _use_status(self, status: dict[str, Any]) -> None:
        self.status = status
        self.problem = status.get("problem") or None
        folder = status.get("folder")
        if not folder:
            return
        self._remember(True)
        own = status.get("device_id")
        self.watch.ignore = frozenset({own}) if own else frozenset()
        devices = devices_folder(folder)
        if self.watch.folder != devices and not self._closing:
            log.info("following the sync folder %s", devices)
            self.watch.start(devices)  # its first look runs a pass: catching up

    def _passed(self, result: dict[str, Any]) -> None:
        self.last = result
        self.last_at = self.ws.clock.now().astimezone(UTC).isoformat(timespec="seconds")
        self.problem = None
        if result.get("summary"):
            self.merged.emit(str(result["summary"]))
        messages = [str(m) for m in result.get("conflict_messages") or []]
        if messages:
            self.told.emit(messages)

    def _saved(self, _change: object) -> None:
        if self._quiet or self._closing or not self.set_up:
            return
        self._unsent = True
        self._send.start()

    def _unreadable(self, folder: str) -> None:
        self.problem = _("The sync folder {folder} cannot be read (is it there, and "
                         "yours?)").format(folder=folder)
        self.updated.emit()
