"""The Streaks view as a user meets it: the list, the big numbers, empty states, archived
commitments, best streaks, and keeping up with changes made elsewhere."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from streaks_helpers import KEPT, MISSED, TODAY, add, ago, streaks

from selftrust.base.bidi import without_isolates
from selftrust.services.clock import FixedClock
from selftrust.services.reflections import ReflectionDraft
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.streaks.best_model import BestRole
from selftrust.ui.streaks.list_model import Role


def row_of(view, cid: int) -> QModelIndex:  # type: ignore[no-untyped-def]
    return view.model.index(view.model.row_of(cid), 0)


def keep_days(window: MainWindow, cid: int, *days: date) -> None:
    for d in days:
        window.ctx.ws.checkins.record(cid, d, KEPT)


def test_no_commitments_invites_the_first(qtbot: QtBot, window: MainWindow,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(window, "new_commitment", lambda: asked.append(True))
    view = streaks(window)
    assert view.empty.isVisible()
    assert view.empty.title.text() == "No streaks yet"
    assert view.empty.button is not None
    qtbot.mouseClick(view.empty.button, Qt.MouseButton.LeftButton)
    assert asked == [True]


def test_the_list_shows_each_commitment_with_its_streaks(window: MainWindow) -> None:
    walk = add(window.ctx.ws, "Walk")
    gym = add(window.ctx.ws, "Gym", "1/week", start=date(2026, 10, 1))
    keep_days(window, walk, ago(3), ago(2), ago(1))
    keep_days(window, gym, date(2026, 11, 3), date(2026, 11, 10), date(2026, 11, 17))
    view = streaks(window)
    assert view.content.isVisible() and not view.empty.isVisible()
    index = row_of(view, walk)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Walk"
    assert index.data(Role.CURRENT) == 3
    assert index.data(Role.LINE) == "3 days · best 3"
    assert without_isolates(index.data(Qt.ItemDataRole.AccessibleTextRole)).startswith(
        "Walk: current streak 3 days, best 3 days, strength")
    assert row_of(view, gym).data(Role.LINE) == "3 weeks · best 3"
    assert 0 < index.data(Role.STRENGTH) < 1


def test_selecting_a_commitment_shows_its_details(qtbot: QtBot, window: MainWindow) -> None:
    walk = add(window.ctx.ws, "Walk")
    read = add(window.ctx.ws, "Read")
    keep_days(window, read, date(2026, 9, 3), date(2026, 9, 4), date(2026, 9, 5))
    view = streaks(window)
    assert view.selected_commitment == walk
    rect = view.list.visualRect(row_of(view, read))
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_commitment == read
    assert view.header.title.text() == "Read"
    assert view.header.best_number.text() == "3"
    assert view.header.best_dates is not None
    # the language's own span of days (CLDR's: thin spaces round the dash, "Sept")
    assert view.header.best_dates.text() == "3\u2009–\u20095 Sept 2026"
    assert view.header.warm.text() == (
        "Your longest run: 3 days, 3\u2009–\u20095 Sept 2026. Every streak starts again with one "
        "kept day.")
    qtbot.keyClick(view.list, Qt.Key.Key_Up)
    assert view.selected_commitment == walk


def test_a_commitment_started_today_is_greeted(window: MainWindow) -> None:
    add(window.ctx.ws, "Stretch", start=TODAY)
    view = streaks(window)
    assert view.header.warm.text() == "Your first day — every streak starts with one."
    assert view.model.index(0, 0).data(Role.LINE) == "First day"


def test_the_list_updates_after_a_check_in(window: MainWindow) -> None:
    walk = add(window.ctx.ws, "Walk")
    keep_days(window, walk, ago(2), ago(1))
    view = streaks(window)
    assert row_of(view, walk).data(Role.CURRENT) == 2
    window.ctx.ws.checkins.record(walk, TODAY, KEPT)
    assert row_of(view, walk).data(Role.CURRENT) == 3
    assert view.header.current_number.text() == "3"
    assert view.header.warm.text() == "This is your longest run yet: 3 days and counting."
    window.ctx.ws.checkins.record(walk, ago(1), MISSED)
    assert row_of(view, walk).data(Role.CURRENT) == 1
    assert view.header.current_number.text() == "1"


def test_changes_made_while_hidden_show_when_it_comes_back(window: MainWindow) -> None:
    walk = add(window.ctx.ws, "Walk")
    view = streaks(window)
    window.show_view("today")
    window.ctx.ws.checkins.record(walk, ago(1), KEPT)
    window.ctx.ws.checkins.record(walk, TODAY, KEPT)
    add(window.ctx.ws, "Read")
    view = streaks(window)
    assert row_of(view, walk).data(Role.CURRENT) == 2
    assert view.model.rowCount() == 2


def test_archived_commitments_show_on_request(qtbot: QtBot, window: MainWindow) -> None:
    walk = add(window.ctx.ws, "Walk")
    old = add(window.ctx.ws, "Old habit")
    keep_days(window, old, ago(5), ago(4))
    window.ctx.ws.commitments.archive(old, ago(3))
    view = streaks(window)
    assert view.model.ids() == [walk]
    view.show_archived.click()
    assert view.model.ids() == [walk, old]
    assert row_of(view, old).data(Role.ARCHIVED)
    assert row_of(view, old).data(Role.LINE) == "Archived · best 2 days"
    view.select_commitment(old)
    assert view.heat.state_of(ago(3)) is not None  # its last day
    assert view.heat.state_of(ago(2)) is None  # put away since


def test_only_archived_commitments_says_so(window: MainWindow) -> None:
    old = add(window.ctx.ws, "Old habit")
    window.ctx.ws.commitments.archive(old)
    view = streaks(window)
    assert view.all_archived.isVisible()
    view.show_archived.click()
    assert not view.all_archived.isVisible()
    assert view.selected_commitment == old


def test_best_streaks_across_all_and_for_one(qtbot: QtBot, window: MainWindow) -> None:
    walk = add(window.ctx.ws, "Walk")
    read = add(window.ctx.ws, "Read")
    keep_days(window, walk, date(2026, 8, 1), date(2026, 8, 2))
    keep_days(window, read, *(date(2026, 9, d) for d in range(1, 8)))
    view = streaks(window)
    best = view.best.model
    assert [best.index(r, 0).data(BestRole.TITLE) for r in range(best.rowCount())] == [
        "Read", "Walk"]
    assert best.index(0, 0).data() == "7 days"
    assert best.index(0, 0).data(BestRole.SPAN) == "1\u2009–\u20097 Sept 2026"
    view.best.one_button.click()  # the commitment shown: Walk
    assert [best.index(r, 0).data(BestRole.TITLE) for r in range(best.rowCount())] == ["Walk"]
    view.best.all_button.click()
    rect = view.best.view.visualRect(best.index(0, 0))
    qtbot.mouseClick(view.best.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_commitment == read
    assert view.heat.focused_day == date(2026, 9, 7)


def test_a_reflection_updates_counts_and_list(window: MainWindow) -> None:
    walk = add(window.ctx.ws, "Walk")
    window.ctx.ws.checkins.record(walk, ago(2), MISSED)
    view = streaks(window)
    assert "0 repaired" in view.header.counts.accessibleName()
    window.ctx.ws.reflections.write(ReflectionDraft(ago(2), walk, happened="Rain all day"))
    assert "1 repaired" in view.header.counts.accessibleName()


def test_a_new_day_moves_today(window: MainWindow, clock: FixedClock) -> None:
    walk = add(window.ctx.ws, "Walk")
    keep_days(window, walk, TODAY)
    view = streaks(window)
    clock.advance(days=1)
    window.check_day()  # what the rollover timer does
    tomorrow = TODAY + timedelta(days=1)
    assert view.heat.state_of(tomorrow) is not None
    assert view.heat.focused_day == tomorrow
    assert row_of(view, walk).data(Role.CURRENT) == 1  # today still open: the run stands


def test_the_list_model_is_sound(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    walk = add(window.ctx.ws, "Walk")
    add(window.ctx.ws, "Read")
    keep_days(window, walk, ago(1))
    view = streaks(window)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.best.model)


def test_tab_order_reaches_the_calendar_from_the_list(window: MainWindow) -> None:
    add(window.ctx.ws, "Walk")
    view = streaks(window)
    assert view.list.nextInFocusChain() is view.heat or \
        view.heat in _focus_chain(view.list, 3)
    assert without_isolates(view.heat.accessibleName()) == "Calendar of Walk"


def _focus_chain(start, steps: int) -> list:  # type: ignore[no-untyped-def]
    out, w = [], start
    for _ in range(steps):
        w = w.nextInFocusChain()
        out.append(w)
    return out


def test_an_archived_commitment_speaks_of_its_past(window: MainWindow) -> None:
    old = add(window.ctx.ws, "Old habit")
    keep_days(window, old, ago(5), ago(4))
    window.ctx.ws.commitments.archive(old, ago(3))
    view = streaks(window)
    view.show_archived.click()
    view.select_commitment(old)
    assert view.header.current_name is not None
    assert view.header.current_name.text() == "Run when archived"
    assert view.header.current_caption.text() == "days"
    assert view.header.warm.text() == (
        "Archived on Saturday, 21 November 2026; its history stays. "
        "Longest run: 2 days, 19\u2009–\u200920 Nov 2026.")
