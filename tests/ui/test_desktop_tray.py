"""The tray: its count follows check-offs and the day, its menu checks promises off (undoably),
and its badge says how many are open. Offscreen there is no tray, so the icon is not
shown; the menu, the count and the badge are the same objects a desktop would show."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.schedule import parse_schedule
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.reminders import ReminderService
from selftrust.ui.desktop.tray import Tray, badge_pixmap, badge_text, tooltip
from selftrust.ui.look.icons import app_icon
from selftrust.ui.shell.context import UiContext

TODAY = date(2026, 11, 24)


def add(ctx: UiContext, title: str, schedule: str = "daily", target: Target | None = None
        ) -> int:
    rules = Rules(schedule=parse_schedule(schedule), target=target)
    draft = CommitmentDraft(title, rules, created_on=TODAY - timedelta(days=10))
    return ctx.ws.commitments.create(draft).id


@pytest.fixture
def tray(ctx: UiContext, qtbot: QtBot) -> Tray:
    add(ctx, "Walk")
    add(ctx, "Tea & toast")
    add(ctx, "Read", target=Target(20, "pages", Period.DAY))
    add(ctx, "Gym", schedule="mon,thu")  # not due on a Tuesday
    t = Tray(ctx, ReminderService(ctx.ws))
    yield t
    t.hide()
    t.menu.deleteLater()


def titles(tray: Tray) -> list[str]:
    return [a.text() for a in tray.promise_actions()]


def test_the_count_is_what_is_open_today(tray: Tray) -> None:
    assert tray.count == 3
    assert titles(tray) == ["Walk", "Tea && toast", "Read…"]
    assert tray.icon.toolTip() == "Self-Trust: 3 promises still open today"


def test_the_count_follows_a_check_off_made_anywhere(ctx: UiContext, tray: Tray,
                                                     qtbot: QtBot) -> None:
    walk = ctx.ws.commitments.find("Walk").id
    ctx.ws.checkins.record(walk, TODAY, CheckinState(Status.KEPT))  # as Today would
    qtbot.waitUntil(lambda: tray.count == 2)
    assert "Walk" not in titles(tray)
    ctx.ws.checkins.record(walk, TODAY, None)
    qtbot.waitUntil(lambda: tray.count == 3)


def test_checking_off_from_the_menu_saves_and_can_be_undone(ctx: UiContext, tray: Tray,
                                                            qtbot: QtBot) -> None:
    [walk_action] = [a for a in tray.promise_actions() if a.text() == "Walk"]
    walk_action.trigger()
    walk = ctx.ws.commitments.find("Walk").id
    stored = ctx.ws.checkins.get(walk, TODAY)
    assert stored is not None and stored.state.status is Status.KEPT
    assert tray.count == 2
    assert ctx.undo.undoText() == "Kept “Walk”"
    ctx.undo.undo()
    assert ctx.ws.checkins.get(walk, TODAY) is None
    qtbot.waitUntil(lambda: tray.count == 3)


def test_a_measurable_promise_opens_today_for_its_amount(ctx: UiContext, tray: Tray,
                                                         qtbot: QtBot) -> None:
    [read_action] = [a for a in tray.promise_actions() if a.text() == "Read…"]
    with qtbot.waitSignal(tray.open_requested, timeout=1000):
        read_action.trigger()
    assert ctx.ws.checkins.get(ctx.ws.commitments.find("Read").id, TODAY) is None


def test_the_count_follows_the_day_rolling_over(ctx: UiContext, tray: Tray,
                                                clock: FixedClock) -> None:
    for title in ("Walk", "Tea & toast"):
        ctx.ws.checkins.record(ctx.ws.commitments.find(title).id, TODAY,
                               CheckinState(Status.KEPT))
    tray.refresh()
    assert tray.count == 1
    clock.advance(days=1)  # Wednesday
    ctx.clockwork.day_changed.emit(TODAY + timedelta(days=1))
    assert tray.count == 3


def test_when_all_is_done_the_menu_says_so(ctx: UiContext, tray: Tray) -> None:
    for c in ctx.ws.commitments.all():
        if c.title != "Gym":
            ctx.ws.checkins.record(c.id, TODAY, CheckinState(Status.SKIPPED))
    tray.refresh()
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert texts == ["Open Self-Trust", "Nothing open today", "Quit Self-Trust"]
    assert tray.icon.toolTip() == "Self-Trust: nothing open today"


def test_open_and_quit_are_in_the_menu(tray: Tray, qtbot: QtBot) -> None:
    actions = {a.text(): a for a in tray.menu.actions()}
    with qtbot.waitSignal(tray.open_requested, timeout=1000):
        actions["Open Self-Trust"].trigger()
    with qtbot.waitSignal(tray.quit_requested, timeout=1000):
        actions["Quit Self-Trust"].trigger()


@pytest.mark.parametrize(("count", "text"), [(0, ""), (1, "1"), (9, "9"), (10, "9+"),
                                             (31, "9+")])
def test_badge_text(count: int, text: str) -> None:
    assert badge_text(count) == text


def test_the_badge_is_drawn_on_the_app_icon(qapp: object) -> None:
    red = QColor("#c2410c")
    plain = badge_pixmap(app_icon(), 0, 32, red).toImage()
    badged = badge_pixmap(app_icon(), 3, 32, red).toImage()
    assert plain == app_icon().pixmap(32, 32).toImage()
    assert badged != plain
    # The badge sits in the top-right corner; the bottom-left is the icon unchanged.
    corner = badged.pixelColor(badged.width() - 6, 5)
    assert abs(corner.red() - red.red()) < 40 and corner.blue() < 80
    assert badged.pixelColor(3, badged.height() - 4) == plain.pixelColor(3, plain.height() - 4)
    assert isinstance(badged, QImage)


def test_tooltip_wording() -> None:
    assert tooltip([]) == "Self-Trust: nothing open today"
