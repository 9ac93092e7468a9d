"""Today: the day's promises, checked off in a second, from the mouse or the keyboard.

The view shows one day (today unless the user moved), writes every check-in through
`ws.checkins.record` and pushes it on the shared undo stack, and listens to the
services' change notices: a check-in refreshes only its own row, anything else
reloads the day. Future days can be looked at but not checked.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.dashboard import DayItem
from selftrust.services.errors import UserError
from selftrust.services.events import Change, What
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.undo import push_checkin
from selftrust.ui.today.banner import Banner
from selftrust.ui.today.day_navigator import DayNavigator
from selftrust.ui.today.row_actions import RowActions, make_row_actions
from selftrust.ui.today.row_text import FUTURE_LINE, REFLECT_OFFER, amount_text, summary_line
from selftrust.ui.today.today_delegate import TodayDelegate
from selftrust.ui.today.today_model import TodayModel
from selftrust.ui.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from selftrust.ui.today.note_editor import NoteEditor

log = logging.getLogger(__name__)

REFLECTION_DIALOG = "selftrust.ui.reflections.reflection_dialog"
FIGURES_DELAY_MS = 40
"""After the first paint, a moment for the window to settle (and the start-up probe to
see it) before streaks and progress load: reading ten years of check-ins blocks the
event loop once for about a tenth of a second."""


FIRST_PROMISE = (
    "Make a promise to yourself",
    "Start with something small you can keep today: a short walk, ten pages, "
    "a glass of water. Trust grows one kept promise at a time.",
)
ALL_ARCHIVED = (
    "Your promises are resting in the archive",
    "Everything you kept is still there. Bring one back from Manage commitments, "
    "or make a fresh promise to yourself.",
)


def _new_key(ctx: UiContext) -> str:
    """The shortcut of "New commitment", as the window's actions say it."""
    try:
        return ctx.nav().actions_.new_commitment.shortcut().toString(
            QKeySequence.SequenceFormat.NativeText)
    except AttributeError:
        return "Ctrl+N"


class TodayList(QListView):
    """The list of rows: keys come from the row actions, the menu from the view."""

    menu_requested = Signal(QPoint, QPoint)  # viewport position, global position
    escaped = Signal()  # Esc with nothing of its own to cancel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today-list")
        self.setAccessibleName("The day's commitments")
        self.setAccessibleDescription(
            "Space marks kept, M not kept, S skip, Delete clears, N adds a note, "
            "Enter an amount")
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self.setAutoFillBackground(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.state() != self.State.EditingState:
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        pos = self.viewport().mapFrom(self, event.pos())
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            rect = self.visualRect(self.currentIndex())
            pos = rect.center() if rect.isValid() else QPoint(0, 0)
        self.menu_requested.emit(pos, self.viewport().mapToGlobal(pos))


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
        self._can_reflect: bool | None = None
        self._figures_round = 0
        self._figures_after_paint = False
        self._offer_for: tuple[int, date] | None = None  # the miss the banner offers for
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
        self.navigator.step.connect(self.step_day)
        self.navigator.go_today.connect(self.go_today)
        self.navigator.picked.connect(self.set_day)
        self.summary = QLabel(self.column)
        self.summary.setObjectName("today-summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.future_line = QLabel(FUTURE_LINE, self.column)
        self.future_line.setObjectName("today-future-line")
        self.future_line.setTextFormat(Qt.TextFormat.PlainText)
        self.future_line.setWordWrap(True)
        self.banner = Banner(self.column)
        self.banner.dismissed.connect(lambda: self.list.setFocus())

        self.model = TodayModel(self)
        self.delegate = TodayDelegate(self)
        self.list = TodayList(self.column)
        self.list.setModel(self.model)
        self.list.setItemDelegate(self.delegate)
        self.delegate.check_clicked.connect(self._on_check_clicked)
        self.delegate.value_entered.connect(self._on_value_entered)
        self.list.menu_requested.connect(self._show_menu)
        self.list.escaped.connect(self.banner.dismiss)
        self.list.doubleClicked.connect(self._on_double_click)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_actions())

        self.actions_ = make_row_actions(self)
        self.actions_.attach(self.list)
        self._wire_row_actions(self.actions_)

        # The empty states and the note editor are made when first needed: most
        # start-ups show a list, and every widget made here delays the first paint.
        self._empty_first: EmptyState | None = None
        self._empty_rest: EmptyState | None = None
        self._note_editor: NoteEditor | None = None
        self.pages = QStackedWidget(self.column)
        self.pages.addWidget(self.list)

        box.addWidget(self.navigator)
        box.addWidget(self.summary)
        box.addWidget(self.future_line)
        box.addWidget(self.banner)
        box.addWidget(self.pages, 1)
        self._box = box
        box.addStretch(0)  # below a short list (and its note editor): calm empty space
        self.setFocusProxy(self.list)
        # Tab goes through the header as it reads, left to right, then to the rows.
        nav = self.navigator
        order = [nav.previous_button, nav.calendar_button, nav.next_button, nav.today_button,
                 self.list, self.banner.action, self.banner.close_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._style_summary()

    @property
    def empty_first(self) -> EmptyState:
        """The invitation shown when there are no commitments at all."""
        if self._empty_first is None:
            u = self.fontMetrics().height()
            empty = EmptyState("add", *FIRST_PROMISE, "Make your first promise", self.column)
            empty.setObjectName("today-empty-first")
            if empty.button is not None:
                empty.button.setObjectName("today-first-promise")
                empty.button.setAccessibleName("Make your first promise")
                empty.button.setToolTip(f"Make a new promise ({_new_key(self.ctx)})")
            empty.action_clicked.connect(self._new_commitment)
            _room_to_wrap(empty, u)
            self.pages.addWidget(empty)
            self._empty_first = empty
        return self._empty_first

    @property
    def empty_rest(self) -> EmptyState:
        """Shown on a day with nothing due."""
        if self._empty_rest is None:
            u = self.fontMetrics().height()
            empty = EmptyState("today", "Nothing is due today", "Rest is part of it, too.",
                               None, self.column)
            empty.setObjectName("today-empty-rest")
            _room_to_wrap(empty, u)
            self.pages.addWidget(empty)
            self._empty_rest = empty
        return self._empty_rest

    @property
    def note_editor(self) -> NoteEditor:
        if self._note_editor is None:
            from selftrust.ui.today.note_editor import NoteEditor

            editor = NoteEditor(self.column)
            editor.saved.connect(self._on_note_saved)
            editor.cancelled.connect(self.list.setFocus)
            self._box.insertWidget(self._box.indexOf(self.pages) + 1, editor)
            self._note_editor = editor
        return self._note_editor

    def _close_note(self) -> None:
        if self._note_editor is not None:
            self._note_editor.hide()

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
        self._close_note()
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
            self.reload()
        if self.pages.currentWidget() is self.list:
            self.list.setFocus()

    # --- loading --------------------------------------------------------------------
    def reload(self) -> None:
        """Read the shown day again, keeping the selected commitment selected."""
        ws = self.ctx.ws
        self._stale = False
        current = self.current_item()
        # At start-up the ledger (years of check-ins) is not loaded yet: paint the day
        # from that day's check-ins alone, then fill in streaks and progress just after.
        items = ws.dashboard.glance(self._day)
        self.model.set_items(items)
        self._figures_round += 1
        # The next paint (the first, at start-up) starts filling them in.
        self._figures_after_paint = any(not item.figures for item in items)
        if items:
            row = self.model.row_of(current.commitment_id) if current else -1
            self.list.setCurrentIndex(self.model.index(max(0, row), 0))
        self._show_page(items)
        self._update_header()
        self._update_actions()
        self._loaded = True

    def _start_figures(self) -> None:
        n = self._figures_round
        ledger = self.ctx.ws.ledger
        steps = None if ledger.loaded else ledger.load_in_steps()
        QTimer.singleShot(0, lambda: self._fill_figures(n, -1, steps))

    def _fill_figures(self, round_: int, row: int, steps: Iterator[None] | None) -> None:
        """Load the ledger a chunk at a time, then complete one row per turn of the
        event loop, so the window stays responsive; a newer reload stops an older round."""
        if round_ != self._figures_round:
            return
        if not self.isVisible():  # the window closed (or Today was left): resume on show
            self._figures_after_paint = True
            return
        ws = self.ctx.ws
        if row < 0:
            if steps is not None and not ws.ledger.loaded:
                try:
                    next(steps)
                    QTimer.singleShot(0, lambda: self._fill_figures(round_, -1, steps))
                    return
                except StopIteration:
                    pass
            ws.ledger.ensure_loaded()  # a change meanwhile stopped the steps: read afresh
        elif row < self.model.rowCount():
            item = self.model.item(row)
            if not item.figures:
                self.model.replace(row, ws.dashboard.refresh(item))
        if row + 1 < self.model.rowCount():
            QTimer.singleShot(0, lambda: self._fill_figures(round_, row + 1, None))
        else:
            self.summary.setText(summary_line(self.model.items(), self._day, self._today))
            self._update_actions()

    @property
    def figures_complete(self) -> bool:
        return all(item.figures for item in self.model.items())

    def _fit_list(self) -> None:
        """A short list ends after its last row, so the note editor sits right below it."""
        if self.pages.currentWidget() is not self.list:
            self.pages.setMaximumHeight(16_777_215)
            return
        rows = self.model.rowCount()
        height = self.list.sizeHintForRow(0) * rows if rows else 0
        self.pages.setMaximumHeight(height + 2 * self.list.frameWidth() + 2)

    def _show_page(self, items: list[DayItem]) -> None:
        self._show_page_for(items)
        self._fit_list()

    def _show_page_for(self, items: list[DayItem]) -> None:
        if items:
            self.pages.setCurrentWidget(self.list)
        elif not self.ctx.ws.commitments.all():
            archived = bool(self.ctx.ws.commitments.all(include_archived=True))
            empty = self.empty_first
            empty.set_text(*(ALL_ARCHIVED if archived else FIRST_PROMISE))
            if empty.button is not None:
                words = "Make a new promise" if archived else "Make your first promise"
                empty.button.setText(words)
                empty.button.setAccessibleName(words)
            self.pages.setCurrentWidget(empty)
        else:
            when = "today" if self._day == self._today else "on this day"
            self.empty_rest.set_text(f"Nothing is due {when}", "Rest is part of it, too.")
            self.pages.setCurrentWidget(self.empty_rest)

    @property
    def window_title(self) -> str:
        """"Today", or the shown day ("Mon 23 Nov"): what the window's title names."""
        return "Today" if self._day == self._today else f"{self._day:%a %d %b}"

    def _update_header(self) -> None:
        ws = self.ctx.ws
        self.navigator.show_day(self._day, self._today, ws.settings.week_start)
        self.title_changed.emit(self.window_title)
        text = summary_line(self.model.items(), self._day, self._today)
        self.summary.setText(text)
        self.summary.setVisible(bool(text))
        self.future_line.setVisible(self._day > self._today)

    def _update_actions(self) -> None:
        # Not known yet: assume yes (asking the import system costs ~15 ms at start-up);
        # the first attempt, the menu or the offer after a miss finds out.
        self.actions_.update_for(self.current_item(), self._can_reflect is not False)

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

    # --- writing --------------------------------------------------------------------
    def _write(self, item: DayItem, state: CheckinState | None, text: str) -> bool:
        """Record one check-in and make it undoable; a refusal is shown, nothing changes."""
        if not item.checkable:
            self.banner.show_message(FUTURE_LINE, kind="info")
            return False
        try:
            change = self.ctx.ws.checkins.record(item.commitment_id, item.day, state)
        except UserError as exc:
            self.banner.show_message(str(exc), kind="problem")
            return False
        push_checkin(self.ctx.undo, self.ctx.ws, change, text)
        if self.banner.kind == "problem":
            self.banner.dismiss()
        return True

    def toggle_kept(self, row: int) -> None:
        item = self.model.item(row)
        if item.status is Status.KEPT:
            self._write(item, None, f"Clear “{item.title}”")
        elif item.commitment.measurable:
            self.edit_value(row)
        else:
            self._write(item, CheckinState(Status.KEPT, None, item.note),
                        f"Mark “{item.title}” kept")

    def mark_missed(self, row: int) -> None:
        item = self.model.item(row)
        if item.status is Status.MISSED:
            return
        if self._write(item, CheckinState(Status.MISSED, None, item.note),
                       f"Mark “{item.title}” not kept"):
            self._offer_reflection(item)

    def mark_skipped(self, row: int) -> None:
        item = self.model.item(row)
        if item.status is Status.SKIPPED:
            return
        self._write(item, CheckinState(Status.SKIPPED, None, item.note),
                    f"Skip “{item.title}”")

    def clear(self, row: int) -> None:
        item = self.model.item(row)
        if item.status is None:
            return
        self._write(item, None, f"Clear “{item.title}”")

    def edit_value(self, row: int) -> None:
        item = self.model.item(row)
        if not item.commitment.measurable:
            return
        if not item.checkable:
            self.banner.show_message(FUTURE_LINE, kind="info")
            return
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.edit(index)

    def value_editor(self) -> QWidget | None:
        """The open amount editor, if any (tests and accessibility tools look for it)."""
        index = self.list.currentIndex()
        return self.list.indexWidget(index) if index.isValid() else None

    def _on_value_entered(self, index: QModelIndex, value: float) -> None:
        if not index.isValid():
            return
        item = self.model.item(index.row())
        target = item.commitment.rules.target
        unit = target.unit if target else ""
        if item.status is Status.KEPT and item.value == value:
            return
        self._write(item, CheckinState(Status.KEPT, value, item.note),
                    f"Enter {amount_text(value, unit)} for “{item.title}”")
        QTimer.singleShot(0, self.list.setFocus)

    def edit_note(self, row: int) -> None:
        item = self.model.item(row)
        if not item.checkable:
            self.banner.show_message(FUTURE_LINE, kind="info")
            return
        if item.status is None:
            self.banner.show_message(
                "A note goes with a check-in: mark this day kept, not kept or skipped "
                "first, then add your note.", kind="info")
            return
        self.note_editor.open_for(item.commitment_id, item.title, item.note)

    def _on_note_saved(self, commitment_id: int, note: str) -> None:
        row = self.model.row_of(commitment_id)
        if row < 0:
            self._close_note()
            return
        item = self.model.item(row)
        if item.status is None or note == item.note:
            self._close_note()
            self.list.setFocus()
            return
        text = f"Note on “{item.title}”" if note.strip() else f"Remove note on “{item.title}”"
        if self._write(item, CheckinState(item.status, item.value, note), text):
            self._close_note()
            self.list.setFocus()

    # --- going elsewhere ------------------------------------------------------------
    def can_reflect(self) -> bool:
        """The reflection dialog is another part of the app; offer it only when present."""
        if self._can_reflect is None:
            try:
                self._can_reflect = importlib.util.find_spec(REFLECTION_DIALOG) is not None
            except (ImportError, ValueError):
                self._can_reflect = False
        return self._can_reflect

    def reflect(self, row: int) -> None:
        item = self.model.item(row)
        self._reflect_on(item.commitment_id, item.day)

    def _reflect_on(self, commitment_id: int, day: date) -> None:
        try:
            self.ctx.nav().reflect_on(commitment_id, day)
        except (ImportError, AttributeError) as exc:
            log.info("reflection dialog not available: %s", exc)
            self._can_reflect = False
            self.banner.hide_action()
            self._update_actions()

    def _offer_reflection(self, item: DayItem) -> None:
        """A gentle, dismissible offer; the button only when the dialog can open."""
        cid, day = item.commitment_id, item.day
        self._offer_for = (cid, day)
        if self.can_reflect():
            keys = self.actions_.reflect.shortcut().toString(
                QKeySequence.SequenceFormat.NativeText)
            self.banner.show_message(REFLECT_OFFER, kind="offer", action="Reflect",
                                     callback=lambda: self._reflect_on(cid, day), keys=keys)
        else:
            self.banner.show_message(REFLECT_OFFER, kind="offer")

    def edit_commitment(self, row: int) -> None:
        item = self.model.item(row)
        self._call_nav(lambda: self.ctx.nav().edit_commitment(item.commitment_id))

    def _new_commitment(self) -> None:
        self._call_nav(lambda: self.ctx.nav().new_commitment())

    def _call_nav(self, call: Callable[[], None]) -> None:
        try:
            call()
        except (ImportError, AttributeError) as exc:
            log.info("not available yet: %s", exc)
            self.banner.show_message("That part of Self-Trust isn't ready yet.", kind="info")

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
        self.can_reflect()
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
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _on_day_changed(self, new_today: object) -> None:
        if not isinstance(new_today, date):
            return
        old = self._today
        self._today = new_today
        if self._day == old:
            self._day = new_today
            self.banner.dismiss()
            self._close_note()
        self.reload()

    # --- paint and theme ------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._loaded:
            if not self._painted:
                self._painted = True
                # After this paint pass has drawn the children too.
                QTimer.singleShot(0, self.painted_with_data.emit)
            if self._figures_after_paint:
                # The figures follow once the window is up (and it stays responsive:
                # a chunk of the ledger, then one row, per turn of the event loop).
                self._figures_after_paint = False
                QTimer.singleShot(FIGURES_DELAY_MS, self._start_figures)
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.navigator.refresh_icons()
            self._style_summary()


def _room_to_wrap(empty: EmptyState, u: int) -> None:
    """A centred, wrapped label gets no height-for-width from its layout: give it a
    width and the height its lines need at that width."""
    width = min(empty.text.maximumWidth(), round(u * 26))
    empty.text.setFixedWidth(width)
    empty.text.setMinimumHeight(empty.text.heightForWidth(width))
