"""A pause cannot begin before the commitment's first day: there is nothing to rest
from yet. The service refuses it and says from when it can begin, so the window and
`selftrust pause` give the same answer."""

from __future__ import annotations

from datetime import date

import pytest

from selftrust.domain.commitment import Pause, Rules
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import Invalid
from selftrust.services.workspace import Workspace

START = date(2026, 11, 10)


def walk(ws: Workspace) -> int:
    return ws.commitments.create(CommitmentDraft("Walk", Rules(), created_on=START)).id


def test_a_pause_starting_before_the_first_day_is_refused_plainly(ws: Workspace) -> None:
    cid = walk(ws)
    with pytest.raises(Invalid) as refused:
        ws.commitments.set_pauses(cid, [Pause(date(2026, 11, 5), date(2026, 11, 12))])
    message = str(refused.value)
    assert "“Walk” begins on Tuesday, 10 November 2026" in message
    assert "a pause can start on that day at the earliest" in message
    assert ws.commitments.get(cid).rules.pauses == ()
    with pytest.raises(Invalid):  # wholly before it, too
        ws.commitments.set_pauses(cid, [Pause(date(2026, 11, 1), date(2026, 11, 3))])


def test_a_pause_from_the_first_day_on_is_fine(ws: Workspace) -> None:
    cid = walk(ws)
    ws.commitments.set_pauses(cid, [Pause(START, date(2026, 11, 12))])
    assert ws.commitments.get(cid).rules.pauses == (Pause(START, date(2026, 11, 12)),)


def test_moving_the_first_day_past_a_pause_is_refused_too(ws: Workspace) -> None:
    cid = walk(ws)
    ws.commitments.set_pauses(cid, [Pause(date(2026, 11, 12), date(2026, 11, 14))])
    row = ws.commitments.get(cid)
    later = CommitmentDraft("Walk", row.rules, created_on=date(2026, 11, 13))
    with pytest.raises(Invalid, match="a pause can start on that day at the earliest"):
        ws.commitments.update(cid, later)
    assert ws.commitments.get(cid).created_on == START


def test_an_old_pause_already_there_does_not_block_other_changes(ws: Workspace) -> None:
    """Data from before this rule may hold such a pause: editing the title still works."""
    from selftrust.store import repository as repo

    cid = walk(ws)
    old = Rules(pauses=(Pause(date(2026, 11, 1), date(2026, 11, 12)),))
    with ws.write() as conn:
        repo.update_commitment(conn, cid, rules=old)
    ws.ledger.loaded = False
    ws.commitments.update(cid, CommitmentDraft("Walk far", old))
    assert ws.commitments.get(cid).title == "Walk far"
