"""Which Loop backup a pull reads: a file as given, or the newest good one in a folder.

Loop names its backups ``Loop Habits Backup YYYY-MM-DD HHMMSS.db``, so in a folder the
names sort by age. A file that is not a readable Loop backup (half copied by a sync
tool, from a newer Loop, not Loop's at all) is skipped with its reason and an older one
is tried; so is a backup written by our own ``loop push`` into the same folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selftrust.base.i18n import _
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_db import read_loop_db
from selftrust.interchange.loop_db_write import is_own_push
from selftrust.interchange.loop_records import LoopExport

BACKUP_GLOB = "Loop Habits Backup *.db"


@dataclass(frozen=True, slots=True)
class Skipped:
    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class Chosen:
    """The backup to merge (None: none was readable) and the files passed over."""

    export: LoopExport | None
    skipped: tuple[Skipped, ...]


def choose_backup(path: Path) -> Chosen:
    """Read ``path`` (a file), or the newest readable Loop backup in ``path`` (a folder).

    ImportProblem when ``path`` is a file that cannot be read as a Loop backup, or a
    folder without any Loop backup in it."""
    if not path.is_dir():
        return Chosen(read_loop_db(path), ())
    names = sorted((p for p in path.glob(BACKUP_GLOB) if p.is_file()),
                   key=lambda p: p.name, reverse=True)
    if not names:
        raise ImportProblem(
            _("there is no Loop backup (“{pattern}”) in the folder {folder}").format(
                pattern=BACKUP_GLOB, folder=path))
    skipped: list[Skipped] = []
    for candidate in names:
        if is_own_push(candidate):
            # TRANSLATORS: why a file in the Loop backups folder was passed over.
            skipped.append(Skipped(candidate.name, _("written by Self-Trust for Loop (a push)")))
            continue
        try:
            return Chosen(read_loop_db(candidate), tuple(skipped))
        except ImportProblem as problem:
            reason = problem.detail if problem.file == candidate.name else problem.message
            skipped.append(Skipped(candidate.name, reason))
    return Chosen(None, tuple(skipped))
