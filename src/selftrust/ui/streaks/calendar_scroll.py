"""The calendar's scroll area: the heat map always as wide as the view, as tall as it needs.

It opens on today's month, the last one drawn, and keeps it in place through the first
layouts of a window (and any resize) until the user scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from selftrust.ui.streaks.heat_map import HeatMap


class CalendarScroll(QScrollArea):
    def __init__(self, heat: HeatMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heat = heat
        self.setObjectName("StreakCalendarScroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(False)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setWidget(heat)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the calendar itself takes focus
        heat.want_visible.connect(self.show_rect)
        self._at_today = False  # keep today's month in view through resizes until scrolled
        self.verticalScrollBar().actionTriggered.connect(self._scrolled_by_hand)

    def fit(self) -> None:
        """Match the heat map to the viewport's width; its height follows its months.

        Today's month is placed again after any change of the viewport, its height
        too: a window made only shorter would otherwise keep the place worked out
        for the taller one and cut the month."""
        width = self.viewport().width()
        height = max(self.heat.height_for(width), self.viewport().height())
        if self.heat.size().width() != width or self.heat.height() != height:
            self.heat.resize(width, height)
        if self._at_today:
            self._scroll_to_today()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().viewportEvent(event)

    def _scrolled_by_hand(self, _action: int) -> None:
        self._at_today = False

    def show_rect(self, rect: QRect) -> None:
        self._at_today = False
        margin = max(4, rect.height() // 3)
        self.ensureVisible(rect.center().x(), rect.center().y(),
                           rect.width() // 2 + margin, rect.height() // 2 + margin)

    def to_today(self) -> None:
        """Scroll so the last month (today's) is in view, its header first: months run
        down in time. The first layouts of a window change the height, so it holds until
        the user scrolls."""
        self._at_today = True
        self._scroll_to_today()

    def _scroll_to_today(self) -> None:
        rect = self.heat.last_month_rect()
        bar = self.verticalScrollBar()
        if rect is None:
            bar.setValue(0)
            return
        room = self.viewport().height()
        bar.setRange(0, max(0, self.heat.height() - room))
        bar.setValue(month_offset(rect.top(), rect.height(), room))


def month_offset(top: int, height: int, room: int) -> int:
    """The scroll position that shows a month ``height`` pixels tall at ``top`` in
    ``room`` pixels of viewport.

    A month that fits is shown whole at the bottom, the months before it above. One
    taller than the room (large text in a small window) is shown from its top: its
    name and weekday initials say which month the days are, and are never cut off.
    """
    return max(0, min(top, top + height - room))
