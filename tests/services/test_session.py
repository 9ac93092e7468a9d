"""The session the services share: one database handle, swapped in one place."""

from __future__ import annotations

from datetime import date, timedelta

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.workspace import Workspace

TODAY = date(2026, 11, 24)


def test_reopen_hands_every_service_the_new_database(ws: Workspace) -> None:
    walk = ws.commitments.create(
        CommitmentDraft("Walk", Rules(), created_on=TODAY - timedelta(days=3))).id
    before = ws.db
    ws.reopen()
    assert ws.db is not before and before.closed and not ws.db.closed
    services = (ws.commitments, ws.checkins, ws.dashboard, ws.stats, ws.reflections)
    assert all(s.session is ws.session for s in services)
    ws.checkins.record(walk, TODAY, CheckinState(Status.KEPT))
    assert [item.status for item in ws.dashboard.day(TODAY)] == [Status.KEPT]
    assert ws.stats.summary(walk, TODAY).counts.kept == 1


def test_the_workspace_shows_the_session_it_wires(ws: Workspace) -> None:
    assert (ws.db, ws.clock, ws.settings) == (
        ws.session.db, ws.session.clock, ws.session.settings)
    assert ws.today() == ws.session.today() == TODAY
