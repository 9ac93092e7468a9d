"""A row of colour swatches from the palette, each named for screen readers.

The row is one tab stop: arrow keys (and Home/End) move the choice, as in a group of
radio buttons, so fourteen colours do not cost fourteen presses of Tab.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QHBoxLayout, QWidget

from selftrust.base.i18n import N_, _, pgettext
from selftrust.base.palette import PaletteColor, commitment_colors

CUSTOM_NAME = N_("Current colour")


def colour_name(name: str) -> str:
    """A colour's name from the palette (resources/palette.json) in the person's language."""
    names = {
        "Ocean": pgettext("colour", "Ocean"),
        "Tangerine": pgettext("colour", "Tangerine"),
        "Raspberry": pgettext("colour", "Raspberry"),
        "Sky": pgettext("colour", "Sky"),
        "Rose": pgettext("colour", "Rose"),
        "Plum": pgettext("colour", "Plum"),
        "Brick": pgettext("colour", "Brick"),
        "Teal": pgettext("colour", "Teal"),
        "Slate": pgettext("colour", "Slate"),
        "Leaf": pgettext("colour", "Leaf"),
        "Indigo": pgettext("colour", "Indigo"),
        "Orchid": pgettext("colour", "Orchid"),
        "Moss": pgettext("colour", "Moss"),
        "Violet": pgettext("colour", "Violet"),
        "Gold": pgettext("colour", "Gold"),
        CUSTOM_NAME: _(CUSTOM_NAME),
    }
    return names.get(name, name)


class Swatch(QAbstractButton):
    """A round, checkable colour button; the chosen one wears a ring and a tick."""

    def __init__(self, color: PaletteColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color = color
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(colour_name(color.name))
        self.setToolTip(colour_name(color.name))
        self.setObjectName(f"swatch-{color.hex}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.focus_shown = False

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        side = round(self.fontMetrics().height() * 1.9)
        return QSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        ring = max(1.5, side / 14)
        fill = QColor(self.color.hex)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        if self.isChecked():
            painter.setPen(QPen(text, ring))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(box.adjusted(ring, ring, -ring, -ring))
        inset = ring * 2.6
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(box.adjusted(inset, inset, -inset, -inset))
        if self.isChecked():
            pen = QPen(QColor("white"), max(1.5, side / 12))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            c = box.center()
            s = side / 7
            painter.drawPolyline([c + QPointF(-s * 1.1, 0), c + QPointF(-s * 0.25, s * 0.85),
                                  c + QPointF(s * 1.2, -s * 0.8)])
        if self.focus_shown:
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), max(1.0, side / 20))
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(box.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()


class ColorPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(_("Colour"))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(0)
        self.swatches: list[Swatch] = []
        for color in commitment_colors():
            self._add(color)
        self._row.addStretch(1)
        self.swatches[0].setChecked(True)
        self.group.buttonToggled.connect(self._toggled)
        self._describe()

    def _add(self, color: PaletteColor) -> Swatch:
        swatch = Swatch(color, self)
        self.group.addButton(swatch)
        self._row.insertWidget(len(self.swatches), swatch)
        self.swatches.append(swatch)
        return swatch

    # --- reading and writing --------------------------------------------------------
    def color(self) -> str:
        checked = self.group.checkedButton()
        assert isinstance(checked, Swatch)
        return checked.color.hex

    def color_name(self) -> str:
        """The chosen colour's name, as the person reads it."""
        checked = self.group.checkedButton()
        assert isinstance(checked, Swatch)
        return colour_name(checked.color.name)

    def set_color(self, hex_color: str) -> None:
        wanted = hex_color.lower()
        for swatch in self.swatches:
            if swatch.color.hex.lower() == wanted:
                swatch.setChecked(True)
                return
        # a colour from an import or an older palette stays choosable as it is
        self._add(PaletteColor(CUSTOM_NAME, wanted)).setChecked(True)

    # --- keyboard -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        checked = self.group.checkedButton()
        index = next((i for i, s in enumerate(self.swatches) if s is checked), 0)
        step = {
            Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1,
        }.get(Qt.Key(event.key()))
        if step is not None:
            index = (index + step) % len(self.swatches)
        elif event.key() == Qt.Key.Key_Home:
            index = 0
        elif event.key() == Qt.Key.Key_End:
            index = len(self.swatches) - 1
        else:
            super().keyPressEvent(event)
            return
        self.swatches[index].setChecked(True)
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self._mark_focus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self._mark_focus(False)

    def _mark_focus(self, shown: bool) -> None:
        for swatch in self.swatches:
            swatch.focus_shown = shown and swatch.isChecked()
            swatch.update()

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if not checked:
            return
        self._mark_focus(self.hasFocus())
        self._describe()
        self.changed.emit()

    def _describe(self) -> None:
        # TRANSLATORS: for screen readers; {colour} is a colour's name ("Ocean").
        self.setAccessibleDescription(_("{colour} is chosen").format(colour=self.color_name()))
