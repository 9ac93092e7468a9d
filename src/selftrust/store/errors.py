"""Everything that can stop Self-Trust from opening or keeping the user's data.

One small hierarchy, so the UI and the CLI can catch ``StoreError`` and show its
message as it is: each message names the file and says, in plain and kind words,
what happened and what the person can do next. ``RefusedDatabase`` means the file
was left exactly as it was found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from selftrust.base.i18n import _

Role = Literal["database", "backup"]
"""Whether a checked file is the live database or a backup the user wants back."""


def _fresh() -> str:
    return _("You can restore one of your backups, or start fresh: the old file is then "
             "moved aside (never deleted), so nothing is lost.")


class StoreError(Exception):
    """Base of every store problem; ``str(error)`` is ready to show to the user."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class DataFolderProblem(StoreError):
    """The data folder (or a file in it) cannot be created, read or written."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            # TRANSLATORS: {detail} is why, often in the system's own words.
            _("Self-Trust cannot use {path} ({detail}). Please check that the folder exists "
              "and that your user account may write to it.").format(path=path, detail=detail),
            path,
        )
        self.detail = detail


class DatabaseMissing(StoreError):
    """There is no database file where one was expected (and creating one was not asked)."""

    def __init__(self, path: Path, role: Role = "database") -> None:
        if role == "backup":
            message = _("The backup {path} could not be found. It may have been moved or "
                        "deleted.").format(path=path)
        else:
            message = _("There is no Self-Trust database at {path} yet.").format(path=path)
        super().__init__(message, path)


class RefusedDatabase(StoreError):
    """A file Self-Trust will not open or restore; it has been left byte-for-byte unchanged."""

    def __init__(self, message: str, path: Path, detail: str, role: Role) -> None:
        super().__init__(message, path)
        self.detail = detail
        self.role = role


class DamagedDatabase(RefusedDatabase):
    """Not a readable SQLite database: garbage, empty, cut short or failing its checks."""

    def __init__(self, path: Path, detail: str, role: Role = "database") -> None:
        if role == "backup":
            # TRANSLATORS: {detail} says what is wrong ("it has been cut short").
            message = _(
                "The backup {path} cannot be restored because it seems damaged: {detail}. "
                "Your current data has not been touched. Please choose another backup."
            ).format(path=path, detail=detail)
        else:
            # TRANSLATORS: {detail} says what is wrong ("it has been cut short"), {fresh}
            # is a sentence on restoring a backup or starting fresh.
            message = _(
                "Self-Trust cannot read its database {path}. The file seems damaged: "
                "{detail}. Nothing in it has been changed. {fresh}"
            ).format(path=path, detail=detail, fresh=_fresh())
        super().__init__(message, path, detail, role)


class NotOurDatabase(RefusedDatabase):
    """A healthy SQLite database that Self-Trust did not make (e.g. a Loop backup)."""

    def __init__(self, path: Path, detail: str, role: Role = "database") -> None:
        if role == "backup":
            # TRANSLATORS: {detail} says what it is instead ("it is an empty database").
            message = _(
                "{path} is not a Self-Trust backup ({detail}), so it cannot be restored. "
                "Your current data has not been touched. If it comes from another app, "
                "Import may be able to bring its data in."
            ).format(path=path, detail=detail)
        else:
            # TRANSLATORS: {detail} says what it is instead ("it is an empty database"),
            # {fresh} is a sentence on restoring a backup or starting fresh.
            message = _(
                "{path} is not a Self-Trust database ({detail}), so Self-Trust has left it "
                "exactly as it is. If it comes from another app, Import may be able to bring "
                "its data in. {fresh}"
            ).format(path=path, detail=detail, fresh=_fresh())
        super().__init__(message, path, detail, role)


class DatabaseFromTheFuture(RefusedDatabase):
    """A Self-Trust database written by a newer version (a schema revision we do not know)."""

    def __init__(self, path: Path, revision: str, role: Role = "database") -> None:
        # TRANSLATORS: {revision} is the database's version as Self-Trust names it inside.
        detail = _("schema revision {revision}").format(revision=revision)
        if role == "backup":
            message = _(
                "The backup {path} was made by a newer version of Self-Trust "
                "({detail}), so this version cannot restore it safely. Your current data "
                "has not been touched. Please update Self-Trust, or choose an older backup."
            ).format(path=path, detail=detail)
        else:
            message = _(
                "{path} was saved by a newer version of Self-Trust ({detail}). To keep "
                "your data safe, this version will not change it. Please update Self-Trust "
                "to open it. If you cannot, you can restore a backup made by this version, "
                "or start fresh: the file is then moved aside (never deleted), ready for "
                "when you update."
            ).format(path=path, detail=detail)
        super().__init__(message, path, detail, role)
        self.revision = revision


class DatabaseLocked(StoreError):
    """Another program holds the database and did not let go in time."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            _("{path} is busy in another Self-Trust window or program. Please close it and "
              "try again; nothing has been lost.").format(path=path),
            path,
        )


class MigrationFailed(StoreError):
    """Updating the database to this version's schema failed; the update was rolled back."""

    def __init__(self, path: Path, detail: str, backup: Path | None) -> None:
        # TRANSLATORS: {detail} is why, often in SQLite's own words.
        message = _("Self-Trust could not update {path} to this version ({detail}). The "
                    "update was undone, so your data is as it was.").format(
            path=path, detail=detail)
        if backup:
            message += " " + _("A copy from before the update is in {backup}.").format(
                backup=backup)
        super().__init__(message, path)
        self.detail = detail
        self.backup = backup


class BackupFailed(StoreError):
    """A backup could not be written or did not pass its check; no backup was replaced."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            # TRANSLATORS: {detail} is why, often in the system's own words.
            _("Self-Trust could not make a backup in {path} ({detail}). Your data itself is "
              "fine; please check that there is free space on the disk.").format(
                path=path, detail=detail),
            path,
        )
        self.detail = detail


class DamageFound(DamagedDatabase):
    """The full check (run with the daily backup) found the open database damaged: from
    then on nothing is written to it, by this process or any other."""

    def __init__(self, path: Path) -> None:
        detail = _("its full check found damage")
        RefusedDatabase.__init__(
            self,
            _("Self-Trust found damage in its database {path}, so it no longer writes to "
              "that file and this change was not saved. What you see is still there to "
              "read. Restore a backup to carry on (Backups… in the File menu, or `selftrust "
              "restore`); the damaged file is kept aside, never deleted.").format(path=path),
            path, detail, "database",
        )
