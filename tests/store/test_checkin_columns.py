"""Loading the ledger reads every check-in in one go, packed by SQLite: the columns must
be exactly those the batched reader gives (which the stepwise load in the app uses)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import numpy as np
from store_helpers import add_checkin, add_commitment

from selftrust.store import repository as repo
from selftrust.store.database import Database


def _batched(db: Database) -> dict[str, Any]:
    with db.transaction(write=False) as conn:
        batches = list(repo.checkin_columns(conn, size=7))
    return {name: np.concatenate([b[name] for b in batches]) for name in repo.COLUMNS}


def _at_once(db: Database) -> dict[str, Any] | None:
    with db.transaction(write=False) as conn:
        return repo.checkin_columns_at_once(conn)


def test_at_once_equals_the_batches_on_random_check_ins(db: Database) -> None:
    rng = random.Random(13)
    amounts = [None, None, 0.0, 1.5, 2.0 / 3.0, 1e12, 1e-9, 123456.789]
    with db.transaction() as conn:
        cids = [add_commitment(conn, uid=f"c{i}", title=f"Promise {i}", position=i)
                for i in range(6)]
        # Days written out of order and commitments interleaved, as years of use do.
        rows = [(cid, date(1990, 1, 1) + timedelta(days=d))
                for cid in cids[:5] for d in rng.sample(range(20000), 120)]
        rows.append((cids[0], date(9999, 12, 31)))
        rng.shuffle(rows)
        for cid, day in rows:
            add_checkin(conn, cid, day.isoformat(),
                        status=rng.choice(["kept", "missed", "skipped"]),
                        value=rng.choice(amounts) if rng.random() < 0.5 else rng.random())
    whole = _at_once(db)
    assert whole is not None
    batched = _batched(db)
    for name in repo.COLUMNS:
        assert whole[name].dtype == batched[name].dtype, name
        assert np.array_equal(whole[name], batched[name], equal_nan=True), name


def test_at_once_with_no_check_ins(db: Database) -> None:
    whole = _at_once(db)
    assert whole is not None
    assert all(whole[name].size == 0 for name in repo.COLUMNS)


def test_a_day_not_stored_as_iso_text_leaves_it_to_the_batches(db: Database) -> None:
    with db.transaction() as conn:
        cid = add_commitment(conn)
        add_checkin(conn, cid, "2026-03-01")
        add_checkin(conn, cid, "2026-3-2")  # written by another program, not our format
    assert _at_once(db) is None
