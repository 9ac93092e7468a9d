"""A pause planned ahead reads as rest on the days it covers, before they come too."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from selftrust.cli import main
from selftrust.domain.commitment import Pause, Rules
from selftrust.domain.occasions import DayState
from selftrust.domain.schedule import parse_schedule
from selftrust.services import calendar
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.workspace import Workspace

PAUSE = Pause(date(2026, 11, 26), date(2026, 12, 2))


def bed(ws: Workspace) -> int:
    rules = Rules(schedule=parse_schedule("daily"))
    cid = ws.commitments.create(
        CommitmentDraft("In bed by 23:00", rules, created_on=date(2026, 11, 1))).id
    ws.commitments.set_pauses(cid, [PAUSE])
    return cid


def state_on(items: list, day: date) -> DayState:  # type: ignore[type-arg]
    (item,) = [i for i in items if i.title == "In bed by 23:00"]
    return item.state


def test_today_shows_a_future_paused_day_as_resting(ws: Workspace) -> None:
    bed(ws)
    for day in (date(2026, 11, 26), date(2026, 11, 27), date(2026, 12, 2)):
        assert state_on(ws.dashboard.day(day), day) is DayState.PAUSED
    assert state_on(ws.dashboard.day(date(2026, 11, 25)), date(2026, 11, 25)) is DayState.OPEN
    assert state_on(ws.dashboard.day(date(2026, 12, 3)), date(2026, 12, 3)) is DayState.OPEN


def test_the_start_up_glance_agrees(ws: Workspace) -> None:
    bed(ws)
    day = date(2026, 11, 27)
    assert state_on(ws.dashboard.glance(day, small=-1), day) is DayState.PAUSED


def test_the_streaks_calendar_marks_the_planned_rest_after_today(ws: Workspace) -> None:
    cid = bed(ws)
    infos = calendar.day_states(ws, cid, with_notes=False)
    for n in range(26, 31):
        assert infos[date(2026, 11, n)].state is DayState.PAUSED
    assert infos[date(2026, 12, 2)].state is DayState.PAUSED
    assert date(2026, 11, 25) not in infos  # an ordinary day to come has no state yet
    assert calendar.day_info(ws, cid, date(2026, 11, 28)) is not None


def test_the_cli_lists_a_future_paused_day_as_resting(
        ws: Workspace, data_dir: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bed(ws)
    ws.close()
    monkeypatch.setenv("SELFTRUST_NOW", "2026-11-24T12:00")
    assert main(["--data-dir", str(data_dir), "list", "--day", "2026-11-27", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["items"][0]["state"] == "paused"
    assert main(["--data-dir", str(data_dir), "list", "--day", "2026-11-27"]) == 0
    text = capsys.readouterr().out
    assert "resting" in text and "open" not in text

