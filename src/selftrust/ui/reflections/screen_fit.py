"""Keeping a tall dialog on a short screen: its height follows the space there is.

A 1024×600 netbook or a 1366×768 laptop with a taskbar has far less height than the
reflection dialog would like; its buttons must never end up below the screen. The
dialog asks here how tall it may be, before it is shown (so Qt centres it at its real
size) and once more when the window manager has added its frame.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QStyle, QWidget


def available_area(widget: QWidget) -> QRect:
    """The usable part (without taskbars and panels) of the screen the widget opens on:
    its parent's screen while it is not shown yet."""
    parent = widget.parentWidget()
    screen: QScreen | None = (parent.window().screen()
                              if parent is not None and not widget.isVisible()
                              else widget.screen())
    primary: QScreen | None = QGuiApplication.primaryScreen()  # None with no screen at all
    screen = screen or primary
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)


def frame_height(widget: QWidget) -> int:
    """The window manager's frame above and below the widget: measured once shown,
    estimated before (a title bar about two lines tall, and a thin border)."""
    if widget.isVisible():
        extra = widget.frameGeometry().height() - widget.geometry().height()
        if extra > 0:
            return extra
    # Either may be None (a widget without a style yet, an application being torn down).
    own: QStyle | None = widget.style()
    app_style: QStyle | None = QApplication.style()
    style = own or app_style
    title = style.pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight) if style else 0
    return max(title, widget.fontMetrics().height() * 2) + 8


def fitting_height(widget: QWidget, preferred: int) -> int:
    """``preferred``, or less when the screen is shorter; never below the widget's own
    minimum (its header and buttons), which is kept small for that reason."""
    room = available_area(widget).height() - frame_height(widget)
    return max(min(preferred, room), widget.minimumSizeHint().height())


def keep_on_screen(widget: QWidget) -> None:
    """Shrink and move a shown window so that its whole frame is on the usable screen."""
    area = available_area(widget)
    frame = widget.frameGeometry()
    if area.contains(frame):
        return
    extra = frame_height(widget)
    height = max(min(widget.height(), area.height() - extra), widget.minimumHeight())
    if height != widget.height():
        widget.resize(widget.width(), height)
        frame = widget.frameGeometry()
    x = min(max(frame.x(), area.left()), max(area.left(), area.right() + 1 - frame.width()))
    y = min(max(frame.y(), area.top()), max(area.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)
