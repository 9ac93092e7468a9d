"""What we read from Loop Habit Tracker's files, kept as Loop wrote it.

The readers (``loop_csv``, ``loop_db``) turn a CSV export or a backup database into
these plain records; ``loop_mapping`` turns records into our domain. Keeping the raw
Loop values here (check-mark codes, values × 1000, the frequency as a fraction) means
both file formats meet in one place and the mapping rules are written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

# Loop's check-mark codes (Entry.kt). Measurable habits store round(value × 1000)
# in the same column, so 0…3 are also the amounts 0.000…0.003 there.
UNKNOWN = -1
NO = 0
YES_AUTO = 1
YES_MANUAL = 2
SKIP = 3

VALUE_NAMES: dict[str, int] = {
    "UNKNOWN": UNKNOWN,
    "NO": NO,
    "YES_AUTO": YES_AUTO,
    "YES_MANUAL": YES_MANUAL,
    "SKIP": SKIP,
}

# Loop's 20 habit colours by palette index (PaletteColor.toCsvColor); index 19 is
# written in lower case by Loop, we keep every hex in upper case.
PALETTE: tuple[str, ...] = (
    "#D32F2F", "#E64A19", "#F57C00", "#FF8F00", "#F9A825",
    "#AFB42B", "#7CB342", "#388E3C", "#00897B", "#00ACC1",
    "#039BE5", "#1976D2", "#303F9F", "#5E35B1", "#8E24AA",
    "#D81B60", "#5D4037", "#303030", "#757575", "#AAAAAA",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class LoopEntry:
    """One row of a habit's check-marks: the day, Loop's raw integer and the note."""

    day: date
    value: int
    notes: str = ""


@dataclass(frozen=True, slots=True)
class LoopReminder:
    """A habit's reminder as Loop stores it (backups only; the CSV export has none).

    ``days`` is Loop's 7-bit mask with bit 0 = Saturday … bit 6 = Friday (127: every
    day); the values are as read, checked only when mapped.
    """

    hour: object
    minute: object
    days: object = 127


@dataclass(frozen=True, slots=True)
class LoopHabit:
    """One Loop habit with its check-marks (oldest first) and, from a CSV, its scores.

    ``position`` is 1-based, in the order Loop lists the habits. ``target_value`` is in
    the user's units (not × 1000); ``numerator``/``denominator`` is Loop's frequency
    (for a measurable habit the denominator is the target's period: 1, 7 or 30).
    """

    position: int
    name: str
    question: str
    description: str
    numerator: int
    denominator: int
    is_numerical: bool
    unit: str
    target_value: float
    at_most: bool
    color_hex: str
    archived: bool
    entries: tuple[LoopEntry, ...]
    uuid: str | None = None
    scores: dict[date, float] | None = None
    reminder: LoopReminder | None = None


# Values of LoopExport.format_version.
CSV_V231 = "csv-2.3.1"
"""Habits.csv with Type/Unit/Target columns; per-habit files with headers and names."""
CSV_V20 = "csv-2.0"
"""Habits.csv Position,Name,Question,…; per-habit files without header, integer values."""
CSV_V18 = "csv-1.8"
"""Like CSV_V20 but without Question; a 0 check-mark there means *unchecked*."""


def db_format(user_version: int) -> str:
    """The format_version of a backup database of Loop's schema ``user_version``."""
    return f"db-{user_version}"


@dataclass(frozen=True, slots=True)
class LoopExport:
    """Everything read from one Loop file.

    ``format_version`` is one of ``CSV_V231``, ``CSV_V20``, ``CSV_V18`` or ``db-N``.
    ``export_day`` is the day the export was made, when the file tells (the last day of
    its scores), else ``None``. ``without_data`` lists habits named in Habits.csv whose
    folder is not in the export (Loop writes every habit's row but only the folders of
    the habits the user selected).
    """

    habits: tuple[LoopHabit, ...]
    source: Path
    format_version: str
    export_day: date | None = None
    without_data: tuple[str, ...] = ()

    @property
    def is_csv(self) -> bool:
        return self.format_version.startswith("csv-")
