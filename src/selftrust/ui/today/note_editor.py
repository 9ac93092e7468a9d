"""A short note on a check-in, written inline under the list (never a modal dialog).

Plain text, at most 2,000 characters. Enter saves, Shift+Enter starts a new line,
Esc cancels; the counter shows how much room is left once it gets close. A note also
written differently on another computer (sync kept both) shows that text above the
editor, selectable, so the person can take what they want of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from selftrust.base import formats
from selftrust.base.bidi import isolate
from selftrust.base.i18n import _, ngettext
from selftrust.services.checkins import MAX_NOTE_LENGTH
from selftrust.services.sync.kept import KeptText
from selftrust.ui.widgets.keys import key_text, tip_with_keys


class NoteText(QPlainTextEdit):
    save = Signal()
    cancel = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.save.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel.emit()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        """Pasted text arrives as plain text, whatever the clipboard held."""
        self.insertPlainText(source.text())


class NoteEditor(QFrame):
    saved = Signal(int, str)  # commitment id, the note
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today-note-editor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # As tall as what it holds: below a short list the spare height is the view's calm
        # empty space, not gaps between the heading and the note.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        u = self.fontMetrics().height()
        box = QVBoxLayout(self)
        box.setContentsMargins(u, u // 2, u, u // 2)
        box.setSpacing(u // 3)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.kept = QLabel(self)  # the other text sync kept, shown plainly
        self.kept.setObjectName("today-note-kept")
        self.kept.setTextFormat(Qt.TextFormat.PlainText)
        self.kept.setWordWrap(True)
        self.kept.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.kept.hide()
        self.text = NoteText(self)
        self.text.setObjectName("today-note-text")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(round(u * 3.6))
        self.text.setPlaceholderText(_("A few words about today (just for you)"))
        self.counter = QLabel(self)
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setWordWrap(True)
        self.save_button = QPushButton(_("Save note"), self)
        self.save_button.setObjectName("today-note-save")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(tip_with_keys(_("Save the note"), key_text("Enter")))
        self.cancel_button = QPushButton(_("Cancel"), self)
        self.cancel_button.setObjectName("today-note-cancel")
        self.cancel_button.setToolTip(tip_with_keys(_("Leave the note as it was"),
                                                    key_text("Esc")))
        buttons = QHBoxLayout()
        buttons.addWidget(self.counter, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        box.addWidget(self.heading)
        box.addWidget(self.kept)
        box.addWidget(self.text)
        box.addLayout(buttons)
        self.text.save.connect(self._save)
        self.text.cancel.connect(self._cancel)
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self._cancel)
        self.text.textChanged.connect(self._count)
        self.commitment_id = 0
        self.hide()

    def open_for(self, commitment_id: int, title: str, note: str,
                 kept: Sequence[KeptText] = ()) -> None:
        self.commitment_id = commitment_id
        # TRANSLATORS: the heading of the note editor; {title} is the commitment's title.
        self.heading.setText(_("Note on “{title}”").format(title=isolate(title)))
        self.kept.setText("\n".join(
            # TRANSLATORS: above a note's other version that sync kept; {device} is the
            # name of the other computer, as its person typed it.
            _("Also written on {device}:").format(device=isolate(k.device)) + "\n" + k.text
            for k in kept))
        self.kept.setVisible(bool(kept))
        # TRANSLATORS: the note field's name for screen readers.
        self.text.setAccessibleName(_("Note on {title}").format(title=isolate(title)))
        self.text.setPlainText(note)
        self.show()
        self.text.setFocus()
        self.text.selectAll()
        self._count()

    def note(self) -> str:
        return self.text.toPlainText()

    def _count(self) -> None:
        n = len(self.text.toPlainText())
        left = MAX_NOTE_LENGTH - n
        if left < 0:
            self.counter.setText(ngettext(
                "{n} character too long (up to {limit})",
                "{n} characters too long (up to {limit})", -left,
            ).format(n=formats.number(-left), limit=formats.number(MAX_NOTE_LENGTH)))
        elif left < 200:
            self.counter.setText(ngettext("{n} character left", "{n} characters left", left)
                                 .format(n=formats.number(left)))
        else:
            # TRANSLATORS: under the note field; Enter, Shift and Esc are keys.
            self.counter.setText(_("Enter saves · Shift+Enter for a new line · Esc cancels"))
        self.save_button.setEnabled(left >= 0)

    def _save(self) -> None:
        if len(self.note()) > MAX_NOTE_LENGTH:
            return
        self.saved.emit(self.commitment_id, self.note())

    def _cancel(self) -> None:
        self.hide()
        self.cancelled.emit()
