"""The marble jar view: the count and the marbles follow every change, calmly."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from selftrust.domain.history import Status
from selftrust.services import demo
from selftrust.services.checkins import CheckinState
from selftrust.services.reflections import ReflectionDraft
from selftrust.ui.dialogs.help_dialog import HelpDialog
from selftrust.ui.jar import jar_shape
from selftrust.ui.jar.jar_canvas import drawn_marbles
from selftrust.ui.jar.jar_view import JarView
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow
from tests.ui.reflect_helpers import (
    TODAY,
    YESTERDAY,
    walk_with_a_miss,
)


def _jar(window: MainWindow) -> JarView:
    window.show_view("jar")
    view = window.page("jar")
    assert isinstance(view, JarView)
    return view


def _count(view: JarView) -> str:
    return view.findChild(QLabel, "jar-count").text()


def test_an_empty_jar_says_what_fills_it(window: MainWindow) -> None:
    view = _jar(window)
    assert _count(view) == "0"
    assert view.findChild(QLabel, "jar-empty-note").isVisible()


def test_kept_missed_and_repaired_change_the_jar_without_motion(
        qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    cid = walk_with_a_miss(ctx.ws)  # 7 kept, then a miss: 7 − 2
    view = _jar(window)
    assert _count(view) == "5"
    assert len(view.canvas.drawn) == 5
    ctx.ws.checkins.record(cid, TODAY, CheckinState(Status.KEPT))
    qtbot.waitUntil(lambda: _count(view) == "6", timeout=2000)
    assert not view.canvas.animating  # reduced motion (the test preference): no animation
    ctx.ws.reflections.write(ReflectionDraft(YESTERDAY, cid, happened="Rain."))
    qtbot.waitUntil(lambda: _count(view) == "8", timeout=2000)
    assert view.canvas.drawn.count(0) == 1  # one gold marble
    assert "1 gold" in view.findChild(QLabel, "jar-gold").text()
    assert view.findChild(QLabel, "jar-week").text() == "+1 this week"  # 7 before Monday


def test_with_motion_a_kept_promise_drops_a_marble_in(qtbot: QtBot, window: MainWindow,
                                                      ctx: UiContext) -> None:
    ctx.prefs.reduced_motion = False
    cid = walk_with_a_miss(ctx.ws)
    view = _jar(window)
    ctx.ws.checkins.record(cid, TODAY, CheckinState(Status.KEPT))
    qtbot.waitUntil(lambda: view.canvas.animating, timeout=2000)
    assert [m.out for m in view.canvas.moving] == [False]
    qtbot.waitUntil(lambda: not view.canvas.animating, timeout=3000)
    assert view.canvas.moving == []
    ctx.ws.checkins.record(cid, TODAY, CheckinState(Status.MISSED))  # 3 fewer: tumbling out
    qtbot.waitUntil(lambda: view.canvas.animating, timeout=2000)
    assert [m.out for m in view.canvas.moving] == [True, True, True]
    qtbot.waitUntil(lambda: not view.canvas.animating, timeout=3000)
    assert _count(view) == "3"


def test_how_is_this_counted_shows_the_users_own_figures(qtbot: QtBot, window: MainWindow,
                                                         ctx: UiContext) -> None:
    walk_with_a_miss(ctx.ws)
    view = _jar(window)
    qtbot.mouseClick(view.findChild(QPushButton, "jar-how"), Qt.MouseButton.LeftButton)
    [dialog] = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, HelpDialog) and w.isVisible()]
    text = dialog.browser.toPlainText()
    assert "Marbles in your jar" in text and "5" in text
    dialog.close()


def test_a_big_jar_is_drawn_as_a_representative_full_jar(qtbot: QtBot, window: MainWindow,
                                                         ctx: UiContext) -> None:
    demo.generate(ctx.ws, years=2, commitments=8)
    view = _jar(window)
    picture = view.picture
    assert picture is not None and picture.marbles > jar_shape.capacity()
    drawn = drawn_marbles(picture)
    assert len(drawn) == jar_shape.capacity()
    gold_share = picture.gold_in_jar / picture.marbles
    assert abs(drawn.count(0) / len(drawn) - gold_share) < 0.03
    assert view.findChild(QLabel, "jar-sample-note").isVisible()
    image = view.canvas.grab().toImage()
    assert not image.isNull() and image.format() != QImage.Format.Format_Invalid


def test_the_week_change_counts_from_the_start_of_the_week(window: MainWindow,
                                                           ctx: UiContext) -> None:
    cid = walk_with_a_miss(ctx.ws)  # Mon 23 missed; Sun 22 … Mon 16 kept
    ctx.ws.checkins.record(cid, TODAY - timedelta(days=9), CheckinState(Status.KEPT))
    view = _jar(window)
    assert view.picture is not None
    assert view.picture.week_first == TODAY - timedelta(days=1)
    assert view.findChild(QLabel, "jar-week").text() == "−2 this week"


def test_day_one_the_jar_tells_what_happened_and_draws_no_gold_it_lacks(
        qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    """A new user's first day (the tester's): Walk kept, over the coffee limit, a Gym miss
    reflected on. +1, −2 (only 1 there), repaired: 0 marbles, 1 repair."""
    from selftrust.domain.commitment import Rules, Target
    from selftrust.services.commitments import CommitmentDraft

    ws = ctx.ws
    make = ws.commitments.create
    walk = make(CommitmentDraft("Walk", Rules(), created_on=TODAY)).id
    coffee = make(CommitmentDraft("No more than 2 coffees",
                                  Rules(target=Target(2, "cups", at_most=True)),
                                  created_on=TODAY)).id
    gym = make(CommitmentDraft("Gym", Rules(), created_on=TODAY)).id
    ws.checkins.record(walk, TODAY, CheckinState(Status.KEPT))
    ws.checkins.record(coffee, TODAY, CheckinState(Status.KEPT, 4))
    ws.checkins.record(gym, TODAY, CheckinState(Status.MISSED))
    ws.reflections.write(ReflectionDraft(TODAY, gym, happened="Too tired."))
    view = _jar(window)
    assert _count(view) == "0"
    note = view.findChild(QLabel, "jar-empty-note")
    assert note.isVisible()
    assert "first marble" not in note.text()
    assert note.text().startswith("1 marble won today")
    gold = view.findChild(QLabel, "jar-gold")
    assert gold.text() == "1 miss repaired with a reflection"
    assert view.canvas.drawn.count(0) == 0 == len(view.canvas.drawn)
