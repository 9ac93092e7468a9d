"""What a pull or a push tells the person; the CLI prints it, ``--json`` prints ``as_json``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from selftrust.base.words import counted
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_backups import Skipped
from selftrust.services.errors import UserError

_BACKUP_NAME = re.compile(r"Loop Habits Backup (\d{4}-\d{2}-\d{2} \d{6})\.db")


def backup_moment(name: str) -> datetime | None:
    """When Loop made a backup, read from the name it gives it (the phone's local time);
    None for a file named otherwise."""
    found = _BACKUP_NAME.fullmatch(name)
    if found is None:
        return None
    try:
        return datetime.strptime(found.group(1), "%Y-%m-%d %H%M%S")
    except ValueError:
        return None


class LoopRefused(UserError):
    """Nothing could be pulled or pushed; the data is exactly as it was."""

    def __init__(self, path: Path, problem: ImportProblem | str) -> None:
        text = problem if isinstance(problem, str) else problem.message
        if isinstance(problem, ImportProblem) and problem.file not in (None, path.name):
            text = f"{path.name}: {text}"
        super().__init__(" ".join(text.split()))
        self.path = path


@dataclass
class PullSummary:
    """What a pull did: habits new and changed, check-ins added, changed and removed, days
    kept as the desktop has them (both sides changed), files skipped and why."""

    source: Path | None = None
    habits_new: int = 0
    habits_linked: int = 0
    habits_changed: int = 0
    checkins_added: int = 0
    checkins_changed: int = 0
    checkins_removed: int = 0
    kept_desktop: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    deleted_on_phone: list[str] = field(default_factory=list)
    """Titles here of linked habits this backup no longer has (said once)."""

    @property
    def changed(self) -> bool:
        return bool(self.habits_new or self.habits_linked or self.habits_changed
                    or self.checkins_added or self.checkins_changed or self.checkins_removed)

    def lines(self) -> list[str]:
        out = [f"Skipped {s.name}: {s.reason}" for s in self.skipped]
        if self.source is None:
            return [*out, "No Loop backup could be merged; nothing was changed."]
        if not self.changed and not self.deleted_on_phone:
            out.append(f"Merged {self.source.name}: nothing new since the last merge.")
        elif not self.changed:
            out.append(f"Merged {self.source.name}.")
        else:
            out.append(
                f"Merged {self.source.name}: {counted(self.habits_new, 'new habit')}, "
                f"{counted(self.habits_changed, 'habit')} edited on the phone, "
                f"{counted(self.checkins_added, 'check-in')} added, "
                f"{self.checkins_changed:,} changed, {self.checkins_removed:,} removed.")
        if self.kept_desktop:
            out.append(f"{counted(self.kept_desktop, 'day')} kept as this computer has them "
                       "(changed on both sides, or a reflection is about it).")
        out.extend(f"“{title}” was deleted on the phone; it stays here with its history."
                   for title in self.deleted_on_phone)
        return out + [f"Note: {w}" for w in self.warnings]

    def as_json(self) -> dict[str, Any]:
        return {
            "source": None if self.source is None else str(self.source),
            "habits": {"new": self.habits_new, "linked": self.habits_linked,
                       "changed": self.habits_changed},
            "checkins": {"added": self.checkins_added, "changed": self.checkins_changed,
                         "removed": self.checkins_removed, "kept_desktop": self.kept_desktop},
            "skipped": [{"file": s.name, "reason": s.reason} for s in self.skipped],
            "warnings": list(self.warnings),
            "deleted_on_phone": list(self.deleted_on_phone),
        }


@dataclass
class PushSummary:
    """What a push wrote (or, for a dry run, would write) and what did not travel."""

    path: Path
    dry_run: bool = False
    habits: int = 0
    checkins: int = 0
    new_links: int = 0
    lost: list[str] = field(default_factory=list)
    deleted_on_phone: list[str] = field(default_factory=list)
    """Titles left out because their Loop habit was deleted on the phone."""

    def lines(self) -> list[str]:
        out = [f"Not sent to Loop: {text}" for text in self.lost]
        verb = "Would write" if self.dry_run else "Wrote"
        entries = counted(self.checkins, "entry", "entries")
        out.append(f"{verb} {counted(self.habits, 'habit')} and {entries} to {self.path}.")
        if not self.dry_run:
            out.append("In Loop: ⋮ › Settings › Import data, and choose this file.")
        return out

    def as_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "dry_run": self.dry_run, "habits": self.habits,
                "checkins": self.checkins, "new_links": self.new_links,
                "not_sent": list(self.lost),
                "deleted_on_phone": list(self.deleted_on_phone)}
