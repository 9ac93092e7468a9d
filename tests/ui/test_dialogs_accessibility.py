"""Every control a person can reach in the dialogs has a name a screen reader can say,
and every label shows its text as plain text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from dialog_helpers import add, close_at_end
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from selftrust.ui.dialogs.commitment_dialog import example_draft, new_commitment
from selftrust.ui.dialogs.loop_send_dialog import open_send_to_loop
from selftrust.ui.dialogs.manage_dialog import open_manage
from selftrust.ui.dialogs.pause_dialog import open_pauses
from selftrust.ui.dialogs.preferences_dialog import open_preferences
from selftrust.ui.dialogs.welcome_dialog import maybe_welcome
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.color_picker import ColorPicker

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, ColorPicker)


def _inside_a_compound(widget: QWidget) -> bool:
    """The line edit inside a spin box or combo box is named through its owner."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return True
        parent = parent.parentWidget()
    return False


def _unnamed(dialog: QDialog) -> list[str]:
    missing = []
    for widget in dialog.findChildren(QWidget):
        if _inside_a_compound(widget) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, INPUTS) and not widget.accessibleName():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
        if isinstance(widget, QAbstractButton) and not (
                widget.accessibleName() or widget.text().replace("&", "").strip()):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} (no words)")
    return missing


def _rich_labels(dialog: QDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)
            if label.text() and label.textFormat() != Qt.TextFormat.PlainText
            and label.pixmap().isNull()]


DIALOGS: dict[str, Callable[[UiContext], QDialog | None]] = {
    "commitment": lambda ctx: new_commitment(ctx, None, example_draft(ctx)),
    "manage": lambda ctx: open_manage(ctx, None),
    "pauses": lambda ctx: open_pauses(ctx, None, ctx.ws.commitments.all()[0].id),
    "preferences": lambda ctx: open_preferences(ctx, None),
    "send-to-loop": lambda ctx: open_send_to_loop(ctx, None),
}


@pytest.mark.parametrize("name", [*DIALOGS, "welcome"])
def test_every_control_has_a_name(qtbot: QtBot, ctx: UiContext, name: str) -> None:
    if name == "welcome":
        dialog = maybe_welcome(ctx, None)
    else:
        add(ctx.ws, "Walk")
        dialog = DIALOGS[name](ctx)
    assert dialog is not None
    close_at_end(qtbot, dialog)
    assert _unnamed(dialog) == []
    assert _rich_labels(dialog) == [], "labels show plain text only"
    dialog.done(0)
