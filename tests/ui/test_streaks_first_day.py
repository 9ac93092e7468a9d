"""Streaks' words for a promise whose first day has not come: a promise for tomorrow
"Starts tomorrow" (it said "First day"); "First day" is kept for a first day that is due."""

from __future__ import annotations

from datetime import date

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.domain.schedule import Schedule, parse_schedule
from selftrust.services import calendar
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.next_step import promise_for_tomorrow
from selftrust.services.workspace import Workspace
from selftrust.ui.streaks.list_model import second_line
from selftrust.ui.streaks.words import warm_line

TODAY = date(2026, 11, 24)


def test_a_promise_for_tomorrow_starts_tomorrow(ws: Workspace) -> None:
    row = promise_for_tomorrow(ws, "Book on pillow.")
    d = calendar.details(ws, row.id)
    assert second_line(d) == "Starts tomorrow"
    assert warm_line(d) == "This promise begins tomorrow, Wednesday, 25 November 2026."


def test_a_later_one_off_names_its_day(ws: Workspace) -> None:
    rules = Rules(schedule=Schedule.once(date(2026, 11, 27)))
    row = ws.commitments.create(CommitmentDraft("Dentist", rules))
    assert second_line(calendar.details(ws, row.id)) == "Starts Fri 27 Nov"


def test_a_weekday_promise_begun_on_an_off_day_starts_on_its_first_day(
        ws: Workspace) -> None:
    rules = Rules(schedule=parse_schedule("mon,wed,fri"))
    row = ws.commitments.create(CommitmentDraft("Stretch", rules))  # today, a Tuesday
    assert second_line(calendar.details(ws, row.id)) == "Starts tomorrow"


def test_a_first_day_that_is_due_is_still_the_first_day(ws: Workspace) -> None:
    row = ws.commitments.create(CommitmentDraft("Walk", Rules(parse_schedule("daily"))))
    assert second_line(calendar.details(ws, row.id)) == "First day"
    ws.checkins.record(row.id, TODAY, CheckinState(Status.KEPT))
    assert second_line(calendar.details(ws, row.id)) == "First day"
