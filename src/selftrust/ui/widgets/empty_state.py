"""A calm, centred message for views with nothing to show yet: never fake content."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from selftrust.ui.look.icons import pixmap


class EmptyState(QWidget):
    action_clicked = Signal()

    def __init__(
        self,
        icon_name: str,
        title: str,
        text: str,
        action: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # A word-wrapped label only gets the height it needs when it fills its
        # layout's width (alignment flags break height-for-width), so the texts live
        # in a column of bounded width, centred by stretches on both sides.
        column = QWidget(self)
        # Room for a long word of a longer language, measured from the font.
        column.setMaximumWidth(max(480, round(self.fontMetrics().height() * 40)))
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(12, 12, 12, 12)
        self._column = column
        self.icon_name = icon_name
        self.icon = QLabel()
        self.icon.setPixmap(pixmap(icon_name, 56))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon.setEnabled(False)  # drawn in the muted colour
        self.title = QLabel(title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setWeight(font.Weight.DemiBold)
        self.title.setFont(font)
        self.text = QLabel(text)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.icon)
        layout.addSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        self.button: QPushButton | None = None
        if action:
            self.button = QPushButton(action)
            self.button.clicked.connect(self.action_clicked)
            layout.addSpacing(12)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.button)
            row.addStretch(1)
            layout.addLayout(row)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(column, 3)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)

    def text_room(self) -> int:
        """The widest the texts can be: the column's width inside its margins."""
        margins = self._column.contentsMargins()
        return self._column.maximumWidth() - margins.left() - margins.right()

    def set_text(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A label holds a still picture: draw it again in the new theme's colour."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.icon.setPixmap(pixmap(self.icon_name, 56))
        super().changeEvent(event)
