"""Read a Loop Habit Tracker CSV export (the zip, or the folder it unpacks to).

Loop writes ``Habits.csv`` (one row per habit), one folder ``NNN Name/`` per exported
habit holding ``Checkmarks.csv`` and ``Scores.csv``, and two summary files at the top
(``Checkmarks.csv`` and ``Scores.csv`` with a column per habit), which we do not need:
the per-habit files say everything, and the summary header does not quote names.

Two layouts exist and both are read, detected by their header lines:

* Loop 2.3.1 and later: Habits.csv has Type/Unit/Target columns; per-habit files have a
  header and write check-marks as names (``YES_MANUAL``…) or, for a measurable habit,
  the value × 1000; notes are a third column in standard CSV quoting.
* Earlier: Habits.csv is ``Position,Name,Question,Description,NumRepetitions,Interval,Color``
  (Loop 1.x lacks ``Question``); per-habit files have no header and integer values.

Everything is streamed with hard size limits, so a huge or hostile zip cannot exhaust
memory, and every problem is reported as one :class:`ImportProblem` naming the file
inside the export, the line and what is wrong. The pieces: ``loop_csv_habits``
(Habits.csv and the layout), ``loop_csv_folders`` (which folder is whose),
``loop_csv_marks`` (check-marks and scores), ``zip_or_folder`` (the files).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from selftrust.base.i18n import N_, _
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_csv_folders import loop_folder_name, match_folders
from selftrust.interchange.loop_csv_habits import HABITS_FILE, read_habits_csv
from selftrust.interchange.loop_csv_marks import (
    CHECKMARKS_FILE,
    SCORES_FILE,
    read_checkmarks,
    read_scores,
)
from selftrust.interchange.loop_records import LoopExport, LoopHabit
from selftrust.interchange.zip_or_folder import ExportFiles, Guard, first_bytes

__all__ = ["MAX_MEMBER_BYTES", "loop_folder_name", "read_loop_csv"]

MAX_MEMBER_BYTES = 512 * 1024 * 1024
"""No single file of an export may unpack to more than this (a zip bomb guard)."""
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
"""Nor may all the files we read together."""
MAX_MEMBERS = 100_000
DAMAGED_MEMBER = N_("this file inside the zip is damaged (its data does not check out)")


def read_loop_csv(path: str | os.PathLike[str]) -> LoopExport:
    """Read a Loop CSV export from a ``.zip`` file or an unpacked folder.

    Raises :class:`ImportProblem` for anything that is not a readable Loop export.
    """
    source_path = Path(path)
    with _open_export(source_path) as files:
        rows, layout = read_habits_csv(files)
        folders = match_folders(files, rows)
        habits: list[LoopHabit] = []
        without_data: list[str] = []
        export_day: date | None = None
        for row in rows:
            folder = folders.get(row.position)
            if folder is None:
                without_data.append(row.name)
                continue
            entries = read_checkmarks(files, f"{folder}/{CHECKMARKS_FILE}", row.is_numerical,
                                      layout)
            scores = None
            scores_name = f"{folder}/{SCORES_FILE}"
            if files.has(scores_name):
                scores = read_scores(files, scores_name, layout)
                if scores:
                    last = max(scores)
                    export_day = last if export_day is None else max(export_day, last)
            habits.append(row.to_habit(entries, scores))
    return LoopExport(
        habits=tuple(habits),
        source=source_path,
        format_version=layout,
        export_day=export_day,
        without_data=tuple(without_data),
    )


def guard() -> Guard:
    """Loop's limits (read when called, so a test can lower them) and words (marked
    here, translated where they are said)."""
    return Guard(
        member_bytes=MAX_MEMBER_BYTES,
        member_too_big=N_("the file unpacks to more than {mb} MB; that is not a Loop export"),
        declared_too_big=N_("the file unpacks to {mb} MB; that is not a Loop export"),
        total_bytes=MAX_TOTAL_BYTES,
        total_too_big=N_("the export unpacks to more than {mb} MB; that is not a Loop export"),
        max_members=MAX_MEMBERS,
        too_many_in_zip=N_("the zip holds {count} files; a Loop export holds far fewer"),
        too_many_in_folder=N_("the folder {folder} holds too many files to be a Loop export"),
        damaged=DAMAGED_MEMBER,
        unpackable=N_(
            "this file inside the zip is damaged or packed in a way Loop never uses"),
    )


def _open_export(path: Path) -> ExportFiles:
    if not path.is_dir():
        size, head = first_bytes(path, 4)
        if size == 0:
            raise ImportProblem(_("the file is empty (0 bytes), so it is not a Loop export"),
                                file=path.name)
        if not head.startswith(b"PK"):
            raise ImportProblem(
                _("is not a zip file; choose the “Loop Habits CSV ….zip” that Loop exported, "
                  "or the folder it unpacks to"),
                file=path.name,
            )
    return ExportFiles(path, marker=HABITS_FILE, guard=guard())
