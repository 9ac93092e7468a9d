"""Habits.csv of a Loop CSV export: which layout wrote it, and one habit per row.

The header line tells the layout (see ``loop_csv``): Loop 2.3.1 and later name each
habit's type, unit and target; Loop 2.0 writes ``Position,Name,Question,Description,
NumRepetitions,Interval,Color``; Loop 1.x the same without ``Question``, and what it
called the description was the question (Loop's own database migration 23 moves it
across, and so do we). A habit row of the older layouts does not say whether the habit
is measurable; its check-marks do, so :class:`HabitRow` leaves that open until they
are read.
"""

from __future__ import annotations

import math
import re
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from selftrust.base.i18n import _
from selftrust.interchange.csv_rows import expect_columns, numbered_rows
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_records import (
    CSV_V18,
    CSV_V20,
    CSV_V231,
    UNKNOWN,
    LoopEntry,
    LoopHabit,
)
from selftrust.interchange.zip_or_folder import ExportFiles

HABITS_FILE = "Habits.csv"

HEADER_V231 = (
    "Position", "Name", "Type", "Question", "Description", "FrequencyNumerator",
    "FrequencyDenominator", "Color", "Unit", "Target Type", "Target Value", "Archived?",
)  # fmt: skip
HEADER_V20 = ("Position", "Name", "Question", "Description", "NumRepetitions", "Interval", "Color")
HEADER_V18 = ("Position", "Name", "Description", "NumRepetitions", "Interval", "Color")
HEADERS = {CSV_V231: HEADER_V231, CSV_V20: HEADER_V20, CSV_V18: HEADER_V18}

DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


class ProblemAt(Protocol):
    def __call__(self, detail: str) -> ImportProblem: ...


@dataclass(frozen=True, slots=True)
class HabitRow:
    """One row of Habits.csv: the habit without its check-marks yet.

    ``is_numerical`` is None where the layout does not say (the habit's ``is_numerical``
    is then a placeholder until :meth:`to_habit` decides it from the check-marks).
    """

    line: int
    habit: LoopHabit
    is_numerical: bool | None

    @property
    def position(self) -> int:
        return self.habit.position

    @property
    def name(self) -> str:
        return self.habit.name

    def to_habit(self, entries: list[LoopEntry], scores: dict[date, float] | None) -> LoopHabit:
        is_numerical = self.is_numerical
        if is_numerical is None:
            # Older layouts do not name the type; only a measurable habit stores
            # amounts (× 1000) outside Loop's check-mark codes.
            is_numerical = any(not UNKNOWN <= e.value <= 3 for e in entries)
        return replace(self.habit, is_numerical=is_numerical, entries=tuple(entries),
                       scores=scores)


def read_habits_csv(files: ExportFiles) -> tuple[list[HabitRow], str]:
    """The habits in Loop's order and the layout their header names."""
    if not files.has(HABITS_FILE):
        raise ImportProblem(
            _("there is no Habits.csv here, so this is not a Loop Habit Tracker CSV export")
        )
    with closing(numbered_rows(files.open(HABITS_FILE), HABITS_FILE)) as rows:
        first = next(rows, None)
        if first is None:
            raise ImportProblem(_("is empty; a Loop export lists its habits here"),
                                file=HABITS_FILE)
        line, header = first
        layout = _layout(header, line)
        out: list[HabitRow] = []
        seen: dict[int, int] = {}
        for line, row in rows:
            habit = _habit_row(row, line, layout)
            if habit.position in seen:
                raise ImportProblem(
                    _("habit number {number} is listed twice (also on line {line})").format(
                        number=f"{habit.position:03d}", line=seen[habit.position]),
                    file=HABITS_FILE,
                    line=line,
                )
            seen[habit.position] = line
            out.append(habit)
    out.sort(key=lambda h: h.position)
    return out, layout


def _layout(header: list[str], line: int) -> str:
    cells = tuple(c.strip() for c in header)
    for layout, columns in HEADERS.items():
        if cells == columns:
            return layout
    raise ImportProblem(
        # TRANSLATORS: {found} is the first line of a CSV file, {expected} how Loop's begins.
        _("the columns are “{found}”, not those of a Loop export (“{expected},…”)").format(
            found=",".join(header)[:200], expected=",".join(HEADER_V231[:4])),
        file=HABITS_FILE,
        line=line,
    )


def _habit_row(row: list[str], line: int, layout: str) -> HabitRow:
    def problem(detail: str) -> ImportProblem:
        return ImportProblem(detail, file=HABITS_FILE, line=line)

    header = HEADERS[layout]
    expect_columns(row, len(header), HABITS_FILE, line, _("the header"))
    cell = dict(zip(header, row, strict=True))
    position_text = cell["Position"].strip()
    if not position_text.isdigit() or int(position_text) < 1:
        raise problem(_("the position “{value}” is not a habit number like 001").format(
            value=position_text))
    if layout == CSV_V231:
        num_text, den_text = cell["FrequencyNumerator"], cell["FrequencyDenominator"]
    else:
        num_text, den_text = cell["NumRepetitions"], cell["Interval"]
    numerator, denominator = _frequency(num_text, den_text, problem)
    color = cell["Color"].strip()
    if not _COLOR.fullmatch(color):
        raise problem(_("the colour “{value}” is not a colour like #FF8F00").format(
            value=color))
    if layout == CSV_V18:
        question, description = cell["Description"], ""
    else:
        question, description = cell["Question"], cell["Description"]
    habit = LoopHabit(
        position=int(position_text), name=cell["Name"], question=question,
        description=description, numerator=numerator, denominator=denominator,
        is_numerical=False, unit="", target_value=0.0, at_most=False,
        color_hex=color.upper(), archived=False, entries=(),
    )  # fmt: skip
    if layout != CSV_V231:
        return HabitRow(line, habit, None)
    return _typed_row(cell, line, habit, problem)


def _typed_row(cell: dict[str, str], line: int, habit: LoopHabit, problem: ProblemAt
               ) -> HabitRow:
    """The 2.3.1 columns: the habit's type, whether it is archived, its unit and target."""
    kind = cell["Type"].strip()
    if kind not in ("YES_NO", "NUMERICAL"):
        raise problem(_("the type “{value}” is not YES_NO or NUMERICAL").format(value=kind))
    is_numerical = kind == "NUMERICAL"
    archived_text = cell["Archived?"].strip()
    if archived_text not in ("true", "false"):
        # TRANSLATORS: "Archived?", true and false are written in the file as they are.
        raise problem(_("“Archived?” must be true or false, not “{value}”").format(
            value=archived_text))
    habit = replace(habit, is_numerical=is_numerical, archived=archived_text == "true")
    if is_numerical:
        target_type = cell["Target Type"].strip()
        if target_type not in ("AT_LEAST", "AT_MOST"):
            raise problem(_("the target type “{value}” is not AT_LEAST or AT_MOST").format(
                value=target_type))
        habit = replace(habit, unit=cell["Unit"], at_most=target_type == "AT_MOST",
                        target_value=_target(cell["Target Value"], problem))
    return HabitRow(line, habit, is_numerical)


def _frequency(num_text: str, den_text: str, problem: ProblemAt) -> tuple[int, int]:
    num_text, den_text = num_text.strip(), den_text.strip()
    shown = f"{num_text}/{den_text}"
    # TRANSLATORS: {value} is Loop's frequency as written in the file ("3/7": 3 times in
    # 7 days).
    wrong = _("the frequency “{value}” is not a number of times per days")
    if not (num_text.isdigit() and den_text.isdigit()):
        raise problem(wrong.format(value=shown))
    numerator, denominator = int(num_text), int(den_text)
    if numerator < 1 or denominator < 1 or numerator > denominator or denominator > 100_000:
        raise problem(wrong.format(value=shown))
    return numerator, denominator


def _target(text: str, problem: ProblemAt) -> float:
    text = text.strip()
    value = float(text) if DECIMAL.fullmatch(text) else math.nan
    if not math.isfinite(value) or value < 0:
        raise problem(_("the target value “{value}” is not a number of 0 or more").format(
            value=text))
    return value
