"""The inline amount editor of a measurable row: a number with its unit.

Numbers read as people write them ("12", "9.5 km"), not "12.00"; Enter saves and Esc
cancels (the delegate decides what those mean).
"""

from __future__ import annotations

from PySide6.QtGui import QFocusEvent, QShowEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QWidget

from selftrust.base.bidi import isolate
from selftrust.base.i18n import _
from selftrust.services.checkins import MAX_VALUE


class ValueEditor(QDoubleSpinBox):
    def __init__(self, unit: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today-value-editor")
        self.setDecimals(2)
        self.setRange(0.0, MAX_VALUE)
        self.setSingleStep(1.0)
        self.setKeyboardTracking(True)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        if unit:
            self.setSuffix(f" {unit}")
        if unit:
            # TRANSLATORS: the amount field's name ("Amount of pages for Read").
            name = _("Amount of {unit} for {title}").format(unit=unit, title=isolate(title))
        else:
            name = _("Amount for {title}").format(title=isolate(title))
        self.setAccessibleName(name)
        # TRANSLATORS: the amount field's tooltip; {name} is its name just above.
        self.setToolTip(_("{name}. Enter saves, Esc cancels.").format(name=name))
        self._blank = False  # set_empty: no amount offered until the user types one

    def set_empty(self) -> None:
        """No amount yet (a weekly or monthly target is never one day's): the field
        starts blank and says what it wants."""
        self.setValue(0.0)
        self._blank = True
        self.lineEdit().textEdited.connect(self._typed)
        unit = self.suffix().strip()
        # TRANSLATORS: the empty amount field of a weekly or monthly amount ("km today").
        self.lineEdit().setPlaceholderText(_("{unit} today").format(unit=unit) if unit
                                           else _("amount today"))
        self.lineEdit().clear()

    def _typed(self, text: str) -> None:
        self._blank = not text.strip()

    def is_blank(self) -> bool:
        """Started empty and still nothing typed: Enter should write nothing."""
        return self._blank

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._blank:  # showing writes the value into the field: keep it blank
            self.lineEdit().clear()

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt's name
        text = self.locale().toString(value, "f", self.decimals())
        point = self.locale().decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return text.replace(self.locale().groupSeparator(), "")

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        if self._blank:
            self.lineEdit().clear()
        self.selectAll()
