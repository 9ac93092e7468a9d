"""Following the folder where Loop's backups arrive, and merging each new one.

Preferences → Loop names the folder; that choice belongs to this computer (a phone's
folder on one machine means nothing on another), so it lives with the window's
preferences, under the data folder it is for. While it is on, a ``FolderWatch`` follows
the folder and each settled change runs `selftrust loop pull --json FOLDER` as a
``CliJob``: the command reads the newest good backup, merges what changed on the phone
and commits through its own connection, and the window shows it as any outside change
(``outside_changes``), at once. A file that could not be read is listed with its reason
and tried again when the folder changes; merging a backup twice changes nothing, so a
look that finds nothing new costs a quick read.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from selftrust.base import formats
from selftrust.base.i18n import N_, _, ngettext, pgettext
from selftrust.services.workspace import Workspace
from selftrust.ui.desktop.folder_watch import FolderWatch
from selftrust.ui.shell.cli_job import CliJob
from selftrust.ui.shell.prefs import UiPrefs

log = logging.getLogger(__name__)

START_AFTER_MS = 5_000
# Why a file of our own (a push) is passed over, as the pull says it (in English, or in
# the window's language: the command speaks it, see ``cli_job``).
OWN_PUSH = N_("written by Self-Trust for Loop (a push)")


class LoopSettings:
    """This computer's Loop choices for one data folder, kept in the window preferences."""

    def __init__(self, prefs: UiPrefs, data_root: Path) -> None:
        self.prefs = prefs
        digest = hashlib.sha256(str(data_root.resolve()).encode("utf-8")).hexdigest()[:16]
        self._key = f"loop/by_folder/{digest}"

    @property
    def folder(self) -> Path | None:
        raw = str(self.prefs.value(f"{self._key}/folder", "") or "")
        return Path(raw) if raw else None

    @folder.setter
    def folder(self, value: Path | None) -> None:
        self.prefs.set_value(f"{self._key}/folder", "" if value is None else str(value))

    @property
    def enabled(self) -> bool:
        return str(self.prefs.value(f"{self._key}/enabled", "false")).lower() in ("true", "1")

    @enabled.setter
    def enabled(self, value: bool) -> None:
        self.prefs.set_value(f"{self._key}/enabled", bool(value))

    @property
    def last(self) -> dict[str, Any] | None:
        """What the last look at the folder found (``record`` below)."""
        raw = str(self.prefs.value(f"{self._key}/last", "") or "")
        try:
            found = json.loads(raw) if raw else None
        except ValueError:
            return None
        return found if isinstance(found, dict) else None

    @last.setter
    def last(self, value: dict[str, Any] | None) -> None:
        self.prefs.set_value(f"{self._key}/last", "" if value is None else json.dumps(value))


def record(pulled: dict[str, Any] | None, problem: str | None, now: datetime
           ) -> dict[str, Any]:
    """What is kept of a look: the pull's JSON summary, or the problem that stopped it."""
    return {"at": now.isoformat(timespec="seconds"), "pull": pulled, "problem": problem}


def brought_parts(pulled: dict[str, Any]) -> list[str]:
    """What a merge brought, a part at a time (none: nothing new)."""
    c, h = pulled.get("checkins", {}), pulled.get("habits", {})
    parts = []
    if n := h.get("new"):
        parts.append(ngettext("{n} new habit", "{n} new habits", n).format(
            n=formats.number(n)))
    if n := c.get("added"):
        parts.append(ngettext("{n} check-in from the phone", "{n} check-ins from the phone",
                              n).format(n=formats.number(n)))
    if n := c.get("changed"):
        parts.append(ngettext("{n} check-in changed", "{n} check-ins changed", n).format(
            n=formats.number(n)))
    if n := c.get("removed"):
        parts.append(ngettext("{n} check-in removed", "{n} check-ins removed", n).format(
            n=formats.number(n)))
    if n := h.get("changed"):
        parts.append(ngettext("{n} habit edited on the phone", "{n} habits edited on the phone",
                              n).format(n=formats.number(n)))
    parts.extend(
        # TRANSLATORS: {title} is the name of a habit in Loop Habit Tracker.
        _("“{title}” deleted on the phone (it stays here)").format(title=title)
        for title in pulled.get("deleted_on_phone", []))
    return parts


def brought(pulled: dict[str, Any]) -> str:
    """What a merge brought, in words: "3 check-ins from the phone", "nothing new",
    "“Pages” deleted on the phone (it stays here)"."""
    parts = brought_parts(pulled)
    # TRANSLATORS: what stands between the parts of what a merge from Loop brought
    # ("1 new habit, 3 check-ins from the phone").
    return pgettext("list separator", ", ").join(parts) if parts else _("nothing new")


def last_merge_line(last: dict[str, Any] | None) -> str:
    """"Merged the backup of 5 Dec, 21:14 · 3 check-ins from the phone"."""
    if not last:
        return _("No backup merged yet.")
    pulled = last.get("pull")
    if not pulled or not pulled.get("source"):
        # TRANSLATORS: {problem} says why, e.g. "there is no Loop backup in …".
        return _("Nothing could be merged: {problem}").format(
            problem=last.get("problem") or _("no Loop backup was found"))
    from selftrust.services.loop.reports import backup_moment  # not at start-up

    source = Path(str(pulled["source"]))
    moment = backup_moment(source.name)
    if moment is None:
        # TRANSLATORS: {file} is the name of the backup file; {brought} what it brought.
        return _("Merged “{file}” · {brought}").format(file=source.name,
                                                      brought=brought(pulled))
    # TRANSLATORS: {day} is like "5 Dec", {time} like "21:14" (when the phone made the
    # backup); {brought} is what it brought, e.g. "3 check-ins from the phone".
    return _("Merged the backup of {day}, {time} · {brought}").format(
        day=formats.short_day_month(moment), time=formats.time_of_day(moment),
        brought=brought(pulled))


def skipped_lines(last: dict[str, Any] | None) -> list[str]:
    """Each file passed over and why (our own pushes are not worth a word)."""
    pulled = (last or {}).get("pull") or {}
    own = ("written by Self-Trust", _(OWN_PUSH))
    # TRANSLATORS: a file passed over: {file} is its name, {reason} why.
    return [_("{file}: {reason}").format(file=s["file"], reason=s["reason"])
            for s in pulled.get("skipped", [])
            if not any(words in str(s.get("reason", "")) for words in own)]


class LoopFollower(QObject):
    """Runs while the window is open; ``merged`` carries the status bar's words after a
    merge that brought something, ``looked`` fires after every look (the page updates)."""

    merged = Signal(str)
    looked = Signal()

    def __init__(self, ws: Workspace, prefs: UiPrefs, parent: QObject | None = None, *,
                 poll_ms: int | None = None, settle_ms: int | None = None,
                 start_after_ms: int = START_AFTER_MS) -> None:
        """Following starts ``start_after_ms`` after the window opens: a merge at start-up
        would compete with the first paint for the processor."""
        super().__init__(parent)
        self.ws = ws
        root = ws.db.folder.root
        self.settings = LoopSettings(prefs, root)
        timing = {k: v for k, v in (("poll_ms", poll_ms), ("settle_ms", settle_ms)) if v}
        self.watch = FolderWatch(self, **timing)
        self.watch.changed.connect(self.pull_now)
        self.watch.unreadable.connect(self._unreadable)
        self.job = CliJob(root, self)
        self.job.succeeded.connect(self._pulled)
        self.job.failed.connect(self._refused)
        QTimer.singleShot(start_after_ms, self, self.apply)

    def apply(self) -> None:
        """Follow the folder now chosen, or stop following."""
        folder = self.settings.folder
        if self.settings.enabled and folder is not None:
            if self.watch.folder != folder:
                log.info("following Loop backups in %s", folder)
                self.watch.start(folder)
        elif self.watch.folder is not None:
            self.watch.stop()

    def pull_now(self) -> None:
        folder = self.settings.folder
        if folder is not None:
            self.job.run(["loop", "pull", "--json", str(folder)])

    @property
    def busy(self) -> bool:
        return self.job.running

    def stop(self) -> None:
        self.watch.stop()
        self.job.stop()

    def _pulled(self, pulled: object) -> None:
        if not isinstance(pulled, dict):
            self._refused(_("the merge answered in a way not understood"))
            return
        self.settings.last = record(pulled, None, self.ws.clock.now())
        self.looked.emit()
        if brought_parts(pulled):
            # TRANSLATORS: in the status bar; {brought} is e.g. "3 check-ins from the phone".
            self.merged.emit(_("From Loop: {brought}").format(brought=brought(pulled)))

    def _refused(self, problem: str) -> None:
        log.info("Loop pull refused: %s", problem)
        self.settings.last = record(None, problem, self.ws.clock.now())
        self.looked.emit()

    def _unreadable(self, folder: str) -> None:
        self._refused(_("the folder {folder} cannot be read (is it there, and yours?)")
                      .format(folder=folder))
