"""Daily rotating backups in ``<data folder>/backups``, and restoring one of them.

Backups are made with SQLite's online backup API, so they are consistent even while
the app writes. Each one is written under a temporary name, checked with
``PRAGMA integrity_check`` and only then renamed into place, so a backup file that
exists is a good one. This is also the full check of the data itself (the check at
open is cheap, so its cost does not grow with the years): when a copy fails, the
live file is checked too, and damage found there is recorded (``markers.py``) so
the file is never written to again. They are single self-contained files (rollback-journal mode),
owner-only (0600). Daily backups past retention (``retention.py``) are deleted, and
of the labelled ones ("before-update", "before-import") the newest ``KEEP_LABELLED`` of
each label stay, so a person who imports every day does not fill the disk; the
backup just made is never the one to go. Nothing else in the folder is touched.

The functions that make a backup expect a database that ``open_database`` has
accepted (``Database.back_up_now`` is the usual way in).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType

from selftrust.base.i18n import _
from selftrust.store import markers
from selftrust.store.engine import BUSY_TIMEOUT_MS, in_use
from selftrust.store.errors import (
    BackupFailed,
    DamagedDatabase,
    DatabaseMissing,
    DataFolderProblem,
    RefusedDatabase,
    StoreError,
)
from selftrust.store.files import (
    create_private_file,
    fsync_dir,
    fsync_file,
    make_private,
    removing_new_sidecars,
    sidecars,
    stamp,
    swap_in,
)
from selftrust.store.inspection import check_file, read_only_uri, sqlite_reports
from selftrust.store.paths import DataFolder
from selftrust.store.retention import days_to_keep, rotation_kinds

DAILY = re.compile(r"^selftrust-(\d{4}-\d{2}-\d{2})\.db$")
LABELLED = re.compile(r"^selftrust-([a-z]+(?:-[a-z]+)*)-\d{8}-\d{6}(?:-\d+)?\.db$")
TEMPORARY = re.compile(r"^\.selftrust.*\.(?:partial|restoring)-(\d+)$")
"""A copy being written by a backup or restore (the number is the writer's process id)."""
BEFORE_UPDATE = "before-update"
KEEP_LABELLED = 5
"""Labelled backups kept per label (the newest, by the moment each was taken)."""

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file: ``kind`` is "daily", "weekly" (an older daily kept for its week)
    or a label such as "before-update"."""

    path: Path
    taken_at: datetime
    size: int
    kind: str


def list_backups(folder: DataFolder) -> list[Backup]:
    """Every backup in the folder, newest first."""
    found: list[Backup] = []
    if not folder.backups.is_dir():
        return found
    kinds = rotation_kinds(_daily_days(folder))
    for path in folder.backups.iterdir():
        if not (DAILY.match(path.name) or LABELLED.match(path.name)) or not path.is_file():
            continue
        info = path.stat()  # the mtime is set to the moment the backup was taken
        taken = datetime.fromtimestamp(info.st_mtime).astimezone()
        found.append(Backup(path, taken, info.st_size, _kind(path, kinds)))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def back_up_now(folder: DataFolder, *, now: datetime | None = None) -> Backup:
    """Write (or refresh) today's daily backup, then drop dailies past retention."""
    moment = _local(now)
    target = folder.backups / f"selftrust-{moment.date().isoformat()}.db"
    backup = _write_backup(folder, target, moment)
    prune(folder)
    return backup


def back_up_if_due(folder: DataFolder, *, now: datetime | None = None) -> Backup | None:
    """Make today's daily backup unless there already is one for today (or later)."""
    moment = _local(now)
    tidy(folder)
    days = _daily_days(folder)
    if days and max(days) >= moment.date():
        return None
    return back_up_now(folder, now=moment)


def back_up_labelled(folder: DataFolder, label: str, *, now: datetime | None = None) -> Backup:
    """A backup kept outside the daily rotation, e.g. "before-update" before a migration;
    older ones of the same label beyond the newest ``KEEP_LABELLED`` are deleted."""
    moment = _local(now)
    base = folder.backups / f"selftrust-{label}-{stamp(moment)}.db"
    target, n = base, 1
    while target.exists():
        n += 1
        target = base.with_name(f"{base.stem}-{n}.db")
    backup = _write_backup(folder, target, moment)
    try:
        prune_labelled(folder, label, spare=backup.path)
    except OSError as exc:  # the backup is made; tidying up can wait for the next one
        log.warning("could not remove old %s backups: %s", label, exc)
    return backup


def prune_labelled(
    folder: DataFolder, label: str, *, keep: int = KEEP_LABELLED, spare: Path | None = None
) -> list[Path]:
    """Delete all but the newest ``keep`` backups of ``label``; returns what was deleted.

    ``spare`` (the backup just made) always stays and counts as one of the ``keep``,
    even when its time says it is older (a clock set back)."""
    mine = [b for b in list_backups(folder) if b.kind == label]  # newest first
    kept = [b for b in mine if b.path == spare][:1]
    kept += [b for b in mine if b.path != spare][: max(keep - len(kept), 0)]
    removed = []
    for backup in mine:
        if backup not in kept:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def prune(folder: DataFolder) -> list[Path]:
    """Delete the daily backups past retention; returns what was deleted."""
    keep = days_to_keep(_daily_days(folder))
    removed = []
    for path in sorted(folder.backups.glob("selftrust-*.db")):
        match = DAILY.match(path.name)
        if match and date.fromisoformat(match.group(1)) not in keep:
            path.unlink()
            removed.append(path)
    return removed


def restore(folder: DataFolder, backup: Path, *, now: datetime | None = None) -> Path | None:
    """Put a copy of ``backup`` in place of the database; returns where the old one went.

    The backup must be a healthy Self-Trust database this version knows (an older
    revision is fine: the next open updates it). The current database, with its
    ``-wal``/``-shm``, is moved aside as ``selftrust.db.before-restore-<stamp>``,
    never deleted. Close the ``Database`` first; the next ``open_database`` opens
    the restored data.
    """
    moment = _local(now)
    current = folder.database
    if in_use(current):
        raise StoreError(_("{path} is still open; close it before restoring a backup.").format(
            path=current), current)
    if check_file(backup, role="backup", thorough=True) is None:
        raise DatabaseMissing(backup, role="backup")
    folder.ensure()
    tidy(folder)
    incoming = current.with_name(f".{current.name}.restoring-{os.getpid()}")
    _discard(incoming)
    create_private_file(incoming)
    try:
        try:
            with removing_new_sidecars(backup):
                _copy(read_only_uri(backup), incoming)
        except sqlite3.Error as exc:
            raise DamagedDatabase(backup, sqlite_reports(exc), "backup") from exc
        except OSError as exc:
            raise DataFolderProblem(folder.root, exc.strerror or str(exc)) from exc
        aside = _swap(incoming, current, moment)
    except BaseException:
        _discard(incoming)
        raise
    log.info("restored %s from %s (the previous file is at %s)", current, backup, aside)
    return aside


def _swap(incoming: Path, current: Path, moment: datetime) -> Path | None:
    """Put the restored copy in place; the current database (if any) is kept aside,
    its -wal folded in first when it is healthy (see ``swap_in``)."""
    if current.exists():
        with contextlib.suppress(RefusedDatabase):
            check_file(current, thorough=False)
            conn = sqlite3.connect(current, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
    return swap_in(incoming, current, "before-restore", moment)


def tidy(folder: DataFolder) -> list[Path]:
    """Remove the temporary copies of backups and restores that were killed half-way.

    Only our own temporary names, and only when the process that wrote them has
    ended; never a database, a backup or anything the user made. Returns what went."""
    removed: list[Path] = []
    for directory in (folder.root, folder.backups):
        try:
            names = list(directory.iterdir())
        except OSError:
            continue
        for path in names:
            match = TEMPORARY.match(path.name)
            if match and _abandoned(path, int(match.group(1))):
                with contextlib.suppress(OSError):
                    _discard(path)
                    removed.append(path)
                    log.info("removed %s, left by an interrupted backup or restore", path)
    return removed


def _abandoned(path: Path, pid: int) -> bool:
    return pid != os.getpid() and markers.process_gone(pid, path)


def _write_backup(folder: DataFolder, target: Path, moment: datetime) -> Backup:
    folder.ensure()
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    _discard(partial)
    try:
        create_private_file(partial)
        # mode=rw: never create an empty database where ours should be
        _copy(f"{folder.database.absolute().as_uri()}?mode=rw", partial)
        fsync_file(partial)
        os.replace(partial, target)
        fsync_dir(target.parent)
        timestamp = moment.timestamp()
        os.utime(target, (timestamp, timestamp))
    except sqlite3.DatabaseError as exc:
        _discard(partial)
        if not isinstance(exc, sqlite3.OperationalError):
            # The copy is damaged, or the file could not be read whole: was it the file?
            damage = damage_in(folder.database)
            if damage is not None:
                markers.record_damage(folder.database, damage)
                raise DamagedDatabase(folder.database, damage) from exc
        raise BackupFailed(folder.backups, str(exc)) from exc
    except (OSError, sqlite3.Error) as exc:
        _discard(partial)
        raise BackupFailed(folder.backups, str(exc)) from exc
    except BaseException:
        _discard(partial)
        raise
    log.info("backed up %s to %s", folder.database, target)
    return Backup(target, moment, target.stat().st_size, _kind(target))


def _copy(source_uri: str, target: Path) -> None:
    """Copy a database (given as a ``file:`` URI) into ``target``, then verify the copy.

    The copy is switched to rollback-journal mode so it is one self-contained file
    that any SQLite tool can open without creating -wal/-shm files next to it.
    """
    src = sqlite3.connect(source_uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            problems = integrity_problems(dst)
        finally:
            dst.close()
    finally:
        src.close()
    if problems != ["ok"]:
        # TRANSLATORS: why a backup could not be made; {problem} is SQLite's own words.
        raise sqlite3.DatabaseError(_("the copy did not pass its check: {problem}").format(
            problem=problems[0]))
    make_private(target)


def damage_in(database: Path) -> str | None:
    """What the full check finds in the live file itself, read-only (None: healthy, or
    it cannot be read just now). Asked only when its copy failed its check, so a
    fault in writing the copy is never taken for damage to the data."""
    try:
        conn = sqlite3.connect(f"{database.absolute().as_uri()}?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check(3)")]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # busy, or unreadable now: not known to be damaged
        return None
    except sqlite3.DatabaseError as exc:
        return sqlite_reports(exc)
    return None if rows == ["ok"] else sqlite_reports(rows[0])


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """What ``PRAGMA integrity_check`` finds (["ok"] for a healthy database)."""
    return [str(row[0]) for row in conn.execute("PRAGMA integrity_check(3)")]


def _daily_days(folder: DataFolder) -> list[date]:
    if not folder.backups.is_dir():
        return []
    matches = (DAILY.match(p.name) for p in folder.backups.iterdir())
    return [date.fromisoformat(m.group(1)) for m in matches if m]


def _kind(path: Path, rotation: Mapping[date, str] = MappingProxyType({})) -> str:
    """A label ("before-update"), or "daily"/"weekly" for a backup of the rotation (one
    just written is the newest: a daily)."""
    labelled = LABELLED.match(path.name)
    if labelled:
        return labelled.group(1)
    dated = DAILY.match(path.name)
    return rotation.get(date.fromisoformat(dated.group(1)), "daily") if dated else "daily"


def _discard(temporary: Path) -> None:
    """Remove one of our own temporary files (never user data) and its companions."""
    for path in (temporary, *sidecars(temporary)):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _local(now: datetime | None) -> datetime:
    """An aware local time; a naive ``now`` is read as local time."""
    return (now or datetime.now()).astimezone()
