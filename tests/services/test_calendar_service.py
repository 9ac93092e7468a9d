"""The Streaks view's data: day states, streak details and best runs, read from the ledger."""

from __future__ import annotations

from datetime import date, timedelta

from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.occasions import DayState
from selftrust.domain.schedule import parse_schedule
from selftrust.services import calendar
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace

TODAY = date(2026, 11, 24)  # a Tuesday
KEPT = CheckinState(Status.KEPT)
MISSED = CheckinState(Status.MISSED)
SKIPPED = CheckinState(Status.SKIPPED)


def day(n: int) -> date:
    """``n`` days before today."""
    return TODAY - timedelta(days=n)


def add(ws: Workspace, title: str = "Walk", schedule: str = "daily", start: int = 10,
        target: Target | None = None) -> int:
    rules = Rules(schedule=parse_schedule(schedule), target=target)
    return ws.commitments.create(CommitmentDraft(title, rules, created_on=day(start))).id


def test_every_state_of_a_day_is_told_apart(ws: Workspace) -> None:
    cid = add(ws)
    ws.checkins.record(cid, day(9), KEPT)
    ws.checkins.record(cid, day(8), MISSED)
    ws.checkins.record(cid, day(7), MISSED)
    ws.reflections.write(ReflectionDraft(day(7), cid, happened="Too tired"))
    ws.checkins.record(cid, day(6), SKIPPED)
    ws.commitments.set_pauses(cid, [Pause(day(4), day(3))])
    # day(5), day(2), day(1) and day(10) are left unmarked; today is still open.
    states = {d: i.state for d, i in calendar.day_states(ws, cid).items()}
    assert states[day(10)] is DayState.UNMARKED
    assert states[day(9)] is DayState.KEPT
    assert states[day(8)] is DayState.MISSED
    assert states[day(7)] is DayState.REPAIRED
    assert states[day(6)] is DayState.SKIPPED
    assert states[day(5)] is DayState.UNMARKED
    assert states[day(4)] is DayState.PAUSED
    assert states[day(3)] is DayState.PAUSED
    assert states[TODAY] is DayState.OPEN
    assert calendar.day_states(ws, cid)[day(7)].repaired
    assert not calendar.day_states(ws, cid)[day(8)].repaired


def test_days_outside_the_history_have_no_state(ws: Workspace) -> None:
    cid = add(ws, start=3)
    infos = calendar.day_states(ws, cid, day(30), TODAY + timedelta(days=30))
    assert min(infos) == day(3)
    assert max(infos) == TODAY
    assert calendar.day_states(ws, cid, TODAY + timedelta(days=1), TODAY + timedelta(days=9)) == {}


def test_days_a_weekday_schedule_does_not_ask_for_are_not_due(ws: Workspace) -> None:
    cid = add(ws, schedule="mon,wed,fri", start=14)
    states = calendar.day_states(ws, cid, day(7), day(1))
    assert states[date(2026, 11, 17)].state is DayState.NOT_DUE  # a Tuesday
    assert states[date(2026, 11, 18)].state is DayState.UNMARKED  # a Wednesday, nothing said


def test_a_flexible_schedule_leaves_unrecorded_days_open(ws: Workspace) -> None:
    cid = add(ws, schedule="3/week", start=14)
    ws.checkins.record(cid, day(2), KEPT)
    states = calendar.day_states(ws, cid)
    assert states[day(1)].state is DayState.OPEN
    assert states[day(2)].state is DayState.KEPT


def test_amounts_and_partly_kept_days(ws: Workspace) -> None:
    cid = add(ws, "Read", target=Target(10, "pages", Period.DAY))
    ws.checkins.record(cid, day(2), CheckinState(Status.KEPT, 12))
    ws.checkins.record(cid, day(1), CheckinState(Status.KEPT, 4))
    infos = calendar.day_states(ws, cid)
    assert (infos[day(2)].state, infos[day(2)].value) == (DayState.KEPT, 12)
    assert (infos[day(1)].state, infos[day(1)].value) == (DayState.PARTLY, 4)


def test_notes_come_with_the_days_asked_for(ws: Workspace) -> None:
    cid = add(ws)
    ws.checkins.record(cid, day(2), CheckinState(Status.KEPT, note="<b>sunny</b> & calm"))
    ws.checkins.record(cid, day(1), KEPT)
    assert calendar.day_states(ws, cid)[day(2)].note == "<b>sunny</b> & calm"
    assert calendar.day_states(ws, cid, with_notes=False)[day(2)].note == ""
    assert calendar.notes(ws, cid, day(5), TODAY) == {day(2): "<b>sunny</b> & calm"}
    info = calendar.day_info(ws, cid, day(2))
    assert info is not None and info.note == "<b>sunny</b> & calm"


def test_a_check_in_shows_at_once(ws: Workspace) -> None:
    cid = add(ws)
    assert calendar.day_states(ws, cid)[day(1)].state is DayState.UNMARKED
    ws.checkins.record(cid, day(1), KEPT)
    assert calendar.day_states(ws, cid)[day(1)].state is DayState.KEPT
    ws.checkins.record(cid, day(1), None)
    assert calendar.day_states(ws, cid)[day(1)].state is DayState.UNMARKED


def test_a_reflection_repairs_the_day_in_the_calendar(ws: Workspace) -> None:
    cid = add(ws)
    ws.checkins.record(cid, day(1), MISSED)
    assert calendar.day_states(ws, cid)[day(1)].state is DayState.MISSED
    ws.reflections.write(ReflectionDraft(day(1), cid, happened="I stayed late at work"))
    assert calendar.day_states(ws, cid)[day(1)].state is DayState.REPAIRED


def test_an_archived_commitment_stops_on_its_archive_day(ws: Workspace) -> None:
    cid = add(ws)
    for n in (9, 8, 7):
        ws.checkins.record(cid, day(n), KEPT)
    ws.commitments.archive(cid, day(6))
    infos = calendar.day_states(ws, cid)
    assert max(infos) == day(6)
    assert infos[day(6)].state is DayState.OPEN  # its last day, nothing owed
    d = calendar.details(ws, cid)
    assert d.end == day(6)
    assert d.current is not None and d.current.length == 3
    assert calendar.overview(ws) == []
    assert [x.commitment.id for x in calendar.overview(ws, include_archived=True)] == [cid]


def test_streak_details_name_the_current_and_the_longest_run(ws: Workspace) -> None:
    cid = add(ws)
    for n in (10, 9, 8, 7):
        ws.checkins.record(cid, day(n), KEPT)
    ws.checkins.record(cid, day(6), MISSED)
    for n in (5, 4, 3, 2, 1):
        ws.checkins.record(cid, day(n), KEPT)
    d = calendar.details(ws, cid)
    assert d.begun and not d.first_day
    assert d.current is not None
    assert (d.current.start, d.current.end, d.current.length) == (day(5), day(1), 5)
    assert d.best == d.current
    assert d.unit == "day"
    assert d.summary is not None and d.summary.counts.missed == 1


def test_a_commitment_started_today_is_on_its_first_day(ws: Workspace) -> None:
    cid = add(ws, start=0)
    d = calendar.details(ws, cid)
    assert d.first_day
    assert d.current is None and d.best is None


def test_a_commitment_that_starts_later_has_not_begun(ws: Workspace) -> None:
    cid = add(ws, start=-3)
    d = calendar.details(ws, cid)
    assert not d.begun and d.summary is None
    assert calendar.day_states(ws, cid) == {}


def test_weekly_streaks_count_weeks(ws: Workspace) -> None:
    cid = add(ws, "Gym", "2/week", start=40)
    monday = date(2026, 10, 19)
    for week in range(5):
        ws.checkins.record(cid, monday + timedelta(days=7 * week), KEPT)
        ws.checkins.record(cid, monday + timedelta(days=7 * week + 2), KEPT)
    d = calendar.details(ws, cid)
    assert d.unit == "week"
    assert d.current is not None and d.current.length == 5


def test_best_streaks_of_one_commitment_longest_first(ws: Workspace) -> None:
    cid = add(ws, start=20)
    for n in (20, 19):
        ws.checkins.record(cid, day(n), KEPT)
    ws.checkins.record(cid, day(18), MISSED)
    for n in (17, 16, 15, 14):
        ws.checkins.record(cid, day(n), KEPT)
    ws.checkins.record(cid, day(13), MISSED)
    for n in (3, 2, 1):
        ws.checkins.record(cid, day(n), KEPT)
    best = calendar.best_streaks(ws, commitment_id=cid)
    assert [r.streak.length for r in best] == [4, 3, 2]
    assert [r.running for r in best] == [False, True, False]
    assert best[0].streak.start == day(17) and best[0].streak.end == day(14)


def test_best_streaks_across_commitments(ws: Workspace) -> None:
    walk = add(ws, "Walk", start=10)
    read = add(ws, "Read", start=10)
    for n in (6, 5, 4, 3, 2, 1):
        ws.checkins.record(walk, day(n), KEPT)
    for n in (3, 2):
        ws.checkins.record(read, day(n), KEPT)
    best = calendar.best_streaks(ws, count=2)
    assert [(r.title, r.streak.length) for r in best] == [("Walk", 6), ("Read", 2)]
    assert best[0].color.startswith("#")
    ws.commitments.archive(walk)
    assert [r.title for r in calendar.best_streaks(ws)] == ["Read"]
    assert [r.title for r in calendar.best_streaks(ws, include_archived=True)][0] == "Walk"


def test_a_few_days_judged_alone_agree_with_the_whole_history(ws: Workspace) -> None:
    """After a check-in the view asks for one day; it must say what the whole would."""
    walk = add(ws, "Walk", start=40)
    read = add(ws, "Read", "mon,wed,fri", start=40, target=Target(10, "pages", Period.DAY))
    gym = add(ws, "Gym", "2/week", start=40)
    for n, state in ((30, KEPT), (29, MISSED), (28, SKIPPED), (20, MISSED), (1, KEPT)):
        ws.checkins.record(walk, day(n), state)
        ws.checkins.record(gym, day(n), state)
    ws.reflections.write(ReflectionDraft(day(20), walk, happened="Snow"))
    ws.commitments.set_pauses(walk, [Pause(day(12), day(10))])
    for n, amount in ((36, 12.0), (34, 3.0), (32, 0.0)):  # a Monday, Wednesday, Friday
        ws.checkins.record(read, day(n), CheckinState(Status.KEPT, amount))
    for cid in (walk, read, gym):
        whole = calendar.day_states(ws, cid, with_notes=False)
        for d, info in whole.items():
            assert calendar.day_states(ws, cid, d, d, with_notes=False) == {d: info}, d
        week = calendar.day_states(ws, cid, day(13), day(7), with_notes=False)
        assert week == {d: whole[d] for d in week}
