"""Manage commitments (Edit → Manage commitments…, Ctrl+M): the list in the user's
order, reordered by drag and drop (or Alt+Up/Down), and New, Edit, Pause, Archive /
Restore and Delete. Every change is one undoable step; Undo works right here too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from selftrust.base import formats
from selftrust.base.i18n import _, pgettext
from selftrust.services.errors import UserError
from selftrust.services.records import CommitmentRow
from selftrust.ui.dialogs import commitment_actions as actions
from selftrust.ui.dialogs import messages
from selftrust.ui.dialogs.commitment_form import section_label
from selftrust.ui.dialogs.manage_words import delete_question, detail_of
from selftrust.ui.dialogs.opening import open_modal, shown
from selftrust.ui.dialogs.wrapped import keep_wrapped_heights
from selftrust.ui.look.icons import icon
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.action_button import action_button, dialog_action
from selftrust.ui.widgets.commitment_list_model import CommitmentListModel
from selftrust.ui.widgets.commitment_list_view import commitment_list_view
from selftrust.ui.widgets.empty_state import EmptyState
from selftrust.ui.widgets.labels import Hint, plain_tooltip

Std = QKeySequence.StandardKey
ARCHIVE_KEYS = "Ctrl+Shift+A"


def with_keys(tip: str, keys: str) -> str:
    """A tooltip naming its shortcut, as ``dialog_action`` writes it."""
    return f"{tip} ({keys})"


class ManageDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("manage-dialog")
        self.setWindowTitle(_("Manage commitments"))
        em = self.fontMetrics().horizontalAdvance("m")

        today = ctx.ws.today()
        self.active_model = CommitmentListModel(
            reorderable=True, detail=lambda r: detail_of(r, self.ctx.ws.today()))
        self.archived_model = CommitmentListModel(
            reorderable=False, detail=lambda r: detail_of(r, today))
        self.active_view = commitment_list_view(self.active_model, "active-list",
                                                reorderable=True)
        self.active_view.setAccessibleName(_("Commitments"))
        self.archived_view = commitment_list_view(self.archived_model, "archived-list",
                                                  reorderable=False)
        self.archived_view.setAccessibleName(_("Archived commitments"))
        self.active_label = section_label(_("&Commitments"), self.active_view)
        self.archived_label = section_label(_("Archi&ved"), self.archived_view)
        self.hint = Hint(_("Drag to change the order, or use {up} and {down}. "
                           "Today shows them in this order.").format(up="Alt+↑", down="Alt+↓"))
        self.status = Hint("")
        self.status.setObjectName("manage-status")
        self.empty = EmptyState(
            "add",
            _("No commitments yet"),
            _("A commitment is a small promise to yourself, like “Walk 20 minutes”. "
              "Start with one you can keep."),
            _("&New commitment…"),
        )
        self.empty.action_clicked.connect(self.new)
        if self.empty.button is not None:
            self.empty.button.setAccessibleName(_("New commitment"))
        # a centred, word-wrapped label gets no height-for-width from its layout: give the
        # text a width and the height that width needs, so no line is cut off
        wrap = em * 30
        self.empty.text.setFixedWidth(wrap)
        self.empty.text.setMinimumHeight(self.empty.text.heightForWidth(wrap))

        # --- actions (buttons, shortcuts and tooltips in one place) ---------------------
        act = partial(dialog_action, self)
        self.act_new = act(pgettext("commitment", "&New…"), _("Make a new commitment"),
                           Std.New, "add", self.new)
        self.act_edit = act(pgettext("verb, button", "&Edit…"), _("Change the selected commitment"),
                            ["F2", "Ctrl+E"], "edit", self.edit)
        self.act_pause = act(pgettext("verb, button", "&Pause…"),
                             _("Plan rest days for the selected commitment"),
                             "Ctrl+P", "pause", self.pause)
        self.act_archive = act(pgettext("verb, button", "&Archive"),
                               _("Put it away; its history is kept"),
                               ARCHIVE_KEYS, "archive", self.archive_or_restore)
        self.act_delete = act(pgettext("verb, button", "&Delete…"),
                              _("Delete the selected commitment"), Std.Delete, "delete",
                              self.delete)
        self.act_up = act(_("Move &up"), _("Move it up the list"),
                          ["Alt+Up", "Ctrl+Shift+Up"], None, lambda: self.move_selected(-1))
        self.act_down = act(_("Move do&wn"), _("Move it down the list"),
                            ["Alt+Down", "Ctrl+Shift+Down"], None,
                            lambda: self.move_selected(1))
        self.act_undo = act(pgettext("verb, button", "Undo"), _("Undo the last change"), Std.Undo,
                            "undo", ctx.undo.undo)
        self.act_redo = act(pgettext("verb, button", "Redo"), _("Redo what was undone"),
                            ["Ctrl+Shift+Z", "Ctrl+Y"], "redo", ctx.undo.redo)

        side = QVBoxLayout()
        side.setSpacing(6)
        self.buttons: dict[str, QPushButton] = {}
        for key, action in (("new", self.act_new), ("edit", self.act_edit),
                            ("pause", self.act_pause), ("archive", self.act_archive),
                            ("delete", self.act_delete), (None, None),
                            ("up", self.act_up), ("down", self.act_down)):
            if key is None or action is None:
                side.addSpacing(12)
                continue
            button = action_button(action)
            button.setObjectName(f"manage-{key}")
            self.buttons[key] = button
            side.addWidget(button)
        side.addStretch(1)

        lists = QVBoxLayout()
        lists.setSpacing(4)
        lists.addWidget(self.active_label)
        lists.addWidget(self.active_view, 3)
        lists.addWidget(self.hint)
        lists.addSpacing(10)
        lists.addWidget(self.archived_label)
        lists.addWidget(self.archived_view)

        self.content = QWidget()
        body = QHBoxLayout(self.content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(em)
        body.addLayout(lists, 1)
        body.addLayout(side)

        bottom = QHBoxLayout()
        self.undo_button = QToolButton()
        self.undo_button.setDefaultAction(self.act_undo)
        self.undo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.undo_button.setAutoRaise(True)
        self.close_button = QPushButton(pgettext("verb, button", "Close"))
        self.close_button.setAccessibleName(pgettext("verb, button", "Close"))
        self.close_button.setDefault(False)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(em * 2, em * 2, em * 2, em * 3 // 2)
        layout.setSpacing(em)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(bottom)
        self.resize(em * 56, em * 48)
        keep_wrapped_heights(self)  # the hint and status whole, in any language

        self.active_model.reordered.connect(self._persist_order)
        for view in (self.active_view, self.archived_view):
            view.activated.connect(lambda _index: self.edit())
            view.selectionModel().currentChanged.connect(self._sync)
        self.active_view.selectionModel().selectionChanged.connect(
            lambda *_: self._only_one_selected(self.active_view))
        self.archived_view.selectionModel().selectionChanged.connect(
            lambda *_: self._only_one_selected(self.archived_view))
        ctx.bridge.changed.connect(self._on_change)
        ctx.undo.canUndoChanged.connect(self._sync_undo)
        ctx.undo.canRedoChanged.connect(self._sync_undo)
        ctx.undo.undoTextChanged.connect(self._sync_undo)
        self.finished.connect(self._detach)
        self.refresh()
        if self.content.isHidden():
            self.resize(em * 44, em * 32)  # an empty list needs less room
        if self.active_model.rowCount():
            self.select(self.active_model.row_at(0).id)
        self.active_view.setFocus()
        self._sync_undo()

    # --- contents ---------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.selected_id()
        rows = self.ctx.ws.commitments.all(include_archived=True)
        self.active_model.set_rows([r for r in rows if not r.archived])
        archived = [r for r in rows if r.archived]
        self.archived_model.set_rows(archived)
        # TRANSLATORS: a heading over the archived commitments; {n} counts them
        self.archived_label.setText(
            _("Archi&ved ({n})").format(n=formats.number(len(archived))) if archived
            else _("Archi&ved"))
        self.archived_label.setVisible(bool(archived))
        self.archived_view.setVisible(bool(archived))
        if archived:  # as tall as its rows, up to three; the active list takes the rest
            shown = min(len(archived), 3)
            row_height = self.archived_view.sizeHintForRow(0)
            self.archived_view.setFixedHeight(
                shown * row_height + 2 * self.archived_view.frameWidth())
        self.content.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if keep is not None:
            self.select(keep)
        self._sync()

    def _on_change(self, _change: object) -> None:
        self.refresh()

    def selected(self) -> CommitmentRow | None:
        for view, model in ((self.active_view, self.active_model),
                            (self.archived_view, self.archived_model)):
            rows = view.selectionModel().selectedRows()
            if rows:
                return model.row_at(rows[0].row())
        return None

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row is not None else None

    def select(self, commitment_id: int) -> bool:
        for view, model in ((self.active_view, self.active_model),
                            (self.archived_view, self.archived_model)):
            row = model.row_of(commitment_id)
            if row >= 0:
                index = model.index(row)
                view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                view.scrollTo(index)
                return True
        return False

    def _only_one_selected(self, view: QListView) -> None:
        """Selecting in one list clears the other, so the buttons act on one thing."""
        if not view.selectionModel().hasSelection():
            self._sync()
            return
        other = self.archived_view if view is self.active_view else self.active_view
        other.selectionModel().clearSelection()
        self._sync()

    def _sync(self, *_args: object) -> None:
        row = self.selected()
        has = row is not None
        archived = bool(row and row.archived)
        self.act_edit.setEnabled(has)
        self.act_delete.setEnabled(has)
        self.act_pause.setEnabled(has and not archived)
        self.act_archive.setEnabled(has)
        if archived:
            self.act_archive.setText(pgettext("verb, button", "&Restore"))
            self.act_archive.setIcon(icon("restore"))
            self.act_archive.setToolTip(with_keys(_("Bring it back to Today"), ARCHIVE_KEYS))
        else:
            self.act_archive.setText(pgettext("verb, button", "&Archive"))
            self.act_archive.setIcon(icon("archive"))
            self.act_archive.setToolTip(
                with_keys(_("Put it away; its history is kept"), ARCHIVE_KEYS))
        position = self.active_model.row_of(row.id) if has and row is not None else -1
        self.act_up.setEnabled(not archived and position > 0)
        self.act_down.setEnabled(
            not archived and 0 <= position < self.active_model.rowCount() - 1)

    def _sync_undo(self, *_args: object) -> None:
        stack = self.ctx.undo
        if not shiboken6.isValid(stack):
            return  # the stack is being destroyed (it announces its last clear)
        self.act_undo.setEnabled(stack.canUndo())
        self.act_redo.setEnabled(stack.canRedo())
        text = stack.undoText()
        # the undo text holds a commitment's title: user text, so an escaped tooltip
        # TRANSLATORS: {step} names the change Undo takes back ("Archive “Walk”")
        undo = _("Undo {step}").format(step=text.replace("&&", "&"))
        self.act_undo.setToolTip(plain_tooltip(with_keys(undo, "Ctrl+Z"))
                                 if text else _("Nothing to undo"))

    def _detach(self) -> None:
        for signal, slot in ((self.ctx.bridge.changed, self._on_change),
                             (self.ctx.undo.canUndoChanged, self._sync_undo),
                             (self.ctx.undo.canRedoChanged, self._sync_undo),
                             (self.ctx.undo.undoTextChanged, self._sync_undo)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass

    # --- the buttons ------------------------------------------------------------------
    def new(self) -> QDialog:
        from selftrust.ui.dialogs.commitment_dialog import new_commitment

        form = new_commitment(self.ctx, self)
        form.accepted.connect(self._select_newest)
        return form

    def _select_newest(self) -> None:
        """A new commitment goes to the end of the list: select it, ready to move."""
        count = self.active_model.rowCount()
        if count:
            self.select(self.active_model.row_at(count - 1).id)
            self.active_view.setFocus()

    def edit(self) -> QDialog | None:
        row = self.selected()
        if row is None:
            return None
        from selftrust.ui.dialogs.commitment_dialog import edit_commitment

        return edit_commitment(self.ctx, self, row.id)

    def pause(self) -> QDialog | None:
        row = self.selected()
        if row is None or row.archived:
            return None
        from selftrust.ui.dialogs.pause_dialog import open_pauses

        return open_pauses(self.ctx, self, row.id)

    def archive_or_restore(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.archived:
            self._run(lambda: actions.restore(self.ctx, row.id),
                      _("“{title}” is back in Today, with all its history.").format(
                          title=row.title))
        else:
            self._run(lambda: actions.archive(self.ctx, row.id),
                      _("“{title}” is archived; its history is kept. "
                        "Restore brings it back.").format(title=row.title))
        self.select(row.id)

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        text, detail = delete_question(self.ctx, row)
        if not messages.prompter.ask(
            self,
            _("Delete this commitment?"),
            text,
            accept=pgettext("verb, button", "Delete"),
            reject=_("Keep it"),
            detail=detail,
            destructive=True,
        ):
            return
        neighbour = self._neighbour_of(row.id)
        if self._run(lambda: actions.delete(self.ctx, row.id),
                     _("“{title}” was deleted. Undo brings it back.").format(title=row.title)
                     ) and neighbour:
            self.select(neighbour)

    def move_selected(self, steps: int) -> None:
        row = self.selected()
        if row is None or row.archived:
            return
        position = self.active_model.row_of(row.id)
        if self.active_model.move(position, steps):
            self.select(row.id)

    def _neighbour_of(self, commitment_id: int) -> int | None:
        for model in (self.active_model, self.archived_model):
            row = model.row_of(commitment_id)
            if row >= 0:
                ids = model.ids()
                others = ids[row + 1:] + ids[:row][::-1]
                return others[0] if others else None
        return None

    def _persist_order(self, ids: list[int]) -> None:
        self._run(lambda: actions.reorder(self.ctx, ids), _("New order saved."))

    def _run(self, step: Callable[[], object], done: str) -> bool:
        try:
            step()
        except UserError as exc:
            messages.prompter.problem(self, _("That did not work"), str(exc))
            self.refresh()
            return False
        self.status.setText(done)
        return True


def open_manage(ctx: UiContext, parent: QWidget | None) -> ManageDialog:
    return open_modal(ManageDialog(ctx, parent))


def screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    return shown(ManageDialog(ctx, window))
