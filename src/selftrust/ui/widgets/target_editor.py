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

from selftrust.base import formats
from selftrust.base.i18n import N_, _, ngettext
from selftrust.domain.commitment import MAX_TARGET, MAX_UNIT_LENGTH, Target, TargetError
from selftrust.domain.days import Period
from selftrust.ui.widgets.chip import ToggleChip
from selftrust.ui.widgets.dates import qt_locale
from selftrust.ui.widgets.labels import InlineMessage

PERIOD_LABELS: tuple[tuple[Period, str], ...] = (
    # TRANSLATORS: the end of "At least [20] [pages] [a day]".
    (Period.DAY, N_("a day")),
    (Period.WEEK, N_("a week")),
    (Period.MONTH, N_("a month")),
)


class AmountBox(QDoubleSpinBox):
    """Amounts as people write them: "10", "2.5" (or "2,5"), never "10.00"; a point or
    a comma is read as the decimal sign either way."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(qt_locale())

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt's name
        text = f"{value:.{self.decimals()}f}".rstrip("0").rstrip(".")
        return text.replace(".", self.locale().decimalPoint())

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt's name
        try:
            return float(text.replace(",", ".").strip() or 0)
        except ValueError:
            return self.value()


class TargetEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.yes_no = ToggleChip(_("&Yes or no"), exclusive=True)
        self.yes_no.setObjectName("kind-yes-no")
        self.yes_no.setAccessibleName(_("Yes or no"))
        self.yes_no.setToolTip(_("Either I did it or I didn't"))
        self.measurable = ToggleChip(_("&Measurable"), exclusive=True)
        self.measurable.setObjectName("kind-measurable")
        self.measurable.setAccessibleName(_("Measurable"))
        self.measurable.setToolTip(_("I count an amount: pages, kilometres, glasses, cups…"))
        self.yes_no.setChecked(True)

        self.bound = QComboBox()
        self.bound.setAccessibleName(_("At least or at most"))
        # TRANSLATORS: the start of "At least [20] [pages] [a day]".
        self.bound.addItem(_("At least"), False)
        self.bound.addItem(_("At most"), True)
        self.amount = AmountBox()
        self.amount.setAccessibleName(_("Target amount"))
        self.amount.setDecimals(2)
        self.amount.setRange(0, MAX_TARGET)
        self.amount.setValue(1)
        self.amount.setAlignment(Qt.AlignmentFlag.AlignTrailing)
        self.amount.setFixedWidth(self.fontMetrics().horizontalAdvance("0000000.00") + 24)
        self.unit = QLineEdit()
        self.unit.setAccessibleName(_("Unit"))
        self.unit.setPlaceholderText(_("unit: pages, km…"))
        self.unit.setMaxLength(200)  # longer than allowed, so the message can explain
        self.unit.setMinimumWidth(self.fontMetrics().horizontalAdvance("m") * 10)
        self.per = QComboBox()
        # TRANSLATORS: the name of the field that says "a day", "a week" or "a month".
        self.per.setAccessibleName(_("Per"))
        for period, label in PERIOD_LABELS:
            self.per.addItem(_(label), period.value)

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
            length = len(self.unit.text().strip())
            if length > MAX_UNIT_LENGTH:
                text = ngettext(
                    "Keep the unit to {limit} character or fewer (it has {n}).",
                    "Keep the unit to {limit} characters or fewer (it has {n}).",
                    MAX_UNIT_LENGTH,
                ).format(limit=formats.number(MAX_UNIT_LENGTH), n=formats.number(length))
            self.message.show_message(text)
        else:
            self.message.clear_message()
        self.changed.emit()
