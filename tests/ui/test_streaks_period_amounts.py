"""Streaks of weekly and monthly amounts say weeks and months, and a month already over
its limit is not a fresh start (issue 17, item 2)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot
from streaks_helpers import add, streaks

from selftrust.domain.commitment import Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.streaks.list_model import Role
from selftrust.ui.today import row_text


def amount(value: float) -> CheckinState:
    return CheckinState(Status.KEPT, value)


def row_of(view, cid: int) -> QModelIndex:  # type: ignore[no-untyped-def]
    return view.model.index(view.model.row_of(cid), 0)


def test_a_weekly_amount_runs_in_weeks(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.ctx.ws
    run = add(ws, "Run", start=date(2026, 11, 10), target=Target(15, "km", Period.WEEK))
    ws.checkins.record(run, date(2026, 11, 18), amount(16))
    ws.checkins.record(run, date(2026, 11, 24), amount(12))
    view = streaks(window)
    assert row_of(view, run).data(Role.LINE) == "1 week · best 1"
    view.list.setCurrentIndex(row_of(view, run))
    assert view.header.current_caption.text() == "week in a row"
    assert view.header.best_caption.text() == "week"
    assert view.header.best_tile.accessibleDescription().startswith("Longest run: 1 week in a row")
    # Today's row says it the same way.
    item = next(i for i in ws.dashboard.day(date(2026, 11, 24)) if i.title == "Run")
    assert row_text.streak_text(item) == "1-week streak"


def test_a_month_over_its_limit_is_no_fresh_start(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.ctx.ws
    limit = Target(10, "pieces", Period.MONTH, at_most=True)
    sweets = add(ws, "Sweets", start=date(2026, 10, 1), target=limit)
    ws.checkins.record(sweets, date(2026, 10, 5), amount(3))
    ws.checkins.record(sweets, date(2026, 11, 20), amount(12))
    view = streaks(window)
    line = row_of(view, sweets).data(Role.LINE)
    assert line == "Over the limit this month · best 1"
    assert "fresh start" not in line.lower()
    view.list.setCurrentIndex(row_of(view, sweets))
    assert view.header.warm.text() == (
        "Over the limit this month, so it counts as not kept. "
        "A fresh start comes on Tuesday, 1 December 2026.")
    assert "1 not kept" in view.header.counts.accessibleName()
