"""The workspace notices a `selftrust check` run in a terminal while it is open."""

from __future__ import annotations

from datetime import date, timedelta

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.workspace import Workspace
from tests.e2e.helpers import make_runner

TODAY = date(2026, 11, 24)


def test_a_cli_check_in_is_noticed_and_reloaded(ws: Workspace) -> None:
    walk = ws.commitments.create(
        CommitmentDraft("Walk", Rules(), created_on=TODAY - timedelta(days=10))).id
    ws.ledger.load()
    assert ws.changed_elsewhere() is False

    make_runner(ws.db.folder.root)("check", "Walk")  # the CLI, on a connection of its own

    assert ws.changed_elsewhere() is True
    ws.reload()
    assert ws.checkins.get(walk, TODAY) is not None
    item = next(i for i in ws.dashboard.day(TODAY) if i.commitment.id == walk)
    assert item.status is Status.KEPT
    assert ws.changed_elsewhere() is False


def test_check_offs_in_the_app_are_not_outside_changes(ws: Workspace) -> None:
    assert ws.changed_elsewhere() is False  # the window starts watching
    walk = ws.commitments.create(
        CommitmentDraft("Walk", Rules(), created_on=TODAY - timedelta(days=10))).id
    for back in range(5):
        ws.checkins.record(walk, TODAY - timedelta(days=back), CheckinState(Status.KEPT))
    assert ws.changed_elsewhere() is False
