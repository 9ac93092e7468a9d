"""How I feel, from 1 (very low) to 5 (very good): five calm buttons with words.

Clicking the chosen one again clears it: feelings are optional, like every part."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from selftrust.domain.coach import FEELING_WORDS


class FeelingPicker(QWidget):
    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(label)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.buttons: dict[int, QPushButton] = {}
        for n, word in FEELING_WORDS.items():
            button = QPushButton(f"{n}  {word}", self)
            button.setObjectName(f"feeling-{n}")
            button.setCheckable(True)
            button.setAccessibleName(f"{label}: {n}, {word}")
            button.setToolTip(f"{n} — {word}")
            button.clicked.connect(lambda _=False, n=n: self._clicked(n))
            row.addWidget(button)
            self.buttons[n] = button
        row.addStretch(1)
        self._value: int | None = None
        self.setStyleSheet(
            "QPushButton { border: 1px solid palette(mid); border-radius: 12px; "
            "padding: 4px 12px; background: palette(base); }"
            "QPushButton:checked { background: palette(highlight); "
            "color: palette(highlighted-text); border-color: palette(highlight); }"
            "QPushButton:focus { border: 2px solid palette(highlight); }"
        )

    def _clicked(self, n: int) -> None:
        self.set_value(None if self._value == n else n)
        self.changed.emit()

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        self._value = value
        for n, button in self.buttons.items():
            button.setChecked(n == value)
