"""The journal's filters: full-text search (after a short pause in typing), which
commitment (or free reflections only), and when — a few fixed ranges or chosen dates."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from selftrust.services.journal import FREE
from selftrust.services.records import CommitmentRow
from selftrust.ui.look.icons import icon
from selftrust.ui.shell.context import UiContext

SEARCH_DELAY_MS = 150
RANGES = (
    ("Any time", None),
    ("Last 7 days", 7),
    ("Last 30 days", 30),
    ("Last 12 months", 365),
    ("Choose dates…", -1),
)


class JournalFilters(QObject):
    """The filter widgets (made in ``page``) and the row that lays them out; ``changed``
    says the journal should be filtered again."""

    changed = Signal()

    def __init__(self, ctx: UiContext, page: QWidget) -> None:
        super().__init__(page)
        self._ctx = ctx
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.changed)

        self.row = QHBoxLayout()
        self.search = QLineEdit(page)
        self.search.setObjectName("journal-search")
        self.search.setPlaceholderText("Search your reflections")
        self.search.setAccessibleName("Search your reflections")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(lambda _: self.search_timer.start())
        self.about = QComboBox(page)
        self.about.setObjectName("journal-about")
        self.about.setAccessibleName("Which commitment")
        self.about.currentIndexChanged.connect(self.changed)
        self.range = QComboBox(page)
        self.range.setObjectName("journal-range")
        self.range.setAccessibleName("When")
        for label, days in RANGES:
            self.range.addItem(label, days)
        self.range.currentIndexChanged.connect(self._range_changed)
        self.first = self._date_edit(page, "From")
        self.last = self._date_edit(page, "To")
        self.row.addWidget(self.search, 3)
        self.row.addWidget(self.about, 2)
        self.row.addWidget(self.range, 1)
        self.row.addWidget(self.first)
        self.row.addWidget(self.last)

    def _date_edit(self, parent: QWidget, name: str) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setObjectName(f"journal-{name.lower()}")
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setDate(_qdate(self._ctx.ws.today()))
        edit.setVisible(False)
        edit.dateChanged.connect(self.changed)
        return edit

    def fill_commitments(self, commitments: list[CommitmentRow]) -> None:
        """The commitment choices again, keeping the chosen one (without a new filter)."""
        chosen = self.about.currentData()
        self.about.blockSignals(True)
        self.about.clear()
        self.about.addItem("All commitments", None)
        self.about.addItem("Free reflections", FREE)
        for c in commitments:
            self.about.addItem(c.title + (" (archived)" if c.archived else ""), c.id)
        index = self.about.findData(chosen)
        self.about.setCurrentIndex(max(0, index))
        self.about.blockSignals(False)

    def _range_changed(self) -> None:
        custom = self.range.currentData() == -1
        self.first.setVisible(custom)
        self.last.setVisible(custom)
        if custom:
            start = self._ctx.ws.today() - timedelta(days=30)
            self.first.blockSignals(True)
            self.first.setDate(_qdate(start))
            self.first.blockSignals(False)
        self.changed.emit()

    def bounds(self) -> tuple[date | None, date | None]:
        days = self.range.currentData()
        today = self._ctx.ws.today()
        if days is None:
            return None, None
        if days == -1:
            return _date(self.first.date()), _date(self.last.date())
        return today - timedelta(days=days - 1), today


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())
