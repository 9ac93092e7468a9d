"""Preferences apply at once: the day start moves today, the week start reorders the
weekday toggles, the theme repaints, reduced motion is remembered."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from dialog_helpers import activate, choose, click, close_at_end, the_dialog
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from selftrust.services.clock import FixedClock
from selftrust.ui.dialogs.preferences_dialog import (
    PreferencesDialog,
    day_start_hint,
    open_preferences,
    screenshot_target,
)
from selftrust.ui.look.theme import Theme, is_dark
from selftrust.ui.shell.context import UiContext


@pytest.fixture
def keep_app_look(qapp: QApplication) -> Iterator[None]:
    """The QApplication is shared by the whole session: put its look back afterwards."""
    palette, style = qapp.palette(), qapp.style().name()
    dark = qapp.property("selftrust_dark")
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setProperty("selftrust_dark", dark)
    from selftrust.ui.look import icons

    icons.clear_cache()


def preferences(qtbot: QtBot, ctx: UiContext) -> PreferencesDialog:
    dialog = open_preferences(ctx, None)
    close_at_end(qtbot, dialog)
    activate(dialog)
    return dialog


def test_ctrl_comma_opens_preferences(qtbot: QtBot, window) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = the_dialog(qtbot, PreferencesDialog)
    assert dialog.day_start.currentText() == "04:00"
    assert dialog.day_start_hint.text() == "A check-in at 01:00 still counts for the day before."
    assert dialog.week_start.currentText() == "As your language has it (Monday)"
    dialog.close()


def test_day_start_moves_today_at_once(qtbot: QtBot, ctx: UiContext, clock: FixedClock) -> None:
    clock.moment = datetime(2026, 11, 25, 5, 30).astimezone()
    assert ctx.ws.today() == date(2026, 11, 25)
    dialog = preferences(qtbot, ctx)
    choose(qtbot, dialog.day_start, "06:00")
    assert ctx.ws.settings.day_start_hour == 6
    assert ctx.ws.today() == date(2026, 11, 24), "05:30 now belongs to the day before"
    assert dialog.day_start_hint.text().startswith(
        "With the day starting at 06:00, it is still Tuesday 24 November until 06:00.")
    choose(qtbot, dialog.day_start, "00:00")
    assert dialog.day_start_hint.text() == "Days begin at midnight, as on the calendar."
    dialog.close()
    assert ctx.ws.settings.day_start_hour == 0, "Close keeps what was chosen"


@pytest.mark.parametrize(("hour", "text"), [
    (0, "Days begin at midnight, as on the calendar."),
    (1, "A check-in at 00:30 still counts for the day before."),
    (4, "A check-in at 01:00 still counts for the day before."),
    (9, "A check-in at 08:00 still counts for the day before."),
    (23, "A check-in at 22:00 still counts for the day before."),
])
def test_day_start_hint_is_true_for_every_hour(hour: int, text: str) -> None:
    assert day_start_hint(hour) == text


def test_week_start_is_saved_with_the_data(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = preferences(qtbot, ctx)
    choose(qtbot, dialog.week_start, "Sunday")
    assert ctx.ws.settings.week_start == 6
    dialog.close()


def test_theme_applies_at_once_and_is_remembered(
    qtbot: QtBot, ctx: UiContext, keep_app_look: None
) -> None:
    changed: list[bool] = []
    ctx.clockwork.prefs_changed.connect(lambda: changed.append(True))
    dialog = preferences(qtbot, ctx)
    click(qtbot, dialog.theme_buttons[Theme.LIGHT])
    QApplication.processEvents()  # the new palette reaches child widgets as posted events

    def hint_lightness() -> int:
        return dialog.day_start_hint.palette().color(QPalette.ColorRole.WindowText).lightness()

    light_hint = hint_lightness()
    click(qtbot, dialog.theme_buttons[Theme.DARK])
    assert is_dark(QApplication.palette())
    qtbot.waitUntil(lambda: hint_lightness() > light_hint)  # open hints follow the theme
    assert ctx.prefs.theme is Theme.DARK
    assert changed, "views are told, so they re-render their icons"
    qtbot.keyClick(dialog.theme_buttons[Theme.DARK], Qt.Key.Key_Left)  # arrow keys, like radios
    assert dialog.theme() is Theme.LIGHT
    assert not is_dark(QApplication.palette())
    assert ctx.prefs.theme is Theme.LIGHT
    dialog.close()


def test_reduced_motion(qtbot: QtBot, ctx: UiContext) -> None:
    ctx.prefs.reduced_motion = False
    dialog = preferences(qtbot, ctx)
    assert not dialog.reduced_motion.isChecked()
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # its mnemonic
    qtbot.waitUntil(dialog.reduced_motion.isChecked)  # a mnemonic "animates" the click
    assert ctx.prefs.reduced_motion is True
    dialog.close()


def test_every_control_has_a_name(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = preferences(qtbot, ctx)
    for widget in (dialog.day_start, dialog.week_start, dialog.reduced_motion,
                   *dialog.theme_buttons.values()):
        assert widget.accessibleName(), widget.objectName()
    dialog.close()


def test_screenshot_target(qtbot: QtBot, window, ctx: UiContext) -> None:
    dialog = screenshot_target(ctx, window)
    assert dialog.isVisible()
    dialog.close()
