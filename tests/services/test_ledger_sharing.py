"""The ledger shares one date and one Entry between commitments whose check-ins are
alike (a memory saving): a change to one commitment's day never shows up in another's."""

from __future__ import annotations

from datetime import date

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace, open_workspace

DAY = date(2026, 11, 20)


def test_alike_check_ins_are_shared_and_changes_stay_apart(ws: Workspace) -> None:
    ids = [ws.commitments.create(CommitmentDraft(t, created_on=date(2026, 11, 1))).id
           for t in ("Walk", "Read", "Floss")]
    for cid in ids:
        ws.checkins.record(cid, DAY, CheckinState(Status.MISSED))
    fresh = open_workspace(ws.db.folder.root, ws.clock)
    try:
        fresh.ledger.load()
        a, b, c = (fresh.ledger.entry(cid, DAY) for cid in ids)
        assert a is b is c  # one object for three alike days
        assert next(iter(fresh.ledger.entries(ids[0]))) is next(iter(fresh.ledger.entries(ids[1])))
        fresh.checkins.record(ids[0], DAY, CheckinState(Status.KEPT))
        fresh.reflections.write(ReflectionDraft(DAY, ids[1], happened="late again"))
        assert fresh.ledger.entry(ids[0], DAY).status is Status.KEPT  # type: ignore[union-attr]
        assert fresh.ledger.repaired(ids[1], DAY)
        third = fresh.ledger.entry(ids[2], DAY)
        assert third is not None and third.status is Status.MISSED
        assert not fresh.ledger.repaired(ids[2], DAY)
    finally:
        fresh.close()


def test_loading_in_batches_gives_the_same_ledger(ws: Workspace) -> None:
    from selftrust.services import demo
    from selftrust.store import repository as repo

    demo.generate(ws, years=1, commitments=6, seed=4)
    with ws.read() as conn:
        whole = repo.checkin_tuples(conn)
        batches = list(repo.checkin_batches(conn, 500))
    assert [len(b) for b in batches[:-1]] == [500] * (len(batches) - 1)
    assert [row for batch in batches for row in batch] == list(whole)
    stepped = open_workspace(ws.db.folder.root, ws.clock)
    at_once = open_workspace(ws.db.folder.root, ws.clock)
    try:
        steps = stepped.ledger.load_in_steps(chunk=300)
        pauses = sum(1 for _ in steps)
        assert pauses > len(whole) // 300  # it really paused between batches
        at_once.ledger.load()
        for cid in at_once.ledger.commitments:
            assert stepped.ledger.entries(cid) == at_once.ledger.entries(cid)
        assert stepped.stats.report().to_json() == at_once.stats.report().to_json()
    finally:
        stepped.close()
        at_once.close()
