"""The calendar's legend: every mark with its meaning in plain words.

Drawn with the calendar's own `paint_mark`, and wrapped to the width it gets, so it
stays one tidy line on a wide window and a few short lines on a narrow one.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from selftrust.base.i18n import _, pgettext
from selftrust.domain.commitment import Rules
from selftrust.domain.days import Period
from selftrust.domain.occasions import DayState
from selftrust.domain.schedule import ScheduleKind
from selftrust.ui.reflections.painted_text import draw_line, mirrored
from selftrust.ui.streaks.day_marks import Ink, number_font, paint_mark, paint_today
from selftrust.ui.streaks.words import legend_tip, legend_word

TODAY = "today"
SAMPLE_DAY = "12"
ENTRIES: tuple[DayState | str, ...] = (
    DayState.KEPT,
    DayState.PARTLY,
    DayState.MISSED,
    DayState.REPAIRED,
    DayState.SKIPPED,
    DayState.PAUSED,
    DayState.UNMARKED,
    DayState.OPEN,
    DayState.NOT_DUE,
    TODAY,
)


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StreakLegend")
        self._color = QColor("#3F8F6B")
        self._entries: tuple[DayState | str, ...] = ENTRIES
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._describe()

    def set_color(self, color: str) -> None:
        self._color = QColor(color)
        self.update()

    def set_entries(self, entries: tuple[DayState | str, ...]) -> None:
        """Only the marks the shown commitment can have (no "partly" for a yes/no one)."""
        if entries != self._entries:
            self._entries = entries
            self._describe()
            self.updateGeometry()
            self.update()

    @property
    def entries(self) -> tuple[DayState | str, ...]:
        return self._entries

    def _describe(self) -> None:
        # TRANSLATORS: one mark of the calendar's legend and what it means
        # ("Kept: A filled circle: the promise was kept.")
        said = [_("{mark}: {meaning}").format(mark=self._word(e), meaning=self._tip(e))
                for e in self._entries]
        self.setAccessibleName(_("Calendar legend"))
        # TRANSLATORS: between the legend's entries, read aloud one after the other
        self.setAccessibleDescription(pgettext("list separator", "; ").join(said))
        self.setToolTip("\n".join(said))

    @staticmethod
    def _word(entry: DayState | str) -> str:
        if isinstance(entry, str):  # TODAY, the one entry that is not a state
            return pgettext("calendar legend", "Today")
        return legend_word(entry)

    @staticmethod
    def _tip(entry: DayState | str) -> str:
        if isinstance(entry, str):
            return _("An outlined square marks today.")
        return legend_tip(entry)

    # --- layout ---------------------------------------------------------------------
    def _sizes(self) -> tuple[float, float, float, float]:
        fm = QFontMetricsF(self.font())
        mark = round(fm.height() * 1.45)
        gap = fm.horizontalAdvance(" ") * 0.8
        spacing = fm.horizontalAdvance("M") * 1.4
        return mark, gap, spacing, fm.height()

    def _places(self, width: float) -> list[tuple[DayState | str, QRectF, QRectF]]:
        fm = QFontMetricsF(self.font())
        mark, gap, spacing, _line = self._sizes()
        x = y = 0.0
        out = []
        for entry in self._entries:
            text_w = fm.horizontalAdvance(self._word(entry))
            need = mark + gap + text_w
            if x > 0 and x + need > width:
                x, y = 0.0, y + mark + 2
            out.append((entry, QRectF(x, y, mark, mark),
                        QRectF(x + mark + gap, y, text_w + 2, mark)))
            x += need + spacing
        return out

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        places = self._places(width)
        return int(places[-1][1].bottom() + 1) if places else 0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        places = self._places(1e9)
        width = places[-1][2].right() if places else 0
        return QSize(int(width) + 1, self.heightForWidth(int(width) + 1))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        mark = self._sizes()[0]
        return QSize(int(mark * 5), int(mark))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        ink = Ink.make(self.palette(), self._color)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        whole = QRectF(self.rect())
        direction = self.layoutDirection()
        for entry, mark_at, text_at in self._places(self.width()):
            # placed left to right; a right-to-left window reads the legend from the right
            mark_rect, text_rect = mirrored(mark_at, whole, direction), mirrored(text_at, whole,
                                                                                 direction)
            # A day number in every mark, as in the calendar: some marks sit under it.
            font = number_font(self.font(), mark_rect.height())
            state = DayState.OPEN if entry == TODAY else entry
            assert isinstance(state, DayState)
            paint_mark(p, mark_rect, state, ink, SAMPLE_DAY, font)
            if entry == TODAY:
                paint_today(p, mark_rect, ink)
            p.setPen(text)
            p.setFont(self.font())
            draw_line(p, text_rect, self._word(entry), direction)
        p.end()


def entries_for(rules: Rules) -> tuple[DayState | str, ...]:
    """The marks a commitment with these rules can show, in the legend's order."""
    schedule, target = rules.schedule, rules.target
    by_day = target is None or target.per is Period.DAY
    wanted: set[DayState | str] = {DayState.KEPT, DayState.MISSED, DayState.REPAIRED,
                                   DayState.SKIPPED, DayState.OPEN, TODAY}
    if target is not None and by_day and not target.at_most:
        wanted.add(DayState.PARTLY)
    if rules.pauses:
        wanted.add(DayState.PAUSED)
    if by_day and not schedule.is_flexible:
        wanted.add(DayState.UNMARKED)
    if schedule.kind in (ScheduleKind.WEEKDAYS, ScheduleKind.ONCE):
        wanted.add(DayState.NOT_DUE)
    return tuple(e for e in ENTRIES if e in wanted)
