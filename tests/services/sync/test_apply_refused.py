"""Versions from other devices written in one batch: one that this database refuses (a
rule another device did not keep) is left out with a message, the rest are written, and
the pass's transaction still commits."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from selftrust.domain.commitment import Rules
from selftrust.domain.schedule import parse_schedule
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.sync.apply import apply_winners
from selftrust.services.workspace import Workspace
from selftrust.store.repository import sync as repo
from selftrust.sync import Resolution, Stamp, Version

FIRST = date(2026, 11, 1)


def _checkin(uid: str, day: date, status: str, note: str) -> Resolution:
    version = Version("checkin", f"{uid}/{day.isoformat()}",
                      {"status": status, "value": None, "note": note},
                      Stamp(1_800_000_000_000, "laptop", day.day))
    return Resolution(version.kind, version.key, version)


def test_a_refused_check_in_leaves_the_rest_of_its_batch_written(ws: Workspace) -> None:
    rules = Rules(schedule=parse_schedule("daily"))
    cid = ws.commitments.create(CommitmentDraft("Walk", rules, created_on=FIRST)).id
    assert cid is not None
    with ws.read() as conn:
        uid = repo.commitment_uids_by_id(conn)[cid]
    days = [FIRST + timedelta(days=i) for i in range(6)]
    batch = [_checkin(uid, d, "maybe" if i == 3 else "kept", f"day {i}")
             for i, d in enumerate(days)]
    with ws.write() as conn:
        applied = apply_winners(conn, batch, now=datetime(2026, 11, 24, tzinfo=UTC),
                                hold=set())
    assert len(applied.refused) == 1 and "did not fit" in applied.refused[0]
    assert sorted(r.key for r in applied.records) == sorted(
        r.key for i, r in enumerate(batch) if i != 3)
    with ws.read() as conn:
        kept = {d: repo.checkin_columns(conn, cid, d) for d in days}
    assert [None if c is None else c["note"] for c in kept.values()] == [
        "day 0", "day 1", "day 2", None, "day 4", "day 5"]
