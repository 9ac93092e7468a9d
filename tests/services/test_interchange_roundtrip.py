"""Export, import into an empty folder, export again: the same bytes, nothing lost."""

from __future__ import annotations

import json
import tempfile
from datetime import time, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.reminder import Reminder
from selftrust.domain.schedule import parse_schedule
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.demo import generate
from selftrust.services.interchange import export_file, import_file
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace
from tests.services.interchange_helpers import NOON, TODAY, fill, workspace, zip_texts


def round_trip(ws: Workspace, clock: FixedClock, tmp: Path, suffix: str) -> tuple[Path, Path]:
    first, second = tmp / f"first.{suffix}", tmp / f"second.{suffix}"
    export_file(ws, first)
    with workspace(tmp / f"copy-{suffix}", clock) as copy:
        summary = import_file(copy, first)
        assert summary.changed
        export_file(copy, second)
    return first, second


@pytest.mark.parametrize("suffix", ["json", "zip"])
def test_round_trip_of_hand_made_data_is_identical(
    ws: Workspace, clock: FixedClock, tmp_path: Path, suffix: str
) -> None:
    fill(ws)
    first, second = round_trip(ws, clock, tmp_path, suffix)
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("suffix", ["json", "zip"])
def test_round_trip_of_demo_data_keeps_every_figure(
    ws: Workspace, clock: FixedClock, tmp_path: Path, suffix: str
) -> None:
    generate(ws, years=1, commitments=8, seed=3)
    first, second = round_trip(ws, clock, tmp_path, suffix)
    assert first.read_bytes() == second.read_bytes()
    with workspace(tmp_path / f"copy-{suffix}", clock) as copy:
        assert copy.stats.report(TODAY).to_json() == ws.stats.report(TODAY).to_json()
        assert copy.settings.welcomed


def test_the_json_says_what_it_is(ws: Workspace, tmp_path: Path) -> None:
    fill(ws)
    export_file(ws, tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert data["format"] == "selftrust" and data["version"] == 1
    assert set(data) == {"format", "version", "settings", "commitments", "checkins",
                         "reflections"}
    gym = next(c for c in data["commitments"] if c["title"] == "Gym")
    assert gym["schedule"]["kind"] == "per_week" and gym["schedule"]["times"] == 3
    assert gym["pauses"] == [{"first": "2026-10-25", "last": "2026-10-29"}]
    repaired = [r for r in data["reflections"] if r["repairs"]]
    assert len(repaired) == 3
    assert "auto_export_folder" not in data["settings"]


def test_csv_zip_has_one_file_per_table(ws: Workspace, tmp_path: Path) -> None:
    fill(ws)
    export_file(ws, tmp_path / "all.zip")
    texts = zip_texts(tmp_path / "all.zip")
    assert set(texts) == {"format.csv", "settings.csv", "commitments.csv", "pauses.csv",
                          "checkins.csv", "reflections.csv"}
    assert texts["checkins.csv"].splitlines()[0] == (
        "commitment_uid,day,status,value,note,recorded_at")
    assert ",2026-10-15,kept," in texts["checkins.csv"]  # ISO dates


# --- hypothesis: odd text everywhere ----------------------------------------------------

ODD = st.sampled_from([
    "=", "+", "-", "@", "'", '"', ",", ";", "\n", "\t", " ", "é", "ß", "日本", "🌱", "💛",
    "👩‍👩‍👧", "שלום", "مرحبا", "\u200f", "\u202e", "a", "Z", "0", "\\", "/", "{", "}", "[",
])
TEXT = st.lists(ODD, min_size=1, max_size=12).map("".join)
TITLE = TEXT.map(lambda t: " ".join(t.split())).filter(bool).map(lambda t: t[:120])
REMINDER = st.none() | st.builds(
    Reminder, st.builds(time, st.integers(0, 23), st.integers(0, 59)), st.integers(1, 127))


@st.composite
def life(draw: st.DrawFn) -> dict[str, object]:
    # one title, one commitment: titles differ by more than case and outer spaces
    titles = draw(st.lists(TITLE, min_size=1, max_size=4,
                           unique_by=lambda t: t.strip().casefold()))
    return {
        "commitments": [
            {"title": t, "why": draw(TEXT), "measurable": draw(st.booleans()),
             "schedule": draw(st.sampled_from(["daily", "mon,thu", "2/week", "3/month",
                                               "2/5days"])),
             "reminder": draw(REMINDER),
             "days": draw(st.lists(st.tuples(st.integers(0, 20),
                                             st.sampled_from(list(Status)), TEXT,
                                             st.floats(0, 1000, allow_nan=False)),
                                   max_size=8))}
            for t in titles
        ],
        "reflections": draw(st.lists(st.tuples(TEXT, TEXT, st.integers(0, 20)), max_size=3)),
    }


def build(ws: Workspace, plan: dict[str, object]) -> None:
    start = TODAY - timedelta(days=25)
    for c in plan["commitments"]:  # type: ignore[attr-defined]
        schedule = parse_schedule(c["schedule"])
        target = Target(5, "km", Period.DAY) if c["measurable"] else None
        if target is not None:
            schedule = parse_schedule("daily")
        row = ws.commitments.create(CommitmentDraft(
            c["title"], Rules(schedule=schedule, target=target), why=c["why"],
            created_on=start, reminder=c["reminder"]))
        for offset, status, note, value in c["days"]:
            day = start + timedelta(days=offset)
            if not schedule.is_occasion(day):
                continue
            amount = round(value, 3) if target is not None and status is Status.KEPT else None
            ws.checkins.record(row.id, day, CheckinState(status, amount, note))
    rows = ws.commitments.all()
    for happened, learned, offset in plan["reflections"]:  # type: ignore[attr-defined]
        if happened.strip() or learned.strip():
            ws.reflections.write(ReflectionDraft(
                day=start + timedelta(days=offset), commitment_id=rows[offset % len(rows)].id,
                happened=happened, learned=learned))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=life(), suffix=st.sampled_from(["json", "zip"]))
def test_round_trip_with_odd_text(plan: dict[str, object], suffix: str) -> None:
    clock = FixedClock(NOON)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        with workspace(tmp / "data", clock) as ws:
            build(ws, plan)
            first, second = round_trip(ws, clock, tmp, suffix)
            wanted = [c["reminder"] for c in plan["commitments"]]  # type: ignore[attr-defined]
            assert [c.reminder for c in ws.commitments.all()] == wanted
        assert first.read_bytes() == second.read_bytes()
        with workspace(tmp / f"copy-{suffix}", clock) as copy:
            assert [c.reminder for c in copy.commitments.all()] == wanted


def test_a_spreadsheet_finds_no_formula_in_the_csv(ws: Workspace, tmp_path: Path) -> None:
    import csv
    import io

    from selftrust.interchange.native_csv import FORMULA_STARTS

    fill(ws)  # notes "=1+1", "-minus", "+plus", "@at", "'quoted"; "=I chose the sofa"
    export_file(ws, tmp_path / "all.zip")
    cells = [
        cell
        for text in zip_texts(tmp_path / "all.zip").values()
        for row in csv.reader(io.StringIO(text, newline=""))
        for cell in row
    ]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    for written in ("'=1+1", "'-minus", "'+plus", "'@at", "''quoted", "'=I chose the sofa"):
        assert written in cells
