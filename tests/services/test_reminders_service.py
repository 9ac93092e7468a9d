"""Reminders with a fake clock: the right minute, once, only for open promises, and one
catch-up at most after the computer slept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.reminder import Reminder, ReminderError, parse_time
from selftrust.domain.schedule import parse_schedule
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import Invalid
from selftrust.services.reminders import Kind, Nudge, ReminderService, combine
from selftrust.services.workspace import Workspace, open_workspace

TODAY = date(2026, 11, 24)  # a Tuesday; the clock fixture starts at 12:00 local


def add(ws: Workspace, title: str, remind: str | None = None, schedule: str = "daily",
        days: int = 127, **kw: object) -> int:
    rules = Rules(schedule=parse_schedule(schedule), target=kw.pop("target", None))  # type: ignore[arg-type]
    reminder = Reminder.parse(remind, days) if remind else None
    draft = CommitmentDraft(title, rules, created_on=TODAY - timedelta(days=30), reminder=reminder)
    return ws.commitments.create(draft).id


def at(clock: FixedClock, hhmm: str, day: date = TODAY, second: int = 0) -> None:
    t = parse_time(hhmm)
    clock.moment = datetime.combine(day, t).replace(second=second).astimezone()


def run_until(service: ReminderService, clock: FixedClock, end: str,
              day: date = TODAY) -> list[tuple[str, list[Nudge]]]:
    """Tick minute by minute (as the UI's timer does) and collect what fired when."""
    fired = []
    stop = datetime.combine(day, parse_time(end)).astimezone()
    while clock.moment < stop:
        clock.advance(minutes=1)
        nudges = service.due()
        if nudges:
            fired.append((f"{clock.moment:%H:%M}", nudges))
    return fired


@pytest.fixture
def service(ws: Workspace) -> ReminderService:
    s = ReminderService(ws)
    s.start()
    return s


def keep(ws: Workspace, cid: int, status: Status = Status.KEPT, value: float | None = None
         ) -> None:
    ws.checkins.record(cid, TODAY, CheckinState(status, value))


# --- the right minute, once ------------------------------------------------------------


def test_a_reminder_fires_once_at_its_minute(ws: Workspace, clock: FixedClock,
                                             service: ReminderService) -> None:
    walk = add(ws, "Walk", "12:30")
    fired = run_until(service, clock, "14:00")
    assert [(when, [(n.kind, n.promises[0].commitment_id) for n in nudges])
            for when, nudges in fired] == [("12:30", [(Kind.COMMITMENT, walk)])]
    nudge = fired[0][1][0]
    assert nudge.title == "Walk" and "Still open today" in nudge.text
    assert nudge.at == datetime(2026, 11, 24, 12, 30)


def test_a_timer_a_little_late_still_counts_as_on_time(
        ws: Workspace, clock: FixedClock, service: ReminderService) -> None:
    add(ws, "Walk", "12:30")
    at(clock, "12:33", second=40)
    [nudge] = service.due()
    assert nudge.kind is Kind.COMMITMENT
    assert service.due() == []


def test_a_reminder_before_start_up_does_not_fire(ws: Workspace, clock: FixedClock) -> None:
    add(ws, "Walk", "11:00")
    service = ReminderService(ws)
    service.start()
    assert run_until(service, clock, "23:00") == []


def test_the_current_minute_at_start_up_still_fires(ws: Workspace, clock: FixedClock) -> None:
    add(ws, "Walk", "12:00")
    clock.advance(seconds=20)
    service = ReminderService(ws)
    assert [n.kind for n in service.due()] == [Kind.COMMITMENT]


def test_it_fires_again_the_next_day(ws: Workspace, clock: FixedClock,
                                     service: ReminderService) -> None:
    add(ws, "Walk", "12:30")
    assert len(run_until(service, clock, "12:30")) == 1
    assert [when for when, _ in run_until(service, clock, "12:31", TODAY + timedelta(days=1))] == [
        "12:30"]


def test_a_clock_set_back_does_not_fire_twice(ws: Workspace, clock: FixedClock,
                                              service: ReminderService) -> None:
    add(ws, "Walk", "12:30")
    assert len(run_until(service, clock, "12:31")) == 1
    at(clock, "12:20")
    assert run_until(service, clock, "12:40") == []


# --- only open promises ------------------------------------------------------------------


@pytest.mark.parametrize("status", [Status.KEPT, Status.SKIPPED, Status.MISSED])
def test_no_reminder_once_the_day_is_recorded(ws: Workspace, clock: FixedClock,
                                              service: ReminderService, status: Status) -> None:
    walk = add(ws, "Walk", "12:30")
    keep(ws, walk, status)
    assert run_until(service, clock, "13:00") == []


def test_no_reminder_on_a_day_it_is_not_due(ws: Workspace, clock: FixedClock,
                                            service: ReminderService) -> None:
    add(ws, "Gym", "12:30", schedule="mon,thu")
    add(ws, "Swim", "12:30", days=0b0000001)  # reminder on Mondays only
    assert run_until(service, clock, "13:00") == []


def test_no_reminder_while_paused_or_archived(ws: Workspace, clock: FixedClock,
                                             service: ReminderService) -> None:
    rest = add(ws, "Run", "12:30")
    ws.commitments.set_pauses(rest, [Pause(TODAY, TODAY + timedelta(days=3))])
    old = add(ws, "Old habit", "12:30")
    ws.commitments.archive(old, TODAY - timedelta(days=1))
    assert run_until(service, clock, "13:00") == []


def test_no_reminder_when_this_weeks_target_is_met(ws: Workspace, clock: FixedClock,
                                                   service: ReminderService) -> None:
    gym = add(ws, "Gym", "12:30", schedule="2/week")
    ws.checkins.record(gym, TODAY - timedelta(days=1), CheckinState(Status.KEPT))  # Monday
    assert service.is_open(ws.commitments.get(gym), TODAY)  # 1 of 2: still open
    ws.checkins.record(gym, TODAY, CheckinState(Status.KEPT))
    wednesday = TODAY + timedelta(days=1)
    at(clock, "12:00", wednesday)
    service.start()
    assert not service.is_open(ws.commitments.get(gym), wednesday)  # 2 of 2 this week
    assert run_until(service, clock, "13:00", wednesday) == []


def test_a_measurable_day_with_an_amount_is_not_open(ws: Workspace, clock: FixedClock,
                                                     service: ReminderService) -> None:
    read = add(ws, "Read", "12:30", target=Target(20, "pages", Period.DAY))
    keep(ws, read, Status.KEPT, 5)
    assert run_until(service, clock, "13:00") == []


def test_reminders_can_be_switched_off(ws: Workspace, clock: FixedClock,
                                       service: ReminderService) -> None:
    add(ws, "Walk", "12:30")
    ws.update_settings(replace(ws.settings, reminders_enabled=False))
    assert run_until(service, clock, "13:00") == []


# --- the daily summary -------------------------------------------------------------------


def test_the_summary_counts_what_is_still_open(ws: Workspace, clock: FixedClock,
                                               service: ReminderService) -> None:
    walk = add(ws, "Walk")
    add(ws, "Read")
    add(ws, "Stretch")
    keep(ws, walk)
    ws.update_settings(replace(ws.settings, summary_enabled=True, summary_time="20:00"))
    [(when, [nudge])] = run_until(service, clock, "23:00")
    assert when == "20:00" and nudge.kind is Kind.SUMMARY
    assert nudge.open_count == 2
    assert nudge.text.startswith("2 promises are still open today.")


def test_no_summary_when_everything_is_done(ws: Workspace, clock: FixedClock,
                                            service: ReminderService) -> None:
    keep(ws, add(ws, "Walk"))
    ws.update_settings(replace(ws.settings, summary_enabled=True, summary_time="20:00"))
    assert run_until(service, clock, "23:00") == []


def test_a_summary_time_must_be_a_time(ws: Workspace) -> None:
    with pytest.raises(Invalid):
        ws.update_settings(replace(ws.settings, summary_time="8pm"))


# --- sleep and wake-up -------------------------------------------------------------------


def test_one_catch_up_after_a_long_sleep(ws: Workspace, clock: FixedClock,
                                         service: ReminderService) -> None:
    walk = add(ws, "Walk", "13:00")
    read = add(ws, "Read", "15:00")
    stretch = add(ws, "Stretch", "16:00")
    call = add(ws, "Call mum", "22:00")  # still ahead, but the missed summary counts it
    keep(ws, stretch)
    ws.update_settings(replace(ws.settings, summary_enabled=True, summary_time="17:00"))
    at(clock, "19:00")  # the laptop slept from 12:00 to 19:00: no ticks in between
    [nudge] = service.due()
    assert nudge.kind is Kind.CATCH_UP
    assert [p.commitment_id for p in nudge.promises] == [walk, read, call]
    assert nudge.at == datetime(2026, 11, 24, 17, 0)
    assert nudge.text == "Still open today: Walk, Read, Call mum."
    later = run_until(service, clock, "23:00")
    assert [(when, [n.kind for n in ns]) for when, ns in later] == [
        ("22:00", [Kind.COMMITMENT])]


def test_the_catch_up_names_only_missed_reminders_still_open(
        ws: Workspace, clock: FixedClock, service: ReminderService) -> None:
    walk = add(ws, "Walk", "13:00")
    read = add(ws, "Read", "14:00")
    add(ws, "No reminder")
    keep(ws, read)
    at(clock, "18:00")
    [nudge] = service.due()
    assert nudge.kind is Kind.CATCH_UP
    assert [p.commitment_id for p in nudge.promises] == [walk]
    assert nudge.text == "Still open today: Walk."


def test_nothing_to_catch_up_when_all_was_kept(ws: Workspace, clock: FixedClock,
                                               service: ReminderService) -> None:
    keep(ws, add(ws, "Walk", "13:00"))
    at(clock, "18:00")
    assert service.due() == []


def test_a_night_asleep_drops_yesterdays_reminders(ws: Workspace, clock: FixedClock,
                                                   service: ReminderService) -> None:
    add(ws, "Walk", "09:00")
    add(ws, "Read", "21:00")
    tomorrow = TODAY + timedelta(days=1)
    at(clock, "10:30", tomorrow)  # slept from Tuesday 12:00 to Wednesday 10:30
    [nudge] = service.due()
    assert nudge.kind is Kind.CATCH_UP and nudge.day == tomorrow
    assert [p.title for p in nudge.promises] == ["Walk"]  # Tuesday's 21:00 is over


# --- the day start -----------------------------------------------------------------------


def test_a_small_hours_reminder_belongs_to_the_day_before(
        ws: Workspace, clock: FixedClock, service: ReminderService) -> None:
    add(ws, "Lights out", "01:30", days=0b0000010)  # Tuesdays only
    fired = run_until(service, clock, "02:00", TODAY + timedelta(days=1))
    [(when, [nudge])] = fired
    assert when == "01:30" and nudge.day == TODAY  # still Tuesday's day (starts 04:00)


# --- helpers -----------------------------------------------------------------------------


def test_several_at_once_read_as_one_message(ws: Workspace, clock: FixedClock,
                                             service: ReminderService) -> None:
    add(ws, "Walk", "12:30")
    add(ws, "Read", "12:30")
    [(_, nudges)] = run_until(service, clock, "13:00")
    assert len(nudges) == 2
    assert combine(nudges) == ("Your promises today", "Still open today: Walk, Read.")


def test_open_today_lists_what_the_tray_shows(ws: Workspace, service: ReminderService) -> None:
    walk = add(ws, "Walk")
    read = add(ws, "Read", target=Target(20, "pages", Period.DAY))
    add(ws, "Gym", schedule="mon,thu")
    keep(ws, add(ws, "Stretch"))
    opened = service.open_today()
    assert [(p.commitment_id, p.measurable) for p in opened] == [(walk, False), (read, True)]


@pytest.mark.parametrize("text", ["7.30", "24:00", "12:60", "noon", ""])
def test_a_reminder_time_is_hh_mm(text: str) -> None:
    with pytest.raises(ReminderError):
        parse_time(text)


def test_a_reminder_survives_editing_and_reopening(ws: Workspace, data_dir: Path,
                                                   clock: FixedClock) -> None:
    walk = add(ws, "Walk", "07:30", days=0b0011111)
    ws.commitments.update(walk, CommitmentDraft("Walk 30 minutes"))  # an editor without it
    assert ws.commitments.get(walk).reminder == Reminder(parse_time("07:30"), 0b0011111)
    before = ws.commitments.set_reminder(walk, None)
    assert ws.commitments.get(walk).reminder is None
    ws.commitments.put_back(before)  # undo
    snapshot = ws.commitments.delete(walk)
    ws.commitments.undelete(snapshot)
    ws.close()
    again = open_workspace(data_dir, clock)
    try:
        assert again.commitments.get(walk).reminder == Reminder(parse_time("07:30"), 0b0011111)
    finally:
        again.close()
