"""The list of the day's rows: a plain list view whose keys come from the row actions
and whose context menu (mouse or keyboard) is asked of the view through a signal."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QWidget

from selftrust.base.i18n import _


class TodayList(QListView):
    """The list of rows: keys come from the row actions, the menu from the view."""

    menu_requested = Signal(QPoint, QPoint)  # viewport position, global position
    escaped = Signal()  # Esc with nothing of its own to cancel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today-list")
        self.setAccessibleName(_("The day's commitments"))
        # TRANSLATORS: the keys of Today's list, for screen readers; the letters stay
        # M, S and N in every language (they are the keys to press).
        self.setAccessibleDescription(_(
            "Space marks kept, M not kept, S skip, Delete clears, N adds a note, "
            "Enter an amount"))
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
