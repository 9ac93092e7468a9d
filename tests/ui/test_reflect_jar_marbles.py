"""Tester findings on the marble jar: gold marbles keep their owner in the list, and
every colour follows a live theme switch."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.jar_picture import jar_picture
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace
from selftrust.ui.jar.jar_view import JarView
from selftrust.ui.look import theme
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow
from tests.ui.reflect_helpers import TODAY


def _three_with_a_repair(ws: Workspace) -> None:
    """Keep Walk and In bed, miss Read, reflect on the miss (the tester's steps)."""
    ids = {}
    for title in ("Walk", "In bed", "Read"):
        draft = CommitmentDraft(title, Rules(), created_on=TODAY - timedelta(days=1))
        ids[title] = ws.commitments.create(draft).id
    ws.checkins.record(ids["Walk"], TODAY, CheckinState(Status.KEPT))
    ws.checkins.record(ids["In bed"], TODAY, CheckinState(Status.KEPT))
    ws.checkins.record(ids["Read"], TODAY, CheckinState(Status.MISSED))
    ws.reflections.write(ReflectionDraft(TODAY, ids["Read"], happened="Too tired."))


def _legend(view: JarView) -> dict[str, int]:
    grid: QGridLayout = view.legend
    rows: dict[str, int] = {}
    for r in range(grid.rowCount()):
        title = grid.itemAtPosition(r, 1)
        count = grid.itemAtPosition(r, 2)
        if title is None or count is None:
            continue
        t, c = title.widget(), count.widget()
        if isinstance(t, QLabel) and isinstance(c, QLabel) and t.isVisibleTo(view):
            rows[t.text()] = int(c.text().replace(",", ""))
    return rows


def test_shares_count_gold_marbles_and_add_up_to_the_jar(ws: Workspace) -> None:
    _three_with_a_repair(ws)
    picture = jar_picture(ws)
    jar = ws.ledger.jar(TODAY, ws.settings.jar_rules)
    assert picture.gold_in_jar == 1
    assert sum(s.marbles for s in picture.shares) == jar.marbles == picture.marbles == 2
    assert {s.title for s in picture.shares} == {"Walk", "In bed"}


def test_whose_marbles_lists_every_owner_gold_or_plain(window: MainWindow,
                                                       ctx: UiContext) -> None:
    _three_with_a_repair(ctx.ws)
    window.show_view("jar")
    view = window.page("jar")
    assert isinstance(view, JarView)
    listed = _legend(view)
    assert listed == {"Walk": 1, "In bed": 1}
    assert sum(listed.values()) == ctx.ws.ledger.jar(TODAY, ctx.ws.settings.jar_rules).marbles


@pytest.mark.parametrize("themed_before_the_window", [False, True])
def test_the_weeks_change_follows_a_live_theme_switch(
        qtbot: QtBot, ctx: UiContext, request: pytest.FixtureRequest,
        themed_before_the_window: bool) -> None:
    _three_with_a_repair(ctx.ws)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    if themed_before_the_window:  # as the app starts: the theme first, then the window
        theme.apply_theme(app, theme.Theme.LIGHT)
    window = request.getfixturevalue("window")
    assert isinstance(window, MainWindow)
    try:
        theme.apply_theme(app, theme.Theme.DARK)
        window.show_view("jar")
        view = window.page("jar")
        assert isinstance(view, JarView)
        week = view.findChild(QLabel, "jar-week")
        assert week.text() == "+2 this week"
        dark_colour = week.palette().color(week.foregroundRole())
        assert dark_colour == theme.accent(app.palette())
        theme.apply_theme(app, theme.Theme.LIGHT)
        qtbot.waitUntil(lambda: week.palette().color(week.foregroundRole())
                        == theme.accent(app.palette()), timeout=2000)
        light = week.palette().color(week.foregroundRole())
        assert light != dark_colour
        assert _contrast(light, app.palette().window().color()) >= 3.0
    finally:
        app.setPalette(before)


def _luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def _contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
