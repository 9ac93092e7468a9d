"""How the app's dialogs open: window-modal over their parent, deleted once closed.

A dialog that deleted itself on close would be gone before a screenshot grabs it, so
the screenshot targets show theirs without that.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


def open_modal(dialog: D) -> D:
    """Open over the parent (``QDialog.open``) without blocking; gone once closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def shown(dialog: D) -> D:
    """Show for a screenshot: the caller grabs it and then closes it."""
    dialog.show()
    return dialog
