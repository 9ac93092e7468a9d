"""Today's header on a day to come: planned rest is not counted as waiting."""

from __future__ import annotations

from datetime import date

from selftrust.domain.commitment import Pause, Rules
from selftrust.domain.schedule import parse_schedule
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.workspace import Workspace
from selftrust.ui.today.row_text import summary_line


def bed(ws: Workspace) -> None:
    rules = Rules(schedule=parse_schedule("daily"))
    cid = ws.commitments.create(
        CommitmentDraft("In bed by 23:00", rules, created_on=date(2026, 11, 1))).id
    ws.commitments.set_pauses(cid, [Pause(date(2026, 11, 26), date(2026, 12, 2))])


def test_the_header_does_not_count_planned_rest_as_waiting(ws: Workspace) -> None:
    bed(ws)
    day = date(2026, 11, 27)
    items = ws.dashboard.day(day)
    assert summary_line(items, day, ws.today()) == "A day of rest"
    rules = Rules(schedule=parse_schedule("daily"))
    ws.commitments.create(CommitmentDraft("Walk", rules, created_on=date(2026, 11, 1)))
    items = ws.dashboard.day(day)
    assert summary_line(items, day, ws.today()) == "1 promise waiting for that day · 1 resting"
