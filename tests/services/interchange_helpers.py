"""Shared helpers for the import/export tests: realistic data through the services,
and the database file's bytes once it is closed."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.schedule import Schedule, parse_schedule
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace, open_workspace

TODAY = date(2026, 11, 24)
NOON = datetime(2026, 11, 24, 12, 0).astimezone()


@contextmanager
def workspace(folder: Path, clock: FixedClock) -> Iterator[Workspace]:
    ws = open_workspace(folder, clock)
    try:
        yield ws
    finally:
        ws.close()


def db_bytes(folder: Path) -> bytes:
    """The database file of a closed workspace (its -wal must have been folded in)."""
    database = folder / "selftrust.db"
    assert not (folder / "selftrust.db-wal").exists(), "close the workspace first"
    return database.read_bytes()


def fill(ws: Workspace) -> dict[str, int]:
    """A little of everything: schedules, a measurable target, a pause, an archived
    commitment, notes with odd text, repaired misses and a free reflection."""
    start = TODAY - timedelta(days=40)
    walk = ws.commitments.create(CommitmentDraft(
        "Walk 20 minutes", Rules(), why="Fresh air, clear head", created_on=start)).id
    read = ws.commitments.create(CommitmentDraft(
        "Read", Rules(target=Target(20, "pages", Period.DAY)), created_on=start)).id
    coffee = ws.commitments.create(CommitmentDraft(
        "Coffee", Rules(target=Target(2, "cups", Period.DAY, at_most=True)),
        created_on=start)).id
    gym = ws.commitments.create(CommitmentDraft(
        "Gym", Rules(schedule=parse_schedule("3/week"),
                     pauses=(Pause(start + timedelta(days=10), start + timedelta(days=14)),)),
        color="#aa3377", created_on=start)).id
    journal = ws.commitments.create(CommitmentDraft(
        "Journal", Rules(schedule=parse_schedule("mon,wed,fri")), created_on=start)).id
    dentist = ws.commitments.create(CommitmentDraft(
        "Call the dentist", Rules(schedule=Schedule.once(TODAY - timedelta(days=3))),
        created_on=start)).id
    old = ws.commitments.create(CommitmentDraft("Floss", Rules(), created_on=start)).id
    notes = ["=1+1", "-minus", "+plus", "@at", "'quoted", "a, b and \"c\"", "line 1\nline 2",
             "שלום עולם", "🌱 growing", ""]
    for i in range(35):
        day = start + timedelta(days=i)
        status = Status.MISSED if i % 6 == 5 else (Status.SKIPPED if i % 11 == 7 else Status.KEPT)
        ws.checkins.record(walk, day, CheckinState(status, None, notes[i % len(notes)]))
        ws.checkins.record(read, day, CheckinState(Status.KEPT, float(10 + i % 15)))
        ws.checkins.record(coffee, day, CheckinState(Status.KEPT, float(i % 4)))
        if i % 2 == 0 and not 10 <= i <= 14:
            ws.checkins.record(gym, day, CheckinState(Status.KEPT))
        if Schedule.on_weekdays(0b10101).is_occasion(day):
            ws.checkins.record(journal, day, CheckinState(Status.KEPT, note="pages: 2.5"))
        ws.checkins.record(old, day, CheckinState(Status.KEPT))
    ws.checkins.record(dentist, TODAY - timedelta(days=3), CheckinState(Status.MISSED))
    for i in (5, 11, 17):
        ws.reflections.write(ReflectionDraft(
            day=start + timedelta(days=i), commitment_id=walk,
            happened="Work ran late, and I was tired", owning="=I chose the sofa",
            friend="One day, not a verdict 💛", learned="Evenings are hard",
            next_step="Shoes by the door", feeling_before=2, feeling_after=4))
    ws.reflections.write(ReflectionDraft(day=TODAY, happened="A quiet, good day."))
    ws.commitments.archive(old, TODAY - timedelta(days=5))
    return {"walk": walk, "read": read, "coffee": coffee, "gym": gym, "journal": journal,
            "dentist": dentist, "old": old}


def zip_texts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n).decode("utf-8-sig") for n in archive.namelist()}
