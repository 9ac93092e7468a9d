"""Backups of the open workspace: list them, make one now, restore one in place.

Restoring swaps the database file under a running app: the workspace closes its
database, the store puts a copy of the backup in place (the current file is moved
aside, never deleted), and the workspace opens the folder again and tells every view
to reload. If the backup cannot be used, the data that was open stays open.
"""

from __future__ import annotations

from pathlib import Path

from selftrust.base.i18n import N_, _
from selftrust.services.problems import as_data_problem
from selftrust.services.workspace import Workspace
from selftrust.store import backups as store_backups
from selftrust.store.backups import Backup
from selftrust.store.errors import StoreError

__all__ = ["BEFORE_DELETE", "BEFORE_LOOP_PULL", "BEFORE_SYNC", "Backup", "back_up_before",
           "back_up_now", "backups_folder", "find_backup", "kind_name", "list_backups",
           "restore_in_place"]


BEFORE_DELETE = "before-delete"
BEFORE_LOOP_PULL = "before-loop-pull"
BEFORE_SYNC = "before-sync"

KIND_NAMES = {
    # TRANSLATORS: the kinds of backups, in the Backups list: a backup made by the person.
    "manual": N_("Made by you"),
    # TRANSLATORS: a kind of backup: the one made each day.
    "daily": N_("Daily"),
    # TRANSLATORS: a kind of backup: the one kept each week.
    "weekly": N_("Weekly"),
    "before-update": N_("Before an update"),
    "before-import": N_("Before an import"),
    BEFORE_DELETE: N_("Before a delete"),
    # TRANSLATORS: Loop is Loop Habit Tracker, an app; a pull brings its records in.
    BEFORE_LOOP_PULL: N_("Before a Loop pull"),
    BEFORE_SYNC: N_("Before joining a sync folder"),
}
"""The kinds' names in English, marked for the catalogue: `kind_name` translates."""


def kind_name(kind: str) -> str:
    """A backup's kind in the person's language ("Daily"); an unknown one as it is named."""
    name = KIND_NAMES.get(kind)
    return _(name) if name is not None else kind.replace("-", " ").capitalize()


def backups_folder(ws: Workspace) -> Path:
    return ws.db.folder.backups


def list_backups(ws: Workspace) -> list[Backup]:
    """The backups in the workspace's data folder, newest first."""
    return store_backups.list_backups(ws.db.folder)


def back_up_now(ws: Workspace) -> Backup:
    return ws.back_up_now()


def back_up_before(ws: Workspace, label: str) -> Backup:
    """A labelled backup before a step that has no undo (a delete from the command line);
    DataProblem if it cannot be made, and then the step must not run."""
    from selftrust.services.workspace import as_data_problem

    try:
        return store_backups.back_up_labelled(ws.db.folder, label, now=ws.clock.now())
    except StoreError as exc:
        raise as_data_problem(exc) from exc


def find_backup(ws: Workspace, name_or_path: Path) -> Path:
    """A path as given, or the name of a file in the backups folder."""
    if name_or_path.exists() or name_or_path.is_absolute():
        return name_or_path
    candidate = ws.db.folder.backups / name_or_path.name
    return candidate if candidate.exists() else name_or_path


def restore_in_place(ws: Workspace, backup: Path) -> Path | None:
    """Replace the open data with ``backup``; returns where the previous file was kept.

    Raises DataProblem if the backup cannot be restored; the current data then stays
    open and unchanged.
    """
    folder = ws.db.folder
    ws.db.close()
    try:
        aside = store_backups.restore(folder, backup, now=ws.clock.now())
    except BaseException as exc:
        ws.reopen()
        if isinstance(exc, StoreError):
            raise as_data_problem(exc) from exc
        raise
    ws.reopen()
    return aside
