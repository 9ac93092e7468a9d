"""Giving the keyboard focus back when the reflection dialog closes.

The dialog is a window of its own. While it is open, the place the user came from can
disappear — Today's "Want to reflect on this?" offer hides itself once the reflection
is saved — and Qt then hands the main window's focus to the next widget in line, the
navigation rail, where the next key press would switch views. So the dialog remembers
where the user was and puts the focus back there when it closes: the same widget if it
is still on screen, otherwise the view the window shows (Today's list, the journal's
list).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class FocusReturn:
    def __init__(self, parent: QWidget | None) -> None:
        self.window = parent.window() if parent is not None else None
        widget = QApplication.focusWidget()
        if widget is None or (self.window is not None and widget.window() is not self.window):
            widget = self.window.focusWidget() if self.window is not None else None
        self.widget = widget

    def target(self) -> QWidget | None:
        """Where the focus goes: the remembered widget while it can take it, else the
        window's current view (whose focus proxy is its list)."""
        window = self.window
        if window is None or not shiboken6.isValid(window) or not window.isVisible():
            return None
        widget = self.widget
        if (widget is not None and shiboken6.isValid(widget) and widget.isVisible()
                and widget.isEnabled() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus):
            return widget
        current = getattr(window, "current_view", None)  # the main window's view key
        page = getattr(window, "page", None)
        if isinstance(current, str) and callable(page):
            view = page(current)
            if isinstance(view, QWidget):
                return view
        return window

    def give_back(self) -> None:
        """After the dialog has gone (the next turn of the event loop)."""
        QTimer.singleShot(0, self._now)

    def _now(self) -> None:
        target = self.target()
        if target is None:
            return
        window = target.window()
        active = QApplication.activeWindow()
        if active is None or not active.isVisible():
            window.activateWindow()
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

