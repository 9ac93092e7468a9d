"""The Streaks calendar opens on today's month with its header in view: the month's name
and the weekday initials, whole when the view is tall enough for the month, at the
smallest supported window (800x600) and a large one, with years of history or a
commitment made today, and with text larger than usual (where a month is taller than
the room the view has, the header still shows, never a month cut at its head)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from selftrust.services.workspace import Workspace
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.streaks.calendar_scroll import month_offset
from selftrust.ui.streaks.streaks_view import StreaksView
from tests.ui.streaks_helpers import KEPT, TODAY, add, ago, streaks

SIZES = [(800, 600), (1600, 1000)]


@pytest.fixture(params=[1.0, 1.5], ids=["usual-text", "large-text"])
def text_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    """The application's font scaled before the window is made (a desktop's larger text)."""
    before = qapp.font()
    font = QFont(before)
    font.setPointSizeF(before.pointSizeF() * request.param)
    qapp.setFont(font)
    yield request.param
    qapp.setFont(before)


def _in_viewport(view: StreaksView, rect: QRect) -> QRect:
    scroll = view.calendar_scroll
    return QRect(view.heat.mapTo(scroll.viewport(), rect.topLeft()), rect.size())


def month_rects(view: StreaksView) -> tuple[QRect, QRect]:
    """Today's month, whole and its head (name and weekday initials), in viewport pixels."""
    month = view.heat.last_month_rect()
    assert month is not None
    first_week = view.heat.cell_rect(TODAY.replace(day=1))
    head = QRect(month.left(), month.top(), month.width(), first_week.top() - month.top())
    return _in_viewport(view, month), _in_viewport(view, head)


def month_shown(view: StreaksView) -> bool:
    """The head always; the whole month where the viewport is tall enough for it."""
    shown = view.calendar_scroll.viewport().rect()
    month, head = month_rects(view)
    if month.height() <= shown.height():
        return shown.contains(month)
    return shown.contains(head)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("history", [True, False], ids=["years", "made-today"])
def test_the_calendar_opens_with_todays_month_header_in_view(
        text_scale: float, qtbot: QtBot, window: MainWindow, ws: Workspace,
        size: tuple[int, int], history: bool) -> None:
    cid = add(ws, "Walk 20 minutes", start=date(2024, 11, 25) if history else TODAY)
    for n in range(40 if history else 1):
        ws.checkins.record(cid, ago(n), KEPT)
    window.resize(*size)
    view = streaks(window)
    qtbot.waitUntil(lambda: month_shown(view), timeout=3000)
    head = month_rects(view)[1]
    assert head.top() >= 0  # the month's name is never cut at its top


def test_the_month_stays_whole_when_the_window_gets_shorter(
        qtbot: QtBot, window: MainWindow, ws: Workspace) -> None:
    """A window made shorter (only its height) before the user scrolls keeps today's
    month whole: the calendar follows every change of its height, not only of its width."""
    add(ws, "Walk 20 minutes", start=date(2024, 11, 25))
    window.resize(1100, 820)
    view = streaks(window)
    qtbot.waitUntil(lambda: month_shown(view), timeout=3000)
    month = month_rects(view)[0]
    tall = view.calendar_scroll.viewport().height()
    window.resize(1100, 820 - round(month.height() * 0.6))
    qtbot.waitUntil(lambda: view.calendar_scroll.viewport().height() < tall, timeout=3000)
    qtbot.waitUntil(lambda: month_shown(view), timeout=3000)


@pytest.mark.parametrize(("top", "height", "room", "offset"), [
    (1000, 200, 340, 860),  # fits: whole, at the bottom, the month before above it
    (1000, 200, 200, 1000),  # fits exactly: from its header to its last row
    (1000, 300, 200, 1000),  # taller than the room: from its header down
    (8, 200, 340, 0),  # the only month: never above the top
])
def test_the_month_offset(top: int, height: int, room: int, offset: int) -> None:
    assert month_offset(top, height, room) == offset
