"""Long imports report progress and can be cancelled; a cancel leaves nothing behind."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from selftrust.interchange import native_json
from selftrust.services.clock import FixedClock
from selftrust.services.interchange import (
    STEPS,
    ImportCancelled,
    export_file,
    import_file,
)
from selftrust.services.workspace import Workspace
from tests.services.interchange_helpers import db_bytes, fill, workspace


def big_file(path: Path, days: int = 3000, commitments: int = 4) -> Path:
    """A JSON export with ``days × commitments`` check-ins, written directly."""
    start = date(2018, 1, 1)
    doc = {
        "format": "selftrust", "version": 1,
        "commitments": [
            {"uid": f"c{n}", "title": f"Habit {n}", "schedule": {"kind": "daily"},
             "color": "#3f8f6b", "position": n, "created_on": start.isoformat()}
            for n in range(commitments)
        ],
        "checkins": [
            {"commitment": f"c{n}", "day": (start + timedelta(days=d)).isoformat(),
             "status": "kept" if d % 5 else "missed", "recorded_at": "2026-01-01T10:00:00Z"}
            for n in range(commitments) for d in range(days)
        ],
    }  # fmt: skip
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return path


def test_progress_climbs_to_the_end(ws: Workspace, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    summary = import_file(ws, big_file(tmp_path / "big.json"), progress=lambda d, t:
                          seen.append((d, t)))
    assert summary.checkins_added == 12_000
    steps = [d for d, _ in seen]
    assert steps == sorted(steps) and steps[0] == 0 and steps[-1] == STEPS
    assert {t for _, t in seen} == {STEPS}
    assert len(steps) > 3  # it moved on the way, not only at the start and the end


@pytest.mark.parametrize("when", [0, 300, 950])
def test_cancel_rolls_everything_back(tmp_path: Path, clock: FixedClock, when: int) -> None:
    """Cancelled at the start, while reading, or after the check-ins were merged."""
    data = tmp_path / "data"
    with workspace(data, clock) as ws:
        fill(ws)
    before = db_bytes(data)
    pressed = {"cancel": False}

    def progress(done: int, total: int) -> None:
        if done >= when:
            pressed["cancel"] = True

    with workspace(data, clock) as ws:
        entries = {c.id: dict(ws.ledger.entries(c.id)) for c in ws.commitments.all(
            include_archived=True)}
        with pytest.raises(ImportCancelled, match="nothing was changed"):
            import_file(ws, big_file(tmp_path / "big.json"), progress=progress,
                        cancel=lambda: pressed["cancel"])
        assert {c.id: dict(ws.ledger.entries(c.id))
                for c in ws.commitments.all(include_archived=True)} == entries
    assert db_bytes(data) == before
    assert list((data / "backups").glob("selftrust-before-import-*")) == []


def test_small_batches_still_merge_correctly(
    ws: Workspace, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(native_json, "BATCH", 7)
    fill(ws)
    export_file(ws, tmp_path / "all.json")
    with workspace(tmp_path / "copy", clock) as copy:
        summary = import_file(copy, tmp_path / "all.json")
        assert summary.checkins_added == sum(
            len(ws.ledger.entries(c.id)) for c in ws.commitments.all(include_archived=True))
