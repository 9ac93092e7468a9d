"""What the Loop bridge tests read back: a data folder's commitments and check-ins, a
Loop file's habits, and Loop's score recomputed straight from the file."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from test_strength_reference import reference_strength

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Entry, History, Status
from selftrust.domain.schedule import Schedule
from selftrust.domain.strength import strength_series
from selftrust.services.clock import FixedClock
from selftrust.services.reflections import repaired_checkin_ids
from selftrust.services.workspace import open_workspace
from selftrust.store import repository as repo
from tests.e2e.helpers import NOW

TODAY = date.fromisoformat(NOW[:10])
LOOP_FIXTURES = Path(__file__).resolve().parent.parent / "interchange" / "fixtures"
Day = tuple[str, float | None, str | None]


@dataclass(frozen=True)
class Kept:
    """One commitment as a data folder holds it."""

    title: str
    rules: Rules
    color: str
    archived: bool
    created_on: date
    days: dict[date, Day]
    repaired: int


def data_of(folder: Path) -> dict[str, Kept]:
    with open_workspace(folder, FixedClock(datetime.fromisoformat(NOW))) as ws, \
            ws.read() as conn:
        fixed = repaired_checkin_ids(conn)
        out = {}
        for c in repo.list_commitments(conn):
            rows = repo.checkins(conn, [c.id])
            out[c.title] = Kept(c.title, c.rules, c.color, c.archived, c.created_on,
                                {r.day: (r.status.value, r.value, r.note) for r in rows},
                                sum(1 for r in rows if r.id in fixed))
        return out


def our_strength(k: Kept, start: date, end: date) -> list[float]:
    entries = [Entry(d, Status(s), v) for d, (s, v, _) in k.days.items()]
    return strength_series(k.rules, History(start, end, entries, k.rules))


# --- a Loop file, read with nothing of ours -------------------------------------------------


@dataclass(frozen=True)
class RawHabit:
    name: str
    uuid: str | None
    num: int
    den: int
    numerical: bool
    target: float
    at_most: bool
    archived: bool
    color: int
    reps: dict[date, tuple[int, str | None]]


def loop_file(path: Path) -> dict[str, RawHabit]:
    conn = sqlite3.connect(path)
    try:
        habits = {}
        for hid, name, uid, num, den, kind, target, ttype, archived, color in conn.execute(
                "SELECT id, name, uuid, freq_num, freq_den, type, target_value, target_type, "
                "archived, color FROM Habits"):
            reps = {date(1970, 1, 1) + timedelta(days=ts // 86_400_000): (value, notes)
                    for ts, value, notes in conn.execute(
                        "SELECT timestamp, value, notes FROM Repetitions WHERE habit = ?",
                        (hid,))}
            habits[name] = RawHabit(name, uid, num, den, kind == 1, target, ttype == 1,
                                    bool(archived), color, reps)
        return habits
    finally:
        conn.close()


def loop_score(h: RawHabit, end: date) -> tuple[date, list[float]]:
    """Loop's score of every day from the habit's first entry to ``end``, by the plain
    reference of tests/domain (Loop's ScoreList, written out)."""
    start = min(h.reps)
    if h.numerical:
        per = {1: Period.DAY, 7: Period.WEEK, 30: Period.MONTH}[h.den]
        rules = Rules(Schedule.daily(), Target(h.target, "", per, h.at_most))
    else:
        rules = Rules(Schedule.in_days(h.num, h.den))
    marks: list[tuple[str, float | None]] = []
    day = start
    while day <= end:
        value = h.reps.get(day, (-1, None))[0]
        if value == 3:
            marks.append(("S", None))
        elif h.numerical:
            marks.append((".", None) if value < 0 else ("K", value / 1000))
        else:
            marks.append({2: ("K", None), 0: ("M", None)}.get(value, (".", None)))
        day += timedelta(days=1)
    return start, reference_strength(rules, start, marks)
