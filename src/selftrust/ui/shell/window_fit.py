"""Keeping the main window on a screen that exists, at a size that fits it.

A first start on a 1366x768 laptop must not put the bottom of the window under the
panel, and a place remembered on a monitor that has since been unplugged must not
leave the window where no one can see it. Rectangles here are the window's client
area; the title bar the window manager adds on top is allowed for.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from selftrust.ui.look.screens import nullable, primary_screen

DEFAULT_SIZE = QSize(1100, 720)
TITLE_ALLOWANCE = 40  # px a window manager's title bar and frame may add (the client area
# is what Qt restores; 40 covers common title bars at 100 % and most at 125 %)
SIDE_ALLOWANCE = 8
ROOM = 0.92  # a first window leaves a little of the desktop showing around it


def default_geometry(available: QRect) -> QRect:
    """The calm 1100x720, or less on a small screen, centred on ``available``."""
    width = min(DEFAULT_SIZE.width(), int(available.width() * ROOM) - SIDE_ALLOWANCE)
    height = min(DEFAULT_SIZE.height(),
                 int(available.height() * ROOM) - TITLE_ALLOWANCE)
    rect = QRect(0, 0, max(width, 1), max(height, 1))
    rect.moveCenter(available.center())
    rect.translate(0, TITLE_ALLOWANCE // 2)
    return rect


def fit_rect(rect: QRect, available: QRect) -> QRect:
    """``rect`` made small enough for ``available`` and moved inside it (title bar too);
    a rect that already fits is returned as it is."""
    room = available.adjusted(SIDE_ALLOWANCE // 2, TITLE_ALLOWANCE,
                              -(SIDE_ALLOWANCE // 2), -(SIDE_ALLOWANCE // 2))
    if room.contains(rect):
        return QRect(rect)
    fitted = QRect(rect)
    fitted.setWidth(min(rect.width(), room.width()))
    fitted.setHeight(min(rect.height(), room.height()))
    x = min(max(fitted.x(), room.left()), room.right() - fitted.width() + 1)
    y = min(max(fitted.y(), room.top()), room.bottom() - fitted.height() + 1)
    fitted.moveTo(x, y)
    return fitted


def screen_for(rect: QRect) -> QScreen | None:
    """The connected screen showing most of ``rect``; the primary one if none does."""
    best, area = None, 0
    for screen in QGuiApplication.screens():
        shared = screen.availableGeometry().intersected(rect)
        if shared.width() * shared.height() > area:
            best, area = screen, shared.width() * shared.height()
    return best or primary_screen()


def place_default(window: QWidget) -> None:
    """Size and centre a window that has no remembered place on the screen it opens on."""
    screen = nullable(window.screen()) or primary_screen()
    if screen is None:
        window.resize(DEFAULT_SIZE)
        return
    window.setGeometry(default_geometry(screen.availableGeometry()))


def keep_on_screen(window: QWidget) -> None:
    """Bring a restored window back onto a screen that exists now, small enough for it."""
    if window.isMaximized() or window.isFullScreen():
        return
    rect = window.geometry()
    screen = screen_for(rect)
    if screen is None:
        return
    fitted = fit_rect(rect, screen.availableGeometry())
    if fitted != rect:
        window.setGeometry(fitted)
