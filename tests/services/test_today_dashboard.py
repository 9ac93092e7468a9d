"""The dashboard's quick glance at a day agrees with the full day, and the ledger's
shared history never goes stale after a write."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from selftrust.domain.history import KEPT, Status
from selftrust.services.checkins import CheckinState
from selftrust.services.demo import generate
from selftrust.services.workspace import Workspace

TODAY = date(2026, 11, 24)


@pytest.fixture
def demo(ws: Workspace) -> Workspace:
    generate(ws, years=1, commitments=20, seed=11)
    return ws


def _without_figures(item):  # type: ignore[no-untyped-def]
    return replace(item, current_streak=0, best_streak=0, strength=0.0, progress=None,
                   figures=False)


@pytest.mark.parametrize("offset", [-200, -40, -7, -1, 0, 1, 5])
def test_a_glance_shows_what_the_full_day_shows(demo: Workspace, offset: int) -> None:
    day = TODAY + timedelta(days=offset)
    demo.ledger.loaded = False  # as at start-up, before the ledger is read
    glance = demo.dashboard.glance(day, small=0)
    assert all(not item.figures for item in glance)
    full = demo.dashboard.day(day)
    assert full and all(item.figures for item in full)
    assert [_without_figures(i) for i in full] == glance


def test_a_glance_after_loading_is_the_full_day(demo: Workspace) -> None:
    full = demo.dashboard.day(TODAY)
    assert demo.dashboard.glance(TODAY, small=0) == full


def test_a_small_ledger_is_simply_loaded(demo: Workspace) -> None:
    demo.ledger.loaded = False
    items = demo.dashboard.glance(TODAY, small=10**6)
    assert demo.ledger.loaded and all(item.figures for item in items)


def test_the_shared_history_follows_every_write(demo: Workspace) -> None:
    c = demo.commitments.find("Walk 20 minutes")
    before = demo.ledger.history(c.id, TODAY)
    assert demo.ledger.history(c.id, TODAY) is before  # shared while nothing changed
    demo.checkins.record(c.id, TODAY, CheckinState(Status.KEPT))
    after = demo.ledger.history(c.id, TODAY)
    assert after is not before
    assert after.codes[-1] == KEPT
    demo.checkins.record(c.id, TODAY, None)
    assert demo.ledger.history(c.id, TODAY).codes[-1] == 0
    item = next(i for i in demo.dashboard.day(TODAY) if i.commitment_id == c.id)
    assert item.status is None


def test_clearing_a_repaired_miss_matches_a_fresh_read(demo: Workspace) -> None:
    """A clear no longer re-reads every reflection; the ledger must still agree with
    the database, also after undo brings the repair back."""
    from selftrust.services.reflections import ReflectionDraft

    c = demo.commitments.find("Walk 20 minutes")
    day = TODAY - timedelta(days=1)
    demo.checkins.record(c.id, day, CheckinState(Status.MISSED))
    demo.reflections.write(ReflectionDraft(day, c.id, happened="Too tired."))

    def fresh_repaired() -> set[int]:
        from selftrust.store import repository as repo

        with demo.read() as conn:
            return repo.linked_checkin_ids(conn)

    assert demo.ledger._reflected == fresh_repaired()
    cleared = demo.checkins.record(c.id, day, None)
    assert demo.ledger._reflected == fresh_repaired()
    demo.checkins.revert(cleared)
    assert demo.ledger._reflected == fresh_repaired()
    assert demo.ledger.repaired(c.id, day)
    demo.checkins.reapply(cleared)
    assert demo.ledger._reflected == fresh_repaired()
    assert demo.ledger.entry(c.id, day) is None


def test_loading_in_steps_gives_the_same_ledger(demo: Workspace) -> None:
    demo.ledger.load()
    expected = demo.dashboard.day(TODAY)
    entries = {cid: dict(demo.ledger.entries(cid)) for cid in demo.ledger.commitments}
    demo.ledger.loaded = False
    steps = demo.ledger.load_in_steps(chunk=500)
    n = 0
    for _ in steps:
        n += 1
        if n < 3:
            assert not demo.ledger.loaded  # nothing counts until every row is in
    assert n > 3 and demo.ledger.loaded
    assert {cid: dict(demo.ledger.entries(cid)) for cid in demo.ledger.commitments} == entries
    assert demo.dashboard.day(TODAY) == expected


def test_a_check_off_during_a_stepwise_load_is_not_lost(demo: Workspace) -> None:
    c = demo.commitments.find("Walk 20 minutes")
    demo.checkins.record(c.id, TODAY, None)
    demo.ledger.loaded = False
    steps = demo.ledger.load_in_steps(chunk=500)
    next(steps)
    next(steps)
    demo.checkins.record(c.id, TODAY, CheckinState(Status.KEPT))  # the user was quick
    assert list(steps) == []  # the stale load gives up without installing anything
    demo.ledger.ensure_loaded()
    assert demo.ledger.entry(c.id, TODAY) is not None
    item = next(i for i in demo.dashboard.day(TODAY) if i.commitment_id == c.id)
    assert item.status is Status.KEPT


def test_a_glance_shows_a_repaired_limit_as_repaired(ws: Workspace) -> None:
    """An amount over an at-most limit is a lapse a reflection can repair."""
    from selftrust.domain.commitment import Rules, Target
    from selftrust.domain.days import Period
    from selftrust.domain.occasions import DayState
    from selftrust.services.commitments import CommitmentDraft
    from selftrust.services.reflections import ReflectionDraft

    rules = Rules(target=Target(2, "cups", Period.DAY, at_most=True))
    c = ws.commitments.create(CommitmentDraft("Coffee", rules, created_on=TODAY))
    ws.checkins.record(c.id, TODAY, CheckinState(Status.KEPT, 4))
    ws.reflections.write(ReflectionDraft(TODAY, c.id, happened="Long night."))
    full = ws.dashboard.day(TODAY)
    ws.ledger.loaded = False
    glance = ws.dashboard.glance(TODAY, small=0)
    assert full[0].state is DayState.REPAIRED
    assert glance == [_without_figures(full[0])]
