"""Loop's exports imported into our database: the right history, and Loop's own scores.

The mapping tests (test_loop_scores.py) compare the mapped habits in memory; these go
the whole way a user's data goes: ``import_file`` writes the commitments and
check-ins through one transaction, and the strength is read back through the
services (the ledger's history and ``ws.stats``), with the repair variant off
(imported data has no reflections, so it must equal Loop's to the last digit, within
Loop's 4-decimal rounding, and within 0.001 where Loop's skip quirk shows).
"""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import date, timedelta
from pathlib import Path

import make_loop_scores
import pytest
from loop_db_builder import DbHabit, build_loop_db, v231_as_db_habits

from selftrust.domain.history import Status
from selftrust.domain.strength import strength_series
from selftrust.interchange.loop_csv import read_loop_csv
from selftrust.interchange.loop_records import SKIP, UNKNOWN, YES_MANUAL, LoopHabit
from selftrust.services.interchange import ImportRefused, export_file, import_file
from selftrust.services.workspace import Workspace, open_workspace

TOLERANCE = 0.001
FOLDERS = ["loop_public_csv_export", "loop_v231_export", "loop_v20_export"]


def ours(ws: Workspace, title: str, last: date) -> tuple[date, list[float]]:
    """Our strength for every day from the commitment's start to ``last``, from the db.

    Loop scores ``last`` as a day gone by; ours is today until it ends (issue 17), so
    the history runs to the day after, a today still open."""
    c = next(c for c in ws.commitments.all(include_archived=True) if c.title == title)
    history = ws.ledger.history(c.id, last + timedelta(days=1))
    return ws.ledger.start_of(c.id), strength_series(c.rules, history, repair_weight=0.0)


def worst_difference(ws: Workspace, title: str, scores: dict[date, float]) -> float:
    start, series = ours(ws, title, max(scores))
    worst = 0.0
    for day, loops in scores.items():
        i = (day - start).days
        value = series[i] if 0 <= i < len(series) else 0.0
        worst = max(worst, abs(value - loops))
    return worst


def title_of(habit: LoopHabit) -> str:
    return " ".join(habit.name.split())


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize("packed", [False, True], ids=["folder", "zip"])
def test_imported_strength_matches_loops_scores(
    ws: Workspace, fixtures_dir: Path, tmp_path: Path, folder: str, packed: bool
) -> None:
    source = fixtures_dir / folder
    export = read_loop_csv(source)
    if packed:
        source = shutil.make_archive(str(tmp_path / "Loop Habits CSV 2025-03-16"), "zip",
                                     source)  # type: ignore[assignment]
    summary = import_file(ws, source)
    assert summary.kind == "Loop Habit Tracker CSV export"
    assert summary.commitments_added == len(export.habits)
    for habit in export.habits:
        assert habit.scores
        assert worst_difference(ws, title_of(habit), habit.scores) <= TOLERANCE, habit.name
        # and the figure the app shows, through the stats service, the morning after the
        # export day: that day counted as Loop counts it, the new one not yet
        c = ws.commitments.find(title_of(habit), include_archived=True)
        day = max(habit.scores)
        morning = ws.stats.summary(c.id, day + timedelta(days=1)).strength
        assert morning == pytest.approx(habit.scores[day], abs=TOLERANCE)


@pytest.mark.parametrize("folder", FOLDERS)
def test_imported_history_is_what_loop_recorded(
    ws: Workspace, fixtures_dir: Path, folder: str
) -> None:
    export = read_loop_csv(fixtures_dir / folder)
    import_file(ws, fixtures_dir / folder)
    zero_is_unchecked = export.format_version == "csv-1.8"
    for habit in export.habits:
        c = ws.commitments.find(title_of(habit), include_archived=True)
        stored = {day: (e.status, e.value) for day, e in ws.ledger.entries(c.id).items()}
        expected = {}
        for e in habit.entries:
            if habit.is_numerical:
                if e.value == SKIP:
                    expected[e.day] = (Status.SKIPPED, None)
                elif e.value >= 0:
                    expected[e.day] = (Status.KEPT, e.value / 1000)
            elif e.value == YES_MANUAL:
                expected[e.day] = (Status.KEPT, None)
            elif e.value == SKIP:
                expected[e.day] = (Status.SKIPPED, None)
            elif e.value == 0 and not zero_is_unchecked:
                expected[e.day] = (Status.MISSED, None)
            else:
                assert e.value in (1, UNKNOWN, 0)  # YES_AUTO, UNKNOWN: nothing recorded
        assert stored == expected, habit.name
        assert c.archived == habit.archived
        assert c.color == habit.color_hex.lower()
        assert (c.why or None) == (habit.description.strip() or None)
        notes = {e.day: e.notes for e in habit.entries if e.notes and e.day in expected}
        for day, note in notes.items():
            assert ws.checkins.get(c.id, day).state.note == note


def test_v231_kinds_arrive_as_the_right_schedules(ws: Workspace, fixtures_dir: Path) -> None:
    import_file(ws, fixtures_dir / "loop_v231_export")
    described = {c.title: (c.rules.schedule.describe(),
                           c.rules.target.describe() if c.rules.target else None)
                 for c in ws.commitments.all(include_archived=True)}
    assert described["Gym"] == ("3 times a week", None)
    assert described["Call mum"] == ("2 times in 5 days", None)
    assert described["Read"] == ("Every day", "at least 20 pages a day")
    assert described["Coffee"] == ("Every day", "at most 2 cups a day")
    assert described["🏃 Run"] == ("Every day", "at least 15 km a week")
    assert described["日本語の勉強"] == ("4 times a month", None)


@pytest.mark.parametrize("version", [22, 25])
def test_backup_database_imports_and_scores_like_loop(
    ws: Workspace, tmp_path: Path, version: int
) -> None:
    path = build_loop_db(tmp_path / "Loop Habits Backup 2025-03-16.db", version,
                         v231_as_db_habits())
    summary = import_file(ws, path)
    assert summary.kind == "Loop Habit Tracker backup"
    today = make_loop_scores.V231_TODAY
    for spec in make_loop_scores.V231:
        loops = make_loop_scores.loop_scores(spec, today)
        title = " ".join(spec.name.split())
        assert worst_difference(ws, title, loops) <= TOLERANCE, spec.name
    again = import_file(ws, path)
    assert not again.changed


@pytest.mark.parametrize("backup_first", [True, False])
def test_a_backup_and_a_csv_of_the_same_habits_do_not_double(
    ws: Workspace, tmp_path: Path, fixtures_dir: Path, backup_first: bool
) -> None:
    """A CSV has no uuids, but its habits are found by name and first kept day."""
    backup = build_loop_db(tmp_path / "backup.db", 25, v231_as_db_habits(with_uuid=True))
    csv_export = fixtures_dir / "loop_v231_export"
    first, second = (backup, csv_export) if backup_first else (csv_export, backup)
    assert import_file(ws, first).commitments_added == 9
    summary = import_file(ws, second)
    assert (summary.commitments_added, summary.commitments_found) == (0, 9)
    assert summary.checkins_replaced == 0
    if backup_first:
        assert summary.checkins_added == 0
    else:  # the backup has the "no" that a CSV shades as part of a completed interval
        assert summary.checkins_added == 1


def test_a_loop_zip_inside_a_folder_of_its_own(
    ws: Workspace, fixtures_dir: Path, tmp_path: Path
) -> None:
    """Some zip tools add a top folder; the export inside is still found."""
    zipped = tmp_path / "nested.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        for file in (fixtures_dir / "loop_public_csv_export").rglob("*.csv"):
            relative = file.relative_to(fixtures_dir / "loop_public_csv_export")
            archive.write(file, f"Loop Habits CSV/{relative.as_posix()}")
    assert import_file(ws, zipped).commitments_added == 2


def test_a_target_too_large_to_count_is_refused_by_name(ws: Workspace, tmp_path: Path) -> None:
    steps = DbHabit("Steps", type=1, target_value=5e12, unit="steps",
                    reps=[(date(2025, 3, 1), 1000, None)])
    path = build_loop_db(tmp_path / "huge.db", 25, [steps])
    with pytest.raises(ImportRefused, match="“Steps” cannot be imported"):
        import_file(ws, path)
    assert ws.commitments.all() == []


def test_keys_in_any_order(ws: Workspace, fixtures_dir: Path, tmp_path: Path) -> None:
    """A JSON export re-saved with sorted keys (check-ins before commitments) still imports."""
    import_file(ws, fixtures_dir / "loop_v231_export")
    export_file(ws, tmp_path / "a.json")
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    (tmp_path / "sorted.json").write_text(json.dumps(data, sort_keys=True, indent=4))
    other = open_workspace(tmp_path / "other", ws.clock)
    try:
        summary = import_file(other, tmp_path / "sorted.json")
        assert (summary.commitments_added, summary.checkins_added) == (9, 95)
    finally:
        other.close()
