"""The Reflections view: a journal of every reflection, newest first.

A list (an item model and a painting delegate, so thousands of entries stay smooth)
with full-text search, a commitment filter and a date range, beside a reading pane.
Enter or a double-click edits, Delete deletes (with a line that says what the delete
undid and an Undo button: undo_bar.py says why not a question), and the next small step
of a reflection can become tomorrow's promise — once: its button then says it is done.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
from selftrust.services.errors import UserError
from selftrust.services.journal import JournalEntry, JournalIndex
from selftrust.services.next_step import promised_for_tomorrow
from selftrust.services.sync.kept import kept_for_reflection
from selftrust.ui.dialogs import messages
from selftrust.ui.look.icons import icon
from selftrust.ui.reflections.journal_delegate import JournalDelegate
from selftrust.ui.reflections.journal_delete import (
    delete_entry,
    deleted_words,
    repair_undone,
    status_line,
)
from selftrust.ui.reflections.journal_filters import JournalFilters
from selftrust.ui.reflections.journal_model import About, JournalModel
from selftrust.ui.reflections.next_step_action import make_promise
from selftrust.ui.reflections.plain_label import plain_label
from selftrust.ui.reflections.reading_pane import ReadingPane
from selftrust.ui.reflections.support_line import SupportLine
from selftrust.ui.reflections.undo_bar import UndoBar
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.empty_state import EmptyState


class JournalView(QWidget):
    painted_with_data = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.index = JournalIndex(ctx.ws)
        self.destroyed.connect(self.index.close)
        self._stale = True
        self._deleted_row: int | None = None  # where the entry just deleted was

        self.model = JournalModel(self)
        self.stack = QStackedWidget(self)
        self.empty = EmptyState(
            "reflections", _("Your journal is waiting"),
            _("When a promise slips, a short reflection turns the fall into a lesson and a "
              "next small step — and it repairs the miss, so its marbles come back to your "
              "jar, in gold. Your reflections gather here, to read again whenever you like."),
            _("Write a reflection"), self)
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
        title = plain_label(_("Reflections"), page, bold=True, scale=1.45)
        self.count = plain_label("", page, muted=True)
        self.count.setObjectName("journal-count")
        write = QPushButton(icon("reflect"), _("Write a reflection"), page)
        write.setObjectName("journal-write")
        write.setToolTip(_("A free reflection (Ctrl+R)"))
        write.clicked.connect(lambda: self.ctx.nav().reflect_on(None, None))
        head.addWidget(title)
        head.addSpacing(em // 2)
        head.addWidget(self.count, 1, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(write)
        layout.addLayout(head)

        self.filters = JournalFilters(self.ctx, page)
        self.filters.changed.connect(self.refresh)
        f = self.filters
        self.search, self.about, self.range, self.first, self.last = (
            f.search, f.about, f.range, f.first, f.last)
        layout.addLayout(f.row)

        self.support = SupportLine(self.ctx, page)
        layout.addWidget(self.support)
        self.undo_bar = UndoBar(self.ctx.undo, page)
        layout.addWidget(self.undo_bar)

        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.setChildrenCollapsible(False)
        left = QStackedWidget(split)
        self.list = QListView(left)
        self.list.setObjectName("journal-list")
        self.list.setAccessibleName(_("Reflections, newest first"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(JournalDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setFrameShape(QListView.Shape.NoFrame)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.doubleClicked.connect(lambda _index: self.edit_current())
        self.list.activated.connect(lambda _index: self.edit_current())
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.no_match = plain_label(_("Nothing matches. Try fewer words or a wider range."),
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

    def _make_actions(self) -> None:
        self.edit_action = QAction(icon("edit"), _("&Edit reflection"), self)
        self.edit_action.setShortcuts([QKeySequence(Qt.Key.Key_Return),
                                       QKeySequence(Qt.Key.Key_Enter)])
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_action.triggered.connect(self.edit_current)
        self.delete_action = QAction(icon("delete"), _("&Delete reflection"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_current)
        self.promise_action = QAction(_("Make this a &promise for tomorrow"), self)
        self.promise_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.promise_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.promise_action.triggered.connect(self.promise_current)
        self.find_action = QAction(_("&Find"), self)
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

    def _changed(self, *_args: object) -> None:
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, self.refresh)

    def bounds(self) -> tuple[date | None, date | None]:
        return self.filters.bounds()

    def refresh(self) -> None:
        """Filter again from the index (cheap), keeping the selected entry selected."""
        self.filters.search_timer.stop()
        self._stale = False
        ws = self.ctx.ws
        keep = self.current_entry()
        deleted_row, self._deleted_row = self._deleted_row, None
        commitments = ws.commitments.all(include_archived=True)
        self.filters.fill_commitments(commitments)
        about = {c.id: About(c.title, c.color) for c in commitments}
        first, last = self.bounds()
        entries = self.index.find(self.search.text(), commitment_id=self.about.currentData(),
                                  first=first, last=last)
        self.model.set_entries(entries, about, ws.today())
        total = self.index.total()
        self.stack.setCurrentIndex(1 if total == 0 else 0)
        self.left.setCurrentIndex(0 if entries else 1)
        shown = len(entries)
        if shown == total:
            # TRANSLATORS: how many reflections the journal holds ("12 in all")
            count = ngettext("{n} in all", "{n} in all", total).format(n=formats.number(total))
        else:
            # TRANSLATORS: how many reflections the filters show ("3 of 12 shown")
            count = ngettext("{shown} of {total} shown", "{shown} of {total} shown",
                             total).format(shown=formats.number(shown),
                                           total=formats.number(total))
        self.count.setText(count)
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
        kept = () if entry is None else kept_for_reflection(self.ctx.ws, entry.id)
        self.pane.show_row(entry, about, self.ctx.ws.today(), promised=promised, kept=kept)
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

    def _menu(self, pos: QPoint) -> None:
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
        self._deleted_row = self.list.currentIndex().row()
        try:
            delete_entry(self.ctx, entry)
        except UserError as exc:
            self._deleted_row = None
            messages.prompter.problem(self, _("Not deleted"), str(exc))
            return
        repaired = repair_undone(self.ctx, entry)
        about = self.model.about(entry).title if repaired else ""
        self.undo_bar.show_done(deleted_words(self.ctx, entry, about, repaired))
        say = getattr(self.window(), "say", None)
        if callable(say):  # the line stays near the list; the status line outlasts it
            say(status_line(repaired))

    def promise_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        if entry.next_step.strip():
            make_promise(self.ctx, self.window(), entry.next_step)

    def can_close(self) -> bool:
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.index.close()
        super().closeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        self.painted_with_data.emit()

