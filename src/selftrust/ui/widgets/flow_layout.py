"""A row of controls that goes on in a second line when the window is too narrow.

The chart buttons, the feeling pills and the weekday chips fit one row in English; in
longer languages ("Einhaltungsquote" for "Kept rate", or the pseudo-language's bracketed
words) a row that cannot wrap makes its whole page wider than the window, and the end of
the row is cut off. Here the controls keep their natural size and wrap like words in a
line of text, from the right in a right-to-left language. One layout for every such row.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6,
                 line_spacing: int | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.line_spacing = spacing if line_spacing is None else line_spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # --- QLayout's bookkeeping ----------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    # --- sizes ----------------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Every control on one line."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(
            0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the widest control."""
        size = QSize(0, 0)
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return self._with_margins(size)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # --- placing ----------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _with_margins(self, size: QSize) -> QSize:
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the controls out in lines within ``rect``; the height they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = 0
        for item in self._shown():
            hint = item.sizeHint().boundedTo(QSize(max(1, area.width()), 1 << 20))
            if lines[-1] and x + hint.width() > area.width():
                lines.append([])
                x = 0
            lines[-1].append((item, hint))
            x += hint.width() + self.spacing()
        widget = self.parentWidget()
        mirrored = widget is not None and widget.layoutDirection() == Qt.LayoutDirection.RightToLeft
        y = area.y()
        for line in lines:
            tall = max((hint.height() for _item, hint in line), default=0)
            x = area.x()
            for item, hint in line:
                if place:
                    box = QRect(QPoint(x, y + (tall - hint.height()) // 2), hint)
                    if mirrored:
                        box.moveLeft(area.left() + area.right() - box.right())
                    item.setGeometry(box)
                x += hint.width() + self.spacing()
            y += tall + self.line_spacing
        used = y - self.line_spacing - area.y() if lines[-1] else 0
        return used + m.top() + m.bottom()
