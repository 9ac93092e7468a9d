"""Lines of text that delegates paint by hand, right in either direction.

A painted row places its parts itself (a dot, a title, a date at the end), so it
mirrors them itself for a right-to-left language: the places are worked out left to
right and ``mirrored`` into the row. The words keep their own order: a line of ours
runs in the window's direction, and the person's own text (a title, the first words of a
reflection) in its own — Hebrew in an English window, English in an Arabic one — as a
QLabel would show it (``own_direction``).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QTextOption

RTL = Qt.LayoutDirection.RightToLeft


def mirrored(rect: QRectF, within: QRectF, direction: Qt.LayoutDirection) -> QRectF:
    """``rect``, placed left to right in ``within``, as a right-to-left row has it."""
    if direction != RTL:
        return rect
    return QRectF(within.left() + within.right() - rect.right(), rect.top(), rect.width(),
                  rect.height())


def draw_line(p: QPainter, rect: QRectF, text: str, direction: Qt.LayoutDirection, *,
              at_end: bool = False, own_direction: bool = False) -> None:
    """One line in ``rect``, at its start (or ``at_end``) as the window reads: the
    left in a left-to-right window. ``own_direction``: the person's text, whose letters
    decide its direction."""
    start = Qt.AlignmentFlag.AlignRight if direction == RTL else Qt.AlignmentFlag.AlignLeft
    end = Qt.AlignmentFlag.AlignLeft if direction == RTL else Qt.AlignmentFlag.AlignRight
    option = QTextOption((end if at_end else start) | Qt.AlignmentFlag.AlignAbsolute
                         | Qt.AlignmentFlag.AlignVCenter)
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto if own_direction
                            else direction)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    p.drawText(rect, text, option)
