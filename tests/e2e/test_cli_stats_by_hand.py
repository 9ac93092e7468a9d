"""`selftrust stats --json` against figures worked out by hand, one schedule kind at a time.

Data is written through the services in-process (fast); the figures are read back
through the real CLI. Expected strengths come from a few lines of plain arithmetic
that follow DESIGN.md's formula, not from our domain code.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.schedule import parse_schedule
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace, open_workspace
from tests.e2e.helpers import make_runner

pytestmark = pytest.mark.e2e

TODAY = date(2026, 11, 24)  # a Tuesday; SELFTRUST_NOW is 12:00 that day
K, M, S = Status.KEPT, Status.MISSED, Status.SKIPPED


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[tuple[Workspace, Path]]:
    data = tmp_path / "data"
    ws = open_workspace(data, FixedClock(datetime(2026, 11, 24, 12, 0).astimezone()))
    yield ws, data
    ws.close()


def d(text: str) -> date:
    return date.fromisoformat(f"2026-{text}")


def add(ws: Workspace, title: str, schedule: str, start: str,
        target: Target | None = None) -> int:
    rules = Rules(schedule=parse_schedule(schedule), target=target)
    return ws.commitments.create(CommitmentDraft(title, rules, created_on=d(start))).id


def record(ws: Workspace, cid: int, marks: dict[str, Status | float]) -> None:
    for day, mark in marks.items():
        state = (CheckinState(K, float(mark)) if isinstance(mark, float | int)
                 and not isinstance(mark, Status) else CheckinState(mark))  # type: ignore[arg-type]
        ws.checkins.record(cid, d(day), state)


def cli_stats(ws: Workspace, data: Path) -> tuple[dict, dict]:  # type: ignore[type-arg]
    ws.close()
    import json

    out = json.loads(make_runner(data)("stats", "--json").stdout)
    return out["jar"], {c["title"]: c for c in out["commitments"]}


def loop_strength(daily_values: list[float | None], n: int, m: int) -> float:
    """DESIGN.md's formula by hand: None is a skipped day; values are window weights."""
    freq = n / m
    if freq < 1:
        n, m = 2 * n, 2 * m
    mult = 0.5 ** (math.sqrt(freq) / 13)
    score = 0.0
    for i, value in enumerate(daily_values):
        if value is None:
            continue
        window = [v or 0.0 for v in daily_values[max(0, i - m + 1): i + 1]]
        score = score * mult + min(1.0, sum(window) / n) * (1 - mult)
    return score


def loop_amount_strength(values: list[float], target: float, window: int,
                         at_most: bool = False) -> float:
    mult = 0.5 ** (math.sqrt(1 / window) / 13)
    score = 1.0 if at_most else 0.0
    for i in range(len(values)):
        total = sum(values[max(0, i - window + 1): i + 1])
        v = (max(0.0, min(1.0, 1 - (total - target) / target)) if at_most
             else min(1.0, total / target))
        score = score * mult + v * (1 - mult)
    return score


def test_daily_with_a_skip_and_a_gap(folder: tuple[Workspace, Path]) -> None:
    ws, data = folder
    cid = add(ws, "Walk", "daily", "11-14")
    record(ws, cid, {"11-14": K, "11-15": K, "11-16": M, "11-17": K, "11-18": S,
                     "11-19": K, "11-20": K, "11-22": K, "11-23": K})
    jar, stats = cli_stats(ws, data)
    walk = stats["Walk"]
    # Runs: 14–15 (2); 17, skip, 19, 20 (3) ended by the unmarked 21st; 22–23 (2), today open.
    assert (walk["current_streak"], walk["best_streak"]) == (2, 3)
    assert (walk["kept"], walk["missed"], walk["skipped"], walk["repaired"]) == (7, 1, 1, 0)
    # Jar: 1, 2, 0 (a miss costs 2), 1, 2, 3, 4, 5.
    assert jar == {"marbles": 5, "gold": 0}
    w = [1, 1, 0, 1, None, 1, 1, 0, 1, 1, None]  # 14th … 24th (today, unrecorded: still open)
    assert walk["strength"] == pytest.approx(loop_strength(w, 1, 1), abs=1e-6)


def test_chosen_weekdays(folder: tuple[Workspace, Path]) -> None:
    ws, data = folder
    cid = add(ws, "Journal", "mon,wed,fri", "11-02")
    record(ws, cid, {"11-02": K, "11-04": K, "11-06": M, "11-09": K, "11-11": K, "11-13": K,
                     "11-16": K, "11-20": K, "11-23": K})
    jar, stats = cli_stats(ws, data)
    j = stats["Journal"]
    # Runs: 2, 4 (2); 9, 11, 13, 16 (4) ended by the unmarked Wed 18th; 20, 23 (2).
    # Today (Tuesday) is not an occasion.
    assert (j["current_streak"], j["best_streak"]) == (2, 4)
    assert (j["kept"], j["missed"]) == (8, 1)
    assert jar["marbles"] == 6  # 1 2 0 1 2 3 4 5 6
    kept_days = {2, 4, 9, 11, 13, 16, 20, 23}
    w: list[float | None] = [1.0 if n in kept_days else 0.0 for n in range(2, 24)]
    w.append(None)  # today, unrecorded, is still open: it changes nothing yet
    assert j["strength"] == pytest.approx(loop_strength(w, 3, 7), abs=1e-6)


def test_three_times_a_week(folder: tuple[Workspace, Path]) -> None:
    ws, data = folder
    cid = add(ws, "Gym", "3/week", "11-02")
    record(ws, cid, {"11-02": K, "11-04": K, "11-06": K,          # week 1: met
                     "11-09": K, "11-11": K, "11-13": K,          # week 2: met
                     "11-16": K, "11-18": K, "11-20": M,          # week 3: 2 of 3
                     "11-23": K})                                 # week 4: running
    jar, stats = cli_stats(ws, data)
    g = stats["Gym"]
    # Weeks 1–2 make a 2-week streak; week 3 fell short; week 4 is still open.
    assert (g["current_streak"], g["best_streak"], g["streak_unit"]) == (0, 2, "week")
    assert (g["kept"], g["missed"]) == (9, 1)
    assert jar["marbles"] == 7  # 9 kept days (at most 3 a week) minus 2 for the miss
    kept_days = {2, 4, 6, 9, 11, 13, 16, 18, 23}
    w: list[float | None] = [1.0 if n in kept_days else 0.0 for n in range(2, 24)]
    w.append(None)  # today, unrecorded, is still open: it changes nothing yet
    assert g["strength"] == pytest.approx(loop_strength(w, 3, 7), abs=1e-6)


def test_twice_a_month(folder: tuple[Workspace, Path]) -> None:
    ws, data = folder
    cid = add(ws, "Budget", "2/month", "08-01")
    record(ws, cid, {"08-05": K, "08-20": K, "09-10": K, "10-03": K, "10-15": K, "10-28": K,
                     "11-02": K})
    jar, stats = cli_stats(ws, data)
    b = stats["Budget"]
    # August met; September 1 of 2 (ends it); October met; November still running.
    assert (b["current_streak"], b["best_streak"], b["streak_unit"]) == (1, 1, "month")
    assert b["kept"] == 7
    assert jar["marbles"] == 6  # Aug 2, Sep 1, Oct 2 (at most 2 a month), Nov 1


def test_once(folder: tuple[Workspace, Path]) -> None:
    ws, data = folder
    dentist = add(ws, "Call the dentist", "once:2026-11-20", "11-15")
    letter = add(ws, "Post the letter", "once:2026-11-21", "11-15")
    record(ws, dentist, {"11-20": K})
    record(ws, letter, {"11-21": M})
    ws.reflections.write(ReflectionDraft(d("11-21"), letter, happened="Post office closed."))
    jar, stats = cli_stats(ws, data)
    assert stats["Call the dentist"]["strength"] == 1.0
    assert stats["Call the dentist"]["current_streak"] == 1
    assert stats["Post the letter"]["strength"] == 0.5  # a repaired miss counts half
    assert stats["Post the letter"]["repaired"] == 1
    assert jar == {"marbles": 1, "gold": 1}


def test_a_pause_bridges_without_adding(folder: tuple[Workspace, Path]) -> None:
    ws, data = folder
    cid = add(ws, "Walk", "daily", "11-14")
    record(ws, cid, {"11-14": K, "11-15": K, "11-16": K, "11-17": K, "11-22": K, "11-23": K})
    run = make_runner(data)
    ws.close()
    run("pause", "Walk", "--from", "2026-11-18", "--to", "2026-11-21")
    ws2 = open_workspace(data, FixedClock(datetime(2026, 11, 24, 12, 0).astimezone()))
    jar, stats = cli_stats(ws2, data)
    walk = stats["Walk"]
    assert (walk["current_streak"], walk["best_streak"]) == (6, 6)
    assert walk["skipped"] == 0  # planned rest is not a recorded skip
    assert jar["marbles"] == 6
    w = [1, 1, 1, 1, None, None, None, None, 1, 1, None]  # today, unrecorded, still open
    assert walk["strength"] == pytest.approx(loop_strength(w, 1, 1), abs=1e-6)


def test_measurable_at_least_with_a_partly_kept_day(folder: tuple[Workspace, Path]) -> None:
    ws, data = folder
    cid = add(ws, "Read", "daily", "11-18", Target(10, "pages", Period.DAY))
    record(ws, cid, {"11-18": 12.0, "11-19": 10.0, "11-20": 5.0, "11-21": 15.0, "11-22": 0.0,
                     "11-23": 11.0})
    jar, stats = cli_stats(ws, data)
    r = stats["Read"]
    # 18–19 kept; the 20th partly kept ends the run; 21 kept; 22 (nothing) missed; 23 kept.
    assert (r["current_streak"], r["best_streak"]) == (1, 2)
    assert (r["kept"], r["missed"], r["partly"]) == (4, 1, 1)
    assert jar["marbles"] == 2  # 1 2 (partly: nothing) 3 1 2
    values = [12, 10, 5, 15, 0, 11]  # today, unrecorded, is still open: not scored yet
    assert r["strength"] == pytest.approx(loop_amount_strength(values, 10, 1), abs=1e-6)


def test_measurable_at_most(folder: tuple[Workspace, Path]) -> None:
    ws, data = folder
    cid = add(ws, "Coffee", "daily", "11-20", Target(2, "cups", Period.DAY, at_most=True))
    record(ws, cid, {"11-20": 1.0, "11-21": 3.0, "11-22": 2.0, "11-23": 0.0})
    jar, stats = cli_stats(ws, data)
    c = stats["Coffee"]
    assert (c["current_streak"], c["best_streak"]) == (2, 2)
    assert (c["kept"], c["missed"]) == (3, 1)
    assert jar["marbles"] == 2  # 1, then 3 cups: 0 (never below empty), 1, 2
    values = [1, 3, 2, 0]  # today, unrecorded, is still open: not scored yet
    assert c["strength"] == pytest.approx(
        loop_amount_strength(values, 2, 1, at_most=True), abs=1e-6)


def test_repaired_misses(folder: tuple[Workspace, Path]) -> None:
    ws, data = folder
    cid = add(ws, "Stretch", "daily", "11-20")
    record(ws, cid, {"11-20": K, "11-21": M, "11-22": K, "11-23": M})
    ws.reflections.write(ReflectionDraft(d("11-21"), cid, happened="Slept in.",
                                         next_step="Stretch before breakfast."))
    jar, stats = cli_stats(ws, data)
    s = stats["Stretch"]
    assert (s["kept"], s["missed"], s["repaired"]) == (2, 2, 1)
    assert (s["current_streak"], s["best_streak"]) == (0, 1)
    assert jar == {"marbles": 0, "gold": 1}  # 1, 1 (repaired), 2, 0
    assert s["strength"] == pytest.approx(loop_strength([1, 0.5, 1, 0, None], 1, 1), abs=1e-6)


@pytest.mark.parametrize(
    "now, expected",
    [("2026-11-25T01:30:00", "2026-11-24"),  # a night owl's 01:30 is still "yesterday"
     ("2026-11-25T03:59:00", "2026-11-24"),
     ("2026-11-25T04:00:00", "2026-11-25"),
     ("2026-11-24T23:59:00", "2026-11-24")],
)
def test_day_start_at_four(tmp_path: Path, now: str, expected: str) -> None:
    import json

    run = make_runner(tmp_path / "data")
    run("add", "Walk", "--start", "2026-11-01", SELFTRUST_NOW=now)
    run("check", "Walk", SELFTRUST_NOW=now)
    listing = json.loads(run("list", "--json", "--day", expected).stdout)
    assert listing["items"][0]["status"] == "kept"
    assert json.loads(run("list", "--json", SELFTRUST_NOW=now).stdout)["day"] == expected


