"""Noticing that a folder a sync tool (or a person) fills has new or changed files.

Shared by everything that follows a folder (Loop's backups, the sync folder). Two ways
of noticing work together, because neither is enough alone:

* a ``QFileSystemWatcher`` on the folder and on each file in it answers within a moment
  of a change;
* a slow poll of the folder's listing (name, size, modification time) catches what
  watchers miss: Syncthing, Nextcloud and Dropbox write a hidden temporary file and
  rename it over the old one, network folders send no events, and a watcher stops
  following a file once it was replaced.

A burst of events (a file being copied in pieces) is settled before anything is said:
a file still growing is not ready, so ``changed`` is emitted only once two looks
``settle_ms`` apart see the same listing, and only when that listing differs from the
one last reported. Hidden and temporary files (``.name``, ``~name``, ``name.tmp``,
``name.part``) are not part of the listing: sync tools keep their work in them.

Looking at a folder only lists it (no file is opened), on the GUI thread: a folder of
backups holds tens of files, not thousands. A folder of folders (the sync folder's
``devices/``, one folder per device) is followed one level down with ``nested`` set;
a sub-folder named in ``ignore`` (this device's own) is left out.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

log = logging.getLogger(__name__)

Listing = dict[str, tuple[int, int]]  # name -> (size, mtime in ns)

POLL_MS = 5_000
SETTLE_MS = 800
_WORK_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".swp")


def is_work_file(name: str) -> bool:
    """A sync tool's or an editor's file in the making, never a finished one."""
    return name.startswith((".", "~")) or name.lower().endswith(_WORK_SUFFIXES)


def listing(folder: Path, *, nested: bool = False,
            ignore: frozenset[str] = frozenset()) -> Listing | None:
    """The folder's finished files with their size and modification time; None when the
    folder cannot be read (gone, unmounted, no permission). ``nested`` adds the files of
    each sub-folder (not in ``ignore``) as "sub/name"."""
    out: Listing = {}
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if is_work_file(entry.name):
                    continue
                try:
                    if nested and entry.is_dir() and entry.name not in ignore:
                        inner = listing(Path(entry.path))
                        out.update({f"{entry.name}/{k}": v for k, v in (inner or {}).items()})
                        continue
                    if not entry.is_file():
                        continue
                    st = entry.stat()
                except OSError:
                    continue  # removed while we looked
                out[entry.name] = (st.st_size, st.st_mtime_ns)
    except OSError:
        return None
    return out


class FolderWatch(QObject):
    """Follows one folder; ``changed`` says its finished files are new or different.

    ``start(folder)`` reports the folder's present state once it is settled (so whoever
    listens catches up with what arrived while the app was closed); ``stop()`` ends the
    following. ``unreadable`` says the folder cannot be listed (it is retried at each
    poll)."""

    changed = Signal()
    unreadable = Signal(str)  # the folder, as text

    def __init__(self, parent: QObject | None = None, *, poll_ms: int = POLL_MS,
                 settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self._folder: Path | None = None
        self.nested = False  # follow the files of each sub-folder too
        self.ignore: frozenset[str] = frozenset()  # sub-folders left out (``nested``)
        self._reported: Listing | None = None  # what ``changed`` last stood for
        self._last_look: Listing | None = None  # the look before, to see it settled
        self._was_readable = True
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._stirred)
        self._watcher.fileChanged.connect(self._stirred)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._look_for_changes)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self._settled_look)

    @property
    def folder(self) -> Path | None:
        return self._folder

    def _list(self) -> Listing | None:
        assert self._folder is not None
        return listing(self._folder, nested=self.nested, ignore=self.ignore)

    def start(self, folder: Path) -> None:
        self.stop()
        self._folder = folder
        self._reported = None
        self._poll.start()
        self._stirred()

    def stop(self) -> None:
        self._poll.stop()
        self._settle.stop()
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
        self._folder = None
        self._last_look = None
        self._was_readable = True

    def _stirred(self, _path: str = "") -> None:
        """Something moved: look again once it has had a moment to settle."""
        if self._folder is None:
            return
        self._last_look = self._list()
        self._settle.start()

    def _look_for_changes(self) -> None:
        if self._folder is None or self._settle.isActive():
            return
        now = self._list()
        if now is None:
            self._tell_unreadable()
            return
        if now != self._reported:
            self._last_look = now
            self._settle.start()

    def _settled_look(self) -> None:
        if self._folder is None:
            return
        now = self._list()
        if now is None:
            self._tell_unreadable()
            return
        self._was_readable = True
        if now != self._last_look:  # still moving (a copy under way): wait a little more
            self._last_look = now
            self._settle.start()
            return
        self._follow(now)
        if now != self._reported:
            self._reported = now
            log.debug("folder %s changed: %d files", self._folder, len(now))
            self.changed.emit()

    def _follow(self, now: Listing) -> None:
        """Keep the watcher on the folder and on each finished file in it (a replaced
        file drops out of a watcher's list, so the list is renewed at each look)."""
        assert self._folder is not None
        wanted = ({str(self._folder)} | {str(self._folder / name) for name in now}
                  | {str(self._folder / name.split("/")[0]) for name in now if "/" in name})
        present = set(self._watcher.files()) | set(self._watcher.directories())
        gone = present - wanted
        if gone:
            self._watcher.removePaths(sorted(gone))
        new = wanted - present
        if new:
            self._watcher.addPaths(sorted(new))  # a path that vanished meanwhile is refused

    def _tell_unreadable(self) -> None:
        if self._was_readable and self._folder is not None:
            self._was_readable = False
            log.info("cannot list the followed folder %s", self._folder)
            self.unreadable.emit(str(self._folder))
