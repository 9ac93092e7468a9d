"""A dialog's own actions, and push buttons that follow them.

The action holds the text, shortcut, tooltip, icon and enabled state in one place; its
button (and a shortcut that works while the dialog has focus) follow every change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from selftrust.ui.look.icons import icon
from selftrust.ui.widgets.keys import key_text, tip_with_keys

Keys = QKeySequence.StandardKey | str | list[str] | None


def dialog_action(owner: QWidget, text: str, tip: str, keys: Keys, icon_name: str | None,
                  slot: Callable[[], object]) -> QAction:
    """An action added to ``owner`` (so its shortcut works there), its tooltip naming the
    shortcut."""
    action = QAction(text, owner)
    if isinstance(keys, QKeySequence.StandardKey):
        action.setShortcuts(keys)
    elif isinstance(keys, list):
        action.setShortcuts([QKeySequence(k) for k in keys])
    elif isinstance(keys, str):
        action.setShortcut(QKeySequence(keys))
    action.setToolTip(tip_with_keys(tip, key_text(action.shortcut())))
    action.setStatusTip(tip)
    if icon_name:
        action.setIcon(icon(icon_name))
    action.triggered.connect(slot)
    owner.addAction(action)
    return action


def action_button(action: QAction) -> QPushButton:
    """A push button that triggers ``action`` and shows what it shows, as it changes."""
    button = QPushButton(action.icon(), action.text())
    button.setAutoDefault(False)
    button.clicked.connect(action.trigger)

    def follow() -> None:
        button.setEnabled(action.isEnabled())
        button.setText(action.text())
        button.setIcon(action.icon())
        button.setToolTip(action.toolTip())
        button.setAccessibleName(action.text().replace("&", "").rstrip("…"))

    follow()
    action.changed.connect(follow)
    return button
