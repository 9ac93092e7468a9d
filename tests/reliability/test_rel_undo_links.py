"""Undo and redo give back exactly the links between reflections and the misses they
repair (found by test_rel_state_machine.py: a redone check-off repaired a miss that the
first one had not)."""

from __future__ import annotations

from datetime import date

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace, open_workspace

DAY = date(2026, 11, 20)


def linked(ws: Workspace, reflection_id: int) -> int | None:
    return ws.reflections.get(reflection_id).checkin_id


def repaired(ws: Workspace, cid: int) -> bool:
    return ws.ledger.repaired(cid, DAY)


def from_the_file(ws: Workspace, cid: int) -> bool:
    fresh = open_workspace(ws.db.folder.root, ws.clock)
    try:
        fresh.ledger.ensure_loaded()
        return repaired(fresh, cid)
    finally:
        fresh.close()


def walk(ws: Workspace) -> int:
    return ws.commitments.create(CommitmentDraft("Walk", created_on=date(2026, 11, 1))).id


def test_rel_redoing_a_check_off_repairs_no_more_than_doing_it(ws: Workspace) -> None:
    cid = walk(ws)
    early = ws.reflections.write(ReflectionDraft(DAY, cid, happened="written first"))
    change = ws.checkins.record(cid, DAY, CheckinState(Status.MISSED))
    assert linked(ws, early.id) is None and not repaired(ws, cid)
    ws.checkins.revert(change)
    ws.checkins.reapply(change)
    assert linked(ws, early.id) is None
    assert not repaired(ws, cid) and not from_the_file(ws, cid)


def test_rel_undoing_a_clear_relinks_exactly_what_the_clear_unlinked(ws: Workspace) -> None:
    cid = walk(ws)
    orphan = ws.reflections.write(ReflectionDraft(DAY, cid, happened="before the miss"))
    ws.checkins.record(cid, DAY, CheckinState(Status.MISSED))
    repair = ws.reflections.write(ReflectionDraft(DAY, cid, happened="after the miss"))
    kept_id = ws.checkins.get(cid, DAY).id  # type: ignore[union-attr]
    assert linked(ws, repair.id) == kept_id and repaired(ws, cid)
    clear = ws.checkins.record(cid, DAY, None)
    assert linked(ws, repair.id) is None
    for _ in range(2):  # undo, redo, undo again
        ws.checkins.revert(clear)
        assert linked(ws, repair.id) == kept_id
        assert linked(ws, orphan.id) is None
        assert repaired(ws, cid) and from_the_file(ws, cid)
        ws.checkins.reapply(clear)
        assert linked(ws, repair.id) is None and not repaired(ws, cid)
