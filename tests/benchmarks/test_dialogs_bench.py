"""How fast the commitment dialogs open and save on a long-time user's data.

With --benchmark-enable the data is 20 commitments × 10 years of demo data; in ordinary
runs (benchmarks disabled, each function runs once) a small data set keeps the suite
quick. Nothing here asserts a time: the figures are read from the benchmark table.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from bench_data import bench_size, demo_copy
from PySide6.QtCore import QSettings

from selftrust.services.clock import FixedClock
from selftrust.services.workspace import Workspace, open_workspace
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.launch import make_context
from selftrust.ui.shell.prefs import UiPrefs

NOW = datetime(2026, 11, 24, 12, 0).astimezone()


def _enabled(config: pytest.Config) -> bool:
    if config.getoption("benchmark_enable", default=False):
        return True
    return not config.getoption("benchmark_disable", default=True)


@pytest.fixture(scope="module")
def long_user_dir(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
                  ) -> Path:
    size = bench_size() if _enabled(request.config) else (5, 1)
    return demo_copy(tmp_path_factory, size)


@pytest.fixture
def long_ctx(qapp: object, long_user_dir: Path, tmp_path: Path) -> Iterator[UiContext]:
    ws: Workspace = open_workspace(long_user_dir, FixedClock(NOW))
    ws.ledger.ensure_loaded()
    prefs = UiPrefs(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    ctx = make_context(ws, prefs)
    yield ctx
    ctx.bridge.detach()
    ws.close()


def test_open_the_edit_dialog(benchmark, long_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    from selftrust.ui.dialogs.commitment_dialog import edit_commitment

    cid = long_ctx.ws.commitments.all()[0].id

    def open_and_close() -> None:
        form = edit_commitment(long_ctx, None, cid)
        assert form is not None
        form.done(0)
        form.deleteLater()

    benchmark(open_and_close)


def test_open_manage(benchmark, long_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    from selftrust.ui.dialogs.manage_dialog import ManageDialog

    def open_and_close() -> None:
        dialog = ManageDialog(long_ctx, None)
        assert dialog.active_model.rowCount() > 0
        dialog.done(0)
        dialog.deleteLater()

    benchmark(open_and_close)


def test_reorder_from_manage(benchmark, long_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    """Alt+Down on the first row: the move, the transaction, the undo step, the refresh."""
    from selftrust.ui.dialogs.manage_dialog import ManageDialog

    dialog = ManageDialog(long_ctx, None)
    first = dialog.active_model.row_at(0).id
    dialog.select(first)

    def move_down() -> None:
        dialog.select(first)
        dialog.move_selected(1 if dialog.active_model.row_of(first) == 0 else -1)

    benchmark(move_down)
    dialog.done(0)


def test_save_an_edit(benchmark, long_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    """OK in the Edit dialog: validate, update, undo step (the ledger recomputes later)."""
    from dataclasses import replace

    from selftrust.services.commitments import CommitmentDraft
    from selftrust.ui.dialogs import commitment_actions as actions

    row = long_ctx.ws.commitments.all()[0]
    draft = CommitmentDraft(row.title, row.rules, row.why, row.color, row.created_on)
    titles = iter(range(10**9))

    def save() -> None:
        actions.update(long_ctx, row.id, replace(draft, title=f"{row.title} {next(titles)}"))

    benchmark(save)
