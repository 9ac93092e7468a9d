"""The calendar's scroll area: the heat map always as wide as the view, as tall as it needs."""

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
        """Match the heat map to the viewport's width; its height follows its months."""
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
        """Scroll so the last month (today's) is in view: months run down in time. The
        first layouts of a window change the height, so it holds until the user scrolls."""
        self._at_today = True
        self._scroll_to_today()

    def _scroll_to_today(self) -> None:
        rect = self.heat.last_month_rect()
        bar = self.verticalScrollBar()
        if rect is None:
            bar.setValue(0)
            return
        bar.setRange(0, max(0, self.heat.height() - self.viewport().height()))
        bar.setValue(max(0, rect.bottom() - self.viewport().height()))
