"""The shared fixtures start a test where the app would be: ``ws`` opens a copy of one
migrated database, which must be the database a first start creates, and a test marked
``demo_data`` opens a copy of demo data that must equal generating it in the test."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from selftrust.services.clock import FixedClock
from selftrust.services.demo import generate
from selftrust.services.workspace import Workspace, open_workspace
from tests.conftest import NOON


def _shape(database: Path) -> tuple[object, ...]:
    """What a new database holds apart from its rows' timestamps: schema, ids, rows."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        schema = conn.execute("SELECT type, name, sql FROM sqlite_schema ORDER BY name").fetchall()
        tables = [name for kind, name, _ in schema if kind == "table"]
        rows = {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
        pragmas = [conn.execute(f"PRAGMA {p}").fetchone() for p in
                   ("application_id", "user_version", "journal_mode", "auto_vacuum")]
        return schema, rows, pragmas
    finally:
        conn.close()


def test_ws_opens_what_a_first_start_creates(ws: Workspace, tmp_path: Path,
                                             clock: FixedClock) -> None:
    with open_workspace(tmp_path / "fresh", clock) as fresh:
        assert fresh.db.current_revision() == ws.db.current_revision() == ws.db.head_revision()
        assert fresh.settings == ws.settings
    ws.close()
    assert _shape(ws.db.path) == _shape(tmp_path / "fresh" / "selftrust.db")


@pytest.mark.demo_data(years=0.5, commitments=3, seed=7)
def test_demo_data_is_what_generating_it_gives(ws: Workspace, tmp_path: Path) -> None:
    with open_workspace(tmp_path / "generated", FixedClock(NOON)) as generated:
        generate(generated, years=0.5, commitments=3, seed=7)
        day = ws.today()
        assert [c.title for c in ws.commitments.all()] == [
            c.title for c in generated.commitments.all()]
        assert ws.ledger.jar(day) == generated.ledger.jar(day)
        assert ws.stats.report(day).to_json() == generated.stats.report(day).to_json()
