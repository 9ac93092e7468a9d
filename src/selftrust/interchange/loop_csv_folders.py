"""The habit folders of a Loop CSV export: ``NNN Name/`` beside Habits.csv.

Loop names each exported habit's folder after its number and a sanitised name, so a
folder can be checked against the habit Habits.csv lists under that number: a folder
that belongs to no habit, or to another one, means the export was put together by hand
or mixed with another, and importing it would put check-marks on the wrong habit.
"""

from __future__ import annotations

import re

from selftrust.base.i18n import _
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_csv_habits import HabitRow
from selftrust.interchange.loop_csv_marks import CHECKMARKS_FILE, SCORES_FILE
from selftrust.interchange.zip_or_folder import ExportFiles

_FOLDER = re.compile(r"(\d{3,})(?: .*)?")
_UNSAFE_IN_FOLDER = re.compile(r"[^ a-zA-Z0-9._-]+")


def loop_folder_name(number: int, name: str) -> str:
    """The folder Loop gives habit ``number`` (1-based) called ``name`` in an export.

    Loop keeps only ASCII letters, digits, space and ``._-`` of the name, cuts it to
    100 characters and trims spaces from the ends of "NNN name" (so a name with no
    such characters gives just "NNN").
    """
    sane = _UNSAFE_IN_FOLDER.sub("", name)[:100]
    return f"{number:03d} {sane}".strip(" ")


def match_folders(files: ExportFiles, rows: list[HabitRow]) -> dict[int, str]:
    """Map habit positions to their folder, checking every folder belongs to a habit."""
    by_position = {r.position: r for r in rows}
    folders: dict[int, str] = {}
    for name in sorted(files.names()):
        if "/" not in name:
            continue
        folder, file = name.split("/", 1)
        m = _FOLDER.fullmatch(folder)
        if m is None or file not in (CHECKMARKS_FILE, SCORES_FILE):
            continue
        number = int(m.group(1))
        row = by_position.get(number)
        if row is None:
            raise ImportProblem(
                _("there is no habit number {number} in Habits.csv for this folder").format(
                    number=f"{number:03d}"),
                file=folder + "/",
            )
        expected = loop_folder_name(number, row.name)
        if folder != expected:
            raise ImportProblem(
                # TRANSLATORS: {number} is a habit's number in a Loop export ("003"),
                # {name} its name, {folder} the folder Loop would have given it.
                _("this folder does not belong to habit {number} “{name}” of Habits.csv "
                  "(its folder would be “{folder}/”)").format(
                    number=f"{number:03d}", name=row.name, folder=expected),
                file=folder + "/",
            )
        folders[number] = folder
    for number, folder in folders.items():
        if not files.has(f"{folder}/{CHECKMARKS_FILE}"):
            raise ImportProblem(
                _("the folder of habit {number} has no {file}").format(
                    number=f"{number:03d}", file=CHECKMARKS_FILE),
                file=folder + "/",
            )
    return folders
