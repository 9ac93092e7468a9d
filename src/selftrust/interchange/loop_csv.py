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
inside the export, the line and what is wrong.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, Protocol

from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.guarded_stream import buffered
from selftrust.interchange.loop_records import (
    CSV_V18,
    CSV_V20,
    CSV_V231,
    UNKNOWN,
    VALUE_NAMES,
    LoopEntry,
    LoopExport,
    LoopHabit,
)

MAX_MEMBER_BYTES = 512 * 1024 * 1024
"""No single file of an export may unpack to more than this (a zip bomb guard)."""
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
"""Nor may all the files we read together."""
MAX_MEMBERS = 100_000
MAX_LOOP_INT = 2**31 - 1  # Loop keeps values in a Java Int

HABITS_FILE = "Habits.csv"
CHECKMARKS_FILE = "Checkmarks.csv"
SCORES_FILE = "Scores.csv"

HEADER_V231 = (
    "Position", "Name", "Type", "Question", "Description", "FrequencyNumerator",
    "FrequencyDenominator", "Color", "Unit", "Target Type", "Target Value", "Archived?",
)  # fmt: skip
HEADER_V20 = ("Position", "Name", "Question", "Description", "NumRepetitions", "Interval", "Color")
HEADER_V18 = ("Position", "Name", "Description", "NumRepetitions", "Interval", "Color")
CHECKMARKS_HEADER = ("Date", "Value", "Notes")
SCORES_HEADER = ("Date", "Score")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INT = re.compile(r"[+-]?\d{1,12}")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
_FOLDER = re.compile(r"(\d{3,})(?: .*)?")
_UNSAFE_IN_FOLDER = re.compile(r"[^ a-zA-Z0-9._-]+")
_JUNK = ("__MACOSX/", ".DS_Store")
_NOT_TEXT = re.compile("[\x00\udc80-\udcff]")


def read_loop_csv(path: str | os.PathLike[str]) -> LoopExport:
    """Read a Loop CSV export from a ``.zip`` file or an unpacked folder.

    Raises :class:`ImportProblem` for anything that is not a readable Loop export.
    """
    source_path = Path(path)
    with _open_source(source_path) as source:
        rows, layout = _read_habits_csv(source)
        folders = _match_folders(source, rows)
        habits: list[LoopHabit] = []
        without_data: list[str] = []
        export_day: date | None = None
        for row in rows:
            folder = folders.get(row.position)
            if folder is None:
                without_data.append(row.name)
                continue
            entries = _read_checkmarks(source, f"{folder}/{CHECKMARKS_FILE}", row, layout)
            scores = None
            scores_name = f"{folder}/{SCORES_FILE}"
            if source.has(scores_name):
                scores = _read_scores(source, scores_name, layout)
                if scores:
                    last = max(scores)
                    export_day = last if export_day is None else max(export_day, last)
            habits.append(row.to_habit(entries, scores, layout))
    return LoopExport(
        habits=tuple(habits),
        source=source_path,
        format_version=layout,
        export_day=export_day,
        without_data=tuple(without_data),
    )


def loop_folder_name(number: int, name: str) -> str:
    """The folder Loop gives habit ``number`` (1-based) called ``name`` in an export.

    Loop keeps only ASCII letters, digits, space and ``._-`` of the name, cuts it to
    100 characters and trims spaces from the ends of "NNN name" (so a name with no
    such characters gives just "NNN").
    """
    sane = _UNSAFE_IN_FOLDER.sub("", name)[:100]
    return f"{number:03d} {sane}".strip(" ")


# --- where the files come from ------------------------------------------------------


class _Source(Protocol):
    def has(self, name: str) -> bool: ...
    def names(self) -> list[str]: ...
    def open(self, name: str) -> BinaryIO: ...
    def __enter__(self) -> _Source: ...
    def __exit__(self, *exc: object) -> None: ...


def _open_source(path: Path) -> _Source:
    if path.is_dir():
        return _DirSource(path)
    if not path.exists():
        raise ImportProblem(f"there is no file or folder at {path}")
    label = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(4)
    except OSError as e:
        raise ImportProblem(f"cannot be read ({e.strerror or e})", file=label) from None
    if size == 0:
        raise ImportProblem("the file is empty (0 bytes), so it is not a Loop export", file=label)
    if not head.startswith(b"PK"):
        raise ImportProblem(
            "is not a zip file; choose the “Loop Habits CSV ….zip” that Loop exported, "
            "or the folder it unpacks to",
            file=label,
        )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ImportProblem(
            "the zip file is damaged or incomplete (was the download or copy cut short?)",
            file=label,
        ) from None
    return _ZipSource(archive, label)


DAMAGED_MEMBER = "this file inside the zip is damaged (its data does not check out)"


class _Budget:
    """Counts bytes read across all files of one export."""

    def __init__(self) -> None:
        self.total = 0

    def spend(self, n: int, so_far: int, name: str) -> None:
        """Stop a member, or the export as a whole, that unpacks past any real export."""
        if so_far > MAX_MEMBER_BYTES:
            raise ImportProblem(
                f"the file unpacks to more than {MAX_MEMBER_BYTES // 2**20} MB; "
                "that is not a Loop export",
                file=name,
            )
        self.total += n
        if self.total > MAX_TOTAL_BYTES:
            raise ImportProblem(
                f"the export unpacks to more than {MAX_TOTAL_BYTES // 2**20} MB; "
                "that is not a Loop export",
                file=name,
            )


class _ZipSource:
    def __init__(self, archive: zipfile.ZipFile, label: str) -> None:
        self._archive = archive
        self._label = label
        self._budget = _Budget()
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            archive.close()
            raise ImportProblem(
                f"the zip holds {len(infos):,} files; a Loop export holds far fewer", file=label
            )
        files = [i for i in infos if not i.is_dir() and not _is_junk(i.filename)]
        names = {i.filename for i in files}
        prefix = ""
        if HABITS_FILE not in names:
            nested = [n for n in names if n.count("/") == 1 and n.endswith("/" + HABITS_FILE)]
            if len(nested) == 1:
                prefix = nested[0][: -len(HABITS_FILE)]
        self._infos = {
            i.filename[len(prefix) :]: i for i in files if i.filename.startswith(prefix)
        }

    def __enter__(self) -> _ZipSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self._archive.close()

    def has(self, name: str) -> bool:
        return name in self._infos

    def names(self) -> list[str]:
        return list(self._infos)

    def open(self, name: str) -> BinaryIO:
        info = self._infos[name]
        if info.flag_bits & 0x1:
            raise ImportProblem("this file inside the zip is password-protected", file=name)
        if info.file_size > MAX_MEMBER_BYTES:
            raise ImportProblem(
                f"the file unpacks to {info.file_size // 2**20} MB; that is not a Loop export",
                file=name,
            )
        try:
            inner = self._archive.open(info)
        except (zipfile.BadZipFile, NotImplementedError, zlib.error, OSError, EOFError):
            raise ImportProblem(
                "this file inside the zip is damaged or packed in a way Loop never uses",
                file=name,
            ) from None
        return buffered(inner, name, on_read=self._budget.spend, damaged=DAMAGED_MEMBER)


class _DirSource:
    def __init__(self, root: Path) -> None:
        if not (root / HABITS_FILE).is_file():
            nested = [d for d in _subdirs(root) if (d / HABITS_FILE).is_file()]
            if len(nested) == 1:
                root = nested[0]
        self._root = root
        self._budget = _Budget()
        names: list[str] = []
        try:
            for entry in os.scandir(root):
                if entry.is_file():
                    names.append(entry.name)
                elif entry.is_dir() and not _is_junk(entry.name + "/"):
                    for sub in os.scandir(entry.path):
                        if sub.is_file():
                            names.append(f"{entry.name}/{sub.name}")
        except OSError as e:
            raise ImportProblem(f"the folder {root} cannot be read ({e.strerror or e})") from None
        if len(names) > MAX_MEMBERS:
            raise ImportProblem(f"the folder {root} holds too many files to be a Loop export")
        self._names = {n for n in names if not _is_junk(n)}

    def __enter__(self) -> _DirSource:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def has(self, name: str) -> bool:
        return name in self._names

    def names(self) -> list[str]:
        return list(self._names)

    def open(self, name: str) -> BinaryIO:
        try:
            inner = (self._root / name).open("rb")
        except OSError as e:
            raise ImportProblem(f"cannot be read ({e.strerror or e})", file=name) from None
        return buffered(inner, name, on_read=self._budget.spend, damaged=DAMAGED_MEMBER)


def _subdirs(root: Path) -> list[Path]:
    try:
        return [p for p in root.iterdir() if p.is_dir()]
    except OSError:
        return []


def _is_junk(name: str) -> bool:
    return name.startswith(_JUNK[0]) or name.rsplit("/", 1)[-1] == _JUNK[1]


# --- CSV rows with line numbers ---------------------------------------------------


def _rows(source: _Source, name: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (line where the record starts, fields), skipping blank lines.

    Bytes that are not UTF-8 are decoded as stand-ins and reported with the line they
    are on, which a strict decoder (working in large chunks) could not tell.
    """
    raw = source.open(name)
    with io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="") as text:
        reader = csv.reader(text, strict=True)
        line = 1
        try:
            for row in reader:
                if row:
                    if _NOT_TEXT.search("".join(row)):
                        raise ImportProblem(
                            "is not UTF-8 text (is it a binary file?)", file=name, line=line
                        )
                    yield line, row
                line = reader.line_num + 1
        except csv.Error as e:
            text_of = str(e)
            if "NUL" in text_of:
                detail = "is not UTF-8 text (is it a binary file?)"
            elif "field limit" in text_of:
                detail = f"has a field longer than {csv.field_size_limit():,} characters"
            else:
                detail = f"is not valid CSV ({text_of})"
            raise ImportProblem(detail, file=name, line=line) from None


def _expect_columns(row: list[str], count: int, name: str, line: int, what: str) -> None:
    if len(row) != count:
        raise ImportProblem(
            f"has {len(row)} columns, but {what} has {count}", file=name, line=line
        )


# --- Habits.csv ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _HabitRow:
    line: int
    position: int
    name: str
    question: str
    description: str
    numerator: int
    denominator: int
    color_hex: str
    is_numerical: bool | None  # None: the layout does not say
    unit: str
    target_value: float
    at_most: bool
    archived: bool

    def to_habit(
        self, entries: list[LoopEntry], scores: dict[date, float] | None, layout: str
    ) -> LoopHabit:
        is_numerical = self.is_numerical
        if is_numerical is None:
            # Older layouts do not name the type; only a measurable habit stores
            # amounts (× 1000) outside Loop's check-mark codes.
            is_numerical = any(not UNKNOWN <= e.value <= 3 for e in entries)
        return LoopHabit(
            position=self.position,
            name=self.name,
            question=self.question,
            description=self.description,
            numerator=self.numerator,
            denominator=self.denominator,
            is_numerical=is_numerical,
            unit=self.unit,
            target_value=self.target_value,
            at_most=self.at_most,
            color_hex=self.color_hex,
            archived=self.archived,
            entries=tuple(entries),
            scores=scores,
        )


def _read_habits_csv(source: _Source) -> tuple[list[_HabitRow], str]:
    if not source.has(HABITS_FILE):
        raise ImportProblem(
            "there is no Habits.csv here, so this is not a Loop Habit Tracker CSV export"
        )
    rows = _rows(source, HABITS_FILE)
    first = next(rows, None)
    if first is None:
        raise ImportProblem("is empty; a Loop export lists its habits here", file=HABITS_FILE)
    line, header = first
    cells = tuple(c.strip() for c in header)
    layouts = {HEADER_V231: CSV_V231, HEADER_V20: CSV_V20, HEADER_V18: CSV_V18}
    layout = layouts.get(cells)
    if layout is None:
        raise ImportProblem(
            f"the columns are “{','.join(header)[:200]}”, not those of a Loop export "
            f"(“{','.join(HEADER_V231[:4])},…”)",
            file=HABITS_FILE,
            line=line,
        )
    out: list[_HabitRow] = []
    seen: dict[int, int] = {}
    for line, row in rows:
        habit = _parse_habit_row(row, line, layout)
        if habit.position in seen:
            raise ImportProblem(
                f"habit number {habit.position:03d} is listed twice "
                f"(also on line {seen[habit.position]})",
                file=HABITS_FILE,
                line=line,
            )
        seen[habit.position] = line
        out.append(habit)
    out.sort(key=lambda h: h.position)
    return out, layout


def _parse_habit_row(row: list[str], line: int, layout: str) -> _HabitRow:
    f = HABITS_FILE

    def problem(detail: str) -> ImportProblem:
        return ImportProblem(detail, file=f, line=line)

    header = {CSV_V231: HEADER_V231, CSV_V20: HEADER_V20, CSV_V18: HEADER_V18}[layout]
    _expect_columns(row, len(header), f, line, "the header")
    cell = dict(zip(header, row, strict=True))
    position_text = cell["Position"].strip()
    if not position_text.isdigit() or int(position_text) < 1:
        raise problem(f"the position “{position_text}” is not a habit number like 001")
    position = int(position_text)
    if layout == CSV_V231:
        num_text, den_text = cell["FrequencyNumerator"], cell["FrequencyDenominator"]
    else:
        num_text, den_text = cell["NumRepetitions"], cell["Interval"]
    numerator, denominator = _frequency(num_text, den_text, problem)
    color = cell["Color"].strip()
    if not _COLOR.fullmatch(color):
        raise problem(f"the colour “{color}” is not a colour like #FF8F00")
    if layout == CSV_V18:
        # Loop 1.x had no question: what it called the description was the question
        # (Loop's own database migration 23 moves it across).
        question, description = cell["Description"], ""
    else:
        question, description = cell["Question"], cell["Description"]
    is_numerical: bool | None = None
    unit, target_value, at_most, archived = "", 0.0, False, False
    if layout == CSV_V231:
        kind = cell["Type"].strip()
        if kind not in ("YES_NO", "NUMERICAL"):
            raise problem(f"the type “{kind}” is not YES_NO or NUMERICAL")
        is_numerical = kind == "NUMERICAL"
        archived_text = cell["Archived?"].strip()
        if archived_text not in ("true", "false"):
            raise problem(f"“Archived?” must be true or false, not “{archived_text}”")
        archived = archived_text == "true"
        if is_numerical:
            unit = cell["Unit"]
            target_type = cell["Target Type"].strip()
            if target_type not in ("AT_LEAST", "AT_MOST"):
                raise problem(f"the target type “{target_type}” is not AT_LEAST or AT_MOST")
            at_most = target_type == "AT_MOST"
            target_value = _target(cell["Target Value"], problem)
    return _HabitRow(
        line=line,
        position=position,
        name=cell["Name"],
        question=question,
        description=description,
        numerator=numerator,
        denominator=denominator,
        color_hex=color.upper(),
        is_numerical=is_numerical,
        unit=unit,
        target_value=target_value,
        at_most=at_most,
        archived=archived,
    )


def _frequency(
    num_text: str, den_text: str, problem: _ProblemFactory
) -> tuple[int, int]:
    num_text, den_text = num_text.strip(), den_text.strip()
    shown = f"{num_text}/{den_text}"
    if not (num_text.isdigit() and den_text.isdigit()):
        raise problem(f"the frequency “{shown}” is not a number of times per days")
    numerator, denominator = int(num_text), int(den_text)
    if numerator < 1 or denominator < 1 or numerator > denominator or denominator > 100_000:
        raise problem(f"the frequency “{shown}” is not a number of times per days")
    return numerator, denominator


def _target(text: str, problem: _ProblemFactory) -> float:
    text = text.strip()
    value = float(text) if _DECIMAL.fullmatch(text) else math.nan
    if not math.isfinite(value) or value < 0:
        raise problem(f"the target value “{text}” is not a number of 0 or more")
    return value


class _ProblemFactory(Protocol):
    def __call__(self, detail: str) -> ImportProblem: ...


# --- habit folders ---------------------------------------------------------------------


def _match_folders(source: _Source, rows: list[_HabitRow]) -> dict[int, str]:
    """Map habit positions to their folder, checking every folder belongs to a habit."""
    by_position = {r.position: r for r in rows}
    folders: dict[int, str] = {}
    for name in sorted(source.names()):
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
                f"there is no habit number {number:03d} in Habits.csv for this folder",
                file=folder + "/",
            )
        expected = loop_folder_name(number, row.name)
        if folder != expected:
            raise ImportProblem(
                f"this folder does not belong to habit {number:03d} “{row.name}” of "
                f"Habits.csv (its folder would be “{expected}/”)",
                file=folder + "/",
            )
        folders[number] = folder
    for number, folder in folders.items():
        if not source.has(f"{folder}/{CHECKMARKS_FILE}"):
            raise ImportProblem(
                f"the folder of habit {number:03d} has no {CHECKMARKS_FILE}", file=folder + "/"
            )
    return folders


# --- Checkmarks.csv and Scores.csv -------------------------------------------------------


def _parse_day(text: str, name: str, line: int) -> date:
    if _DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise ImportProblem(
        f"“{text[:40]}” is not a date (Loop writes days as yyyy-mm-dd)", file=name, line=line
    )


def _read_checkmarks(
    source: _Source, name: str, habit: _HabitRow, layout: str
) -> list[LoopEntry]:
    numerical = habit.is_numerical
    entries: list[LoopEntry] = []
    seen: dict[date, int] = {}
    has_header: bool | None = None
    for line, row in _rows(source, name):
        if has_header is None:
            has_header = tuple(c.strip() for c in row) == CHECKMARKS_HEADER
            if has_header:
                continue
        if has_header:
            _expect_columns(row, 3, name, line, "a check-mark line (Date,Value,Notes)")
            day_text, value_text, notes = row
        else:
            _expect_columns(row, 2, name, line, "a check-mark line of this export (date,value)")
            (day_text, value_text), notes = row, ""
        day = _parse_day(day_text.strip(), name, line)
        value = _parse_value(value_text.strip(), numerical, name, line)
        if day in seen:
            raise ImportProblem(
                f"the day {day} appears twice (also on line {seen[day]})", file=name, line=line
            )
        seen[day] = line
        entries.append(LoopEntry(day, value, notes))
    if has_header is None and layout == CSV_V231:
        raise ImportProblem(
            "is empty; Loop starts this file with the line “Date,Value,Notes”", file=name
        )
    entries.sort(key=lambda e: e.day)
    return entries


def _parse_value(text: str, numerical: bool | None, name: str, line: int) -> int:
    named = VALUE_NAMES.get(text)
    if named is not None:
        return named
    if not _INT.fullmatch(text):
        raise ImportProblem(
            f"the value “{text[:40]}” is not a Loop check-mark (YES_MANUAL, YES_AUTO, NO, "
            "SKIP, UNKNOWN or a whole number)",
            file=name,
            line=line,
        )
    value = int(text)
    if numerical is False and not UNKNOWN <= value <= 3:
        raise ImportProblem(
            f"the value “{text}” is not a check-mark of a yes/no habit "
            "(Loop writes -1 to 3, or YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN)",
            file=name,
            line=line,
        )
    if value < UNKNOWN or value > MAX_LOOP_INT:
        raise ImportProblem(
            f"the amount “{text}” is out of the range Loop stores", file=name, line=line
        )
    return value


def _read_scores(source: _Source, name: str, layout: str) -> dict[date, float]:
    scores: dict[date, float] = {}
    lines: dict[date, int] = {}
    first = True
    for line, row in _rows(source, name):
        if first:
            first = False
            if tuple(c.strip() for c in row) == SCORES_HEADER:
                continue
        _expect_columns(row, 2, name, line, "a score line (Date,Score)")
        day = _parse_day(row[0].strip(), name, line)
        text = row[1].strip()
        value = float(text) if _DECIMAL.fullmatch(text) else math.nan
        if not 0.0 <= value <= 1.0:
            raise ImportProblem(
                f"the score “{text[:40]}” is not a number from 0 to 1", file=name, line=line
            )
        if day in scores:
            raise ImportProblem(
                f"the day {day} appears twice (also on line {lines[day]})", file=name, line=line
            )
        scores[day] = value
        lines[day] = line
    if first and layout == CSV_V231:
        raise ImportProblem("is empty; Loop starts this file with the line “Date,Score”", file=name)
    return scores
