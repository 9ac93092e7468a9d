"""The reflection dialog on a short screen: the header and buttons stay in view and the
prompts scroll; Ctrl+Enter is shown beside Save; the calendar offers no day to come."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, QRect
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from selftrust.ui.reflections import screen_fit
from selftrust.ui.reflections.open_dialogs import open_reflection
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow
from tests.ui.reflect_helpers import (
    TODAY,
    YESTERDAY,
    walk_with_a_miss,
)


def _on_screen(widget: QWidget, area: QRect) -> bool:
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return area.contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize(
    "area",
    [QRect(0, 0, 1024, 600),  # a netbook
     QRect(0, 0, 1366, 728)],  # a laptop with a 40-pixel taskbar
    ids=["1024x600", "1366x768-taskbar"],
)
def test_on_a_short_screen_the_buttons_stay_in_view_and_the_prompts_scroll(
        qtbot: QtBot, window: MainWindow, ctx: UiContext, area: QRect,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screen_fit, "available_area", lambda widget: area)
    dialog = open_reflection(ctx, window, walk_with_a_miss(ctx.ws), YESTERDAY)
    assert dialog is not None
    qtbot.waitUntil(lambda: area.contains(dialog.frameGeometry()), timeout=2000)
    # the estimate of a window manager's title bar is kept free as well
    assert dialog.frameGeometry().height() + 20 <= area.height()
    for name in ("reflection-save", "reflection-close"):
        button = dialog.findChild(QPushButton, name)
        assert button.isVisible() and _on_screen(button, area), name
    assert _on_screen(dialog.findChild(QLabel, "reflection-title"), area)
    scroll = dialog.scroll_area
    assert scroll.verticalScrollBar().maximum() > 0  # the prompts scroll instead
    dialog.close()


def test_a_tall_screen_keeps_the_comfortable_height(
        qtbot: QtBot, window: MainWindow, ctx: UiContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screen_fit, "available_area", lambda widget: QRect(0, 0, 1600, 1200))
    dialog = open_reflection(ctx, window, None, None)
    assert dialog is not None
    assert dialog.height() >= 600
    dialog.close()


def test_ctrl_enter_is_shown_beside_save_not_only_in_a_tooltip(
        qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    dialog = open_reflection(ctx, window, None, None)
    assert dialog is not None
    save = dialog.findChild(QPushButton, "reflection-save")
    hint = dialog.findChild(QLabel, "reflection-save-keys")
    assert "Ctrl+Enter" in save.toolTip()
    assert hint.text() == "Ctrl+Enter" and hint.isVisible()
    assert abs(hint.mapTo(dialog, QPoint(0, 0)).y() - save.mapTo(dialog, QPoint(0, 0)).y()) < \
        save.height()  # on the same line as Save
    dialog.close()


def test_the_day_picker_offers_today_and_before_only(qtbot: QtBot, window: MainWindow,
                                                      ctx: UiContext) -> None:
    dialog = open_reflection(ctx, window, None, None)
    assert dialog is not None
    edit = dialog.day_edit
    today = QDate(TODAY.year, TODAY.month, TODAY.day)
    assert edit.maximumDate() == today
    edit.setDate(today.addDays(3))
    assert edit.date() == today and dialog.day == TODAY
    calendar = edit.calendarWidget()
    assert calendar.maximumDate() == today
    greyed = dialog.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    for later in (1, 2, 6):  # the rest of the month shows as not to be chosen
        assert calendar.dateTextFormat(today.addDays(later)).foreground().color() == greyed
    assert calendar.dateTextFormat(today).foreground().color() != greyed
    edit.setDate(today.addDays(-1))
    assert dialog.day == TODAY - timedelta(days=1)
    dialog.close()
