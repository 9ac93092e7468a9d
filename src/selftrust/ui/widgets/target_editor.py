"""Yes-or-no or measurable: and for a measurable commitment, its target.

The target reads as a sentence: "[At least] [20] [pages] [a day]". The domain's
``Target`` checks it; its message is shown under the row while it cannot be saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from selftrust.domain.commitment import MAX_TARGET, MAX_UNIT_LENGTH, Target, TargetError
from selftrust.domain.days import Period
from selftrust.ui.widgets.chip import ToggleChip
from selftrust.ui.widgets.labels import InlineMessage

PERIOD_LABELS: tuple[tuple[Period, str], ...] = (
    (Period.DAY, "a day"),
    (Period.WEEK, "a week"),
    (Period.MONTH, "a month"),
)


class AmountBox(QDoubleSpinBox):
    """Amounts as people write them: "10", "2.5", never "10.00"."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt's name
        return f"{value:.{self.decimals()}f}".rstrip("0").rstrip(".")

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt's name
        try:
            return float(text.replace(",", ".").strip() or 0)
        except ValueError:
            return self.value()


class TargetEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.yes_no = ToggleChip("&Yes or no", exclusive=True)
        self.yes_no.setObjectName("kind-yes-no")
        self.yes_no.setAccessibleName("Yes or no")
        self.yes_no.setToolTip("Either I did it or I didn't")
        self.measurable = ToggleChip("&Measurable", exclusive=True)
        self.measurable.setObjectName("kind-measurable")
        self.measurable.setAccessibleName("Measurable")
        self.measurable.setToolTip("I count an amount: pages, kilometres, glasses, cups…")
        self.yes_no.setChecked(True)

        self.bound = QComboBox()
        self.bound.setAccessibleName("At least or at most")
        self.bound.addItem("At least", False)
        self.bound.addItem("At most", True)
        self.amount = AmountBox()
        self.amount.setAccessibleName("Target amount")
        self.amount.setDecimals(2)
        self.amount.setRange(0, MAX_TARGET)
        self.amount.setValue(1)
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setFixedWidth(self.fontMetrics().horizontalAdvance("0000000.00") + 24)
        self.unit = QLineEdit()
        self.unit.setAccessibleName("Unit")
        self.unit.setPlaceholderText("unit: pages, km…")
        self.unit.setMaxLength(200)  # longer than allowed, so the message can explain
        self.unit.setMinimumWidth(self.fontMetrics().horizontalAdvance("m") * 10)
        self.per = QComboBox()
        self.per.setAccessibleName("Per")
        for period, label in PERIOD_LABELS:
            self.per.addItem(label, period.value)

        kinds = QHBoxLayout()
        kinds.setContentsMargins(0, 0, 0, 0)
        kinds.setSpacing(4)
        kinds.addWidget(self.yes_no)
        kinds.addWidget(self.measurable)
        kinds.addStretch(1)

        self.details = QWidget()
        row = QHBoxLayout(self.details)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bound)
        row.addWidget(self.amount)
        row.addWidget(self.unit, 1)
        row.addWidget(self.per)

        self.message = InlineMessage()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(kinds)
        layout.addWidget(self.details)
        layout.addWidget(self.message)

        self.measurable.toggled.connect(self._update)
        self.bound.currentIndexChanged.connect(self._update)
        self.amount.valueChanged.connect(self._update)
        self.unit.textChanged.connect(self._update)
        self.per.currentIndexChanged.connect(self._update)
        self._update()

    # --- reading and writing --------------------------------------------------------
    def is_measurable(self) -> bool:
        return self.measurable.isChecked()

    def period(self) -> Period:
        return Period(self.per.currentData())

    def target(self) -> Target | None:
        """None for yes/no; TargetError (a kind message) when the target cannot be."""
        if not self.is_measurable():
            return None
        return Target(
            float(self.amount.value()),
            self.unit.text().strip(),
            self.period(),
            bool(self.bound.currentData()),
        )

    def set_target(self, target: Target | None) -> None:
        widgets = (self.measurable, self.bound, self.amount, self.unit, self.per)
        for widget in widgets:
            widget.blockSignals(True)
        if target is None:
            self.yes_no.setChecked(True)
        else:
            self.measurable.setChecked(True)
            self.bound.setCurrentIndex(1 if target.at_most else 0)
            self.amount.setValue(target.amount)
            self.unit.setText(target.unit)
            self.per.setCurrentIndex(self.per.findData(target.per.value))
        for widget in widgets:
            widget.blockSignals(False)
        self._update()

    def is_valid(self) -> bool:
        try:
            self.target()
        except TargetError:
            return False
        return True

    # --- internals ------------------------------------------------------------------
    def _update(self) -> None:
        self.details.setVisible(self.is_measurable())
        try:
            self.target()
        except TargetError as exc:
            text = str(exc)
            if len(self.unit.text().strip()) > MAX_UNIT_LENGTH:
                text = (f"Keep the unit to {MAX_UNIT_LENGTH} characters or fewer "
                        f"(it has {len(self.unit.text().strip())}).")
            self.message.show_message(text)
        else:
            self.message.clear_message()
        self.changed.emit()
