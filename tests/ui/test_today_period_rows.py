"""Rows of a weekly or monthly amount and of a resting commitment say where things stand."""

from __future__ import annotations

from datetime import date, timedelta

from today_support import TODAY, YESTERDAY, add

from selftrust.domain.commitment import Pause, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.occasions import DayState
from selftrust.services.checkins import CheckinState
from selftrust.services.workspace import Workspace
from selftrust.ui.today import row_text


def km_a_week(amount: float = 10) -> Target:
    return Target(amount, "km", Period.WEEK)


def _items(ws: Workspace, day: date = TODAY) -> dict[str, object]:
    return {i.title: i for i in ws.dashboard.day(day)}


def test_a_week_on_the_way_to_its_target_is_open_not_kept(ws: Workspace) -> None:
    run = add(ws, "Run", target=km_a_week(10))
    ws.checkins.record(run.id, YESTERDAY, CheckinState(Status.KEPT, 5))
    item = _items(ws)["Run"]
    assert item.state is DayState.OPEN
    assert row_text.progress_text(item) == "5 of 10 km this week"
    assert row_text.status_words(item) == ""
    assert row_text.summary_line([item], TODAY, TODAY) == "0 of 1 kept today"
    # Monday itself, its 5 km recorded, reads as on the way too.
    monday = _items(ws, YESTERDAY)["Run"]
    assert monday.state is DayState.OPEN
    assert row_text.status_words(monday) == "on the way"


def test_the_week_is_kept_once_the_target_is_reached(ws: Workspace) -> None:
    run = add(ws, "Run", target=km_a_week(10))
    ws.checkins.record(run.id, YESTERDAY, CheckinState(Status.KEPT, 5))
    ws.checkins.record(run.id, TODAY, CheckinState(Status.KEPT, 6))
    item = _items(ws)["Run"]
    assert item.state is DayState.KEPT
    assert row_text.status_words(item) == "kept"
    assert row_text.progress_text(item) == "done this week (11 km)"


def test_a_short_first_week_says_why_it_asks_less(ws: Workspace) -> None:
    # Begun on Friday 20 November: that week had 3 of its 7 days, so it asks 3/7 of 14.
    start = date(2026, 11, 20)
    run = add(ws, "Run", target=km_a_week(14), start=start)
    ws.checkins.record(run.id, start, CheckinState(Status.KEPT, 2))
    item = _items(ws, start)["Run"]
    assert row_text.detail_parts(item)[1:3] == [
        "2 of 6 km that week", "a short first week: 3 of 7 days"]
    # A full week asks the whole target, and says nothing more.
    assert row_text.detail_parts(_items(ws)["Run"])[1:] == ["0 of 14 km this week"]


def test_a_resting_commitment_says_until_when(ws: Workspace) -> None:
    run = add(ws, "Run", target=km_a_week(10))
    walk = add(ws, "Walk")
    for c in (run, walk):
        ws.commitments.set_pauses(c.id, [Pause(TODAY - timedelta(days=1), date(2026, 11, 29))])
    items = _items(ws)
    for title in ("Run", "Walk"):
        parts = row_text.detail_parts(items[title])
        assert "Resting until Sunday 29 November" in parts, parts
        assert not any("0 of 0" in p for p in parts)


def test_planned_rest_later_in_the_week_says_why_it_asks_less(ws: Workspace) -> None:
    run = add(ws, "Run", target=km_a_week(14))
    ws.commitments.set_pauses(run.id, [Pause(date(2026, 11, 25), date(2026, 11, 29))])
    parts = row_text.detail_parts(_items(ws)["Run"])
    assert parts[1:3] == ["0 of 4 km this week", "rest days ask less"]


def test_a_day_of_a_finished_week_reads_as_that_week_ended(ws: Workspace) -> None:
    run = add(ws, "Run", target=km_a_week(10))
    monday, wednesday = date(2026, 11, 16), date(2026, 11, 18)
    ws.checkins.record(run.id, monday, CheckinState(Status.KEPT, 5))
    item = _items(ws, monday)["Run"]
    assert item.state is DayState.PARTLY
    assert row_text.status_words(item) == "partly kept"
    assert row_text.progress_text(item) == "5 of 10 km that week"
    # Back-filling Wednesday completes the week, and Monday says so too.
    ws.checkins.record(run.id, wednesday, CheckinState(Status.KEPT, 6))
    item = _items(ws, monday)["Run"]
    assert item.state is DayState.KEPT
    assert row_text.progress_text(item) == "done that week (11 km)"
    # The glance at start-up agrees.
    ws.ledger.loaded = False
    glance = {i.title: i for i in ws.dashboard.glance(monday, small=0)}
    assert glance["Run"].state is DayState.KEPT


def test_a_week_done_more_often_than_asked_says_it_as_a_person_would(ws: Workspace) -> None:
    """Not "2 of 1 this week": the week is done, and how often."""
    call = add(ws, "Call Mum", "1/week")
    gym = add(ws, "Gym", "3/week")
    for day in (YESTERDAY, TODAY):
        ws.checkins.record(call.id, day, CheckinState(Status.KEPT))
        ws.checkins.record(gym.id, day, CheckinState(Status.KEPT))
    items = _items(ws)
    assert row_text.detail_parts(items["Call Mum"])[:2] == [
        "Once a week", "done this week (2 times)"]
    assert row_text.progress_text(items["Gym"]) == "2 of 3 this week"  # not there yet
    ws.checkins.record(call.id, YESTERDAY, None)
    assert row_text.progress_text(_items(ws)["Call Mum"]) == "1 of 1 this week"


def test_a_monthly_limit_passed_says_the_limit(ws: Workspace) -> None:
    coffee = add(ws, "Coffee", target=Target(10, "cups", Period.MONTH, at_most=True))
    ws.checkins.record(coffee.id, TODAY, CheckinState(Status.KEPT, 12))
    item = _items(ws)["Coffee"]
    assert row_text.progress_text(item) == "12 cups this month (limit 10)"
    assert row_text.status_words(item) == "over the limit"
