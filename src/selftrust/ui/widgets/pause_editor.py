"""Planned rest: date ranges in which every occasion counts as skipped.

"From [date] to [date] [Add pause]" above the list of pauses; overlapping or touching
pauses merge, so a day is never paused twice (the service merges the same way).
Dates the user chose but did not Add are still meant: `pauses_to_save()` includes them,
so pressing Save straight after picking dates never drops the range.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from selftrust.base.i18n import _
from selftrust.domain.commitment import Pause, merge_pauses
from selftrust.ui.look.icons import icon
from selftrust.ui.widgets.dates import date_edit, set_week_start, span_words, to_date, to_qdate
from selftrust.ui.widgets.labels import Hint, InlineMessage
from selftrust.ui.widgets.layouts import column, sentence


class PauseEditor(QWidget):
    changed = Signal()

    def __init__(
        self,
        *,
        today: date,
        week_start: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._pauses: tuple[Pause, ...] = ()
        self._entry_chosen = False  # the user picked dates and has not added them yet
        first = today + timedelta(days=1)
        self.start = date_edit(first, _("Pause from"))
        self.end = date_edit(first + timedelta(days=6), _("Pause until"))
        for edit in (self.start, self.end):
            set_week_start(edit, week_start)
        self.add_button = QPushButton(icon("pause"), _("Add pa&use"))
        self.add_button.setAccessibleName(_("Add pause"))
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(_("Rest on these days: they count as skipped, so a "
                                     "streak neither breaks nor grows"))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Pauses"))
        self.list.setObjectName("pause-list")
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(2)
        self.remove_button = QPushButton(_("Remo&ve"))
        self.remove_button.setAccessibleName(_("Remove pause"))
        self.remove_button.setAutoDefault(False)
        self.empty = Hint(_("No pauses. Planning a holiday or some rest? Add it here, and "
                            "those days won't count against you."))
        self.message = InlineMessage()
        self.pending_hint = Hint("")
        self.pending_hint.setObjectName("pause-pending")
        self.pending_hint.setVisible(False)

        # TRANSLATORS: a row of fields: {start} and {end} are date fields (both days
        # included); the "Add pause" button follows.
        entry = QHBoxLayout()
        entry.setContentsMargins(0, 0, 0, 0)
        entry.addWidget(sentence(_("From {start} to {end}"),
                                 {"start": self.start, "end": self.end}, stretch=False))
        entry.addWidget(self.add_button)
        entry.addStretch(1)

        listed = QHBoxLayout()
        listed.setContentsMargins(0, 0, 0, 0)
        listed.addWidget(self.list, 1)
        listed.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)

        column(self, entry, self.message, self.pending_hint, self.empty, listed)

        self.start.dateChanged.connect(self._start_moved)
        self.end.dateChanged.connect(self._check_entry)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._entry_touched)
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(self._sync_buttons)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        self._refresh()
        self._check_entry()

    # --- reading and writing --------------------------------------------------------
    def pauses(self) -> tuple[Pause, ...]:
        return self._pauses

    def pending(self) -> Pause | None:
        """The range in the From/To fields when the user chose it but did not press Add."""
        if not self._entry_chosen or not self.entry_valid():
            return None
        return Pause(to_date(self.start.date()), to_date(self.end.date()))

    def entry_valid(self) -> bool:
        return self.end.date() >= self.start.date()

    def entry_problem(self) -> bool:
        """True when chosen dates cannot be saved (the end before the start)."""
        return self._entry_chosen and not self.entry_valid()

    def pauses_to_save(self) -> tuple[Pause, ...]:
        """The listed pauses plus a chosen range not yet added: what Save should keep."""
        pending = self.pending()
        return self._pauses if pending is None else merge_pauses([*self._pauses, pending])

    def set_pauses(self, pauses: Iterable[Pause]) -> None:
        self._pauses = merge_pauses(pauses)
        self._refresh()

    def add(self, start: date, end: date) -> None:
        self._pauses = merge_pauses([*self._pauses, Pause(start, end)])
        self._entry_chosen = False
        self._refresh()
        self.changed.emit()

    def add_entry(self) -> None:
        start, end = to_date(self.start.date()), to_date(self.end.date())
        if end < start:
            return
        self.add(start, end)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._pauses):
            return
        self._pauses = self._pauses[:row] + self._pauses[row + 1:]
        self._refresh()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.changed.emit()

    # --- internals ------------------------------------------------------------------
    def _start_moved(self) -> None:
        if self.end.date() < self.start.date():
            self.end.setDate(self.start.date())
        self._check_entry()

    def _entry_touched(self) -> None:
        self._entry_chosen = True
        self._sync_pending()
        self.changed.emit()

    def _sync_pending(self) -> None:
        """Say that chosen dates count even before Add, so Save holds no surprise."""
        pending = self.pending()
        if pending is not None and any(p.start <= pending.start and pending.end <= p.end
                                       for p in self._pauses):
            pending = None  # already paused: nothing new to save
        if pending is not None:
            self.pending_hint.setText(_(
                "Save will pause {span}. To plan another pause as well, press Add pause "
                "first.").format(span=span_words(pending.start, pending.end)))
        self.pending_hint.setVisible(pending is not None)
        self.empty.setVisible(not self._pauses and pending is None)

    def _check_entry(self) -> None:
        ok = self.entry_valid()
        self.add_button.setEnabled(ok)
        if ok:
            self.message.clear_message()
        else:
            self.message.show_message(_("A pause ends on or after the day it starts."))

    def _refresh(self) -> None:
        self.list.clear()
        for pause in self._pauses:
            item = QListWidgetItem(span_words(pause.start, pause.end))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, span_words(pause.start, pause.end))
            self.list.addItem(item)
        has = bool(self._pauses)
        self.list.setVisible(has)
        self.remove_button.setVisible(has)
        self.empty.setVisible(not has)
        rows = max(1, min(len(self._pauses), 4))
        height = self.list.sizeHintForRow(0) if has else self.fontMetrics().height()
        spacing = 2 * self.list.spacing()
        self.list.setFixedHeight(rows * (max(height, 1) + spacing) + spacing
                                 + 2 * self.list.frameWidth())
        self._sync_buttons()
        self._sync_pending()

    def _sync_buttons(self) -> None:
        self.remove_button.setEnabled(0 <= self.list.currentRow() < len(self._pauses))

    def set_entry(self, start: date, end: date) -> None:
        """Put a range in the From/To fields (the Manage dialog suggests one)."""
        self.start.setDate(to_qdate(start))
        self.end.setDate(to_qdate(end))
        self._entry_chosen = False
