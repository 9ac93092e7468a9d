"""In the pseudo-language, every sentence the data layers tell a person is translated:
import and export problems and summaries, the Loop bridge's refusals and summaries, the
data folder's refusals and restore messages, and sync's summary, conflicts and problems.

Only what the person wrote (titles, notes), file and folder names, the system's and
SQLite's own words and values quoted from a file may stand outside the brackets.
"""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.domain.schedule import Schedule, parse_schedule
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import UserError
from selftrust.services.interchange import (
    ExportFailed,
    ImportRefused,
    export_file,
    format_for,
    import_file,
)
from selftrust.services.loop import LoopRefused, pull, push
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace, open_workspace
from selftrust.store import backups as store_backups
from selftrust.store.database import open_database
from selftrust.store.errors import DatabaseLocked, MigrationFailed, RefusedDatabase, StoreError
from selftrust.store.paths import DataFolder
from tests.i18n_helpers import untranslated
from tests.interchange.loop_db_builder import DbHabit, build_loop_db
from tests.services.interchange_helpers import fill, zip_texts

LOOP_CSV = Path(__file__).resolve().parents[1] / "interchange" / "fixtures" / "loop_v231_export"
NOON = datetime(2026, 11, 24, 12, 0).astimezone()
Check = Callable[..., None]


@pytest.fixture
def pseudo(language: Callable[[str], str], tmp_path: Path) -> Check:
    """Speak the pseudo-language; ``check(text, *allowed)`` finds words left outside
    brackets (the test's own folder and ``allowed`` are not words a translator owns)."""
    language("en_XA")

    def check(text: str, *allowed: str) -> None:
        assert text.strip()
        assert untranslated(text, (str(tmp_path), *allowed)) == [], text

    return check


@pytest.fixture
def data(tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "data", FixedClock(NOON), daily_backup=False)
    yield ws
    ws.close()


def _refusal(ws: Workspace, path: Path) -> str:
    """The refusal as the person reads it, and its problem alone after it (a part put
    into a sentence would hide inside the sentence's brackets)."""
    with pytest.raises(ImportRefused) as caught:
        import_file(ws, path)
    return f"{caught.value}\n{caught.value.problem.detail}"


# --- import and export ------------------------------------------------------------------


def test_a_file_that_is_no_export_is_refused_in_words(
        pseudo: Check, data: Workspace, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Buy milk\n", encoding="utf-8")
    pseudo(_refusal(data, notes), "notes.txt")
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    pseudo(_refusal(data, empty), "empty.json")
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.md", "hello")
    pseudo(_refusal(data, other), "other.zip")
    ours = data.db.folder.database
    pseudo(_refusal(data, ours), "selftrust.db")
    strange = tmp_path / "strange.json"
    strange.write_text('{"format": "other", "version": 1}', encoding="utf-8")
    pseudo(_refusal(data, strange), "strange.json", "other")
    cut = tmp_path / "cut.json"
    cut.write_text('{"format": "selftrust", "version": 1, "commitments": [', encoding="utf-8")
    pseudo(_refusal(data, cut), "cut.json")
    with pytest.raises(UserError) as caught:
        format_for(tmp_path / "export.txt")
    pseudo(str(caught.value), "export.txt", "json", "zip", "format", "csv")


def test_a_csv_export_with_bad_rows_names_file_line_and_problem(
        pseudo: Check, data: Workspace, tmp_path: Path) -> None:
    fill(data)
    export_file(data, tmp_path / "good.zip")
    texts = zip_texts(tmp_path / "good.zip")

    def spoiled(name: str, member: str, change: Callable[[str], str]) -> Path:
        out = tmp_path / name
        with zipfile.ZipFile(out, "w") as archive:
            for file, text in {**texts, member: change(texts[member])}.items():
                archive.writestr(file, text)
        return out

    lines = texts["checkins.csv"].splitlines(keepends=True)
    bad_status = "".join([*lines[:2], lines[2].replace(",kept,", ",maybe,", 1), *lines[3:]])
    cases = {
        "status.zip": ("checkins.csv", lambda _text: bad_status),
        "width.zip": ("checkins.csv", lambda text: text + "only,two\n"),
        "header.zip": ("commitments.csv", lambda text: "uid,colour\n" + text),
        "day.zip": ("checkins.csv", lambda text: text.replace("2026-11-", "2026-13-", 1)),
        "newer.zip": ("format.csv", lambda text: text.replace(",1", ",99")),
        "quote.zip": ("checkins.csv", lambda text: text + '"unterminated\n'),
    }
    for name, (member, change) in cases.items():
        message = _refusal(data, spoiled(name, member, change))
        pseudo(message, name, member, "maybe", "uid,colour", "2026-13-")


def test_a_loop_export_with_bad_rows_is_refused_in_words(
        pseudo: Check, data: Workspace, tmp_path: Path) -> None:
    habits = (LOOP_CSV / "Habits.csv").read_text(encoding="utf-8")
    for name, change in {
        "colour": habits.replace("#00897B", "teal", 1),
        "frequency": habits.replace(",1,1,#00897B", ",0,1,#00897B", 1),
        "columns": habits + "010,Broken\n",
    }.items():
        folder = tmp_path / name
        folder.mkdir()
        for path in LOOP_CSV.rglob("*"):
            target = folder / path.relative_to(LOOP_CSV)
            if path.is_dir():
                target.mkdir(exist_ok=True)
            else:
                target.write_bytes(path.read_bytes())
        (folder / "Habits.csv").write_text(change, encoding="utf-8")
        pseudo(_refusal(data, folder), name, "Habits.csv", "teal", "Broken")


def test_import_and_export_summaries_are_translated(
        pseudo: Check, tmp_path: Path) -> None:
    with open_workspace(tmp_path / "one", FixedClock(NOON), daily_backup=False) as one:
        fill(one)
        exported = export_file(one, tmp_path / "all.json")
        pseudo(exported.headline())
    with open_workspace(tmp_path / "two", FixedClock(NOON), daily_backup=False) as two:
        two.commitments.create(CommitmentDraft("Walk 20 minutes"))
        dry = import_file(two, tmp_path / "all.json", dry_run=True)
        done = import_file(two, tmp_path / "all.json")
        again = import_file(two, tmp_path / "all.json")
        titles = [c.title for c in two.commitments.all()]
        for summary in (dry, done, again):
            for line in (*summary.lines(), *summary.warnings):
                pseudo(line, *titles, *(b.path.name for b in store_backups.list_backups(
                    two.db.folder)))
        loop = import_file(two, LOOP_CSV)
        for line in (*loop.lines(), *loop.warnings):
            pseudo(line, *[c.title for c in two.commitments.all()])
        with pytest.raises(ExportFailed) as caught:
            export_file(two, tmp_path / "missing" / "all.json")
        pseudo(str(caught.value))


# --- the Loop bridge --------------------------------------------------------------------


def test_a_loop_backup_that_is_not_one_is_refused_in_words(
        pseudo: Check, data: Workspace, tmp_path: Path) -> None:
    text = tmp_path / "Loop Habits Backup 2026-11-23 080000.db"
    text.write_text("Date,Meditate\n2026-11-01,2\n", encoding="utf-8")
    with pytest.raises(LoopRefused) as caught:
        pull(data, text)
    pseudo(str(caught.value), text.name)
    with pytest.raises(LoopRefused) as caught:
        pull(data, tmp_path / "data")  # a folder without any backup
    pseudo(str(caught.value), "Loop Habits Backup *.db")
    newer = build_loop_db(tmp_path / "newer.db", 25, [DbHabit("Meditate")])
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 26")
    conn.close()
    pseudo(_refusal(data, newer), "newer.db")
    folder = tmp_path / "phone"
    folder.mkdir()
    (folder / text.name).write_bytes(text.read_bytes())
    with pytest.raises(LoopRefused) as caught:
        pull(data, folder)
    pseudo(str(caught.value), text.name)
    broken = build_loop_db(tmp_path / "broken.db", 25, [DbHabit("Meditate", freq_num=0)])
    pseudo(_refusal(data, broken), "broken.db", "Meditate")


def test_a_pull_and_a_push_tell_what_they_did_in_words(
        pseudo: Check, data: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "phone"
    folder.mkdir()
    days = [date(2026, 11, 20) + timedelta(days=i) for i in range(6)]  # two after today
    build_loop_db(folder / "Loop Habits Backup 2026-11-20 080000.db", 25, [
        DbHabit("Meditate", uuid="1" * 32, reps=[(d, 2, None) for d in days]),
        DbHabit("Steps", uuid="2" * 32, type=1, freq_den=31, target_value=5000, unit="steps",
                reps=[(days[0], 3_000_000, "a walk in the rain")]),
    ])
    data.commitments.create(CommitmentDraft("Meditate"))
    data.commitments.create(CommitmentDraft(
        "Call the dentist", Rules(schedule=Schedule.once(date(2026, 11, 25)))))
    data.commitments.create(CommitmentDraft(
        "Journal", Rules(schedule=parse_schedule("mon,wed,fri")), created_on=days[0]))
    data.reflections.write(ReflectionDraft(day=days[0], happened="Slept in"))
    summary = pull(data, folder)
    titles = [c.title for c in data.commitments.all()]
    assert summary.warnings
    for line in (*summary.lines(), *summary.warnings):
        pseudo(line, *titles, "Loop Habits Backup 2026-11-20 080000.db")
    again = pull(data, folder)
    for line in again.lines():
        pseudo(line, "Loop Habits Backup 2026-11-20 080000.db")
    out = tmp_path / "out"
    out.mkdir()
    for dry in (True, False):
        pushed = push(data, out, dry_run=dry)
        assert len(pushed.lost) >= 3
        for line in (*pushed.lines(), *pushed.lost):
            pseudo(line, *titles, pushed.path.name)
    with pytest.raises(LoopRefused) as caught:
        push(data, data.db.folder.root / "inside.db")
    pseudo(str(caught.value), "inside.db")


# --- the data folder --------------------------------------------------------------------


def test_a_database_it_must_not_open_is_refused_in_words(
        pseudo: Check, tmp_path: Path) -> None:
    cases: dict[str, Callable[[Path], None]] = {
        "future": lambda db: _sql(db, "UPDATE alembic_version SET version_num = '9999_x'"),
        "garbage": lambda db: db.write_bytes(b"These are my notes, not a database.\n" * 50),
        "empty": lambda db: db.write_bytes(b""),
        "loop": lambda db: (db.unlink(), _sql(db, "CREATE TABLE Habits (id INTEGER); "
                                                  "CREATE TABLE Repetitions (id INTEGER)")),
        "other": lambda db: (db.unlink(), _sql(db, "CREATE TABLE notes (body TEXT)")),
    }
    for name, spoil in cases.items():
        folder = DataFolder(tmp_path / name)
        with open_database(folder, now=NOON, daily_backup=False):
            pass
        spoil(folder.database)
        with pytest.raises(RefusedDatabase) as caught:
            open_database(folder, now=NOON, daily_backup=False)
        pseudo(f"{caught.value}\n{caught.value.detail}", "notes", "9999_x")
    pseudo(str(DatabaseLocked(tmp_path / "selftrust.db")))
    pseudo(str(MigrationFailed(tmp_path / "selftrust.db", "disk I/O error",
                               tmp_path / "copy.db")), "disk I/O error")


def test_restoring_a_backup_it_cannot_use_is_refused_in_words(
        pseudo: Check, tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data")
    with open_database(folder, now=NOON, daily_backup=False) as db:
        made = db.back_up_now()
        with pytest.raises(StoreError) as caught:
            store_backups.restore(folder, made.path, now=NOON)  # still open
        pseudo(str(caught.value), "selftrust.db")
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database" * 100)
    for backup in (garbage, tmp_path / "gone.db"):
        with pytest.raises(StoreError) as caught:
            store_backups.restore(folder, backup, now=NOON)
        pseudo(str(caught.value), backup.name)


def _sql(db: Path, script: str) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.executescript(script)
    finally:
        conn.close()


# --- sync -------------------------------------------------------------------------------


def test_a_sync_pass_tells_what_arrived_and_what_was_kept_in_words(
        pseudo: Check, tmp_path: Path) -> None:
    from selftrust.services.sync import join, run_pass, status

    shared = tmp_path / "shared"
    shared.mkdir()
    day = date(2026, 11, 23)
    clock = FixedClock(NOON)
    desk = open_workspace(tmp_path / "desk", clock, daily_backup=False)
    laptop = open_workspace(tmp_path / "laptop", clock, daily_backup=False)
    try:
        cid = desk.commitments.create(CommitmentDraft("Read", created_on=day)).id
        join(desk, shared, device_name="Desk", passphrase=None)
        run_pass(desk)
        join(laptop, shared, device_name="Laptop", passphrase=None)
        arrived = run_pass(laptop)
        pseudo(arrived.summary, "Desk")
        laptop_cid = laptop.commitments.find("Read").id
        desk.checkins.record(cid, day, CheckinState(Status.KEPT, note="in the bath"))
        clock.advance(minutes=5)
        laptop.checkins.record(laptop_cid, day, CheckinState(Status.KEPT, note="on the train"))
        run_pass(laptop)
        result = run_pass(desk)
        assert result.conflicts
        for note in result.conflicts:
            pseudo(note.words, "Laptop", "Desk")
        told = status(desk)
        for line in told.conflicts:
            pseudo(line, "Laptop", "Desk")
        with pytest.raises(UserError) as caught:
            join(desk, tmp_path / "elsewhere", device_name=None, passphrase=None)
        pseudo(str(caught.value))
        with pytest.raises(UserError) as caught:
            join(desk, None, device_name="x" * 81, passphrase=None)
        pseudo(str(caught.value))
        with pytest.raises(UserError) as caught:
            join(laptop, shared, device_name=None, passphrase="secret")
        pseudo(str(caught.value))
    finally:
        desk.close()
        laptop.close()
    with open_workspace(tmp_path / "alone", clock, daily_backup=False) as alone:
        with pytest.raises(UserError) as caught:
            status(alone)
        pseudo(str(caught.value), "selftrust", "sync", "folder", "FOLDER")
        with pytest.raises(UserError) as caught:
            join(alone, tmp_path / "nowhere", device_name="Desk", passphrase=None)
        pseudo(str(caught.value))


def test_sync_words_for_what_arrived_from_several_computers(pseudo: Check) -> None:
    from selftrust.services.sync.apply import refused_words
    from selftrust.services.sync.result import summary_words
    from selftrust.sync import Resolution, Stamp, Version

    def arrived(kind: str, key: str, device: str) -> Resolution:
        version = Version(kind, key, {}, Stamp(1, device, 0))
        return Resolution(kind, key, version)

    applied = [arrived("checkin", f"c/{i}", "laptop") for i in range(3)]
    applied += [arrived("reflection", "r", "laptop"), arrived("setting", "s", "phone"),
                arrived("commitment", "c", "stranger")]
    words = summary_words(applied, {"laptop": "Laptop", "phone": "Phone"}, "desk")
    pseudo(words, "Laptop", "Phone")
    for kind in ("checkin", "reflection", "commitment", "setting"):
        pseudo(refused_words(kind))
