"""What can be done to the selected Today row, as actions with keys and accessible names.

The same actions serve the keyboard (they live on the list, so the keys work only
while the list has focus and never while typing a note or an amount) and the context
menu, which shows each key beside its words.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from selftrust.base.i18n import _
from selftrust.domain.history import Status
from selftrust.services.dashboard import DayItem
from selftrust.ui.look.icons import icon
from selftrust.ui.widgets.keys import key_text, tip_with_keys


@dataclass
class RowActions:
    kept: QAction
    missed: QAction
    skip: QAction
    clear: QAction
    note: QAction
    amount: QAction
    reflect: QAction
    edit: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, f.name) for f in fields(self)]

    def attach(self, widget: QWidget) -> None:
        """Keys work while ``widget`` (the list) has focus."""
        for action in self.all():
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            widget.addAction(action)

    def update_for(self, item: DayItem | None) -> None:
        """Enable what makes sense for this row and word the toggles as they will act."""
        live = item is not None and item.checkable
        measurable = bool(item and item.commitment.measurable)
        kept = bool(item and item.status is Status.KEPT)
        if kept:
            self.kept.setText(_("&Clear kept"))
        elif measurable:
            self.kept.setText(_("Enter amount and mark &kept…"))
        else:
            self.kept.setText(_("Mark &kept"))
        has_note = bool(item and item.note)
        self.note.setText(_("Edit &note…") if has_note else _("Add &note…"))
        for action in (self.kept, self.missed, self.skip, self.clear, self.note):
            action.setEnabled(item is not None)
        self.clear.setEnabled(bool(item and item.status is not None))
        self.amount.setEnabled(live and measurable)
        self.reflect.setEnabled(item is not None)
        self.edit.setEnabled(item is not None)

    def menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        menu.setObjectName("today-row-menu")
        for action in self.all():
            if action.data() and action.icon().isNull():
                action.setIcon(icon(str(action.data())))
        for entry in (self.kept, self.missed, self.skip, self.clear, None, self.amount,
                      self.note, None, self.reflect, self.edit):
            if entry is None:
                menu.addSeparator()
            elif entry.isEnabled() or entry in (self.reflect, self.clear):
                menu.addAction(entry)
        return menu


def _action(parent: QWidget, text: str, tip: str, keys: list[str], icon_name: str = ""
            ) -> QAction:
    action = QAction(text, parent)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setToolTip(tip_with_keys(tip, key_text(keys[0])))
    action.setStatusTip(tip)
    action.setShortcutVisibleInContextMenu(True)
    action.setData(icon_name)  # drawn when the menu first opens: start-up stays lean
    # The words as first made: toggles reword themselves ("Clear kept"), lists need one.
    action.setProperty("shortcut_name", text)
    return action


def make_row_actions(parent: QWidget) -> RowActions:
    # The keys are single letters of the English words (M for "not kept", S for skip):
    # they stay as they are in every language, as the list's description says them.
    return RowActions(
        kept=_action(parent, _("Mark &kept"), _("Mark kept; again clears it"), ["Space"],
                     "kept"),
        missed=_action(parent, _("Mark &not kept"), _("It didn't happen this time"), ["M"],
                       "missed"),
        skip=_action(parent, _("&Skip this day"), _("A planned rest or an excused day"),
                     ["S"], "skip"),
        clear=_action(parent, _("C&lear"), _("Back to unmarked"), ["Delete", "Backspace"]),
        note=_action(parent, _("Add &note…"), _("A few words about this day"), ["N"], "note"),
        amount=_action(parent, _("Enter &amount…"), _("How much you did"),
                       ["Return", "Enter"], "edit"),
        reflect=_action(parent, _("&Reflect on this…"),
                        _("Write a kind reflection on this day"), ["R"], "reflect"),
        edit=_action(parent, _("&Edit commitment…"), _("Change this commitment"), ["E"],
                     "edit"),
    )
