"""What a pull or a push tells the person; the CLI prints it, ``--json`` prints ``as_json``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
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
            text = _("{file}: {problem}").format(file=path.name, problem=text)
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
        # TRANSLATORS: a file in the Loop backups folder passed over, and why.
        out = [_("Skipped {file}: {reason}").format(file=s.name, reason=s.reason)
               for s in self.skipped]
        if self.source is None:
            return [*out, _("No Loop backup could be merged; nothing was changed.")]
        name = self.source.name
        if not self.changed and not self.deleted_on_phone:
            out.append(_("Merged {file}: nothing new since the last merge.").format(file=name))
        elif not self.changed:
            out.append(_("Merged {file}.").format(file=name))
        else:
            number = formats.number
            # TRANSLATORS: what a merge of Loop's backup brought; {habits}, {edited} and
            # {added} are counts with their words ("1 new habit", "2 habits", "3 check-ins").
            out.append(_("Merged {file}: {habits}, {edited} edited on the phone, {added} "
                         "added, {changed} changed, {removed} removed.").format(
                file=name,
                habits=ngettext("{n} new habit", "{n} new habits", self.habits_new).format(
                    n=number(self.habits_new)),
                edited=ngettext("{n} habit", "{n} habits", self.habits_changed).format(
                    n=number(self.habits_changed)),
                added=ngettext("{n} check-in", "{n} check-ins", self.checkins_added).format(
                    n=number(self.checkins_added)),
                changed=number(self.checkins_changed), removed=number(self.checkins_removed)))
        if self.kept_desktop:
            out.append(ngettext(
                "{n} day kept as this computer has them (changed on both sides, or a "
                "reflection is about it).",
                "{n} days kept as this computer has them (changed on both sides, or a "
                "reflection is about it).", self.kept_desktop).format(
                n=formats.number(self.kept_desktop)))
        out.extend(_("“{title}” was deleted on the phone; it stays here with its "
                     "history.").format(title=title) for title in self.deleted_on_phone)
        # TRANSLATORS: a remark after a summary, as the command line prints it.
        return out + [_("Note: {remark}").format(remark=w) for w in self.warnings]

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
        out = [_("Not sent to Loop: {what}").format(what=text) for text in self.lost]
        habits = ngettext("{n} habit", "{n} habits", self.habits).format(
            n=formats.number(self.habits))
        entries = ngettext("{n} entry", "{n} entries", self.checkins).format(
            n=formats.number(self.checkins))
        # TRANSLATORS: {habits} and {entries} are counts with their words ("1 habit",
        # "20 entries"), {path} the file written.
        text = (_("Would write {habits} and {entries} to {path}.") if self.dry_run
                else _("Wrote {habits} and {entries} to {path}."))
        out.append(text.format(habits=habits, entries=entries, path=self.path))
        if not self.dry_run:
            # TRANSLATORS: where to find Loop's import, in Loop's own words (its menu ⋮,
            # Settings, Import data), as Loop shows them in this language.
            out.append(_("In Loop: ⋮ › Settings › Import data, and choose this file."))
        return out

    def as_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "dry_run": self.dry_run, "habits": self.habits,
                "checkins": self.checkins, "new_links": self.new_links,
                "not_sent": list(self.lost),
                "deleted_on_phone": list(self.deleted_on_phone)}
