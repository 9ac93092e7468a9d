"""Editing a Today row in place: the amount of a measurable commitment (an editor in
the row, from the delegate) and the note of a check-in (an editor below the list,
made when first needed). Both save through the check-in writer, so both are undoable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QBoxLayout, QWidget

from selftrust.base.bidi import isolate
from selftrust.base.i18n import N_, _, pgettext
from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.ui.today.banner import Banner
from selftrust.ui.today.checkin_writer import CheckinWriter
from selftrust.ui.today.row_text import FUTURE_LINE, amount_text
from selftrust.ui.today.today_list import TodayList
from selftrust.ui.today.today_model import TodayModel

if TYPE_CHECKING:
    from selftrust.services.sync.kept import KeptText
    from selftrust.ui.today.note_editor import NoteEditor

NOTE_NEEDS_CHECKIN = N_("A note goes with a check-in: mark this day kept, not kept or "
                        "skipped first, then add your note.")


class RowEditing:
    """Opens and saves the amount and note editors of the list's rows; the note editor
    goes into ``box`` right below ``pages`` (the list's page stack)."""

    def __init__(self, list_: TodayList, model: TodayModel, banner: Banner,
                 writer: CheckinWriter, box: QBoxLayout, pages: QWidget,
                 kept_notes: Callable[[int, date], Sequence[KeptText]]) -> None:
        self._kept_notes = kept_notes  # a note's other versions that sync kept
        self._list = list_
        self._model = model
        self._banner = banner
        self._writer = writer
        self._box = box
        self._pages = pages
        self._note_editor: NoteEditor | None = None

    # --- amounts --------------------------------------------------------------------
    def edit_value(self, row: int) -> None:
        item = self._model.item(row)
        if not item.commitment.measurable:
            return
        if not item.checkable:
            self._banner.show_message(_(FUTURE_LINE), kind="info")
            return
        index = self._model.index(row, 0)
        self._list.setCurrentIndex(index)
        self._list.edit(index)

    def value_editor(self) -> QWidget | None:
        index = self._list.currentIndex()
        return self._list.indexWidget(index) if index.isValid() else None

    def value_entered(self, index: QModelIndex, value: float) -> None:
        if not index.isValid():
            return
        item = self._model.item(index.row())
        target = item.commitment.rules.target
        unit = target.unit if target else ""
        if item.status is Status.KEPT and item.value == value:
            return
        # TRANSLATORS: a change in the Edit menu ("Undo Enter 12 pages for “Read”").
        text = _("Enter {amount} for “{title}”").format(amount=amount_text(value, unit),
                                                      title=isolate(item.title))
        self._writer.write(item, CheckinState(Status.KEPT, value, item.note), text)
        QTimer.singleShot(0, self._list.setFocus)

    # --- notes ----------------------------------------------------------------------
    @property
    def note_editor(self) -> NoteEditor:
        if self._note_editor is None:
            from selftrust.ui.today.note_editor import NoteEditor

            editor = NoteEditor(self._pages.parentWidget())
            editor.saved.connect(self._note_saved)
            editor.cancelled.connect(self._list.setFocus)
            self._box.insertWidget(self._box.indexOf(self._pages) + 1, editor)
            self._note_editor = editor
        return self._note_editor

    def close_note(self) -> None:
        if self._note_editor is not None:
            self._note_editor.hide()

    def edit_note(self, row: int) -> None:
        item = self._model.item(row)
        if not item.checkable:
            self._banner.show_message(_(FUTURE_LINE), kind="info")
            return
        if item.status is None:
            self._banner.show_message(_(NOTE_NEEDS_CHECKIN), kind="info")
            return
        self.note_editor.open_for(item.commitment_id, item.title, item.note,
                                  self._kept_notes(item.commitment_id, item.day))

    def _note_saved(self, commitment_id: int, note: str) -> None:
        row = self._model.row_of(commitment_id)
        if row < 0:
            self.close_note()
            return
        item = self._model.item(row)
        if item.status is None or note == item.note:
            self.close_note()
            self._list.setFocus()
            return
        if note.strip():
            # TRANSLATORS: a change in the Edit menu ("Undo Note on “Walk”").
            text = pgettext("undo", "Note on “{title}”").format(title=isolate(item.title))
        else:
            text = _("Remove note on “{title}”").format(title=isolate(item.title))
        if self._writer.write(item, CheckinState(item.status, item.value, note), text):
            self.close_note()
            self._list.setFocus()
