"""The calendar heat map: months of days, each drawn with the mark of its state.

Painted by hand so it is crisp at any scaling and cheap with years of months: only the
months inside the exposed area are drawn. Keyboard: arrows move the focused day, Page
Up/Down a month, Home/End the first/last day, Enter opens the day in Today, R or the
context menu reflects on a day that was not kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from selftrust.base.bidi import isolate
from selftrust.base.i18n import _
from selftrust.domain.commitment import Target
from selftrust.domain.days import month_end_of
from selftrust.domain.occasions import DayState
from selftrust.services.calendar import DayInfo
from selftrust.ui.streaks.calendar_keys import moved_focus
from selftrust.ui.streaks.calendar_layout import Metrics, MonthGrid
from selftrust.ui.streaks.day_marks import Ink
from selftrust.ui.streaks.day_tooltip import day_tooltip
from selftrust.ui.streaks.month_paint import Marked, paint_months
from selftrust.ui.streaks.words import day_parts, day_words, long_day

NotesLoader = Callable[[date, date], dict[date, str]]


class HeatMap(QWidget):
    day_activated = Signal(object)  # a date: open it in Today
    reflect_requested = Signal(object)  # a date that was not kept
    focus_moved = Signal(object)  # the focused date, after a key or a click
    want_visible = Signal(QRect)  # a rectangle the scroll area should bring into view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StreakCalendar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setAccessibleName(_("Calendar"))
        self._infos: dict[date, DayInfo] = {}
        self._first = self._last = self._today = date.today()
        self._week_start = 0
        self._color = QColor("#3F8F6B")
        self._target: Target | None = None
        self._notes_for: NotesLoader | None = None
        self._notes: dict[date, str] = {}
        self._noted_months: set[date] = set()
        self._focus: date | None = None
        self._hover: date | None = None
        self._pressed: date | None = None
        self._metrics = Metrics.from_font(self.font())
        self._grid = MonthGrid(self._first, self._last, 0, self._metrics, 400)
        self._ink: Ink | None = None

    # --- data -----------------------------------------------------------------------
    def show_days(
        self,
        infos: dict[date, DayInfo],
        *,
        first: date,
        last: date,
        today: date,
        week_start: int,
        color: str,
        target: Target | None = None,
        notes_for: NotesLoader | None = None,
        title: str = "",
    ) -> None:
        """Show the months ``first``..``last``; ``infos`` holds the days with a state."""
        self._infos = dict(infos)
        following_today = self._focus == self._last
        self._first, self._last, self._today = first, last, today
        self._week_start = week_start
        self._color = QColor(color)
        self._target = target
        self._notes_for = notes_for
        self._notes.clear()
        self._noted_months.clear()
        self._ink = None
        if self._focus is None or following_today or not first <= self._focus <= last:
            self._focus = last  # a new day moves the place along with it
        self._hover = None
        # TRANSLATORS: {title} is the commitment whose days the calendar shows
        self.setAccessibleName(_("Calendar of {title}").format(title=isolate(title)) if title
                               else _("Calendar"))
        self._relayout()
        self._describe_focus()

    def update_day(self, day: date, info: DayInfo | None) -> None:
        """One day changed (a check-in, a reflection): repaint only its week."""
        if info is None:
            self._infos.pop(day, None)
        else:
            self._infos[day] = info
            if day.replace(day=1) in self._noted_months:
                if info.note:
                    self._notes[day] = info.note
                else:
                    self._notes.pop(day, None)
        rect = self._grid.week_rect(day)
        if rect is not None:
            self.update(rect.toAlignedRect().adjusted(-2, -2, 2, 2))
        if day == self._focus:
            self._describe_focus()

    def state_of(self, day: date) -> DayState | None:
        info = self._infos.get(day)
        return info.state if info is not None else None

    def info(self, day: date) -> DayInfo | None:
        return self._infos.get(day)

    def note_of(self, day: date) -> str:
        self._load_notes(day)
        return self._notes.get(day, "")

    def cell_rect(self, day: date) -> QRect:
        rect = self._grid.cell_rect(day)
        return rect.toAlignedRect() if rect is not None else QRect()

    def day_at(self, pos: QPoint | QPointF) -> date | None:
        return self._grid.day_at(QPointF(pos))

    @property
    def focused_day(self) -> date | None:
        return self._focus

    def focus_day(self, day: date) -> None:
        """Put the keyboard's place on ``day`` (kept inside the history) and show it."""
        day = min(max(day, self._first), self._last)
        old = self._focus
        self._focus = day
        for d in (old, day):
            if d is not None:
                self.update(self.cell_rect(d).adjusted(-2, -2, 2, 2))
        rect = self.cell_rect(day)
        if self._grid.week_of(day) == 0:  # the month's name too, so the day has its context
            rect = rect.adjusted(0, -round(self._grid.m.title + self._grid.m.header), 0, 0)
        self.want_visible.emit(rect)
        self._describe_focus()
        self.focus_moved.emit(day)

    def words_for(self, day: date) -> str:
        return day_words(day, self._infos.get(day), self._today, self._target)

    def can_reflect(self, day: date) -> bool:
        return self.state_of(day) is DayState.MISSED

    # --- geometry -------------------------------------------------------------------
    def last_month_rect(self) -> QRect | None:
        rect = self._grid.last_month_rect()
        return None if rect is None else rect.toAlignedRect()

    def height_for(self, width: int) -> int:
        grid = MonthGrid(self._first, self._last, self._week_start, self._metrics, width,
                         mirrored=self.isRightToLeft())
        return int(grid.height + 0.5)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange,
                            QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange):
            self._metrics = Metrics.from_font(self.font())
            self._ink = None
            self._relayout()
        super().changeEvent(event)

    def _relayout(self) -> None:
        self._grid = MonthGrid(self._first, self._last, self._week_start, self._metrics,
                               self.width(), mirrored=self.isRightToLeft())
        self.update()

    def _ink_now(self) -> Ink:
        if self._ink is None:
            self._ink = Ink.make(self.palette(), self._color)
        return self._ink

    # --- painting -------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        marked = Marked(self._today, self._hover, self._focus if self.hasFocus() else None)
        paint_months(p, QRectF(event.rect()), self._grid, self._infos, marked,
                     font=self.font(), palette=self.palette(), color=self._color,
                     ink=self._ink_now(), week_start=self._week_start)
        p.end()

    # --- notes ----------------------------------------------------------------------
    def _load_notes(self, day: date) -> None:
        month = day.replace(day=1)
        if month in self._noted_months or self._notes_for is None:
            return
        self._noted_months.add(month)
        self._notes.update(self._notes_for(month, month_end_of(month)))

    # --- mouse ----------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        day = self.day_at(event.position())
        if day != self._hover:
            for d in (self._hover, day):
                if d is not None:
                    self.update(self.cell_rect(d).adjusted(-2, -2, 2, 2))
            self._hover = day
            self.setCursor(Qt.CursorShape.PointingHandCursor if day is not None
                           and self._in_history(day) else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if self._hover is not None:
            self.update(self.cell_rect(self._hover).adjusted(-2, -2, 2, 2))
            self._hover = None
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        day = self.day_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and day is not None \
                and self._in_history(day):
            self._pressed = day
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.focus_day(day)
        else:
            self._pressed = None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        day = self.day_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and day is not None \
                and day == self._pressed:
            self.day_activated.emit(day)
        self._pressed = None
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            day = self.day_at(QPointF(event.pos()))
            if day is None or not self._in_history(day):
                return
            self.focus_day(day)
        day = self._focus
        if day is None:
            return
        menu = self.day_menu(day)
        where = event.globalPos() if event.reason() == QContextMenuEvent.Reason.Mouse \
            else self.mapToGlobal(self.cell_rect(day).center())
        menu.exec(where)

    def day_menu(self, day: date) -> QMenu:
        """Open in Today, and (for a day not kept) reflect on it."""
        menu = QMenu(self)
        menu.setObjectName("StreakDayMenu")
        # TRANSLATORS: {day} is a date such as "Tuesday, 24 November 2026"
        menu.setAccessibleName(_("Actions for {day}").format(day=long_day(day)))
        menu.addAction(_("Open in Today"), lambda: self.day_activated.emit(day))
        if self.can_reflect(day):
            menu.addAction(_("Reflect on this day…"), lambda: self.reflect_requested.emit(day))
        return menu

    def _in_history(self, day: date) -> bool:
        return self._first <= day <= self._last

    # --- tooltip and accessibility ------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            day = self.day_at(QPointF(event.pos()))
            if day is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), self.tooltip_html(day), self,
                              self.cell_rect(day))
            return True
        return super().event(event)

    def tooltip_html(self, day: date) -> str:
        """The date, the state in words, the amount and the note (user text, escaped)."""
        when, what = day_parts(day, self._infos.get(day), self._today, self._target)
        return day_tooltip(when, what, self.note_of(day),
                           in_history=self._in_history(day), can_reflect=self.can_reflect(day))

    def _describe_focus(self) -> None:
        if self._focus is None:
            return
        text = self.words_for(self._focus)
        note = self._notes.get(self._focus, "")
        if note:
            # TRANSLATORS: read aloud: a day ("Tuesday, 24 November 2026: Kept") and
            # the note its person wrote
            text = _("{day}. Note: {note}").format(day=text, note=isolate(note))
        self.setAccessibleDescription(text)
        if QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))

    # --- keyboard -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        focus = self._focus or self._last
        moved = moved_focus(key, event.modifiers(), focus, self._first, self._last,
                            mirrored=self.isRightToLeft())
        if moved is not None:
            self.focus_day(moved)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_activated.emit(focus)
        elif key == Qt.Key.Key_R and self.can_reflect(focus):
            self.reflect_requested.emit(focus)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        if self._focus is not None:
            self.update(self.cell_rect(self._focus).adjusted(-2, -2, 2, 2))
            self._describe_focus()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if self._focus is not None:
            self.update(self.cell_rect(self._focus).adjusted(-2, -2, 2, 2))

