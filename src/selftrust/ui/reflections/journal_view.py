"""The Reflections view: a journal of every reflection, newest first.

A list (an item model and a painting delegate, so thousands of entries stay smooth)
with full-text search, a commitment filter and a date range, beside a reading pane.
Enter or a double-click edits, Delete deletes (with a line that says what the delete
undid and an Undo button: undo_bar.py says why not a question), and the next small step
of a reflection can become tomorrow's promise — once: its button then says it is done.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from selftrust.domain.history import Status
from selftrust.services.errors import UserError
from selftrust.services.journal import FREE, JournalEntry, JournalIndex
from selftrust.services.next_step import promised_for_tomorrow
from selftrust.ui.dialogs import messages
from selftrust.ui.look.icons import icon
from selftrust.ui.reflections.journal_delegate import JournalDelegate
from selftrust.ui.reflections.journal_model import About, JournalModel
from selftrust.ui.reflections.next_step_action import make_promise
from selftrust.ui.reflections.plain_label import plain_label
from selftrust.ui.reflections.reading_pane import ReadingPane
from selftrust.ui.reflections.support_line import SupportLine
from selftrust.ui.reflections.undo_bar import UndoBar
from selftrust.ui.reflections.words import short_day
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.undo import perform
from selftrust.ui.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from selftrust.services.records import CommitmentRow

SEARCH_DELAY_MS = 150
RANGES = (
    ("Any time", None),
    ("Last 7 days", 7),
    ("Last 30 days", 30),
    ("Last 12 months", 365),
    ("Choose dates…", -1),
)
EMPTY_TEXT = (
    "When a promise slips, a short reflection turns the fall into a lesson and a next "
    "small step — and it repairs the miss, so its marbles come back to your jar, in gold. "
    "Your reflections gather here, to read again whenever you like."
)


class JournalView(QWidget):
    painted_with_data = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.index = JournalIndex(ctx.ws)
        self.destroyed.connect(self.index.close)
        self._stale = True
        self._deleted_row: int | None = None  # where the entry just deleted was
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)

        self.model = JournalModel(self)
        self.stack = QStackedWidget(self)
        self.empty = EmptyState("reflections", "Your journal is waiting", EMPTY_TEXT,
                                "Write a reflection", self)
        self.empty.setObjectName("journal-empty")
        # A centred, wrapped label needs a definite width to get its full height.
        width = self.fontMetrics().averageCharWidth() * 60
        self.empty.text.setFixedWidth(width)
        self.empty.text.setMinimumHeight(self.empty.text.heightForWidth(width))
        self.empty.action_clicked.connect(lambda: self.ctx.nav().reflect_on(None, None))
        self.stack.addWidget(self._journal_page())
        self.stack.addWidget(self.empty)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self._make_actions()
        ctx.bridge.changed.connect(self._changed)
        ctx.clockwork.day_changed.connect(self._changed)
        self.refresh()

    # --- building -----------------------------------------------------------------------
    def _journal_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        em = self.fontMetrics().height()
        layout.setContentsMargins(em, em, em, em * 2 // 3)
        layout.setSpacing(em * 2 // 3)

        head = QHBoxLayout()
        title = plain_label("Reflections", page, bold=True, scale=1.45)
        self.count = plain_label("", page, muted=True)
        self.count.setObjectName("journal-count")
        write = QPushButton(icon("reflect"), "Write a reflection", page)
        write.setObjectName("journal-write")
        write.setToolTip("A free reflection (Ctrl+R)")
        write.clicked.connect(lambda: self.ctx.nav().reflect_on(None, None))
        head.addWidget(title)
        head.addSpacing(em // 2)
        head.addWidget(self.count, 1, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(write)
        layout.addLayout(head)

        filters = QHBoxLayout()
        self.search = QLineEdit(page)
        self.search.setObjectName("journal-search")
        self.search.setPlaceholderText("Search your reflections")
        self.search.setAccessibleName("Search your reflections")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.about = QComboBox(page)
        self.about.setObjectName("journal-about")
        self.about.setAccessibleName("Which commitment")
        self.about.currentIndexChanged.connect(self.refresh)
        self.range = QComboBox(page)
        self.range.setObjectName("journal-range")
        self.range.setAccessibleName("When")
        for label, days in RANGES:
            self.range.addItem(label, days)
        self.range.currentIndexChanged.connect(self._range_changed)
        self.first = self._date_edit(page, "From")
        self.last = self._date_edit(page, "To")
        filters.addWidget(self.search, 3)
        filters.addWidget(self.about, 2)
        filters.addWidget(self.range, 1)
        filters.addWidget(self.first)
        filters.addWidget(self.last)
        layout.addLayout(filters)

        self.support = SupportLine(self.ctx, page)
        layout.addWidget(self.support)
        self.undo_bar = UndoBar(self.ctx.undo, page)
        layout.addWidget(self.undo_bar)

        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.setChildrenCollapsible(False)
        left = QStackedWidget(split)
        self.list = QListView(left)
        self.list.setObjectName("journal-list")
        self.list.setAccessibleName("Reflections, newest first")
        self.list.setModel(self.model)
        self.list.setItemDelegate(JournalDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setFrameShape(QListView.Shape.NoFrame)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.doubleClicked.connect(lambda _: self.edit_current())
        self.list.activated.connect(lambda _: self.edit_current())
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.no_match = plain_label("Nothing matches. Try fewer words or a wider range.",
                                     left, muted=True)
        self.no_match.setObjectName("journal-no-match")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left.addWidget(self.list)
        left.addWidget(self.no_match)
        self.left = left
        self.pane = ReadingPane(split)
        self.pane.edit_requested.connect(self.edit_current)
        self.pane.delete_requested.connect(self.delete_current)
        self.pane.promise_requested.connect(self.promise_current)
        split.addWidget(left)
        split.addWidget(self.pane)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        layout.addWidget(split, 1)
        self.setFocusProxy(self.list)  # focus given to the view goes to its list
        return page

    def _date_edit(self, parent: QWidget, name: str) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setObjectName(f"journal-{name.lower()}")
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        today = self.ctx.ws.today()
        edit.setDate(QDate(today.year, today.month, today.day))
        edit.setVisible(False)
        edit.dateChanged.connect(self.refresh)
        return edit

    def _make_actions(self) -> None:
        self.edit_action = QAction(icon("edit"), "&Edit reflection", self)
        self.edit_action.setShortcuts([QKeySequence(Qt.Key.Key_Return),
                                       QKeySequence(Qt.Key.Key_Enter)])
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_action.triggered.connect(self.edit_current)
        self.delete_action = QAction(icon("delete"), "&Delete reflection", self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_current)
        self.promise_action = QAction("Make this a &promise for tomorrow", self)
        self.promise_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.promise_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.promise_action.triggered.connect(self.promise_current)
        self.find_action = QAction("&Find", self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(self._focus_search)
        self.list.addAction(self.edit_action)
        self.list.addAction(self.delete_action)
        self.addAction(self.find_action)
        self.addAction(self.promise_action)

    # --- filling --------------------------------------------------------------------------
    def activated(self) -> None:
        if self._stale:
            self.refresh()
        self.support.refresh()

    def _changed(self, *_: object) -> None:
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, self.refresh)

    def _fill_commitments(self, commitments: list[CommitmentRow]) -> None:
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
            today = self.ctx.ws.today()
            start = today - timedelta(days=30)
            self.first.blockSignals(True)
            self.first.setDate(QDate(start.year, start.month, start.day))
            self.first.blockSignals(False)
        self.refresh()

    def bounds(self) -> tuple[date | None, date | None]:
        days = self.range.currentData()
        today = self.ctx.ws.today()
        if days is None:
            return None, None
        if days == -1:
            return _date(self.first.date()), _date(self.last.date())
        return today - timedelta(days=days - 1), today

    def refresh(self) -> None:
        """Filter again from the index (cheap), keeping the selected entry selected."""
        self._search_timer.stop()
        self._stale = False
        ws = self.ctx.ws
        keep = self.current_entry()
        deleted_row, self._deleted_row = self._deleted_row, None
        commitments = ws.commitments.all(include_archived=True)
        self._fill_commitments(commitments)
        about = {c.id: About(c.title, c.color) for c in commitments}
        first, last = self.bounds()
        entries = self.index.find(self.search.text(), commitment_id=self.about.currentData(),
                                  first=first, last=last)
        self.model.set_entries(entries, about, ws.today())
        total = self.index.total()
        self.stack.setCurrentIndex(1 if total == 0 else 0)
        self.left.setCurrentIndex(0 if entries else 1)
        shown = len(entries)
        self.count.setText(
            f"{total:,} in all" if shown == total
            else f"{shown:,} of {total:,} shown"
        )
        row = self.model.row_of(keep.id) if keep is not None else None
        if row is None and entries:  # deleted: its neighbour takes its place; else the top
            row = min(deleted_row, len(entries) - 1) if deleted_row is not None else 0
        if row is not None:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show(self.current_entry())  # the same entry may have a new promise state

    # --- the current entry -----------------------------------------------------------------
    def current_entry(self) -> JournalEntry | None:
        index = self.list.currentIndex() if hasattr(self, "list") else QModelIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.entry(index.row())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.entry(current.row()) if current.isValid() else None)

    def _show(self, entry: JournalEntry | None) -> None:
        """The reading pane shows the index's copy: the index follows every change."""
        about = self.model.about(entry).title if entry is not None else ""
        step = entry.next_step if entry is not None else ""
        promised = bool(step.strip()) and promised_for_tomorrow(self.ctx.ws, step) is not None
        self.pane.show_row(entry, about, self.ctx.ws.today(), promised=promised)
        has = entry is not None
        self.edit_action.setEnabled(has)
        self.delete_action.setEnabled(has)
        self.promise_action.setEnabled(has and bool(step.strip()) and not promised)

    def select_id(self, reflection_id: int) -> None:
        row = self.model.row_of(reflection_id)
        if row is not None:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # --- actions -------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        if not self.list.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        menu.addAction(self.edit_action)
        menu.addAction(self.promise_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def edit_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        from selftrust.ui.reflections.open_dialogs import open_reflection_for_edit

        open_reflection_for_edit(self.ctx, self.window(), entry.id)

    def delete_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        ws = self.ctx.ws
        self._deleted_row = self.list.currentIndex().row()
        try:
            perform(self.ctx.undo, "Delete reflection", lambda: ws.reflections.delete(entry.id),
                    ws.reflections.put_back)
        except UserError as exc:
            self._deleted_row = None
            messages.prompter.problem(self, "Not deleted", str(exc))
            return
        repaired = self._repair_undone(entry)
        self.undo_bar.show_done(self._deleted_words(entry, repaired))
        say = getattr(self.window(), "say", None)
        if callable(say):  # the line stays near the list; the status line outlasts it
            open_again = " — the miss it repaired is open again" if repaired else ""
            say(f"Reflection deleted{open_again}. Ctrl+Z brings it back.")

    def _repair_undone(self, entry: JournalEntry) -> bool:
        """True when the delete left a repaired miss a plain miss (no other reflection
        repairs it)."""
        ws = self.ctx.ws
        cid = entry.commitment_id
        if not entry.repairs or cid is None:
            return False
        stored = ws.checkins.get(cid, entry.day)
        ledger_entry = ws.ledger.entry(cid, entry.day)
        return not (stored is None or stored.state.status is not Status.MISSED or (
            ledger_entry is not None and ledger_entry.repaired))

    def _deleted_words(self, entry: JournalEntry, repaired: bool) -> str:
        """What the delete did: a miss it repaired is a plain miss again (unless another
        reflection still repairs it)."""
        ws = self.ctx.ws
        if not repaired:
            return "Reflection deleted."
        about = self.model.about(entry).title
        return (f"Reflection deleted. The miss it repaired ({about}, "
                f"{short_day(entry.day, ws.today())}) is no longer repaired, so its marbles "
                "leave your jar again.")

    def promise_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        if entry.next_step.strip():
            make_promise(self.ctx, self.window(), entry.next_step)

    def can_close(self) -> bool:
        return True

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.index.close()
        super().closeEvent(event)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().paintEvent(event)
        self.painted_with_data.emit()


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())
