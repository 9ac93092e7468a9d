"""The navigation rail: one big, labelled button per view, usable from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QButtonGroup, QFrame, QToolButton, QVBoxLayout, QWidget

from selftrust.ui.widgets.keys import key_text, tip_with_keys


class NavRail(QFrame):
    selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavRail")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 12, 8, 12)
        self._layout.setSpacing(4)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QToolButton] = {}
        self._layout.addStretch(1)

    def add(self, key: str, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"nav-{key}")
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIcon(action.icon())
        button.setIconSize(QSize(20, 20))
        button.setText(action.text().replace("&", ""))
        button.setToolTip(tip_with_keys(action.toolTip(), key_text(action.shortcut())))
        button.setAccessibleName(action.text().replace("&", ""))
        button.setSizePolicy(button.sizePolicy().horizontalPolicy().Expanding,
                             button.sizePolicy().verticalPolicy())
        button.setMinimumHeight(36)
        button.clicked.connect(lambda: self.selected.emit(key))
        self._group.addButton(button)
        self._buttons[key] = button
        self._layout.insertWidget(self._layout.count() - 1, button)
        return button

    def set_current(self, key: str) -> None:
        button = self._buttons.get(key)
        if button is not None:
            button.setChecked(True)

    def refresh_icons(self, actions: dict[str, QAction]) -> None:
        for key, action in actions.items():
            if key in self._buttons:
                self._buttons[key].setIcon(action.icon())
