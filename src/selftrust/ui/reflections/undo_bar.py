"""A calm line after a delete: what happened, and an Undo button right there.

Why not "Are you sure?" first: deleting a reflection is fully undoable, and desktop
guidelines (GNOME's and KDE's alike) prefer an undo to a confirmation for such actions —
a question asked every time is soon answered without reading, while this line reports
exactly what the delete did (a repaired miss losing its repair) and takes it back in
one click. It is not timed (no one should have to be quick), and it goes away as soon
as anything else is done or undone, so its Undo only ever undoes that delete.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QWidget

from selftrust.base.i18n import _, pgettext
from selftrust.ui.look.icons import icon
from selftrust.ui.reflections.plain_label import plain_label


class UndoBar(QFrame):
    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self._index: int | None = None
        self.setObjectName("UndoBar")
        em = self.fontMetrics().height()
        row = QHBoxLayout(self)
        row.setContentsMargins(em * 3 // 4, em // 3, em // 3, em // 3)
        row.setSpacing(em // 2)
        self.text = plain_label("", self)
        self.text.setObjectName("undo-bar-text")
        self.undo = QPushButton(icon("undo"), pgettext("button", "Undo"), self)
        self.undo.setObjectName("undo-bar-undo")
        self.undo.setToolTip(_("Undo the delete (Ctrl+Z)"))
        self.undo.clicked.connect(self._undo)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(_("Dismiss this message"))
        self.close_button.setToolTip(pgettext("button", "Dismiss"))
        self.close_button.clicked.connect(self.dismiss)
        row.addWidget(self.text, 1)
        row.addWidget(self.undo, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setStyleSheet(
            "#UndoBar { border: 1px solid palette(mid); border-radius: 8px; "
            "background: palette(alternate-base); }"
        )
        stack.indexChanged.connect(self._stack_moved)
        self.setVisible(False)

    def show_done(self, text: str) -> None:
        """Just after the action was pushed on the stack: offer to undo exactly it."""
        self._index = self.stack.index()
        self.text.setText(text)
        self.setAccessibleName(text)
        self.setVisible(True)

    def dismiss(self) -> None:
        self._index = None
        self.setVisible(False)

    def _stack_moved(self, index: int) -> None:
        if self._index is not None and index != self._index:
            self.dismiss()

    def _undo(self) -> None:
        if self._index is not None and self.stack.index() == self._index:
            self.stack.undo()
        self.dismiss()
