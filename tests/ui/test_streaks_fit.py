"""The Streaks view holds together at 800x600 and with text twice the size: whole titles
where they fit, tooltips with the full plain text where they do not, and the "Best
streaks" heading never under its All / This one toggle."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from selftrust.services.workspace import Workspace
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.streaks.streaks_view import StreaksView
from tests.ui.streaks_helpers import KEPT, add, streaks


def _rect(w: QWidget, root: QWidget) -> QRect:
    return QRect(w.mapTo(root, QPoint(0, 0)), w.size())


@pytest.fixture
def big_font(qapp: QApplication):  # type: ignore[no-untyped-def]
    before = qapp.font()
    font = QFont(before)
    font.setPointSizeF(before.pointSizeF() * 2)
    qapp.setFont(font)
    yield
    qapp.setFont(before)


@pytest.mark.parametrize("scale", [1, 2])
def test_titles_and_the_best_streaks_head_fit_at_800x600(
        qtbot: QtBot, window: MainWindow, ws: Workspace, request: pytest.FixtureRequest,
        scale: int) -> None:
    if scale == 2:
        request.getfixturevalue("big_font")
    cid = add(ws, "Walk 20 minutes", start=date(2026, 10, 1))
    long = add(ws, "<b>No more than 2 coffees</b> a day, even on Mondays",
               start=date(2026, 10, 1))
    ws.checkins.record(cid, date(2026, 11, 20), KEPT)
    ws.checkins.record(long, date(2026, 11, 20), KEPT)
    window.resize(800, 600)
    view = streaks(window)
    window.show()
    qtbot.waitExposed(window)
    best = view.best
    title, toggle = _rect(best.title, view), _rect(best.all_button, view).united(
        _rect(best.one_button, view))
    assert not title.intersects(toggle)
    assert best.title.width() >= best.title.sizeHint().width()  # "Best streaks" whole
    if scale == 1:  # a usual title is whole in the list
        line = QFontMetricsF(view.list.font()).height()
        bold = QFont(view.list.font())
        bold.setWeight(QFont.Weight.DemiBold)
        need = QFontMetricsF(bold).horizontalAdvance("Walk 20 minutes daily") + line * 6.5
        assert view.list.viewport().width() >= need
    # a title too long to show whole has its full plain text in the tooltip
    model = view.list.model()
    tips = [str(model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)).replace("\xa0", " ")
            for r in range(model.rowCount())]
    assert any("&lt;b&gt;No more than 2 coffees&lt;/b&gt; a day, even on Mondays" in t
               for t in tips)
    best_model = best.view.model()
    best_tips = [str(best_model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole))
                 for r in range(best_model.rowCount())]
    assert len(best_tips) == 2 and all("<b>" not in t for t in best_tips)
    assert any("&lt;b&gt;No" in t for t in best_tips)


def _one_walk_at_800x600(qtbot: QtBot, window: MainWindow, ws: Workspace) -> StreaksView:
    add(ws, "Walk 20 minutes", start=date(2026, 10, 1))
    window.resize(800, 600)
    view = streaks(window)
    window.show()
    qtbot.waitExposed(window)
    return view


def test_a_narrow_panel_puts_the_toggle_below_the_heading(qtbot: QtBot, window: MainWindow,
                                                          ws: Workspace) -> None:
    view = _one_walk_at_800x600(qtbot, window, ws)
    best = view.best
    narrow = best.title.sizeHint().width() + best.toggle.sizeHint().width() // 2
    view.content.setSizes([narrow + 40, 600])
    qtbot.waitUntil(lambda: best.width() < best.title.sizeHint().width()
                    + best.toggle.sizeHint().width(), timeout=2000)
    qtbot.waitUntil(lambda: _rect(best.toggle, view).top() >= _rect(best.title, view).bottom(),
                    timeout=2000)
    assert not _rect(best.title, view).intersects(_rect(best.toggle, view))


def test_the_strength_tile_steps_aside_only_when_narrow(qtbot: QtBot, window: MainWindow,
                                                        ws: Workspace) -> None:
    view = _one_walk_at_800x600(qtbot, window, ws)
    header = view.header
    tiles = [header.current_tile, header.best_tile]
    qtbot.waitUntil(lambda: all(t.isVisible() and t.width() >= t.sizeHint().width()
                                for t in tiles), timeout=2000)
    window.resize(1400, 800)
    qtbot.waitUntil(header.strength_tile.isVisible, timeout=2000)
