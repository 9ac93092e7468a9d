"""The journal with 5,000 reflections opens and filters without a visible stall.

A stall is anything over 100 ms. Measured: opening the view (building it with every
entry loaded, laid out and painted once) and one filter keystroke (the search runs
after the debounce: filter, reset the model, repaint). Run with --benchmark-enable.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from selftrust.services import demo
from selftrust.services.clock import FixedClock
from selftrust.services.workspace import Workspace, open_workspace
from selftrust.store import repository as repo
from selftrust.ui.reflections.journal_view import JournalView
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.launch import make_context
from selftrust.ui.shell.prefs import UiPrefs

COUNT = 5_000
NOW = datetime(2026, 11, 24, 12, 0)


@pytest.fixture(scope="module")
def journal_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path_factory.mktemp("journal") / "data", FixedClock(NOW))
    demo.generate(ws, years=3, commitments=8, seed=5)
    cids = [c.id for c in ws.commitments.all()] + [None]
    rng = random.Random(5)
    have = len(ws.reflections.search())
    rows: list[dict[str, Any]] = []
    for n in range(COUNT - have):
        day = NOW.date() - timedelta(days=rng.randrange(3 * 365))
        moment = datetime.combine(day, time(21, rng.randrange(60)))
        rows.append({
            "uid": uuid.uuid4().hex, "created_at": moment, "updated_at": moment, "day": day,
            "commitment_id": rng.choice(cids), "checkin_id": None,
            "happened": rng.choice(demo.HAPPENED) + f" ({n})",
            "owning": rng.choice(demo.OWNING), "friend": rng.choice(demo.FRIEND),
            "learned": rng.choice(demo.LEARNED), "next_step": rng.choice(demo.NEXT_STEPS),
            "feeling_before": rng.randint(1, 5), "feeling_after": rng.randint(1, 5),
        })
    with ws.write() as conn:
        conn.execute(sa.insert(repo.REFLECTION), rows)
    ws.reload()
    assert len(ws.reflections.search()) == COUNT
    yield ws
    ws.close()


@pytest.fixture
def journal_ctx(qapp: Any, journal_ws: Workspace, tmp_path: Path) -> Iterator[UiContext]:
    prefs = UiPrefs(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    ctx = make_context(journal_ws, prefs)
    yield ctx
    ctx.bridge.detach()


def _open(ctx: UiContext) -> JournalView:
    view = JournalView(ctx)
    view.resize(1100, 720)
    view.show()
    view.repaint()
    QApplication.processEvents()
    return view


def test_open_the_journal(benchmark: Any, journal_ctx: UiContext) -> None:
    views: list[JournalView] = []

    def run() -> None:
        views.append(_open(journal_ctx))

    benchmark.pedantic(run, rounds=7, iterations=1, warmup_rounds=1)
    assert views[-1].model.rowCount() == COUNT
    for v in views:
        v.close()
        v.deleteLater()


@pytest.mark.parametrize("words", ["w", "work late", "sofa"])
def test_a_filter_keystroke(benchmark: Any, journal_ctx: UiContext, words: str) -> None:
    view = _open(journal_ctx)
    view.search.setText(words)

    def run() -> None:
        view.refresh()  # what the debounce timer runs after the keystroke
        view.list.viewport().repaint()

    benchmark.pedantic(run, rounds=15, iterations=1, warmup_rounds=1)
    assert 0 < view.model.rowCount() <= COUNT
    view.close()
