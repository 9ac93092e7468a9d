"""The calendar heat map: every state held and drawn distinctly, days open in Today,
keyboard navigation, the week start, tooltips and reflecting on a day not kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from itertools import combinations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from streaks_helpers import (
    KEPT,
    MISSED,
    SKIPPED,
    TODAY,
    add,
    ago,
    cell_image,
    same_image,
    streaks,
)

from selftrust.base.bidi import without_isolates
from selftrust.domain.commitment import Pause, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.occasions import DayState
from selftrust.services.checkins import CheckinState
from selftrust.services.reflections import ReflectionDraft
from selftrust.ui.shell.main_window import MainWindow

# The 10th of several months: the same day number, so only the mark differs.
KEPT_DAY = date(2026, 10, 10)
MISSED_DAY = date(2026, 9, 10)
REPAIRED_DAY = date(2026, 8, 10)
SKIPPED_DAY = date(2026, 7, 10)
PAUSED_DAY = date(2026, 6, 10)
UNMARKED_DAY = date(2026, 11, 10)


@pytest.fixture
def walk(window: MainWindow) -> int:
    ws = window.ctx.ws
    cid = add(ws, "Walk", color="#287ccf")
    ws.checkins.record(cid, KEPT_DAY, KEPT)
    ws.checkins.record(cid, MISSED_DAY, MISSED)
    ws.checkins.record(cid, REPAIRED_DAY, MISSED)
    ws.reflections.write(ReflectionDraft(REPAIRED_DAY, cid, happened="A long day at work"))
    ws.checkins.record(cid, SKIPPED_DAY, SKIPPED)
    ws.commitments.set_pauses(cid, [Pause(PAUSED_DAY, PAUSED_DAY)])
    return cid


def test_the_calendar_holds_each_days_state(window: MainWindow, walk: int) -> None:
    view = streaks(window)
    assert view.selected_commitment == walk
    heat = view.heat
    assert heat.state_of(KEPT_DAY) is DayState.KEPT
    assert heat.state_of(MISSED_DAY) is DayState.MISSED
    assert heat.state_of(REPAIRED_DAY) is DayState.REPAIRED
    assert heat.state_of(SKIPPED_DAY) is DayState.SKIPPED
    assert heat.state_of(PAUSED_DAY) is DayState.PAUSED
    assert heat.state_of(UNMARKED_DAY) is DayState.UNMARKED
    assert heat.state_of(TODAY) is DayState.OPEN
    assert heat.state_of(TODAY + timedelta(days=1)) is None  # still to come
    assert heat.state_of(date(2026, 5, 31)) is None  # before the promise began


def test_each_state_is_drawn_differently_even_without_colour(window: MainWindow,
                                                              walk: int) -> None:
    view = streaks(window)
    days = [KEPT_DAY, MISSED_DAY, REPAIRED_DAY, SKIPPED_DAY, PAUSED_DAY, UNMARKED_DAY]
    images = {d: cell_image(view, d) for d in days}  # grey levels: shapes must tell them apart
    for a, b in combinations(days, 2):
        assert not same_image(images[a], images[b]), f"{a} and {b} look the same"


def test_partly_kept_and_not_due_days_are_drawn_differently(window: MainWindow) -> None:
    ws = window.ctx.ws
    cid = add(ws, "Read", "mon,tue,wed,thu,fri", target=Target(10, "pages", Period.DAY))
    ws.checkins.record(cid, date(2026, 8, 10), CheckinState(Status.KEPT, 12))  # a Monday
    ws.checkins.record(cid, date(2026, 9, 10), CheckinState(Status.KEPT, 4))  # a Thursday
    view = streaks(window)
    heat = view.heat
    not_due, partly, kept, unmarked = (date(2026, 10, 10), date(2026, 9, 10),
                                       date(2026, 8, 10), date(2026, 6, 10))
    assert heat.state_of(not_due) is DayState.NOT_DUE  # a Saturday
    assert heat.state_of(partly) is DayState.PARTLY
    assert heat.state_of(kept) is DayState.KEPT
    assert heat.state_of(unmarked) is DayState.UNMARKED
    images = [cell_image(view, d) for d in (not_due, partly, kept, unmarked)]
    for a, b in combinations(images, 2):
        assert not same_image(a, b)
    assert "4 of 10 pages" in without_isolates(heat.words_for(partly))


def test_a_flexible_schedule_shows_open_days(window: MainWindow) -> None:
    ws = window.ctx.ws
    cid = add(ws, "Gym", "2/week")
    ws.checkins.record(cid, date(2026, 10, 10), KEPT)
    heat = streaks(window).heat
    assert heat.state_of(date(2026, 11, 10)) is DayState.OPEN
    assert "Open" in heat.words_for(date(2026, 11, 10))


def test_clicking_a_day_opens_it_in_today(qtbot: QtBot, window: MainWindow, walk: int,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[date] = []
    monkeypatch.setattr(window.page("today"), "set_day", shown.append, raising=False)
    view = streaks(window)
    rect = view.heat.cell_rect(MISSED_DAY)
    qtbot.mouseClick(view.heat, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_view == "today"
    assert shown == [MISSED_DAY]


def test_arrow_keys_move_the_day_and_enter_opens_it(qtbot: QtBot, window: MainWindow,
                                                    walk: int,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[date] = []
    monkeypatch.setattr(window.page("today"), "set_day", shown.append, raising=False)
    view = streaks(window)
    heat = view.heat
    heat.setFocus()
    assert heat.focused_day == TODAY
    qtbot.keyClick(heat, Qt.Key.Key_Left)
    qtbot.keyClick(heat, Qt.Key.Key_Up)
    assert heat.focused_day == TODAY - timedelta(days=8)
    assert heat.accessibleDescription().startswith("Monday, 16 November 2026")
    qtbot.keyClick(heat, Qt.Key.Key_Right)  # into the future? no: it stays in the history
    qtbot.keyClick(heat, Qt.Key.Key_Down)
    qtbot.keyClick(heat, Qt.Key.Key_Down)
    assert heat.focused_day == TODAY
    qtbot.keyClick(heat, Qt.Key.Key_PageUp)
    assert heat.focused_day == date(2026, 10, 24)
    qtbot.keyClick(heat, Qt.Key.Key_Home)
    assert heat.focused_day == date(2026, 6, 1)
    qtbot.keyClick(heat, Qt.Key.Key_Return)
    assert window.current_view == "today"
    assert shown == [date(2026, 6, 1)]


def test_weeks_start_on_the_users_day(window: MainWindow, walk: int) -> None:
    ws = window.ctx.ws
    monday, sunday = date(2026, 11, 16), date(2026, 11, 22)
    heat = streaks(window).heat
    assert heat.cell_rect(monday).x() < heat.cell_rect(sunday).x()
    ws.update_settings(replace(ws.settings, chosen_week_start=6))  # Sunday
    assert heat.cell_rect(sunday).x() < heat.cell_rect(monday).x()
    assert heat.cell_rect(sunday).y() > heat.cell_rect(monday).y()  # a new row
    assert heat.cell_rect(sunday).x() == heat.cell_rect(date(2026, 11, 15)).x()


def test_a_reflection_shows_the_day_repaired(window: MainWindow, walk: int) -> None:
    view = streaks(window)
    missed = cell_image(view, MISSED_DAY)
    window.ctx.ws.reflections.write(
        ReflectionDraft(MISSED_DAY, walk, happened="I forgot, and that is human"))
    assert view.heat.state_of(MISSED_DAY) is DayState.REPAIRED
    assert not same_image(cell_image(view, MISSED_DAY), missed)
    assert view.header.counts.accessibleName().endswith("2 repaired and 1 skipped")


def test_a_day_not_kept_offers_a_reflection(qtbot: QtBot, window: MainWindow, walk: int,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[int | None, date | None]] = []
    monkeypatch.setattr(window, "reflect_on", lambda cid, day: asked.append((cid, day)))
    heat = streaks(window).heat
    menu = heat.day_menu(MISSED_DAY)
    words = [a.text() for a in menu.actions()]
    assert words == ["Open in Today", "Reflect on this day…"]
    menu.actions()[1].trigger()
    assert asked == [(walk, MISSED_DAY)]
    assert [a.text() for a in heat.day_menu(REPAIRED_DAY).actions()] == ["Open in Today"]
    assert [a.text() for a in heat.day_menu(KEPT_DAY).actions()] == ["Open in Today"]
    heat.focus_day(MISSED_DAY)
    heat.setFocus()
    qtbot.keyClick(heat, Qt.Key.Key_R)
    assert asked[-1] == (walk, MISSED_DAY)


def test_reflecting_from_the_calendar_goes_through_the_window(
        window: MainWindow, walk: int, prompter, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[tuple[int | None, date | None]] = []
    monkeypatch.setattr(window, "reflect_on", lambda cid, day: asked.append((cid, day)))
    heat = streaks(window).heat
    heat.reflect_requested.emit(MISSED_DAY)
    assert asked == [(walk, MISSED_DAY)]
    assert not prompter.asked  # the reflection dialog is part of the app: nothing to explain


def test_the_tooltip_tells_the_day_in_words_and_escapes_the_note(window: MainWindow) -> None:
    ws = window.ctx.ws
    cid = add(ws, "Read", target=Target(10, "pages", Period.DAY))
    ws.checkins.record(cid, ago(1), CheckinState(Status.KEPT, 12, "<b>Dune</b> & tea"))
    heat = streaks(window).heat
    tip = heat.tooltip_html(ago(1))
    assert "Monday, 23 November 2026" in tip
    assert "Kept, 12 pages" in without_isolates(tip)
    assert "&lt;b&gt;Dune&lt;/b&gt; &amp; tea" in tip
    assert "<b>Dune</b>" not in tip


def test_a_check_in_repaints_its_day(window: MainWindow, walk: int) -> None:
    view = streaks(window)
    before = cell_image(view, ago(1))
    window.ctx.ws.checkins.record(walk, ago(1), KEPT)
    assert view.heat.state_of(ago(1)) is DayState.KEPT
    assert not same_image(cell_image(view, ago(1)), before)
    window.ctx.ws.checkins.record(walk, ago(1), None)
    assert view.heat.state_of(ago(1)) is DayState.UNMARKED
