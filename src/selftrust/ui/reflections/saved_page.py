"""The reflection dialog's second page: thanks, what the reflection did, and the offer
to make its next small step tomorrow's promise.

The promise button follows the data (the change signal): it reads "Promised for
tomorrow ✓" while that promise is on tomorrow's list, and offers again once it is
undone or deleted. Ctrl+Z here takes back the promise just made — the main window's
undo key does not reach this separate window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from selftrust.base.bidi import isolate
from selftrust.base.i18n import _, pgettext
from selftrust.services.next_step import promised_for_tomorrow
from selftrust.ui.reflections.next_step_action import (
    button_text,
    made_words,
    make_promise,
    show_promised,
)
from selftrust.ui.reflections.plain_label import plain_label
from selftrust.ui.shell.context import UiContext

if TYPE_CHECKING:
    from selftrust.services.records import ReflectionRow


class SavedPage(QWidget):
    done = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row: ReflectionRow | None = None
        self._undo_index: int | None = None  # the undo stack just after our promise
        layout = QVBoxLayout(self)
        em = QFontMetrics(self.font()).height()
        layout.setContentsMargins(em * 2, em * 2, em * 2, em * 3 // 2)
        layout.setSpacing(em)
        layout.addStretch(1)
        self.saved_title = plain_label(_("Saved. Thank you for looking at this kindly."), self,
                                        bold=True, scale=1.35)
        self.saved_text = plain_label("", self)
        self.saved_text.setObjectName("saved-text")
        self.step_label = plain_label("", self, muted=True)
        self.step_label.setObjectName("saved-step")
        self.promise_button = QPushButton(button_text(), self)
        self.promise_button.setObjectName("promise-tomorrow")
        self.promise_button.clicked.connect(self._promise)
        self.promise_done = plain_label("", self, muted=True)
        self.promise_done.setObjectName("promise-done")
        self.done_button = QPushButton(pgettext("button", "Done"), self)
        self.done_button.setObjectName("reflection-done")
        self.done_button.clicked.connect(self.done)
        for w in (self.saved_title, self.saved_text, self.step_label):
            layout.addWidget(w)
        row = QHBoxLayout()
        row.addWidget(self.promise_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.promise_done)
        layout.addStretch(2)
        end = QHBoxLayout()
        end.addStretch(1)
        end.addWidget(self.done_button)
        layout.addLayout(end)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self._undo)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.bridge.changed.connect(self._changed)

    def show_for(self, row: ReflectionRow) -> None:
        self.row = row
        repaired = self.ctx.ws.reflections.repairs(row)
        self.saved_text.setText(
            _("This miss is repaired: its marbles are back in your jar, one of them gold. "
              "Healed places can grow stronger.") if repaired else
            _("It is in your journal whenever you want to read it again."))
        step = row.next_step.strip()
        # TRANSLATORS: {step} is the next small step the person just wrote
        self.step_label.setText(_("Your next small step: {step}").format(step=isolate(step))
                                if step else "")
        for w in (self.step_label, self.promise_button):
            w.setVisible(bool(step))
        self.promise_done.setVisible(False)
        self._follow()
        first = self.promise_button if step and self.promise_button.isEnabled() else None
        (first or self.done_button).setFocus()

    def _follow(self, *_args: object) -> None:
        """The button (and the "added" line) as the data stands now."""
        if self.row is None or not self.row.next_step.strip():
            return
        made = promised_for_tomorrow(self.ctx.ws, self.row.next_step)
        focused = self.promise_button.hasFocus()
        show_promised(self.promise_button, made is not None)
        if made is None:
            self.promise_done.setVisible(False)
            self._undo_index = None
        if focused and not self.promise_button.isEnabled():
            self.done_button.setFocus()  # a disabled button would drop the focus

    def _changed(self, *_args: object) -> None:
        if self.row is not None:
            self._follow()

    def _promise(self) -> None:
        if self.row is None:
            return
        made = make_promise(self.ctx, self.window(), self.row.next_step)
        if made is not None:
            self._undo_index = self.ctx.undo.index()
            self.promise_done.setText(made_words(made.title))
            self.promise_done.setVisible(True)
        self._follow()

    def _undo(self) -> None:
        """Ctrl+Z: take back the promise made here, and nothing else."""
        if self._undo_index is not None and self.ctx.undo.index() == self._undo_index:
            self.ctx.undo.undo()
