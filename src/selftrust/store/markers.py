"""Small files beside the database that remember what the file itself cannot tell.

An open marker (``selftrust.db.open-<pid>-<n>``) exists while a process has the
database open and is removed when it closes it in order. One left by a process that
has ended means that session did not end cleanly (killed, crashed, a power cut), so
the next open runs ``quick_check`` instead of trusting the file on its header alone.
Each process (the app, a ``selftrust check`` in a terminal meanwhile) has its own
markers, so a command run while the app is open neither clears nor trips the app's.

A damage marker (``selftrust.db.damaged``) is written when the full check, run with
the daily backup off the window's thread, finds the file damaged. From then on no
process writes to that file: an open database refuses writes, and the next open runs
the full check, which refuses the file until a restore (or starting fresh) replaced it.

The markers are written to the database's own folder, without a leading dot (the
reliability tests count dot-files as leftovers of interrupted writes). A folder that
cannot be written (read-only) simply gets no marker; the file is then never written
either.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import re
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

ABANDONED_AFTER_S = 24 * 3600  # where we cannot ask whether a process still runs
_serial = itertools.count(1)
_mine: set[Path] = set()  # this process's markers of databases it holds open


def open_marker_pattern(database: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(database.name)}\.open-(\d+)-\d+$")


def damage_marker(database: Path) -> Path:
    return database.with_name(database.name + ".damaged")


def mark_open(database: Path) -> Path | None:
    """Leave a marker saying this process has ``database`` open (None if it cannot)."""
    marker = database.with_name(f"{database.name}.open-{os.getpid()}-{next(_serial)}")
    try:
        fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:  # a read-only folder: no marker, and nothing will be written
        log.info("no open marker for %s: %s", database, exc)
        return None
    os.close(fd)
    _mine.add(marker)
    return marker


def mark_closed(marker: Path | None) -> None:
    """The session ended in order: remove its marker."""
    if marker is None:
        return
    _mine.discard(marker)
    with contextlib.suppress(OSError):
        marker.unlink()


def left_open(database: Path) -> list[Path]:
    """Markers of sessions that ended without closing the database (empty after clean
    closes, and while the only other sessions are still running)."""
    pattern = open_marker_pattern(database)
    try:
        names = list(database.parent.iterdir())
    except OSError:
        return []
    found = []
    for path in names:
        match = pattern.match(path.name)
        if match and path not in _mine and process_gone(int(match.group(1)), path):
            found.append(path)
    return found


def forget(markers: list[Path]) -> None:
    """Remove markers of ended sessions once the file passed its check."""
    for marker in markers:
        with contextlib.suppress(OSError):
            marker.unlink()


def record_damage(database: Path, detail: str) -> None:
    """Remember that ``database`` failed its full check (the file itself is not touched)."""
    path = damage_marker(database)
    try:
        with open(path, "w", encoding="utf-8") as file:
            file.write(f"{datetime.now().astimezone().isoformat()} {detail}\n")
    except OSError as exc:
        log.error("could not record the damage of %s: %s", database, exc)
    log.error("%s is damaged: %s", database, detail)


def damage_recorded(database: Path) -> bool:
    return damage_marker(database).exists()


def clear_damage(database: Path) -> None:
    """The file passed the full check again (restored, or started fresh)."""
    with contextlib.suppress(FileNotFoundError):
        damage_marker(database).unlink()


def process_gone(pid: int, path: Path) -> bool:
    """True when the process ``pid`` (which left ``path``) has ended.

    This process's own id counts as gone for a file it does not hold: the id was
    reused after the earlier process with it ended (common in containers)."""
    if pid == os.getpid():
        return path not in _mine
    if os.name == "posix":
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False
        return False
    try:  # elsewhere signal 0 is no harmless question: go by age instead
        return datetime.now().timestamp() - path.stat().st_mtime > ABANDONED_AFTER_S
    except OSError:
        return False
