"""How fast the Streaks view is on 10 years × 20 commitments of demo data.

Run with ``--benchmark-enable``; in an ordinary run each case runs once as a smoke test.
Budgets (DESIGN.md): a check-off updates every visible view in under 16 ms.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from bench_data import bench_size, demo_copy
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtGui import QImage, QRegion

from selftrust.domain.history import Status
from selftrust.services import calendar
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.workspace import Workspace, open_workspace
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.launch import make_context
from selftrust.ui.shell.prefs import UiPrefs

if TYPE_CHECKING:
    from selftrust.ui.streaks.streaks_view import StreaksView

NOW = datetime(2026, 11, 24, 12, 0).astimezone()


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_copy(tmp_path_factory)  # 20 × 10 years, or SELFTRUST_BENCH_SIZE


@pytest.fixture
def big(big_folder: Path) -> Iterator[Workspace]:
    ws = open_workspace(big_folder, FixedClock(NOW))
    yield ws
    ws.close()


@pytest.fixture
def big_ctx(qapp: Any, big: Workspace, tmp_path: Path) -> Iterator[UiContext]:
    prefs = UiPrefs(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    ctx = make_context(big, prefs)
    yield ctx
    ctx.bridge.detach()


def test_day_states_of_ten_years(benchmark: Any, big: Workspace) -> None:
    cid = big.commitments.all()[0].id
    calendar.day_states(big, cid, with_notes=False)  # warm the ledger

    def states() -> int:
        big.ledger.forget(cid)  # as after a check-in: recomputed, not cached
        return len(calendar.day_states(big, cid, with_notes=False))

    assert benchmark(states) > 300 * bench_size()[1]  # every day of the years of data


def test_opening_the_view(benchmark: Any, qtbot: Any, big_ctx: UiContext) -> None:
    from selftrust.ui.streaks.streaks_view import StreaksView

    big_ctx.ws.stats.report()  # summaries warm, as after Today has shown them

    def open_view() -> StreaksView:
        view = StreaksView(big_ctx)
        view.resize(1100, 720)
        return view

    view = benchmark(open_view)
    qtbot.addWidget(view)
    assert view.model.rowCount() >= 19


def test_painting_the_calendar(benchmark: Any, qtbot: Any, big_ctx: UiContext) -> None:
    from selftrust.ui.streaks.streaks_view import StreaksView

    view = StreaksView(big_ctx)
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    heat = view.heat
    image = QImage(heat.width(), 720, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    visible = QRect(0, 0, heat.width(), 720)

    def paint() -> None:
        heat.render(image, QPoint(), QRegion(visible))  # the newest months, as on screen

    benchmark(paint)


def _shown_view(qtbot: Any, ctx: UiContext) -> tuple[StreaksView, int, date]:
    """The Streaks view shown at 1100x720 on its first commitment: (view, its id, today)."""
    from selftrust.ui.streaks.streaks_view import StreaksView

    view = StreaksView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    cid = view.selected_commitment
    assert cid is not None
    return view, cid, ctx.ws.today()


def test_a_check_off_while_the_view_is_shown(benchmark: Any, qtbot: Any,
                                             big_ctx: UiContext) -> None:
    """The view's share of a check-off: one row, the header and one calendar week."""
    view, cid, today = _shown_view(qtbot, big_ctx)
    ws = big_ctx.ws

    def follow() -> None:
        ws.ledger.forget(cid)  # what a check-in does to the ledger's cache
        view._refresh_commitment(cid, today)

    benchmark(follow)


def test_a_whole_check_off_with_the_view_shown(benchmark: Any, qtbot: Any,
                                               big_ctx: UiContext) -> None:
    """Saved (one transaction, synchronous=FULL) and the Streaks view updated."""
    view, cid, today = _shown_view(qtbot, big_ctx)
    ws = big_ctx.ws
    states = [CheckinState(Status.KEPT), None]
    turn = [0]

    def check_off() -> None:
        turn[0] ^= 1
        ws.checkins.record(cid, today, states[turn[0]])

    benchmark(check_off)
