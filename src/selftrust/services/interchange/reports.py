"""What an import or an export tells the person: its summary, its refusal, its steps.

The CLI prints these lines and the UI shows them, so both say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.sources import LOOP_CSV, LOOP_DB, NATIVE_CSV
from selftrust.services.errors import UserError

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

STEPS = 1000
"""Progress is reported as (done, STEPS): reading takes the first 900, merging the rest."""
READING_STEPS = 900


class ImportRefused(UserError):
    """The file cannot be imported; nothing was changed. One line: file, line, problem."""

    def __init__(self, path: Path, problem: ImportProblem) -> None:
        if problem.file is None:
            detail = _("{file}: {problem}").format(file=path.name, problem=problem.message)
        elif problem.file == path.name:
            detail = problem.message
        else:  # a file inside a zip or folder
            # TRANSLATORS: a problem of a file inside a zip or folder: the zip's name, then
            # the file's name and the problem ("export.zip › Habits.csv, line 3: …").
            detail = _("{zip} › {problem}").format(zip=path.name, problem=problem.message)
        super().__init__(" ".join(detail.split()))
        self.path = path
        self.problem = problem


class ImportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__(_("The import was cancelled; nothing was changed."))


class ExportFailed(UserError):
    pass


def plural(n: int, word: str) -> str:
    """ "1 commitment", "2,140 check-ins": a count of what an import or an export holds
    (``word``: "commitment", "check-in" or "reflection")."""
    return _COUNTS[word](n).format(n=formats.number(n))


_COUNTS: dict[str, Callable[[int], str]] = {
    "commitment": lambda n: ngettext("{n} commitment", "{n} commitments", n),
    "check-in": lambda n: ngettext("{n} check-in", "{n} check-ins", n),
    "reflection": lambda n: ngettext("{n} reflection", "{n} reflections", n),
}


def counts_line(commitments: int, checkins: int, reflections: int | None) -> str:
    """ "3 commitments, 2,140 check-ins, 12 reflections" (reflections None: not named)."""
    if reflections is None:
        # TRANSLATORS: what an import brought, e.g. "3 commitments, 2,140 check-ins".
        return _("{commitments}, {checkins}").format(
            commitments=plural(commitments, "commitment"), checkins=plural(checkins, "check-in"))
    # TRANSLATORS: what an import or an export holds, e.g. "3 commitments, 2,140 check-ins,
    # 12 reflections".
    return _("{commitments}, {checkins}, {reflections}").format(
        commitments=plural(commitments, "commitment"), checkins=plural(checkins, "check-in"),
        reflections=plural(reflections, "reflection"))


def _from_source(kind: str, dry_run: bool, counts: str) -> str:
    """The summary's first sentence, whole for each kind of file (other languages put
    other words around the kind's name)."""
    if kind == LOOP_CSV:
        text = (_("Would import from the Loop Habit Tracker CSV export: {counts}.") if dry_run
                else _("Imported from the Loop Habit Tracker CSV export: {counts}."))
    elif kind == LOOP_DB:
        text = (_("Would import from the Loop Habit Tracker backup: {counts}.") if dry_run
                else _("Imported from the Loop Habit Tracker backup: {counts}."))
    elif kind == NATIVE_CSV:
        text = (_("Would import from the Self-Trust CSV export: {counts}.") if dry_run
                else _("Imported from the Self-Trust CSV export: {counts}."))
    else:
        text = (_("Would import from the Self-Trust JSON export: {counts}.") if dry_run
                else _("Imported from the Self-Trust JSON export: {counts}."))
    return text.format(counts=counts)


def _nothing_new(kind: str) -> str:
    if kind == LOOP_CSV:
        return _("Nothing new in this Loop Habit Tracker CSV export: everything in it is "
                 "already here.")
    if kind == LOOP_DB:
        return _("Nothing new in this Loop Habit Tracker backup: everything in it is already "
                 "here.")
    if kind == NATIVE_CSV:
        return _("Nothing new in this Self-Trust CSV export: everything in it is already here.")
    return _("Nothing new in this Self-Trust JSON export: everything in it is already here.")


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did (or, for a dry run, would do)."""

    source: Path
    kind: str  # the kind of file (``sources.NATIVE_JSON``…, English: ``lines`` words it)
    dry_run: bool = False
    commitments_added: int = 0
    commitments_found: int = 0
    checkins_added: int = 0
    checkins_replaced: int = 0
    checkins_unchanged: int = 0
    reflections_added: int = 0
    reflections_replaced: int = 0
    reflections_unchanged: int = 0
    settings_applied: bool = False
    warnings: tuple[str, ...] = ()
    backup: Path | None = None

    @property
    def changed(self) -> bool:
        return bool(
            self.commitments_added or self.checkins_added or self.checkins_replaced
            or self.reflections_added or self.reflections_replaced or self.settings_applied
        )

    def headline(self) -> str:
        """ "3 commitments, 2,140 check-ins, 12 reflections" — what is new or updated.

        Loop has no reflections, so an import from Loop does not mention them."""
        reflections = self.reflections_added + self.reflections_replaced
        named = reflections or self.kind not in (LOOP_CSV, LOOP_DB)
        return counts_line(self.commitments_added, self.checkins_added + self.checkins_replaced,
                           reflections if named else None)

    def lines(self) -> list[str]:
        """The summary in a few plain sentences (the CLI prints them, the UI shows them)."""
        out = [_from_source(self.kind, self.dry_run, self.headline())]
        if not self.changed:
            out = [_nothing_new(self.kind)]
        details = [text.format(n=formats.number(n)) for text, n in (
            (ngettext("{n} commitment already here", "{n} commitments already here",
                      self.commitments_found), self.commitments_found),
            (ngettext("{n} check-in updated to the newer one in the file",
                      "{n} check-ins updated to the newer one in the file",
                      self.checkins_replaced), self.checkins_replaced),
            (ngettext("{n} check-in already here", "{n} check-ins already here",
                      self.checkins_unchanged), self.checkins_unchanged),
            (ngettext("{n} reflection updated", "{n} reflections updated",
                      self.reflections_replaced), self.reflections_replaced),
            (ngettext("{n} reflection already here", "{n} reflections already here",
                      self.reflections_unchanged), self.reflections_unchanged),
        ) if n]
        if details:
            # TRANSLATORS: between the parts of "3 commitments already here; 12 check-ins
            # already here."
            text = _("; ").join(details)
            out.append(text[:1].upper() + text[1:] + ".")
        if self.settings_applied:
            out.append(_("Its settings (day start, week start, marble jar) were taken too."))
        if self.backup is not None:
            out.append(_("Your data as it was before is kept in the backup {name}.").format(
                name=self.backup.name))
        if self.dry_run:
            out.append(_("This was a dry run: nothing was changed."))
        return out
