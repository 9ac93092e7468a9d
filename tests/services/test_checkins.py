"""Check-ins through the services: persisted, validated, undoable."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.schedule import Schedule, parse_schedule
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import Invalid
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace, open_workspace

TODAY = date(2026, 11, 24)  # a Tuesday
KEPT = CheckinState(Status.KEPT)
MISSED = CheckinState(Status.MISSED)


def add(ws: Workspace, title: str = "Walk", schedule: str = "daily", **kw: object) -> int:
    rules = Rules(schedule=parse_schedule(schedule), target=kw.pop("target", None))  # type: ignore[arg-type]
    start = kw.pop("start", TODAY - timedelta(days=30))
    return ws.commitments.create(CommitmentDraft(title, rules, created_on=start)).id  # type: ignore[arg-type]


def test_a_check_off_persists_across_reopening(ws: Workspace, data_dir: Path,
                                              clock: FixedClock) -> None:
    cid = add(ws)
    ws.checkins.record(cid, TODAY, CheckinState(Status.KEPT, note="Lovely morning"))
    ws.close()
    again = open_workspace(data_dir, clock)
    try:
        stored = again.checkins.get(cid, TODAY)
        assert stored is not None
        assert stored.state == CheckinState(Status.KEPT, None, "Lovely morning")
        assert again.dashboard.day(TODAY)[0].status is Status.KEPT
    finally:
        again.close()


def test_a_day_that_has_not_come_cannot_be_checked(ws: Workspace) -> None:
    cid = add(ws)
    with pytest.raises(Invalid, match="has not come yet"):
        ws.checkins.record(cid, TODAY + timedelta(days=1), KEPT)


def test_a_day_the_schedule_does_not_ask_for_is_refused(ws: Workspace) -> None:
    cid = add(ws, schedule="mon,wed,fri")
    with pytest.raises(Invalid, match="not due"):
        ws.checkins.record(cid, TODAY, KEPT)  # a Tuesday


def test_a_measurable_commitment_needs_an_amount(ws: Workspace) -> None:
    cid = add(ws, title="Read", target=Target(10, "pages", Period.DAY))
    with pytest.raises(Invalid, match="how much"):
        ws.checkins.record(cid, TODAY, KEPT)
    ws.checkins.record(cid, TODAY, CheckinState(Status.KEPT, 12.0))
    item = ws.dashboard.day(TODAY)[0]
    assert item.value == 12.0
    assert item.progress is not None and item.progress.met


def test_undo_and_redo_restore_exactly(ws: Workspace) -> None:
    cid = add(ws)
    first = ws.checkins.record(cid, TODAY, KEPT)
    second = ws.checkins.record(cid, TODAY, MISSED)
    ws.checkins.revert(second)
    assert ws.checkins.get(cid, TODAY).state.status is Status.KEPT  # type: ignore[union-attr]
    ws.checkins.revert(first)
    assert ws.checkins.get(cid, TODAY) is None
    ws.checkins.reapply(first)
    ws.checkins.reapply(second)
    assert ws.checkins.get(cid, TODAY).state.status is Status.MISSED  # type: ignore[union-attr]


def test_undoing_a_clear_keeps_the_repair(ws: Workspace) -> None:
    cid = add(ws)
    yesterday = TODAY - timedelta(days=1)
    ws.checkins.record(cid, yesterday, MISSED)
    ws.reflections.write(ReflectionDraft(yesterday, cid, happened="Too tired."))
    assert ws.stats.report(TODAY).items[0].summary.counts.repaired == 1
    cleared = ws.checkins.record(cid, yesterday, None)
    assert ws.stats.report(TODAY).items[0].summary.counts.repaired == 0
    ws.checkins.revert(cleared)
    assert ws.stats.report(TODAY).items[0].summary.counts.repaired == 1


def test_streak_counts_across_a_skip(ws: Workspace) -> None:
    cid = add(ws, start=TODAY - timedelta(days=5))
    for back, state in [(5, KEPT), (4, KEPT), (3, CheckinState(Status.SKIPPED)), (2, KEPT),
                        (1, KEPT)]:
        ws.checkins.record(cid, TODAY - timedelta(days=back), state)
    item = ws.dashboard.day(TODAY)[0]
    assert item.current_streak == 4  # today still open; the skip bridges


def test_per_week_progress_and_list_of_due_items(ws: Workspace) -> None:
    gym = add(ws, title="Gym", schedule="3/week")
    add(ws, title="Journal", schedule="mon,wed,fri")
    ws.checkins.record(gym, TODAY - timedelta(days=1), KEPT)  # Monday
    items = ws.dashboard.day(TODAY)
    assert [i.title for i in items] == ["Gym"]
    assert items[0].progress is not None
    assert (items[0].progress.done, items[0].progress.needed) == (1, 3)
    assert items[0].progress.span == "this week"


def test_archived_commitments_keep_history_but_leave_today(ws: Workspace) -> None:
    cid = add(ws)
    ws.checkins.record(cid, TODAY - timedelta(days=1), KEPT)
    ws.commitments.archive(cid)
    assert ws.dashboard.day(TODAY + timedelta(days=1)) == []
    assert ws.stats.report(TODAY).jar.marbles == 1
    ws.commitments.restore(cid)
    assert ws.checkins.get(cid, TODAY - timedelta(days=1)) is not None


def test_delete_and_undo_bring_back_checkins_and_repairs(ws: Workspace) -> None:
    cid = add(ws)
    yesterday = TODAY - timedelta(days=1)
    ws.checkins.record(cid, yesterday, MISSED)
    ws.checkins.record(cid, TODAY, KEPT)
    ws.reflections.write(ReflectionDraft(yesterday, cid, happened="Rain."))
    snapshot = ws.commitments.delete(cid)
    assert ws.commitments.all() == []
    assert len(ws.reflections.search()) == 1  # the writing is never deleted with it
    ws.commitments.undelete(snapshot)
    counts = ws.stats.report(TODAY).items[0].summary.counts
    assert (counts.kept, counts.missed, counts.repaired) == (1, 1, 1)


def test_reorder_persists(ws: Workspace, data_dir: Path, clock: FixedClock) -> None:
    a, b, c = add(ws, "A"), add(ws, "B"), add(ws, "C")
    ws.commitments.reorder([c, a, b])
    ws.close()
    again = open_workspace(data_dir, clock)
    try:
        assert [x.title for x in again.commitments.all()] == ["C", "A", "B"]
    finally:
        again.close()


@pytest.mark.parametrize(
    "title, message",
    [("", "Give your commitment a title"), ("   ", "Give your commitment a title"),
     ("x" * 121, "120 characters"), ("two\nlines", "one line"), ("bell\x07", "control")],
)
def test_bad_titles_are_refused_kindly(ws: Workspace, title: str, message: str) -> None:
    with pytest.raises(Invalid, match=message):
        ws.commitments.create(CommitmentDraft(title, Rules(Schedule.daily())))
    assert ws.commitments.all() == []


def test_pauses_count_as_skips(ws: Workspace) -> None:
    from selftrust.domain.commitment import Pause

    cid = add(ws, start=TODAY - timedelta(days=6))
    for back in (6, 5, 1):
        ws.checkins.record(cid, TODAY - timedelta(days=back), KEPT)
    ws.commitments.set_pauses(cid, [Pause(TODAY - timedelta(days=4), TODAY - timedelta(days=2))])
    summary = ws.stats.report(TODAY).items[0].summary
    assert summary.current_streak == 3
    assert summary.counts.skipped == 0  # pauses are not check-ins


def test_undo_of_a_delete_survives_a_newer_commitment(ws: Workspace) -> None:
    """Ids are never reused, so the deleted row can come back under its own id."""
    cid = add(ws, "Walk")
    ws.checkins.record(cid, TODAY, KEPT)
    snapshot = ws.commitments.delete(cid)
    newer = add(ws, "Read")
    assert newer != cid
    ws.commitments.undelete(snapshot)
    assert {c.title for c in ws.commitments.all()} == {"Walk", "Read"}
    assert ws.checkins.get(cid, TODAY) is not None
