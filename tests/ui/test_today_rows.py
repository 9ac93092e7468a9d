"""The Today model and the words its rows show."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from today_support import (
    TODAY,
    add,
    open_today,
    pages,
    row_of,
    select,
    shown,
    stored,
)

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.workspace import Workspace
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.today import row_text
from selftrust.ui.today.today_model import (
    CommitmentIdRole,
    ItemRole,
    StatusRole,
    TodayModel,
)


def test_the_model_passes_the_model_tester(qtmodeltester, ws: Workspace) -> None:
    add(ws, "Walk")
    add(ws, "Read", target=pages())
    add(ws, "Gym", "3/week")
    model = TodayModel()
    qtmodeltester.check(model)  # empty
    model.set_items(ws.dashboard.day(TODAY))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
    first = model.index(0, 0)
    assert model.data(first) == "Walk"
    assert model.data(first, StatusRole) is None
    assert model.data(first, CommitmentIdRole) == model.data(first, ItemRole).commitment_id


def test_rows_say_streaks_progress_and_amounts(ws: Workspace) -> None:
    walk = add(ws, "Walk")
    gym = add(ws, "Gym", "3/week")
    read = add(ws, "Read", target=pages(20))
    for n in range(1, 13):
        ws.checkins.record(walk.id, TODAY - timedelta(days=n), CheckinState(Status.KEPT))
    ws.checkins.record(gym.id, TODAY - timedelta(days=1), CheckinState(Status.KEPT))
    ws.checkins.record(read.id, TODAY, CheckinState(Status.KEPT, 12))
    items = {i.title: i for i in ws.dashboard.day(TODAY)}

    assert row_text.streak_text(items["Walk"]) == "12-day streak"
    assert row_text.detail_parts(items["Walk"]) == ["Every day", "12-day streak"]
    assert row_text.progress_text(items["Gym"]) == "1 of 3 this week"
    assert row_text.progress_text(items["Read"]) == "12 / 20 pages"
    assert row_text.status_words(items["Read"]) == "partly kept"
    assert row_text.streak_text(items["Read"]) == ""  # no scolding zeros


def test_a_weekday_promise_counts_times_not_days(ws: Workspace) -> None:
    """Mon/Wed/Fri kept three times running is 3 times in a row: "3-day" would undersell
    the week and a half it took."""
    swim = add(ws, "Swim", "mon,wed,fri")
    for day in (date(2026, 11, 18), date(2026, 11, 20), date(2026, 11, 23)):
        ws.checkins.record(swim.id, day, CheckinState(Status.KEPT))
    monday = {i.title: i for i in ws.dashboard.day(date(2026, 11, 23))}
    assert row_text.streak_text(monday["Swim"]) == "3 times in a row"
    assert row_text.streak_text(replace(monday["Swim"], current_streak=1)) == "1 time in a row"


def test_weekly_streaks_count_weeks() -> None:
    from dataclasses import replace

    item = _item_with(current_streak=3, streak_unit="week")
    assert row_text.streak_text(item) == "3-week streak"
    assert row_text.streak_text(replace(item, current_streak=1, streak_unit="month")) == (
        "1-month streak")


def _item_with(**changes: object):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from selftrust.domain.commitment import Rules
    from selftrust.domain.occasions import DayState
    from selftrust.services.dashboard import DayItem
    from selftrust.store.records import CommitmentRow

    c = CommitmentRow(1, "u", "Walk", "", Rules(), "#3f8f6b", 0, date(2026, 1, 1))
    item = DayItem(c, TODAY, None, None, "", DayState.OPEN, False, 0, 0, "day", 0.0, None,
                   "Every day", True)
    return replace(item, **changes)


def test_the_day_titles() -> None:
    assert row_text.day_title(TODAY) == "Tuesday 24 November"
    assert row_text.day_title_with_year(date(2025, 12, 31), TODAY) == (
        "Wednesday, 31 December 2025")  # Babel's en_GB: a comma before a date with its year
    assert row_text.relative_day(TODAY + timedelta(days=1), TODAY) == "Tomorrow"
    assert row_text.relative_day(TODAY + timedelta(days=2), TODAY) == ""


def test_the_summary_line_is_calm() -> None:
    from selftrust.domain.occasions import DayState

    kept = _item_with(status=Status.KEPT, state=DayState.KEPT)
    open_ = _item_with()
    missed = _item_with(status=Status.MISSED, state=DayState.MISSED)
    assert row_text.summary_line([kept, open_, missed], TODAY, TODAY) == "1 of 3 kept today"
    assert row_text.summary_line([kept, kept], TODAY, TODAY) == "Both kept today"
    assert row_text.summary_line([kept] * 3, TODAY - timedelta(days=3), TODAY) == "All 3 kept"
    assert row_text.summary_line([], TODAY, TODAY) == ""


def test_the_context_menu_shows_the_keys_and_acts(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    walk = add(ws, "Walk")
    view = open_today(window)
    rect = view.list.visualRect(view.model.index(row_of(view, "Walk"), 0))
    view.list.menu_requested.emit(QPoint(rect.left() + 20, rect.center().y()),
                                  view.list.viewport().mapToGlobal(rect.center()))
    menu = view.menu
    assert isinstance(menu, QMenu)
    texts = {a.text().replace("&", ""): a for a in menu.actions() if a.text()}
    assert {"Mark kept", "Mark not kept", "Skip this day", "Reflect on this…",
            "Edit commitment…"} <= set(texts)
    assert texts["Mark not kept"].shortcut().toString() == "M"
    assert texts["Mark kept"].shortcut().toString() == "Space"
    texts["Mark not kept"].trigger()
    menu.close()
    assert stored(ws, walk).status is Status.MISSED
    assert shown(view, "Walk").status is Status.MISSED


def test_edit_commitment_asks_the_window(
    qtbot: QtBot, ws: Workspace, window: MainWindow, monkeypatch
) -> None:
    walk = add(ws, "Walk")
    view = open_today(window)
    calls: list[int] = []
    monkeypatch.setattr(window, "edit_commitment", calls.append)
    select(qtbot, view, "Walk")
    qtbot.keyClick(view.list, Qt.Key.Key_E)
    assert calls == [walk.id]


def test_a_week_already_met_is_not_owed_today(ws: Workspace) -> None:
    gym = add(ws, "Gym", "1/week")
    walk = add(ws, "Walk")
    items = {i.title: i for i in ws.dashboard.day(TODAY)}
    assert row_text.status_words(items["Gym"]) == ""  # still open this week
    ws.checkins.record(gym.id, TODAY - timedelta(days=1), CheckinState(Status.KEPT))  # Monday
    ws.checkins.record(walk.id, TODAY, CheckinState(Status.KEPT))
    items = {i.title: i for i in ws.dashboard.day(TODAY)}
    assert row_text.status_words(items["Gym"]) == "done this week"
    assert row_text.summary_line(list(items.values()), TODAY, TODAY) == (
        "The one promise kept today · 1 done this week")


def test_the_header_names_every_row_it_does_not_count(ws: Workspace) -> None:
    """Six rows under "0 of 5 kept today" left the sixth unexplained: the header says
    what the rows it leaves out are, in the words those rows show."""
    from selftrust.domain.commitment import Pause

    for title in ("Walk", "Read", "Stretch", "Water"):
        add(ws, title)
    call = add(ws, "Call Mum", "1/week")
    ws.checkins.record(call.id, TODAY - timedelta(days=1), CheckinState(Status.KEPT))
    items = ws.dashboard.day(TODAY)
    assert len(items) == 5
    assert row_text.summary_line(items, TODAY, TODAY) == "0 of 4 kept today · 1 done this week"
    nap = add(ws, "Nap")
    ws.commitments.set_pauses(nap.id, [Pause(TODAY, TODAY + timedelta(days=2))])
    items = ws.dashboard.day(TODAY)
    assert row_text.summary_line(items, TODAY, TODAY) == (
        "0 of 4 kept today · 1 done this week · 1 resting")
    only_call = [i for i in items if i.title == "Call Mum"]
    assert row_text.summary_line(only_call, TODAY, TODAY) == (
        "Nothing left to keep today · 1 done this week")
