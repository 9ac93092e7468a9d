"""Today: the day's promises, checked off in a second, from the mouse or the keyboard.

The view shows one day (today unless the user moved) and listens to the services'
change notices: a check-in refreshes only its own row, anything else reloads the day.
Its parts live beside it: the list (`today_list`), the empty pages (`empty_pages`),
the figures filled in after the first paint (`figures`), the writing of check-ins with
undo (`checkin_writer`) and the amount and note editors (`row_editing`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from selftrust.base import formats
from selftrust.base.i18n import _, pgettext
from selftrust.domain.history import Status
from selftrust.services.dashboard import DayItem
from selftrust.services.events import Change, What
from selftrust.ui.shell.context import UiContext
from selftrust.ui.today import first_paint
from selftrust.ui.today.banner import Banner
from selftrust.ui.today.checkin_writer import CheckinWriter
from selftrust.ui.today.day_navigator import DayNavigator
from selftrust.ui.today.empty_pages import EmptyPages
from selftrust.ui.today.figures import FigureFiller, carry_figures
from selftrust.ui.today.row_actions import RowActions, make_row_actions
from selftrust.ui.today.row_editing import RowEditing
from selftrust.ui.today.row_text import FUTURE_LINE, REFLECT_OFFER, summary_line
from selftrust.ui.today.today_delegate import TodayDelegate
from selftrust.ui.today.today_list import TodayList
from selftrust.ui.today.today_model import TodayModel
from selftrust.ui.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from selftrust.services.sync.kept import KeptText
    from selftrust.ui.today.note_editor import NoteEditor


class TodayView(QWidget):
    painted_with_data = Signal()
    title_changed = Signal(str)  # the window title for the shown day

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._today = ctx.ws.today()
        self._day = self._today
        self._loaded = False
        self._painted = False
        self._stale = False
        self._merged = False  # stale since a change merged from elsewhere
        self._offer_for: tuple[int, date] | None = None  # the miss the banner offers for
        first_paint.attach(ctx.prefs.qs)
        self._build()
        self.reload()
        ctx.bridge.changed.connect(self._on_change)
        ctx.clockwork.day_changed.connect(self._on_day_changed)

    # --- building -------------------------------------------------------------------
    def _build(self) -> None:
        u = self.fontMetrics().height()
        # One calm column: it grows with the window up to a readable width, then centres.
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.column = QWidget(self)
        self.column.setObjectName("today-column")
        self.column.setMaximumWidth(round(u * 50))
        outer.addStretch(1)
        outer.addWidget(self.column, 1000)
        outer.addStretch(1)
        box = QVBoxLayout(self.column)
        box.setContentsMargins(round(u * 1.2), round(u * 1.2), round(u * 1.2), u)
        box.setSpacing(round(u * 0.6))

        self.navigator = DayNavigator(self.column)
        self.navigator.week_start = lambda: self.ctx.ws.settings.week_start
        self.navigator.step.connect(self.step_day)
        self.navigator.go_today.connect(self.go_today)
        self.navigator.picked.connect(self.set_day)
        self.summary = QLabel(self.column)
        self.summary.setObjectName("today-summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.future_line = QLabel(_(FUTURE_LINE), self.column)
        self.future_line.setObjectName("today-future-line")
        self.future_line.setTextFormat(Qt.TextFormat.PlainText)
        self.future_line.setWordWrap(True)
        self.banner = Banner(self.column)

        self.model = TodayModel(self)
        self.delegate = TodayDelegate(self)
        self.list = TodayList(self.column)
        self.list.setModel(self.model)
        self.list.setItemDelegate(self.delegate)
        self.list.menu_requested.connect(self._show_menu)
        self.list.escaped.connect(self.banner.dismiss)
        self.banner.dismissed.connect(self.list.setFocus)
        self.list.doubleClicked.connect(self._on_double_click)
        self.list.selectionModel().currentChanged.connect(lambda *_args: self._update_actions())

        self.actions_ = make_row_actions(self)
        self.actions_.attach(self.list)
        self._wire_row_actions(self.actions_)

        self.pages = QStackedWidget(self.column)
        self.pages.addWidget(self.list)
        self.empties = EmptyPages(self, self.pages, self.column, self._new_commitment)
        self.writer = CheckinWriter(self.ctx, self.banner,
                                    ask_amount=lambda item: self.edit_value(self._row(item)),
                                    missed=self._offer_reflection)
        self.editing = RowEditing(self.list, self.model, self.banner, self.writer, box,
                                  self.pages, self._kept_notes)
        self.figures = FigureFiller(self, self.ctx, self.model, done=self._figures_done)
        self.delegate.check_clicked.connect(self._on_check_clicked)
        self.delegate.value_entered.connect(self.editing.value_entered)

        box.addWidget(self.navigator)
        box.addWidget(self.summary)
        box.addWidget(self.future_line)
        box.addWidget(self.banner)
        box.addWidget(self.pages, 1)
        box.addStretch(0)  # below a short list (and its note editor): calm empty space
        self.setFocusProxy(self.list)
        # Tab goes through the header as it reads, left to right, then to the rows.
        nav = self.navigator
        order = [nav.previous_button, nav.calendar_button, nav.next_button, nav.today_button,
                 self.list, self.banner.action, self.banner.close_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._style_summary()

    def _kept_notes(self, commitment_id: int, day: date) -> list[KeptText]:
        """The other computer's version of a note, read when a note is opened: sync's
        modules stay off the start-up path of people who never sync."""
        from selftrust.services.sync.kept import kept_for_note

        return kept_for_note(self.ctx.ws, commitment_id, day)

    @property
    def empty_first(self) -> EmptyState:
        """The invitation shown when there are no commitments at all."""
        return self.empties.first

    @property
    def empty_rest(self) -> EmptyState:
        """Shown on a day with nothing due."""
        return self.empties.rest

    @property
    def note_editor(self) -> NoteEditor:
        return self.editing.note_editor

    def _style_summary(self) -> None:
        pal = self.summary.palette()
        muted = pal.color(pal.ColorRole.PlaceholderText)
        for label in (self.summary, self.future_line):
            p = label.palette()
            p.setColor(p.ColorRole.WindowText, muted)
            label.setPalette(p)

    def _wire_row_actions(self, a: RowActions) -> None:
        a.kept.triggered.connect(lambda: self._with_current(self.toggle_kept))
        a.missed.triggered.connect(lambda: self._with_current(self.mark_missed))
        a.skip.triggered.connect(lambda: self._with_current(self.mark_skipped))
        a.clear.triggered.connect(lambda: self._with_current(self.clear))
        a.note.triggered.connect(lambda: self._with_current(self.edit_note))
        a.amount.triggered.connect(lambda: self._with_current(self.edit_value))
        a.reflect.triggered.connect(lambda: self._with_current(self.reflect))
        a.edit.triggered.connect(lambda: self._with_current(self.edit_commitment))

    # --- hooks the main window calls ------------------------------------------------
    @property
    def day(self) -> date:
        return self._day

    def set_day(self, day: date) -> None:
        self._day = day
        self.banner.dismiss()
        self.editing.close_note()
        self.reload()

    def step_day(self, delta: int) -> None:
        self.set_day(self._day + timedelta(days=delta))

    def go_today(self) -> None:
        self._today = self.ctx.ws.today()
        self.set_day(self._today)

    def pick_day(self) -> None:
        self.navigator.request_calendar()

    def activated(self) -> None:
        if self._stale:
            self.reload(merged=self._merged)
        if self.pages.currentWidget() is self.list:
            self.list.setFocus()

    # --- loading --------------------------------------------------------------------
    def reload(self, merged: bool = False) -> None:
        """Read the shown day again, keeping the selected commitment selected."""
        self._stale = False
        self._merged = False
        current = self.current_item()
        # At start-up the ledger (years of check-ins) is not loaded yet: paint the day
        # from that day's check-ins alone, then fill in streaks and progress just after.
        # After a change ``merged`` from elsewhere every figure is computed afresh: the
        # rows keep theirs until they are filled in again, a row per turn.
        items = self.ctx.ws.dashboard.glance(self._day, loaded_too=merged)
        carried: set[int] = set()
        if merged:
            items, carried = carry_figures(items, self.model.items())
        self.model.set_items(items)
        self.figures.restart(items, carried)
        if items:
            row = self.model.row_of(current.commitment_id) if current else -1
            self.list.setCurrentIndex(self.model.index(max(0, row), 0))
        self._show_page(items)
        self._update_header()
        self._update_actions()
        self._loaded = True

    def _figures_done(self) -> None:
        self.summary.setText(summary_line(self.model.items(), self._day, self._today))
        self._update_actions()

    @property
    def figures_complete(self) -> bool:
        return self.figures.complete

    def _fit_list(self) -> None:
        """A short list ends after its last row, so the note editor sits right below it."""
        if self.pages.currentWidget() is not self.list:
            self.pages.setMaximumHeight(16_777_215)
            return
        rows = self.model.rowCount()
        height = self.list.sizeHintForRow(0) * rows if rows else 0
        self.pages.setMaximumHeight(height + 2 * self.list.frameWidth() + 2)

    def _show_page(self, items: list[DayItem]) -> None:
        if items:
            self.pages.setCurrentWidget(self.list)
        elif not self.ctx.ws.commitments.all():
            self.empties.show_first(
                archived=bool(self.ctx.ws.commitments.all(include_archived=True)))
        else:
            self.empties.show_rest(self._day, self._today)
        self._fit_list()

    @property
    def window_title(self) -> str:
        """"Today", or the shown day ("Mon 23 Nov"): what the window's title names."""
        return _("Today") if self._day == self._today else formats.short_day(self._day)

    def _update_header(self) -> None:
        self.navigator.show_day(self._day, self._today)
        self.title_changed.emit(self.window_title)
        text = summary_line(self.model.items(), self._day, self._today)
        self.summary.setText(text)
        self.summary.setVisible(bool(text))
        self.future_line.setVisible(self._day > self._today)

    def _update_actions(self) -> None:
        self.actions_.update_for(self.current_item())

    # --- reading the selection ------------------------------------------------------
    def current_item(self) -> DayItem | None:
        index = self.list.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.item(index.row())

    def _with_current(self, act: Callable[[int], None]) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            act(index.row())

    def _row(self, item: DayItem) -> int:
        return self.model.row_of(item.commitment_id)

    # --- what a row can be asked (keys, menu, mouse) --------------------------------
    def toggle_kept(self, row: int) -> None:
        self.writer.toggle_kept(self.model.item(row))

    def mark_missed(self, row: int) -> None:
        self.writer.mark_missed(self.model.item(row))

    def mark_skipped(self, row: int) -> None:
        self.writer.mark_skipped(self.model.item(row))

    def clear(self, row: int) -> None:
        self.writer.clear(self.model.item(row))

    def edit_value(self, row: int) -> None:
        self.editing.edit_value(row)

    def value_editor(self) -> QWidget | None:
        """The open amount editor, if any (tests and accessibility tools look for it)."""
        return self.editing.value_editor()

    def edit_note(self, row: int) -> None:
        self.editing.edit_note(row)

    # --- going elsewhere ------------------------------------------------------------
    def reflect(self, row: int) -> None:
        item = self.model.item(row)
        self.ctx.nav().reflect_on(item.commitment_id, item.day)

    def _offer_reflection(self, item: DayItem) -> None:
        """A gentle, dismissible offer to reflect on the day just marked not kept."""
        cid, day = item.commitment_id, item.day
        self._offer_for = (cid, day)
        keys = self.actions_.reflect.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.banner.show_message(_(REFLECT_OFFER), kind="offer",
                                 action=pgettext("verb, button", "Reflect"),
                                 callback=lambda: self.ctx.nav().reflect_on(cid, day), keys=keys)

    def edit_commitment(self, row: int) -> None:
        self.ctx.nav().edit_commitment(self.model.item(row).commitment_id)

    def _new_commitment(self) -> None:
        self.ctx.nav().new_commitment()

    # --- mouse and menu -------------------------------------------------------------
    def _on_check_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.list.setCurrentIndex(index)
            self.toggle_kept(index.row())

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid() and self.model.item(index.row()).commitment.measurable:
            self.edit_value(index.row())

    def _show_menu(self, pos: QPoint, global_pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        if not index.isValid():
            return
        self.list.setCurrentIndex(index)
        self._update_actions()
        self.menu = self.actions_.menu(self)
        self.menu.popup(global_pos)

    # --- changes from anywhere ------------------------------------------------------
    def _on_change(self, change: object) -> None:
        if not isinstance(change, Change):
            return
        if change.what is What.CHECKIN and change.commitment_id is not None:
            row = self.model.row_of(change.commitment_id)
            if row >= 0:
                fresh = self.ctx.ws.dashboard.refresh(self.model.item(row))
                self.model.replace(row, fresh)
                if (self.banner.kind == "offer" and fresh.status is not Status.MISSED
                        and self._offer_for == (fresh.commitment_id, fresh.day)):
                    self.banner.dismiss()  # undone, or kept after all: nothing to reflect on
                self.summary.setText(summary_line(self.model.items(), self._day, self._today))
                self._update_actions()
            return
        if change.what is What.REFLECTION and self.banner.kind == "offer":
            self.banner.dismiss()  # the offer was taken up (here or from the menu)
        if self.ctx.ws.today() != self._today:
            # A new day start in Preferences moves today: follow it, like a rollover
            # (never leaving the shown "today" in the future).
            self._on_day_changed(self.ctx.ws.today())
            return
        merged = change.what is What.EVERYTHING
        if self.isVisible():
            self.reload(merged=merged)
        else:
            self._stale = True
            self._merged = self._merged or merged

    def _on_day_changed(self, new_today: object) -> None:
        if not isinstance(new_today, date):
            return
        old = self._today
        self._today = new_today
        if self._day == old:
            self._day = new_today
            self.banner.dismiss()
            self.editing.close_note()
        self.reload()

    # --- paint and theme ------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._loaded:
            if not self._painted:
                self._painted = True
                # After this paint pass has drawn the children too.
                QTimer.singleShot(0, self.painted_with_data.emit)
                # The headings of the coming weeks, for the next start's first paint.
                QTimer.singleShot(0, lambda: first_paint.keep_ahead(self._today))
            self.figures.painted()
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.navigator.refresh_icons()
            self._style_summary()
