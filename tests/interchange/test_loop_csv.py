"""Reading Loop's CSV exports: both layouts, zip or folder, and every way a file can be bad."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest

from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_csv import (
    MAX_MEMBER_BYTES,
    loop_folder_name,
    read_loop_csv,
)
from selftrust.interchange.loop_files import read_loop_export
from selftrust.interchange.loop_records import (
    CSV_V18,
    CSV_V20,
    CSV_V231,
    NO,
    SKIP,
    UNKNOWN,
    YES_AUTO,
    YES_MANUAL,
    LoopEntry,
)

D = date.fromisoformat
V231_HABITS = (
    "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,"
    "Unit,Target Type,Target Value,Archived?\n"
)
WALK_ROW = "001,Walk,YES_NO,,,1,1,#00897B,,,,false\n"


def zip_folder(folder: Path, target: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix == ".csv":
                zf.write(path, prefix + path.relative_to(folder).as_posix())
    return target


def write_export(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return root


def walk_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """An export listing the one habit "Walk", with ``files`` beside its Habits.csv."""
    return write_export(tmp_path / "e", {"Habits.csv": V231_HABITS + WALK_ROW, **files})


def one_habit(tmp_path: Path, checkmarks: str, *, habits_row: str | None = None) -> Path:
    row = habits_row or "001,Walk,YES_NO,Walked?,,1,1,#00897B,,,,false\n"
    return write_export(
        tmp_path / "export",
        {"Habits.csv": V231_HABITS + row, "001 Walk/Checkmarks.csv": checkmarks},
    )


def problem_of(path: Path) -> ImportProblem:
    with pytest.raises(ImportProblem) as info:
        read_loop_csv(path)
    return info.value


# --- Loop's own public fixture ----------------------------------------------------------


def test_public_fixture_records(fixtures_dir: Path) -> None:
    export = read_loop_csv(fixtures_dir / "loop_public_csv_export")
    assert export.format_version == CSV_V231
    assert export.export_day == D("2015-01-25")
    assert export.without_data == ()
    meditate, wake = export.habits
    assert (meditate.position, meditate.name, meditate.question) == (
        1, "Meditate", "Did you meditate this morning?"
    )
    assert (meditate.numerator, meditate.denominator, meditate.color_hex) == (1, 1, "#FF8F00")
    assert meditate.entries == ()
    assert meditate.scores == {D("2015-01-25"): 0.0}
    assert not meditate.is_numerical and not meditate.archived and meditate.uuid is None
    assert (wake.name, wake.numerator, wake.denominator, wake.color_hex) == (
        "Wake up early", 2, 3, "#00897B"
    )
    assert wake.entries == (
        LoopEntry(D("2015-01-16"), YES_MANUAL),
        LoopEntry(D("2015-01-17"), YES_MANUAL),
        LoopEntry(D("2015-01-18"), YES_AUTO),
        LoopEntry(D("2015-01-19"), YES_AUTO, '"Vacation"'),
        LoopEntry(D("2015-01-20"), YES_MANUAL),
        LoopEntry(D("2015-01-21"), YES_MANUAL),
        LoopEntry(D("2015-01-22"), YES_MANUAL),
        LoopEntry(D("2015-01-23"), YES_AUTO, "Forgot to do it, really"),
        LoopEntry(D("2015-01-24"), NO, "Sick"),
        LoopEntry(D("2015-01-25"), YES_MANUAL),
    )
    assert wake.scores is not None and len(wake.scores) == 10
    assert wake.scores[D("2015-01-16")] == 0.0107
    assert wake.scores[D("2015-01-25")] == 0.2557


def test_public_fixture_zip_reads_the_same_as_the_folder(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    folder = fixtures_dir / "loop_public_csv_export"
    archive = zip_folder(folder, tmp_path / "Loop Habits CSV 2015-01-25.zip")
    from_zip = read_loop_csv(archive)
    from_folder = read_loop_csv(folder)
    assert from_zip.habits == from_folder.habits
    assert from_zip.source == archive
    assert read_loop_export(archive).habits == from_folder.habits


# --- our hand-made 2.3.1 export -----------------------------------------------------------


def test_v231_fixture_habits(fixtures_dir: Path) -> None:
    export = read_loop_csv(fixtures_dir / "loop_v231_export")
    assert export.format_version == CSV_V231
    assert export.export_day == D("2025-03-16")
    names = [h.name for h in export.habits]
    assert names == [
        "Stretch", "Gym", "Call mum", "Read", "Coffee", "🏃 Run", "Sweets", "日本語の勉強",
        "Méditation",
    ]  # fmt: skip
    by_name = {h.name: h for h in export.habits}
    stretch = by_name["Stretch"]
    assert stretch.description == "Back pain, keep it at bay"
    assert len(stretch.entries) == 18
    notes = {e.day: e.notes for e in stretch.entries if e.notes}
    assert notes == {
        D("2025-02-25"): 'Knee felt "tight", eased off\nStill did 10 min',
        D("2025-02-26"): "Late meeting, no time",
        D("2025-02-28"): "Travel day",
        D("2025-03-05"): "très bien 👍",
        D("2025-03-10"): "Can't remember",
    }
    values = {e.day: e.value for e in stretch.entries}
    assert values[D("2025-03-10")] == UNKNOWN
    assert values[D("2025-03-01")] == SKIP
    assert D("2025-03-07") not in values

    gym = by_name["Gym"]
    assert (gym.numerator, gym.denominator) == (3, 7)
    counts = {v: sum(e.value == v for e in gym.entries) for v in (YES_MANUAL, YES_AUTO, NO)}
    assert counts == {YES_MANUAL: 14, YES_AUTO: 19, NO: 2}
    assert gym.entries[0] == LoopEntry(D("2025-02-01"), YES_AUTO)  # an interval snapped back

    read = by_name["Read"]
    assert read.is_numerical and read.unit == "pages" and read.target_value == 20.0
    assert not read.at_most
    assert {e.day: e.value for e in read.entries}[D("2025-03-08")] == YES_MANUAL  # 0.002 pages
    assert {e.day: e.value for e in read.entries}[D("2025-02-26")] == NO  # 0 pages
    assert {e.day: e.notes for e in read.entries}[D("2025-03-01")] == 'Finished "Dune", wow'

    coffee = by_name["Coffee"]
    assert coffee.at_most and coffee.target_value == 2.0 and coffee.denominator == 1
    run = by_name["🏃 Run"]
    assert (run.denominator, run.unit, run.target_value) == (7, "km", 15.0)
    assert sum(e.value == SKIP for e in run.entries) == 2
    sweets = by_name["Sweets"]
    assert sweets.archived and sweets.at_most and sweets.denominator == 7
    japanese = by_name["日本語の勉強"]
    assert (japanese.numerator, japanese.denominator, japanese.color_hex) == (4, 30, "#AAAAAA")
    assert japanese.question == "今日は勉強した？"
    assert japanese.description == "Pour le voyage à Tokyo — très important"
    assert by_name["Méditation"].entries == ()
    assert all(h.scores for h in export.habits)


def test_v231_fixture_as_zip_with_a_top_folder(fixtures_dir: Path, tmp_path: Path) -> None:
    folder = fixtures_dir / "loop_v231_export"
    archive = zip_folder(folder, tmp_path / "export.zip", prefix="Loop Habits CSV 2025-03-16/")
    assert read_loop_csv(archive).habits == read_loop_csv(folder).habits


def test_folder_names_follow_loop() -> None:
    assert loop_folder_name(1, "Meditate") == "001 Meditate"
    assert loop_folder_name(6, "🏃 Run") == "006  Run"
    assert loop_folder_name(8, "日本語の勉強") == "008"
    assert loop_folder_name(9, "Méditation") == "009 Mditation"
    assert loop_folder_name(12, "a/b: c?") == "012 ab c"
    assert loop_folder_name(1000, "x" * 150) == "1000 " + "x" * 100


# --- the older layouts --------------------------------------------------------------------


def test_v20_fixture(fixtures_dir: Path) -> None:
    export = read_loop_csv(fixtures_dir / "loop_v20_export")
    assert export.format_version == CSV_V20
    assert export.export_day == D("2020-06-10")
    floss, guitar, journal = export.habits
    assert floss.question == "Did you floss?"
    assert floss.description == "For the dentist, really"
    assert not floss.is_numerical
    assert len(floss.entries) == 15
    assert all(e.notes == "" for h in export.habits for e in h.entries)
    assert {e.value for e in floss.entries} == {YES_MANUAL, NO, SKIP}
    assert (guitar.numerator, guitar.denominator) == (3, 7)
    assert sum(e.value == YES_AUTO for e in guitar.entries) == 13
    assert journal.name == "Ça va? 日本"
    assert (journal.numerator, journal.denominator, journal.color_hex) == (1, 3, "#303F9F")
    assert journal.scores is not None and max(journal.scores) == D("2020-06-10")


def test_v18_layout_has_no_question(tmp_path: Path) -> None:
    root = write_export(
        tmp_path / "old",
        {
            "Habits.csv": "Position,Name,Description,NumRepetitions,Interval,Color\n"
            "001,Read,Did you read?,3,7,#4CAF50\n",
            "001 Read/Checkmarks.csv": "2017-03-03,2\n2017-03-02,0\n2017-03-01,1\n",
            "001 Read/Scores.csv": "2017-03-03,0.0310\n2017-03-02,0.0162\n2017-03-01,0.0000\n",
        },
    )
    export = read_loop_csv(root)
    assert export.format_version == CSV_V18
    (habit,) = export.habits
    assert (habit.question, habit.description) == ("Did you read?", "")
    assert habit.color_hex == "#4CAF50"
    assert [e.value for e in habit.entries] == [YES_AUTO, NO, YES_MANUAL]


def test_old_layout_infers_a_measurable_habit(tmp_path: Path) -> None:
    root = write_export(
        tmp_path / "old",
        {
            "Habits.csv": "Position,Name,Question,Description,NumRepetitions,Interval,Color\n"
            "001,Water,Glasses?,,1,1,#039BE5\n",
            "001 Water/Checkmarks.csv": "2021-01-02,8000\n2021-01-01,3\n",
            "001 Water/Scores.csv": "",
        },
    )
    (habit,) = read_loop_csv(root).habits
    assert habit.is_numerical and habit.target_value == 0.0
    assert [e.value for e in habit.entries] == [SKIP, 8000]


def test_habits_listed_without_a_folder(tmp_path: Path) -> None:
    root = one_habit(
        tmp_path,
        "Date,Value,Notes\n2025-01-01,YES_MANUAL,\n",
        habits_row="001,Walk,YES_NO,,,1,1,#00897B,,,,false\n"
        "002,Swim,YES_NO,,,1,7,#00897B,,,,true\n",
    )
    export = read_loop_csv(root)
    assert [h.name for h in export.habits] == ["Walk"]
    assert export.without_data == ("Swim",)
    assert export.export_day is None  # no Scores.csv


def test_blank_lines_and_bom_are_fine(tmp_path: Path) -> None:
    root = write_export(
        tmp_path / "e",
        {
            "Habits.csv": "\ufeff" + V231_HABITS + "001,Walk,YES_NO,,,1,1,#00897B,,,,false\n\n",
            "001 Walk/Checkmarks.csv": "Date,Value,Notes\r\n2025-01-01,YES_MANUAL,\r\n\r\n",
        },
    )
    (habit,) = read_loop_csv(root).habits
    assert habit.entries == (LoopEntry(D("2025-01-01"), YES_MANUAL),)


# --- bad input: one clear ImportProblem each ----------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    assert "there is no file or folder" in str(problem_of(tmp_path / "nope.zip"))


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "Loop.zip"
    path.write_bytes(b"")
    assert str(problem_of(path)) == (
        "Loop.zip: the file is empty (0 bytes), so it is not a Loop export"
    )


def test_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.zip"
    path.write_bytes(bytes(range(256)) * 40)
    assert "garbage.zip: is not a zip file" in str(problem_of(path))


def test_truncated_zip(fixtures_dir: Path, tmp_path: Path) -> None:
    archive = zip_folder(fixtures_dir / "loop_v231_export", tmp_path / "full.zip")
    cut = tmp_path / "cut.zip"
    data = archive.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    assert str(problem_of(cut)) == (
        "cut.zip: the zip file is damaged or incomplete (was the download or copy cut short?)"
    )


def test_corrupted_member(fixtures_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("Habits.csv", V231_HABITS + WALK_ROW)
        zf.writestr("001 Walk/Checkmarks.csv", "Date,Value,Notes\n2025-01-01,YES_MANUAL,\n")
    data = bytearray(archive.read_bytes())
    at = data.index(b"2025-01-01,YES_MANUAL")
    data[at : at + 4] = b"1999"  # the bytes no longer match the stored CRC
    archive.write_bytes(bytes(data))
    problem = problem_of(archive)
    assert problem.file == "001 Walk/Checkmarks.csv"
    assert "damaged" in problem.detail


def test_zip_without_habits_csv(tmp_path: Path) -> None:
    archive = tmp_path / "other.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("notes.txt", "hello")
    assert "there is no Habits.csv here" in str(problem_of(archive))


def test_wrong_columns(tmp_path: Path) -> None:
    root = write_export(tmp_path / "e", {"Habits.csv": "Name,Color\nWalk,#FFFFFF\n"})
    problem = problem_of(root)
    assert (problem.file, problem.line) == ("Habits.csv", 1)
    assert "not those of a Loop export" in problem.detail


def test_row_with_too_few_columns(tmp_path: Path) -> None:
    root = write_export(tmp_path / "e", {"Habits.csv": V231_HABITS + "001,Walk,YES_NO\n"})
    assert str(problem_of(root)) == "Habits.csv, line 2: has 3 columns, but the header has 12"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "001,Walk,YES_NO,,,0,7,#00897B,,,,false",
            "Habits.csv, line 2: the frequency “0/7” is not a number of times per days",
        ),
        (
            "001,Walk,YES_NO,,,x,7,#00897B,,,,false",
            "Habits.csv, line 2: the frequency “x/7” is not a number of times per days",
        ),
        (
            "001,Walk,YES_NO,,,8,7,#00897B,,,,false",
            "Habits.csv, line 2: the frequency “8/7” is not a number of times per days",
        ),
        (
            "001,Walk,YES_NO,,,1,1,blue,,,,false",
            "Habits.csv, line 2: the colour “blue” is not a colour like #FF8F00",
        ),
        (
            "001,Walk,BOOLEAN,,,1,1,#00897B,,,,false",
            "Habits.csv, line 2: the type “BOOLEAN” is not YES_NO or NUMERICAL",
        ),
        (
            "001,Walk,YES_NO,,,1,1,#00897B,,,,yes",
            "Habits.csv, line 2: “Archived?” must be true or false, not “yes”",
        ),
        (
            "001,Walk,NUMERICAL,,,1,1,#00897B,km,ABOUT,5.0,false",
            "Habits.csv, line 2: the target type “ABOUT” is not AT_LEAST or AT_MOST",
        ),
        (
            "001,Walk,NUMERICAL,,,1,1,#00897B,km,AT_LEAST,NaN,false",
            "Habits.csv, line 2: the target value “NaN” is not a number of 0 or more",
        ),
        (
            "A,Walk,YES_NO,,,1,1,#00897B,,,,false",
            "Habits.csv, line 2: the position “A” is not a habit number like 001",
        ),
    ],
)
def test_bad_habit_rows(tmp_path: Path, row: str, message: str) -> None:
    root = write_export(tmp_path / "e", {"Habits.csv": V231_HABITS + row + "\n"})
    assert str(problem_of(root)) == message


def test_duplicate_habit_number(tmp_path: Path) -> None:
    row = "001,Walk,YES_NO,,,1,1,#00897B,,,,false\n"
    root = write_export(tmp_path / "e", {"Habits.csv": V231_HABITS + row + row})
    assert str(problem_of(root)) == (
        "Habits.csv, line 3: habit number 001 is listed twice (also on line 2)"
    )


def test_line_numbers_count_lines_inside_quoted_notes(tmp_path: Path) -> None:
    root = one_habit(
        tmp_path,
        'Date,Value,Notes\n2025-01-03,YES_MANUAL,"two\nlines"\n2025-01-02,MAYBE,\n',
    )
    assert str(problem_of(root)) == (
        "001 Walk/Checkmarks.csv, line 4: the value “MAYBE” is not a Loop check-mark "
        "(YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN or a whole number)"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "2025-02-30,YES_MANUAL,",
            "line 2: “2025-02-30” is not a date (Loop writes days as yyyy-mm-dd)",
        ),
        ("25/01/2025,YES_MANUAL,", "line 2: “25/01/2025” is not a date"),
        ("2025-01-01,7,", "line 2: the value “7” is not a check-mark of a yes/no habit"),
        ("2025-01-01,YES_MANUAL", "line 2: has 2 columns, but a check-mark line"),
        (
            "2025-01-01,YES_MANUAL,\n2025-01-01,NO,",
            "line 3: the day 2025-01-01 appears twice (also on line 2)",
        ),
    ],
)
def test_bad_checkmark_rows(tmp_path: Path, body: str, message: str) -> None:
    root = one_habit(tmp_path, "Date,Value,Notes\n" + body + "\n")
    assert str(problem_of(root)).startswith("001 Walk/Checkmarks.csv, " + message)


def test_measurable_values_must_not_be_negative(tmp_path: Path) -> None:
    root = one_habit(
        tmp_path,
        "Date,Value,Notes\n2025-01-01,-5000,\n",
        habits_row="001,Walk,NUMERICAL,,,1,1,#00897B,km,AT_LEAST,5.0,false\n",
    )
    assert "the amount “-5000” is out of the range Loop stores" in str(problem_of(root))


def test_bad_quoting(tmp_path: Path) -> None:
    root = one_habit(tmp_path, 'Date,Value,Notes\n2025-01-01,YES_MANUAL,"unclosed\n')
    problem = problem_of(root)
    assert problem.file == "001 Walk/Checkmarks.csv"
    assert "is not valid CSV" in problem.detail


def test_binary_member(tmp_path: Path) -> None:
    root = one_habit(tmp_path, "Date,Value,Notes\n")
    (root / "001 Walk/Checkmarks.csv").write_bytes(b"Date,Value,Notes\n2025-01-01,\xff\xfe\x00,\n")
    assert str(problem_of(root)) == (
        "001 Walk/Checkmarks.csv, line 2: is not UTF-8 text (is it a binary file?)"
    )


def test_empty_checkmarks_in_new_layout(tmp_path: Path) -> None:
    root = one_habit(tmp_path, "")
    assert str(problem_of(root)) == (
        "001 Walk/Checkmarks.csv: is empty; Loop starts this file with the line "
        "“Date,Value,Notes”"
    )


def test_empty_habits_csv(tmp_path: Path) -> None:
    root = write_export(tmp_path / "e", {"Habits.csv": ""})
    assert str(problem_of(root)) == "Habits.csv: is empty; a Loop export lists its habits here"


def test_folder_that_matches_no_habit(tmp_path: Path) -> None:
    root = one_habit(tmp_path, "Date,Value,Notes\n")
    write_export(root, {"002 Swim/Checkmarks.csv": "Date,Value,Notes\n"})
    assert str(problem_of(root)) == (
        "002 Swim/: there is no habit number 002 in Habits.csv for this folder"
    )


def test_folder_with_another_habits_name(tmp_path: Path) -> None:
    root = walk_with(tmp_path, {"001 Swim/Checkmarks.csv": "Date,Value,Notes\n"})
    assert str(problem_of(root)) == (
        "001 Swim/: this folder does not belong to habit 001 “Walk” of Habits.csv "
        "(its folder would be “001 Walk/”)"
    )


def test_folder_without_checkmarks(tmp_path: Path) -> None:
    root = walk_with(tmp_path, {"001 Walk/Scores.csv": "Date,Score\n"})
    assert str(problem_of(root)) == "001 Walk/: the folder of habit 001 has no Checkmarks.csv"


def test_bad_scores(tmp_path: Path) -> None:
    root = one_habit(tmp_path, "Date,Value,Notes\n")
    write_export(root, {"001 Walk/Scores.csv": "Date,Score\n2025-01-01,1.5\n"})
    assert str(problem_of(root)) == (
        "001 Walk/Scores.csv, line 2: the score “1.5” is not a number from 0 to 1"
    )


def test_zip_bomb_is_refused_without_unpacking(tmp_path: Path, monkeypatch) -> None:
    import selftrust.interchange.loop_csv as loop_csv

    monkeypatch.setattr(loop_csv, "MAX_MEMBER_BYTES", 1_000_000)
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Habits.csv", V231_HABITS + WALK_ROW)
        zf.writestr("001 Walk/Checkmarks.csv", "Date,Value,Notes\n" + "\n" * 5_000_000)
    assert archive.stat().st_size < 100_000
    problem = problem_of(archive)
    assert problem.file == "001 Walk/Checkmarks.csv"
    assert "unpacks to" in problem.detail
    assert MAX_MEMBER_BYTES >= 256 * 2**20  # the real limit leaves room for huge exports


def test_lying_zip_header_cannot_unpack_past_the_limit(tmp_path: Path, monkeypatch) -> None:
    import selftrust.interchange.loop_csv as loop_csv

    monkeypatch.setattr(loop_csv, "MAX_MEMBER_BYTES", 100_000)
    archive = tmp_path / "folder"
    write_export(
        archive,
        {
            "Habits.csv": V231_HABITS + WALK_ROW,
            "001 Walk/Checkmarks.csv": "Date,Value,Notes\n" + "\n" * 200_000,
        },
    )
    assert "unpacks to more than" in str(problem_of(archive))


def test_a_million_rows_stream_fine(tmp_path: Path) -> None:
    """A million check-marks (far past any real export) pass the size guards whole.
    How fast that is belongs to tests/benchmarks/test_loop_csv_bench.py."""
    lines = ["Date,Value,Notes\n"]
    start = date(1000, 1, 1).toordinal()
    lines += [
        f"{date.fromordinal(start + i).isoformat()},{(i % 7) * 1000},\n" for i in range(1_000_000)
    ]
    archive = tmp_path / "big.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "Habits.csv", V231_HABITS + "001,Steps,NUMERICAL,,,1,1,#00897B,k,AT_LEAST,3.0,false\n"
        )
        zf.writestr("001 Steps/Checkmarks.csv", "".join(lines))
    del lines
    (habit,) = read_loop_csv(archive).habits
    assert len(habit.entries) == 1_000_000
    assert habit.entries[-1].value == (999_999 % 7) * 1000


def test_folder_input_is_not_modified(fixtures_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(fixtures_dir / "loop_v231_export", copy)
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in copy.rglob("*") if p.is_file()}
    read_loop_csv(copy)
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in copy.rglob("*") if p.is_file()}
    assert before == after
