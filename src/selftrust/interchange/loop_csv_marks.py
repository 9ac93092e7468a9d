"""A habit's Checkmarks.csv and Scores.csv in a Loop CSV export.

Loop 2.3.1 and later start both files with a header and write a check-mark as a name
(``YES_MANUAL``…) or, for a measurable habit, the value × 1000, with notes as a third
column. Earlier versions write no header, integer values and no notes; a file of the
newer layout is never empty, since it has its header at least.
"""

from __future__ import annotations

import math
import re
from datetime import date

from selftrust.base.i18n import _
from selftrust.interchange.csv_rows import expect_columns, numbered_rows
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_csv_habits import DECIMAL
from selftrust.interchange.loop_records import CSV_V231, UNKNOWN, VALUE_NAMES, LoopEntry
from selftrust.interchange.zip_or_folder import ExportFiles

CHECKMARKS_FILE = "Checkmarks.csv"
SCORES_FILE = "Scores.csv"
CHECKMARKS_HEADER = ("Date", "Value", "Notes")
SCORES_HEADER = ("Date", "Score")
MAX_LOOP_INT = 2**31 - 1  # Loop keeps values in a Java Int

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INT = re.compile(r"[+-]?\d{1,12}")


def read_checkmarks(files: ExportFiles, name: str, numerical: bool | None, layout: str
                    ) -> list[LoopEntry]:
    """The check-marks oldest first; ``numerical`` None when the layout does not say."""
    entries: list[LoopEntry] = []
    seen: dict[date, int] = {}
    has_header: bool | None = None
    for line, row in numbered_rows(files.open(name), name):
        if has_header is None:
            has_header = tuple(c.strip() for c in row) == CHECKMARKS_HEADER
            if has_header:
                continue
        if has_header:
            expect_columns(row, 3, name, line, _("a check-mark line (Date,Value,Notes)"))
            day_text, value_text, notes = row
        else:
            expect_columns(row, 2, name, line,
                           _("a check-mark line of this export (date,value)"))
            (day_text, value_text), notes = row, ""
        day = _day(day_text.strip(), name, line)
        value = _value(value_text.strip(), numerical, name, line)
        if day in seen:
            raise ImportProblem(twice(day, seen[day]), file=name, line=line)
        seen[day] = line
        entries.append(LoopEntry(day, value, notes))
    if has_header is None and layout == CSV_V231:
        raise ImportProblem(
            _("is empty; Loop starts this file with the line “Date,Value,Notes”"), file=name
        )
    entries.sort(key=lambda e: e.day)
    return entries


def twice(day: date, line: int) -> str:
    """A day listed twice in a file, named as the file writes it (the person looks for it
    there)."""
    # TRANSLATORS: {day} is a date as the imported file writes it (2026-11-24).
    return _("the day {day} appears twice (also on line {line})").format(
        day=day.isoformat(), line=line)


def read_scores(files: ExportFiles, name: str, layout: str) -> dict[date, float]:
    """Loop's score of each day, 0 to 1."""
    scores: dict[date, float] = {}
    lines: dict[date, int] = {}
    first = True
    for line, row in numbered_rows(files.open(name), name):
        if first:
            first = False
            if tuple(c.strip() for c in row) == SCORES_HEADER:
                continue
        expect_columns(row, 2, name, line, _("a score line (Date,Score)"))
        day = _day(row[0].strip(), name, line)
        text = row[1].strip()
        value = float(text) if DECIMAL.fullmatch(text) else math.nan
        if not 0.0 <= value <= 1.0:
            raise ImportProblem(
                _("the score “{value}” is not a number from 0 to 1").format(value=text[:40]),
                file=name, line=line
            )
        if day in scores:
            raise ImportProblem(twice(day, lines[day]), file=name, line=line)
        scores[day] = value
        lines[day] = line
    if first and layout == CSV_V231:
        raise ImportProblem(_("is empty; Loop starts this file with the line “Date,Score”"),
                            file=name)
    return scores


def _day(text: str, name: str, line: int) -> date:
    if _DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise ImportProblem(
        _("“{value}” is not a date (Loop writes days as yyyy-mm-dd)").format(value=text[:40]),
        file=name, line=line
    )


def _value(text: str, numerical: bool | None, name: str, line: int) -> int:
    named = VALUE_NAMES.get(text)
    if named is not None:
        return named
    if not _INT.fullmatch(text):
        raise ImportProblem(
            _("the value “{value}” is not a Loop check-mark (YES_MANUAL, YES_AUTO, NO, "
              "SKIP, UNKNOWN or a whole number)").format(value=text[:40]),
            file=name,
            line=line,
        )
    value = int(text)
    if numerical is False and not UNKNOWN <= value <= 3:
        raise ImportProblem(
            _("the value “{value}” is not a check-mark of a yes/no habit "
              "(Loop writes -1 to 3, or YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN)").format(
                value=text),
            file=name,
            line=line,
        )
    if value < UNKNOWN or value > MAX_LOOP_INT:
        raise ImportProblem(
            _("the amount “{value}” is out of the range Loop stores").format(value=text),
            file=name, line=line
        )
    return value
