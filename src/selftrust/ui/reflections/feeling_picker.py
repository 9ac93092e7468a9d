"""How I feel, from 1 (very low) to 5 (very good): five calm pills with words.

The pills behave like radio buttons, because a stray key must never undo a choice:
Space or Enter selects the focused pill and never clears it, the arrow keys move along
the row (carrying the choice with them once one is made, as radio buttons do), and the
row is one Tab stop. Feelings are optional, like every part, so a choice can still be
taken back on purpose: Delete or Backspace clears it, and so does clicking the chosen
pill again with the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

from selftrust.base import formats
from selftrust.base.i18n import _
from selftrust.ui.reflections.words import feeling_words
from selftrust.ui.widgets.flow_layout import FlowLayout

SELECT_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select)
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up)
ON_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down)


class Pill(QPushButton):
    """One feeling. Its keys are the picker's to interpret, never a plain toggle; a
    click (mouse, or an accessibility tool's "press") reaches the picker as ``clicked``."""

    def __init__(self, picker: FeelingPicker, n: int, text: str) -> None:
        super().__init__(text, picker)
        self.picker, self.n = picker, n
        self.setCheckable(True)
        self.setAutoDefault(False)  # Enter on a pill chooses it; it never saves the dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self.picker.key(self.n, event):
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in SELECT_KEYS:  # QPushButton would click (toggle) on release
            event.accept()
            return
        super().keyReleaseEvent(event)


class FeelingPicker(QWidget):
    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(label)
        row = FlowLayout(self, spacing=6)  # the pills wrap when their words are long
        self.buttons: dict[int, Pill] = {}
        for n, word in feeling_words().items():
            number = formats.number(n)
            # TRANSLATORS: a feeling pill: its number (1 to 5) and its word ("2  low")
            button = Pill(self, n, _("{n}  {feeling}").format(n=number, feeling=word))
            button.setObjectName(f"feeling-{n}")
            # TRANSLATORS: {label} is "Feeling before" or "Feeling after"
            button.setAccessibleName(_("{label}: {n}, {feeling}").format(
                label=label, n=number, feeling=word))
            button.setToolTip(
                _("{n} — {feeling} (arrow keys move, Space chooses, Delete clears)").format(
                    n=number, feeling=word))
            button.clicked.connect(lambda _checked=False, n=n: self.clicked(n))
            row.addWidget(button)
            self.buttons[n] = button
        self._value: int | None = None
        self._tab_stop()
        self.setStyleSheet(
            "QPushButton { border: 1px solid palette(mid); border-radius: 12px; "
            "padding: 4px 12px; background: palette(base); }"
            "QPushButton:checked { background: palette(highlight); "
            "color: palette(highlighted-text); border-color: palette(highlight); }"
            "QPushButton:focus { border: 2px solid palette(highlight); }"
        )

    # --- what the user does -------------------------------------------------------------
    def clicked(self, n: int) -> None:
        """A mouse click: choose, or take back the choice by clicking it again."""
        self._choose(None if self._value == n else n)

    def key(self, n: int, event: QKeyEvent) -> bool:
        """A key on pill ``n``; True when the picker used it."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        k = event.key()
        if k in SELECT_KEYS:
            if self._value != n:
                self._choose(n)
            return True
        if k in CLEAR_KEYS:
            if self._value is not None:
                self._choose(None)
            return True
        step = -1 if k in BACK_KEYS else 1 if k in ON_KEYS else 0
        if not step:
            return False
        to = n + step
        if to in self.buttons:
            self.buttons[to].setFocus(Qt.FocusReason.TabFocusReason)
            if self._value is not None:
                self._choose(to)
        return True

    def _choose(self, value: int | None) -> None:
        self.set_value(value)
        self.changed.emit()

    # --- the value ----------------------------------------------------------------------
    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        self._value = value
        for n, button in self.buttons.items():
            button.setChecked(n == value)
        self._tab_stop()

    def _tab_stop(self) -> None:
        """One Tab stop for the row, as for radio buttons: the chosen pill, else the
        first. The others still take focus from a click or an arrow key."""
        stop = self._value or 1
        for n, button in self.buttons.items():
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if n == stop
                                  else Qt.FocusPolicy.ClickFocus)
