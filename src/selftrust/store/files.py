"""Careful file handling for the data folder: owner-only modes, atomic moves, no deletes.

The user's data is one SQLite file plus the ``-wal``/``-shm``/``-journal`` files SQLite
keeps next to it. Those must travel together (a stale ``-wal`` next to another
database would be replayed into it), must be readable by the owner only, and are
moved aside, never deleted, when the user starts fresh or restores a backup.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from selftrust.base.durable import fsync_dir as fsync_dir  # re-exported: backups and drafts use it
from selftrust.base.durable import fsync_path
from selftrust.base.i18n import _

LOW_SPACE_BYTES = 256 * 1024
"""Below this much free space a vague "disk I/O error" is taken to mean the disk is full."""
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")
"""Files SQLite keeps next to a database; they belong to it and move with it."""

_POSIX = os.name == "posix"


def sidecar(path: Path, suffix: str) -> Path:
    """``selftrust.db`` + ``-wal`` → ``selftrust.db-wal`` (SQLite's own naming)."""
    return path.with_name(path.name + suffix)


def sidecars(path: Path) -> list[Path]:
    """The SQLite companion files of ``path`` that exist right now."""
    return [p for p in (sidecar(path, s) for s in SIDECAR_SUFFIXES) if p.exists()]


def stamp(now: datetime) -> str:
    """A sortable local timestamp for file names: 20261124-073015."""
    return now.strftime("%Y%m%d-%H%M%S")


def make_private(path: Path) -> None:
    """Make an existing file we own readable and writable by the owner only."""
    if _POSIX and path.stat().st_mode & 0o777 != PRIVATE_FILE:
        path.chmod(PRIVATE_FILE)


def create_private_file(path: Path) -> None:
    """Create a new empty file with mode 0600 from its first moment; fail if it exists.

    The mode is given to ``open`` (so no other user can ever read the file) and set
    again afterwards, since an unusual umask may have taken away the owner's bits.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)
    make_private(path)


def ensure_private_dir(path: Path, *, tighten_existing: bool) -> None:
    """Create ``path`` with mode 0700; tighten an existing one only if it is ours.

    A folder the user chose (``--data-dir``) keeps its mode: our files in it are
    0600 anyway, and changing the mode of someone's own folder would be rude.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.mkdir(mode=PRIVATE_DIR)
    except FileExistsError:
        if not path.is_dir():
            raise NotADirectoryError(_("{path} exists and is not a folder").format(
                path=path)) from None
        if not tighten_existing:
            return
    if _POSIX and path.stat().st_mode & 0o777 != PRIVATE_DIR:
        path.chmod(PRIVATE_DIR)


def out_of_space(path: Path) -> bool:
    """True if the file system holding ``path`` (a file or folder) has next to no room.

    SQLite reports a full disk as SQLITE_FULL when a write fails, but only as a "disk I/O
    error" when its shared-memory file cannot be sized on opening; asking the file
    system tells the two causes apart."""
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free < LOW_SPACE_BYTES
    except OSError:
        return False


def fsync_file(path: Path) -> None:
    """Push a file's bytes to the disk before it is renamed into place."""
    fsync_path(path)


def place(source: Path, target: Path) -> None:
    """Move a finished file to ``target`` atomically, refusing to overwrite anything.

    A hard link fails if the target exists, so two processes racing to create the
    database cannot silently replace each other's file. Where links are not
    supported, a rename after an existence check is the best available.
    """
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(source, target)
    else:
        source.unlink()
    fsync_dir(target.parent)


def free_name(base: Path) -> Path:
    """``base``, or ``base-2``, ``base-3``… whichever neither it nor its sidecars use."""
    candidate, n = base, 1
    while candidate.exists() or sidecars(candidate):
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    return candidate


def move_aside(path: Path, tag: str, now: datetime) -> Path:
    """Rename a database and its sidecars to ``<name>.<tag>-<stamp>``; nothing is deleted.

    The database moves first: if we are interrupted half-way, a ``-wal`` left without
    its database makes the next open refuse (instead of silently reading an old state).
    Companions without a database (left by such an interruption) are moved alike.
    """
    target = free_name(path.with_name(f"{path.name}.{tag}-{stamp(now)}"))
    companions = sidecars(path)
    if path.exists():
        os.replace(path, target)
    for companion in companions:
        os.replace(companion, sidecar(target, companion.name[len(path.name):]))
    fsync_dir(path.parent)
    return target


def swap_in(incoming: Path, current: Path, tag: str, now: datetime) -> Path | None:
    """Put ``incoming`` in place of ``current``, keeping the old file aside; returns its
    new name (None if there was no old file). Nothing is deleted.

    The old database first gets a second name (a hard link), its companions move to
    that name, and one atomic rename then puts the new file in place: at every moment
    the database's name holds a complete database, the old one until the rename and
    the new one after it, so a kill half-way never leaves the folder without one.
    (Before the rename the old file's -wal must be empty: checkpoint it first. A kill
    before the rename leaves the second name pointing at the live file: a harmless
    extra name, never a loss.)
    Where hard links are not supported, the old file is moved aside and the new one
    placed, one rename after the other.
    """
    if not current.exists():
        aside = move_aside(current, tag, now) if sidecars(current) else None
        place(incoming, current)
        return aside
    target = free_name(current.with_name(f"{current.name}.{tag}-{stamp(now)}"))
    try:
        os.link(current, target)
    except OSError:
        aside = move_aside(current, tag, now)
        place(incoming, current)
        return aside
    for companion in sidecars(current):
        os.replace(companion, sidecar(target, companion.name[len(current.name):]))
    os.replace(incoming, current)
    fsync_dir(current.parent)
    return target


@contextlib.contextmanager
def removing_new_sidecars(path: Path) -> Iterator[None]:
    """Remove SQLite companion files that appear next to ``path`` during the block.

    Used around read-only checks, which must leave a file exactly as they found it.
    Only files that did not exist before are removed, and a ``-wal`` only while empty:
    a file that existed before belongs to someone else and is never touched.
    """
    before = set(sidecars(path))
    try:
        yield
    finally:
        for created in set(sidecars(path)) - before:
            if created.name.endswith("-wal") and created.stat().st_size > 0:
                continue
            with contextlib.suppress(FileNotFoundError):
                created.unlink()
