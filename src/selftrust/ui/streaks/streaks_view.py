"""The Streaks view: every commitment's run now and its best, and a calendar of its days.

Left, the commitments (archived ones on request) and the best streaks; right, the
chosen commitment: big numbers, strength, counts, and a month-grid calendar whose days
open in Today. It follows every change through ``ctx.bridge.changed``; while hidden it
only notes that something changed and catches up when shown, so a check-off in Today
never waits for it.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from selftrust.base.i18n import _
from selftrust.domain.streaks import Streak
from selftrust.services import calendar
from selftrust.services.calendar import RankedStreak
from selftrust.services.errors import NotFound
from selftrust.services.events import Change, What
from selftrust.ui.shell.context import UiContext
from selftrust.ui.streaks.best_list import BestStreaks
from selftrust.ui.streaks.calendar_scroll import CalendarScroll
from selftrust.ui.streaks.details_header import DetailsHeader
from selftrust.ui.streaks.heat_map import HeatMap
from selftrust.ui.streaks.legend import Legend, entries_for
from selftrust.ui.streaks.list_delegate import StreakRowDelegate
from selftrust.ui.streaks.list_model import StreakListModel
from selftrust.ui.widgets.empty_state import EmptyState

BEST_COUNT = 5


class StreaksView(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._selected: int | None = None
        self._shown: tuple[int, date, date, date] | None = None  # id, first, last, today
        self._dirty = True
        self._build()
        ctx.bridge.changed.connect(self._on_change)
        ctx.clockwork.day_changed.connect(self._on_day_changed)
        self.reload()

    # --- building ---------------------------------------------------------------------
    def _build(self) -> None:
        line = QFontMetricsF(self.font()).height()
        self._pages = QStackedLayout(self)
        self.empty = EmptyState(
            "streaks",
            _("No streaks yet"),
            _("Streaks grow from small promises kept. Make your first one "
              "and watch its calendar fill in, day by day."),
            _("Make a commitment…"),
        )
        self.empty.setObjectName("StreaksEmpty")
        # A wrapped label centred in a box layout gets the height it would need at the
        # layout's full width, and its last line is cut: give it a width and its height.
        text = self.empty.text
        text.setFixedWidth(round(QFontMetricsF(text.font()).averageCharWidth() * 56))
        text.setMinimumHeight(text.heightForWidth(text.width()))
        if self.empty.button is not None:
            self.empty.button.setAccessibleName(_("Make a commitment"))
        self.empty.action_clicked.connect(self._new_commitment)
        self._pages.addWidget(self.empty)

        self.content = QSplitter(Qt.Orientation.Horizontal)
        self.content.setObjectName("StreaksContent")
        self.content.setChildrenCollapsible(False)
        self.content.setHandleWidth(max(1, round(line * 0.3)))
        self._pages.addWidget(self.content)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        margin = round(line * 0.8)
        left_layout.setContentsMargins(margin, margin, round(line * 0.3), margin)
        left_layout.setSpacing(round(line * 0.4))
        heading = QLabel(_("&Commitments"))  # Alt+C goes to the list
        bold = heading.font()
        bold.setWeight(QFont.Weight.DemiBold)
        heading.setFont(bold)
        left_layout.addWidget(heading)
        self.model = StreakListModel(self)
        self.list = QListView()
        self.list.setObjectName("StreakList")
        self.list.setAccessibleName(_("Commitments and their streaks"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(StreakRowDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setMouseTracking(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it elides
        self.list.viewport().setAutoFillBackground(False)  # on the window's calm background
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        heading.setBuddy(self.list)
        left_layout.addWidget(self.list, 3)
        self.show_archived = QCheckBox(_("Show &archived"))
        self.show_archived.setToolTip(_("Also list commitments you have put away; "
                                        "their history stays."))
        self.show_archived.toggled.connect(lambda _on: self.reload())
        left_layout.addWidget(self.show_archived)
        left_layout.addSpacing(round(line * 0.4))
        self.best = BestStreaks()
        self.best.scope_changed.connect(lambda _all: self._refresh_best())
        self.best.chosen.connect(self._show_streak)
        left_layout.addWidget(self.best, 2)
        left.setMinimumWidth(round(line * 14))
        self.content.addWidget(left)

        right = QWidget()
        self._right_pages = QStackedLayout(right)
        details = QWidget()
        layout = QVBoxLayout(details)
        layout.setContentsMargins(round(line * 0.9), margin, margin, round(line * 0.5))
        layout.setSpacing(round(line * 0.5))
        self.header = DetailsHeader()
        layout.addWidget(self.header)
        self.heat = HeatMap()
        self.heat.day_activated.connect(self._open_day)
        self.heat.reflect_requested.connect(self._reflect)
        self.calendar_scroll = CalendarScroll(self.heat)
        layout.addWidget(self.calendar_scroll, 1)
        self.legend = Legend()
        legend_row = QHBoxLayout()
        legend_row.setContentsMargins(round(line * 0.3), 0, 0, 0)
        legend_row.addWidget(self.legend)
        layout.addLayout(legend_row)
        self._right_pages.addWidget(details)
        self.all_archived = QLabel(
            _("All your commitments are archived. Tick “Show archived” to see their "
              "calendars, or make a new promise to yourself."))
        self.all_archived.setTextFormat(Qt.TextFormat.PlainText)
        self.all_archived.setWordWrap(True)
        self.all_archived.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.all_archived.setObjectName("StreaksAllArchived")
        self._right_pages.addWidget(self.all_archived)
        self.content.addWidget(right)
        self.content.setStretchFactor(0, 0)
        self.content.setStretchFactor(1, 1)
        self._split_by_hand = False
        self.content.splitterMoved.connect(self._splitter_moved)

        QWidget.setTabOrder(self.list, self.heat)
        QWidget.setTabOrder(self.heat, self.show_archived)
        QWidget.setTabOrder(self.show_archived, self.best.all_button)
        QWidget.setTabOrder(self.best.all_button, self.best.one_button)
        QWidget.setTabOrder(self.best.one_button, self.best.view)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if not self._split_by_hand:
            # The list takes about a third of the width, within what reads well: room for
            # a title of some twenty letters beside its ring (at 800 px a quarter cut
            # "Walk 20 minutes"), while the calendar keeps at least one whole month.
            line = QFontMetricsF(self.font()).height()
            width = self.content.width()
            left = round(min(max(width * 0.3, line * 20), line * 26))
            calendar = round(line * 16)  # a month's seven cells and their margins
            left = max(round(line * 14), min(left, width - calendar))
            self.content.setSizes([left, max(1, width - left)])

    def _splitter_moved(self, _pos: int, _index: int) -> None:
        self._split_by_hand = True

    # --- filling ----------------------------------------------------------------------
    def reload(self) -> None:
        """Read everything again from the services (cheap: the ledger caches it)."""
        self._dirty = False
        ws = self.ctx.ws
        if not ws.commitments.all(include_archived=True):
            self._selected = None
            self._shown = None
            self.model.set_rows([])
            self._pages.setCurrentWidget(self.empty)
            return
        self._pages.setCurrentWidget(self.content)
        rows = calendar.overview(ws, include_archived=self.show_archived.isChecked())
        keep = self._selected
        self.model.set_rows(rows)
        if not rows:
            self._selected = None
            self._shown = None
            self._right_pages.setCurrentWidget(self.all_archived)
            self._refresh_best()
            return
        self._right_pages.setCurrentIndex(0)
        row = self.model.row_of(keep) if keep is not None else -1
        self._select_row(max(row, 0), force=True)
        self._refresh_best()

    def _select_row(self, row: int, *, force: bool = False) -> None:
        index = self.model.index(row, 0)
        cid = self.model.details(row).commitment.id
        if force:
            self._selected = None  # make the selection show again even if unchanged
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if self._selected != cid:
            self._show(cid)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            cid = self.model.details(current.row()).commitment.id
            if cid != self._selected:
                self._show(cid)
                if not self.best.every_commitment:
                    self._refresh_best()

    def _show(self, commitment_id: int) -> None:
        """Show one commitment's numbers and calendar."""
        ws = self.ctx.ws
        self._selected = commitment_id
        d = calendar.details(ws, commitment_id)
        self.header.show_details(d)
        first, last = (d.start, d.end) if d.begun else (d.start, d.start)
        infos = calendar.day_states(ws, commitment_id, with_notes=False)
        today = ws.today()
        changed = self._shown is None or self._shown[0] != commitment_id
        self.heat.show_days(
            infos,
            first=first,
            last=last,
            today=today,
            week_start=ws.settings.week_start,
            color=d.commitment.color,
            target=d.commitment.rules.target,
            notes_for=partial(calendar.notes, ws, commitment_id),
            title=d.commitment.title,
        )
        self._shown = (commitment_id, first, last, today)
        self.legend.set_color(d.commitment.color)
        self.legend.set_entries(entries_for(d.commitment.rules))
        self.calendar_scroll.fit()
        if changed:
            self.calendar_scroll.to_today()

    def _refresh_best(self) -> None:
        ws = self.ctx.ws
        one = None if self.best.every_commitment else self._selected
        if not self.best.every_commitment and one is None:
            self.best.set_rows([])
            return
        self.best.set_rows(calendar.best_streaks(
            ws, BEST_COUNT, commitment_id=one, include_archived=self.show_archived.isChecked()))

    def _refresh_commitment(self, commitment_id: int, day: date | None) -> None:
        """After a check-in or a reflection: one row, and the calendar's one day if shown."""
        ws = self.ctx.ws
        try:
            d = calendar.details(ws, commitment_id)
        except NotFound:
            self.reload()
            return
        self.model.update_row(d)
        if commitment_id == self._selected:
            self.header.show_details(d)
            first, last = (d.start, d.end) if d.begun else (d.start, d.start)
            same_span = self._shown == (commitment_id, first, last, ws.today())
            if day is not None and same_span:
                self.heat.update_day(day, calendar.day_info(ws, commitment_id, day))
            else:
                self._show(commitment_id)
        self._refresh_best()

    # --- following changes ------------------------------------------------------------
    def _on_change(self, change: object) -> None:
        if not isinstance(change, Change):
            return
        if not self.isVisible():
            self._dirty = True
            return
        if change.what in (What.CHECKIN, What.REFLECTION):
            if change.commitment_id is not None:
                self._refresh_commitment(change.commitment_id, change.day)
            return
        if change.what is What.COMMITMENT and change.commitment_id is not None \
                and change.commitment_id in self.model.ids():
            self._refresh_commitment(change.commitment_id, None)
            return
        self.reload()

    def _on_day_changed(self, _today: object) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._dirty = True

    def activated(self) -> None:
        """Shown by the main window: catch up on changes made while hidden."""
        if self._dirty:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._dirty:
            self.reload()

    # --- going places -----------------------------------------------------------------
    @property
    def selected_commitment(self) -> int | None:
        return self._selected

    def select_commitment(self, commitment_id: int) -> bool:
        row = self.model.row_of(commitment_id)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def _show_streak(self, ranked: RankedStreak) -> None:
        """A best streak chosen: show its commitment with the run's last day in view."""
        if self.model.row_of(ranked.commitment_id) < 0:
            return
        self.select_commitment(ranked.commitment_id)
        self._focus_streak(ranked.streak)

    def _focus_streak(self, streak: Streak) -> None:
        self.heat.focus_day(streak.end)

    def _open_day(self, day: date) -> None:
        self.ctx.nav().show_day(day)

    def _reflect(self, day: date) -> None:
        if self._selected is None:
            return
        self.ctx.nav().reflect_on(self._selected, day)

    def _new_commitment(self) -> None:
        self.ctx.nav().new_commitment()

