"""The journal's filters: full-text search (after a short pause in typing), which
commitment (or free reflections only), and when — a few fixed ranges or chosen dates."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from selftrust.base.bidi import isolate
from selftrust.base.i18n import N_, _, pgettext
from selftrust.services.journal import FREE
from selftrust.services.records import CommitmentRow
from selftrust.ui.look.icons import icon
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.dates import speak_dates

SEARCH_DELAY_MS = 150
RANGES = (
    (N_("Any time"), None),
    (N_("Last 7 days"), 7),
    (N_("Last 30 days"), 30),
    (N_("Last 12 months"), 365),
    (N_("Choose dates…"), -1),
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
        self.search.setPlaceholderText(_("Search your reflections"))
        self.search.setAccessibleName(_("Search your reflections"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.about = QComboBox(page)
        self.about.setObjectName("journal-about")
        self.about.setAccessibleName(_("Which commitment"))
        # as narrow as the row needs, never as wide as the longest title or words: the
        # text is cut short rather than the window made wider
        self.about.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.about.setMinimumContentsLength(10)
        self.about.currentIndexChanged.connect(self.changed)
        self.range = QComboBox(page)
        self.range.setObjectName("journal-range")
        # TRANSLATORS: the journal's filter of dates (Any time, Last 7 days…)
        self.range.setAccessibleName(pgettext("journal filter", "When"))
        self.range.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.range.setMinimumContentsLength(14)  # "Last 12 months" whole
        for label, days in RANGES:
            self.range.addItem(_(label), days)
        self.range.currentIndexChanged.connect(self._range_changed)
        self.first = self._date_edit(page, "from", pgettext("first day of a range", "From"))
        self.last = self._date_edit(page, "to", pgettext("last day of a range", "To"))
        self.row.addWidget(self.search, 3)
        self.row.addWidget(self.about, 2)
        self.row.addWidget(self.range, 1)
        self.row.addWidget(self.first)
        self.row.addWidget(self.last)

    def _date_edit(self, parent: QWidget, key: str, name: str) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setObjectName(f"journal-{key}")
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        speak_dates(edit, "medium", self._ctx.ws.settings.week_start)
        edit.setDate(_qdate(self._ctx.ws.today()))
        edit.setVisible(False)
        edit.dateChanged.connect(self.changed)
        return edit

    def fill_commitments(self, commitments: list[CommitmentRow]) -> None:
        """The commitment choices again, keeping the chosen one (without a new filter)."""
        chosen = self.about.currentData()
        self.about.blockSignals(True)
        self.about.clear()
        self.about.addItem(_("All commitments"), None)
        self.about.addItem(_("Free reflections"), FREE)
        for c in commitments:
            # TRANSLATORS: {title} is a commitment put away (archived) by its person
            text = _("{title} (archived)").format(title=isolate(c.title)) if c.archived \
                else c.title
            self.about.addItem(text, c.id)
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
