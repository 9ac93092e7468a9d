"""Self-Trust's CSV export: a zip with one UTF-8 CSV file per table, ISO dates.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some,
a tab or carriage return) as a formula, so a note like ``=HYPERLINK(...)`` could do
harm when someone opens the export. Every such cell is written with a leading single
quote, which spreadsheets show as text. A cell that really starts with a quote gets
one more, so reading strips exactly one quote from any cell that starts with one and
the round trip gives back every text exactly (see ``docs/export-format.md``).
"""

from __future__ import annotations

from selftrust.interchange.native_records import REFLECTION_PARTS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

FORMAT_FILE = "format.csv"
SETTINGS_FILE = "settings.csv"
COMMITMENTS_FILE = "commitments.csv"
PAUSES_FILE = "pauses.csv"
CHECKINS_FILE = "checkins.csv"
REFLECTIONS_FILE = "reflections.csv"

COLUMNS: dict[str, tuple[str, ...]] = {
    FORMAT_FILE: ("format", "version"),
    SETTINGS_FILE: ("key", "value"),
    COMMITMENTS_FILE: (
        "uid", "title", "why", "schedule", "times", "days", "weekdays", "once_on",
        "target_amount", "target_unit", "target_per", "target_at_most", "color", "position",
        "created_on", "archived_on", "reminder_time", "reminder_weekdays",
    ),
    PAUSES_FILE: ("commitment_uid", "first_day", "last_day"),
    CHECKINS_FILE: ("commitment_uid", "day", "status", "value", "note", "recorded_at"),
    REFLECTIONS_FILE: (
        "uid", "day", "commitment_uid", "repairs_commitment_uid", "repairs_day",
        "created_at", "updated_at", *REFLECTION_PARTS, "feeling_before", "feeling_after",
    ),
}  # fmt: skip
OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {
    COMMITMENTS_FILE: ("reminder_time", "reminder_weekdays"),
}
"""Columns added to version 1 later: a file written before them still imports."""


def neutralise(cell: str) -> str:
    """The cell as written: a quote before anything a spreadsheet would run (or a quote)."""
    if cell and (cell[0] in FORMULA_STARTS or cell[0] == QUOTE):
        return QUOTE + cell
    return cell


def restore(cell: str) -> str:
    """Undo ``neutralise``: exactly one leading quote goes."""
    return cell[1:] if cell.startswith(QUOTE) else cell
