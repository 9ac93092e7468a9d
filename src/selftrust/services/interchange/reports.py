"""What an import or an export tells the person: its summary, its refusal, its steps.

The CLI prints these lines and the UI shows them, so both say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from selftrust.interchange.errors import ImportProblem
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
            detail = f"{path.name}: {problem.message}"
        elif problem.file == path.name:
            detail = problem.message
        else:  # a file inside a zip or folder
            detail = f"{path.name} › {problem.message}"
        super().__init__(" ".join(detail.split()))
        self.path = path
        self.problem = problem


class ImportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was changed.")


class ExportFailed(UserError):
    pass



def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did (or, for a dry run, would do)."""

    source: Path
    kind: str
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
        parts = [
            plural(self.commitments_added, "commitment"),
            plural(self.checkins_added + self.checkins_replaced, "check-in"),
        ]
        reflections = self.reflections_added + self.reflections_replaced
        if reflections or not self.kind.startswith("Loop"):
            parts.append(plural(reflections, "reflection"))
        return ", ".join(parts)

    def lines(self) -> list[str]:
        """The summary in a few plain sentences (the CLI prints them, the UI shows them)."""
        verb = "Would import" if self.dry_run else "Imported"
        out = [f"{verb} from the {self.kind}: {self.headline()}."]
        if not self.changed:
            out = [f"Nothing new in this {self.kind}: everything in it is already here."]
        details = []
        if self.commitments_found:
            details.append(f"{plural(self.commitments_found, 'commitment')} already here")
        if self.checkins_replaced:
            details.append(f"{plural(self.checkins_replaced, 'check-in')} updated to the "
                           "newer one in the file")
        if self.checkins_unchanged:
            details.append(f"{plural(self.checkins_unchanged, 'check-in')} already here")
        if self.reflections_replaced:
            details.append(f"{plural(self.reflections_replaced, 'reflection')} updated")
        if self.reflections_unchanged:
            details.append(f"{plural(self.reflections_unchanged, 'reflection')} already here")
        if details:
            text = "; ".join(details)
            out.append(text[:1].upper() + text[1:] + ".")
        if self.settings_applied:
            out.append("Its settings (day start, week start, marble jar) were taken too.")
        if self.backup is not None:
            out.append(f"Your data as it was before is kept in the backup {self.backup.name}.")
        if self.dry_run:
            out.append("This was a dry run: nothing was changed.")
        return out

