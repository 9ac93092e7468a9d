"""The window fits the screen it opens on: a first start on a small laptop screen, and a
remembered place on a monitor that has since been unplugged."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.shell.window_fit import TITLE_ALLOWANCE, default_geometry, fit_rect

LAPTOP = QRect(0, 0, 1366, 728)  # a 1366x768 screen less a 40 px panel


def _shown(qtbot: QtBot, ctx: UiContext) -> MainWindow:
    win = MainWindow(ctx, restore_state=True)
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    return win


def _available() -> QRect:
    screen = QApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def test_the_default_size_fits_a_1366x768_screen_title_bar_and_all() -> None:
    rect = default_geometry(LAPTOP)
    assert LAPTOP.contains(rect.adjusted(0, -TITLE_ALLOWANCE, 0, 0))
    assert rect.width() >= 900 and rect.height() >= 560  # still roomy, not a postage stamp


def test_the_default_size_is_the_calm_1100x720_where_there_is_room() -> None:
    rect = default_geometry(QRect(0, 0, 1920, 1050))
    assert (rect.width(), rect.height()) == (1100, 720)
    assert rect.center().x() in range(950, 970)  # centred


def test_a_first_window_fits_the_screen_it_opens_on(qtbot: QtBot, ctx: UiContext) -> None:
    win = _shown(qtbot, ctx)  # no remembered geometry
    assert _available().contains(win.frameGeometry())


def test_a_place_on_an_unplugged_monitor_is_brought_back(
        qtbot: QtBot, ctx: UiContext) -> None:
    away = MainWindow(ctx, restore_state=False)
    qtbot.addWidget(away)
    away.setGeometry(QRect(QPoint(2600, 300), QSize(1500, 1000)))  # a big monitor
    ctx.prefs.geometry = away.saveGeometry()  # as if saved on a monitor to the right
    away.deleteLater()

    win = _shown(qtbot, ctx)
    assert _available().contains(win.frameGeometry())


def test_fit_rect_keeps_a_rect_that_already_fits() -> None:
    inside = QRect(100, 100, 800, 500)
    assert fit_rect(inside, LAPTOP) == inside


def test_fit_rect_shrinks_and_moves_what_does_not() -> None:
    fitted = fit_rect(QRect(3000, -50, 2000, 1400), LAPTOP)
    assert LAPTOP.contains(fitted.adjusted(0, -TITLE_ALLOWANCE, 0, 0))
